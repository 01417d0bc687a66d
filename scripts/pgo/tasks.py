# Training workload for profile-guided optimization: asyncio tasks, gather,
# queues, locks, semaphores, events and timers.
import asyncio
import sys

scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1


async def worker(queue, results, lock):
    while True:
        item = await queue.get()
        async with lock:
            results.append(item * 2)
        queue.task_done()


async def ticker(event, n):
    for _ in range(n):
        await asyncio.sleep(0)
    event.set()


async def limited(sem, i):
    async with sem:
        await asyncio.sleep(0.0001 * (i % 3))
        return i


async def main():
    queue, results, lock = asyncio.Queue(maxsize=64), [], asyncio.Lock()
    workers = [asyncio.create_task(worker(queue, results, lock)) for _ in range(8)]
    for i in range(20000 * scale):
        await queue.put(i)
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    event = asyncio.Event()
    asyncio.create_task(ticker(event, 5000 * scale))
    await event.wait()
    sem = asyncio.Semaphore(10)
    done = await asyncio.gather(*(limited(sem, i) for i in range(3000 * scale)))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.001)
    except asyncio.TimeoutError:
        pass
    print(len(results), sum(done))


asyncio.run(main())
