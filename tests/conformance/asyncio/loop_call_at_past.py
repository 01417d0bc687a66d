# A call_at deadline already in the past fires at the next iteration, after
# the callbacks already queued with call_soon.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_at(loop.time() - 10, print, 'past deadline')
    loop.call_soon(print, 'soon')
    await asyncio.sleep(0.01)
    print('main')

asyncio.run(main())
