# signal as CPython's module: Signals and Handlers enums from signal(),
# getsignal() and valid_signals(), handlers run for os.kill and raise_signal,
# strsignal, and the errors.
import signal, os
print(repr(signal.SIGINT), repr(signal.SIGTERM), signal.SIGINT, signal.SIGINT == 2, isinstance(signal.SIGINT, int))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.Signals(15), signal.Signals["SIGUSR1"], signal.Signals.SIGHUP.name, signal.Signals.SIGHUP.value)
print(repr(signal.getsignal(signal.SIGTERM)), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
def handler(signum, frame):
    print("got", signum, type(signum).__name__, signal.Signals(signum).name)
old = signal.signal(signal.SIGUSR1, handler)
print(repr(old))
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler, repr(signal.getsignal(signal.SIGUSR1)))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGKILL))
vs = signal.valid_signals()
print(signal.SIGINT in vs, len(vs), all(isinstance(s, int) for s in vs), repr(min(vs)))
print([s.name for s in list(signal.Signals)[:5]], signal.NSIG)
for bad in [lambda: signal.signal(0, signal.SIG_DFL), lambda: signal.signal(signal.SIGINT, 5), lambda: signal.getsignal("x"), lambda: signal.Signals(99)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(signal.alarm(0))
for bad in [lambda: signal.signal("x", signal.SIG_DFL), lambda: signal.raise_signal(1.5), lambda: signal.strsignal(0), lambda: signal.strsignal(100)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
