# async with asyncio.timeout(d) cancels the body and raises TimeoutError.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
            print('not reached')
    except TimeoutError:
        print('TimeoutError, expired:', cm.expired())
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.001)
    print('finished in time, expired:', cm2.expired())

asyncio.run(main())
