# Semaphore(0) blocks acquirers until someone releases.
import asyncio

async def acquirer(name, sem):
    await sem.acquire()
    print(name, 'acquired')

async def main():
    sem = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(acquirer(n, sem)) for n in ('x', 'y')]
    await asyncio.sleep(0.01)
    print('releasing one')
    sem.release()
    await asyncio.sleep(0.01)
    print('releasing another')
    sem.release()
    await asyncio.gather(*tasks)

asyncio.run(main())
