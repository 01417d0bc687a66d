# Future.add_done_callback(fn, *, context=None): the callback runs in the
# context given, else in a copy of the one current when it was added.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


def callback(label):
    def run(future):
        print(label, var.get(), future.result())
        var.set("changed by " + label)

    return run


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    var.set("when added")
    fut.add_done_callback(callback("plain"))
    ctx = contextvars.Context()
    ctx.run(var.set, "ctx value")
    fut.add_done_callback(callback("with ctx"), context=ctx)
    var.set("later")
    fut.set_result(1)
    await asyncio.sleep(0)
    print("main:", var.get(), "ctx:", ctx[var])
    # On a future already done, the callback is scheduled at once.
    fut.add_done_callback(callback("done already"))
    await asyncio.sleep(0)
    # Tasks' done callbacks too.
    async def work():
        var.set("in task")
        return 2

    task = asyncio.create_task(work())
    task.add_done_callback(callback("task"))
    await task
    await asyncio.sleep(0)
    print("main:", var.get())
    try:
        fut.add_done_callback(callback("bad"), 1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
