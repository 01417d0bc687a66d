# Awaiting an already-finished coroutine raises RuntimeError.
import asyncio

async def one():
    return 1

async def main():
    c = one()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
