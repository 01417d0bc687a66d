# An exception from main comes out of asyncio.run unchanged.
import asyncio

class Custom(Exception):
    pass

async def main():
    await asyncio.sleep(0)
    raise Custom('from main', 42)

try:
    asyncio.run(main())
except Custom as e:
    print('caught', type(e).__name__, e.args)
