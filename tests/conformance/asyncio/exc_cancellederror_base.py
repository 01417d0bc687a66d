# CancelledError derives from BaseException, not Exception, so a plain
# "except Exception" does not swallow a cancellation.
import asyncio

print(asyncio.CancelledError.__mro__)
print(issubclass(asyncio.CancelledError, Exception))
print(asyncio.CancelledError.__module__)

async def job():
    try:
        await asyncio.sleep(1)
    except Exception:
        print('not reached')

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print('not reached either')
    except asyncio.CancelledError:
        print('cancellation passed through except Exception')

asyncio.run(main())
