# Queue put/get keep FIFO order; qsize/empty/full follow.
import asyncio

async def main():
    q = asyncio.Queue()
    print(q.qsize(), q.empty(), q.full(), q.maxsize)
    for i in range(3):
        await q.put(i)
    print(q.qsize(), q.empty(), q.full())
    print([await q.get() for _ in range(3)])
    print(q.qsize(), q.empty())

asyncio.run(main())
