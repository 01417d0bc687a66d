# asyncio.run returns the coroutine's value; each call gets a fresh loop
# that is closed afterwards.
import asyncio

async def main(x):
    await asyncio.sleep(0.001)
    return x * 2, asyncio.get_running_loop()

v1, loop1 = asyncio.run(main(21))
v2, loop2 = asyncio.run(main('a'))
print(v1, v2)
print(loop1 is loop2, loop1.is_closed(), loop2.is_closed())
