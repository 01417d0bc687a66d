# async with calls __aenter__/__aexit__ and awaits them; the value of
# __aenter__ is bound by as; __aexit__ returning True swallows the error.
import asyncio

class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    async def __aenter__(self):
        await asyncio.sleep(0)
        print('enter', self.name)
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        await asyncio.sleep(0)
        print('exit', self.name, typ.__name__ if typ else None, val)
        return self.swallow

async def main():
    async with Resource('a') as r:
        print('body', r)
    async with Resource('b', swallow=True):
        raise ValueError('swallowed')
    print('after b')
    try:
        async with Resource('c'):
            raise KeyError('kept')
    except KeyError as e:
        print('caught', repr(e))

asyncio.run(main())
