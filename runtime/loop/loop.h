// The event loop, Future and Task (DESIGN §4, §5): native types the
// `_asyncio` module exposes and the `asyncio` package (lib/asyncio/) builds on.
//
// The loop keeps its own ready queue, a ring buffer of work items, and a
// heap of timers ordered by (deadline, sequence number), so timers with
// equal deadlines fire in the order they were scheduled. A work item is a
// Handle (call_soon), a Future's done callback, or a Task step: waking a
// task allocates nothing. One iteration runs the items that were ready when
// it began, then waits — on the clock of runtime/loop/clock.h, which under
// virtual time jumps to the next deadline instead of waiting.
//
// Contexts (runtime/context.h): a Handle runs its callback in its context,
// a Task every step in its own, a done callback added without a context of
// its own in an empty one. Each is entered by pointing the current context
// at the object's `m_context` slot, so no work item copies or allocates a
// context while no context variable is set.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct TaskObject;

// One unit of ready work. Holds a reference to each of its objects.
struct ReadyItem {
  enum class Kind : uint8_t {
    Handle,      // a: a Handle; skipped if cancelled by then
    Callback,    // a(b): a Future's done callback, b the future
    TaskStep,    // a: a Task to step; b: the exception to throw in, or null
    TaskWakeup,  // a: a Task whose awaited future b is done
    Io,          // a: a transport; b: bytes it read, or null at its end (runtime/loop/tcp.h)
  };
  Kind kind;
  Object* a;
  Object* b;
};

// A FIFO of ReadyItems in a growable ring buffer.
class ReadyQueue {
 public:
  ReadyQueue() = default;
  ReadyQueue(const ReadyQueue&) = delete;
  ReadyQueue& operator=(const ReadyQueue&) = delete;
  ~ReadyQueue();
  void push(ReadyItem item);  // takes the item's references
  ReadyItem pop();            // gives them to the caller
  size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  void clear();
  template <class F>
  void for_each(F&& visit) const {
    for (size_t i = 0; i < m_size; ++i) visit(m_items[(m_head + i) & (m_items.size() - 1)]);
  }

 private:
  std::vector<ReadyItem> m_items;  // capacity: a power of two
  size_t m_head = 0;
  size_t m_size = 0;
};

struct HandleObject : Object {
  Ref m_callback;
  Ref m_args;     // tuple
  Ref m_loop;
  Ref m_context;  // the Context the callback runs in; null: an empty one, made on first use
  double m_when = 0;       // TimerHandle: the deadline on loop.time()'s clock
  uint64_t m_sequence = 0;  // TimerHandle: order among equal deadlines
  bool m_cancelled = false;
  bool m_scheduled = false;  // TimerHandle: still in the timer heap
  bool m_repr_running = false;
};

struct TimerEntry {
  double when;
  uint64_t sequence;
  HandleObject* handle;  // owned
};

struct EventLoopObject : Object {
  ReadyQueue m_ready;
  std::vector<TimerEntry> m_timers;  // a min-heap on (when, sequence)
  uint64_t m_timer_sequence = 0;
  size_t m_cancelled_timers = 0;
  bool m_running = false;
  bool m_stopping = false;
  bool m_closed = false;
  bool m_debug = false;
  Ref m_exception_handler;
  Ref m_current_task;  // the task being stepped, or null
  Ref m_current_handle;
  Ref m_task_factory;
  int64_t m_live_tasks = 0;  // tasks of this loop not yet done
  // Async generators first iterated while this loop ran (not owning: one
  // removes itself when it goes), for shutdown_asyncgens(); the hooks that
  // track them, made once.
  std::vector<struct GeneratorObject*> m_asyncgens;
  bool m_asyncgens_shutdown_called = false;
  Ref m_firstiter_hook;
  Ref m_finalizer_hook;
  // add_signal_handler()'s registrations, signal number -> (callback, args):
  // a dict lib/asyncio/base_events.py keeps, made on first use.
  Ref m_signal_handlers;
  // add_reader()/add_writer()'s watchers, descriptor -> watcher
  // (runtime/loop/fd_watch.h): a dict base_events.py keeps, made on first use.
  Ref m_fd_watchers;
  // While the loop waits with the GIL let go: its thread's I/O state, for
  // call_soon_threadsafe to end the wait (runtime/loop/io.h).
  struct IoState* m_waker = nullptr;
  // run_in_executor()'s default ThreadPoolExecutor, made on first use.
  Ref m_default_executor;
  bool m_executor_shutdown_called = false;
};

enum class FutureState : uint8_t { Pending, Cancelled, Finished };

struct FutureCallback {
  Ref function;  // a callable, or the Task to wake
  Ref context;   // the Context to run in, or null: an empty one (a wakeup: the task's)
  // A task's wakeup: a Task without a context of its own (a Task added as
  // a plain callback always gets one, see add_callback).
  bool is_wakeup() const;
};

