# TaskGroup.create_task accepts a name.
import asyncio

async def job():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job(), name='first')
        b = tg.create_task(job(), name='second')
    print(a.result(), b.result())

asyncio.run(main())
