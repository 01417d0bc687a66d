"""Synchronization primitives: Lock, Event, Condition, Semaphore,
BoundedSemaphore and Barrier, with CPython 3.11's semantics.

Lock, Event, Semaphore and BoundedSemaphore are native; Condition and
Barrier, written here, build on the native Lock.  A Condition parks a
waiting coroutine on a fresh future created on the running loop and kept
in a FIFO list; waking means setting that future's result, so the woken
coroutine runs on a later loop iteration, in the order the waiters
arrived.
"""

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore',
           'BoundedSemaphore', 'Barrier')

import collections

from . import exceptions
from . import mixins


def _describe(obj, extra, waiters):
    # CPython's repr: the default object repr with a bracketed state suffix,
    # e.g. <asyncio.locks.Lock object at 0x... [locked, waiters:1]>.
    if waiters:
        extra = f'{extra}, waiters:{len(waiters)}'
    return f'<{object.__repr__(obj)[1:-1]} [{extra}]>'


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        # `async with lock as x` binds None, as in CPython.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


# Lock, Event, Semaphore and BoundedSemaphore are native
# (runtime/loop/locks.cpp): a task parked on one costs one small wait
# object, no coroutine frame or future.
from _asyncio import Lock, Event, Semaphore, BoundedSemaphore


async def _acquire_for_aenter(self):
    # Semaphore.__aenter__ of a subclass that overrides acquire(): the
    # coroutine CPython's _ContextManagerMixin.__aenter__ is.
    await self.acquire()
    return None


class Condition(_ContextManagerMixin, mixins._LoopBoundMixin):
    """A condition variable over a Lock (a new one unless given)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The lock's methods are exported as the condition's own, as CPython.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()

    def __repr__(self):
        return _describe(self, 'locked' if self.locked() else 'unlocked',
                         self._waiters)

    async def wait(self):
        """Release the lock, wait for a notify(), re-acquire the lock and
        return True.  RuntimeError if the lock is not held."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # The lock must be held again on the way out, even when the
            # wait was cancelled; a cancellation during the re-acquire is
            # remembered and re-raised (as a new CancelledError, as CPython).
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except exceptions.CancelledError:
                    cancelled = True
            if cancelled:
                raise exceptions.CancelledError

    async def wait_for(self, predicate):
        """Wait until predicate() is true; return its last value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n waiters.  RuntimeError if the lock is not held."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake up every waiter.  RuntimeError if the lock is not held."""
        self.notify(len(self._waiters))


# Barrier states; the strings are what repr() shows.
_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier(mixins._LoopBoundMixin):
    """Blocks tasks in wait() until `parties` of them are waiting, then
    releases them all; each gets a distinct index in range(parties)."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()    # notified on every state change
        self._parties = parties
        self._state = _FILLING
        self._count = 0             # tasks inside wait()

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{object.__repr__(self)[1:-1]} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the barrier to trip; return this task's index."""
        # The steps are separate methods, named as CPython's, so that a
        # traceback through the barrier shows the same frames.
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()   # the last party trips it
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        # Wait while an earlier round drains or resets; fail if broken.
        await self._cond.wait_for(
            lambda: self._state not in (_DRAINING, _RESETTING))
        if self._state == _BROKEN:
            raise exceptions.BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _DRAINING
        self._cond.notify_all()

    async def _wait(self):
        # Wait for the round to trip; fail if it is broken or reset instead.
        await self._cond.wait_for(lambda: self._state != _FILLING)
        if self._state in (_BROKEN, _RESETTING):
            raise exceptions.BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        # The last task out ends the draining or resetting.
        if self._count == 0:
            if self._state in (_RESETTING, _DRAINING):
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        """Return the barrier to the empty state; tasks waiting in it get
        BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: current and future wait() calls raise
        BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        """The number of tasks needed to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of tasks waiting in the barrier while it fills."""
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """True if the barrier is broken."""
        return self._state == _BROKEN
