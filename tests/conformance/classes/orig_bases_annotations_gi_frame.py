from __future__ import annotations
import __future__

print(__future__.annotations.getMandatoryRelease(), "annotations" in __future__.all_feature_names)


class Point:
    x: int
    y: list[str]


print(Point.__annotations__)
Point.__annotations__ = {"z": float}
print(Point.__annotations__)
del Point.__annotations__
print(Point.__annotations__)


class Entries:
    def __mro_entries__(self, bases):
        return (dict,)


class FromEntries(Entries()):
    pass


print(FromEntries.__orig_bases__[0].__class__.__name__, FromEntries.__mro__)
print("__orig_bases__" in Point.__dict__)


class T:
    def m(self):
        """Do it."""


print(T().m.__doc__, T.m.__doc__)


def gen():
    yield 1
    yield 2


g = gen()
print(g.gi_frame is not None, g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
next(g)
print(g.gi_frame is not None, g.gi_frame.f_lineno)
list(g)
print(g.gi_frame)


async def coro():
    pass


c = coro()
print(c.cr_frame is not None)
c.close()
print(c.cr_frame)
