# isfuture is true for Futures and Tasks and for duck-typed futures, false
# for coroutines and other objects.
import asyncio

class Duck:
    _asyncio_future_blocking = False

async def job():
    pass

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    t = asyncio.create_task(job())
    c = job()
    print(asyncio.isfuture(f), asyncio.isfuture(t), asyncio.isfuture(c))
    print(asyncio.isfuture(Duck()), asyncio.isfuture(Duck), asyncio.isfuture(None))
    print(isinstance(t, asyncio.Future))
    c.close()
    await t

asyncio.run(main())
