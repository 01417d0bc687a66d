// Future and Task (runtime/loop/loop.h), with the behaviour of CPython
// 3.11's _asyncio.Future and _asyncio.Task.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/context.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/gc_visit.h"
#include "runtime/generator.h"
#include "runtime/generic_alias.h"
#include "runtime/list.h"
#include "runtime/loop/loop.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/import.h"
#include "vm/interpreter.h"

namespace coil {

// --- CallbackList ------------------------------------------------------------------

void CallbackList::push_back(FutureCallback callback) {
  if (empty()) {
    m_first = std::move(callback);
    return;
  }
  if (m_rest == nullptr) m_rest = new std::vector<FutureCallback>;
  m_rest->push_back(std::move(callback));
}

void CallbackList::erase(size_t i) {
  if (i == 0) {
    if (m_rest == nullptr) {
      m_first = FutureCallback();
      return;
    }
    m_first = std::move(m_rest->front());
    m_rest->erase(m_rest->begin());
  } else {
    m_rest->erase(m_rest->begin() + ptrdiff_t(i - 1));
  }
  if (m_rest->empty()) {
    delete m_rest;
    m_rest = nullptr;
  }
}

void CallbackList::clear() {
  FutureCallback first = std::move(m_first);
  std::vector<FutureCallback>* rest = m_rest;
  m_first = FutureCallback();
  m_rest = nullptr;
  // The references go last: dropping one may run code that looks at the list.
  delete rest;
}

std::vector<FutureCallback> CallbackList::take() {
  std::vector<FutureCallback> all;
  if (empty()) return all;
  all.reserve(size());
  all.push_back(std::move(m_first));
  if (m_rest != nullptr) {
    for (FutureCallback& cb : *m_rest) all.push_back(std::move(cb));
  }
  clear();
  return all;
}

Type* g_cancelled_error_type = nullptr;
Type* g_invalid_state_error_type = nullptr;
Type* g_queue_empty_type = nullptr;
Type* g_queue_full_type = nullptr;

namespace {

FutureObject* as_future(Value v) { return v.as<FutureObject>(); }
TaskObject* as_task(Value v) { return v.as<TaskObject>(); }
EventLoopObject* loop_of(FutureObject* f) { return f->m_loop.as<EventLoopObject>(); }

// Every live task, oldest first (all_tasks keeps creation order).
TaskObject* g_first_task = nullptr;
TaskObject* g_last_task = nullptr;
uint64_t g_task_name_counter = 0;

void link_task(TaskObject* task) {
  task->m_previous_task = g_last_task;
  if (g_last_task) g_last_task->m_next_task = task; else g_first_task = task;
  g_last_task = task;
}

void unlink_task(TaskObject* task) {
  if (task->m_previous_task) task->m_previous_task->m_next_task = task->m_next_task;
  else if (g_first_task == task) g_first_task = task->m_next_task;
  if (task->m_next_task) task->m_next_task->m_previous_task = task->m_previous_task;
  else if (g_last_task == task) g_last_task = task->m_previous_task;
  task->m_previous_task = task->m_next_task = nullptr;
}

const char* state_name(FutureState state) {
  switch (state) {
    case FutureState::Pending: return "PENDING";
    case FutureState::Cancelled: return "CANCELLED";
    case FutureState::Finished: return "FINISHED";
  }
  return "PENDING";
}

Raised raise_invalid_state(const std::string& message) {
  return raise(g_invalid_state_error_type, message);
}

// A task stops counting as live work of its loop once done.
void note_task_done(FutureObject* f) {
  if (!f->m_is_task) return;
  TaskObject* task = static_cast<TaskObject*>(f);
  if (task->m_counted_live && f->m_loop) {
    --loop_of(f)->m_live_tasks;
    task->m_counted_live = false;
  }
}

// Schedules one done callback of `f`. One with a context of its own runs
// through a Handle, as CPython's call_soon(fn, fut, context=ctx); the others
// (a task's wakeup, which steps the task in its context, and callbacks added
// while the context was empty) are plain ready items, which allocate nothing.
void schedule_callback(FutureObject* f, FutureCallback& cb) {
  EventLoopObject* loop = loop_of(f);
  if (cb.context) {
    Ref args = make_tuple({Value(f)});
    // Failing only when out of memory, which loses the callback.
    if (!args || !loop_call_soon_in_context(loop, cb.function, args, cb.context)) clear_exception();
    return;
  }
  Object* self = Value(f).as_object();
  incref(self);
  loop_push_ready(loop, {cb.is_wakeup() ? ReadyItem::Kind::TaskWakeup : ReadyItem::Kind::Callback,
                         cb.function.release().as_object(), self});
}

// Moves the done callbacks to the loop's ready queue, in order.
void schedule_callbacks(FutureObject* f) {
  note_task_done(f);
  if (f->m_callbacks.empty()) return;
  if (f->m_callbacks.size() == 1) {
    FutureCallback cb = std::move(f->m_callbacks[0]);
    f->m_callbacks.clear();
    schedule_callback(f, cb);
    return;
  }
  std::vector<FutureCallback> callbacks = f->m_callbacks.take();
  for (FutureCallback& cb : callbacks) schedule_callback(f, cb);
}

// CPython's Future._make_cancelled_error.
Ref make_cancelled_error(FutureObject* f) {
  if (f->m_rare && f->m_rare->cancelled_exception) {
    Ref exception = std::move(f->m_rare->cancelled_exception);
    return exception;
  }
  Value message = f->cancel_message();
  Ref args = message ? make_tuple({message}) : make_tuple(size_t(0));
  if (!args) return {};
  return make_exception(g_cancelled_error_type, args);
}

}  // namespace

Ref future_result(FutureObject* f) {
  if (f->m_state == FutureState::Cancelled) {
    Ref exception = make_cancelled_error(f);
    if (!exception) return {};
    return raise_value(exception);
  }
  if (f->m_state != FutureState::Finished) return raise_invalid_state("Result is not set.");
  f->m_log_traceback = false;
  if (f->m_exception) {
    Value e = f->m_exception;
    if (Value tb = f->exception_traceback()) as_exception(e)->m_traceback = ref(tb);
    return raise_value(e);
  }
  return f->m_result;
}

bool future_set_result(FutureObject* f, Value result) {
  if (f->m_state != FutureState::Pending) {
    raise_invalid_state("invalid state");
    return false;
  }
  f->m_result = ref(result);
  f->m_state = FutureState::Finished;
  schedule_callbacks(f);
  return true;
}

bool future_set_exception(FutureObject* f, Value exception) {
  if (f->m_state != FutureState::Pending) {
    raise_invalid_state("invalid state");
    return false;
  }
  Ref instance;
  if (is_exception_type(exception)) {
    instance = call(exception, nullptr, 0);
    if (!instance) return false;
  } else {
    instance = ref(exception);
  }
  if (!is_exception_instance(instance)) {
    raise(&type_error_type, "invalid exception object");
    return false;
  }
  if (instance.type() == &stop_iteration_type) {
    raise(&type_error_type, "StopIteration interacts badly with generators and cannot be raised into a Future");
    return false;
  }
  f->m_exception = instance;
  if (Value tb = as_exception(instance)->m_traceback.get()) {
    f->rare().exception_traceback = ref(tb);
  } else if (f->m_rare) {
    f->m_rare->exception_traceback.reset();
  }
  f->m_state = FutureState::Finished;
  schedule_callbacks(f);
  f->m_log_traceback = true;
  return true;
}

bool future_cancel(FutureObject* f, Value message) {
  f->m_log_traceback = false;
  if (f->m_state != FutureState::Pending) return false;
  f->m_state = FutureState::Cancelled;
  if (message && !is_none(message)) {
    f->rare().cancel_message = ref(message);
  } else if (f->m_rare) {
    f->m_rare->cancel_message.reset();
  }
  schedule_callbacks(f);
  return true;
}

namespace {

// Adds a done callback: run soon if the future is already done.
void add_callback(FutureObject* f, Ref function, Ref context, bool is_wakeup) {
  // A Task that is a plain callback (not its wakeup) gets a context of its
  // own, which is what tells the two apart (FutureCallback::is_wakeup).
  if (!is_wakeup && !context && is_task(function)) {
    context = make_context();
    if (!context) {
      clear_exception();
      return;
    }
  }
  FutureCallback cb{std::move(function), std::move(context)};
  if (f->m_state != FutureState::Pending) {
    schedule_callback(f, cb);
    return;
  }
  f->m_callbacks.push_back(std::move(cb));
}

bool init_future(FutureObject* f, Value loop) {
  if (!loop || is_none(loop)) {
    loop = running_loop();
    if (!loop) loop = current_event_loop();
    if (!loop) {
      raise(&runtime_error_type, "There is no current event loop in thread 'MainThread'.");
      return false;
    }
  }
  if (!is_event_loop(loop)) {
    raise(&type_error_type, "loop must be an asyncio event loop");
    return false;
  }
  f->m_loop = ref(loop);
  return true;
}

// --- Future methods ---------------------------------------------------------

Ref future_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  if (isinstance(Value(object), &task_type)) {
    auto* task = construct_body<TaskObject>(object);
    task->m_is_task = true;
  } else {
    construct_body<FutureObject>(object);
  }
  return Ref::steal(object);
}

bool future_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"Future", {"loop"}, 0, 0, 0};
  Value bound[1];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return false;
  return init_future(as_future(self), bound[0]);
}

