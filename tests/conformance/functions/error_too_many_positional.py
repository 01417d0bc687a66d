def f(a, b):
    pass
def g(a, b=1):
    pass
def h():
    pass
def k(a, *, b):
    pass
for call in (lambda: f(1, 2, 3), lambda: g(1, 2, 3, 4), lambda: h(1), lambda: k(1, 2, b=3), lambda: k(1, 2)):
    try:
        call()
    except TypeError as e:
        print(e)
