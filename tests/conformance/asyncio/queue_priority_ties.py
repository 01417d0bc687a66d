# PriorityQueue returns the smallest first, in heapq's order for ties;
# items that cannot be compared raise TypeError from put.
import asyncio

class Key:
    def __init__(self, k, name):
        self.k, self.name = k, name
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return self.name

async def main():
    q = asyncio.PriorityQueue()
    for i, k in enumerate([5, 1, 3, 1, 5, 2, 1, 4, 3, 0]):
        q.put_nowait(Key(k, f'{k}{chr(97 + i)}'))
    print(q._queue)
    print([q.get_nowait() for _ in range(q.qsize())])
    q.put_nowait((1, 'a'))
    try:
        q.put_nowait(('x', 'b'))
    except TypeError as e:
        print('TypeError:', e)
    print(q.qsize(), q._queue)
    lifo = asyncio.LifoQueue()
    for i in range(4):
        await lifo.put(i)
    print([await lifo.get() for _ in range(4)])

asyncio.run(main())
