# Yielding something other than None or a future to a task makes the task
# fail with RuntimeError.
import asyncio

class Bad:
    def __await__(self):
        yield 'not a future'

async def job():
    await Bad()

async def main():
    t = asyncio.create_task(job())
    try:
        await t
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
