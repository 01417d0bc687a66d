# Without return_exceptions the first exception is raised at once; the other
# children are not cancelled and keep running.
import asyncio

async def slow(go):
    await go.wait()
    print('slow finished')
    return 'slow'

async def bad():
    await asyncio.sleep(0.01)
    raise KeyError('first failure')

async def main():
    go = asyncio.Event()
    t = asyncio.create_task(slow(go))
    try:
        await asyncio.gather(bad(), t)
    except KeyError as e:
        print('gather raised', repr(e))
    print('slow done?', t.done(), 'cancelled?', t.cancelled())
    go.set()
    print(await t)

asyncio.run(main())
