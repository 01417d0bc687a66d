# A coroutine raising CancelledError itself leaves its task cancelled.
import asyncio

async def job():
    await asyncio.sleep(0)
    raise asyncio.CancelledError('self-inflicted')

async def main():
    t = asyncio.create_task(job())
    try:
        await t
    except asyncio.CancelledError as e:
        print('CancelledError')
    print(t.cancelled())

asyncio.run(main())
