# Condition, Event, Semaphore, BoundedSemaphore and Barrier between threads,
# ordered so that the output does not depend on scheduling.
import threading

# Condition: a producer and consumers.
cond = threading.Condition()
items = []
consumed = []


def consumer(name):
    with cond:
        cond.wait_for(lambda: items)
        consumed.append((name, items.pop(0)))


consumers = [threading.Thread(target=consumer, args=(f'c{i}',)) for i in range(3)]
for t in consumers:
    t.start()
for value in (10, 20, 30):
    with cond:
        items.append(value)
        cond.notify()
for t in consumers:
    t.join()
print(sorted(v for _, v in consumed))
with cond:
    print(cond.wait(timeout=0.01), repr(cond).startswith('<Condition(<unlocked _thread.RLock'))
try:
    cond.notify()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    cond.wait()
except RuntimeError as e:
    print('RuntimeError:', e)

# Event.
event = threading.Event()
print(event.is_set(), event.wait(0.01))
seen = []
waiters = [threading.Thread(target=lambda: seen.append(event.wait())) for _ in range(3)]
for t in waiters:
    t.start()
event.set()
for t in waiters:
    t.join()
print(seen, event.is_set(), event.wait())
event.clear()
print(event.is_set())

# Semaphores.
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(sem._value)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print('ValueError:', e)
bounded = threading.BoundedSemaphore(1)
with bounded:
    pass
try:
    bounded.release()
except ValueError as e:
    print('ValueError:', e)

# At most two threads inside at once.
inside = 0
most = 0
guard = threading.Lock()
limit = threading.Semaphore(2)
gate = threading.Barrier(5)


def limited():
    global inside, most
    gate.wait()
    with limit:
        with guard:
            inside += 1
            most = max(most, inside)
        for _ in range(200):
            pass
        with guard:
            inside -= 1


threads = [threading.Thread(target=limited) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('most inside:', most <= 2, inside)

# Barrier: indexes, the action, abort and reset.
actions = []
barrier = threading.Barrier(3, action=lambda: actions.append('tripped'))
indexes = []


def party():
    indexes.append(barrier.wait())


threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indexes), actions, barrier.parties, barrier.n_waiting, barrier.broken)
lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print('broken:', lonely.broken)
lonely.reset()
print('after reset:', lonely.broken)
lonely.abort()
try:
    lonely.wait()
except threading.BrokenBarrierError as e:
    print('BrokenBarrierError', repr(e), isinstance(e, RuntimeError))
