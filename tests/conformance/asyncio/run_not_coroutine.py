# asyncio.run requires a coroutine object.
import asyncio

async def main():
    pass

for bad in (42, main):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print('ValueError:', str(e).split(' at 0x')[0])
