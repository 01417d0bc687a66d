# SIGINT's default handler raises KeyboardInterrupt in the running code;
# a Python handler installed with signal.signal runs instead.
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    print('not reached')
except KeyboardInterrupt as e:
    print('caught', repr(e), e.args)

seen = []
def handler(signum, frame):
    seen.append(signum)
previous = signal.signal(signal.SIGINT, handler)
print(previous is signal.default_int_handler, signal.getsignal(signal.SIGINT) is handler)
signal.raise_signal(signal.SIGINT)
print(seen == [signal.SIGINT])
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.default_int_handler)
for bad in (None, 'x', 5):
    try:
        signal.signal(signal.SIGINT, bad)
    except TypeError as e:
        print('TypeError', e)
try:
    signal.signal(99, handler)
except ValueError as e:
    print('ValueError', e)
