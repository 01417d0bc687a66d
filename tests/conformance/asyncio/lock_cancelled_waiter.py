# A waiter cancelled while waiting for the lock does not get it; the next
# waiter does.
import asyncio

async def waiter(name, lock):
    try:
        async with lock:
            print(name, 'got the lock')
    except asyncio.CancelledError:
        print(name, 'cancelled while waiting')
        raise

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter('a', lock))
    b = asyncio.create_task(waiter('b', lock))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(a, b, return_exceptions=True)
    print(lock.locked())

asyncio.run(main())
