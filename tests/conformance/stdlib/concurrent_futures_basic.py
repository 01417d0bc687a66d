# ThreadPoolExecutor: submit, map, results and exceptions, shutdown, the
# Future API by hand, and ProcessPoolExecutor's absence being explicit in
# neither case (only its type is checked here).
import concurrent.futures as cf
import threading


def square(x):
    return x * x


def fail(message):
    raise ValueError(message)


with cf.ThreadPoolExecutor(max_workers=2) as executor:
    future = executor.submit(square, 7)
    print(future.result(), future.done(), future.cancelled(), future.running(), future.exception())
    print(list(executor.map(square, range(6))))
    print(list(executor.map(pow, [2, 3], [5, 2])))
    bad = executor.submit(fail, 'boom')
    print(type(bad.exception()).__name__, bad.exception())
    try:
        bad.result()
    except ValueError as e:
        print('ValueError:', e)
    try:
        list(executor.map(fail, ['in map']))
    except ValueError as e:
        print('ValueError:', e)
    names = set(executor.map(lambda _: threading.current_thread().name.rsplit('_', 1)[0], range(4)))
    print(len(names), all(name.startswith('ThreadPoolExecutor-') for name in names))
try:
    executor.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError:', e)

named = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix='pool')
print(named.submit(lambda: threading.current_thread().name).result())
named.shutdown()

# The initializer runs in each worker first.
seen = []
with cf.ThreadPoolExecutor(max_workers=1, initializer=seen.append, initargs=('init',)) as executor:
    executor.submit(seen.append, 'work').result()
print(seen)
for args in ({'max_workers': 0}, {'initializer': 5}):
    try:
        cf.ThreadPoolExecutor(**args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)

# A Future driven by hand.
f = cf.Future()
calls = []
f.add_done_callback(lambda fut: calls.append(('callback', fut.result())))
print(f.done(), f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(42)
print(f.result(), calls, repr(f).split(' at ')[0], repr(f).split('state=')[1])
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print('InvalidStateError:', str(e).split(':')[0])
f.add_done_callback(lambda fut: calls.append('late'))
print(calls)

g = cf.Future()
print(g.cancel(), g.cancelled(), g.done(), g.set_running_or_notify_cancel(), repr(g).split('state=')[1])
try:
    g.result()
except cf.CancelledError:
    print('CancelledError')
h = cf.Future()
try:
    h.result(timeout=0.01)
except cf.TimeoutError:
    print('TimeoutError', cf.TimeoutError is TimeoutError)
h.set_exception(KeyError('k'))
print(repr(h).split('state=')[1], repr(h.exception()))

# cancel_futures drops what no worker took yet.
gate = threading.Event()
executor = cf.ThreadPoolExecutor(max_workers=1)
first = executor.submit(gate.wait)
queued = [executor.submit(square, i) for i in range(3)]
gate.set()
executor.shutdown(wait=True, cancel_futures=True)
print(first.result(), all(q.done() for q in queued))
print(issubclass(cf.BrokenExecutor, RuntimeError), issubclass(cf.CancelledError, cf._base.Error))
print(issubclass(cf.ProcessPoolExecutor, cf.Executor))
