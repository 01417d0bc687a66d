# Difference: a task created at the top level and never awaited still runs to
# completion: when the top level ends, coil keeps its loop running until no
# task is left (as Node and Deno do).
#
# CPython 3.11 has no running loop at the top level, so create_task fails:
#     RuntimeError: no running event loop
# followed by "RuntimeWarning: coroutine 'background' was never awaited"
# (exit status 1).
#
# Why: the top level runs with a running loop (see toplevel_await.py), and a
# task started there would otherwise be lost silently when the program ends.
# notebooks/sync_vs_async_fire_and_forget.ipynb relies on the same rule: its
# background task outlives the top-level `await main()` that started it.
import asyncio

async def background():
    await asyncio.sleep(0.01)
    print('background task finished')

asyncio.create_task(background())
print('top level ends')
