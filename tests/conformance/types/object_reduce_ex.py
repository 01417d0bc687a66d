# object.__reduce_ex__ as CPython's: copyreg.__newobj__ (with __getnewargs__,
# __getnewargs_ex__, the dict and the slots as state, list and dict items)
# from protocol 2, copyreg._reconstructor below it; copy and deepcopy go
# through it, and a native object it cannot rebuild is refused.
import copy, copyreg, sys
class P:
    def __init__(self): self.a = 1; self.b = [1, 2]
class S:
    __slots__ = ('x', 'y', '__z')
    def __init__(self): self.x = 1; self.__z = [3]
class SD(S):
    __slots__ = ('__dict__', 'w')
class N:
    def __new__(cls, v):
        o = super().__new__(cls); o.v = v; return o
    def __getnewargs__(self): return (self.v,)
class NX:
    def __new__(cls, *, k):
        o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})
class L(list): pass
class D(dict): pass
class St(str): pass
class T(tuple): pass
class I(int): pass

p = P()
print(p.__reduce_ex__(2)[0].__name__, p.__reduce_ex__(2)[1][0].__name__, p.__reduce_ex__(2)[2])
print(p.__reduce_ex__(0)[0].__name__, p.__reduce_ex__(0)[1], p.__reduce_ex__(0)[2])
print(p.__reduce__()[1])
print(copy.copy(p).b is p.b, copy.deepcopy(p).b == p.b, copy.deepcopy(p).b is p.b)
s = S()
r = s.__reduce_ex__(4)
print(r[0].__name__, r[1][0].__name__, r[2], r[3], r[4])
c = copy.copy(s); print(c.x, c._S__z, hasattr(c, 'y'))
c = copy.deepcopy(s); print(c.x, c._S__z, c._S__z is s._S__z)
print(S.__slotnames__)
sd = SD(); sd.w = 5; sd.q = 9
print(sd.__reduce_ex__(2)[2])
c = copy.copy(sd); print(c.w, c.q, c.x)
try: s.__reduce_ex__(1)
except TypeError as e: print('TypeError', e)
try: s.__reduce__()
except TypeError as e: print('TypeError', e)
n = N(5); print(n.__reduce_ex__(2)[0].__name__, n.__reduce_ex__(2)[1:3], copy.copy(n).v)
nx = NX(k=3); r = nx.__reduce_ex__(2); print(r[0].__name__, r[1][1:], copy.deepcopy(nx).k)
l = L([1, 2]); l.attr = 1; r = l.__reduce_ex__(2); print(r[1], r[2], list(r[3]), r[4])
c = copy.deepcopy(l); print(type(c).__name__, c, c.attr)
d = D(a=1); r = d.__reduce_ex__(2); print(r[1], r[2], r[3], list(r[4]))
print(copy.copy(d), type(copy.copy(d)).__name__)
st = St('abc'); st.z = 1; c = copy.copy(st); print(repr(c), type(c).__name__, c.z)
t = T((1, 2)); c = copy.deepcopy(t); print(c, type(c).__name__)
i = I(7); c = copy.copy(i); print(c, type(c).__name__)
print(object().__reduce_ex__(2)[1], object().__reduce__()[1])
def g(): yield 1
for obj in [g(), iter([1]), sys.stdout]:
    try:
        copy.copy(obj)
        print('copied', type(obj).__name__)
    except TypeError as e:
        print('TypeError', e)
    try:
        obj.__reduce_ex__(2)
        print('reduced', type(obj).__name__)
    except TypeError as e:
        print('TypeError', e)
import threading
try: copy.deepcopy(threading.Lock())
except TypeError as e: print('TypeError', e)
print(copy.copy(p).__dict__)
print('__slotnames__' in P.__dict__)
class G:
    def __getstate__(self): return {'g': 1}
    def __setstate__(self, st): self.st = st
print(copy.copy(G()).st, G().__reduce_ex__(2)[2], G().__reduce_ex__(1)[2])
print(object.__getstate__(p), object.__getstate__(s))
print(copyreg.__newobj__(P, ).__class__.__name__, copyreg._slotnames(SD))
class Bad:
    def __getnewargs__(self): return [1]
try: Bad().__reduce_ex__(2)
except TypeError as e: print('TypeError', e)
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2), R().__reduce_ex__(0))

# List and tuple iterators reduce to iter(seq) and where they stand.
it = iter([1, 2, 3]); next(it)
print(it.__reduce__()[1:], list(copy.copy(it)), list(it), it.__reduce__()[1:])
r = reversed([1, 2, 3]); next(r)
print(r.__reduce__()[1:], list(copy.deepcopy(r)), list(r), r.__reduce__()[1:])
t = iter((1, 2, 3)); next(t)
print(t.__reduce__()[1:], list(copy.copy(t)), list(t), t.__reduce__()[1:])
for start in (5, -5, 1):
    it = iter([1, 2, 3]); it.__setstate__(start); print(start, list(it))
    r = reversed([1, 2, 3]); r.__setstate__(start); print(start, list(r))
