# Generators and coroutines in unreachable cycles are finalized: a suspended
# one is closed (its finally blocks run), as CPython does.
import gc

gc.disable()


class Box:
    pass


def counting(box):
    try:
        yield 1
        yield 2
    finally:
        print("generator closed, box has gen:", hasattr(box, "gen"))


box = Box()
box.gen = counting(box)
print(next(box.gen))
del box
print("collected:", gc.collect())


def waiting():
    holder = Box()
    holder.gen = me
    try:
        yield holder
    finally:
        print("waiting closed")


me = None
g = waiting()
me = g
next(g)
del g, me
print("collected:", gc.collect() > 0)


def unstarted(box):
    print("never runs")
    yield


b = Box()
b.gen = unstarted(b)
del b
print("unstarted collected:", gc.collect())


async def suspended(box):
    try:
        await Awaitable()
    finally:
        print("coroutine closed")


class Awaitable:
    def __await__(self):
        yield "pause"


c = Box()
c.coro = suspended(c)
print(c.coro.send(None))
del c
print("collected:", gc.collect())
