# An async generator left suspended when main returns is finalized by
# asyncio.run's shutdown_asyncgens: its finally block runs before run returns.
import asyncio

async def gen():
    try:
        for i in range(10):
            yield i
    finally:
        print('gen finally')

async def main():
    g = gen()
    keep.append(g)
    async for v in g:
        print('value', v)
        if v == 1:
            break
    print('main returns')

keep = []
asyncio.run(main())
print('after run')
