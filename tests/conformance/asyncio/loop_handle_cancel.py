# A cancelled Handle never runs; cancelled() reports it; cancel is idempotent.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, 'one')
    h2 = loop.call_soon(print, 'two')
    h3 = loop.call_soon(print, 'three')
    print(type(h2).__name__, h2.cancelled())
    h2.cancel()
    h2.cancel()
    print(h2.cancelled())
    await asyncio.sleep(0)
    print(h1.cancelled(), h3.cancelled())

asyncio.run(main())
