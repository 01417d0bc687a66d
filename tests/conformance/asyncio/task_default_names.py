# Default task names count Task-1, Task-2, ... across the program; the
# main task of asyncio.run takes one of the numbers too.
import asyncio

async def job():
    pass

async def main():
    print('main is', asyncio.current_task().get_name())
    tasks = [asyncio.create_task(job()) for _ in range(3)]
    print([t.get_name() for t in tasks])
    named = asyncio.create_task(job(), name='custom')
    after = asyncio.create_task(job())
    print(named.get_name(), after.get_name())
    await asyncio.gather(*tasks, named, after)

asyncio.run(main())
asyncio.run(main())
