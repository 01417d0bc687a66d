# When the awaited inner task is cancelled on its own, the outer task gets
# CancelledError from its await but is not itself cancelled.
import asyncio

async def inner():
    await asyncio.sleep(1)

async def outer(t):
    try:
        await t
    except asyncio.CancelledError:
        print('outer got CancelledError from inner')
        return 'outer recovered'

async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0)
    t.cancel()
    print(await o)
    print(t.cancelled(), o.cancelled())

asyncio.run(main())
