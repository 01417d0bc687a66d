// asyncio's Event in C++ (CPython writes it in Python, asyncio/locks.py),
// with its behaviour: the flag, the waiters woken in the order they came,
// the loop it binds to on its first wait.
//
// CPython's Event.wait() is a coroutine that makes a future, appends it to
// the event's deque, awaits it and removes it again in a `finally`. Here
// wait() returns a small native object that behaves as that coroutine
// (send/throw/close/__await__, "never awaited" when dropped unstarted); it
// is the waiter the event keeps, in an intrusive list it owns a reference
// through. When what it yields goes straight to the task stepping it
// (g_stepping_task, runtime/generator.h) it yields itself, and the task
// parks on it as on a future (handle_yield): set() schedules the task's
// step, Task.cancel() cancels the wait. Otherwise — Python code drives the
// coroutine by hand — it yields a real future, as CPython's does. A task
// parked on an event thus costs this object alone, not a coroutine with its
// frame and a future.
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

struct EventObject : Object {
  Ref m_loop;  // bound on the first wait
  // The waiters, oldest first. The list holds a reference to each.
  WaitObject* m_first = nullptr;
  WaitObject* m_last = nullptr;
  size_t m_waiting = 0;
  bool m_value = false;
};

enum class WaitState : uint8_t {
  Created,  // not started: the coroutine's body has not run
  Parked,   // waits for its future, in the event's list
  Done,     // returned, raised or was closed
};

// How a parked wait ends: it stands for its future's state.
enum class WaitOutcome : uint8_t { Pending, Woken, Cancelled };

struct WaitObject : Object {
  Ref m_event;
  // While parked: the future it yielded, when Python code drives it; or the
  // task that parked on it.
  Ref m_future;
  Ref m_task;
  WaitObject* m_previous = nullptr;
  WaitObject* m_next = nullptr;
  WaitState m_state = WaitState::Created;
  WaitOutcome m_outcome = WaitOutcome::Pending;  // when parked with a task
  bool m_linked = false;
};

EventObject* as_event(Value v) { return v.as<EventObject>(); }
WaitObject* as_wait(Value v) { return v.as<WaitObject>(); }

void link_waiter(EventObject* event, WaitObject* waiter) {
  incref(Value(waiter));
  waiter->m_previous = event->m_last;
  waiter->m_next = nullptr;
  if (event->m_last != nullptr) {
    event->m_last->m_next = waiter;
  } else {
    event->m_first = waiter;
  }
  event->m_last = waiter;
  waiter->m_linked = true;
  ++event->m_waiting;
}

// Takes the waiter out of its event's list and drops the list's reference
// (which may be the last: the caller keeps its own).
void unlink_waiter(WaitObject* waiter) {
  if (!waiter->m_linked) return;
  EventObject* event = as_event(waiter->m_event);
  if (waiter->m_previous != nullptr) {
    waiter->m_previous->m_next = waiter->m_next;
  } else {
    event->m_first = waiter->m_next;
  }
  if (waiter->m_next != nullptr) {
    waiter->m_next->m_previous = waiter->m_previous;
  } else {
    event->m_last = waiter->m_previous;
  }
  waiter->m_previous = waiter->m_next = nullptr;
  waiter->m_linked = false;
  --event->m_waiting;
  decref(Value(waiter));
}

