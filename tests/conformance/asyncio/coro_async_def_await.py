# An async def called returns a coroutine; awaiting it runs the body.
import asyncio

async def add(a, b):
    return a + b

async def main():
    c = add(1, 2)
    print(type(c).__name__)
    print(await c)
    print(await add(10, 20))

asyncio.run(main())
