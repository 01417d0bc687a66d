# loop.create_task works like asyncio.create_task, with a name too.
import asyncio

async def job(x):
    await asyncio.sleep(0)
    return x + 1

async def main():
    loop = asyncio.get_running_loop()
    t = loop.create_task(job(1), name='via loop')
    print(t.get_name(), t.get_loop() is loop)
    print(await t)

asyncio.run(main())
