# current_task() is the task running the coroutine; None in a plain callback.
import asyncio

async def job(seen):
    seen.append(asyncio.current_task())

async def main():
    me = asyncio.current_task()
    print(me.get_name(), isinstance(me, asyncio.Task))
    seen = []
    t = asyncio.create_task(job(seen))
    await t
    print(seen[0] is t, seen[0] is not me)
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(lambda: done.set_result(asyncio.current_task()))
    print(await done)
    print(asyncio.current_task(loop) is me)

asyncio.run(main())
