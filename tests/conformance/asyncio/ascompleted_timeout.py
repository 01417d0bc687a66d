# as_completed(timeout=...) raises TimeoutError for what is not done in time.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job('fast', 0)), asyncio.create_task(job('slow', 0.2))]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.03):
            print(await fut)
    except TimeoutError:
        print('TimeoutError')
    print(tasks[1].done())
    tasks[1].cancel()

asyncio.run(main())
