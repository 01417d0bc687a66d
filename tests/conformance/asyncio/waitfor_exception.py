# An exception inside wait_for's awaitable propagates unchanged.
import asyncio

async def fails():
    await asyncio.sleep(0.001)
    raise LookupError('inside wait_for')

async def main():
    try:
        await asyncio.wait_for(fails(), 1)
    except LookupError as e:
        print('LookupError:', e)

asyncio.run(main())
