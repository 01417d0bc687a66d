# The tutorial pattern: two workers with different sleeps interleave by
# their deadlines (0.04 s steps against 0.06 s steps).
import asyncio

async def worker(name, delay, steps):
    for i in range(steps):
        print(f'{name} step {i}')
        await asyncio.sleep(delay)
    print(f'{name} finished')
    return name

async def main():
    results = await asyncio.gather(worker('fast', 0.04, 2), worker('slow', 0.06, 2))
    print(results)

asyncio.run(main())
