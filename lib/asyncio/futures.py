"""Future, native (`_asyncio.Future`), and the helpers around it."""

__all__ = ('Future', 'wrap_future', 'isfuture')

from _asyncio import Future


def isfuture(obj):
    """True for objects compatible with asyncio's Future (duck-typed, as
    CPython checks: a class attribute _asyncio_future_blocking not None)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')


def _get_loop(fut):
    return fut.get_loop()
