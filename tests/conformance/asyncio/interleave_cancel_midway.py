# A periodic task ticking every 20 ms (on absolute instants) is cancelled by
# another task at 50 ms (also an absolute instant), after its third tick.
import asyncio

async def periodic(origin):
    loop = asyncio.get_running_loop()
    n = 0
    try:
        while True:
            print('tick', n)
            n += 1
            await asyncio.sleep(origin + n * 0.02 - loop.time())
    except asyncio.CancelledError:
        print('periodic stopped after', n, 'ticks')
        raise

async def stopper(target, origin):
    await asyncio.sleep(origin + 0.05 - asyncio.get_running_loop().time())
    print('stopping')
    target.cancel()

async def main():
    origin = asyncio.get_running_loop().time()
    t = asyncio.create_task(periodic(origin))
    await asyncio.gather(stopper(t, origin), t, return_exceptions=True)
    print('done')

asyncio.run(main())
