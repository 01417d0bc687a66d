def gen():
    yield 1
    next(iter([]))
    yield 2
try:
    list(gen())
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__)
def explicit():
    yield 1
    raise StopIteration('x')
try:
    for v in explicit():
        print(v)
except RuntimeError as e:
    print(type(e).__name__, e)
