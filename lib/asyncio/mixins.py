"""The loop binding and the FIFO shared by locks and queues.

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


_REMOVED = object()


class _Fifo:
    """The part of collections.deque that locks and queues use. Items live
    in _items[_head:]; remove() leaves a tombstone, so taking or removing the
    first item is O(1) whatever the length (a waiter queue removes its head
    on every wake-up). The dead prefix is dropped once it is half the list."""

    def __init__(self):
        self._items = []
        self._head = 0
        self._count = 0

    def __len__(self):
        return self._count

    def __bool__(self):
        return self._count > 0

    def __iter__(self):
        # Lazily (any()/all() over waiters stop early); compaction replaces
        # the list rather than shifting it, so a running iteration is safe.
        items = self._items
        for i in range(self._head, len(items)):
            item = items[i]
            if item is not _REMOVED:
                yield item

    def __getitem__(self, index):
        if index != 0 or not self._count:
            raise IndexError('deque index out of range')
        self._skip_removed()
        return self._items[self._head]

    def append(self, item):
        self._items.append(item)
        self._count += 1

    def popleft(self):
        if not self._count:
            raise IndexError('pop from an empty deque')
        self._skip_removed()
        item = self._items[self._head]
        self._items[self._head] = _REMOVED
        self._count -= 1
        self._skip_removed()
        return item

    def remove(self, value):
        # Like deque.remove: the first item that is (or equals) value.
        items = self._items
        for i in range(self._head, len(items)):
            item = items[i]
            if item is not _REMOVED and (item is value or item == value):
                items[i] = _REMOVED
                self._count -= 1
                self._skip_removed()
                return
        raise ValueError('deque.remove(x): x not in deque')

    def _skip_removed(self):
        items = self._items
        head = self._head
        while head < len(items) and items[head] is _REMOVED:
            head += 1
        if head >= 16 and 2 * head >= len(items):
            self._items = items[head:]
            head = 0
        self._head = head
