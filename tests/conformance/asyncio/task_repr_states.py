# The repr of a task, with the coroutine part (which names a file) cut out.
import asyncio

def show(t):
    r = repr(t)
    head, rest = r.split(' coro=<', 1)
    print(head + rest.split('>', 1)[1])

async def job(x):
    await asyncio.sleep(0)
    if x == 'fail':
        raise KeyError(x)
    return x

async def main():
    t = asyncio.create_task(job('ok'), name='t1')
    show(t)
    await t
    show(t)
    f = asyncio.create_task(job('fail'), name='t2')
    await asyncio.sleep(0.001)
    show(f)
    f.exception()
    c = asyncio.create_task(job('x'), name='t3')
    c.cancel()
    show(c)
    await asyncio.sleep(0)
    show(c)

asyncio.run(main())
