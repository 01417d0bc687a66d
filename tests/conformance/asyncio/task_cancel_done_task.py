# cancel() on a finished task returns False and changes nothing.
import asyncio

async def job():
    return 'value'

async def main():
    t = asyncio.create_task(job())
    await t
    print(t.cancel(), t.cancelled(), t.result())

asyncio.run(main())
