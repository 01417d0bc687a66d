# Lock and RLock: acquire with blocking and timeout, release errors,
# reentrancy, and mutual exclusion between threads.
import threading
import _thread

lock = threading.Lock()
print(type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)
for args, kwargs in [((False, 1), {}), ((), {'timeout': -5}), ((), {'timeout': 1e300})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
with lock:
    print('inside', lock.locked())
print('after', lock.locked())
print(repr(lock).startswith('<unlocked _thread.lock object at 0x'))

r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
print(repr(r).startswith('<unlocked _thread.RLock object owner=0 count=0 at 0x'))

# A held RLock cannot be taken by another thread; its owner takes it again.
state = []
with r:
    with r:
        t = threading.Thread(target=lambda: state.append(r.acquire(timeout=0.01)))
        t.start()
        t.join()
print(state)

# Counting under a lock from several threads.
counter = 0


def bump(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=bump, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)

# A lock released by another thread than the one that took it.
handoff = threading.Lock()
handoff.acquire()
t = threading.Thread(target=handoff.release)
t.start()
print(handoff.acquire(timeout=5))
t.join()
