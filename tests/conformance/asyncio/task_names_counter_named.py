# asyncio.create_task(name=...) still takes a number from the Task-N counter
# (the name is set after the task is made); loop.create_task(name=...) does
# not.
import asyncio

async def job():
    pass

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(job())
    b = asyncio.create_task(job(), name='named by asyncio.create_task')
    c = asyncio.create_task(job())
    d = loop.create_task(job(), name='named by loop.create_task')
    e = loop.create_task(job())
    for t in (a, b, c, d, e):
        print(t.get_name())
    await asyncio.gather(a, b, c, d, e)

asyncio.run(main())
