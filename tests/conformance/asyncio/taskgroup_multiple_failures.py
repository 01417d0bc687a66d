# Children failing in their first step, before the group reacts, all end up
# in the group; a slower child is cancelled.
import asyncio

async def fail(exc):
    raise exc

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('slow child cancelled')
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError('v')))
            tg.create_task(fail(KeyError('k')))
            tg.create_task(slow())
    except* ValueError as eg:
        print('ValueError part:', eg.exceptions)
    except* KeyError as eg:
        print('KeyError part:', eg.exceptions)

asyncio.run(main())
