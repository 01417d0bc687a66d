# BoundedSemaphore refuses to be released above its initial value.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print('ValueError:', e)
    print(isinstance(sem, asyncio.Semaphore))

asyncio.run(main())
