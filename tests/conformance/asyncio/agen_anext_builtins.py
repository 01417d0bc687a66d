# The aiter() and anext() builtins, with a default for anext.
import asyncio

async def gen():
    yield 'a'
    yield 'b'

async def main():
    it = aiter(gen())
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')

asyncio.run(main())
