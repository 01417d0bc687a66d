# The finalizer from shutdown_asyncgens may await in the finally block.
import asyncio

async def gen(name):
    try:
        yield name
        yield name
    finally:
        await asyncio.sleep(0.001)
        print('closed', name)

async def main():
    g1 = gen('one')
    keep.append(g1)
    print(await g1.__anext__())
    print('main done')

keep = []
asyncio.run(main())
print('after run')
