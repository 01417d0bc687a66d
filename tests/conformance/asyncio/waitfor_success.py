# wait_for returns the result when the awaitable is quick enough; timeout
# None waits forever.
import asyncio

async def quick(x):
    await asyncio.sleep(0.001)
    return x

async def main():
    print(await asyncio.wait_for(quick('fast enough'), timeout=1))
    print(await asyncio.wait_for(quick('no timeout'), None))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'future result')
    print(await asyncio.wait_for(fut, 1))

asyncio.run(main())
