# Weak references follow an object through __class__ assignment: they die
# with it whatever its class is then.
import weakref
class A: pass
class B: pass
a = A()
r = weakref.ref(a, lambda ref: print("callback", ref() is None))
a.__class__ = B
del a
print(r())
b = B()
r2 = weakref.ref(b)
b.__class__ = A
b.__class__ = B
del b
print(r2())
s = weakref.WeakSet()
objs = [A() for _ in range(5)]
for o in objs: s.add(o)
print(len(s))
del objs[:3]
print(len(s))
