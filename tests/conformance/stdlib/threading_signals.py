# Signal handlers belong to the main thread: another thread cannot set
# one, and a signal raised from another thread runs its handler there.
import signal
import threading
import _thread

seen = []


def in_thread():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        seen.append(str(e))


t = threading.Thread(target=in_thread)
t.start()
t.join()
print(seen)

handled = []
signal.signal(signal.SIGUSR1, lambda signum, frame: handled.append(threading.current_thread().name))
t = threading.Thread(target=signal.raise_signal, args=(signal.SIGUSR1,))
t.start()
t.join()
while not handled:
    pass
print(handled)

# interrupt_main: KeyboardInterrupt in the main thread.
try:
    t = threading.Thread(target=_thread.interrupt_main)
    t.start()
    t.join()
    while True:
        pass
except KeyboardInterrupt:
    print('KeyboardInterrupt in', threading.current_thread().name)
