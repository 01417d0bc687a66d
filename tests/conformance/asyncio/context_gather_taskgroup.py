# gather and TaskGroup: every task gets its own context; TaskGroup.create_task
# and create_task accept context=; Task.get_context() returns it.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


async def work(name):
    seen = var.get()
    var.set(name)
    await asyncio.sleep(0)
    return f"{name} saw {seen}, now {var.get()}"


async def main():
    var.set("main")
    print(await asyncio.gather(work("g1"), work("g2")))
    shared = contextvars.copy_context()
    async with asyncio.TaskGroup() as group:
        t1 = group.create_task(work("t1"))
        t2 = group.create_task(work("t2"), context=shared)
    print(t1.result())
    print(t2.result())
    print(shared[var], var.get())

    # Two tasks in one context see each other's changes.
    one = contextvars.Context()

    async def writer():
        var.set("written")
        await asyncio.sleep(0.01)

    async def reader():
        await asyncio.sleep(0.02)
        return var.get()

    w = asyncio.create_task(writer(), context=one)
    r = asyncio.create_task(reader(), context=one)
    await w
    print(await r)

    loop = asyncio.get_running_loop()
    t = loop.create_task(work("loop"), context=shared, name="named")
    print(await t, t.get_name(), shared[var])
    task = asyncio.Task(work("Task()"), context=one)
    print(await task, one[var])
    print(var.get())


asyncio.run(main())
