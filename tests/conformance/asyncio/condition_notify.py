# Condition.notify(n) wakes n waiters in FIFO order; notify_all wakes the rest.
import asyncio

async def waiter(name, cond, out):
    async with cond:
        await cond.wait()
        out.append(name)

async def main():
    cond = asyncio.Condition()
    out = []
    tasks = [asyncio.create_task(waiter(n, cond, out)) for n in 'abcde']
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
    await asyncio.sleep(0.001)
    print(out)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.001)
    print(out)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(out)

asyncio.run(main())
