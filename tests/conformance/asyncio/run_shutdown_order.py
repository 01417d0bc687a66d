# The order of asyncio.run's shutdown: leftover tasks are cancelled, then
# async generators are finalized, then the loop closes.
import asyncio

async def agen():
    try:
        yield 1
    finally:
        print('asyncgen finalized')

async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print('task cancelled')

async def main():
    g = agen()
    keep.append(g)
    await g.__anext__()
    asyncio.create_task(background())
    await asyncio.sleep(0)
    print('main returns')

keep = []
asyncio.run(main())
print('run returned')
