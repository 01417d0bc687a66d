# loop.call_soon/call_later/call_at run their callback in the context given,
# or in a copy of the context current when they were called.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


def show(label):
    print(label, var.get())
    var.set("set by " + label)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    var.set("main")
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    loop.call_soon(show, "soon")
    loop.call_soon(show, "soon-ctx", context=ctx)
    var.set("main changed")
    loop.call_later(0.01, show, "later")
    loop.call_later(0.02, show, "later-ctx", context=ctx)
    loop.call_at(loop.time() + 0.03, show, "at-ctx", context=ctx)
    loop.call_at(loop.time() + 0.04, done.set_result, None)
    await done
    print("main sees", var.get())
    print("ctx holds", ctx[var])
    # A callback run twice in one context sees what the first run set.
    fresh = contextvars.Context()
    second = loop.create_future()
    loop.call_soon(show, "first", context=fresh)
    loop.call_soon(show, "second", context=fresh)
    loop.call_soon(second.set_result, None)
    await second
    print(fresh[var])


asyncio.run(main())

# Outside a running loop.
loop = asyncio.new_event_loop()
var.set("outside")
loop.call_soon(show, "plain")
loop.call_soon(loop.stop)
loop.run_forever()
print(var.get())
loop.close()
