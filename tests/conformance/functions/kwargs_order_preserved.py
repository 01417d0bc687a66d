def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3))
print(f(**{'b': 1, 'a': 2}, c=3))
def g(*args, **kw):
    return args, kw
print(g(3, 2, 1, y=0, x=0))
