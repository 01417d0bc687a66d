from functools import cached_property


class Data:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def total(self):
        """The sum."""
        self.computed += 1
        return sum(range(self.n))

d = Data(5)
print(d.total, d.total, d.computed, 'total' in d.__dict__)
del d.total
print(d.total, d.computed)
d.total = 99
print(d.total, d.computed)
print(type(Data.total).__name__, Data.total.__doc__, Data.total.attrname)

cp = cached_property(lambda self: 1)
class Late:
    pass
Late.x = cp
try:
    Late().x
except TypeError as e:
    print(type(e).__name__, e)

class Slotted:
    __slots__ = ('a',)
    @cached_property
    def prop(self):
        return 1
try:
    Slotted().prop
except TypeError as e:
    print(type(e).__name__, e)

# subclasses inherit it; each instance caches its own value
class Sub(Data):
    pass
s1, s2 = Sub(3), Sub(4)
print(s1.total, s2.total, s1.computed, s2.computed)
