# In 3.11 wait() refuses bare coroutines (the 3.8 deprecation ended) and a
# single task instead of an iterable.
import asyncio

async def job():
    return 1

async def main():
    c = job()
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print('TypeError:', e)
    c.close()
    try:
        await asyncio.wait(asyncio.create_task(job()))
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
