# return_exceptions=True puts exceptions in the result list instead of
# raising; the other children run to completion.
import asyncio

async def ok(x):
    await asyncio.sleep(0.01)
    return x

async def bad(msg):
    await asyncio.sleep(0.001)
    raise ValueError(msg)

async def main():
    res = await asyncio.gather(ok(1), bad('a'), ok(2), bad('b'), return_exceptions=True)
    print([repr(r) for r in res])

asyncio.run(main())
