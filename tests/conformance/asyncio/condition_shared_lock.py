# A Condition can share an existing Lock; its locked() follows the lock.
import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with lock:
        print(cond.locked())
    print(cond.locked())
    await cond.acquire()
    print(lock.locked())
    cond.release()
    print(lock.locked())

asyncio.run(main())
