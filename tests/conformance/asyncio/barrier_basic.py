# Barrier(3): tasks wait until three have arrived; wait() returns each
# task's arrival index.
import asyncio

async def party(name, barrier, delay, out):
    await asyncio.sleep(delay)
    out.append(f'{name} arrives')
    index = await barrier.wait()
    out.append(f'{name} passes {index}')

async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    out = []
    await asyncio.gather(party('a', barrier, 0.01, out), party('b', barrier, 0.02, out),
                         party('c', barrier, 0.03, out))
    for line in out:
        print(line)
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())
