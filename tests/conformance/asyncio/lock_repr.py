# The Lock repr shows its state and the number of waiters (the address part
# is cut off).
import asyncio

def show(obj):
    r = repr(obj)
    print(r[r.index(' [') + 1:])

async def main():
    lock = asyncio.Lock()
    show(lock)
    await lock.acquire()
    show(lock)
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    show(lock)
    lock.release()
    await t
    lock.release()
    show(lock)

asyncio.run(main())
