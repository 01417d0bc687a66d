# wait_for with timeout 0 on an unfinished awaitable times out at once; on a
# finished future it returns the result.
import asyncio

async def job():
    print('job started')
    return 'never returned'

async def main():
    try:
        await asyncio.wait_for(job(), 0)
    except TimeoutError:
        print('TimeoutError')
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result('already done')
    print(await asyncio.wait_for(f, 0))

asyncio.run(main())
