# asyncio.Future() made inside a coroutine binds to the running loop.
import asyncio

async def main():
    f = asyncio.Future()
    print(f.get_loop() is asyncio.get_running_loop())
    loop = asyncio.get_running_loop()
    g = asyncio.Future(loop=loop)
    print(g.get_loop() is loop)
    f.set_result(1)
    g.set_result(2)
    print(await f + await g)

asyncio.run(main())
