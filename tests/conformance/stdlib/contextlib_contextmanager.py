from contextlib import contextmanager, ContextDecorator


@contextmanager
def tag(name):
    """Wraps in a tag."""
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')

with tag('p') as t:
    print('body', t)
print(tag.__name__, tag.__doc__, type(tag('x')).__name__)

try:
    with tag('err'):
        raise ValueError('inside')
except ValueError as e:
    print('propagated', e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('handled', repr(e))

with swallow():
    raise KeyError('k')
print('after swallow')

with swallow():
    pass


@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def two_yields():
    yield 1
    yield 2

try:
    with two_yields():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def yields_after_throw():
    try:
        yield
    except Exception:
        yield

try:
    with yields_after_throw():
        raise ValueError
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def replace_exc():
    try:
        yield
    except ValueError as e:
        raise TypeError('replaced') from e

try:
    with replace_exc():
        raise ValueError('orig')
except TypeError as e:
    print(type(e).__name__, e, repr(e.__cause__))


@contextmanager
def passthrough():
    yield

try:
    with passthrough():
        raise StopIteration('stop')
except StopIteration as e:
    print('StopIteration passes', e)


# used as a decorator: a fresh generator per call
@tag('deco')
def decorated(x):
    print('in decorated', x)
    return x * 2

print(decorated(1), decorated(2))


class track(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)
        return False

@track()
def work():
    print('working')
    return 'done'
print(work(), work.__name__)

cm = tag('once')
with cm:
    pass
try:
    with cm:
        pass
except (AttributeError, RuntimeError) as e:
    print(type(e).__name__)
