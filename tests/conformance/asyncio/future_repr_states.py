# The repr of a Future in its simple states.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.set_result(42)
    print(repr(f))
    g = loop.create_future()
    g.cancel()
    print(repr(g))
    h = loop.create_future()
    h.set_exception(ValueError('oops'))
    print(repr(h))
    h.exception()
    s = loop.create_future()
    s.set_result('text')
    print(repr(s))

asyncio.run(main())
