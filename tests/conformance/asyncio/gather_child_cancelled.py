# A child cancelled on its own makes gather raise CancelledError (without
# return_exceptions) while the other children carry on; with
# return_exceptions the CancelledError appears in the results.
import asyncio

async def child(x, ev):
    await ev.wait()
    return x

async def main():
    release = asyncio.Event()
    a = asyncio.create_task(child('a', release))
    b = asyncio.create_task(child('b', release))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.01)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather raised CancelledError')
    print(a.done(), g.cancelled())
    release.set()
    print(await a)
    c = asyncio.create_task(child('c', release))
    d = asyncio.create_task(asyncio.sleep(1))
    g2 = asyncio.gather(c, d, return_exceptions=True)
    await asyncio.sleep(0)
    d.cancel()
    print([type(r).__name__ for r in await g2])

asyncio.run(main())
