# Lock: acquire/release/locked, and async with.
import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    print(await lock.acquire())
    print(lock.locked())
    lock.release()
    print(lock.locked())
    async with lock:
        print('inside', lock.locked())
    print('outside', lock.locked())

asyncio.run(main())
