# A task's done/result/exception before and after it finishes.
import asyncio

async def job(x):
    await asyncio.sleep(0.001)
    if x < 0:
        raise ValueError(x)
    return x * 10

async def main():
    t = asyncio.create_task(job(4))
    print(t.done())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    print(await t)
    print(t.done(), t.result(), t.exception(), t.cancelled())
    bad = asyncio.create_task(job(-1))
    await asyncio.sleep(0.01)
    print(bad.done(), repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print('result raised', repr(e))

asyncio.run(main())
