def f(): pass
f.x = 1
print(f.x, f.__dict__)
f.__dict__ = {'y': 2}
print(f.y, vars(f))
import types
mp = types.MappingProxyType({'a': 1})
print(mp, mp['a'], len(mp), list(mp), 'a' in mp, mp.get('b', 3), type(mp).__name__)
try:
    mp['b'] = 2
except TypeError as e:
    print(e)
try:
    types.MappingProxyType([1])
except TypeError as e:
    print(e)
class M(type): pass
class B(metaclass=M):
    y = 2
print(type(B.__dict__).__name__, 'y' in B.__dict__, sorted(vars(B)))
class A:
    pass
A.__abstractmethods__ = frozenset({'f', 'g'})
try: A()
except TypeError as e: print(e)
A.__abstractmethods__ = frozenset({'f'})
try: A()
except TypeError as e: print(e)
class D:
    def __set_name__(self, o, n): raise ValueError('boom')
try:
    class E:
        x = D()
except Exception as e:
    print(type(e).__name__, e, repr(e.__cause__))
import traceback
try:
    {}['k']
except KeyError as e:
    exc = e
print(traceback.format_exception(type(exc), exc, None))
class A: pass
print(dir(A()))
print(A.__dict__.keys())
class S: __slots__=('a',)
print(dir(S()))
class W:
    __slots__ = ('a', '__weakref__')
print('__weakref__' in dir(W()), W.__weakref__.__name__)
import weakref
w = W()
r = weakref.ref(w)
print(w.__weakref__ is r)
class NoWeak:
    __slots__ = ('a',)
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print(e)
try:
    class Bad(int):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print(e)
