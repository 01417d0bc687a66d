# timeout(None) never expires; when() is None.
import asyncio

async def main():
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        await asyncio.sleep(0.01)
    print(cm.expired())

asyncio.run(main())
