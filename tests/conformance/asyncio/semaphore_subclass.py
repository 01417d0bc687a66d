# Subclasses of Semaphore: overridden acquire(), release() and locked()
# are what `async with` and acquire() use.
import asyncio

class Counting(asyncio.Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self.log = []

    async def acquire(self):
        self.log.append('acquire')
        return await super().acquire()

    def release(self):
        self.log.append('release')
        super().release()

class NeverLocked(asyncio.BoundedSemaphore):
    def locked(self):
        return False

async def user(sem, name, out):
    async with sem:
        out.append(name)
        await asyncio.sleep(0)

async def main():
    sem = Counting(1)
    out = []
    await asyncio.gather(user(sem, 'a', out), user(sem, 'b', out))
    print(out, sem.log, sem._value, isinstance(sem, asyncio.Semaphore))
    n = NeverLocked(1)
    await n.acquire()
    await n.acquire()
    print('value', n._value, repr(n).endswith('[unlocked, value:-1]>'))

asyncio.run(main())
