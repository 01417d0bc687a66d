# Cancelling a task in sleep interrupts the sleep.
import asyncio

async def napper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('sleep interrupted')
        raise

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t = asyncio.create_task(napper())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled(), loop.time() - start < 5)

asyncio.run(main())
