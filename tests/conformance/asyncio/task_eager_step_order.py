# Each task advances one step per loop iteration, in the order they became
# ready.
import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(worker('a', 3), worker('b', 2), worker('c', 3))

asyncio.run(main())
