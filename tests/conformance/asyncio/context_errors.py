# Context errors inside asyncio: tokens are bound to the task's context,
# and a context cannot be entered twice.
import asyncio
import contextvars
import re

var = contextvars.ContextVar("var", default="default")


def masked(e):
    return f"{type(e).__name__}: " + re.sub(r"0x[0-9a-fA-F]+", "0x...", str(e))


async def set_only():
    return var.set("in task")


async def reset(token):
    try:
        var.reset(token)
    except ValueError as e:
        print(masked(e))


async def main():
    token = await asyncio.create_task(set_only())
    print(var.get())
    try:
        var.reset(token)
    except ValueError as e:
        print(masked(e))
    own = var.set("main")
    await asyncio.create_task(reset(own))
    var.reset(own)
    print(var.get())

    # A token reset in the same task across awaits works.
    async def across():
        t = var.set("temporary")
        await asyncio.sleep(0)
        var.reset(t)
        return var.get()

    print(await asyncio.create_task(across()))

    # A task's context is entered while it runs.
    ctx = contextvars.Context()

    async def enter_own():
        try:
            ctx.run(print, "never")
        except RuntimeError as e:
            print(masked(e))
        await asyncio.sleep(0)
        return ctx.run(lambda: "entered from a callback")

    task = asyncio.create_task(enter_own(), context=ctx)
    await asyncio.sleep(0)
    print(ctx.run(lambda: "between steps: not entered"))
    try:
        print(await task)
    except RuntimeError as e:
        print(masked(e))

    # A task whose coroutine raises still restores the caller's context.
    async def fail():
        var.set("failing")
        raise KeyError("k")

    try:
        await asyncio.create_task(fail())
    except KeyError as e:
        print("KeyError", e, var.get())

    loop = asyncio.get_running_loop()
    try:
        loop.call_soon(print, "x", context=1, other=2)
    except TypeError as e:
        print(masked(e))

    # A callback raising in a context: reported, and the context restored.
    def boom():
        var.set("boom")
        raise ValueError("from callback")

    def handler(loop, context):
        print("handler:", context["message"].split(" at ")[0], repr(context["exception"]), var.get())

    loop.set_exception_handler(handler)
    loop.call_soon(boom, context=contextvars.Context())
    await asyncio.sleep(0)
    print(var.get())


asyncio.run(main())
