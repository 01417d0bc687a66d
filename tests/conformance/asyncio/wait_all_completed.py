# wait() by default waits for all; exceptions stay inside the tasks.
import asyncio

async def job(x):
    await asyncio.sleep(0.001 * x)
    if x == 2:
        raise ValueError(x)
    return x

async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(1, 4)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), type(done).__name__)
    for t in tasks:
        print(t.exception() if t.exception() else t.result())

asyncio.run(main())
