# Event.wait blocks until set(); every waiter wakes; wait on a set event
# returns True at once.
import asyncio

async def waiter(name, ev):
    print(name, 'waiting')
    r = await ev.wait()
    print(name, 'woke', r)

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ('a', 'b', 'c')]
    await asyncio.sleep(0.01)
    print('setting')
    ev.set()
    print(ev.is_set())
    await asyncio.gather(*tasks)
    print(await ev.wait())

asyncio.run(main())
