# A waiter cancelled after release() woke it gives the unit back and the
# next waiter gets it; one cancelled while still waiting takes nothing, and
# locked() does not count cancelled waiters.
import asyncio

async def waiter(name, sem, log):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise
    log.append(name + ' in')

async def main():
    sem = asyncio.Semaphore(0)
    log = []
    a = asyncio.create_task(waiter('a', sem, log))
    b = asyncio.create_task(waiter('b', sem, log))
    c = asyncio.create_task(waiter('c', sem, log))
    await asyncio.sleep(0)
    sem.release()          # wakes a
    a.cancel()             # before a runs: the wake-up goes to b
    print('value', sem._value, 'waiters', len(sem._waiters))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log, 'value', sem._value)
    c.cancel()             # still waiting: nothing to hand on
    await asyncio.sleep(0)
    print(log, 'value', sem._value, 'locked', sem.locked())
    sem.release()
    print('value', sem._value, 'locked', sem.locked(), a.cancelled(), b.done(), c.cancelled())

    # A cancelled waiter still queued does not make the semaphore locked.
    sem2 = asyncio.Semaphore(1)
    await sem2.acquire()
    d = asyncio.create_task(sem2.acquire())
    await asyncio.sleep(0)
    d.cancel()
    sem2._value = 1
    print('locked with a cancelled waiter:', sem2.locked())
    await asyncio.gather(d, return_exceptions=True)
    print('locked after it left:', sem2.locked(), sem2._waiters)

asyncio.run(main())
