# gather of gathers nests results.
import asyncio

async def v(x):
    await asyncio.sleep(0)
    return x

async def main():
    print(await asyncio.gather(asyncio.gather(v(1), v(2)), v(3), asyncio.gather(v(4))))

asyncio.run(main())
