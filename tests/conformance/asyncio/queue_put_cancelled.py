# A putter blocked on a full queue and cancelled does not add its item.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait('first')
    p = asyncio.create_task(q.put('second'))
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print(p.cancelled(), q.qsize(), q.get_nowait(), q.empty())

asyncio.run(main())
