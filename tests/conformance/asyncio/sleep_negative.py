# A negative delay behaves like sleep(0).
import asyncio

async def other():
    print('other runs')

async def main():
    asyncio.create_task(other())
    print(await asyncio.sleep(-1, 'negative ok'))
    print(await asyncio.sleep(-0.5))

asyncio.run(main())