// The loop-binding of CPython's _LoopBoundMixin._get_loop.
Value bind_loop(Value self) {
  EventObject* event = as_event(self);
  Value loop = running_loop();
  if (!loop) {
    raise(&runtime_error_type, "no running event loop");
    return Value();
  }
  if (!event->m_loop || is_none(event->m_loop)) event->m_loop = ref(loop);
  if (!event->m_loop.get().is(loop)) {
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

// --- Event ------------------------------------------------------------------------

Ref event_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<EventObject>(object);
  return Ref::steal(object);
}

// CPython's Event.__init__(self) is a Python function: its messages.
bool event_init(Value, const Value*, size_t nargs, TupleObject* kwnames) {
  Args args{nullptr, nargs, kwnames};
  if (args.keyword_count() > 0) {
    Value key = tuple_item(Value(kwnames), 0);
    raise(&type_error_type, "Event.__init__() got an unexpected keyword argument '" + std::string(str_view(key)) + "'");
    return false;
  }
  if (nargs > 0) {
    raise_format(&type_error_type, "Event.__init__() takes 1 positional argument but %zu were given", nargs + 1);
    return false;
  }
  return true;
}

void event_unlink_all(EventObject* event) {
  while (event->m_first != nullptr) unlink_waiter(event->m_first);
}

void event_destroy(Object* object) {
  auto* event = static_cast<EventObject*>(object);
  event_unlink_all(event);
  event->~EventObject();
}

void event_traverse(Object* object, VisitFn visit, void* context) {
  auto* event = static_cast<EventObject*>(object);
  if (event->m_loop) visit(event->m_loop.get(), context);
  for (WaitObject* w = event->m_first; w != nullptr; w = w->m_next) visit(Value(w), context);
}

void event_clear_references(Object* object) {
  auto* event = static_cast<EventObject*>(object);
  event_unlink_all(event);
  event->m_loop.reset();
}

Ref event_repr(Value self) {
  EventObject* event = as_event(self);
  Ref base = object_type.m_repr(self);  // object.__repr__
  if (!base) return {};
  std::string_view text = str_view(base);
  std::string extra = event->m_value ? "set" : "unset";
  if (event->m_waiting > 0) extra += ", waiters:" + std::to_string(event->m_waiting);
  return make_str("<" + std::string(text.substr(1, text.size() - 2)) + " [" + extra + "]>");
}

Ref event_is_set(Value self, Args) { return new_bool(as_event(self)->m_value); }

Ref event_set(Value self, Args) {
  EventObject* event = as_event(self);
  if (event->m_value) return new_none();
  event->m_value = true;
  // The waiters stay listed until each resumes, as CPython's futures stay
  // in its deque until each wait() returns.
  for (WaitObject* w = event->m_first; w != nullptr; w = w->m_next) {
    if (w->m_future) {
      FutureObject* future = w->m_future.as<FutureObject>();
      if (future->m_state == FutureState::Pending && !future_set_result(future, py_bool(true))) return {};
    } else if (w->m_outcome == WaitOutcome::Pending) {
      w->m_outcome = WaitOutcome::Woken;
      wake_task(w, nullptr);
    }
  }
  return new_none();
}

Ref event_clear(Value self, Args) {
  as_event(self)->m_value = false;
  return new_none();
}

Ref event_wait(Value self, Args) {
  Object* object = allocate_object(&event_wait_type);
  if (object == nullptr) return raise_no_memory();
  WaitObject* waiter = construct_body<WaitObject>(object);
  waiter->m_event = ref(self);
  return Ref::steal(object);
}

Ref event_get_loop_method(Value self, Args) {
  Value loop = bind_loop(self);
  return loop ? ref(loop) : Ref();
}

Ref event_get_value(Value self) { return new_bool(as_event(self)->m_value); }
bool event_set_value(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "can't delete attribute"), false;
  int truth = is_true(value);
  if (truth < 0) return false;
  as_event(self)->m_value = truth != 0;
  return true;
}

Ref event_get_loop(Value self) {
  EventObject* event = as_event(self);
  return event->m_loop ? event->m_loop : new_none();
}
bool event_set_loop(Value self, Value value) {
  as_event(self)->m_loop = value ? ref(value) : Ref();
  return true;
}

// CPython keeps the waiting futures in a deque; this is a copy of it (a
// wait a task parked on stands for its future).
Ref event_get_waiters(Value self) {
  Ref futures = make_list();
  if (!futures) return {};
  for (WaitObject* w = as_event(self)->m_first; w != nullptr; w = w->m_next) {
    list_append(futures, w->m_future ? w->m_future : ref(Value(w)));
  }
  Ref collections = import_module("collections");
  if (!collections) return {};
  return call_method(collections, "deque", {futures.get()});
}

