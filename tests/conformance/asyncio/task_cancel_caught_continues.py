# A task may catch CancelledError and carry on; it then finishes normally
# and is not cancelled.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('caught cancel, cleaning up')
        await asyncio.sleep(0.001)
    return 'finished anyway'

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)
    print(t.cancelled(), t.cancelling())

asyncio.run(main())
