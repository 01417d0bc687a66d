"""The loop class under CPython's name for it."""

__all__ = ('BaseEventLoop',)

import _asyncio

BaseEventLoop = _asyncio.EventLoop


async def _shutdown_asyncgens(loop, agens):
    """loop.shutdown_asyncgens(): close the async generators the loop
    tracks, reporting those that fail to close."""
    if not agens:
        return
    from . import tasks
    results = await tasks.gather(*[ag.aclose() for ag in agens], return_exceptions=True)
    for result, agen in zip(results, agens):
        if isinstance(result, Exception):
            loop.call_exception_handler({
                'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                'exception': result,
                'asyncgen': agen,
            })


async def _shutdown_default_executor(loop):
    """loop.shutdown_default_executor(): coil has no executor threads."""
