# types.SimpleNamespace: keyword attributes, repr, equality, subclasses,
# recursion in repr, copying, and its errors.
import copy
import types

ns = types.SimpleNamespace(b=2, a=1)
print(ns, ns.a, ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns), sorted(ns.__dict__))
print(ns == types.SimpleNamespace(b=2, c=[3]), ns != types.SimpleNamespace(b=2))
print(ns == {"b": 2, "c": [3]}, types.SimpleNamespace() == types.SimpleNamespace())
print(types.SimpleNamespace)
print(repr(types.SimpleNamespace(x="s", y=None, z=(1,))))


class Point(types.SimpleNamespace):
    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(x=3, y=-4)
print(p, p.norm(), isinstance(p, types.SimpleNamespace), p == types.SimpleNamespace(x=3, y=-4))

loop = types.SimpleNamespace(name="loop")
loop.me = loop
print(loop)

c = copy.copy(ns)
print(c, c is ns, c.c is ns.c)
d = copy.deepcopy(ns)
print(d, d.c is ns.c)

try:
    ns.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)
try:
    types.SimpleNamespace({"a": 1})
except TypeError as e:
    print("TypeError", e)
