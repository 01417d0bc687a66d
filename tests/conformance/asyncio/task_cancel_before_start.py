# A task cancelled before it ever ran never runs its body.
import asyncio

async def job():
    print('never printed')

async def main():
    t = asyncio.create_task(job())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled before start', t.cancelled())

asyncio.run(main())
