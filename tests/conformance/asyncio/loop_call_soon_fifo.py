# call_soon callbacks run in the order they were scheduled, with their args.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    for i in range(5):
        loop.call_soon(print, 'callback', i)
    loop.call_soon(print, 'several', 'args', 3)
    loop.call_soon(done.set_result, None)
    print('scheduled')
    await done
    print('all ran')

asyncio.run(main())
