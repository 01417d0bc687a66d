"""Queues for coordinating producer and consumer coroutines: Queue (FIFO),
PriorityQueue and LifoQueue, with CPython 3.11's semantics.

They are native (runtime/loop/queues.cpp): a task waiting in get() or put()
parks on one small wait object, as on a Lock.  Subclasses override _init,
_put and _get as with CPython's classes.
"""

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')

from _asyncio import Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull
