# Tasks parked on an Event: wakeups, cancellation before and after the
# wakeup, wait_for, gather, TaskGroup, timeout(), async generators, and a
# coroutine driven by hand, which waits on a real future.
import asyncio


class Event(asyncio.Event):
    def __repr__(self):
        text = super().__repr__()
        return text[text.index("[") :]

async def waiter(ev, name):
    try:
        r = await ev.wait()
        print(name, "woke", r)
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        raise
async def main():
    ev = Event()
    t1 = asyncio.create_task(waiter(ev, "t1"), name="t1")
    t2 = asyncio.create_task(waiter(ev, "t2"), name="t2")
    t3 = asyncio.create_task(waiter(ev, "t3"), name="t3")
    t3.cancel("early")          # cancelled before its first step: must_cancel path
    await asyncio.sleep(0)
    print(repr(t1).split(" coro=")[0], "|", repr(t1).split(" wait_for=")[1])
    print(ev)
    print(t2.cancel("bye"), t2.cancel("again"))
    print(repr(t2).split(" wait_for=")[1] if "wait_for" in repr(t2) else repr(t2).split(" coro=")[0])
    await asyncio.sleep(0)
    print(t2.cancelled(), t3.cancelled(), ev)
    ev.set()
    print(repr(t1).split(" wait_for=")[1])
    print(t1.cancel())   # woken but not yet run: cancel still wins (must_cancel)
    await asyncio.sleep(0)
    print(t1.cancelled(), ev)
    ev.clear()
    # wait_for timeout, shield, gather cancellation
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", ev)
    g = asyncio.gather(ev.wait(), ev.wait())
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", ev)
    # TaskGroup with error
    async def boom():
        await asyncio.sleep(0)
        raise ValueError("x")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ev.wait())
            tg.create_task(boom())
    except* ValueError as eg:
        print("taskgroup", eg.exceptions, ev)
    # a manual driver inside a task gets a real future
    w = ev.wait()
    f = w.send(None)
    print(type(f).__name__, ev)
    ev.set()
    await asyncio.sleep(0)
    try: w.send(None)
    except StopIteration as e: print("manual", e.value)
    # timeouts context
    ev.clear()
    try:
        async with asyncio.timeout(0.01):
            await ev.wait()
    except TimeoutError:
        print("timeout ctx", ev)
    # async generator awaiting the event
    async def agen():
        for i in range(2):
            await ev.wait()
            yield i
    ev.set()
    print([x async for x in agen()])
asyncio.run(main())
