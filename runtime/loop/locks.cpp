// asyncio's Event and Lock in C++ (CPython writes them in Python,
// asyncio/locks.py), with their behaviour: waiters served in the order they
// came, a cancelled waiter handing a lock's wake-up on, the loop a
// primitive binds to on its first wait.
//
// CPython's Event.wait() and Lock.acquire() are coroutines that make a
// future, append it to the primitive's deque, await it and remove it again
// in a `finally`. Here they return a small native object that behaves as
// that coroutine (send/throw/close/__await__, "never awaited" when dropped
// unstarted); it is the waiter the primitive keeps, in an intrusive list it
// owns a reference through. When what it yields goes straight to the task
// stepping it (g_thread.stepping_task, runtime/generator.h) it yields
// itself, and the task parks on it as on a future (handle_yield): a
// wake-up schedules the task's step, Task.cancel() cancels the wait.
// Otherwise — Python code drives the coroutine by hand — it yields a real
// future, as CPython's does. A task parked on a primitive thus costs this
// object alone, not a coroutine with its frame and a future.
#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/generator.h"
#include "runtime/list.h"
#include "runtime/loop/loop.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/warnings.h"
#include "vm/import.h"

namespace coil {

namespace {

struct WaitObject;

// What Event and Lock share: the loop they bind to, their waiters.
struct PrimitiveObject : Object {
  Ref m_loop;  // bound on the first wait
  // The waiters, oldest first. The list holds a reference to each.
  WaitObject* m_first = nullptr;
  WaitObject* m_last = nullptr;
  size_t m_waiting = 0;
  bool m_flag = false;         // Event: set; Lock: locked
  bool m_had_waiters = false;  // Lock: _waiters is a deque, not None
};

enum class WaitState : uint8_t {
  Created,  // not started: the coroutine's body has not run
  Parked,   // waits, in its primitive's list
  Done,     // returned, raised or was closed
};

// How a parked wait ends: it stands for its future's state.
enum class WaitOutcome : uint8_t { Pending, Woken, Cancelled };

// Which coroutine a wait object stands for.
enum class WaitKind : uint8_t {
  EventWait,     // Event.wait(): True
  LockAcquire,   // Lock.acquire(): True
  LockEnter,     // Lock.__aenter__(): acquire, then None
  LockExit,      // Lock.__aexit__(): release, then None
};

struct WaitObject : Object {
  Ref m_owner;  // the Event or Lock
  // While parked: the future it yielded, when Python code drives it; or the
  // task that parked on it.
  Ref m_future;
  Ref m_task;
  WaitObject* m_previous = nullptr;
  WaitObject* m_next = nullptr;
  WaitKind m_kind = WaitKind::EventWait;
  WaitState m_state = WaitState::Created;
  WaitOutcome m_outcome = WaitOutcome::Pending;  // when parked with a task
  bool m_linked = false;
};

PrimitiveObject* as_primitive(Value v) { return v.as<PrimitiveObject>(); }
WaitObject* as_wait(Value v) { return v.as<WaitObject>(); }

const char* wait_qualname(WaitKind kind) {
  switch (kind) {
    case WaitKind::EventWait:
      return "Event.wait";
    case WaitKind::LockAcquire:
      return "Lock.acquire";
    case WaitKind::LockEnter:
      return "_ContextManagerMixin.__aenter__";
    case WaitKind::LockExit:
      return "_ContextManagerMixin.__aexit__";
  }
  return "";
}

void link_waiter(PrimitiveObject* owner, WaitObject* waiter) {
  incref(Value(waiter));
  waiter->m_previous = owner->m_last;
  waiter->m_next = nullptr;
  if (owner->m_last != nullptr) {
    owner->m_last->m_next = waiter;
  } else {
    owner->m_first = waiter;
  }
  owner->m_last = waiter;
  waiter->m_linked = true;
  ++owner->m_waiting;
  owner->m_had_waiters = true;
}

// Takes the waiter out of its primitive's list and drops the list's
// reference (which may be the last: the caller keeps its own).
void unlink_waiter(WaitObject* waiter) {
  if (!waiter->m_linked) return;
  PrimitiveObject* owner = as_primitive(waiter->m_owner);
  if (waiter->m_previous != nullptr) {
    waiter->m_previous->m_next = waiter->m_next;
  } else {
    owner->m_first = waiter->m_next;
  }
  if (waiter->m_next != nullptr) {
    waiter->m_next->m_previous = waiter->m_previous;
  } else {
    owner->m_last = waiter->m_previous;
  }
  waiter->m_previous = waiter->m_next = nullptr;
  waiter->m_linked = false;
  --owner->m_waiting;
  decref(Value(waiter));
}

void unlink_all(PrimitiveObject* owner) {
  while (owner->m_first != nullptr) unlink_waiter(owner->m_first);
}

// The loop-binding of CPython's _LoopBoundMixin._get_loop.
Value bind_loop(Value self) {
  PrimitiveObject* owner = as_primitive(self);
  Value loop = running_loop();
  if (!loop) {
    raise(&runtime_error_type, "no running event loop");
    return Value();
  }
  if (!owner->m_loop || is_none(owner->m_loop)) owner->m_loop = ref(loop);
  if (!owner->m_loop.get().is(loop)) {
    Ref text = repr(self);
    if (!text) return Value();
    raise(&runtime_error_type, std::string(str_view(text)) + " is bound to a different event loop");
    return Value();
  }
  return loop;
}

// A parked task's next step, with `exception` thrown in (or none), as the
// future's done callback would schedule it.
void wake_task(WaitObject* waiter, Object* exception) {
  TaskObject* task = waiter->m_task.as<TaskObject>();
  incref(Value(task));
  loop_push_ready(task->m_loop.as<EventLoopObject>(), {ReadyItem::Kind::TaskStep, Value(task).as_object(), exception});
}

// Whether the waiter's future is done (for a parked task: woken or cancelled).
bool waiter_done(WaitObject* w) {
  if (w->m_future) return w->m_future.as<FutureObject>()->m_state != FutureState::Pending;
  return w->m_outcome != WaitOutcome::Pending;
}
bool waiter_cancelled(WaitObject* w) {
  if (w->m_future) return w->m_future.as<FutureObject>()->m_state == FutureState::Cancelled;
  return w->m_outcome == WaitOutcome::Cancelled;
}

// fut.set_result(True) for a waiter not done yet.
bool wake_waiter(WaitObject* w) {
  if (w->m_future) {
    FutureObject* future = w->m_future.as<FutureObject>();
    return future->m_state != FutureState::Pending || future_set_result(future, py_bool(true));
  }
  if (w->m_outcome == WaitOutcome::Pending) {
    w->m_outcome = WaitOutcome::Woken;
    wake_task(w, nullptr);
  }
  return true;
}

Ref new_wait(Value owner, WaitKind kind) {
  Object* object = allocate_object(&primitive_wait_type);
  if (object == nullptr) return raise_no_memory();
  WaitObject* waiter = construct_body<WaitObject>(object);
  waiter->m_owner = ref(owner);
  waiter->m_kind = kind;
  return Ref::steal(object);
}

// CPython's __init__(self) of these classes is a Python function: its messages.
bool check_no_arguments(const char* name, size_t nargs, TupleObject* kwnames) {
  Args args{nullptr, nargs, kwnames};
  if (args.keyword_count() > 0) {
    Value key = tuple_item(Value(kwnames), 0);
    raise(&type_error_type, std::string(name) + ".__init__() got an unexpected keyword argument '" +
                                std::string(str_view(key)) + "'");
    return false;
  }
  if (nargs > 0) {
    raise_format(&type_error_type, "%s.__init__() takes 1 positional argument but %zu were given", name, nargs + 1);
    return false;
  }
  return true;
}

Ref primitive_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<PrimitiveObject>(object);
  return Ref::steal(object);
}

void primitive_destroy(Object* object) {
  auto* owner = static_cast<PrimitiveObject*>(object);
  unlink_all(owner);
  owner->~PrimitiveObject();
}

void primitive_traverse(Object* object, VisitFn visit, void* context) {
  auto* owner = static_cast<PrimitiveObject*>(object);
  if (owner->m_loop) visit(owner->m_loop.get(), context);
  for (WaitObject* w = owner->m_first; w != nullptr; w = w->m_next) visit(Value(w), context);
}

void primitive_clear_references(Object* object) {
  auto* owner = static_cast<PrimitiveObject*>(object);
  unlink_all(owner);
  owner->m_loop.reset();
}

// CPython's repr of these: object.__repr__ with "[STATE, waiters:N]".
Ref primitive_repr(Value self, const char* state) {
  PrimitiveObject* owner = as_primitive(self);
  Ref base = object_type.m_repr(self);  // object.__repr__
  if (!base) return {};
  std::string_view text = str_view(base);
  std::string extra = state;
  if (owner->m_waiting > 0) extra += ", waiters:" + std::to_string(owner->m_waiting);
  return make_str("<" + std::string(text.substr(1, text.size() - 2)) + " [" + extra + "]>");
}

Ref primitive_get_loop_method(Value self, Args) {
  Value loop = bind_loop(self);
  return loop ? ref(loop) : Ref();
}

Ref primitive_get_loop(Value self) {
  PrimitiveObject* owner = as_primitive(self);
  return owner->m_loop ? owner->m_loop : new_none();
}
bool primitive_set_loop(Value self, Value value) {
  as_primitive(self)->m_loop = value ? ref(value) : Ref();
  return true;
}

Ref primitive_get_flag(Value self) { return new_bool(as_primitive(self)->m_flag); }
bool primitive_set_flag(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "can't delete attribute"), false;
  int truth = is_true(value);
  if (truth < 0) return false;
  as_primitive(self)->m_flag = truth != 0;
  return true;
}

