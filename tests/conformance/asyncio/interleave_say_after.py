# The say_after example of the asyncio docs, sequential then concurrent.
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print('sequential start')
    await say_after(0.02, 'hello')
    await say_after(0.01, 'world')
    print('concurrent start')
    task1 = asyncio.create_task(say_after(0.02, 'hello'))
    task2 = asyncio.create_task(say_after(0.01, 'world'))
    await task1
    await task2
    print('finished')

asyncio.run(main())
