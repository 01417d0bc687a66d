# Queue's repr and str (address cut off) with items, getters, putters and
# unfinished tasks; maxsize; Queue[int].
import asyncio
import re

def show(q):
    print(re.sub(r'0x[0-9a-f]+', '0x...', repr(q)), '|', str(q))

async def main():
    q = asyncio.Queue()
    show(q)
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    show(q)
    q.put_nowait(1)
    await g
    show(q)
    q.put_nowait(2)
    q.put_nowait([3])
    show(q)
    q.task_done()
    show(q)
    b = asyncio.Queue(maxsize=1)
    b.put_nowait('x')
    p = asyncio.create_task(b.put('y'))
    await asyncio.sleep(0)
    show(b)
    print(b.maxsize, b._maxsize, b.full(), b.qsize())
    b.get_nowait()
    await p
    show(asyncio.PriorityQueue(3))
    show(asyncio.LifoQueue(-1))
    print(asyncio.Queue[int], asyncio.PriorityQueue[str])
    print(asyncio.Queue.__name__, asyncio.Queue.__module__, asyncio.LifoQueue.__qualname__)

asyncio.run(main())
