# maxsize <= 0 means unbounded: full() is never true.
import asyncio

async def main():
    for size in (0, -1):
        q = asyncio.Queue(maxsize=size)
        for i in range(100):
            q.put_nowait(i)
        print(size, q.qsize(), q.full())

asyncio.run(main())
