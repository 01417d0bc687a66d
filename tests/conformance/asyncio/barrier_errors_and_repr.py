# Barrier(0) is refused; the repr shows the state and waiters/parties (the
# address part is cut off); async with waits at the barrier.
import asyncio

def show(b):
    r = repr(b)
    print(r[r.index(' [') + 1:])

async def main():
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print('ValueError:', e)
    b = asyncio.Barrier(2)
    show(b)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    show(b)
    async with b as pos:
        print('passed at', pos)
        show(b)
    print('other passed at', await t)
    show(b)
    await b.abort()
    show(b)
    one = asyncio.Barrier(1)
    async with one as pos:
        print('single party passes at', pos)

asyncio.run(main())