bool check_initialized(FutureObject* f) {
  if (!f->m_loop) {
    raise(&runtime_error_type, "Future object is not initialized.");
    return false;
  }
  return true;
}

Ref method_result(Value self, Args) {
  if (!check_initialized(as_future(self))) return {};
  return future_result(as_future(self));
}

Ref method_exception(Value self, Args) {
  FutureObject* f = as_future(self);
  if (!check_initialized(f)) return {};
  if (f->m_state == FutureState::Cancelled) {
    Ref exception = make_cancelled_error(f);
    if (!exception) return {};
    return raise_value(exception);
  }
  if (f->m_state != FutureState::Finished) return raise_invalid_state("Exception is not set.");
  f->m_log_traceback = false;
  return f->m_exception ? f->m_exception : new_none();
}

Ref method_set_result(Value self, Args args) {
  if (is_task(self)) return raise(&runtime_error_type, "Task does not support set_result operation");
  if (!check_initialized(as_future(self)) || !future_set_result(as_future(self), args[0])) return {};
  return new_none();
}

Ref method_set_exception(Value self, Args args) {
  if (is_task(self)) return raise(&runtime_error_type, "Task does not support set_exception operation");
  if (!check_initialized(as_future(self)) || !future_set_exception(as_future(self), args[0])) return {};
  return new_none();
}

