# call_soon_threadsafe from other threads wakes a loop that waits for
# nothing else; callbacks run on the loop's thread in the order they came.
import asyncio
import threading
import time


async def main():
    loop = asyncio.get_running_loop()
    loop_thread = threading.get_ident()
    done = loop.create_future()
    seen = []

    def on_loop(i):
        seen.append((i, threading.get_ident() == loop_thread))
        if i == 2:
            done.set_result(None)

    def from_thread():
        time.sleep(0.02)
        for i in range(3):
            loop.call_soon_threadsafe(on_loop, i)

    thread = threading.Thread(target=from_thread)
    thread.start()
    await done
    thread.join()
    print(seen)

    # The handle can be cancelled, and a context given.
    handle = loop.call_soon_threadsafe(print, 'never')
    handle.cancel()
    print(type(handle).__name__, handle.cancelled())

    # Setting a future's result from a thread.
    future = loop.create_future()
    threading.Thread(target=loop.call_soon_threadsafe, args=(future.set_result, 'result')).start()
    print(await future)

    # A timer and a thread racing: the timer's deadline comes first.
    order = []
    gate = threading.Event()
    finished = loop.create_future()

    def late_thread():
        gate.wait()
        loop.call_soon_threadsafe(finished.set_result, 'thread')

    threading.Thread(target=late_thread).start()
    loop.call_later(0.01, lambda: (order.append('timer'), gate.set()))
    order.append(await finished)
    print(order)


asyncio.run(main())

# A loop running forever in another thread, stopped from the main thread.
loop = asyncio.new_event_loop()
thread = threading.Thread(target=loop.run_forever)
thread.start()
results = []
event = threading.Event()
loop.call_soon_threadsafe(lambda: (results.append('ran in loop thread'), event.set()))
event.wait()
loop.call_soon_threadsafe(loop.stop)
thread.join()
loop.close()
print(results, loop.is_running(), loop.is_closed())
try:
    loop.call_soon_threadsafe(print)
except RuntimeError as e:
    print('RuntimeError:', e)
