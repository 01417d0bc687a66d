# get() blocks until an item arrives; waiting getters are served in order.
import asyncio

async def getter(name, q):
    item = await q.get()
    print(name, 'got', item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(n, q)) for n in ('g1', 'g2', 'g3')]
    await asyncio.sleep(0.001)
    for item in ('x', 'y', 'z'):
        q.put_nowait(item)
    await asyncio.gather(*tasks)

asyncio.run(main())
