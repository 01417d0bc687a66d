# n_waiting counts tasks blocked at the barrier.
import asyncio

async def main():
    barrier = asyncio.Barrier(3)
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(barrier.n_waiting)
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print(barrier.n_waiting)
    print(await barrier.wait(), await t1, await t2)
    print(barrier.n_waiting)

asyncio.run(main())
