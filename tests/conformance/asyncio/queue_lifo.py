# LifoQueue returns the most recently added item first.
import asyncio

async def main():
    q = asyncio.LifoQueue()
    for i in range(4):
        q.put_nowait(i)
    print([q.get_nowait() for _ in range(4)])
    print(isinstance(q, asyncio.Queue), isinstance(asyncio.PriorityQueue(), asyncio.Queue))

asyncio.run(main())
