def f(a, b, c):
    pass
for call in (lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(c=1)):
    try:
        call()
    except TypeError as e:
        print(e)
def g(*, x, y):
    pass
for call in (lambda: g(), lambda: g(x=1)):
    try:
        call()
    except TypeError as e:
        print(e)
