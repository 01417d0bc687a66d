# get_event_loop in a coroutine or callback returns the running loop.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(asyncio.get_event_loop() is loop)
    f = loop.create_future()
    loop.call_soon(lambda: f.set_result(asyncio.get_event_loop() is loop))
    print(await f)

asyncio.run(main())
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(main()) is None)
loop.close()
asyncio.set_event_loop(None)
