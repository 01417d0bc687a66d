# An exception in the body of async with cancels the children; it is
# reported inside the ExceptionGroup.
import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('child cancelled')
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0)
            raise KeyError('from body')
    except* KeyError as eg:
        print('caught', eg.exceptions)

asyncio.run(main())
