# Task.get_stack() and print_stack(): the suspended coroutine's frame, the
# traceback of a task that failed, and nothing for a finished task.
import asyncio
import sys


async def inner():
    await asyncio.sleep(0.1)


async def fails():
    await asyncio.sleep(0)
    raise ValueError('broken')


async def main():
    t = asyncio.create_task(inner(), name='worker')
    await asyncio.sleep(0)
    frames = t.get_stack()
    print(len(frames), frames[0].f_code.co_name, frames[0].f_lineno)
    print(t.get_stack(limit=0))
    t.print_stack(file=sys.stdout)
    t.print_stack(limit=1, file=sys.stdout)
    await t
    print(t.get_stack())
    t.print_stack(file=sys.stdout)
    bad = asyncio.create_task(fails(), name='failing')
    try:
        await bad
    except ValueError:
        pass
    print([f.f_code.co_name for f in bad.get_stack()])
    bad.print_stack(file=sys.stdout)


asyncio.run(main())
