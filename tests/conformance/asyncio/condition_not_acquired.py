# wait/notify without holding the lock raise RuntimeError.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print('notify:', e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print('wait:', e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print('notify_all:', e)

asyncio.run(main())
