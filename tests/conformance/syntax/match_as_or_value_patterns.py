import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Const:
    LIMIT = 10
def f(v):
    match v:
        case Color.RED:
            return 'red'
        case Const.LIMIT:
            return 'at limit'
        case (1 | 2) as small:
            return f'small {small}'
        case [(0 | 1) as bit, *_] as whole:
            return f'bit {bit} of {whole}'
        case _:
            return 'other'
for v in (Color.RED, Color.GREEN, 10, 1, 2, [1, 5], [3]):
    print(f(v))
