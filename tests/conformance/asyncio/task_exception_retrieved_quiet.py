# Once exception() has been called, dropping the failed task is silent.
import asyncio

async def fail():
    raise ValueError('seen')

async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.001)
    print(repr(t.exception()))
    del t
    print('no report')

asyncio.run(main())
