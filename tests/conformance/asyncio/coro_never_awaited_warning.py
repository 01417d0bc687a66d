# A coroutine object dropped without being awaited warns on stderr.
import asyncio

async def forgotten():
    print('never printed')

async def main():
    forgotten()
    print('main continues')

asyncio.run(main())
print('end')
