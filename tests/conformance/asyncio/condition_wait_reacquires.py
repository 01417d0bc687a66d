# wait() releases the lock while waiting and holds it again on return.
import asyncio

async def waiter(cond):
    async with cond:
        print('waiter holds lock:', cond.locked())
        await cond.wait()
        print('waiter woke, holds lock:', cond.locked())

async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    print('main sees locked:', cond.locked())
    async with cond:
        cond.notify()
        print('main notified')
    await t

asyncio.run(main())
