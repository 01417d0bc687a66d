# async for over a plain iterable raises TypeError naming the type.
import asyncio

class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 1

async def main():
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(e)
    try:
        async for x in BadAnext():
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
