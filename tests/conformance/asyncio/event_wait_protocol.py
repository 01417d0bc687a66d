# Event.wait() behaves as the coroutine CPython's returns: its states,
# send/throw/close, the waiters it leaves behind, its errors.
import asyncio
import warnings
import weakref


def suffix(obj):
    # The part of a repr after the address.
    text = repr(obj)
    return text[text.index(" [") :] if " [" in text else text.split(" at ")[0]


class MyEvent(asyncio.Event):
    def set(self):
        print("MyEvent.set")
        super().set()


async def waiter(ev, name, log):
    r = await ev.wait()
    log.append((name, r))


async def main():
    ev = asyncio.Event()
    print(suffix(ev), ev.is_set(), ev._value, len(ev._waiters), type(ev._waiters).__name__)
    log = []
    tasks = [asyncio.create_task(waiter(ev, n, log)) for n in "abc"]
    await asyncio.sleep(0)
    print(suffix(ev), len(ev._waiters))
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("after cancel:", suffix(ev), tasks[1].cancelled())
    ev.set()
    print("set:", suffix(ev), ev.is_set())
    ev.clear()
    await asyncio.sleep(0)
    print("woken even though cleared:", log, suffix(ev))

    # wait() on a set event returns at once; on an unset one with a timeout.
    ev.set()
    print(await ev.wait(), await asyncio.wait_for(ev.wait(), 1))
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("timed out;", suffix(ev))

    # Driving the coroutine by hand.
    w = ev.wait()
    print(repr(w).split(" at ")[0], w.__name__, w.__qualname__, asyncio.iscoroutine(w))
    fut = w.send(None)
    print(type(fut).__name__, fut.done(), fut._asyncio_future_blocking, suffix(ev), type(w.cr_await).__name__)
    ev.set()
    print(fut.result())
    try:
        w.send(None)
    except StopIteration as e:
        print("StopIteration", e.value, suffix(ev))
    try:
        w.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    ev.clear()

    w = ev.wait()
    w.send(None)
    print("parked:", suffix(ev))
    w.close()
    print("closed:", suffix(ev))
    w.close()

    w = ev.wait()
    w.send(None)
    try:
        w.throw(ValueError("boom"))
    except ValueError as e:
        print("thrown:", e, suffix(ev))
    try:
        w.throw(KeyError)
    except KeyError as e:
        print("thrown after done:", repr(e))
    except RuntimeError as e:
        print("RuntimeError:", e)

    w = ev.wait()
    try:
        w.send(1)
    except TypeError as e:
        print("TypeError:", e)
    w.close()

    # A task made from wait() itself, and gather over several.
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    print("task:", await t, await asyncio.gather(ev.wait(), ev.wait()))

    # Subclasses, attributes, weak references.
    me = MyEvent()
    me.extra = 5
    r = weakref.ref(me)
    t = asyncio.create_task(me.wait())
    await asyncio.sleep(0)
    print(suffix(me), me.extra, r() is me)
    me.set()
    print(await t)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ev.wait()
        import gc

        gc.collect()
    print([str(w.message) for w in caught])

    for args, kwargs in [((1,), {}), ((), {"loop": None})]:
        try:
            asyncio.Event(*args, **kwargs)
        except TypeError as e:
            print("TypeError:", e)
    return ev


ev = asyncio.run(main())
ev.clear()


async def other_loop():
    await ev.wait()


try:
    asyncio.run(other_loop())
except RuntimeError as e:
    print("RuntimeError:", str(e)[str(e).index(" [") :])
