# create_task schedules the coroutine; it does not start running until the
# creating task yields.
import asyncio

async def job(name):
    print('job', name, 'starts')
    await asyncio.sleep(0)
    print('job', name, 'ends')

async def main():
    asyncio.create_task(job('a'))
    asyncio.create_task(job('b'))
    print('tasks created')
    await asyncio.sleep(0)
    print('main after first yield')
    await asyncio.sleep(0)
    print('main after second yield')

asyncio.run(main())
