# Done callbacks run in registration order, each receiving the future, and
# only through the loop, never inline in set_result.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    for name in ('a', 'b', 'c'):
        f.add_done_callback(lambda fut, name=name: print('callback', name, fut.result()))
    loop.call_soon(print, 'queued before set_result')
    f.set_result(7)
    print('after set_result')
    await asyncio.sleep(0)
    print('after one iteration')

asyncio.run(main())
