# Cancelling a task waiting on a future cancels that future.
import asyncio

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print('waiter cancelled')
        raise

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    t.cancel('msg for future')
    await asyncio.sleep(0)
    print('future cancelled:', fut.cancelled())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print('future CancelledError args', e.args)
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled:', t.cancelled())

asyncio.run(main())
