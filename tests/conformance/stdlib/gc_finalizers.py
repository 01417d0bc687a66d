# PEP 442: objects in unreachable cycles have their __del__ called once,
# before the cycles are broken; an object a __del__ makes reachable again
# (and what it reaches) survives, and is collected later without a second
# __del__.
import gc

gc.disable()


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "sees", self.other.name)


a, b = Noisy("a"), Noisy("b")
a.other, b.other = b, a
del a, b
print("collected:", gc.collect())

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)
        saved.append(self)


p = Phoenix("p")
q = Noisy("q")
p.other, q.other = q, p
q.other = p
del p, q
print("collected:", gc.collect())
print("resurrected:", [x.name for x in saved], gc.is_finalized(saved[0]))
saved.clear()
print("collected again:", gc.collect())


class Once:
    count = 0

    def __del__(self):
        Once.count += 1
        print("Once.__del__ call", Once.count)
        holder.append(self)


holder = []
o = Once()
o.me = o
del o
gc.collect()
holder.clear()
print("after clearing:", gc.collect(), Once.count)


class Plain:
    pass


x = Plain()
print("finalized?", gc.is_finalized(x))
