# A callback added to a future that is already done is scheduled with
# call_soon, not called inline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result('x')
    f.add_done_callback(lambda fut: print('callback', fut.result()))
    print('added')
    await asyncio.sleep(0)
    print('done')

asyncio.run(main())
