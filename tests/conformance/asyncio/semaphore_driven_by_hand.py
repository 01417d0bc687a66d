# Semaphore.acquire() driven by hand yields a Future, as CPython's
# coroutine does; one never awaited warns.
import asyncio
import gc

async def main():
    sem = asyncio.Semaphore(0)
    coro = sem.acquire()
    print(type(coro).__name__, coro.__qualname__)
    fut = coro.send(None)
    print(type(fut).__name__, fut.done(), len(sem._waiters))
    sem.release()
    print(fut.done(), fut.result(), sem._value)
    try:
        coro.send(None)
    except StopIteration as e:
        print('returned', e.value)
    c2 = sem.acquire()
    f2 = c2.send(None)
    try:
        c2.throw(asyncio.CancelledError())
    except asyncio.CancelledError:
        print('CancelledError out of throw')
    print('after throw:', len(sem._waiters))
    sem.acquire()
    gc.collect()
    await asyncio.sleep(0)

asyncio.run(main())
