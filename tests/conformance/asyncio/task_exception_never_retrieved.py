# A task that fails and is never awaited reports "Task exception was never
# retrieved" on stderr when it is destroyed.
import asyncio

async def fail():
    raise ValueError('lost error')

async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.001)
    print('task done:', t.done())
    del t
    print('task dropped')

asyncio.run(main())
print('end')