Ref method_add_done_callback(Value self, Args args) {
  static const ArgSpec spec{"add_done_callback", {"fn", "context"}, 1, 1, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  FutureObject* f = as_future(self);
  if (!check_initialized(f)) return {};
  // Without a context, a copy of the current one (null while it is empty).
  Ref context;
  if (bound[1] && !is_none(bound[1])) {
    context = ref(bound[1]);
  } else if (!context_snapshot(context)) {
    return {};
  }
  add_callback(f, ref(bound[0]), std::move(context), false);
  return new_none();
}

Ref method_remove_done_callback(Value self, Args args) {
  FutureObject* f = as_future(self);
  if (!check_initialized(f)) return {};
  size_t removed = 0;
  std::vector<FutureCallback> callbacks = f->m_callbacks.take();
  size_t i = 0;
  for (; i < callbacks.size(); ++i) {
    FutureCallback& cb = callbacks[i];
    bool same = false;
    if (!cb.is_wakeup()) {
      int equal = compare_bool(cb.function, args[0], CompareOp::Eq);
      if (equal < 0) break;
      same = equal > 0;
    }
    if (same) ++removed; else f->m_callbacks.push_back(std::move(cb));
  }
  if (i < callbacks.size()) {
    // A comparison failed: the callbacks not looked at stay.
    for (; i < callbacks.size(); ++i) f->m_callbacks.push_back(std::move(callbacks[i]));
    return {};
  }
  return make_int(int64_t(removed));
}

Ref method_cancel(Value self, Args args);

Ref method_cancelled(Value self, Args) { return new_bool(as_future(self)->m_state == FutureState::Cancelled); }
Ref method_done(Value self, Args) { return new_bool(as_future(self)->m_state != FutureState::Pending); }
Ref method_get_loop(Value self, Args) {
  FutureObject* f = as_future(self);
  if (!check_initialized(f)) return {};
  return f->m_loop;
}
Ref method_make_cancelled_error(Value self, Args) { return make_cancelled_error(as_future(self)); }

Ref method_await(Value self, Args);

std::string format_callbacks(FutureObject* f) {
  auto one = [](const FutureCallback& cb) {
    if (cb.is_wakeup()) return std::string("Task.task_wakeup()");
    return format_callback_source(cb.function, Value());
  };
  CallbackList& cbs = f->m_callbacks;
  std::string inside;
  if (cbs.size() == 1) inside = one(cbs[0]);
  else if (cbs.size() == 2) inside = one(cbs[0]) + ", " + one(cbs[1]);
  else inside = one(cbs[0]) + ", <" + std::to_string(cbs.size() - 2) + " more>, " + one(cbs.back());
  return "cb=[" + inside + "]";
}

// CPython's _future_repr_info: the state, the result or exception, the callbacks.
bool future_repr_info(FutureObject* f, std::vector<std::string>& info) {
  std::string state = state_name(f->m_state);
  for (char& c : state) c = char(c - 'A' + 'a');
  info.push_back(state);
  if (f->m_state == FutureState::Finished) {
    if (f->m_exception) {
      Ref text = repr(f->m_exception);
      if (!text) return false;
      info.push_back("exception=" + std::string(str_view(text)));
    } else {
      Ref text = repr(f->m_result);
      if (!text) return false;
      std::string s(str_view(text));
      // reprlib.repr's limit for results.
      if (str_is_ascii(text) && s.size() > 30 && !is_int(f->m_result)) s = s.substr(0, 13) + "..." + s.substr(s.size() - 14);
      info.push_back("result=" + s);
    }
  }
  if (!f->m_callbacks.empty()) info.push_back(format_callbacks(f));
  return true;
}

Ref future_repr(Value self) {
  FutureObject* f = as_future(self);
  std::vector<std::string> info;
  if (!future_repr_info(f, info)) return {};
  std::string text = "<" + std::string(type_name(self.type()));
  for (const std::string& part : info) text += " " + part;
  return make_str(text + ">");
}

// "Future exception was never retrieved", as Future.__del__.
void future_finalize(Object* object) {
  FutureObject* f = static_cast<FutureObject*>(object);
  Value self(object);
  if (!f->m_loop) return;
  Ref saved = fetch_exception();
  if (f->m_is_task) {
    TaskObject* task = static_cast<TaskObject*>(f);
    if (f->m_state == FutureState::Pending && task->m_log_destroy_pending) {
      Ref context = make_dict();
      if (context) {
        dict_setitem_str(context, "task", self);
        dict_setitem_str(context, "message", make_str("Task was destroyed but it is pending!"));
        loop_call_exception_handler(f->m_loop, context);
      }
    }
  }
  if (f->m_log_traceback && f->m_exception) {
    f->m_log_traceback = false;
    Ref context = make_dict();
    if (context) {
      dict_setitem_str(context, "message",
                       make_str(std::string(type_name(self.type())) + " exception was never retrieved"));
      dict_setitem_str(context, "exception", f->m_exception);
      dict_setitem_str(context, "future", self);
      loop_call_exception_handler(f->m_loop, context);
    }
  }
  clear_exception();
  restore_exception(std::move(saved));
}

void future_destroy(Object* object) {
  FutureObject* f = static_cast<FutureObject*>(object);
  if (f->m_is_task) {
    TaskObject* task = static_cast<TaskObject*>(f);
    note_task_done(f);
    unlink_task(task);
    task->~TaskObject();
  } else {
    f->~FutureObject();
  }
}

void future_traverse(Object* object, VisitFn visit, void* context) {
  visit_future(static_cast<FutureObject*>(object), [&](Value v) { visit(v, context); });
}

void future_clear(Object* object) {
  FutureObject* f = static_cast<FutureObject*>(object);
  f->m_result.reset();
  f->m_exception.reset();
  if (f->m_rare) {
    f->m_rare->exception_traceback.reset();
    f->m_rare->cancel_message.reset();
    f->m_rare->cancelled_exception.reset();
    f->m_rare->dict.reset();
  }
  f->m_callbacks.clear();
  if (f->m_is_task) {
    TaskObject* t = static_cast<TaskObject*>(f);
    t->m_coro.reset();
    t->m_fut_waiter.reset();
    t->m_context.reset();
  }
}

Ref* future_extra_dict(Object* object, bool create) {
  auto* f = static_cast<FutureObject*>(object);
  if (create) return &f->rare().dict;
  return f->m_rare ? &f->m_rare->dict : nullptr;
}

// Attributes CPython's asyncio code and tests look at.
Ref get_blocking(Value self) { return new_bool(as_future(self)->m_blocking); }
bool set_blocking(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "cannot delete attribute"), false;
  int truth = is_true(value);
  if (truth < 0) return false;
  as_future(self)->m_blocking = truth;
  return true;
}
Ref get_log_traceback(Value self) { return new_bool(as_future(self)->m_log_traceback); }
bool set_log_traceback(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "cannot delete attribute"), false;
  int truth = is_true(value);
  if (truth < 0) return false;
  if (truth) return raise(&value_error_type, "_log_traceback can only be set to False"), false;
  as_future(self)->m_log_traceback = false;
  return true;
}
Ref get_state(Value self) { return make_str(state_name(as_future(self)->m_state)); }
Ref get_loop_attr(Value self) { return as_future(self)->m_loop ? as_future(self)->m_loop : new_none(); }
Ref get_result_attr(Value self) { return as_future(self)->m_result ? as_future(self)->m_result : new_none(); }
Ref get_exception_attr(Value self) {
  return as_future(self)->m_exception ? as_future(self)->m_exception : new_none();
}
Ref get_cancel_message(Value self) {
  Value message = as_future(self)->cancel_message();
  return message ? ref(message) : new_none();
}
bool set_cancel_message(Value self, Value value) {
  FutureObject* f = as_future(self);
  if (value && !is_none(value)) {
    f->rare().cancel_message = ref(value);
  } else if (f->m_rare) {
    f->m_rare->cancel_message.reset();
  }
  return true;
}
Ref get_none(Value) { return new_none(); }
Ref get_callbacks(Value self) {
  FutureObject* f = as_future(self);
  if (f->m_callbacks.empty()) return new_none();
  Ref list = make_list();
  if (!list) return {};
  for (size_t i = 0; i < f->m_callbacks.size(); ++i) {
    FutureCallback& cb = f->m_callbacks[i];
    // A wakeup runs in its task's context; a null context is an empty one.
    Ref context;
    if (cb.is_wakeup()) {
      TaskObject* task = as_task(cb.function);
      context = ref(context_of_slot(task->m_context, false));
    } else {
      context = cb.context ? cb.context : make_context();
    }
    if (!context) return {};
    Ref pair = make_tuple({cb.function.get(), context.get()});
    if (!pair) return {};
    list_append(list, std::move(pair));
  }
  return list;
}

const GetSetDef kFutureGetSet[] = {
    {"_asyncio_future_blocking", get_blocking, set_blocking},
    {"_log_traceback", get_log_traceback, set_log_traceback},
    {"_state", get_state},
    {"_loop", get_loop_attr},
    {"_result", get_result_attr},
    {"_exception", get_exception_attr},
    {"_cancel_message", get_cancel_message, set_cancel_message},
    {"_source_traceback", get_none},
    {"_callbacks", get_callbacks},
    {nullptr, nullptr},
};

const MethodDef kFutureMethods[] = {
    {"result", method_result, ArgKind::NoArgs},
    {"exception", method_exception, ArgKind::NoArgs},
    {"set_result", method_set_result, ArgKind::OneArg},
    {"set_exception", method_set_exception, ArgKind::OneArg},
    {"add_done_callback", method_add_done_callback, ArgKind::Keywords},
    {"remove_done_callback", method_remove_done_callback, ArgKind::OneArg},
    {"cancel", method_cancel, ArgKind::Keywords},
    {"cancelled", method_cancelled, ArgKind::NoArgs},
    {"done", method_done, ArgKind::NoArgs},
    {"get_loop", method_get_loop, ArgKind::NoArgs},
    {"_make_cancelled_error", method_make_cancelled_error, ArgKind::NoArgs},
    {"__await__", method_await, ArgKind::NoArgs},
    {"__iter__", method_await, ArgKind::NoArgs},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, nullptr, kMethodClass},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// --- FutureIter: what `await future` drives -------------------------------------

struct FutureIterObject : Object {
  Ref m_future;  // null once exhausted
};

Ref method_await(Value self, Args) {
  if (!check_initialized(as_future(self))) return {};
  Object* object = allocate_object(&future_iter_type);
  if (object == nullptr) return raise_no_memory();
  construct_body<FutureIterObject>(object);
  static_cast<FutureIterObject*>(object)->m_future = ref(self);
  return Ref::steal(object);
}

// The first step yields the pending future (marked blocking, for the task
// to wait on); the next, once it is done, returns its result.
Ref future_iter_next(Value self) {
  auto* it = self.as<FutureIterObject>();
  if (!it->m_future) return {};
  FutureObject* f = as_future(it->m_future);
  if (f->m_state == FutureState::Pending) {
    if (!f->m_blocking) {
      f->m_blocking = true;
      return it->m_future;
    }
    return raise(&runtime_error_type, "await wasn't used with future");
  }
  Ref future = std::move(it->m_future);
  Ref result = future_result(f);
  if (!result) return {};
  return raise_with(&stop_iteration_type, result), Ref();
}

