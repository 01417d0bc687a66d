case = {}
case[1]: int = 3
def f(v):
    match v:
        case [a]: return ('one', a)
        case {'k': b}: return b
        case (x, y) if x > y: return 'gt'
        case str() | bytes(): return 'text'
        case _: 
            case = 5
            match case:
                case 5: return 'five'
for v in ([1], {'k': 2}, (3, 1), 'x', (1, 3)):
    print(f(v))
match 1:
    case 1: pass
case[2]: int = 4
print(case)