// CPython keeps the waiting futures in a deque; this is a copy of it (a
// wait a task parked on stands for its future).
Ref primitive_get_waiters(Value self) {
  Ref futures = make_list();
  if (!futures) return {};
  for (WaitObject* w = as_primitive(self)->m_first; w != nullptr; w = w->m_next) {
    list_append(futures, w->m_future ? w->m_future : ref(Value(w)));
  }
  Ref collections = import_module("collections");
  if (!collections) return {};
  return call_method(collections, "deque", {futures.get()});
}

// --- Event ------------------------------------------------------------------------

bool event_init(Value, const Value*, size_t nargs, TupleObject* kwnames) {
  return check_no_arguments("Event", nargs, kwnames);
}

Ref event_repr(Value self) { return primitive_repr(self, as_primitive(self)->m_flag ? "set" : "unset"); }

Ref event_is_set(Value self, Args) { return new_bool(as_primitive(self)->m_flag); }

Ref event_set(Value self, Args) {
  PrimitiveObject* event = as_primitive(self);
  if (event->m_flag) return new_none();
  event->m_flag = true;
  // The waiters stay listed until each resumes, as CPython's futures stay
  // in its deque until each wait() returns.
  for (WaitObject* w = event->m_first; w != nullptr; w = w->m_next) {
    if (!wake_waiter(w)) return {};
  }
  return new_none();
}

