# wait(FIRST_EXCEPTION) returns when a task raises; without a failure it
# waits for all.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name

async def main():
    tasks = [asyncio.create_task(job('ok1', 0.01), name='ok1'),
             asyncio.create_task(job('bad', 0.02, True), name='bad'),
             asyncio.create_task(job('ok2', 1), name='ok2')]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), repr(t.exception()))
    for t in pending:
        t.cancel()
    clean = [asyncio.create_task(job('x', 0.01)), asyncio.create_task(job('y', 0.02))]
    done, pending = await asyncio.wait(clean, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))

asyncio.run(main())
