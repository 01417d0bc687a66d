"""The event loop and the functions that find it.

The loop is native (`_asyncio.EventLoop`, shown as CPython's
_UnixSelectorEventLoop); so are Handle and TimerHandle. A script's top-level
code sees a running loop (DESIGN §3), which is also the loop
get_event_loop() returns there.
"""

__all__ = (
    'AbstractEventLoopPolicy', 'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle', 'get_event_loop_policy', 'set_event_loop_policy',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop', '_get_running_loop',
)

import _asyncio
from _asyncio import (Handle, TimerHandle, get_running_loop, _get_running_loop,
                      _set_running_loop, get_event_loop, set_event_loop, new_event_loop)

AbstractEventLoop = _asyncio.EventLoop


class AbstractServer:
    """Interface for a server (networking comes with libuv streams)."""


class AbstractEventLoopPolicy:
    """The policy interface: where the loop of a context comes from."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class _DefaultPolicy(AbstractEventLoopPolicy):
    """The one policy coil has: the native loop functions."""

    def get_event_loop(self):
        return get_event_loop()

    def set_event_loop(self, loop):
        set_event_loop(loop)

    def new_event_loop(self):
        return new_event_loop()


DefaultEventLoopPolicy = _DefaultPolicy
_policy = _DefaultPolicy()


def get_event_loop_policy():
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, "
                        f"not '{type(policy).__name__}'")
    _policy = policy if policy is not None else _DefaultPolicy()


def get_child_watcher():
    raise NotImplementedError("coil has no child watchers")


def set_child_watcher(watcher):
    raise NotImplementedError("coil has no child watchers")
