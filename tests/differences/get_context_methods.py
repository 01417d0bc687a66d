# Difference: Task.get_context() and Handle.get_context() exist, returning
# the context the task's steps or the handle's callback run in.
#
# CPython 3.11 has neither (AttributeError); CPython 3.12 added both, with
# this behaviour.
#
# Why: a small extension asyncio code written for 3.12 uses to look at a
# task's context variables from outside the task.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


async def work():
    var.set("set in task")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(work())
    await task
    print(task.get_context()[var])
    ctx = contextvars.Context()
    print(asyncio.create_task(work(), context=ctx).get_context() is ctx)
    handle = loop.call_soon(var.set, "set in callback")
    await asyncio.sleep(0)
    print(handle.get_context()[var], var.get())


asyncio.run(main())
