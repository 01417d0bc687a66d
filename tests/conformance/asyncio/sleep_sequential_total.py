# Sequential sleeps add up; concurrent ones overlap.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.02)
    await asyncio.sleep(0.02)
    sequential = loop.time() - t0
    t1 = loop.time()
    await asyncio.gather(asyncio.sleep(0.02), asyncio.sleep(0.02))
    concurrent = loop.time() - t1
    print(sequential >= 0.039, concurrent >= 0.019, concurrent < sequential)

asyncio.run(main())
