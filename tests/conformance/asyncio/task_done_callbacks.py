# Task done callbacks run after the task finishes, in order, before awaiters
# that registered later resume.
import asyncio

async def job():
    await asyncio.sleep(0)
    return 'r'

async def main():
    t = asyncio.create_task(job())
    t.add_done_callback(lambda task: print('callback 1', task.result()))
    t.add_done_callback(lambda task: print('callback 2', task.done()))
    print(await t)
    print('main resumed')

asyncio.run(main())
