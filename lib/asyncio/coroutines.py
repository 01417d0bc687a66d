"""Telling coroutines and coroutine functions apart.

Without `types`, `inspect` or `collections.abc`, the coroutine and generator
types are taken from sample objects, and the abstract Coroutine check is done
the way collections.abc.Coroutine's __subclasshook__ does it: the class (or a
base) defines send, throw, close and __await__.
"""

__all__ = 'iscoroutinefunction', 'iscoroutine'

# Marker for functions that are coroutine functions without being `async def`
# (CPython's asyncio tags its own helpers this way).
_is_coroutine = object()

# The CO_COROUTINE code flag.
_CO_COROUTINE = 0x80


async def _sample_coroutine():
    pass


def _sample_generator():
    yield


_sample = _sample_coroutine()
_CoroutineType = type(_sample)
_sample.close()
del _sample
_GeneratorType = type(_sample_generator())
_FunctionType = type(_sample_generator)


class _Sample:
    def method(self):
        pass


_MethodType = type(_Sample().method)

try:
    from functools import partial as _partial
except ImportError:
    _partial = None

# Types already found to be coroutines (CPython keeps at most 100 of them).
_iscoroutine_typecache = set()


def _has_methods(cls, names):
    # As collections.abc's _check_methods: each name must be defined
    # somewhere in the MRO, and not set to None there.
    mro = cls.__mro__
    for name in names:
        for base in mro:
            if name in base.__dict__:
                if base.__dict__[name] is None:
                    return False
                break
        else:
            return False
    return True


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    cls = type(obj)
    if cls in _iscoroutine_typecache:
        return True
    if (isinstance(obj, (_CoroutineType, _GeneratorType)) or
            _has_methods(cls, ('send', 'throw', 'close', '__await__'))):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(cls)
        return True
    return False


def iscoroutinefunction(func):
    """Return True if func is a coroutine function."""
    # As inspect.iscoroutinefunction: look through bound methods and
    # functools.partial (a partial of a bound method too), then require a
    # Python function whose code has the CO_COROUTINE flag.
    f = func
    while True:
        if isinstance(f, _MethodType):
            f = f.__func__
        elif _partial is not None and isinstance(f, _partial):
            f = f.func
        else:
            break
    if isinstance(f, _FunctionType) and f.__code__.co_flags & _CO_COROUTINE:
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine
