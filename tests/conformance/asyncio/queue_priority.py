# PriorityQueue returns the smallest item first.
import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for item in [(3, 'c'), (1, 'a'), (4, 'd'), (2, 'b'), (1, 'a2')]:
        await q.put(item)
    while not q.empty():
        print(await q.get())

asyncio.run(main())
