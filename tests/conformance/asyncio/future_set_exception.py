# set_exception: result() raises it, exception() returns it; an exception
# class is instantiated; StopIteration is refused.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(ValueError('bad'))
    print(f.done(), repr(f.exception()))
    try:
        f.result()
    except ValueError as e:
        print('result raised', repr(e))
    g = loop.create_future()
    g.set_exception(KeyError)
    print(repr(g.exception()))
    h = loop.create_future()
    try:
        h.set_exception(StopIteration('x'))
    except TypeError as e:
        print('TypeError:', e)
    print(h.done())
    h.cancel()

asyncio.run(main())
