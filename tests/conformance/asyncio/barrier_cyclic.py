# A Barrier is reusable: the same tasks pass it round after round.
import asyncio

async def worker(name, barrier, out):
    for rnd in range(3):
        out.append(f'{name}{rnd}')
        await barrier.wait()

async def main():
    barrier = asyncio.Barrier(2)
    out = []
    await asyncio.gather(worker('a', barrier, out), worker('b', barrier, out))
    print(out)

asyncio.run(main())
