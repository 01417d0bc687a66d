# gc.collect() returns the number of unreachable objects it found, counted
# as CPython 3.11 counts them (an instance's attributes are no object of
# their own; a function's __dict__ is).
import gc

gc.disable()


class Node:
    pass


def f():
    pass


gc.collect()

a = Node()
a.me = a
del a
print("instance self-cycle:", gc.collect())

lst = []
lst.append(lst)
del lst
print("list self-cycle:", gc.collect())

d = {}
d["d"] = d
del d
print("dict self-cycle:", gc.collect())

f.me = f
del f
print("function and its __dict__:", gc.collect())

b = Node()
b.items = [b]
del b
print("instance and list:", gc.collect())

x, y, z = Node(), Node(), Node()
x.next, y.next, z.next = y, z, x
del x, y, z
print("ring of three:", gc.collect())

keep = Node()
keep.me = keep
print("still referenced:", gc.collect())
print("nothing left:", gc.collect())

ring = [[], []]
ring[0].append(ring[1])
ring[1].append(ring[0])
ring[0].append(ring)
del ring
print("lists in a ring:", gc.collect())

for generation in (0, 1, 2):
    c = Node()
    c.me = c
    del c
    print("generation", generation, gc.collect(generation))