Ref future_iter_send(Value self, Args args) {
  Ref result = future_iter_next(self);
  if (!result && !error_pending()) return raise_with(&stop_iteration_type, Value()), Ref();
  return result;
}

Ref future_iter_throw(Value self, Args args) {
  if (!check_positional("throw", args, 1, 3)) return {};
  self.as<FutureIterObject>()->m_future.reset();
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
  return raise(&type_error_type, "exceptions must be classes deriving BaseException or instances of such a class");
}

Ref future_iter_close(Value self, Args) {
  self.as<FutureIterObject>()->m_future.reset();
  return new_none();
}

Ref future_iter_iter(Value self) { return ref(self); }
void future_iter_destroy(Object* object) { static_cast<FutureIterObject*>(object)->~FutureIterObject(); }
void future_iter_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<FutureIterObject*>(object)->m_future, context);
}

const MethodDef kFutureIterMethods[] = {
    {"send", future_iter_send, ArgKind::OneArg},
    {"throw", future_iter_throw, ArgKind::VarArgs},
    {"close", future_iter_close, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// --- Task -------------------------------------------------------------------------

void enter_task(EventLoopObject* loop, TaskObject* task) { loop->m_current_task = ref(Value(task)); }
void leave_task(EventLoopObject* loop) { loop->m_current_task.reset(); }

bool task_init_fields(TaskObject* task, Value coro, Value loop, Value name, bool top_level, Value context) {
  if (!init_future(task, loop)) return false;
  if (!is_coroutine_object(coro)) {
    task->m_log_destroy_pending = false;
    Ref text = repr(coro);
    if (!text) return false;
    raise_format(&type_error_type, "a coroutine was expected, got %s", str_cstr(text));
    return false;
  }
  task->m_coro = ref(coro);
  // The context every step runs in: the one given, else a copy of the
  // current one — except for top-level code, which runs in the current
  // context itself, so that what one cell or REPL line sets the next sees.
  if (context) {
    task->m_context = ref(context);
  } else if (top_level) {
    ContextObject* current = context_current();
    if (current == nullptr) return false;
    task->m_context = ref(Value(current));
  } else if (!context_snapshot(task->m_context)) {
    return false;
  }
  if (name) {
    if (is_str(name)) {
      task->m_name = ref(name);
    } else {
      Ref text = str(name);
      if (!text) return false;
      task->m_name = std::move(text);
    }
  } else if (top_level) {
    task->m_name = make_str("top-level");
    if (!task->m_name) return false;
  } else {
    task->m_name = Ref::steal(Value::small_int(int64_t(++g_task_name_counter)));
  }
  EventLoopObject* l = loop_of(task);
  Object* self = Value(task).as_object();
  incref(self);
  loop_push_ready(l, {ReadyItem::Kind::TaskStep, self, nullptr});
  ++l->m_live_tasks;
  task->m_counted_live = true;
  link_task(task);
  return true;
}

bool task_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"Task", {"coro", "loop", "name", "context"}, 0, 1, 1};
  Value bound[4];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return false;
  TaskObject* task = as_task(self);
  if (task->m_coro) return raise(&runtime_error_type, "Task is already initialized"), false;
  return task_init_fields(task, bound[0], bound[1], bound[2] && !is_none(bound[2]) ? bound[2] : Value(), false,
                          bound[3] && !is_none(bound[3]) ? bound[3] : Value());
}

Ref task_name(TaskObject* task) {
  Value name = task->m_name.get();
  if (!name || name.is_small_int()) {
    task->m_name = make_str("Task-" + std::to_string(name ? name.as_small_int() : 0));
  }
  return task->m_name;
}

Ref task_repr(Value self) {
  TaskObject* task = as_task(self);
  std::vector<std::string> info;
  if (!future_repr_info(task, info)) return {};
  if (task->m_must_cancel) info[0] = "cancelling";
  Ref name = task_name(task);
  Ref name_text = name ? repr(name) : Ref();
  if (!name_text) return {};
  info.insert(info.begin() + 1, "name=" + std::string(str_view(name_text)));
  info.insert(info.begin() + 2, "coro=<" + format_coroutine(task->m_coro) + ">");
  if (is_wait_object(task->m_fut_waiter)) {
    info.insert(info.begin() + 3, "wait_for=" + wait_future_repr(task->m_fut_waiter));
  } else if (task->m_fut_waiter) {
    Ref waiter = repr(task->m_fut_waiter);
    if (!waiter) return {};
    info.insert(info.begin() + 3, "wait_for=" + std::string(str_view(waiter)));
  }
  std::string text = "<" + std::string(type_name(self.type()));
  for (const std::string& part : info) text += " " + part;
  return make_str(text + ">");
}

Ref task_get_coro(Value self, Args) { return as_task(self)->m_coro ? as_task(self)->m_coro : new_none(); }
Ref task_get_name(Value self, Args) { return task_name(as_task(self)); }
Ref task_set_name(Value self, Args args) {
  Ref text = is_str(args[0]) ? ref(args[0]) : str(args[0]);
  if (!text) return {};
  as_task(self)->m_name = std::move(text);
  return new_none();
}
Ref task_get_context(Value self, Args) {
  TaskObject* task = as_task(self);
  bool running = task->m_loop && loop_of(task)->m_current_task.get().is(self);
  Value context = context_of_slot(task->m_context, running);
  return context ? ref(context) : Ref();
}
Ref task_cancelling(Value self, Args) { return make_int(int64_t(as_task(self)->m_num_cancels_requested)); }
Ref task_uncancel(Value self, Args) {
  TaskObject* task = as_task(self);
  if (task->m_num_cancels_requested > 0) --task->m_num_cancels_requested;
  return make_int(int64_t(task->m_num_cancels_requested));
}
// get_stack()/print_stack() are written in Python (asyncio.tasks), as
// CPython's are.
Ref tasks_module_call(const char* name, std::initializer_list<Value> args) {
  Ref function = import_attribute("asyncio.tasks", name);
  if (!function) return {};
  return call(function, args);
}

