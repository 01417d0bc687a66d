# Tasks still pending when main returns are cancelled by asyncio.run, and
# run until they handle the cancellation.
import asyncio

async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('background cancelled at shutdown')
        await asyncio.sleep(0)
        print('background cleanup finished')
        raise

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.001)
    print('main returns')
    return 'result'

print(asyncio.run(main()))
