# asend() sends a value into the async generator; the first must be None.
import asyncio

async def echo():
    received = None
    while True:
        received = yield f'got {received}'
        if received == 'stop':
            return

async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend(1))
    print(await g.asend('x'))
    try:
        await g.asend('stop')
    except StopAsyncIteration:
        print('StopAsyncIteration')
    g2 = echo()
    try:
        await g2.asend(5)
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
