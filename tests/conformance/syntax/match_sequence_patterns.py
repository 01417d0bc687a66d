def f(v):
    match v:
        case []:
            return 'empty'
        case [a]:
            return f'one {a}'
        case [a, b]:
            return f'two {a} {b}'
        case (a, *rest, z):
            return f'first {a} middle {rest} last {z}'
for v in ([], [1], (1, 2), [1, 2, 3, 4], 'ab', range(3), {1, 2}, (i for i in [1])):
    print(repr(v) if not hasattr(v, 'send') else 'generator', f(v))
match [1, [2, 3]]:
    case [a, [b, c]]:
        print('nested', a, b, c)
