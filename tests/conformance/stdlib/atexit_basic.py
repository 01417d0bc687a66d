# atexit: callbacks run at exit last-registered first, with their arguments,
# after the non-daemon threads end; unregister; a failing callback is
# reported and the others still run.
import atexit
import sys
import threading
import time


class Named:
    def __init__(self, name):
        self.name = name

    def __call__(self, *args, **kwargs):
        print('called', self.name, args, sorted(kwargs.items()))

    def __repr__(self):
        return '<Named %s>' % self.name

    def __eq__(self, other):
        return isinstance(other, Named) and other.name == self.name

    __hash__ = object.__hash__


class Failing:
    def __call__(self):
        raise ValueError('failed at exit')

    def __repr__(self):
        return '<Failing>'


def goodbye(who, punctuation='.'):
    print('goodbye', who + punctuation)


def worker():
    time.sleep(0.05)
    print('thread finished before the callbacks')


before = atexit._ncallbacks()  # site may have registered some
print(atexit.register(goodbye, 'first', punctuation='!') is goodbye)
atexit.register(Named('a'), 1, 2, key='value')
atexit.register(Failing())
atexit.register(Named('removed'))
print(atexit._ncallbacks() - before)
atexit.register(Named('b'))
atexit.register(Named('removed'))
atexit.unregister(Named('removed'))
atexit.unregister(print)  # never registered: nothing happens


@atexit.register
def decorated():
    print('decorated runs first')
    sys.stdout.flush()


try:
    atexit.register(42)
except TypeError as e:
    print(type(e).__name__, e)
try:
    atexit.register()
except TypeError as e:
    print(type(e).__name__, e)

threading.Thread(target=worker).start()
print('end of the script')
