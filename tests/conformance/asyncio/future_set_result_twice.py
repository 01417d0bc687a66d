# Setting a result or exception on a done Future raises InvalidStateError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(1)
    for call in (lambda: f.set_result(2), lambda: f.set_exception(ValueError())):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print('InvalidStateError:', e)
    print(f.result())
    g = loop.create_future()
    g.cancel()
    try:
        g.set_result(1)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)

asyncio.run(main())
