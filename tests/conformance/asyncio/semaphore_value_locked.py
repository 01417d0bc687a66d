# Semaphore value and locked(); a negative initial value is refused.
import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    print(sem._value, sem.locked())
    await sem.acquire()
    print(sem._value, sem.locked())
    await sem.acquire()
    print(sem._value, sem.locked())
    sem.release()
    sem.release()
    sem.release()
    print(sem._value, 'plain Semaphore may go above its start')
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError:', e)
    print(asyncio.Semaphore()._value)

asyncio.run(main())
