# With a hand-made loop, shutdown_asyncgens closes the generators that were
# started on it and left suspended.
import asyncio

async def gen(name):
    try:
        yield 1
    finally:
        print('finalized', name)

keep = []

async def main():
    for name in ('a', 'b'):
        g = gen(name)
        keep.append(g)
        await g.__anext__()
    print('main done')

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print('before shutdown')
loop.run_until_complete(loop.shutdown_asyncgens())
print('after shutdown')
loop.close()
