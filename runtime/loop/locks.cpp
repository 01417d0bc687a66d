// asyncio's Event, Lock, Semaphore and BoundedSemaphore in C++ (CPython
// writes them in Python, asyncio/locks.py), with their behaviour: waiters
// served in the order they came, a cancelled waiter handing a wake-up on,
// the loop a primitive binds to on its first wait.
//
// CPython's Event.wait(), Lock.acquire() and Semaphore.acquire() are
// coroutines that make a future, append it to the primitive's deque, await
// it and remove it again in a `finally`. Here they return a wait object
// (runtime/loop/wait_object.h) that behaves as that coroutine
// (send/throw/close/__await__, "never awaited" when dropped unstarted); it
// is the waiter the primitive keeps. When what it yields goes straight to
// the task stepping it (g_thread.stepping_task, runtime/generator.h) it
// yields itself, and the task parks on it as on a future (handle_yield): a
// wake-up schedules the task's step, Task.cancel() cancels the wait.
// Otherwise — Python code drives the coroutine by hand — it yields a real
// future, as CPython's does. A task parked on a primitive thus costs this
// object alone, not a coroutine with its frame and a future.
//
// The wait objects of Queue.get() and Queue.put() are the same type; their
// steps are in runtime/loop/queues.cpp.
#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/generator.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/loop.h"
#include "runtime/loop/wait_object.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/warnings.h"
#include "vm/import.h"

