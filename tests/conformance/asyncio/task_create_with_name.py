# create_task(name=...) names the task; get_name/set_name.
import asyncio

async def job():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    t = asyncio.create_task(job(), name='worker')
    print(t.get_name())
    t.set_name('renamed')
    print(await t)
    u = asyncio.create_task(job(), name=123)
    print(repr(u.get_name()))
    u.set_name(4.5)
    print(repr(await u))

asyncio.run(main())
