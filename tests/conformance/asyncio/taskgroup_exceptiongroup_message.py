# The ExceptionGroup raised by TaskGroup has the message
# "unhandled errors in a TaskGroup".
import asyncio

async def fail():
    raise RuntimeError('boom')

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
    except ExceptionGroup as eg:
        print(str(eg))
        print(eg.message, len(eg.exceptions), repr(eg.exceptions[0]))

asyncio.run(main())
