# Tickers started at different times with the same period, their ticks
# printed in deadline order. Each tick sleeps until an absolute instant
# (start of main + offset), so a late wakeup never shifts the later ticks.
import asyncio

async def ticker(name, first, period, count, origin):
    loop = asyncio.get_running_loop()
    for i in range(count):
        await asyncio.sleep(origin + first + i * period - loop.time())
        print(f'{name} tick {i}')

async def main():
    origin = asyncio.get_running_loop().time()
    await asyncio.gather(ticker('A', 0.0, 0.2, 3, origin),
                         ticker('B', 0.1, 0.2, 3, origin),
                         ticker('C', 0.35, 1, 1, origin))

asyncio.run(main())
