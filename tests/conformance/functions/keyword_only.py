def f(*, a, b=2):
    return a, b
print(f(a=1), f(b=3, a=4))
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
def g(x, *rest, flag=False):
    return x, rest, flag
print(g(1, 2, 3), g(1, flag=True))
