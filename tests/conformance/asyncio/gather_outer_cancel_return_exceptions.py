# Cancelling the gather cancels children even with return_exceptions=True;
# the gather then raises CancelledError.
import asyncio

async def child():
    await asyncio.sleep(1)

async def main():
    t1 = asyncio.create_task(child())
    t2 = asyncio.create_task(child())
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('CancelledError')
    print(t1.cancelled(), t2.cancelled())

asyncio.run(main())
