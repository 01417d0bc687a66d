# An async generator yields values to async for, awaiting between them.
import asyncio

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i

async def main():
    g = ticker(4)
    print(type(g).__name__)
    async for v in g:
        print(v)

asyncio.run(main())
