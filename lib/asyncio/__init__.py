"""coil's asyncio: the event loop, Future and Task are native (the
`_asyncio` module); the rest of the package builds on them."""

from _asyncio import (CancelledError, InvalidStateError, Future, Task, Handle, TimerHandle,
                      get_running_loop, _get_running_loop, _set_running_loop, get_event_loop,
                      set_event_loop, new_event_loop, current_task, all_tasks, create_task,
                      _register_task, _enter_task, _leave_task)
