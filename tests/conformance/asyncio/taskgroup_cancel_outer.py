# Cancelling the task that runs a TaskGroup cancels its children; the
# CancelledError propagates (not an ExceptionGroup). (Children are cancelled
# in set order, so the script sorts what it saw.)
import asyncio

cancelled = []

async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def runner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child('a'))
        tg.create_task(child('b'))

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('runner cancelled', t.cancelled())
    print(sorted(cancelled))

asyncio.run(main())
