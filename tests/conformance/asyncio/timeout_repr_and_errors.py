# A Timeout's repr shows its state; entering it twice is an error.
import asyncio

async def main():
    cm = asyncio.timeout(None)
    print(repr(cm))
    async with cm:
        print(repr(cm))
    print(repr(cm))
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