// A future's done callbacks, in order. Nearly every future has at most one
// (the task waiting on it): that one is kept inline, the rest on the heap.
class CallbackList {
 public:
  CallbackList() = default;
  CallbackList(const CallbackList&) = delete;
  CallbackList& operator=(const CallbackList&) = delete;
  ~CallbackList() { clear(); }

  bool empty() const { return !m_first.function; }
  size_t size() const { return empty() ? 0 : 1 + (m_rest ? m_rest->size() : 0); }
  FutureCallback& operator[](size_t i) { return i == 0 ? m_first : (*m_rest)[i - 1]; }
  FutureCallback& back() { return m_rest ? m_rest->back() : m_first; }
  void push_back(FutureCallback callback);
  void erase(size_t i);
  void clear();
  // Moves the callbacks out, in order, leaving the list empty.
  std::vector<FutureCallback> take();

 private:
  FutureCallback m_first;                        // empty: no callbacks
  std::vector<FutureCallback>* m_rest = nullptr;  // the second on, if any
};

// What few futures need: those that failed or were cancelled.
struct FutureRare {
  Ref exception_traceback;
  Ref cancel_message;
  Ref cancelled_exception;  // the CancelledError a Task caught, reused by result()
  Ref dict;                 // attributes set on the future (it has no __dict__, as CPython's)
};

struct FutureObject : Object {
  Ref m_loop;
  Ref m_result;
  Ref m_exception;
  FutureRare* m_rare = nullptr;  // made on first need; freed with the future
  CallbackList m_callbacks;
  FutureState m_state = FutureState::Pending;
  bool m_blocking = false;       // _asyncio_future_blocking
  bool m_log_traceback = false;  // an exception nobody retrieved yet
  bool m_is_task = false;

  ~FutureObject() { delete m_rare; }
  FutureRare& rare() {
    if (m_rare == nullptr) m_rare = new FutureRare;
    return *m_rare;
  }
  // The rare fields, null when never set.
  Value exception_traceback() const { return m_rare ? m_rare->exception_traceback.get() : Value(); }
  Value cancel_message() const { return m_rare ? m_rare->cancel_message.get() : Value(); }
};

struct TaskObject : FutureObject {
  int32_t m_num_cancels_requested = 0;  // first: it fits in FutureObject's tail padding
  Ref m_coro;
  // The name: a str, or until first asked the task's number (a small int)
  // that makes its default name "Task-N".
  Ref m_name;
  Ref m_fut_waiter;      // the future the task waits on
  Ref m_context;         // the Context its steps run in; null: an empty one, made on first use
  bool m_must_cancel = false;
  bool m_log_destroy_pending = true;
  bool m_counted_live = false;
  // All live tasks, for all_tasks(): an intrusive list (not owning).
  TaskObject* m_previous_task = nullptr;
  TaskObject* m_next_task = nullptr;
};

extern Type event_loop_type, handle_type, timer_handle_type, future_type, future_iter_type, task_type;
// asyncio's Event, Lock, Semaphore and BoundedSemaphore (runtime/loop/locks.cpp),
// its Queue, PriorityQueue and LifoQueue (runtime/loop/queues.cpp), and the
// coroutine objects their waits return.
extern Type event_type, lock_type, semaphore_type, bounded_semaphore_type, primitive_wait_type;
extern Type queue_type, priority_queue_type, lifo_queue_type;

// A task parked on a wait object it yielded (runtime/loop/locks.cpp):
// the object stands for the future CPython's task would wait on.
inline bool is_wait_object(Value v) { return v.is_object() && v.type() == &primitive_wait_type; }
// Makes `task` the one the wait wakes; the wait yielded itself to it.
void wait_park_task(Value wait, TaskObject* task);
// Task.cancel() while parked, as Future.cancel(msg): false if it was
// already woken. Otherwise the task steps soon with CancelledError thrown in.
bool wait_cancel(Value wait, Value message);
// The repr of the future the wait stands for, for the task's repr.
std::string wait_future_repr(Value wait);
// A task's step of a wait object that is its coroutine (create_task(ev.wait())):
// what it yields, or null with StopIteration or the error pending.
Ref wait_resume(Value wait, Value exception);

inline bool is_future(Value v) { return v.is_object() && isinstance(v, &future_type); }
inline bool is_task(Value v) { return v.is_object() && isinstance(v, &task_type); }
inline bool FutureCallback::is_wakeup() const {
  return !context && (function.type() == &task_type || is_task(function));
}
inline bool is_event_loop(Value v) { return v.is_object() && isinstance(v, &event_loop_type); }

