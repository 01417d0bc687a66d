# Callbacks run after every reference is cleared, newest reference first;
# an exception in a callback is reported and ignored.
import weakref

class Node:
    def __init__(self, name):
        self.name = name

n = Node("n")
order = []
r1 = weakref.ref(n, lambda w: order.append(("r1", w())))
r2 = weakref.ref(n, lambda w: order.append(("r2", w(), r1())))
plain = weakref.ref(n)
print(weakref.getweakrefcount(n), len(weakref.getweakrefs(n)))
print(r1.__callback__ is not None, plain.__callback__)
del n
print(order)
print(plain() is None, r1 == r1, r1 != r2)

class Sub(weakref.ref):
    def __init__(self, obj, callback=None, label=""):
        super().__init__(obj, callback)
        self.label = label

m = Node("m")
s = Sub(m, None, label="tagged")
print(s.label, s().name, isinstance(s, weakref.ref), type(s).__name__)

class Bad:
    def __repr__(self):
        return "<Bad callback>"

    def __call__(self, w):
        raise ValueError("from callback")

k = Node("k")
r3 = weakref.ref(k, Bad())
del k
print("after bad callback", r3())
print(weakref.ref[int])

d = weakref.WeakValueDictionary()
for i in range(5):
    d[i] = Node(str(i))
print(len(d), list(d))
keep = Node("keep")
d["keep"] = keep
print(len(d), list(d.keys()), d.get("keep").name, d.get("missing", "default"))
try:
    d["gone"] = 1
except TypeError as e:
    print(type(e).__name__, e)
