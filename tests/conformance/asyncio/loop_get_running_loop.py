# get_running_loop() inside a coroutine is the loop that runs it, and
# get_event_loop() there returns the same loop.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop())
    print(loop.is_running(), loop.is_closed())
    return loop

loop = asyncio.run(main())
print(loop.is_running(), loop.is_closed())
