# Cancelling a task that awaits another task cancels the inner task too.
import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('inner cancelled')
        raise

async def outer(holder):
    holder.append(asyncio.create_task(inner()))
    try:
        await holder[0]
    except asyncio.CancelledError:
        print('outer cancelled')
        raise

async def main():
    holder = []
    t = asyncio.create_task(outer(holder))
    await asyncio.sleep(0.001)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main sees outer cancelled')
    print(holder[0].cancelled(), t.cancelled())

asyncio.run(main())
