# as_completed yields awaitables in completion order.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    jobs = [job('c', 0.03), job('a', 0.01), job('d', 0.04), job('b', 0.02)]
    for fut in asyncio.as_completed(jobs):
        print(await fut)

asyncio.run(main())
