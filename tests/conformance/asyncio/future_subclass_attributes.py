# Subclasses of Future and Task take attributes as their bases do, without
# a __dict__ of their own (as in CPython), __slots__ or not.
import asyncio, gc
class MyFut(asyncio.Future):
    pass
class MyTask(asyncio.Task):
    def __init__(self, coro, **kw):
        super().__init__(coro, **kw)
        self.tag = "t"
async def c():
    return 5
async def main():
    m = MyFut(); m.a = 1; print(m.a)
    try: m.__dict__
    except AttributeError as e: print("AE", e)
    m.cycle = m
    t = MyTask(c()); print(t.tag, await t)
    class Slotted(asyncio.Future):
        __slots__ = ("x",)
    s = Slotted(); s.x = 3; s.y = 4; print(s.x, s.y)
    m.set_result(1)
asyncio.run(main())
print(gc.collect() >= 0)
