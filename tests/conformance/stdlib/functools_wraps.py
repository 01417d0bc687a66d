import functools
from functools import wraps, update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES

print(WRAPPER_ASSIGNMENTS)
print(WRAPPER_UPDATES)


def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return ('wrapped', fn(*a, **k))
    return inner


@deco
def add(x: int, y: int) -> int:
    """Add two numbers."""
    return x + y

print(add(1, 2), add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__annotations__)
print(add.__wrapped__(3, 4))


class Holder:
    @deco
    def method(self):
        return 'm'

print(Holder().method(), Holder.method.__qualname__)


def target():
    "target doc"

def wrapper():
    pass

r = update_wrapper(wrapper, target, assigned=('__doc__',), updated=())
print(r is wrapper, wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ is target)


# missing attributes on the wrapped object are skipped
class CallableThing:
    def __call__(self):
        return 1

def w2():
    pass
update_wrapper(w2, CallableThing())
print(w2.__name__, w2.__doc__)

# wrapping twice: __wrapped__ points at the nearest
w3 = deco(deco(target))
print(w3.__name__, w3.__wrapped__.__name__, w3.__wrapped__.__wrapped__ is target)
print(type(wraps(target)).__name__)