Ref event_clear(Value self, Args) {
  as_primitive(self)->m_flag = false;
  return new_none();
}

Ref event_wait(Value self, Args) { return new_wait(self, WaitKind::EventWait); }

const MethodDef kEventMethods[] = {
    {"is_set", event_is_set, ArgKind::NoArgs, "Return True if and only if the internal flag is true."},
    {"set", event_set, ArgKind::NoArgs, "Set the internal flag to true. All coroutines waiting for it are awakened."},
    {"clear", event_clear, ArgKind::NoArgs, "Reset the internal flag to false."},
    {"wait", event_wait, ArgKind::NoArgs, "Block until the internal flag is true; return True."},
    {"_get_loop", primitive_get_loop_method, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kEventGetSet[] = {
    {"_value", primitive_get_flag, primitive_set_flag},
    {"_loop", primitive_get_loop, primitive_set_loop},
    {"_waiters", primitive_get_waiters},
    {nullptr, nullptr},
};

// --- Lock ---------------------------------------------------------------------------

bool lock_init(Value, const Value*, size_t nargs, TupleObject* kwnames) {
  return check_no_arguments("Lock", nargs, kwnames);
}

Ref lock_repr(Value self) { return primitive_repr(self, as_primitive(self)->m_flag ? "locked" : "unlocked"); }

Ref lock_locked(Value self, Args) { return new_bool(as_primitive(self)->m_flag); }

// Only the first waiter is considered: if it is already done it will run
// later and either take the lock or pass the wake-up on.
bool lock_wake_up_first(PrimitiveObject* lock) {
  WaitObject* first = lock->m_first;
  if (first == nullptr || waiter_done(first)) return true;
  return wake_waiter(first);
}

bool lock_release(PrimitiveObject* lock) {
  if (!lock->m_flag) {
    raise(&runtime_error_type, "Lock is not acquired.");
    return false;
  }
  lock->m_flag = false;
  return lock_wake_up_first(lock);
}

Ref lock_release_method(Value self, Args) { return lock_release(as_primitive(self)) ? new_none() : Ref(); }
Ref lock_acquire(Value self, Args) { return new_wait(self, WaitKind::LockAcquire); }
Ref lock_aenter(Value self, Args) { return new_wait(self, WaitKind::LockEnter); }
Ref lock_aexit(Value self, Args args) {
  if (!check_positional("__aexit__", args, 3, 3)) return {};
  return new_wait(self, WaitKind::LockExit);
}
Ref lock_wake_up_first_method(Value self, Args) {
  return lock_wake_up_first(as_primitive(self)) ? new_none() : Ref();
}

// _waiters: None until the first waiter, then the deque.
Ref lock_get_waiters(Value self) {
  if (!as_primitive(self)->m_had_waiters) return new_none();
  return primitive_get_waiters(self);
}

const MethodDef kLockMethods[] = {
    {"locked", lock_locked, ArgKind::NoArgs, "Return True if lock is acquired."},
    {"acquire", lock_acquire, ArgKind::NoArgs, "Acquire a lock."},
    {"release", lock_release_method, ArgKind::NoArgs, "Release a lock."},
    {"__aenter__", lock_aenter, ArgKind::NoArgs},
    {"__aexit__", lock_aexit, ArgKind::VarArgs},
    {"_wake_up_first", lock_wake_up_first_method, ArgKind::NoArgs},
    {"_get_loop", primitive_get_loop_method, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kLockGetSet[] = {
    {"_locked", primitive_get_flag, primitive_set_flag},
    {"_loop", primitive_get_loop, primitive_set_loop},
    {"_waiters", lock_get_waiters},
    {nullptr, nullptr},
};

// --- The wait objects ----------------------------------------------------------------

// Ends the wait: out of its primitive's list, its future dropped.
void finish_wait(WaitObject* waiter) {
  waiter->m_state = WaitState::Done;
  Ref keep = ref(Value(waiter));
  unlink_waiter(waiter);
  waiter->m_future.reset();
  waiter->m_task.reset();
}

bool is_lock_kind(WaitKind kind) { return kind == WaitKind::LockAcquire || kind == WaitKind::LockEnter; }

// The coroutine returns: StopIteration(True) for wait() and acquire(),
// StopIteration() for __aenter__ and __aexit__.
Ref wait_return(WaitObject* waiter) {
  bool returns_true = waiter->m_kind == WaitKind::EventWait || waiter->m_kind == WaitKind::LockAcquire;
  raise_with(&stop_iteration_type, returns_true ? py_bool(true) : Value());
  return {};
}

// A CancelledError came out of the await in Lock.acquire(): a wake-up it
// may have received goes to the next waiter.
bool lock_pass_wake_up_on(WaitObject* waiter) {
  PrimitiveObject* lock = as_primitive(waiter->m_owner);
  Ref keep_error = fetch_exception();
  bool ok = lock->m_flag || lock_wake_up_first(lock);
  if (!ok) return false;  // the new error replaces the CancelledError
  restore_exception(std::move(keep_error));
  return true;
}

// Parks the waiter: on the stepping task, or on a new future it yields.
Ref park(WaitObject* waiter) {
  PrimitiveObject* owner = as_primitive(waiter->m_owner);
  waiter->m_state = WaitState::Done;  // until parked: an error ends the coroutine
  Value loop = bind_loop(waiter->m_owner);
  if (!loop) return {};
  if (g_thread.stepping_task != nullptr) {
    // Yielded straight to the task: it parks on this object.
    waiter->m_state = WaitState::Parked;
    link_waiter(owner, waiter);
    return ref(Value(waiter));
  }
  Ref future = make_future(loop);
  if (!future) return {};
  waiter->m_future = future;
  waiter->m_state = WaitState::Parked;
  link_waiter(owner, waiter);
  future.as<FutureObject>()->m_blocking = true;
  return future;
}

// One step of the coroutine: the future (or itself) to wait on, or null
// with StopIteration (or the error) pending.
Ref wait_step(WaitObject* waiter) {
  PrimitiveObject* owner = as_primitive(waiter->m_owner);
  switch (waiter->m_state) {
    case WaitState::Created: {
      switch (waiter->m_kind) {
        case WaitKind::EventWait:
          if (owner->m_flag) {
            waiter->m_state = WaitState::Done;
            return wait_return(waiter);
          }
          break;
        case WaitKind::LockAcquire:
        case WaitKind::LockEnter: {
          // Taking the lock at once is fair only if nobody is queued
          // (waiters that were all cancelled do not count).
          bool queued = false;
          for (WaitObject* w = owner->m_first; w != nullptr && !queued; w = w->m_next) queued = !waiter_cancelled(w);
          if (!owner->m_flag && !queued) {
            owner->m_flag = true;
            waiter->m_state = WaitState::Done;
            return wait_return(waiter);
          }
          break;
        }
        case WaitKind::LockExit:
          waiter->m_state = WaitState::Done;
          if (!lock_release(owner)) return {};
          return wait_return(waiter);
      }
      return park(waiter);
    }
    case WaitState::Parked: {
      bool cancelled = waiter_cancelled(waiter);
      bool done = waiter_done(waiter);
      Ref future = waiter->m_future;
      finish_wait(waiter);
      if (!done) return raise(&runtime_error_type, "await wasn't used with future");
      if (cancelled) {
        // The future's CancelledError (with its message), or a plain one.
        if (future) {
          future_result(future.as<FutureObject>());
        } else {
          Ref no_args = make_tuple(size_t(0));
          Ref error = no_args ? make_exception(g_cancelled_error_type, no_args) : Ref();
          if (error) raise_value(error);
        }
        if (is_lock_kind(waiter->m_kind)) lock_pass_wake_up_on(waiter);
        return {};
      }
      if (is_lock_kind(waiter->m_kind)) owner->m_flag = true;
      return wait_return(waiter);
    }
    case WaitState::Done:
      break;
  }
  return raise(&runtime_error_type, "cannot reuse already awaited coroutine");
}

Ref wait_iternext(Value self) { return wait_step(as_wait(self)); }

Ref wait_send(Value self, Args args) {
  ManualDrive manual;
  WaitObject* waiter = as_wait(self);
  if (waiter->m_state == WaitState::Created && !is_none(args[0])) {
    return raise(&type_error_type, "can't send non-None value to a just-started coroutine");
  }
  return wait_step(waiter);
}

Ref wait_throw(Value self, Args args) {
  ManualDrive manual;
  WaitObject* waiter = as_wait(self);
  if (waiter->m_state == WaitState::Done) return raise(&runtime_error_type, "cannot reuse already awaited coroutine");
  // Raised where the coroutine waits (or at its start): it ends with it.
  bool was_parked = waiter->m_state == WaitState::Parked;
  finish_wait(waiter);
  Ref exception = thrown_exception(args);  // checks the arguments too
  if (!exception) return {};
  raise_value(exception);
  if (was_parked && is_lock_kind(waiter->m_kind) && isinstance(exception, g_cancelled_error_type)) {
    lock_pass_wake_up_on(waiter);
  }
  return {};
}

Ref wait_close(Value self, Args) {
  finish_wait(as_wait(self));
  return new_none();
}

Ref wait_await(Value self, Args) {
  if (as_wait(self)->m_state == WaitState::Parked) {
    return raise(&runtime_error_type, "coroutine is being awaited already");
  }
  return ref(self);
}

Ref wait_repr(Value self) {
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(self.as_object()));
  return make_str(std::string("<coroutine object ") + wait_qualname(as_wait(self)->m_kind) + " at " + address + ">");
}

// Dropped before it started: "never awaited", as a coroutine.
void wait_finalize(Object* object) {
  auto* waiter = static_cast<WaitObject*>(object);
  if (waiter->m_state != WaitState::Created) return;
  waiter->m_state = WaitState::Done;
  Ref saved = fetch_exception();
  warn_at_current_frame(&runtime_warning_type,
                        std::string("coroutine '") + wait_qualname(waiter->m_kind) + "' was never awaited", Value(object));
  restore_exception(std::move(saved));
}

void wait_destroy(Object* object) { static_cast<WaitObject*>(object)->~WaitObject(); }

void wait_traverse(Object* object, VisitFn visit, void* context) {
  auto* waiter = static_cast<WaitObject*>(object);
  if (waiter->m_owner) visit(waiter->m_owner.get(), context);
  if (waiter->m_future) visit(waiter->m_future.get(), context);
  if (waiter->m_task) visit(waiter->m_task.get(), context);
}

// A waiter still listed is owned by its event, which the collector clears.
void wait_clear_references(Object* object) {
  auto* waiter = static_cast<WaitObject*>(object);
  waiter->m_future.reset();
  waiter->m_task.reset();
}

Ref wait_get_qualname(Value self) { return make_str(wait_qualname(as_wait(self)->m_kind)); }
Ref wait_get_name(Value self) {
  std::string_view qualname = wait_qualname(as_wait(self)->m_kind);
  return make_str(qualname.substr(qualname.rfind('.') + 1));
}
// What the coroutine awaits: its future's iterator, as `await fut` makes.
Ref wait_get_await(Value self) {
  WaitObject* waiter = as_wait(self);
  return waiter->m_future ? call_method(waiter->m_future, "__await__", {}) : new_none();
}
Ref wait_get_false(Value) { return new_bool(false); }
Ref wait_get_suspended(Value self) { return new_bool(as_wait(self)->m_state == WaitState::Parked); }
Ref wait_get_none(Value) { return new_none(); }

const MethodDef kWaitMethods[] = {
    {"send", wait_send, ArgKind::OneArg},
    {"throw", wait_throw, ArgKind::VarArgs},
    {"close", wait_close, ArgKind::NoArgs},
    {"__await__", wait_await, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kWaitGetSet[] = {
    {"__name__", wait_get_name},
    {"__qualname__", wait_get_qualname},
    {"cr_await", wait_get_await},
    {"cr_running", wait_get_false},
    {"cr_suspended", wait_get_suspended},
    {"cr_frame", wait_get_none},
    {"cr_origin", wait_get_none},
    {nullptr, nullptr},
};

}  // namespace

void wait_park_task(Value wait, TaskObject* task) { as_wait(wait)->m_task = ref(Value(task)); }

bool wait_cancel(Value wait, Value message) {
  WaitObject* waiter = as_wait(wait);
  if (waiter->m_outcome != WaitOutcome::Pending || !waiter->m_task) return false;
  waiter->m_outcome = WaitOutcome::Cancelled;
  // The CancelledError the cancelled future's result() would raise.
  Ref args = message && !is_none(message) ? make_tuple({message}) : make_tuple(size_t(0));
  Ref error = args ? make_exception(g_cancelled_error_type, args) : Ref();
  // Out of memory: no exception to throw; the step resumes the wait, which
  // raises a plain CancelledError for its cancelled outcome.
  if (!error) clear_exception();
  wake_task(waiter, error ? error.release().as_object() : nullptr);
  return true;
}

std::string wait_future_repr(Value wait) {
  switch (as_wait(wait)->m_outcome) {
    case WaitOutcome::Pending:
      return "<Future pending cb=[Task.task_wakeup()]>";
    case WaitOutcome::Woken:
      return "<Future finished result=True>";
    case WaitOutcome::Cancelled:
      return "<Future cancelled>";
  }
  return "";
}

Ref wait_resume(Value wait, Value exception) {
  if (!exception) return wait_step(as_wait(wait));
  Value args[1] = {exception};
  return wait_throw(wait, Args{args, 1, nullptr});
}

Type event_type, lock_type, primitive_wait_type;

static struct LockTypesSetup {
  LockTypesSetup() {
    for (Type* t : {&event_type, &lock_type}) {
      t->m_size = sizeof(PrimitiveObject);
      t->m_flags = kTypeBaseType | kTypeHasGC | kTypeHasDict | kTypeWeakrefable | kTypePythonClass;
      t->m_new = primitive_new;
      t->m_destroy = primitive_destroy;
      t->m_traverse = primitive_traverse;
      t->m_clear = primitive_clear_references;
    }
    event_type.m_tp_name = "asyncio.locks.Event";
    event_type.m_doc = "Asynchronous equivalent to threading.Event.";
    event_type.m_init = event_init;
    event_type.m_repr = event_repr;
    event_type.m_methods = kEventMethods;
    event_type.m_getset = kEventGetSet;

    lock_type.m_tp_name = "asyncio.locks.Lock";
    lock_type.m_doc = "Primitive lock objects.";
    lock_type.m_init = lock_init;
    lock_type.m_repr = lock_repr;
    lock_type.m_methods = kLockMethods;
    lock_type.m_getset = kLockGetSet;

    // It stands for the coroutine objects CPython's Event.wait(),
    // Lock.acquire(), __aenter__() and __aexit__() return.
    primitive_wait_type.m_tp_name = "coroutine";
    primitive_wait_type.m_size = sizeof(WaitObject);
    primitive_wait_type.m_flags = kTypeHasGC;
    primitive_wait_type.m_repr = wait_repr;
    primitive_wait_type.m_iternext = wait_iternext;
    primitive_wait_type.m_finalize = wait_finalize;
    primitive_wait_type.m_destroy = wait_destroy;
    primitive_wait_type.m_traverse = wait_traverse;
    primitive_wait_type.m_clear = wait_clear_references;
    primitive_wait_type.m_methods = kWaitMethods;
    primitive_wait_type.m_getset = kWaitGetSet;
  }
} lock_types_setup;

COIL_REGISTER_TYPE(event_type);
COIL_REGISTER_TYPE(lock_type);
COIL_REGISTER_TYPE(primitive_wait_type);

}  // namespace coil
