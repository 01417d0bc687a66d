# iscoroutine and iscoroutinefunction.
import asyncio

async def coro_fn():
    pass

def plain():
    pass

def gen():
    yield

async def agen():
    yield

class Methods:
    async def method(self):
        pass

async def main():
    c = coro_fn()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(coro_fn), asyncio.iscoroutine(gen()))
    print(asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(plain),
          asyncio.iscoroutinefunction(gen), asyncio.iscoroutinefunction(agen))
    print(asyncio.iscoroutinefunction(Methods.method), asyncio.iscoroutinefunction(Methods().method))
    print(asyncio.iscoroutine(agen()), asyncio.iscoroutine(None))
    c.close()

asyncio.run(main())
