# With maxsize, put() blocks the producer until a consumer makes room.
import asyncio

async def producer(q):
    for i in range(4):
        print('putting', i)
        await q.put(i)
        print('put', i)

async def consumer(q):
    await asyncio.sleep(0.01)
    for _ in range(4):
        item = await q.get()
        print('got', item)
        await asyncio.sleep(0.001)

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
