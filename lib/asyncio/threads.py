"""asyncio.to_thread(): a blocking call run in the loop's default executor,
in a copy of the caller's context, as CPython 3.11's asyncio.threads."""

import contextvars
import functools

from . import events

__all__ = ('to_thread',)


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a separate thread and return its result;
    the context variables of the calling task are those it sees."""
    loop = events.get_running_loop()
    ctx = contextvars.copy_context()
    func_call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
