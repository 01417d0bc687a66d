# wait() with its three conditions and as_completed(), with results made
# in an order that events decide.
import concurrent.futures as cf
import threading

gates = [threading.Event() for _ in range(3)]


def task(i):
    gates[i].wait()
    if i == 1:
        raise RuntimeError(f'task {i} failed')
    return i


with cf.ThreadPoolExecutor(max_workers=3) as executor:
    futures = [executor.submit(task, i) for i in range(3)]
    done, not_done = cf.wait(futures, timeout=0.01)
    print(len(done), len(not_done))
    gates[2].set()
    done, not_done = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
    print(sorted(f.result() for f in done), len(not_done))
    gates[1].set()
    done, not_done = cf.wait(futures, return_when=cf.FIRST_EXCEPTION)
    print(sorted(futures.index(f) for f in done), len(not_done))
    gates[0].set()
    result = cf.wait(futures)
    print(type(result).__name__, len(result.done), len(result.not_done))

    order = []
    more = [threading.Event() for _ in range(3)]

    def step(i):
        more[i].wait()
        return i

    futures = [executor.submit(step, i) for i in range(3)]
    more[1].set()
    iterator = cf.as_completed(futures)
    first = next(iterator)
    order.append(first.result())
    more[0].set()
    second = next(iterator)
    order.append(second.result())
    more[2].set()
    order.extend(f.result() for f in iterator)
    print(order)

    slow = threading.Event()
    pending = executor.submit(slow.wait)
    try:
        for f in cf.as_completed([pending], timeout=0.01):
            pass
    except cf.TimeoutError as e:
        print('TimeoutError:', e)
    slow.set()
    print(pending.result())
try:
    cf.wait([cf.Future()], return_when='BOGUS')
except ValueError as e:
    print('ValueError:', e)
print(list(cf.as_completed([])), cf.wait([]))
