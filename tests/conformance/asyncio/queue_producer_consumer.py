# Two producers on a fixed schedule and two consumers sharing a bounded
# queue: items are consumed in the order they were put.
import asyncio

async def producer(name, q, times, origin):
    loop = asyncio.get_running_loop()
    for i, t in enumerate(times):
        await asyncio.sleep(origin + t - loop.time())
        await q.put(f'{name}{i}')
        print(f'{name} put {name}{i}')

async def consumer(q, log):
    while True:
        item = await q.get()
        log.append(item)
        q.task_done()

async def main():
    origin = asyncio.get_running_loop().time()
    q = asyncio.Queue(maxsize=2)
    log = []
    consumers = [asyncio.create_task(consumer(q, log)) for _ in range(2)]
    await asyncio.gather(producer('p', q, [0.01, 0.03, 0.05], origin),
                         producer('r', q, [0.02, 0.04], origin))
    await q.join()
    for c in consumers:
        c.cancel()
    print(log)

asyncio.run(main())
