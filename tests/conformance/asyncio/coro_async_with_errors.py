# async with on an object without the async protocol raises TypeError.
import asyncio

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

async def main():
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        print(e)
    try:
        async with 3:
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
