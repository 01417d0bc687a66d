# abort() breaks the barrier: waiters and later callers get BrokenBarrierError.
import asyncio

async def party(name, barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(name, 'BrokenBarrierError', repr(e))

async def main():
    barrier = asyncio.Barrier(3)
    tasks = [asyncio.create_task(party(n, barrier)) for n in ('a', 'b')]
    await asyncio.sleep(0)
    await barrier.abort()
    await asyncio.gather(*tasks)
    print(barrier.broken)
    await party('late', barrier)

asyncio.run(main())
