def f(v):
    match v:
        case [x] if x > 10:
            return f'big single {x}'
        case [x]:
            return f'single {x}'
        case other:
            return f'other {other!r}'
print(f([42]), f([3]), f(7))
match 5:
    case n:
        pass
print('bound', n)
