# A future whose done callback refers back to it, and a task whose
# coroutine holds it: the cycles are collected.
import asyncio
import gc
import weakref

gc.disable()


class Box:
    pass


async def pause():
    await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    box = Box()
    box.fut = fut
    fut.add_done_callback(lambda f, box=box: print("done callback"))
    watch = weakref.ref(fut, lambda ref: print("future freed"))
    del fut, box
    print("collect:", gc.collect() > 0)
    print("freed:", watch() is None)

    done = loop.create_future()
    holder = Box()
    holder.done = done
    done.add_done_callback(lambda f, holder=holder: print("result", f.result(), holder.done is f))
    done.set_result(42)
    await pause()
    watch = weakref.ref(done, lambda ref: print("done future freed"))
    del done, holder
    print("collect after done:", gc.collect() > 0)

    async def remember():
        me = asyncio.current_task()
        await pause()
        return "finished"

    task = asyncio.create_task(remember())
    print(await task)
    watch = weakref.ref(task, lambda ref: print("task freed"))
    del task
    print("collect task:", gc.collect() > 0)


asyncio.run(main())
