# A Future's result/exception/done/cancelled through its states.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled())
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    f.set_result([1, 2])
    print(f.done(), f.cancelled(), f.result(), f.exception())

asyncio.run(main())
