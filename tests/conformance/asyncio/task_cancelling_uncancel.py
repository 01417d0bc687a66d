# cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio

async def job():
    task = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('in handler cancelling =', task.cancelling())
        print('uncancel ->', task.uncancel())
        print('now cancelling =', task.cancelling())
    await asyncio.sleep(0)
    return 'survived'

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    print(t.cancelling())
    t.cancel()
    print(t.cancelling())
    t.cancel()
    print(t.cancelling())
    print(await t)

asyncio.run(main())
