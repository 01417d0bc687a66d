# A generator or coroutine takes its function's __name__ and __qualname__ as
# they are when it is called (functools.wraps, a renamed function).
import functools, asyncio
async def inner(): pass
@functools.wraps(inner)
async def wrapper(): pass
def gen(): yield 1
gen.__qualname__ = "Renamed.gen"
c = wrapper(); print(c.__name__, c.__qualname__, repr(c).split(" at ")[0]); c.close()
c = inner(); print(c.__name__, c.__qualname__); c.close()
g = gen(); print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
async def agen():
    yield 1
a = agen(); print(a.__name__, a.__qualname__)
async def main():
    async for x in agen(): print(x)
    t = asyncio.create_task(wrapper()); print(t.get_coro().__qualname__); await t
asyncio.run(main())
