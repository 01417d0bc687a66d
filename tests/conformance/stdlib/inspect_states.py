# getgeneratorstate and getcoroutinestate while suspended and running.
import inspect

def gen():
    print('inside', inspect.getgeneratorstate(g))
    yield 1
    yield 2

g = gen()
next(g)
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))

async def co():
    print('inside', inspect.getcoroutinestate(c))
    await Suspend()

class Suspend:
    def __await__(self):
        yield 'tick'

c = co()
c.send(None)
print(inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c))
print(inspect.currentframe() is None or inspect.currentframe() is not None, type(inspect.stack()))
