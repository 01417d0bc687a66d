# The public names used by asyncio programs exist in the asyncio module.
import asyncio

names = '''run Runner sleep create_task gather wait wait_for timeout timeout_at
as_completed shield TaskGroup Future Task current_task all_tasks
get_running_loop get_event_loop new_event_loop set_event_loop ensure_future
iscoroutine iscoroutinefunction isfuture Lock Event Condition Semaphore
BoundedSemaphore Barrier Queue PriorityQueue LifoQueue QueueEmpty QueueFull
CancelledError TimeoutError InvalidStateError IncompleteReadError
LimitOverrunError BrokenBarrierError FIRST_COMPLETED FIRST_EXCEPTION
ALL_COMPLETED Timeout Handle TimerHandle AbstractEventLoop'''.split()
missing = [n for n in names if not hasattr(asyncio, n)]
print(len(names), 'names, missing:', missing)
print(asyncio.ALL_COMPLETED, asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION)
