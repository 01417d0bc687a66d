# Task.cancel(msg): the coroutine sees CancelledError(msg) at its await, and
# awaiting the task raises CancelledError.
import asyncio

async def job():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print('job sees', e.args)
        raise

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    print(t.cancel('please stop'))
    print(t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaiter sees CancelledError')
    print(t.cancelled(), t.done())
    print(t.cancel())

asyncio.run(main())
