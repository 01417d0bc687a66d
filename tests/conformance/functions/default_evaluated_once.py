def append(x, to=[]):
    to.append(x)
    return to
print(append(1), append(2))
counter = 0
def make_default():
    global counter
    counter += 1
    return counter
def f(v=make_default()):
    return v
print(f(), f(), counter)
def g(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(g(), g())
