# clear() resets the event; later waiters block again.
import asyncio

async def main():
    ev = asyncio.Event()
    ev.set()
    ev.clear()
    print(ev.is_set())
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0.01)
    print('waiter done?', t.done())
    ev.set()
    ev.clear()
    await asyncio.sleep(0)
    print('set then clear still wakes the waiter:', t.done(), t.result() if t.done() else None)

asyncio.run(main())
