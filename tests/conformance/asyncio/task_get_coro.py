# get_coro returns the wrapped coroutine object.
import asyncio

async def job():
    return 1

async def main():
    c = job()
    t = asyncio.create_task(c)
    print(t.get_coro() is c)
    print(t.get_coro().__name__)
    await t
    print(t.get_coro() is c)

asyncio.run(main())