namespace coil {

// --- The waiter lists ----------------------------------------------------------------

void link_waiter(WaiterList* list, WaitObject* waiter) {
  incref(Value(waiter));
  waiter->m_previous = list->m_last;
  waiter->m_next = nullptr;
  if (list->m_last != nullptr) {
    list->m_last->m_next = waiter;
  } else {
    list->m_first = waiter;
  }
  list->m_last = waiter;
  waiter->m_list = list;
  ++list->m_count;
  list->m_ever_used = true;
}

void unlink_waiter(WaitObject* waiter) {
  WaiterList* list = waiter->m_list;
  if (list == nullptr) return;
  if (waiter->m_previous != nullptr) {
    waiter->m_previous->m_next = waiter->m_next;
  } else {
    list->m_first = waiter->m_next;
  }
  if (waiter->m_next != nullptr) {
    waiter->m_next->m_previous = waiter->m_previous;
  } else {
    list->m_last = waiter->m_previous;
  }
  waiter->m_previous = waiter->m_next = nullptr;
  waiter->m_list = nullptr;
  --list->m_count;
  decref(Value(waiter));
}

void unlink_all(WaiterList* list) {
  while (list->m_first != nullptr) unlink_waiter(list->m_first);
}

void traverse_waiters(const WaiterList& list, VisitFn visit, void* context) {
  for (WaitObject* w = list.m_first; w != nullptr; w = w->m_next) visit(Value(w), context);
}

Ref waiters_deque(const WaiterList& list) {
  Ref futures = make_list();
  if (!futures) return {};
  for (WaitObject* w = list.m_first; w != nullptr; w = w->m_next) {
    list_append(futures, w->m_future ? w->m_future : ref(Value(w)));
  }
  Ref collections = import_module("collections");
  if (!collections) return {};
  return call_method(collections, "deque", {futures.get()});
}

Value bind_loop(Value self) {
  WaitOwner* owner = self.as<WaitOwner>();
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

namespace {

PrimitiveObject* as_primitive(Value v) { return v.as<PrimitiveObject>(); }
WaitObject* as_wait(Value v) { return v.as<WaitObject>(); }

const char* wait_qualname(WaitKind kind) {
  switch (kind) {
    case WaitKind::EventWait:
      return "Event.wait";
    case WaitKind::LockAcquire:
      return "Lock.acquire";
    case WaitKind::SemaphoreAcquire:
      return "Semaphore.acquire";
    case WaitKind::LockEnter:
    case WaitKind::SemaphoreEnter:
      return "_ContextManagerMixin.__aenter__";
    case WaitKind::LockExit:
    case WaitKind::SemaphoreExit:
      return "_ContextManagerMixin.__aexit__";
    case WaitKind::QueueGet:
      return "Queue.get";
    case WaitKind::QueuePut:
      return "Queue.put";
    case WaitKind::QueueJoin:
      return "Queue.join";
  }
  return "";
}

// The result a waiter's future gets when woken: True for the primitives
// (CPython's set_result(True)), None for the queues.
bool wakes_with_true(WaitKind kind) { return !is_queue_kind(kind); }

// A parked task's next step, with `exception` thrown in (or none), as the
// future's done callback would schedule it.
void wake_task(WaitObject* waiter, Object* exception) {
  TaskObject* task = waiter->m_task.as<TaskObject>();
  incref(Value(task));
  loop_push_ready(task->m_loop.as<EventLoopObject>(), {ReadyItem::Kind::TaskStep, Value(task).as_object(), exception});
}

}  // namespace

bool waiter_done(WaitObject* w) {
  if (w->m_future) return w->m_future.as<FutureObject>()->m_state != FutureState::Pending;
  return w->m_outcome != WaitOutcome::Pending;
}

bool waiter_cancelled(WaitObject* w) {
  if (w->m_future) return w->m_future.as<FutureObject>()->m_state == FutureState::Cancelled;
  return w->m_outcome == WaitOutcome::Cancelled;
}

bool wake_waiter(WaitObject* w) {
  if (w->m_future) {
    FutureObject* future = w->m_future.as<FutureObject>();
    Value result = wakes_with_true(w->m_kind) ? py_bool(true) : none();
    return future->m_state != FutureState::Pending || future_set_result(future, result);
  }
  // Without a task (iterated by a plain `for` inside one), the outcome
  // alone says the wait is over; the next step returns.
  if (w->m_outcome == WaitOutcome::Pending) {
    w->m_outcome = WaitOutcome::Woken;
    if (w->m_task) wake_task(w, nullptr);
  }
  return true;
}

void cancel_waiter_future(WaitObject* w) {
  if (!w->m_future) return;
  FutureObject* future = w->m_future.as<FutureObject>();
  if (future->m_state == FutureState::Pending) future_cancel(future, Value());
}

Ref new_wait(Value owner, WaitKind kind) {
  Object* object = allocate_object(&primitive_wait_type);
  if (object == nullptr) return raise_no_memory();
  WaitObject* waiter = construct_body<WaitObject>(object);
  waiter->m_owner = ref(owner);
  waiter->m_kind = kind;
  return Ref::steal(object);
}

Ref park(WaitObject* waiter, WaiterList* list) {
  waiter->m_state = WaitState::Done;  // until parked: an error ends the coroutine
  waiter->m_outcome = WaitOutcome::Pending;
  waiter->m_future.reset();
  waiter->m_task.reset();
  Value loop = bind_loop(waiter->m_owner);
  if (!loop) return {};
  if (g_thread.stepping_task != nullptr) {
    // Yielded straight to the task: it parks on this object.
    waiter->m_state = WaitState::Parked;
    link_waiter(list, waiter);
    return ref(Value(waiter));
  }
  Ref future = make_future(loop);
  if (!future) return {};
  waiter->m_future = future;
  waiter->m_state = WaitState::Parked;
  link_waiter(list, waiter);
  future.as<FutureObject>()->m_blocking = true;
  return future;
}

void finish_wait(WaitObject* waiter) {
  waiter->m_state = WaitState::Done;
  Ref keep = ref(Value(waiter));
  unlink_waiter(waiter);
  waiter->m_future.reset();
  waiter->m_task.reset();
}

bool bind_init_argument(const char* class_name, const char* parameter, const Value* args, size_t nargs,
                        TupleObject* kwnames, Value& out) {
  Args call{args, nargs, kwnames};
  size_t positional = nargs;
  if (positional > 1) {
    raise_format(&type_error_type, "%s.__init__() takes from 1 to 2 positional arguments but %zu were given",
                 class_name, positional + 1);
    return false;
  }
  out = positional == 1 ? args[0] : Value();
  for (size_t i = 0; i < call.keyword_count(); ++i) {
    Value key = tuple_item(Value(kwnames), i);
    if (str_view(key) != parameter) {
      raise(&type_error_type, std::string(class_name) + ".__init__() got an unexpected keyword argument '" +
                                  std::string(str_view(key)) + "'");
      return false;
    }
    if (out) {
      raise(&type_error_type,
            std::string(class_name) + ".__init__() got multiple values for argument '" + parameter + "'");
      return false;
    }
    out = args[positional + i];
  }
  return true;
}

namespace {

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
  unlink_all(&owner->m_waiters);
  owner->~PrimitiveObject();
}

void primitive_traverse(Object* object, VisitFn visit, void* context) {
  auto* owner = static_cast<PrimitiveObject*>(object);
  if (owner->m_loop) visit(owner->m_loop.get(), context);
  traverse_waiters(owner->m_waiters, visit, context);
}

void primitive_clear_references(Object* object) {
  auto* owner = static_cast<PrimitiveObject*>(object);
  unlink_all(&owner->m_waiters);
  owner->m_loop.reset();
}

// CPython's repr of these: object.__repr__ with "[STATE, waiters:N]".
Ref primitive_repr(Value self, const std::string& state) {
  PrimitiveObject* owner = as_primitive(self);
  Ref base = object_type.m_repr(self);  // object.__repr__
  if (!base) return {};
  std::string_view text = str_view(base);
  std::string extra = state;
  if (owner->m_waiters.m_count > 0) extra += ", waiters:" + std::to_string(owner->m_waiters.m_count);
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

Ref primitive_get_waiters(Value self) { return waiters_deque(as_primitive(self)->m_waiters); }

// Lock's and Semaphore's _waiters: None until the first waiter, then the deque.
Ref primitive_get_waiters_or_none(Value self) {
  if (!as_primitive(self)->m_waiters.m_ever_used) return new_none();
  return primitive_get_waiters(self);
}

// --- Event ------------------------------------------------------------------------

bool event_init(Value, const Value*, size_t nargs, TupleObject* kwnames) {
  return check_no_arguments("Event", nargs, kwnames);
}

Ref event_repr(Value self) { return primitive_repr(self, as_primitive(self)->m_flag ? "set" : "unset"); }

Ref event_is_set(Value self, Args) { return new_bool(as_primitive(self)->m_flag); }

Ref event_set(Value self, Args) { return event_set_flag(self) ? new_none() : Ref(); }

Ref event_clear(Value self, Args) {
  event_clear_flag(self);
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
  WaitObject* first = lock->m_waiters.m_first;
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
    {"_waiters", primitive_get_waiters_or_none},
    {nullptr, nullptr},
};

// --- Semaphore and BoundedSemaphore ---------------------------------------------------

// CPython 3.11.7's rules: release() adds one to the counter and wakes the
// first waiter not woken yet, taking the unit for it at once (so a new
// acquire() cannot overtake it); a woken waiter that is cancelled before it
// runs gives the unit back and wakes the next one.

bool is_exact_semaphore(Value self) {
  Type* type = self.type();
  return type == &semaphore_type || type == &bounded_semaphore_type;
}

// The counter as an int: CPython's `value < 0` and `_value -= 1` work on any
// number, coil's counter is an int64 (a float is a TypeError here).
bool semaphore_value_from(Value value, int64_t& out) {
  if (!is_int(value)) {
    // The comparison's own TypeError for what cannot be compared with 0.
    int negative = compare_bool(value, Value::small_int(0), CompareOp::Lt);
    if (negative < 0) return false;
    raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer", type_name(value.type()).data());
    return false;
  }
  std::optional<int64_t> number = int_as_int64(value);
  if (!number) return false;
  out = *number;
  return true;
}

bool semaphore_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  bool bounded = isinstance(self, &bounded_semaphore_type);
  Value given;
  if (!bind_init_argument(bounded ? "BoundedSemaphore" : "Semaphore", "value", args, nargs, kwnames, given)) {
    return false;
  }
  int64_t value = 1;
  if (given && !semaphore_value_from(given, value)) return false;
  if (value < 0) {
    raise(&value_error_type, "Semaphore initial value must be >= 0");
    return false;
  }
  PrimitiveObject* semaphore = as_primitive(self);
  semaphore->m_value = value;
  semaphore->m_bound_value = value;
  return true;
}

// Semaphore.locked(): the counter is zero, or a waiter that was not
// cancelled is queued.
bool semaphore_locked_native(PrimitiveObject* semaphore) {
  if (semaphore->m_value == 0) return true;
  for (WaitObject* w = semaphore->m_waiters.m_first; w != nullptr; w = w->m_next) {
    if (!waiter_cancelled(w)) return true;
  }
  return false;
}

// self.locked(), through a subclass's override: 1, 0, or -1 with the error.
int semaphore_locked(Value self) {
  if (is_exact_semaphore(self)) return semaphore_locked_native(as_primitive(self));
  Ref locked = call_method(self, "locked", {});
  return locked ? is_true(locked) : -1;
}

bool semaphore_wake_up_next(PrimitiveObject* semaphore) {
  for (WaitObject* w = semaphore->m_waiters.m_first; w != nullptr; w = w->m_next) {
    if (!waiter_done(w)) {
      --semaphore->m_value;
      return wake_waiter(w);
    }
  }
  return true;
}

bool semaphore_release(Value self) {
  PrimitiveObject* semaphore = as_primitive(self);
  Type* type = self.type();
  bool bounded = type == &bounded_semaphore_type || (type != &semaphore_type && isinstance(self, &bounded_semaphore_type));
  if (bounded && semaphore->m_value >= semaphore->m_bound_value) {
    raise(&value_error_type, "BoundedSemaphore released too many times");
    return false;
  }
  ++semaphore->m_value;
  return semaphore_wake_up_next(semaphore);
}

Ref semaphore_repr(Value self) {
  int locked = semaphore_locked(self);
  if (locked < 0) return {};
  return primitive_repr(self, locked ? "locked" : "unlocked, value:" + std::to_string(as_primitive(self)->m_value));
}

Ref semaphore_locked_method(Value self, Args) { return new_bool(semaphore_locked_native(as_primitive(self))); }
Ref semaphore_release_method(Value self, Args) { return semaphore_release(self) ? new_none() : Ref(); }
Ref semaphore_acquire(Value self, Args) { return new_wait(self, WaitKind::SemaphoreAcquire); }

// `async with`: __aenter__ awaits self.acquire(). A subclass that overrides
// acquire() gets CPython's coroutine for it, written in Python
// (asyncio.locks._acquire_for_aenter), which awaits the override.
Ref semaphore_aenter(Value self, Args) {
  if (!is_exact_semaphore(self)) {
    Value own = type_lookup(&semaphore_type, "acquire");
    if (!type_lookup(self.type(), "acquire").is(own)) {
      Ref helper = import_attribute("asyncio.locks", "_acquire_for_aenter");
      if (!helper) return {};
      return call(helper, {self});
    }
  }
  return new_wait(self, WaitKind::SemaphoreEnter);
}
Ref semaphore_aexit(Value self, Args args) {
  if (!check_positional("__aexit__", args, 3, 3)) return {};
  return new_wait(self, WaitKind::SemaphoreExit);
}
Ref semaphore_wake_up_next_method(Value self, Args) {
  return semaphore_wake_up_next(as_primitive(self)) ? new_none() : Ref();
}

Ref semaphore_get_value(Value self) { return make_int(as_primitive(self)->m_value); }
bool semaphore_set_value(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "can't delete attribute"), false;
  return semaphore_value_from(value, as_primitive(self)->m_value);
}
Ref semaphore_get_bound_value(Value self) { return make_int(as_primitive(self)->m_bound_value); }
bool semaphore_set_bound_value(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "can't delete attribute"), false;
  return semaphore_value_from(value, as_primitive(self)->m_bound_value);
}

