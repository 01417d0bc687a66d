"""The loop binding shared by locks and queues.

A primitive binds to the running loop the first time it has to wait, and
refuses to be used from another loop afterwards, as CPython's
_LoopBoundMixin does.  (coil runs one thread, so no lock is needed.)
"""

from . import events


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = events._get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop
