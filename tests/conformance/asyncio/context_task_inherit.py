# A task starts with a copy of the context it was created in: a child task
# sees its parent's values at creation, and nothing set later, either way.
import asyncio
import contextvars

depth = contextvars.ContextVar("depth", default=0)
path = contextvars.ContextVar("path", default=())


async def child(name):
    print(name, "starts with", depth.get(), path.get())
    depth.set(depth.get() + 1)
    path.set(path.get() + (name,))
    if len(path.get()) < 3:
        inner = asyncio.create_task(child(name + "." + str(len(path.get()))))
        path.set(path.get() + ("after-create",))
        await inner
    print(name, "ends with", depth.get(), path.get())


async def main():
    path.set(("main",))
    task = asyncio.create_task(child("c"))
    path.set(("main", "changed-after-create"))
    await task
    print("main:", depth.get(), path.get())
    ctx = contextvars.copy_context()
    explicit = asyncio.create_task(child("explicit"), context=ctx)
    await explicit
    print("explicit context:", ctx[depth], ctx[path])


path.set(("top",))
asyncio.run(main())
print("top:", path.get(), depth.get())
