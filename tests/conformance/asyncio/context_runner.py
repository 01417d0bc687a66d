# asyncio.run and asyncio.Runner: the main task runs in a copy of the
# context current when the runner started, or in the context given to
# Runner.run; a Runner's runs share one context.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


async def read_and_set(value):
    before = var.get()
    var.set(value)
    return before


var.set("top")
print(asyncio.run(read_and_set("from run")), var.get())

with asyncio.Runner() as runner:
    var.set("top 2")
    print(runner.run(read_and_set("first")))
    print(runner.run(read_and_set("second")))
    print(var.get())
    ctx = contextvars.copy_context()
    print(runner.run(read_and_set("in ctx"), context=ctx), ctx[var], var.get())
    print(runner.run(read_and_set("third")))


async def reenter(ctx):
    try:
        ctx.run(print, "not printed")
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])
    return var.get()


with asyncio.Runner() as runner:
    ctx = contextvars.Context()
    ctx.run(var.set, "explicit")
    print(runner.run(reenter(ctx), context=ctx))
    print(runner.run(reenter(contextvars.Context())))