const MethodDef kSemaphoreMethods[] = {
    {"locked", semaphore_locked_method, ArgKind::NoArgs, "Returns True if semaphore cannot be acquired immediately."},
    {"acquire", semaphore_acquire, ArgKind::NoArgs, "Acquire a semaphore."},
    {"release", semaphore_release_method, ArgKind::NoArgs, "Release a semaphore, incrementing the internal counter by one."},
    {"__aenter__", semaphore_aenter, ArgKind::NoArgs},
    {"__aexit__", semaphore_aexit, ArgKind::VarArgs},
    {"_wake_up_next", semaphore_wake_up_next_method, ArgKind::NoArgs},
    {"_get_loop", primitive_get_loop_method, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kSemaphoreGetSet[] = {
    {"_value", semaphore_get_value, semaphore_set_value},
    {"_loop", primitive_get_loop, primitive_set_loop},
    {"_waiters", primitive_get_waiters_or_none},
    {nullptr, nullptr},
};

const GetSetDef kBoundedSemaphoreGetSet[] = {
    {"_bound_value", semaphore_get_bound_value, semaphore_set_bound_value},
    {nullptr, nullptr},
};

// --- The wait objects ----------------------------------------------------------------

bool is_lock_kind(WaitKind kind) { return kind == WaitKind::LockAcquire || kind == WaitKind::LockEnter; }
bool is_semaphore_wait_kind(WaitKind kind) {
  return kind == WaitKind::SemaphoreAcquire || kind == WaitKind::SemaphoreEnter;
}

// The coroutine returns: StopIteration(True) for wait() and acquire(),
// StopIteration() for __aenter__, __aexit__ and join().
Ref wait_return(WaitObject* waiter) {
  bool returns_true = waiter->m_kind == WaitKind::EventWait || waiter->m_kind == WaitKind::LockAcquire ||
                      waiter->m_kind == WaitKind::SemaphoreAcquire;
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

// A CancelledError came out of the await in Semaphore.acquire() after the
// waiter was woken: the unit taken for it goes back, to the next waiter.
bool semaphore_pass_wake_up_on(WaitObject* waiter) {
  PrimitiveObject* semaphore = as_primitive(waiter->m_owner);
  Ref keep_error = fetch_exception();
  ++semaphore->m_value;
  if (!semaphore_wake_up_next(semaphore)) return false;
  restore_exception(std::move(keep_error));
  return true;
}

// The first step of a primitive's coroutine: done at once, or parked.
Ref wait_start(WaitObject* waiter) {
  PrimitiveObject* owner = as_primitive(waiter->m_owner);
  switch (waiter->m_kind) {
    case WaitKind::EventWait:
      if (owner->m_flag) break;
      return park(waiter, &owner->m_waiters);
    case WaitKind::QueueJoin:
      // `if self._unfinished_tasks > 0: await self._finished.wait()`
      if (owner->m_flag || queue_unfinished_tasks(waiter->m_item) <= 0) break;
      return park(waiter, &owner->m_waiters);
    case WaitKind::LockAcquire:
    case WaitKind::LockEnter: {
      // Taking the lock at once is fair only if nobody is queued
      // (waiters that were all cancelled do not count).
      bool queued = false;
      for (WaitObject* w = owner->m_waiters.m_first; w != nullptr && !queued; w = w->m_next) {
        queued = !waiter_cancelled(w);
      }
      if (!owner->m_flag && !queued) {
        owner->m_flag = true;
        break;
      }
      return park(waiter, &owner->m_waiters);
    }
    case WaitKind::LockExit:
      waiter->m_state = WaitState::Done;
      if (!lock_release(owner)) return {};
      break;
    case WaitKind::SemaphoreAcquire:
    case WaitKind::SemaphoreEnter: {
      waiter->m_state = WaitState::Done;
      int locked = semaphore_locked(waiter->m_owner);
      if (locked < 0) return {};
      if (!locked) {
        --owner->m_value;
        break;
      }
      return park(waiter, &owner->m_waiters);
    }
    case WaitKind::SemaphoreExit: {
      waiter->m_state = WaitState::Done;
      if (is_exact_semaphore(waiter->m_owner)) {
        if (!semaphore_release(waiter->m_owner)) return {};
      } else if (!call_method(waiter->m_owner, "release", {})) {
        return {};
      }
      break;
    }
    case WaitKind::QueueGet:
    case WaitKind::QueuePut:
      break;  // queues.cpp
  }
  waiter->m_state = WaitState::Done;
  return wait_return(waiter);
}

// One step of the coroutine: the future (or itself) to wait on, or null
// with StopIteration (or the error) pending.
Ref wait_step(WaitObject* waiter) {
  if (is_queue_kind(waiter->m_kind) && waiter->m_state != WaitState::Done) {
    return queue_wait_resume(waiter, Value());
  }
  switch (waiter->m_state) {
    case WaitState::Created:
      return wait_start(waiter);
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
      PrimitiveObject* owner = as_primitive(waiter->m_owner);
      if (is_lock_kind(waiter->m_kind)) owner->m_flag = true;
      // A woken semaphore waiter wakes the next one while units are left.
      if (is_semaphore_wait_kind(waiter->m_kind) && owner->m_value > 0 && !semaphore_wake_up_next(owner)) return {};
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
  if (was_parked && is_queue_kind(waiter->m_kind)) {
    Ref exception = thrown_exception(args);
    if (!exception) return {};
    return queue_wait_resume(waiter, exception);
  }
  bool woken = was_parked && waiter_done(waiter) && !waiter_cancelled(waiter);
  finish_wait(waiter);
  Ref exception = thrown_exception(args);  // checks the arguments too
  if (!exception) return {};
  raise_value(exception);
  if (was_parked && isinstance(exception, g_cancelled_error_type)) {
    if (is_lock_kind(waiter->m_kind)) lock_pass_wake_up_on(waiter);
    if (is_semaphore_wait_kind(waiter->m_kind) && woken) semaphore_pass_wake_up_on(waiter);
  }
  return {};
}

Ref wait_close(Value self, Args) {
  WaitObject* waiter = as_wait(self);
  if (waiter->m_state == WaitState::Parked && is_queue_kind(waiter->m_kind)) {
    // GeneratorExit at the await goes through Queue.get()'s `except:`.
    Ref no_args = make_tuple(size_t(0));
    Ref exit = no_args ? make_exception(&generator_exit_type, no_args) : Ref();
    if (!exit) return {};
    queue_wait_resume(waiter, exit);
    if (!exception_matches(&generator_exit_type)) return {};
    clear_exception();
    return new_none();
  }
  finish_wait(waiter);
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
  if (waiter->m_item) visit(waiter->m_item.get(), context);
}

// A waiter still listed is owned by its primitive, which the collector clears.
void wait_clear_references(Object* object) {
  auto* waiter = static_cast<WaitObject*>(object);
  waiter->m_future.reset();
  waiter->m_task.reset();
  waiter->m_item.reset();
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

bool event_set_flag(Value self) {
  PrimitiveObject* event = as_primitive(self);
  if (event->m_flag) return true;
  event->m_flag = true;
  // The waiters stay listed until each resumes, as CPython's futures stay
  // in its deque until each wait() returns.
  for (WaitObject* w = event->m_waiters.m_first; w != nullptr; w = w->m_next) {
    if (!wake_waiter(w)) return false;
  }
  return true;
}

void event_clear_flag(Value self) { as_primitive(self)->m_flag = false; }

Ref make_native_event() { return primitive_new(&event_type, nullptr, 0, nullptr); }

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
  WaitObject* waiter = as_wait(wait);
  switch (waiter->m_outcome) {
    case WaitOutcome::Pending:
      return "<Future pending cb=[Task.task_wakeup()]>";
    case WaitOutcome::Woken:
      return wakes_with_true(waiter->m_kind) ? "<Future finished result=True>" : "<Future finished result=None>";
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

Type event_type, lock_type, semaphore_type, bounded_semaphore_type, primitive_wait_type;

static struct LockTypesSetup {
  LockTypesSetup() {
    for (Type* t : {&event_type, &lock_type, &semaphore_type, &bounded_semaphore_type}) {
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

    semaphore_type.m_tp_name = "asyncio.locks.Semaphore";
    semaphore_type.m_doc = "A Semaphore implementation.";
    semaphore_type.m_init = semaphore_init;
    semaphore_type.m_repr = semaphore_repr;
    semaphore_type.m_methods = kSemaphoreMethods;
    semaphore_type.m_getset = kSemaphoreGetSet;

    // BoundedSemaphore's release() checks the bound (semaphore_release).
    bounded_semaphore_type.m_tp_name = "asyncio.locks.BoundedSemaphore";
    bounded_semaphore_type.m_doc = "A bounded semaphore implementation.";
    bounded_semaphore_type.m_base = &semaphore_type;
    bounded_semaphore_type.m_getset = kBoundedSemaphoreGetSet;

    // It stands for the coroutine objects CPython's Event.wait(),
    // Lock.acquire(), Semaphore.acquire(), __aenter__(), __aexit__(),
    // Queue.get(), Queue.put() and Queue.join() return.
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
COIL_REGISTER_TYPE(semaphore_type);
COIL_REGISTER_TYPE(bounded_semaphore_type);
COIL_REGISTER_TYPE(primitive_wait_type);

}  // namespace coil
