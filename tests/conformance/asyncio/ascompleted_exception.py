# An exception of one awaitable is raised when its turn comes.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

async def main():
    for fut in asyncio.as_completed([job('a', 0.01), job('b', 0.02, True), job('c', 0.03)]):
        try:
            print('ok', await fut)
        except ValueError as e:
            print('failed', e)

asyncio.run(main())
