# Awaiting something that is not awaitable, or whose __await__ returns a
# non-iterator, raises TypeError with CPython's wording.
import asyncio

class NoIter:
    def __await__(self):
        return 42

async def main():
    try:
        await 5
    except TypeError as e:
        print(e)
    try:
        await NoIter()
    except TypeError as e:
        print(e)
    try:
        await [1, 2]
    except TypeError as e:
        print(e)

asyncio.run(main())
