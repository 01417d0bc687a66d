# Weak references to collected objects are cleared, and their callbacks
# called, before the objects are cleared; a weak reference that is garbage
# itself has no callback called.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name


def report(ref):
    print("callback, referent now", ref())


n = Node("n")
n.me = n
w = weakref.ref(n, report)
del n
print("before:", w() is not None)
print("collected:", gc.collect())
print("after:", w())

m = Node("m")
m.me = m
m.ref = weakref.ref(m, report)
del m
print("garbage weakref:", gc.collect())


class Finalized:
    def __del__(self):
        print("__del__, weak reference", watch())


f = Finalized()
f.me = f
watch = weakref.ref(f)
del f
print("collected:", gc.collect())
print("watch:", watch())

proxy_target = Node("p")
proxy_target.me = proxy_target
plain = weakref.ref(proxy_target)
del proxy_target
gc.collect()
print("plain ref cleared:", plain() is None)
