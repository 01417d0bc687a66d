"""asyncio.run() and asyncio.Runner, as CPython 3.11's.

A Runner owns a new event loop: run() drives one coroutine to completion
on it, close() cancels and waits for the tasks still alive, shuts down
async generators (and the default executor, where the loop has one) and
closes the loop.

"Is a loop already running?" is asked of _asyncio._may_run_loop(), not of
events._get_running_loop(): coil runs top-level code with its loop running
and still lets a top-level asyncio.run() work, so the core alone knows when
CPython would refuse.

Ctrl-C handling (the first SIGINT cancels the main task) is used when the
signal module exists. The runs of one Runner share one context: a copy of
the context current when the runner started.
"""

__all__ = ('Runner', 'run')

import _asyncio
import contextvars

from . import coroutines
from . import events
from . import exceptions
from . import tasks

try:
    import signal
except ImportError:
    signal = None
try:
    import threading
except ImportError:
    threading = None        # one thread: it is the main thread

_CREATED = "created"
_INITIALIZED = "initialized"
_CLOSED = "closed"


class Runner:
    """A context manager that controls an event loop's life cycle.

        asyncio.run(main(), debug=True)

    is a shortcut for

        with asyncio.Runner(debug=True) as runner:
            runner.run(main())

    run() can be called several times within the runner's context.
    """

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Shutdown and close event loop."""
        if self._state != _INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            shutdown_executor = getattr(loop, 'shutdown_default_executor', None)
            if shutdown_executor is not None:
                loop.run_until_complete(shutdown_executor())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _CLOSED

    def get_loop(self):
        """Return embedded event loop."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run a coroutine inside the embedded event loop."""
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if not _asyncio._may_run_loop():
            # Fail fast, with a short traceback.
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")

        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)

        sigint_handler = self._install_sigint_handler(task)
        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)
        except exceptions.CancelledError:
            # A task cancelled by Ctrl-C (and not by anything else) turns
            # into KeyboardInterrupt.
            if self._interrupt_count > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise
        finally:
            if (sigint_handler is not None and
                    signal.getsignal(signal.SIGINT) is sigint_handler):
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def _install_sigint_handler(self, main_task):
        # Only in the main thread, and only over Python's default handler.
        if signal is None:
            return None
        if threading is not None and (threading.current_thread()
                                      is not threading.main_thread()):
            return None
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return None

        def sigint_handler(signum, frame):
            self._on_sigint(signum, frame, main_task)

        try:
            signal.signal(signal.SIGINT, sigint_handler)
        except ValueError:
            return None     # signals unsupported here (gh-91880)
        return sigint_handler

    def _lazy_init(self):
        if self._state == _CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state == _INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                # Only once, as CPython (child watchers attach to it).
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = contextvars.copy_context()
        self._state = _INITIALIZED

    def _on_sigint(self, signum, frame, main_task):
        # The first Ctrl-C cancels the main task, the second one interrupts.
        self._interrupt_count += 1
        if self._interrupt_count == 1 and not main_task.done():
            main_task.cancel()
            # Wake the loop up if it is blocked waiting for I/O.
            self._loop.call_soon_threadsafe(lambda: None)
            return
        raise KeyboardInterrupt()


def run(main, *, debug=None):
    """Execute the coroutine and return the result.

    A new event loop is created for it and closed at the end, after the
    remaining tasks are cancelled and async generators finalized.  It
    cannot be called when another asyncio event loop is running in the
    same thread.
    """
    if not _asyncio._may_run_loop():
        # Fail fast, with a short traceback.
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")

    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    # Cancel what is left, let it finish, and report the tasks that ended
    # with an exception other than CancelledError.
    to_cancel = tasks.all_tasks(loop)
    if not to_cancel:
        return

    for task in to_cancel:
        task.cancel()

    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))

    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
