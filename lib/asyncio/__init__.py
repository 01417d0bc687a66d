"""coil's asyncio.

The event loop, Future and Task are native (the `_asyncio` module of
runtime/loop/); the package's other modules build on them in Python, as
CPython's asyncio does on its own _asyncio accelerator.
"""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .queues import *
from .runners import *
from .streams import *
from .subprocess import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *
from .transports import *

__all__ = []
for _module in (base_events, coroutines, events, exceptions, futures, locks, protocols, queues,
                runners, streams, subprocess, taskgroups, tasks, threads, timeouts, transports):
    __all__ += _module.__all__
del _module
