# Semaphore and BoundedSemaphore: their errors, reprs (address cut off),
# _waiters (None until someone waits), and the loop they bind to.
import asyncio
import re

def show(obj):
    print(re.sub(r'0x[0-9a-f]+', '0x...', repr(obj)))

for bad in (-1,):
    try:
        asyncio.Semaphore(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    asyncio.BoundedSemaphore(-3)
except ValueError as e:
    print('ValueError:', e)
try:
    asyncio.Semaphore('x')
except TypeError as e:
    print('TypeError:', e)
try:
    asyncio.Semaphore(1, 2)
except TypeError as e:
    print('TypeError:', e)

async def main():
    sem = asyncio.Semaphore()
    show(sem)
    print(sem._waiters, sem._value, sem.locked())
    async with sem as bound:
        print('bound to', bound)
        show(sem)
        t = asyncio.create_task(sem.acquire())
        await asyncio.sleep(0)
        show(sem)
        print(type(sem._waiters).__name__, len(sem._waiters))
    print(await t)
    show(sem)
    sem.release()
    show(sem)
    b = asyncio.BoundedSemaphore(2)
    show(b)
    print(isinstance(b, asyncio.Semaphore), b._bound_value)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print('ValueError:', e)
    show(b)
    s0 = asyncio.Semaphore(0)
    show(s0)
    s0._get_loop()
    return s0

s0 = asyncio.run(main())

async def other():
    try:
        await s0.acquire()
    except RuntimeError as e:
        print('RuntimeError:', re.sub(r'0x[0-9a-f]+', '0x...', str(e)))

asyncio.run(other())
