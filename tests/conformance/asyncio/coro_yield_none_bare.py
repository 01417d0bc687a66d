# A bare yield inside a generator-based awaitable hands None to the task,
# which reschedules it on the next loop iteration (like sleep(0)).
import asyncio

class Tick:
    def __await__(self):
        yield

async def a():
    for i in range(3):
        print('a', i)
        await Tick()

async def b():
    for i in range(3):
        print('b', i)
        await Tick()

async def main():
    await asyncio.gather(a(), b())

asyncio.run(main())
