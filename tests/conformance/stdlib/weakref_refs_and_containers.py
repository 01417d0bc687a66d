import weakref
class A:
    def m(self): return 42
a = A()
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, weakref.getweakrefcount(a))
r2 = weakref.ref(a, lambda w: print("callback", w is r2, w()))
print(weakref.getweakrefcount(a), r == r2, hash(r) == hash(a))
wm = weakref.WeakMethod(a.m)
print(wm()())
d = weakref.WeakValueDictionary()
d['x'] = a
s = weakref.WeakSet([a])
k = weakref.WeakKeyDictionary({a: 1})
print(len(d), len(s), len(k), 'x' in d, a in s)
f = weakref.finalize(a, print, "finalized")
print(f.alive)
del a
print(r(), len(d), len(s), len(k), wm(), f.alive)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
try:
    hash(weakref.ref(A()))
except TypeError as e:
    print(e)
print(repr(r).endswith('; dead>'))
p = weakref.proxy(A())
try:
    p.m()
except ReferenceError as e:
    print(e)
def f2(): pass
print(weakref.ref(f2)() is f2, weakref.ref(A)() is A)
