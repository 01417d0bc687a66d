# create_task requires a coroutine.
import asyncio

async def job():
    return 1

async def main():
    for bad in (42, asyncio.get_running_loop().create_future()):
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print('TypeError:', e)
    try:
        asyncio.create_task(job)
    except TypeError as e:
        print(str(e).startswith('a coroutine was expected, got <function job at '))

asyncio.run(main())
