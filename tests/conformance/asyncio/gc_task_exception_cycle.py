# A finished task whose exception's traceback holds the frame that refers
# to the task: the cycle is found and freed by gc.collect().
import asyncio
import gc
import weakref

gc.disable()


async def work():
    me = asyncio.current_task()
    raise ValueError("boom")


async def start():
    task = asyncio.create_task(work())
    await asyncio.wait([task])
    print("exception:", repr(task.exception()))
    return weakref.ref(task, lambda ref: print("task freed"))


async def main():
    watch = await start()
    print("before collect:", watch() is not None)
    gc.collect()
    print("after collect:", watch())


asyncio.run(main())