const MethodDef kEventMethods[] = {
    {"is_set", event_is_set, ArgKind::NoArgs, "Return True if and only if the internal flag is true."},
    {"set", event_set, ArgKind::NoArgs, "Set the internal flag to true. All coroutines waiting for it are awakened."},
    {"clear", event_clear, ArgKind::NoArgs, "Reset the internal flag to false."},
    {"wait", event_wait, ArgKind::NoArgs, "Block until the internal flag is true; return True."},
    {"_get_loop", event_get_loop_method, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kEventGetSet[] = {
    {"_value", event_get_value, event_set_value},
    {"_loop", event_get_loop, event_set_loop},
    {"_waiters", event_get_waiters},
    {nullptr, nullptr},
};

// --- Event.wait() ------------------------------------------------------------------

// Ends the wait: out of the event's list, its future dropped.
void finish_wait(WaitObject* waiter) {
  waiter->m_state = WaitState::Done;
  Ref keep = ref(Value(waiter));
  unlink_waiter(waiter);
  waiter->m_future.reset();
  waiter->m_task.reset();
}

// One step of the coroutine: the future to wait on, or null with
// StopIteration(True) (or the error) pending.
Ref wait_step(WaitObject* waiter) {
  EventObject* event = as_event(waiter->m_event);
  switch (waiter->m_state) {
    case WaitState::Created: {
      if (event->m_value) {
        waiter->m_state = WaitState::Done;
        return raise_with(&stop_iteration_type, py_bool(true)), Ref();
      }
      waiter->m_state = WaitState::Done;  // until parked: an error ends the coroutine
      Value loop = bind_loop(waiter->m_event);
      if (!loop) return {};
      if (g_stepping_task != nullptr) {
        // Yielded straight to the task: it parks on this object.
        waiter->m_state = WaitState::Parked;
        link_waiter(event, waiter);
        return ref(Value(waiter));
      }
      Ref future = make_future(loop);
      if (!future) return {};
      waiter->m_future = future;
      waiter->m_state = WaitState::Parked;
      link_waiter(event, waiter);
      future.as<FutureObject>()->m_blocking = true;
      return future;
    }
    case WaitState::Parked: {
      if (!waiter->m_future) {
        WaitOutcome outcome = waiter->m_outcome;
        finish_wait(waiter);
        if (outcome == WaitOutcome::Pending) return raise(&runtime_error_type, "await wasn't used with future");
        if (outcome == WaitOutcome::Cancelled) {
          Ref no_args = make_tuple(size_t(0));
          Ref error = no_args ? make_exception(g_cancelled_error_type, no_args) : Ref();
          return error ? (raise_value(error), Ref()) : Ref();
        }
        return raise_with(&stop_iteration_type, py_bool(true)), Ref();
      }
      Ref future = waiter->m_future;
      finish_wait(waiter);
      FutureObject* f = future.as<FutureObject>();
      if (f->m_state == FutureState::Pending) return raise(&runtime_error_type, "await wasn't used with future");
      Ref result = future_result(f);
      if (!result) return {};
      return raise_with(&stop_iteration_type, py_bool(true)), Ref();
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
  if (!check_positional("throw", args, 1, 3)) return {};
  ManualDrive manual;
  WaitObject* waiter = as_wait(self);
  if (waiter->m_state == WaitState::Done) return raise(&runtime_error_type, "cannot reuse already awaited coroutine");
  // Raised where the coroutine waits (or at its start): it ends with it.
  finish_wait(waiter);
  Value type = args[0];
  Value value = args.count > 1 ? args[1] : Value();
  if (is_exception_instance(type)) {
    if (value && !is_none(value)) return raise(&type_error_type, "instance exception may not have a separate value");
    return raise_value(type), Ref();
  }
  if (is_exception_type(type)) {
    Ref exception = value && !is_none(value) && isinstance(value, type.as<Type>())
                        ? ref(value)
                        : (value && !is_none(value) ? call(type, {value}) : call(type, nullptr, 0));
    if (!exception) return {};
    return raise_value(exception), Ref();
  }
  return raise(&type_error_type, "exceptions must be classes or instances deriving from BaseException, not " +
                                     std::string(value_type_name(type)));
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
  char text[64];
  std::snprintf(text, sizeof text, "<coroutine object Event.wait at %p>", static_cast<void*>(self.as_object()));
  return make_str(text);
}

// Dropped before it started: "never awaited", as a coroutine.
void wait_finalize(Object* object) {
  auto* waiter = static_cast<WaitObject*>(object);
  if (waiter->m_state != WaitState::Created) return;
  waiter->m_state = WaitState::Done;
  Ref saved = fetch_exception();
  warn_at_current_frame(&runtime_warning_type, "coroutine 'Event.wait' was never awaited", Value(object));
  restore_exception(std::move(saved));
}

void wait_destroy(Object* object) { static_cast<WaitObject*>(object)->~WaitObject(); }

void wait_traverse(Object* object, VisitFn visit, void* context) {
  auto* waiter = static_cast<WaitObject*>(object);
  if (waiter->m_event) visit(waiter->m_event.get(), context);
  if (waiter->m_future) visit(waiter->m_future.get(), context);
  if (waiter->m_task) visit(waiter->m_task.get(), context);
}

// A waiter still listed is owned by its event, which the collector clears.
void wait_clear_references(Object* object) {
  auto* waiter = static_cast<WaitObject*>(object);
  waiter->m_future.reset();
  waiter->m_task.reset();
}

Ref wait_get_name(Value) { return make_str("wait"); }
Ref wait_get_qualname(Value) { return make_str("Event.wait"); }
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
  if (!error) {
    clear_exception();
    error = ref(none());  // out of memory: no exception to throw; the step sees a wakeup
  }
  wake_task(waiter, is_none(error) ? nullptr : error.release().as_object());
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

Ref wait_resume(Value wait, Value exception, bool& returned) {
  returned = false;
  Ref result;
  if (exception) {
    Value args[1] = {exception};
    result = wait_throw(wait, Args{args, 1, nullptr});
  } else {
    result = wait_step(as_wait(wait));
  }
  if (!result && exception_matches(&stop_iteration_type)) {
    Ref stop = fetch_exception();
    Value v = as_exception(stop)->m_value.get();
    returned = true;
    return v ? ref(v) : new_none();
  }
  return result;
}

Type event_type, event_wait_type;

static struct EventTypesSetup {
  EventTypesSetup() {
    event_type.m_tp_name = "asyncio.locks.Event";
    event_type.m_doc = "Asynchronous equivalent to threading.Event.";
    event_type.m_size = sizeof(EventObject);
    event_type.m_flags = kTypeBaseType | kTypeHasGC | kTypeHasDict | kTypeWeakrefable | kTypePythonClass;
    event_type.m_new = event_new;
    event_type.m_init = event_init;
    event_type.m_repr = event_repr;
    event_type.m_destroy = event_destroy;
    event_type.m_traverse = event_traverse;
    event_type.m_clear = event_clear_references;
    event_type.m_methods = kEventMethods;
    event_type.m_getset = kEventGetSet;

    // It stands for the coroutine object CPython's Event.wait() returns.
    event_wait_type.m_tp_name = "coroutine";
    event_wait_type.m_size = sizeof(WaitObject);
    event_wait_type.m_flags = kTypeHasGC;
    event_wait_type.m_repr = wait_repr;
    event_wait_type.m_iternext = wait_iternext;
    event_wait_type.m_finalize = wait_finalize;
    event_wait_type.m_destroy = wait_destroy;
    event_wait_type.m_traverse = wait_traverse;
    event_wait_type.m_clear = wait_clear_references;
    event_wait_type.m_methods = kWaitMethods;
    event_wait_type.m_getset = kWaitGetSet;
  }
} event_types_setup;

COIL_REGISTER_TYPE(event_type);
COIL_REGISTER_TYPE(event_wait_type);

}  // namespace coil
