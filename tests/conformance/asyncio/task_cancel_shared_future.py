# Cancelling a task cancels the future it is waiting on, even when other
# tasks wait on the same future: they get CancelledError too, though nobody
# cancelled them.
import asyncio

async def waiter(name, fut):
    try:
        await fut
    except asyncio.CancelledError:
        print(name, 'got CancelledError')
        return name + ' survived'

async def main():
    fut = asyncio.get_running_loop().create_future()
    a = asyncio.create_task(waiter('a', fut))
    b = asyncio.create_task(waiter('b', fut))
    await asyncio.sleep(0)
    a.cancel()
    print(await asyncio.gather(a, b, return_exceptions=True))
    print('future cancelled:', fut.cancelled())

asyncio.run(main())
