# Async comprehensions: list, set, dict and generator expressions with
# async for, plus await inside a comprehension.
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    print([i async for i in numbers(5)])
    print([i async for i in numbers(6) if i % 2])
    print(sorted({i % 3 async for i in numbers(7)}))
    print({i: i * i async for i in numbers(4)})
    print([await double(i) for i in range(4)])
    gen = (i + 100 async for i in numbers(3))
    print(type(gen).__name__)
    print([x async for x in gen])

asyncio.run(main())
