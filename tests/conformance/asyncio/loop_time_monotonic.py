# loop.time() never goes back, and a sleep advances it by at least the delay.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t1 = loop.time()
    print(t1 >= t0)
    await asyncio.sleep(0.01)
    t2 = loop.time()
    print(t2 > t1, t2 - t1 >= 0.009)
    print(type(t0).__name__)

asyncio.run(main())
