# Awaiting a future suspends until it is resolved, then returns its result
# or raises its exception.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, 'ready')
    print('waiting')
    print(await f)
    print(await f)
    g = loop.create_future()
    loop.call_soon(g.set_exception, RuntimeError('failed'))
    try:
        await g
    except RuntimeError as e:
        print('raised', e)

asyncio.run(main())
