# StopAsyncIteration raised explicitly inside an async generator becomes
# RuntimeError, as StopIteration does in generators.
import asyncio

async def gen():
    yield 1
    raise StopAsyncIteration

async def main():
    g = gen()
    print(await g.__anext__())
    try:
        await g.__anext__()
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