Ref task_get_stack(Value self, Args args) {
  static const ArgSpec spec{"get_stack", {"limit"}, 0, 0, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  return tasks_module_call("_task_get_stack", {self, bound[0] ? bound[0] : Value(&none_object)});
}

Ref task_print_stack(Value self, Args args) {
  static const ArgSpec spec{"print_stack", {"limit", "file"}, 0, 0, 0};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  Value none(&none_object);
  return tasks_module_call("_task_print_stack", {self, bound[0] ? bound[0] : none, bound[1] ? bound[1] : none});
}

Ref get_must_cancel(Value self) { return new_bool(as_task(self)->m_must_cancel); }
Ref get_coro_attr(Value self) { return as_task(self)->m_coro ? as_task(self)->m_coro : new_none(); }
Ref get_fut_waiter(Value self) { return as_task(self)->m_fut_waiter ? as_task(self)->m_fut_waiter : new_none(); }
Ref get_log_destroy_pending(Value self) { return new_bool(as_task(self)->m_log_destroy_pending); }
bool set_log_destroy_pending(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "cannot delete attribute"), false;
  int truth = is_true(value);
  if (truth < 0) return false;
  as_task(self)->m_log_destroy_pending = truth;
  return true;
}
Ref get_num_cancels(Value self) { return make_int(int64_t(as_task(self)->m_num_cancels_requested)); }
Ref get_wakeup_callback(Value self);

const GetSetDef kTaskGetSet[] = {
    {"_must_cancel", get_must_cancel},
    {"_coro", get_coro_attr},
    {"_fut_waiter", get_fut_waiter},
    {"_log_destroy_pending", get_log_destroy_pending, set_log_destroy_pending},
    {"_num_cancels_requested", get_num_cancels},
    {"_wakeup_callback", get_wakeup_callback},
    {nullptr, nullptr},
};

