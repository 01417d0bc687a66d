# Timer, thread-local data, excepthook, and the exit that waits for threads.
import threading
import time

# Timer: fires once unless cancelled.
fired = []
t = threading.Timer(0.01, fired.append, args=('fired',))
t.start()
t.join()
cancelled = threading.Timer(60, fired.append, args=('never',))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, t.name.startswith('Thread-'))

# local: each thread its own attributes; a subclass's __init__ reruns.
data = threading.local()
data.x = 'main'


class Counter(threading.local):
    def __init__(self, start):
        self.count = start

    def bump(self):
        self.count += 1
        return self.count


counter = Counter(10)
counter.bump()
seen = {}


def look(name):
    seen[name] = (getattr(data, 'x', None), counter.count, counter.bump())
    data.x = name


threads = [threading.Thread(target=look, args=(f't{i}',)) for i in range(2)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(seen.items()), data.x, counter.count)
try:
    threading.local(1)
except TypeError as e:
    print('TypeError:', e)
try:
    del data.missing
except AttributeError as e:
    print('AttributeError:', e)

# excepthook: what a thread's uncaught exception reaches.
reports = []


def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                    args.exc_traceback is not None))


old_hook = threading.excepthook
threading.excepthook = hook


def fail():
    raise KeyError('lost')


th = threading.Thread(target=fail, name='failing')
th.start()
th.join()
th = threading.Thread(target=lambda: exit(3), name='exiting')
th.start()
th.join()
threading.excepthook = old_hook
print(reports, threading.excepthook is threading.__excepthook__)

# settrace/setprofile are accepted.
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())

# A thread still running when the main code ends is waited for, unless
# it is a daemon.
gate = threading.Event()


def last():
    gate.wait()
    time.sleep(0.02)
    print('non-daemon thread finished')


threading.Thread(target=last).start()
threading.Thread(target=threading.Event().wait, daemon=True).start()
gate.set()
print('main code done')
