# Cycles through each kind of container are found and broken: __slots__,
# cells, bound methods, classes, exceptions and tracebacks, sets of frozen
# parts, deques, properties, functions' defaults.
import collections
import gc
import weakref

gc.disable()
gc.collect()


def watch(obj, label):
    return weakref.ref(obj, lambda ref: print("freed:", label))


class Slotted:
    __slots__ = ("other", "__weakref__")


s = Slotted()
s.other = s
w1 = watch(s, "__slots__ cycle")
del s
print(gc.collect())


class Plain:
    pass


def make_closure():
    obj = Plain()

    def inner():
        return obj

    obj.inner = inner
    return watch(obj, "closure cell cycle")


w2 = make_closure()
print(gc.collect())

p = Plain()
p.method = p.__init__
p.bound = Plain.__repr__.__get__(p)
w3 = watch(p, "bound method cycle")
del p
print(gc.collect())


def make_class():
    class Local:
        pass

    Local.me = Local
    return watch(Local, "class")


w4 = make_class()
print(gc.collect() > 0)


class Holder:
    pass


def exception_cycle():
    h = Holder()
    try:
        raise ValueError("boom")
    except ValueError as e:
        h.error = e
    return watch(h, "exception/traceback cycle")


w5 = exception_cycle()
print(gc.collect() > 0)

d = collections.deque()
holder = Plain()
holder.d = d
d.append(holder)
w6 = watch(holder, "deque cycle")
del d, holder
print(gc.collect())


def defaults_cycle():
    obj = Plain()

    def f(x=obj):
        pass

    obj.f = f
    return watch(obj, "defaults cycle")


w7 = defaults_cycle()
print(gc.collect())

t = Plain()
t.pair = (t, [t])
w8 = watch(t, "tuple and list cycle")
del t
print(gc.collect())

e = Plain()
e.s = {frozenset([1]), e}
w9 = watch(e, "set cycle")
del e
print(gc.collect())


class WithDict:
    __slots__ = ("a", "__dict__", "__weakref__")


wd = WithDict()
wd.a = wd
wd.b = wd
w10 = watch(wd, "slots and dict cycle")
del wd
print(gc.collect())
