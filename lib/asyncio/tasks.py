"""Composite task functions over the native Future and Task: sleep, gather,
wait, wait_for, as_completed, shield, ensure_future, create_task.

Each follows CPython 3.11's asyncio.tasks step for step where the step is
observable: which callbacks are added to which future and in what order,
when a child is cancelled, and which exception object ends up raised.  That
is what makes concurrent programs interleave as they do on CPython.
"""

__all__ = (
    'Task', 'create_task',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'wait', 'wait_for', 'as_completed', 'sleep',
    'gather', 'shield', 'ensure_future',
    'current_task', 'all_tasks', 'run_coroutine_threadsafe',
    '_register_task', '_enter_task', '_leave_task',
)

from _asyncio import (Future, Task, current_task, all_tasks,
                      _register_task, _enter_task, _leave_task)

import sys

from . import coroutines
from . import events
from . import exceptions

# _unregister_task is exported when the core provides it.
try:
    from _asyncio import _unregister_task
    __all__ += ('_unregister_task',)
except ImportError:
    pass


def _isfuture(obj):
    # As asyncio.futures.isfuture: duck-typed on _asyncio_future_blocking.
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _isawaitable(obj):
    # inspect.isawaitable, for what iscoroutine() has not already accepted.
    return coroutines._has_methods(type(obj), ('__await__',))


def _set_task_name(task, name):
    if name is not None:
        set_name = getattr(task, 'set_name', None)
        if set_name is not None:
            set_name(name)


def _make_cancelled_error(fut):
    """The CancelledError that CPython's fut._make_cancelled_error() gives:
    for a cancelled future, the one its result() raises (for a task, the
    very exception its coroutine ended with); otherwise a new one."""
    if fut.cancelled():
        try:
            fut.result()
        except exceptions.CancelledError as exc:
            # Drop the traceback entry this frame just added.
            tb = exc.__traceback__
            return exc.with_traceback(tb.tb_next if tb is not None else None)
    return exceptions.CancelledError()


def create_task(coro, *, name=None, context=None):
    """Schedule the coroutine as a Task on the running loop; return it."""
    loop = events.get_running_loop()
    # The name is set afterwards, as in CPython: the task still takes a
    # number from the Task-N counter, so later default names match.
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    _set_task_name(task, name)
    return task


# wait() and as_completed(), similar to those of PEP 3148; the constants
# have concurrent.futures' values.

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures or tasks in fs; return (done, pending) sets.
    A timeout leaves the unfinished ones in pending; it does not raise."""
    if _isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')

    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")

    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """Wait for one future or coroutine, cancelling it after timeout
    seconds and raising TimeoutError (chained from the CancelledError).
    If the wait itself is cancelled, so is the future."""
    loop = events.get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(fut):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            # The inner task must not outlive wait_for (bpo-32751).
            await _cancel_and_wait(fut, loop=loop)
            raise

        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)
        # The inner task may have swallowed the cancellation and returned,
        # or raised something else (bpo-40607): report that instead.
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    assert fs, 'Set of Futures is empty.'   # e.g. wait(<empty generator>)
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    # Cancel fut and wait until it is done, through a separate waiter so
    # that this wait itself stays cancellable.
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):
    """Return an iterator of coroutines; awaiting each gives the result (or
    raises the exception) of the next future to finish.  After timeout
    seconds the remaining ones raise TimeoutError."""
    # A plain generator, not a coroutine, as in CPython.
    if _isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from .queues import Queue
    done = Queue()

    loop = events.get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)   # each None makes one _wait_for_one() fail
        todo.clear()

    def _on_completion(f):
        if not todo:
            return                  # _on_timeout() came first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def __sleep0():
    # One bare yield: the task goes back to the ready queue for one loop
    # iteration, with no future involved (CPython's __sleep0).
    yield


_bare_yield = __sleep0


class _Sleep0:
    # Awaitable wrapper, since coil has no types.coroutine: awaiting it runs
    # __sleep0, which a traceback shows as in CPython.
    def __await__(self):
        return _bare_yield()


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    """Coroutine that completes after delay seconds, returning result."""
    if delay <= 0:
        await _Sleep0()
        return result

    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled,
                             future, result)
    try:
        return await future
    finally:
        handle.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """Return a future as is; wrap a coroutine or awaitable in a Task."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if _isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not coroutines.iscoroutine(coro_or_future):
        if _isawaitable(coro_or_future):
            coro_or_future = _wrap_awaitable(coro_or_future)
            wrapped = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        # Closing the caller's coroutine avoids "never awaited" noise.
        if not wrapped:
            coro_or_future.close()
        raise


