# Queue.get() and put() driven by hand yield Futures, as CPython's
# coroutines do; closing a woken getter passes the wake-up on; one never
# awaited warns.
import asyncio
import gc

async def main():
    q = asyncio.Queue()
    coro = q.get()
    print(type(coro).__name__, coro.__qualname__, coro.__name__)
    fut = coro.send(None)
    print(type(fut).__name__, fut.done(), len(q._getters))
    q.put_nowait('item')
    print(fut.done(), fut.result(), len(q._getters))
    try:
        coro.send(None)
    except StopIteration as e:
        print('returned', e.value)

    c1 = q.get()
    c2 = q.get()
    f1 = c1.send(None)
    f2 = c2.send(None)
    q.put_nowait('one')
    print('woken', f1.done(), f2.done())
    c1.close()
    print('after close', f2.done(), len(q._getters))
    try:
        c2.send(None)
    except StopIteration as e:
        print('second got', e.value)

    b = asyncio.Queue(1)
    b.put_nowait(0)
    p = b.put(1)
    pf = p.send(None)
    print(type(pf).__name__, len(b._putters))
    b.get_nowait()
    try:
        p.send(None)
    except StopIteration as e:
        print('put returned', e.value, list(b._queue))
    q.get()
    gc.collect()
    await asyncio.sleep(0)

asyncio.run(main())
