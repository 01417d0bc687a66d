# reset() breaks the current round for its waiters and returns the barrier
# to its initial state for later use.
import asyncio

async def party(name, barrier):
    try:
        print(name, 'passed', await barrier.wait())
    except asyncio.BrokenBarrierError:
        print(name, 'broken by reset')

async def main():
    barrier = asyncio.Barrier(2)
    t = asyncio.create_task(party('a', barrier))
    await asyncio.sleep(0)
    await barrier.reset()
    await t
    print(barrier.broken, barrier.n_waiting)
    await asyncio.gather(party('b', barrier), party('c', barrier))

asyncio.run(main())
