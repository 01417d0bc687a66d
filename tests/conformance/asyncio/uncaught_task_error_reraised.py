# The traceback of an exception that travelled through a task: after the
# module's line, the frame that awaited the task, then the task's own
# coroutine frames.
import asyncio

async def compute(n):
    await asyncio.sleep(0.001)
    return 10 // n

async def main():
    task = asyncio.create_task(compute(0))
    try:
        await task
    except ZeroDivisionError as e:
        return e

raise asyncio.run(main())
