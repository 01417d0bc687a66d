# A chained error built after asyncio.run: the cause's traceback shows the
# coroutine frames, then "The above exception was the direct cause".
import asyncio

async def fetch(key):
    await asyncio.sleep(0)
    return {'a': 1}[key]

async def main():
    try:
        await fetch('b')
    except KeyError as e:
        return e

error = asyncio.run(main())
raise RuntimeError('lookup failed') from error
