# A getter cancelled while waiting does not lose an item.
import asyncio

async def main():
    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g.cancel()
    await asyncio.gather(g, return_exceptions=True)
    q.put_nowait('kept')
    print(g.cancelled(), q.qsize(), q.get_nowait())

asyncio.run(main())
