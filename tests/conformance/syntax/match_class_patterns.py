class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class Other:
    pass
def f(v):
    match v:
        case Point(0, 0):
            return 'origin'
        case Point(x, 0):
            return f'on x axis at {x}'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Point(x, y=yy):
            return f'at {x},{yy}'
        case int(n) | float(n):
            return f'number {n}'
        case str() as s:
            return f'string {s}'
        case Other():
            return 'an Other'
for v in (Point(0, 0), Point(3, 0), Point(0, 4), Point(1, 2), 7, 2.5, 'txt', Other(), None):
    print(f(v))
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(type(e).__name__, e)
