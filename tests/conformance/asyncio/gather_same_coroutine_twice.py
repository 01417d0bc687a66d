# The same awaitable passed twice to gather is run once; its result appears
# twice.
import asyncio

async def job():
    print('job runs')
    await asyncio.sleep(0)
    return 'r'

async def main():
    t = asyncio.create_task(job())
    print(await asyncio.gather(t, t))
    c = job()
    print(await asyncio.gather(c, c))

asyncio.run(main())
