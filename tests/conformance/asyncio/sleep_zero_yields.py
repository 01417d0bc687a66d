# sleep(0) yields exactly one loop iteration to other ready tasks.
import asyncio

async def other():
    print('other runs')

async def main():
    asyncio.create_task(other())
    print('before sleep(0)')
    await asyncio.sleep(0)
    print('after sleep(0)')

asyncio.run(main())
