import functools
from functools import partial, partialmethod, reduce


def f(a, b=2, *args, **kw):
    return (a, b, args, sorted(kw.items()))

p = partial(f, 1, c=3)
print(p(), p(5, 6, d=4), p(c=9))
print(p.func is f, p.args, p.keywords)
print(repr(partial(int, base=2)), partial(int, base=2)('111'))
print(repr(partial(max, 1, 2, key=None)))

# nested partials are flattened
q = partial(partial(f, 1), 2, x=1)
print(q.func is f, q.args, q.keywords, q())

class P(partial):
    pass
print(repr(P(int, '10', base=8)), P(int, '10', base=8)())
print(repr(partial(P(int), '7')))

for bad in [(), (3,)]:
    try:
        partial(*bad)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    p.func = int
except AttributeError as e:
    print(type(e).__name__)

p.extra = 5
print(p.extra)

# not a method when stored on a class
class C:
    m = partial(f, 'x')
print(C().m(), C.m())
print(partial[int] is not None)

# reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10),
      reduce(lambda a, b: a * b, range(1, 6), 1), reduce(operator.add, ['x']))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
print(reduce(lambda acc, x: acc + [x], 'abc', []))

# partialmethod
class Cell:
    def __init__(self):
        self.state = None
    def set_state(self, state, extra=''):
        self.state = str(state) + extra
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, extra='!')
    @classmethod
    def make(cls, a, b):
        return (cls.__name__, a, b)
    make1 = partialmethod(make, 1)

c = Cell()
c.set_alive()
print(c.state)
c.set_dead()
print(c.state)
print(Cell.make1(2), c.make1(3))
print(repr(partialmethod(int, 3)), repr(partialmethod(int, base=3)))
try:
    partialmethod(3)
except TypeError as e:
    print(type(e).__name__, e)
print(functools.__all__[:4])
