# Async generator objects: ag_running, name, and the hooks asyncio installs.
import asyncio
import sys

async def gen():
    yield 1

async def main():
    g = gen()
    print(g.__name__, g.ag_running)
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter is not None, hooks.finalizer is not None)
    print(await g.__anext__())
    await g.aclose()

asyncio.run(main())
