# ensure_future wraps coroutines and awaitables in tasks and returns futures
# as they are.
import asyncio

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 'from awaitable'

async def job():
    return 'from coroutine'

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(job())
    print(type(t).__name__, await t)
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f)
    print(asyncio.ensure_future(t) is t)
    w = asyncio.ensure_future(Awaitable())
    print(type(w).__name__, await w)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError:', e)
    f.cancel()

asyncio.run(main())
