# queue.Queue, LifoQueue, PriorityQueue and SimpleQueue in one thread:
# order, bounds, Empty/Full, timeouts and the task counter.
import queue

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.empty())
try:
    q.get_nowait()
except queue.Empty as e:
    print('Empty', repr(e), isinstance(e, Exception))
try:
    q.get(timeout=0.01)
except queue.Empty:
    print('Empty after timeout')
try:
    q.get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)

bounded = queue.Queue(maxsize=2)
bounded.put('a')
bounded.put_nowait('b')
print(bounded.full(), bounded.maxsize)
try:
    bounded.put_nowait('c')
except queue.Full:
    print('Full')
try:
    bounded.put('c', timeout=0.01)
except queue.Full:
    print('Full after timeout')
try:
    bounded.put('c', block=False)
except queue.Full:
    print('Full without blocking')

lifo = queue.LifoQueue()
for item in 'abc':
    lifo.put(item)
print([lifo.get() for _ in range(3)])

prio = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (2, 'b')]:
    prio.put(item)
print([prio.get() for _ in range(3)])

simple = queue.SimpleQueue()
simple.put(1)
simple.put_nowait(2)
print(simple.qsize(), simple.get(), simple.get_nowait(), simple.empty())
try:
    simple.get(timeout=0.01)
except queue.Empty:
    print('SimpleQueue Empty')
try:
    simple.get(block=False)
except queue.Empty:
    print('SimpleQueue Empty without blocking')

# task_done / join.
tasks = queue.Queue()
tasks.put('x')
tasks.get()
tasks.task_done()
tasks.join()
print('joined', tasks.unfinished_tasks)
try:
    tasks.task_done()
except ValueError as e:
    print('ValueError:', e)
print(queue.Queue[int], queue.SimpleQueue[str])
print(queue.__all__)
