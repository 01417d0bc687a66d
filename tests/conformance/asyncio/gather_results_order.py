# gather returns results in argument order, not completion order.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print('finished', name)
    return name

async def main():
    results = await asyncio.gather(job('slow', 0.03), job('fast', 0.01), job('mid', 0.02))
    print(results)
    print(await asyncio.gather())

asyncio.run(main())
