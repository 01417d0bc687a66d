# A failure in an inner TaskGroup surfaces as a nested ExceptionGroup.
import asyncio

async def fail():
    await asyncio.sleep(0.001)
    raise ValueError('deep')

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
    except ExceptionGroup as eg:
        print(repr(eg))
        print(repr(eg.exceptions[0]))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
    except* ValueError as eg:
        print('except* matched', repr(eg))

asyncio.run(main())
