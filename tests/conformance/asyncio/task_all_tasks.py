# all_tasks() holds the not-yet-done tasks of the running loop.
import asyncio

async def main():
    print(len(asyncio.all_tasks()))
    ev = asyncio.Event()
    a = asyncio.create_task(asyncio.sleep(0.01), name='a')
    b = asyncio.create_task(ev.wait(), name='b')
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await a
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    ev.set()
    await b
    print(asyncio.all_tasks() == {asyncio.current_task()})

asyncio.run(main())
