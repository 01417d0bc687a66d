# A future is iterable in generator style: __await__ yields the future itself
# while pending and returns its result.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    it = f.__await__()
    print(next(it) is f)
    f.set_result('value')
    try:
        next(it)
    except StopIteration as e:
        print('StopIteration', e.value)
    done = loop.create_future()
    done.set_result(3)
    try:
        next(done.__await__())
    except StopIteration as e:
        print('done at once', e.value)

asyncio.run(main())
