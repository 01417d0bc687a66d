# Only one task at a time holds the lock, even across awaits.
import asyncio

counter = 0

async def incr(lock):
    global counter
    for _ in range(5):
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1

async def incr_unlocked():
    global counter
    for _ in range(5):
        v = counter
        await asyncio.sleep(0)
        counter = v + 1

async def main():
    global counter
    lock = asyncio.Lock()
    await asyncio.gather(incr(lock), incr(lock), incr(lock))
    print('with lock', counter)
    counter = 0
    await asyncio.gather(incr_unlocked(), incr_unlocked(), incr_unlocked())
    print('without lock', counter)

asyncio.run(main())
