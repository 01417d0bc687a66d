# timeout_at takes an absolute loop.time() deadline; when() returns it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.01
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print(cm.when() == deadline)
            await asyncio.sleep(1)
    except TimeoutError:
        print('timed out at deadline')

asyncio.run(main())
