# Values and exceptions pass through nested awaits unchanged.
import asyncio

async def level3():
    await asyncio.sleep(0)
    raise ValueError('deep')

async def level2():
    return await level3()

async def level1():
    try:
        return await level2()
    except ValueError as e:
        return 'recovered from ' + str(e)

async def main():
    print(await level1())

asyncio.run(main())
