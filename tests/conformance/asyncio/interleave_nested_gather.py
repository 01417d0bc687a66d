# Nested gathers with sleeps: the print order follows the deadlines.
import asyncio

async def leaf(name, delay):
    await asyncio.sleep(delay)
    print('leaf', name)
    return name

async def branch(name, d1, d2):
    r = await asyncio.gather(leaf(name + '.1', d1), leaf(name + '.2', d2))
    print('branch', name)
    return r

async def main():
    print(await asyncio.gather(branch('a', 0.03, 0.01), branch('b', 0.02, 0.1)))

asyncio.run(main())
