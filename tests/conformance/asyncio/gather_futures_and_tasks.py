# gather accepts futures, tasks and coroutines together.
import asyncio

async def coro():
    await asyncio.sleep(0.001)
    return 'coroutine'

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.002, fut.set_result, 'future')
    task = asyncio.create_task(coro())
    print(await asyncio.gather(fut, task, coro()))

asyncio.run(main())
