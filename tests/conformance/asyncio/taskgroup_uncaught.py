# An ExceptionGroup from a TaskGroup that nobody inside asyncio.run catches
# comes out of asyncio.run; the script prints the group's structure itself
# (its traceback would show asyncio's own frames).
import asyncio

async def fail(n):
    await asyncio.sleep(0)
    raise ValueError(f'failure {n}')

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1))
        tg.create_task(fail(2))

try:
    asyncio.run(main())
except BaseException as e:
    print(type(e).__name__, e)
    for sub in e.exceptions:
        print(' ', type(sub).__name__, sub)
        print('  raised in', sub.__traceback__.tb_frame.f_code.co_name if sub.__traceback__ else None)
