# sleep(delay, result) returns result after the delay.
import asyncio

async def main():
    print(await asyncio.sleep(0.001, 'woke'))
    print(await asyncio.sleep(0, result=[1]))
    print(await asyncio.sleep(0.001))

asyncio.run(main())
