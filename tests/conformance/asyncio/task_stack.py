# Task.get_stack() and print_stack(): the suspended coroutine's frame, the
# traceback of a task that failed, and nothing for a finished task.
import asyncio
import io
import os


def show(task, **options):
    # The stack with this script's folder left out of its file names.
    out = io.StringIO()
    task.print_stack(file=out, **options)
    print(out.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ''), end='')


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
    show(t)
    show(t, limit=1)
    await t
    print(t.get_stack())
    show(t)
    bad = asyncio.create_task(fails(), name='failing')
    await asyncio.wait([bad])
    bad.exception()
    print([f.f_code.co_name for f in bad.get_stack()])
    show(bad)


asyncio.run(main())
