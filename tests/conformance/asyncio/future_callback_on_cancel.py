# Cancelling a future also schedules its done callbacks.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda fut: print('callback, cancelled =', fut.cancelled()))
    f.cancel()
    print('cancel called')
    await asyncio.sleep(0)

asyncio.run(main())
