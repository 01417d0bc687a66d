# Runner.run requires a coroutine; Runner.run inside a running loop is
# refused.
import asyncio

async def job():
    return 'x'

async def inside(runner):
    c = job()
    try:
        runner.run(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()

with asyncio.Runner() as r:
    try:
        r.run(42)
    except ValueError as e:
        print('ValueError:', e)
    with asyncio.Runner() as other:
        other.run(inside(r))
