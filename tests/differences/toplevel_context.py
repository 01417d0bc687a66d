# Difference: top-level code that awaits runs in the program's own context,
# not in a copy, so a context variable it sets stays set for the rest of the
# script (and, in the REPL or a notebook, for the next line or cell).
#
# CPython 3.11 rejects the script before running it:
#     SyntaxError: 'await' outside function
# The nearest CPython program, `asyncio.run(main())`, runs main in a copy of
# the context, and what main sets is gone after it.
#
# Why: a script is a notebook with one cell (see toplevel_await.py), and a
# cell's assignments, context variables included, should last like those of
# code that does not await. Tasks made at the top level still get a copy.
import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")

await asyncio.sleep(0)
user.set("alice")


async def task():
    print("task sees", user.get())
    user.set("changed in task")


await asyncio.create_task(task())
print("top level sees", user.get())
