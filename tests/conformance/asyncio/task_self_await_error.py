# A task awaiting itself fails with RuntimeError.
import asyncio

async def job():
    await asyncio.current_task()

async def main():
    t = asyncio.create_task(job())
    try:
        await t
    except RuntimeError as e:
        print('RuntimeError:', str(e).split(': <')[0])
        print(str(e).split(': <')[1].startswith("Task pending name='Task-2'"))

asyncio.run(main())
