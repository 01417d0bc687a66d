# athrow() raises inside the async generator at its yield.
import asyncio

async def gen():
    while True:
        try:
            yield 'value'
        except ValueError as e:
            print('gen caught', e)
            yield 'after catch'

async def main():
    g = gen()
    print(await g.asend(None))
    print(await g.athrow(ValueError('one')))
    print(await g.asend(None))
    try:
        await g.athrow(KeyError('two'))
    except KeyError as e:
        print('propagated', repr(e))
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print('exhausted')

asyncio.run(main())