const MethodDef kTaskMethods[] = {
    {"get_coro", task_get_coro, ArgKind::NoArgs},
    {"get_name", task_get_name, ArgKind::NoArgs},
    {"set_name", task_set_name, ArgKind::OneArg},
    {"get_context", task_get_context, ArgKind::NoArgs},
    {"cancelling", task_cancelling, ArgKind::NoArgs},
    {"uncancel", task_uncancel, ArgKind::NoArgs},
    {"get_stack", task_get_stack, ArgKind::Keywords},
    {"print_stack", task_print_stack, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// Schedules a step of `task` with `exception` thrown in (for errors found
// while handling what the coroutine yielded).
bool schedule_step_with_error(TaskObject* task, const std::string& message) {
  raise(&runtime_error_type, message);
  Ref exception = fetch_exception();
  Object* self = Value(task).as_object();
  incref(self);
  loop_push_ready(loop_of(task), {ReadyItem::Kind::TaskStep, self, exception.release().as_object()});
  return true;
}

std::string repr_text(Value v) {
  Ref text = repr(v);
  if (!text) {
    clear_exception();
    return "<repr failed>";
  }
  return std::string(str_view(text));
}

// What the coroutine yielded: a future to wait on, or a bare yield.
bool handle_yield(TaskObject* task, Ref yielded) {
  EventLoopObject* loop = loop_of(task);
  if (is_wait_object(yielded)) {
    wait_park_task(yielded, task);
    task->m_fut_waiter = std::move(yielded);
    if (task->m_must_cancel && wait_cancel(task->m_fut_waiter, task->cancel_message())) task->m_must_cancel = false;
    return true;
  }
  if (is_future(yielded)) {
    FutureObject* waited = as_future(yielded);
    if (!waited->m_loop.get().is(task->m_loop.get())) {
      return schedule_step_with_error(task, "Task " + repr_text(Value(task)) + " got Future " + repr_text(yielded) +
                                                " attached to a different loop");
    }
    if (!waited->m_blocking) {
      return schedule_step_with_error(task, "yield was used instead of yield from in task " +
                                                repr_text(Value(task)) + " with " + repr_text(yielded));
    }
    if (yielded.get().is(Value(task))) {
      return schedule_step_with_error(task, "Task cannot await on itself: " + repr_text(Value(task)));
    }
    waited->m_blocking = false;
    add_callback(waited, ref(Value(task)), Ref(), true);
    task->m_fut_waiter = yielded;
    if (task->m_must_cancel) {
      Ref message = ref(task->cancel_message());
      Ref cancelled = call_method(yielded, "cancel", {message ? message.get() : none()});
      if (!cancelled) return false;
      int truth = is_true(cancelled);
      if (truth < 0) return false;
      if (truth) task->m_must_cancel = false;
    }
    return true;
  }
  if (is_none(yielded)) {
    // A bare yield (sleep(0)): run again on the next iteration.
    Object* self = Value(task).as_object();
    incref(self);
    loop_push_ready(loop, {ReadyItem::Kind::TaskStep, self, nullptr});
    return true;
  }
  // Duck-typed futures: anything with _asyncio_future_blocking.
  bool found;
  Ref blocking = lookup_attr(yielded, intern_static("_asyncio_future_blocking"), found);
  if (!blocking && error_pending()) clear_exception();
  if (blocking && !is_none(blocking)) {
    int truth = is_true(blocking);
    if (truth < 0) return false;
    if (!truth) {
      return schedule_step_with_error(task, "yield was used instead of yield from in task " +
                                                repr_text(Value(task)) + " with " + repr_text(yielded));
    }
    if (!setattr(yielded, "_asyncio_future_blocking", py_bool(false))) return false;
    Ref wakeup = getattr(Value(task), "_wakeup_callback");
    if (!wakeup) return false;
    if (!call_method(yielded, "add_done_callback", {wakeup.get()})) return false;
    task->m_fut_waiter = yielded;
    return true;
  }
  if (yielded.type() == &generator_type) {
    return schedule_step_with_error(task, "yield was used instead of yield from for generator in task " +
                                              repr_text(Value(task)) + " with " + repr_text(yielded));
  }
  return schedule_step_with_error(task, "Task got bad yield: " + repr_text(yielded));
}

// A duck-typed future's done callback: wakes the task (non-native futures).
Ref task_wakeup_method(Value self, Args args) {
  if (!check_positional("_wakeup", args, 1, 1)) return {};
  TaskObject* task = as_task(self);
  Ref result = call_method(args[0], "result", {});
  bool ok;
  if (!result) {
    Ref exception = fetch_exception();
    ok = task_step(task, exception);
  } else {
    ok = task_step(task, Value());
  }
  if (!ok) return {};
  return new_none();
}
const MethodDef kWakeupDef = {"task_wakeup", task_wakeup_method, ArgKind::VarArgs};

Ref get_wakeup_callback(Value self) { return make_builtin_function(&kWakeupDef, self); }


Ref method_cancel(Value self, Args args) {
  static const ArgSpec spec{"cancel", {"msg"}, 0, 1, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  Value message = bound[0] && !is_none(bound[0]) ? bound[0] : Value();
  if (!is_task(self)) return new_bool(future_cancel(as_future(self), message));
  // Task.cancel: cancel what the task waits on, or throw into it on its next step.
  TaskObject* task = as_task(self);
  task->m_log_traceback = false;
  if (task->m_state != FutureState::Pending) return new_bool(false);
  ++task->m_num_cancels_requested;
  if (is_wait_object(task->m_fut_waiter)) {
    if (wait_cancel(task->m_fut_waiter, message)) return new_bool(true);
  } else if (task->m_fut_waiter) {
    Ref cancelled = call_method(task->m_fut_waiter, "cancel", {message ? message : none()});
    if (!cancelled) return {};
    int truth = is_true(cancelled);
    if (truth < 0) return {};
    if (truth) return new_bool(true);
  }
  task->m_must_cancel = true;
  if (message) {
    task->rare().cancel_message = ref(message);
  } else if (task->m_rare) {
    task->m_rare->cancel_message.reset();
  }
  return new_bool(true);
}

}  // namespace

namespace {

// Reports the pending exception, which stops a step before it starts, as
// the loop reports a failing callback.
void report_step_error(TaskObject* task) {
  Ref error = fetch_exception();
  Ref context = make_dict();
  if (context) {
    dict_setitem_str(context, "message", make_str("Exception in callback Task.task_wakeup()"));
    dict_setitem_str(context, "exception", error);
    loop_call_exception_handler(task->m_loop, context);
  }
}

}  // namespace

bool task_step(TaskObject* task, Value exception) {
  Ref keep_alive = ref(Value(task));
  if (task->m_state != FutureState::Pending) {
    Ref text = repr(Value(task));
    std::string shown = text ? std::string(str_view(text)) : "";
    raise_invalid_state("_step(): already done: " + shown);
    report_step_error(task);
    return true;
  }
  Ref thrown = exception ? ref(exception) : Ref();
  if (task->m_must_cancel) {
    if (!thrown || !isinstance(thrown, g_cancelled_error_type)) {
      thrown = make_cancelled_error(task);
      if (!thrown) return false;
    }
    task->m_must_cancel = false;
  }
  task->m_fut_waiter.reset();
  EventLoopObject* loop = loop_of(task);
  if (loop->m_current_task) {
    raise_format(&runtime_error_type, "Cannot enter into task %s while another task %s is being executed.",
                 repr_text(Value(task)).c_str(), repr_text(loop->m_current_task).c_str());
    report_step_error(task);
    return true;
  }
  // The whole step runs in the task's context, as CPython's __step run by
  // a Handle in it.
  Ref* saved_context;
  if (!context_enter(task->m_context, saved_context)) {
    report_step_error(task);
    return true;
  }
  enter_task(loop, task);
  Ref coro = task->m_coro;
  Ref result;
  bool returned = false;
  // What the coroutine yields comes straight back here, unless Python code
  // drives it (a coroutine-like object of a class).
  TaskObject* outer_step = g_thread.stepping_task;
  g_thread.stepping_task = coro.type() == &coroutine_type || is_wait_object(coro) ? task : nullptr;
  if (coro.type() == &coroutine_type) {
    result = generator_resume(coro.as<GeneratorObject>(), none(), returned, thrown.get());
  } else if (is_wait_object(coro)) {
    result = wait_resume(coro, thrown.get());
  } else if (thrown) {
    result = call_method(coro, "throw", {thrown.get()});
  } else {
    result = call_method(coro, "send", {none()});
  }
  g_thread.stepping_task = outer_step;
  if (!result && exception_matches(&stop_iteration_type)) {
    Ref stop = fetch_exception();
    Value v = as_exception(stop)->m_value.get();
    result = v ? ref(v) : new_none();
    returned = true;
  }
  bool ok = true;
  if (!result) {
    if (exception_matches(g_cancelled_error_type)) {
      task->rare().cancelled_exception = fetch_exception();
      future_cancel(task, Value());
      // future_cancel dropped the message Task.cancel stored, as Future.cancel() does.
    } else {
      Ref error = fetch_exception();
      bool fatal = isinstance(error, &system_exit_type) || isinstance(error, &keyboard_interrupt_type);
      future_set_exception(task, error);
      if (fatal) {
        restore_exception(std::move(error));
        ok = false;
      }
    }
  } else if (returned) {
    if (task->m_must_cancel) {
      task->m_must_cancel = false;
      future_cancel(task, ref(task->cancel_message()));
    } else {
      future_set_result(task, result);
    }
  } else {
    ok = handle_yield(task, std::move(result));
  }
  leave_task(loop);
  context_exit(task->m_context, saved_context);
  return ok;
}

bool task_wakeup(TaskObject* task, FutureObject* future) {
  Value self(future);
  if (future->m_state == FutureState::Cancelled) {
    Ref exception = make_cancelled_error(future);
    if (!exception) return false;
    return task_step(task, exception);
  }
  if (future->m_state == FutureState::Finished && future->m_exception) {
    future->m_log_traceback = false;
    return task_step(task, future->m_exception);
  }
  (void)self;
  return task_step(task, Value());
}

Ref make_future(Value loop) {
  Ref future = future_new(&future_type, nullptr, 0, nullptr);
  if (!future || !init_future(as_future(future), loop)) return {};
  return future;
}

Ref make_task(Value coro, Value loop, Value name, bool top_level, Value context) {
  Ref task = future_new(&task_type, nullptr, 0, nullptr);
  if (!task || !task_init_fields(as_task(task), coro, loop, name, top_level, context)) return {};
  return task;
}

Value current_task_of(Value loop) {
  if (!loop || !is_event_loop(loop)) return Value();
  return loop.as<EventLoopObject>()->m_current_task.get();
}

Ref all_tasks_list(Value loop) {
  Ref list = make_list();
  if (!list) return {};
  for (TaskObject* t = g_first_task; t != nullptr; t = t->m_next_task) {
    if (t->m_state != FutureState::Pending) continue;
    if (loop && !t->m_loop.get().is(loop)) continue;
    list_append(list, ref(Value(t)));
  }
  return list;
}

bool is_coroutine_object(Value v) {
  if (v.type() == &coroutine_type) return true;
  if (v.type() == &generator_type) {
    return (v.as<GeneratorObject>()->m_code.as<CodeObject>()->m_flags & kCodeIterableCoroutine) != 0;
  }
  Type* t = v.type();
  for (const char* name : {"send", "throw", "close", "__await__"}) {
    if (!type_lookup(t, name)) return false;
  }
  return true;
}

std::string format_coroutine(Value coro) {
  if (!coro) return "<None>";
  if (!is_generator_like(coro)) return repr_text(coro);
  auto* g = coro.as<GeneratorObject>();
  std::string name = std::string(str_view(generator_qualname(g))) + "()";
  CodeObject* code = g->m_code.as<CodeObject>();
  std::string file = code->m_filename && is_str(code->m_filename) ? std::string(str_view(code->m_filename)) : "";
  if (file.empty()) file = "<empty co_filename>";
  if (g->m_state == GeneratorState::Finished || g->m_frame == nullptr) {
    return name + " done, defined at " + file + ":" + std::to_string(code->m_firstlineno);
  }
  int line = g->m_state == GeneratorState::Created ? code->m_firstlineno : code_line_at(code, g->m_frame->lasti());
  return name + " running at " + file + ":" + std::to_string(line);
}

Type future_type, future_iter_type, task_type;

static struct FutureTypesSetup {
  FutureTypesSetup() {
    future_type.m_tp_name = "_asyncio.Future";
    future_type.m_size = sizeof(FutureObject);
    future_type.m_flags = kTypeBaseType | kTypeHasGC;
    future_type.m_new = future_new;
    future_type.m_init = future_init;
    future_type.m_repr = future_repr;
    future_type.m_iter = nullptr;
    future_type.m_destroy = future_destroy;
    future_type.m_finalize = future_finalize;
    future_type.m_traverse = future_traverse;
    future_type.m_clear = future_clear;
    future_type.m_extra_dict = future_extra_dict;
    future_type.m_methods = kFutureMethods;
    future_type.m_getset = kFutureGetSet;

    task_type.m_tp_name = "_asyncio.Task";
    task_type.m_base = &future_type;
    task_type.m_size = sizeof(TaskObject);
    task_type.m_flags = kTypeBaseType | kTypeHasGC;
    task_type.m_new = future_new;
    task_type.m_init = task_init;
    task_type.m_repr = task_repr;
    task_type.m_methods = kTaskMethods;
    task_type.m_getset = kTaskGetSet;

    future_iter_type.m_tp_name = "_asyncio.FutureIter";
    future_iter_type.m_size = sizeof(FutureIterObject);
    future_iter_type.m_flags = kTypeHasGC;
    future_iter_type.m_iter = future_iter_iter;
    future_iter_type.m_iternext = future_iter_next;
    future_iter_type.m_destroy = future_iter_destroy;
    future_iter_type.m_traverse = future_iter_traverse;
    future_iter_type.m_methods = kFutureIterMethods;
  }
} future_types_setup;

COIL_REGISTER_TYPE(future_type);
COIL_REGISTER_TYPE(task_type);
COIL_REGISTER_TYPE(future_iter_type);

// A task CPython makes where coil makes none (the task that accepts a
// connection) still takes its number, so that later default names agree.
void task_skip_name_number() { ++g_task_name_counter; }

}  // namespace coil
