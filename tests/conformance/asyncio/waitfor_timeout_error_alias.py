# The timeout of wait_for is catchable as asyncio.TimeoutError too, and its
# cause is the inner CancelledError.
import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError as e:
        print(type(e).__name__, type(e.__cause__).__name__)

asyncio.run(main())
