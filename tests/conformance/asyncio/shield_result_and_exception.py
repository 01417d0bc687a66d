# shield passes results and exceptions through; shielding a done future
# returns it as is.
import asyncio

async def ok():
    await asyncio.sleep(0)
    return 5

async def bad():
    await asyncio.sleep(0)
    raise ValueError('shielded failure')

async def main():
    print(await asyncio.shield(ok()))
    try:
        await asyncio.shield(bad())
    except ValueError as e:
        print('ValueError:', e)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(1)
    print(asyncio.shield(f) is f)

asyncio.run(main())
