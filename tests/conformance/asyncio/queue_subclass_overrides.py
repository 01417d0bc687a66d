# Subclasses override _init, _put and _get (as PriorityQueue and LifoQueue
# do), and qsize/empty/full/put_nowait/get_nowait; get() and put() use them.
import asyncio
import collections

class Sorted(asyncio.Queue):
    def _init(self, maxsize):
        self.log = ['init %r' % (maxsize,)]
        self._queue = []

    def _put(self, item):
        self.log.append('put %r' % (item,))
        self._queue.append(item)
        self._queue.sort()

    def _get(self):
        self.log.append('get')
        return self._queue.pop()

class Counting(asyncio.LifoQueue):
    def put_nowait(self, item):
        print('put_nowait', item)
        return super().put_nowait(item * 10)

    def get_nowait(self):
        item = super().get_nowait()
        print('get_nowait ->', item)
        return item

class TwoSlots(asyncio.Queue):
    def qsize(self):
        return 2 * len(self._queue)

async def main():
    q = Sorted(5)
    for x in (3, 1, 2):
        await q.put(x)
    print([await q.get() for _ in range(3)], q.log)
    print(repr(q)[:6], str(q), q.qsize(), q.empty(), q.full())

    c = Counting()
    await c.put(1)
    c.put_nowait(2)
    print(await c.get(), c.get_nowait(), c.qsize())

    t = TwoSlots(4)
    await t.put('a')
    print('full after one?', t.full())
    await t.put('b')
    print('full after two?', t.full())
    try:
        t.put_nowait('c')
    except asyncio.QueueFull:
        print('QueueFull')
    waiting = asyncio.create_task(t.put('c'))
    await asyncio.sleep(0)
    print(str(t))
    print(await t.get())
    await waiting
    print(list(t._queue))
    print(isinstance(q, asyncio.Queue), issubclass(asyncio.PriorityQueue, asyncio.Queue),
          type(asyncio.Queue()._queue) is collections.deque, type(asyncio.LifoQueue()._queue) is list)

asyncio.run(main())
