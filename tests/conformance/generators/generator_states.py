import inspect
def gen():
    yield 1
g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
list(g)
print(inspect.getgeneratorstate(g))
print(g.gi_running, g.gi_frame)
g2 = gen()
print(g2.gi_frame is not None, g2.__name__, g2.__qualname__)
