"""Future, native (`_asyncio.Future`), and the helpers around it:
wrap_future() and the chaining of an asyncio Future with a
concurrent.futures.Future of another thread, as CPython 3.11's."""

__all__ = ('Future', 'wrap_future', 'isfuture')

import _asyncio
from _asyncio import Future

from . import events
from . import exceptions


def isfuture(obj):
    """True for objects compatible with asyncio's Future (duck-typed, as
    CPython checks: a class attribute _asyncio_future_blocking not None)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _concurrent_futures():
    # Imported on first use: programs that never use threads do not load it.
    import concurrent.futures
    return concurrent.futures


def _convert_future_exc(exc):
    cf = _concurrent_futures()
    exc_class = type(exc)
    if exc_class is cf.CancelledError:
        return exceptions.CancelledError(*exc.args)
    elif exc_class is cf.TimeoutError:
        return exceptions.TimeoutError(*exc.args)
    elif exc_class is cf.InvalidStateError:
        return exceptions.InvalidStateError(*exc.args)
    else:
        return exc


def _set_concurrent_future_state(concurrent, source):
    """Copy the state of an asyncio Future into a concurrent one."""
    assert source.done()
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        result = source.result()
        concurrent.set_result(result)


def _copy_future_state(source, dest):
    """Copy the state of a done future (asyncio or concurrent) into an
    asyncio Future, unless that one was cancelled meanwhile."""
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            result = source.result()
            dest.set_result(result)


def _chain_future(source, destination, *, in_flight=False):
    """When `source` completes, `destination` gets its state; cancelling
    `destination` cancels `source`. Either may be a concurrent future;
    across loops or threads the state moves through call_soon_threadsafe.
    With `in_flight`, the destination's loop counts the source as work in
    flight until its state arrived (virtual time, runtime/loop/io.h)."""
    cf = _concurrent_futures()
    if not isfuture(source) and not isinstance(source, cf.Future):
        raise TypeError('A future is required for source argument')
    if not isfuture(destination) and not isinstance(destination, cf.Future):
        raise TypeError('A future is required for destination argument')
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None
    counted = [in_flight]
    if in_flight:
        _asyncio._io_begin()

    def _set_state(future, other):
        if counted[0]:
            counted[0] = False
            _asyncio._io_end()
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if (destination.cancelled() and
                dest_loop is not None and dest_loop.is_closed()):
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wrap a concurrent.futures.Future in an asyncio Future of `loop`."""
    if isfuture(future):
        return future
    assert isinstance(future, _concurrent_futures().Future), \
        f'concurrent.futures.Future is expected, got {future!r}'
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future, in_flight=True)
    return new_future


def _get_loop(fut):
    return fut.get_loop()
