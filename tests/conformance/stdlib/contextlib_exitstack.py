from contextlib import ExitStack, contextmanager


@contextmanager
def res(name, log):
    log.append('open ' + name)
    yield name
    log.append('close ' + name)

log = []
with ExitStack() as stack:
    names = [stack.enter_context(res(n, log)) for n in 'abc']
    stack.callback(log.append, 'callback')
    stack.callback(lambda *a, **k: log.append(('cb', a, k)), 1, x=2)
    print(names)
print(log)


def exit_suppress(exc_type, exc, tb):
    print('exit_suppress saw', exc_type.__name__ if exc_type else None)
    return True

with ExitStack() as stack:
    stack.push(exit_suppress)
    raise ValueError('suppressed')
print('after suppressed')


class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)

with ExitStack() as stack:
    stack.push(CM('pushed-not-entered'))
    stack.enter_context(CM('entered'))

# pop_all transfers the callbacks
log = []
with ExitStack() as stack:
    stack.callback(log.append, 1)
    moved = stack.pop_all()
print(log)
moved.close()
print(log)


# exceptions raised by callbacks replace the current one, chained
def raiser(exc):
    def cb(*details):
        raise exc
    return cb

try:
    with ExitStack() as stack:
        stack.push(raiser(KeyError('from-first-pushed')))
        stack.push(raiser(IndexError('from-second-pushed')))
        raise ValueError('body')
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__, type(e.__context__.__context__).__name__,
          e.__context__.__context__.__context__)

try:
    with ExitStack() as stack:
        stack.push(exit_suppress)
        stack.push(raiser(KeyError('late')))
except Exception as e:
    print('not reached')
print('suppressed the callback error too')

try:
    ExitStack().enter_context(object())
except TypeError as e:
    print(type(e).__name__, e)

r = ExitStack().callback(print)
print(r is print)
with ExitStack() as s:
    print(type(s).__name__, s.push(exit_suppress) is exit_suppress)