// The exception types the module defines (asyncio.exceptions), made when
// `_asyncio` is first imported.
extern Type* g_cancelled_error_type;
extern Type* g_invalid_state_error_type;
// asyncio.QueueEmpty and asyncio.QueueFull (asyncio.queues).
extern Type* g_queue_empty_type;
extern Type* g_queue_full_type;

// --- The loop -------------------------------------------------------------

Ref make_event_loop();
// Schedules work; takes the item's references.
void loop_push_ready(EventLoopObject* loop, ReadyItem item);
// call_soon(callback, *args) in a copy of the current context.
Ref loop_call_soon(EventLoopObject* loop, Value callback, Value args_tuple);
// A Handle (or TimerHandle, by `type`) running callback(*args) in
// `context`: a copy of the current context when null or None, as CPython's.
Ref make_handle(Type* type, Value loop, Value callback, Value args, Value context);
// The same, in `context` (a Context, not null).
bool loop_call_soon_in_context(EventLoopObject* loop, Value callback, Value args_tuple, Value context);
// One iteration (CPython's _run_once); without `may_block` it does not wait
// for timers, and it waits no later than the loop time `wait_until` (the
// clock is then at it: a notebook's pause between cells lets loop time pass
// even when no timer falls in it). False with an exception pending when a
// callback raised SystemExit or KeyboardInterrupt.
bool loop_run_once(EventLoopObject* loop, bool may_block = true, double wait_until = HUGE_VAL);
// Runs the loop until stop(); false with an exception pending on error.
bool loop_run_forever(EventLoopObject* loop);
// loop.call_exception_handler(context): the handler set, or the default's
// report on stderr.
void loop_call_exception_handler(Value loop, Value context);
// Whether the loop can still make progress for its tasks: ready work, or
// live tasks and timers that may wake them.
bool loop_has_work(EventLoopObject* loop);

// Installs `loop`'s async generator hooks (sys.set_asyncgen_hooks), as a
// loop does while it runs; the previous hooks are stored in `saved`.
bool loop_install_asyncgen_hooks(EventLoopObject* loop, Ref saved[2]);
void loop_restore_asyncgen_hooks(Ref saved[2]);

// The running loop (CPython's _get_running_loop), or null. At the top
// level of a script, notebook cell or REPL line — code not called from a
// loop callback — this is the top-level loop, made on first use.
Value running_loop();
// The top-level loop, or null if none was made.
Value top_level_loop();
// Whether a loop may be run now (asyncio.run, run_until_complete,
// run_forever): no loop is running, or only the top-level loop while
// top-level code runs outside its callbacks (DESIGN §3).
bool may_run_loop();
// Marks top-level code as running (or not) outside the loop's callbacks.
void set_top_level_running(bool running);
// The loop set by set_event_loop(), or null.
Value current_event_loop();
void set_current_event_loop(Value loop);  // null clears it

// The running loop, the set_event_loop() loop and the top-level flag of a
// thread not holding the GIL (runtime/threads.h): each thread has its own.
struct LoopThreadState {
  Ref running_loop;
  Ref event_loop;
  bool top_level_running = false;
};
void swap_loop_thread_state(LoopThreadState& state);

// --- Futures and tasks ----------------------------------------------------

// A new pending Future on `loop`.
Ref make_future(Value loop);
bool future_set_result(FutureObject* future, Value result);
bool future_set_exception(FutureObject* future, Value exception);
bool future_cancel(FutureObject* future, Value message);
// The result, raising the exception or CancelledError; InvalidStateError
// if pending.
Ref future_result(FutureObject* future);
// A new Task running `coro` on `loop`, scheduled to start, in `context`
// (null: a copy of the current one; for top-level code, the current one).
Ref make_task(Value coro, Value loop, Value name, bool top_level = false, Value context = Value());
// Counts a task CPython would have made here, for the "Task-N" names.
void task_skip_name_number();
// The task being stepped on `loop`, or null.
Value current_task_of(Value loop);
// Every task not done, of `loop` (or of every loop if null), in creation order.
Ref all_tasks_list(Value loop);
// Runs one step of `task` (CPython's Task.__step). False with an exception
// pending only for SystemExit and KeyboardInterrupt, which propagate.
bool task_step(TaskObject* task, Value exception);
bool task_wakeup(TaskObject* task, FutureObject* future);
// Whether `v` is a coroutine asyncio accepts (a coroutine object, or an
// object with send/throw/close and __await__).
bool is_coroutine_object(Value v);

// "<f() running at FILE:LINE>"'s inside, as asyncio formats a coroutine.
std::string format_coroutine(Value coro);
// "f(1, 2) at FILE:LINE", as asyncio formats a callback.
std::string format_callback_source(Value callback, Value args_tuple);

}  // namespace coil
