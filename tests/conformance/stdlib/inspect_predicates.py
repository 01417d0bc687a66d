# inspect's is*() predicates, getmembers, getdoc, cleandoc, getmodule.
import inspect
import sys

def plain(a, b=1):
    """Add things.

        Indented detail.
    """
    return a + b

def gen():
    yield 1

async def coro():
    return 1

async def agen():
    yield 1

class Thing:
    """A thing."""
    attr = 5
    def method(self):
        """Do it."""
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm():
        pass
    @property
    def prop(self):
        return 1

class SubThing(Thing):
    def method(self):
        pass

class Awaitable:
    def __await__(self):
        yield

t = Thing()
objs = [plain, gen, coro, agen, Thing, t.method, Thing.method, len, [].append, sys, gen(), 5, lambda: 0]
preds = ['isfunction', 'ismethod', 'isclass', 'ismodule', 'isbuiltin', 'isroutine', 'isgenerator',
         'isgeneratorfunction', 'iscoroutinefunction', 'isasyncgenfunction']
for p in preds:
    print(p, [int(getattr(inspect, p)(o)) for o in objs])
c = coro()
ag = agen()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isawaitable(Awaitable()),
      inspect.isawaitable(5), inspect.isasyncgen(ag), inspect.iscoroutine(gen()))
c.close()
print(inspect.iscoroutinefunction(t.method), inspect.isgeneratorfunction(Thing.sm),
      inspect.ismethod(Thing.cm), inspect.isfunction(Thing.sm), inspect.ismethoddescriptor(str.join),
      inspect.isdatadescriptor(Thing.__dict__['prop']), inspect.isclass(int), inspect.isclass(3))
print([n for n, v in inspect.getmembers(Thing) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(t, inspect.ismethod) if not n.startswith('__')])
print(inspect.getmembers(Thing, lambda v: v == 5))
print(repr(inspect.getdoc(plain)), inspect.getdoc(Thing), inspect.getdoc(t.method))
print(inspect.getdoc(SubThing().method), inspect.getdoc(SubThing), inspect.getdoc(5) is not None)
print(repr(inspect.cleandoc('  first\n    second\n      third\n\n')))
print(repr(inspect.cleandoc('\n\n    a\n   b\n')), repr(inspect.cleandoc('x')), repr(inspect.cleandoc('')))
print(inspect.getmodule(plain).__name__, inspect.getmodule(inspect).__name__, inspect.getmodule(5))
print(inspect.getmodulename('pkg/mod.py'), inspect.getmodulename('data.txt'))
print(inspect.getmro(SubThing), inspect.isabstract(Thing))
def deco(f):
    def wrapper(*a, **k):
        return f(*a, **k)
    wrapper.__wrapped__ = f
    return wrapper
print(inspect.unwrap(deco(deco(plain))) is plain)
