# asyncio.Lock: fairness, a cancelled waiter passing its wake-up on, the
# state shown by repr and _waiters, async with, errors, Condition over it,
# and acquire() driven by hand (it waits on a real future then).
import asyncio
import warnings


class Lock(asyncio.Lock):
    def __repr__(self):
        text = super().__repr__()
        return text[text.index("[") :]


async def worker(lock, name, log, hold=0):
    try:
        async with lock as bound:
            log.append((name, "in", bound))
            for _ in range(hold):
                await asyncio.sleep(0)
        log.append((name, "out"))
    except asyncio.CancelledError:
        log.append((name, "cancelled", lock.locked()))
        raise


async def main():
    lock = Lock()
    print(lock, lock._waiters, lock.locked(), lock._locked)
    print(await lock.acquire(), lock)
    log = []
    tasks = [asyncio.create_task(worker(lock, n, log, 1)) for n in "abcd"]
    await asyncio.sleep(0)
    print(lock, len(lock._waiters), type(lock._waiters).__name__)
    tasks[1].cancel()          # cancelled while queued
    lock.release()             # wakes a
    tasks[0].cancel()          # a is cancelled after its wake-up: passes it on to c
    await asyncio.sleep(0)
    print(lock, log)
    for _ in range(6):
        await asyncio.sleep(0)
    print(lock, log, [t.cancelled() for t in tasks])

    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # wait_for on a held lock times out and leaves no waiter behind.
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", lock)
    lock.release()
    print(lock)

    # Driving acquire() by hand.
    await lock.acquire()
    c = lock.acquire()
    print(repr(c).split(" at ")[0], c.__qualname__, asyncio.iscoroutine(c))
    fut = c.send(None)
    print(type(fut).__name__, lock)
    lock.release()
    print(fut.done(), fut.result())
    try:
        c.send(None)
    except StopIteration as e:
        print("StopIteration", e.value, lock)
    lock.release()

    # Condition over a native lock.
    cond = asyncio.Condition(lock)
    ready = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: ready)
            print("consumer", i, "got", ready[0], cond.locked())

    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        ready.append("x")
        cond.notify_all()
    await asyncio.gather(*cs)
    print(lock)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lock.acquire()
        lock.__aenter__()
        lock.__aexit__(None, None, None)
        import gc

        gc.collect()
    print(sorted(str(w.message) for w in caught))

    for args, kwargs in [((1,), {}), ((), {"loop": None})]:
        try:
            asyncio.Lock(*args, **kwargs)
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
