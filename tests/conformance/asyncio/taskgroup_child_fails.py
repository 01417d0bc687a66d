# One child failing cancels the other children and the body; the group
# raises an ExceptionGroup that except* can take apart. (The group cancels
# its children in set order, so the script sorts what it saw.)
import asyncio

cancelled = []

async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError('child failed')

async def sleeper(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper('s1'))
            tg.create_task(fail(0.01))
            tg.create_task(sleeper('s2'))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('body cancelled')
                raise
            print('body not reached')
    except* ValueError as eg:
        print('caught', type(eg).__name__, eg.exceptions)
    print('cancelled children:', sorted(cancelled))
    print('after group, cancelling =', asyncio.current_task().cancelling())

asyncio.run(main())
