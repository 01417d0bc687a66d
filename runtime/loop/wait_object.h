// The native waits of asyncio's primitives and queues, shared by
// runtime/loop/locks.cpp (Event, Lock, Semaphore, BoundedSemaphore, which
// defines the wait objects) and runtime/loop/queues.cpp (Queue and its
// PriorityQueue and LifoQueue).
//
// A wait object stands for the coroutine CPython's `async def` method
// returns (Lock.acquire(), Queue.get()…). It is the waiter its owner keeps,
// in an intrusive list that holds a reference to it. When what it yields
// goes straight to the task stepping it (g_thread.stepping_task) it yields
// itself, and the task parks on it as on a future; driven by hand it yields
// a real future, as CPython's does.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct WaitObject;

// The waiters of one primitive, or of one side of a queue, oldest first.
struct WaiterList {
  WaitObject* m_first = nullptr;
  WaitObject* m_last = nullptr;
  size_t m_count = 0;
  bool m_ever_used = false;  // Lock's and Semaphore's _waiters: a deque, no longer None
};

// What owns waiters: the loop it binds to on its first wait, as CPython's
// _LoopBoundMixin.
struct WaitOwner : Object {
  Ref m_loop;
};

// Event, Lock, Semaphore and BoundedSemaphore.
struct PrimitiveObject : WaitOwner {
  WaiterList m_waiters;
  int64_t m_value = 0;        // Semaphore: the counter
  int64_t m_bound_value = 0;  // BoundedSemaphore: the initial value
  bool m_flag = false;        // Event: set; Lock: locked
};

enum class WaitState : uint8_t {
  Created,  // not started: the coroutine's body has not run
  Parked,   // waits, in its owner's list (a woken queue waiter has left it)
  Done,     // returned, raised or was closed
};

// How a parked wait ends: it stands for its future's state.
enum class WaitOutcome : uint8_t { Pending, Woken, Cancelled };

// Which coroutine a wait object stands for.
enum class WaitKind : uint8_t {
  EventWait,          // Event.wait(): True
  LockAcquire,        // Lock.acquire(): True
  LockEnter,          // Lock.__aenter__(): acquire, then None
  LockExit,           // Lock.__aexit__(): release, then None
  SemaphoreAcquire,   // Semaphore.acquire(): True
  SemaphoreEnter,     // Semaphore.__aenter__(): acquire, then None
  SemaphoreExit,      // Semaphore.__aexit__(): release, then None
  QueueGet,           // Queue.get(): the item
  QueuePut,           // Queue.put(item): None
  QueueJoin,          // Queue.join(): waits on the queue's Event, then None
};

inline bool is_queue_kind(WaitKind kind) { return kind == WaitKind::QueueGet || kind == WaitKind::QueuePut; }

struct WaitObject : Object {
  Ref m_owner;  // the primitive or queue; QueueJoin: the queue's Event
  // While parked: the future it yielded, when Python code drives it; or the
  // task that parked on it.
  Ref m_future;
  Ref m_task;
  Ref m_item;                  // QueuePut: the item; QueueJoin: the queue
  WaiterList* m_list = nullptr;  // the list it is linked in (inside m_owner)
  WaitObject* m_previous = nullptr;
  WaitObject* m_next = nullptr;
  WaitKind m_kind = WaitKind::EventWait;
  WaitState m_state = WaitState::Created;
  WaitOutcome m_outcome = WaitOutcome::Pending;  // when parked with a task
};

// Appends the waiter to `list`, which takes a reference to it.
void link_waiter(WaiterList* list, WaitObject* waiter);
// Takes the waiter out of its list (if in one) and drops the list's
// reference, which may be the last: a caller that goes on using it keeps its own.
void unlink_waiter(WaitObject* waiter);
void unlink_all(WaiterList* list);
void traverse_waiters(const WaiterList& list, VisitFn visit, void* context);
// CPython keeps waiting futures in a deque: a copy of it (a wait a task
// parked on stands for its future).
Ref waiters_deque(const WaiterList& list);

// The running loop, bound to `owner` on first use (_LoopBoundMixin._get_loop):
// null with RuntimeError if none runs or the owner is bound to another.
Value bind_loop(Value owner);

// Whether the waiter's future is done (for a parked task: woken or
// cancelled), and whether it was cancelled.
bool waiter_done(WaitObject* waiter);
bool waiter_cancelled(WaitObject* waiter);
// fut.set_result(...) for a waiter not done yet (the result its kind's
// future gets: True for locks, None for queues).
bool wake_waiter(WaitObject* waiter);
// fut.cancel() for a future a waiter yielded by hand, if still pending.
void cancel_waiter_future(WaitObject* waiter);

Ref new_wait(Value owner, WaitKind kind);
// Parks the waiter in `list`: on the stepping task (it yields itself), or
// on a new future it yields. Null with the error if the loop binding fails.
Ref park(WaitObject* waiter, WaiterList* list);
// Ends the wait: out of its list, its future and task dropped.
void finish_wait(WaitObject* waiter);

// The one optional argument of CPython's `def __init__(self, value=1)`
// (Semaphore, Queue), with a Python function's messages; null if not given.
bool bind_init_argument(const char* class_name, const char* parameter, const Value* args, size_t nargs,
                        TupleObject* kwnames, Value& out);

// Event.set() and Event.clear() on a native Event (the queue's _finished).
bool event_set_flag(Value event);
void event_clear_flag(Value event);
Ref make_native_event();

// queues.cpp: one step of a QueueGet or QueuePut wait, with `exception`
// thrown in (or none): what it yields, or null with StopIteration or the error.
Ref queue_wait_resume(WaitObject* waiter, Value exception);
// queues.cpp: the queue's _unfinished_tasks, for Queue.join().
int64_t queue_unfinished_tasks(Value queue);

}  // namespace coil
