# asyncio.run inside a running loop is refused; the coroutine it was given is
# never awaited and warns when it is dropped.
import asyncio

async def inner():
    return 'inner'

async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    print('dropping the coroutine')
    del c
    return 'main finished'

print(asyncio.run(main()))
