# A getter cancelled after put_nowait() woke it hands the item to the next
# getter; a putter cancelled after get_nowait() woke it hands the free slot
# to the next putter.
import asyncio

async def getter(name, q, log):
    try:
        log.append((name, await q.get()))
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise

async def putter(name, q, item, log):
    try:
        await q.put(item)
        log.append((name, 'put', item))
    except asyncio.CancelledError:
        log.append((name, 'cancelled'))
        raise

async def main():
    q = asyncio.Queue()
    log = []
    a = asyncio.create_task(getter('a', q, log))
    b = asyncio.create_task(getter('b', q, log))
    await asyncio.sleep(0)
    q.put_nowait('x')
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print(log, q.qsize())

    q = asyncio.Queue(1)
    log = []
    q.put_nowait('full')
    c = asyncio.create_task(putter('c', q, 'c-item', log))
    d = asyncio.create_task(putter('d', q, 'd-item', log))
    await asyncio.sleep(0)
    print('putters', len(q._putters))
    print('got', q.get_nowait())
    c.cancel()
    await asyncio.gather(c, d, return_exceptions=True)
    print(log, list(q._queue))

    # Cancelled while still waiting: nothing is handed on.
    q = asyncio.Queue()
    e = asyncio.create_task(q.get())
    f = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    e.cancel()
    await asyncio.sleep(0)
    print('getters', len(q._getters), e.cancelled())
    q.put_nowait(7)
    print(await f, q.empty())

asyncio.run(main())
