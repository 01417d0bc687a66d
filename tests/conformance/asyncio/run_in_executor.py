# loop.run_in_executor with the default executor, a given executor and
# functools.partial; set_default_executor; shutdown_default_executor.
import asyncio
import concurrent.futures
import functools
import threading


def work(a, b=0):
    return a + b


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, work, 1))
    print(await loop.run_in_executor(None, functools.partial(work, 1, b=5)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix='mine') as pool:
        name = await loop.run_in_executor(pool, lambda: threading.current_thread().name)
        print(name)
    future = loop.run_in_executor(None, work, 2, 3)
    print(type(future).__name__, asyncio.isfuture(future))
    print(await future)
    try:
        await loop.run_in_executor(None, work)
    except TypeError as e:
        print('TypeError:', e)
    try:
        loop.set_default_executor(object())
    except TypeError as e:
        print('TypeError:', e)
    # A cancelled awaiting leaves the call to finish in its thread.
    gate = threading.Event()
    slow = loop.run_in_executor(None, gate.wait)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print('cancelled')
    gate.set()
    await loop.shutdown_default_executor()
    try:
        loop.run_in_executor(None, work, 1)
    except RuntimeError as e:
        print('RuntimeError:', e)


asyncio.run(main())

# A loop with its own default executor, closed by close().
loop = asyncio.new_event_loop()
pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
loop.set_default_executor(pool)
print(loop.run_until_complete(loop.run_in_executor(None, work, 40, 2)))
loop.close()
try:
    pool.submit(work, 1)
except RuntimeError as e:
    print('RuntimeError:', e)
print('done')
