# aclose() throws GeneratorExit into the async generator; its finally runs
# and may await.
import asyncio

async def gen():
    try:
        yield 1
        yield 2
    finally:
        await asyncio.sleep(0)
        print('cleanup')

async def main():
    g = gen()
    print(await g.__anext__())
    await g.aclose()
    print('closed')
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('StopAsyncIteration after close')
    await g.aclose()
    print('aclose again is fine')

asyncio.run(main())
