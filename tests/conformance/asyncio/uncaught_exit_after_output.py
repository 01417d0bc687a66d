# Output printed by tasks before an uncaught error is kept, and the error
# raised after asyncio.run exits with status 1.
import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, 'done')
    return name

async def main():
    return await asyncio.gather(worker('a', 0.02), worker('b', 0.01))

names = asyncio.run(main())
print(names)
assert names == ['b', 'a'], 'gather keeps argument order'
