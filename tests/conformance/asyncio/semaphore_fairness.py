# release() wakes the first waiter and takes the unit for it at once: an
# acquire() that comes later, even before the woken waiter runs, waits
# behind it; waiters get in in the order they came.
import asyncio

async def waiter(name, sem, log):
    await sem.acquire()
    log.append(name)

async def main():
    sem = asyncio.Semaphore(0)
    log = []
    tasks = [asyncio.create_task(waiter(n, sem, log)) for n in 'abc']
    await asyncio.sleep(0)
    sem.release()
    print('after release: value', sem._value, 'locked', sem.locked())
    late = asyncio.create_task(waiter('late', sem, log))
    await asyncio.sleep(0)
    print(log, 'late done:', late.done())
    sem.release()
    sem.release()
    sem.release()
    await asyncio.gather(*tasks, late)
    print(log, 'value', sem._value)
    # Two releases in a row wake two waiters, in order.
    t1 = asyncio.create_task(waiter('x', sem, log))
    t2 = asyncio.create_task(waiter('y', sem, log))
    await asyncio.sleep(0)
    sem.release(); sem.release()
    print('value after two releases:', sem._value)
    await asyncio.gather(t1, t2)
    print(log[-2:])

asyncio.run(main())
