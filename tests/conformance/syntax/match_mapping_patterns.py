def f(v):
    match v:
        case {'type': 'point', 'x': x, 'y': y}:
            return f'point {x},{y}'
        case {'type': 'circle', **rest}:
            return f'circle with {rest}'
        case {}:
            return 'some mapping'
        case _:
            return 'not a mapping'
print(f({'type': 'point', 'x': 1, 'y': 2, 'extra': 0}))
print(f({'type': 'circle', 'r': 3, 'c': (0, 0)}))
print(f({'type': 'square'}))
print(f({}))
print(f([('type', 'point')]))
