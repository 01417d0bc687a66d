# asyncio.to_thread runs a blocking call in the default executor, with the
# caller's context; the loop keeps running timers meanwhile, in deadline
# order (the thread's result counts as pending work under virtual time).
import asyncio
import contextvars
import threading
import time

request = contextvars.ContextVar('request', default=None)


def blocking(n):
    time.sleep(0.08)
    return n * 2, request.get(), threading.current_thread() is not threading.main_thread()


def fails():
    raise ValueError('from the thread')


async def ticker(log):
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(2):
        await asyncio.sleep(start + 0.02 * (i + 1) - loop.time())
        log.append(f'tick {i}')


async def main():
    request.set('req-1')
    log = []
    task = asyncio.create_task(ticker(log))
    result = await asyncio.to_thread(blocking, 21)
    log.append('thread result')
    await task
    print(result, log)
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print('ValueError:', e)
    results = await asyncio.gather(*(asyncio.to_thread(pow, 2, i) for i in range(5)))
    print(results)
    print(await asyncio.to_thread(lambda *a, **k: (a, k), 1, 2, key='v'))
    names = await asyncio.gather(*(asyncio.to_thread(lambda: threading.current_thread().name) for _ in range(2)))
    print(all(name.startswith('asyncio_') for name in names))


asyncio.run(main())
print(threading.active_count())
