# Cancelling the gather future cancels every child that is still running.
# Awaiting it then raises CancelledError, yet in 3.11 its cancelled() stays
# False: gather finishes its outer future with set_exception(CancelledError).
import asyncio

async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, 'cancelled')
        raise

async def main():
    g = asyncio.gather(child('a'), child('b'))
    await asyncio.sleep(0.01)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', g.cancelled())

asyncio.run(main())
