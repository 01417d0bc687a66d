# exception() on a cancelled future raises CancelledError instead of
# returning it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.cancel('gone')
    try:
        f.exception()
    except asyncio.CancelledError as e:
        print('raised CancelledError', e.args)

asyncio.run(main())
