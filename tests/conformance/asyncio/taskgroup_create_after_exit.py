# create_task on a TaskGroup that is not entered or already finished
# raises RuntimeError.
import asyncio

async def job():
    pass

async def main():
    tg = asyncio.TaskGroup()
    c = job()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()
    async with tg:
        tg.create_task(job())
    c = job()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()

asyncio.run(main())
