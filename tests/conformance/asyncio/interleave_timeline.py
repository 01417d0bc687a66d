# A timeline of events from three tasks at distinct instants, each printed
# with its nominal time (never a measured one). Every actor sleeps until an
# absolute instant, so the order depends on the schedule alone.
import asyncio

async def actor(name, schedule, origin, log):
    loop = asyncio.get_running_loop()
    for t in schedule:
        await asyncio.sleep(origin + t / 1000 - loop.time())
        log.append((t, name))
        print(f'{t:3d} ms {name}')

async def main():
    origin = asyncio.get_running_loop().time()
    log = []
    await asyncio.gather(actor('x', [10, 40, 70], origin, log),
                         actor('y', [25, 55], origin, log),
                         actor('z', [85], origin, log))
    print(log == sorted(log))

asyncio.run(main())
