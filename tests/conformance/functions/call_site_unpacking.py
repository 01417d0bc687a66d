def f(a, b, c=0, *, d=0):
    return a + b + c + d
print(f(*[1, 2]), f(*(1, 2, 3)), f(**{'a': 1, 'b': 2, 'd': 10}))
print(f(1, *[2], **{'d': 4}), f(*range(2), c=5))
args = {'b': 2}
print(f(1, **args))
