# If main itself is cancelled, asyncio.run raises CancelledError.
import asyncio

async def main():
    asyncio.current_task().cancel()
    await asyncio.sleep(1)

try:
    asyncio.run(main())
except asyncio.CancelledError:
    print('asyncio.run raised CancelledError')
