// The `_asyncio` module: the native core of asyncio (runtime/loop/) that
// the `asyncio` package of lib/asyncio/ builds on — the loop, Future, Task,
// the running-loop and current-task functions, CancelledError and
// InvalidStateError.
#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/loop/io.h"
#include "runtime/loop/loop.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace coil {

namespace {

Ref get_running_loop(Value, Args) {
  Value loop = running_loop();
  if (!loop) return raise(&runtime_error_type, "no running event loop");
  return ref(loop);
}

Ref get_running_loop_or_none(Value, Args) {
  Value loop = running_loop();
  return loop ? ref(loop) : new_none();
}

// _set_running_loop(loop): what a loop written in Python would call.
Ref set_running_loop(Value, Args) { return new_none(); }

Ref get_event_loop(Value, Args) {
  if (Value loop = running_loop()) return ref(loop);
  if (Value loop = current_event_loop()) return ref(loop);
  if (!is_main_thread()) {
    // The message names the thread, as CPython's policy does.
    Ref thread = import_attribute("threading", "current_thread");
    Ref current = thread ? call(thread, {}) : Ref();
    Ref name = current ? getattr(current, "name") : Ref();
    Ref text = name ? repr(name) : Ref();
    if (!text) return {};
    return raise_format(&runtime_error_type, "There is no current event loop in thread %s.", str_cstr(text));
  }
  return raise(&runtime_error_type, "There is no current event loop in thread 'MainThread'.");
}

// _io_begin() / _io_end(): work for this thread's loop running elsewhere
// (an executor's thread) counts as I/O in flight, so that under virtual
// time the clock does not jump past a timer while its result is pending
// (lib/asyncio/futures.py counts wrap_future's futures).
Ref io_begin_function(Value, Args) {
  io_begin_operation();
  return new_none();
}

Ref io_end_function(Value, Args) {
  io_end_operation();
  return new_none();
}

Ref set_event_loop(Value, Args args) {
  Value loop = args[0];
  if (!is_none(loop) && !is_event_loop(loop)) {
    return raise_format(&type_error_type, "loop must be an instance of AbstractEventLoop or None, not '%s'",
                        value_type_name(loop).data());
  }
  set_current_event_loop(is_none(loop) ? Value() : loop);
  return new_none();
}

Ref new_event_loop(Value, Args) { return make_event_loop(); }

// The loop argument of current_task/all_tasks: given, or the running one.
bool loop_argument(Args args, const char* function, Value& loop) {
  static const ArgSpec current_spec{"current_task", {"loop"}, 0, SIZE_MAX, 0};
  static const ArgSpec all_spec{"all_tasks", {"loop"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(function[0] == 'c' ? current_spec : all_spec, args, bound)) return false;
  loop = bound[0] && !is_none(bound[0]) ? bound[0] : running_loop();
  if (!loop) {
    raise(&runtime_error_type, "no running event loop");
    return false;
  }
  return true;
}

Ref current_task(Value, Args args) {
  Value loop;
  if (!loop_argument(args, "current_task", loop)) return {};
  Value task = current_task_of(loop);
  return task ? ref(task) : new_none();
}

Ref all_tasks(Value, Args args) {
  Value loop;
  if (!loop_argument(args, "all_tasks", loop)) return {};
  Ref list = all_tasks_list(loop);
  if (!list) return {};
  Ref set_type = ref(Value(find_registered_type("set")));
  return call(set_type, {list.get()});
}

// Tasks register themselves when made; these keep CPython's names working.
Ref register_task(Value, Args) { return new_none(); }
Ref enter_task(Value, Args args) {
  if (!check_positional("_enter_task", args, 2, 2)) return {};
  if (!is_event_loop(args[0])) return raise(&type_error_type, "loop must be an event loop");
  EventLoopObject* loop = args[0].as<EventLoopObject>();
  if (loop->m_current_task) {
    Ref a = repr(args[1]);
    Ref b = repr(loop->m_current_task);
    if (!a || !b) return {};
    return raise_format(&runtime_error_type, "Cannot enter into task %s while another task %s is being executed.",
                        str_cstr(a), str_cstr(b));
  }
  loop->m_current_task = ref(args[1]);
  return new_none();
}
Ref leave_task(Value, Args args) {
  if (!check_positional("_leave_task", args, 2, 2)) return {};
  if (!is_event_loop(args[0])) return raise(&type_error_type, "loop must be an event loop");
  EventLoopObject* loop = args[0].as<EventLoopObject>();
  if (!loop->m_current_task.get().is(args[1])) {
    Ref a = repr(args[1]);
    Ref b = loop->m_current_task ? repr(loop->m_current_task) : repr(none());
    if (!a || !b) return {};
    return raise_format(&runtime_error_type, "Leaving task %s does not match the current task %s.", str_cstr(a),
                        str_cstr(b));
  }
  loop->m_current_task.reset();
  return new_none();
}

Ref may_run_loop_function(Value, Args) { return new_bool(may_run_loop()); }

// asyncio.create_task(coro, *, name=None, context=None).
Ref create_task(Value, Args args) {
  static const ArgSpec spec{"create_task", {"coro", "name", "context"}, 0, 1, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  Value loop = running_loop();
  if (!loop) {
    // CPython closes the coroutine it cannot schedule, so it does not also
    // warn that it was never awaited.
    Ref saved = fetch_exception();
    if (is_coroutine_object(bound[0])) {
      Ref closed = call_method(bound[0], "close", {});
      if (!closed) clear_exception();
    }
    restore_exception(std::move(saved));
    return raise(&runtime_error_type, "no running event loop");
  }
  Value name = bound[1] && !is_none(bound[1]) ? bound[1] : Value();
  Value context = bound[2] && !is_none(bound[2]) ? bound[2] : Value();
  EventLoopObject* l = loop.as<EventLoopObject>();
  if (l->m_task_factory) {
    // Through loop.create_task, which calls the factory, as CPython.
    Ref create = getattr(loop, "create_task");
    if (!create) return {};
    Ref kwnames = make_tuple({intern_static("name"), intern_static("context")});
    if (!kwnames) return {};
    Value call_args[3] = {bound[0], name ? name : none(), context ? context : none()};
    return call(create, call_args, 1, kwnames.as<TupleObject>());
  }
  if (l->m_closed) return raise(&runtime_error_type, "Event loop is closed");
  return make_task(bound[0], loop, name, false, context);
}

const MethodDef kFunctions[] = {
    {"get_running_loop", get_running_loop, ArgKind::NoArgs},
    {"_get_running_loop", get_running_loop_or_none, ArgKind::NoArgs},
    {"_set_running_loop", set_running_loop, ArgKind::OneArg},
    {"get_event_loop", get_event_loop, ArgKind::NoArgs},
    {"set_event_loop", set_event_loop, ArgKind::OneArg},
    {"new_event_loop", new_event_loop, ArgKind::NoArgs},
    {"current_task", current_task, ArgKind::Keywords},
    {"all_tasks", all_tasks, ArgKind::Keywords},
    {"_register_task", register_task, ArgKind::OneArg},
    {"_enter_task", enter_task, ArgKind::VarArgs},
    {"_leave_task", leave_task, ArgKind::VarArgs},
    {"_may_run_loop", may_run_loop_function, ArgKind::NoArgs},
    {"_io_begin", io_begin_function, ArgKind::NoArgs},
    {"_io_end", io_end_function, ArgKind::NoArgs},
    {"create_task", create_task, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// A class made as a class statement would: `class name(base)` in `module`.
Ref make_exception_class(const char* name, Value base, const char* module, const char* doc) {
  Ref ns = make_dict();
  Ref bases = make_tuple({base});
  Ref name_str = make_str(name);
  if (!ns || !bases || !name_str) return {};
  if (!dict_setitem_str(ns, "__module__", make_str(module)) || !dict_setitem_str(ns, "__doc__", make_str(doc)) ||
      !dict_setitem_str(ns, "__qualname__", name_str)) {
    return {};
  }
  return type_new(&type_type, name_str, bases, ns, Value());
}

bool init_asyncio_core(Value module) {
  if (!module_add_functions(module, kFunctions)) return false;
  Value dict = module_dict(module);
  if (!g_cancelled_error_type) {
    Ref cancelled = make_exception_class("CancelledError", Value(&base_exception_type), "asyncio.exceptions",
                                         "The Future or Task was cancelled.");
    if (!cancelled) return false;
    Ref invalid = make_exception_class("InvalidStateError", Value(&exception_type), "asyncio.exceptions",
                                       "The operation is not allowed in this state.");
    if (!invalid) return false;
    Ref queue_empty = make_exception_class("QueueEmpty", Value(&exception_type), "asyncio.queues",
                                           "Raised when Queue.get_nowait() is called on an empty Queue.");
    if (!queue_empty) return false;
    Ref queue_full = make_exception_class("QueueFull", Value(&exception_type), "asyncio.queues",
                                          "Raised when the Queue.put_nowait() method is called on a full Queue.");
    if (!queue_full) return false;
    g_cancelled_error_type = cancelled.release().as<Type>();
    g_invalid_state_error_type = invalid.release().as<Type>();
    g_queue_empty_type = queue_empty.release().as<Type>();
    g_queue_full_type = queue_full.release().as<Type>();
  }
  return dict_setitem_str(dict, "CancelledError", Value(g_cancelled_error_type)) &&
         dict_setitem_str(dict, "InvalidStateError", Value(g_invalid_state_error_type)) &&
         dict_setitem_str(dict, "Future", Value(&future_type)) && dict_setitem_str(dict, "Task", Value(&task_type)) &&
         dict_setitem_str(dict, "Event", Value(&event_type)) && dict_setitem_str(dict, "Lock", Value(&lock_type)) &&
         dict_setitem_str(dict, "Semaphore", Value(&semaphore_type)) &&
         dict_setitem_str(dict, "BoundedSemaphore", Value(&bounded_semaphore_type)) &&
         dict_setitem_str(dict, "Queue", Value(&queue_type)) &&
         dict_setitem_str(dict, "PriorityQueue", Value(&priority_queue_type)) &&
         dict_setitem_str(dict, "LifoQueue", Value(&lifo_queue_type)) &&
         dict_setitem_str(dict, "QueueEmpty", Value(g_queue_empty_type)) &&
         dict_setitem_str(dict, "QueueFull", Value(g_queue_full_type)) &&
         dict_setitem_str(dict, "EventLoop", Value(&event_loop_type)) &&
         dict_setitem_str(dict, "Handle", Value(&handle_type)) &&
         dict_setitem_str(dict, "TimerHandle", Value(&timer_handle_type));
}

}  // namespace

COIL_REGISTER_MODULE("_asyncio", init_asyncio_core);

}  // namespace coil
