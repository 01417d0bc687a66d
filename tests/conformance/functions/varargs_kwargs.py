def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, x=3))
def g(a, *args, b, **kwargs):
    return a, args, b, kwargs
print(g(1, 2, 3, b=4, c=5, d=6))
print(type(f(1)[0]).__name__, type(f(x=1)[1]).__name__)
