# loop.create_future() makes a pending Future bound to this loop.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(type(f).__name__, isinstance(f, asyncio.Future))
    print(f.get_loop() is loop, f.done())
    loop.call_later(0.01, f.set_result, 'value')
    print(await f)

asyncio.run(main())
