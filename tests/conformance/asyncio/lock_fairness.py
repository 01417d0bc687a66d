# Waiters acquire the lock in the order they started waiting.
import asyncio

async def worker(name, lock, out):
    async with lock:
        out.append(name + ' in')
        await asyncio.sleep(0.001)
        out.append(name + ' out')

async def main():
    lock = asyncio.Lock()
    out = []
    await asyncio.gather(*(worker(n, lock, out) for n in 'abcd'))
    print(out)

asyncio.run(main())
