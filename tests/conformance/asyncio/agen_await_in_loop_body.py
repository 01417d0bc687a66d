# Interleaving of two async generators consumed by two tasks.
import asyncio

async def source(name, n):
    for i in range(n):
        yield f'{name}{i}'
        await asyncio.sleep(0)

async def consume(name, n, out):
    async for item in source(name, n):
        out.append(item)

async def main():
    out = []
    await asyncio.gather(consume('x', 3, out), consume('y', 3, out))
    print(out)

asyncio.run(main())
