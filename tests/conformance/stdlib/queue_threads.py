# Queues between threads: producers and consumers, blocking get and put on
# a bounded queue, and join() waiting for task_done().
import queue
import threading

work = queue.Queue(maxsize=2)
results = queue.Queue()


def producer(start):
    for i in range(start, start + 5):
        work.put(i)


def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        results.put(item * 10)
        work.task_done()


consumers = [threading.Thread(target=consumer) for _ in range(3)]
producers = [threading.Thread(target=producer, args=(start,)) for start in (0, 100)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
work.join()
print('all items processed, unfinished:', work.unfinished_tasks)
for _ in consumers:
    work.put(None)
for t in consumers:
    t.join()
collected = []
while not results.empty():
    collected.append(results.get_nowait())
print(sorted(collected))

# A get that waits for a put from another thread.
handoff = queue.SimpleQueue()
ready = threading.Event()


def later():
    ready.wait()
    handoff.put('hello')


t = threading.Thread(target=later)
t.start()
ready.set()
print(handoff.get(timeout=10))
t.join()

# A get with a timeout while a slower thread never puts anything.
lonely = queue.Queue()
try:
    lonely.get(timeout=0.05)
except queue.Empty:
    print('timed out waiting')

# LIFO order from one producer thread.
stack = queue.LifoQueue()
t = threading.Thread(target=lambda: [stack.put(i) for i in range(4)])
t.start()
t.join()
print([stack.get() for _ in range(4)])
