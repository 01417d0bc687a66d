# The traceback of an uncaught TaskGroup ExceptionGroup. asyncio.run's own
# frames are dropped by re-raising the group with a fresh traceback, so what
# is printed is the group and the tracebacks of its sub-exceptions, which
# only hold the children's frames.
import asyncio

async def fail(n):
    await asyncio.sleep(0)
    if n == 1:
        raise ValueError('first child')
    raise KeyError('second child')

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1))
        tg.create_task(fail(2))

try:
    asyncio.run(main())
except ExceptionGroup as eg:
    raise eg.with_traceback(None) from None
