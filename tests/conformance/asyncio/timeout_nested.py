# Nested timeouts: the inner one that expires first raises in its own block.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner timeout')
            await asyncio.sleep(0.001)
            print('outer block continues')
    except TimeoutError:
        print('outer timeout (not expected)')
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.timeout(0.05):
                await asyncio.sleep(1)
    except TimeoutError:
        print('outer timeout fired first')

asyncio.run(main())
