# TaskGroup waits for all its tasks on exit; their results are then ready.
import asyncio

async def job(x, delay):
    await asyncio.sleep(delay)
    print('job', x, 'done')
    return x * x

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job(2, 0.02))
        t2 = tg.create_task(job(3, 0.01))
        print('tasks started')
    print('group exited')
    print(t1.result(), t2.result())

asyncio.run(main())
