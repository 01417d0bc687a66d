# wait_for raises TimeoutError (the builtin, since 3.11) when the awaitable
# takes too long, and cancels it.
import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('inner cancelled by wait_for')
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError as e:
        print('TimeoutError', type(e) is TimeoutError, e.args)

asyncio.run(main())
