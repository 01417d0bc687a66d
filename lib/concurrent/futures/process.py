"""ProcessPoolExecutor: not available in coil, which has no
multiprocessing. Creating one raises NotImplementedError."""

from concurrent.futures import _base


class BrokenProcessPool(_base.BrokenExecutor):
    """A process in the pool ended abruptly."""


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        raise NotImplementedError(
            "coil has no ProcessPoolExecutor (it does not support multiprocessing); "
            "use concurrent.futures.ThreadPoolExecutor")
