# Getters are served in the order they came. A woken getter whose item was
# taken by get_nowait() before it ran waits again, behind the others.
import asyncio

async def getter(name, q, log):
    item = await q.get()
    log.append((name, item))

async def main():
    q = asyncio.Queue()
    log = []
    tasks = [asyncio.create_task(getter(n, q, log)) for n in 'abc']
    await asyncio.sleep(0)
    print('getters', len(q._getters))
    q.put_nowait(1)
    print('after put: getters', len(q._getters))
    print('stolen', q.get_nowait())
    await asyncio.sleep(0)
    print('getters again', len(q._getters), log)
    for i in (2, 3, 4):
        q.put_nowait(i)
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print(log)

asyncio.run(main())