async def _wrap_awaitable(awaitable):
    return await awaitable


class _GatheringFuture(Future):
    """The future gather() returns.  Its cancel() cancels the children and,
    like Task.cancel(), does not mark it cancelled at once: it becomes
    cancelled when the children have finished."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # A child was really cancelled: the gather ends in
            # CancelledError even with return_exceptions (bpo-32684).
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; return a future whose result is the
    list of their results, in argument order.

    Without return_exceptions the first exception (or cancellation) of a
    child becomes the outer future's, and the other children go on; with
    it, exceptions are results.  Cancelling the outer future cancels the
    children.
    """
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()     # mark the exception as retrieved
            return

        if not return_exceptions:
            if fut.cancelled():
                # A cancelled child is an error, not a cancellation of the
                # gather (fut.exception() would raise, hence this check).
                outer.set_exception(_make_cancelled_error(fut))
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return

        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    # A new CancelledError carrying the cancel message (the
                    # future's own one is kept for whoever awaits it).
                    msg = getattr(fut, '_cancel_message', None)
                    res = exceptions.CancelledError('' if msg is None else msg)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if outer._cancel_requested:
                # As CPython, the error comes from the last child in the
                # loop above (`fut` is left bound to it).
                outer.set_exception(_make_cancelled_error(fut))
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None    # callbacks may run before it exists (bpo-46672)
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                # A task made here for a coroutine: its owner is the gather,
                # so no "destroyed but pending" warning (CPython does the
                # same, where the core has the flag).
                try:
                    fut._log_destroy_pending = False
                except AttributeError:
                    pass
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]   # the same awaitable given twice
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Wait for a future, shielding it from the caller's cancellation: the
    caller gets CancelledError, the inner future goes on."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()   # mark the exception as retrieved
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Submit a coroutine object to a given event loop, from another
    thread: returns a concurrent.futures.Future of its result."""
    if not coroutines.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    from . import futures
    future = futures._concurrent_futures().Future()

    def callback():
        try:
            futures._chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


def _task_get_stack(task, limit):
    """Task.get_stack(): the suspended coroutine's frame, or for a task
    that failed, the frames of its exception's traceback."""
    frames = []
    coro = task.get_coro()
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None) or \
        getattr(coro, 'ag_frame', None)
    if frame is not None:
        while frame is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(frame)
            frame = frame.f_back
        frames.reverse()
    elif task.done() and not task.cancelled() and task.exception() is not None:
        tb = task.exception().__traceback__
        while tb is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(tb.tb_frame)
            tb = tb.tb_next
    return frames


def _source_line(filename, lineno):
    try:
        with open(filename, encoding='utf-8') as source:
            for number, line in enumerate(source, 1):
                if number == lineno:
                    return line.strip()
    except (OSError, UnicodeDecodeError):
        pass
    return ''


def _task_print_stack(task, limit, file):
    """Task.print_stack(): get_stack() printed as a traceback."""
    if file is None:
        file = sys.stderr
    entries = [(f.f_code.co_filename, f.f_lineno, f.f_code.co_name) for f in
               _task_get_stack(task, limit)]
    exc = task.exception() if task.done() and not task.cancelled() else None
    if not entries:
        print(f'No stack for {task!r}', file=file)
    elif exc is not None:
        print(f'Traceback for {task!r} (most recent call last):', file=file)
    else:
        print(f'Stack for {task!r} (most recent call last):', file=file)
    for filename, lineno, name in entries:
        print(f'  File "{filename}", line {lineno}, in {name}', file=file)
        line = _source_line(filename, lineno)
        if line:
            print(f'    {line}', file=file)
    if exc is not None:
        text = str(exc)
        name = type(exc).__qualname__
        module = type(exc).__module__
        if module not in ('builtins', '__main__'):
            name = f'{module}.{name}'
        print(f'{name}: {text}' if text else name, file=file)
