"""The loop binding shared by locks and queues.

A primitive binds to the running loop the first time it has to wait, and
refuses to be used from another loop afterwards, as CPython's
_LoopBoundMixin does.  The binding is made under a lock, so that two
threads running loops cannot both bind the same primitive.
"""

import _thread

from . import events

_global_lock = _thread.allocate_lock()


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = events._get_running_loop()
        if self._loop is None:
            with _global_lock:
                if self._loop is None:
                    self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop
