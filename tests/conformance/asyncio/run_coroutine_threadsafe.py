# run_coroutine_threadsafe submits a coroutine to a loop in another thread
# and returns a concurrent.futures.Future; wrap_future goes the other way.
import asyncio
import concurrent.futures
import threading

loop = asyncio.new_event_loop()
thread = threading.Thread(target=loop.run_forever, name='loop-thread')
thread.start()


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b, threading.current_thread().name


async def fail():
    await asyncio.sleep(0)
    raise KeyError('inside')


future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
print(type(future).__module__, type(future).__name__)
print(future.result(timeout=10))
try:
    asyncio.run_coroutine_threadsafe(fail(), loop).result(timeout=10)
except KeyError as e:
    print('KeyError:', e)

# Cancelling the concurrent future cancels the task.
started = threading.Event()
ended = threading.Event()


async def forever():
    started.set()
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        ended.set()
        raise


future = asyncio.run_coroutine_threadsafe(forever(), loop)
started.wait()
future.cancel()
try:
    future.result(timeout=10)
except concurrent.futures.CancelledError:
    print('cancelled', future.cancelled())
ended.wait()
print('the task saw the cancellation')
try:
    asyncio.run_coroutine_threadsafe(lambda: None, loop)
except TypeError as e:
    print('TypeError:', e)

loop.call_soon_threadsafe(loop.stop)
thread.join()
loop.close()


# wrap_future: a concurrent future awaited in a coroutine.
async def main():
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        wrapped = asyncio.wrap_future(pool.submit(sum, [1, 2, 3]))
        print(asyncio.isfuture(wrapped), await wrapped)
        plain = concurrent.futures.Future()
        wrapped = asyncio.wrap_future(plain)
        threading.Thread(target=plain.set_result, args=('set by thread',)).start()
        print(await wrapped)
        same = asyncio.get_running_loop().create_future()
        print(asyncio.wrap_future(same) is same)
        bad = concurrent.futures.Future()
        bad.set_exception(ZeroDivisionError('zero'))
        try:
            await asyncio.wrap_future(bad)
        except ZeroDivisionError as e:
            print('ZeroDivisionError:', e)


asyncio.run(main())


# asyncio.run in a worker thread, with its own loop.
def worker(results):
    async def inner():
        await asyncio.sleep(0.01)
        return asyncio.get_running_loop() is not main_loop

    results.append(asyncio.run(inner()))
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        results.append(str(e))


async def outer():
    global main_loop
    main_loop = asyncio.get_running_loop()
    results = []
    await asyncio.to_thread(worker, results)
    print(results)


asyncio.run(outer())
