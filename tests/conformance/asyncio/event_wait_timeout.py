# Waiting on an event with wait_for and a timeout.
import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print('timed out, is_set:', ev.is_set())
    asyncio.get_running_loop().call_later(0.01, ev.set)
    print(await asyncio.wait_for(ev.wait(), 1))

asyncio.run(main())
