def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), 4))
print(f(**{'a': 1}, b=2, **{'c': 3}))
print(f(*'ab', x=1, **dict(y=2)))
print(f(1, *range(3), 9, *[]))
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
