# A future's done callbacks: one, several, removed from the front, the
# middle and the end, and a Task added as a plain callback (which is not
# callable, so the loop reports the error).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    seen = []

    def make(name):
        def cb(fut):
            seen.append((name, fut.result()))
        cb.__qualname__ = name
        return cb

    a, b, c, d = make("a"), make("b"), make("c"), make("d")
    fut = loop.create_future()
    for cb in (a, b, c, d, b):
        fut.add_done_callback(cb)
    names = lambda f: [cb.__qualname__ for cb, ctx in f._callbacks or ()]
    print(names(fut))
    print(fut.remove_done_callback(b))
    print(names(fut))
    print(fut.remove_done_callback(a))
    print(fut.remove_done_callback(d))
    print(names(fut))
    fut.set_result(1)
    await asyncio.sleep(0)
    print(seen)

    one = loop.create_future()
    one.add_done_callback(a)
    print(one.remove_done_callback(a), one.remove_done_callback(a), one)
    one.add_done_callback(c)
    one.set_result(2)
    await asyncio.sleep(0)
    print(seen)

    def handler(loop, context):
        print("handler:", type(context.get("exception")).__name__, context.get("exception"))

    loop.set_exception_handler(handler)
    task = asyncio.create_task(asyncio.sleep(0))
    other = loop.create_future()
    other.add_done_callback(task)
    print(len(other._callbacks), other._callbacks[0][0] is task)
    other.set_result(3)
    await asyncio.sleep(0)
    await task
    print("done")


asyncio.run(main())
