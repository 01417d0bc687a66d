# Several children at once: gather, as_completed, and wait_for on a child
# that ends before the timeout (the clock must not run ahead of the child).
import asyncio
from asyncio.subprocess import PIPE


async def run(delay, word):
    proc = await asyncio.create_subprocess_shell(f'sleep {delay}; echo {word}', stdout=PIPE)
    out, _ = await proc.communicate()
    return out.decode().strip()


async def main():
    results = await asyncio.gather(*(run(0.05 * (5 - i), f'child{i}') for i in range(5)))
    print(results)

    finished = []
    for future in asyncio.as_completed([run(0.3, 'slow'), run(0.1, 'fast'), run(0.2, 'middle')]):
        finished.append(await future)
    print(finished)

    proc = await asyncio.create_subprocess_exec('sleep', '0.2')
    print('wait_for', await asyncio.wait_for(proc.wait(), 5))

    proc = await asyncio.create_subprocess_exec('sleep', '0.2')
    await asyncio.sleep(1)
    print('exited during the sleep', proc.returncode)

    proc = await asyncio.create_subprocess_exec('sleep', '30')
    try:
        await asyncio.wait_for(proc.wait(), 0.2)
    except asyncio.TimeoutError:
        print('timed out', proc.returncode)
    proc.kill()
    print(await proc.wait())

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(run(0.1, f'group{i}')) for i in range(3)]
    print([task.result() for task in tasks])

asyncio.run(main())
