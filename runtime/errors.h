// Raising and inspecting Python exceptions from C++ (DESIGN §3 "Errors").
//
// An exception travels as a return value: the failing function stores the
// exception object in the thread state and returns null (a null Ref, false,
// nullopt, or -1 for functions returning int). Callers test and propagate,
// usually with TRY (runtime/object.h). Nothing is thrown in C++.
#pragma once

#include <cstdarg>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct Frame;

struct ThreadState {
  // The exception being raised, or null.
  Ref current_exception;
  // The exception being handled (by an `except` block running), or null:
  // sys.exc_info(), bare `raise`, and the __context__ of new exceptions.
  Ref handled_exception;
  // The innermost Python frame running (the interpreter's chain).
  Frame* frame = nullptr;
  // Python frames and native re-entries currently nested, and the limit
  // (sys.setrecursionlimit) at which RecursionError is raised.
  int recursion_depth = 0;
  int recursion_limit = 1000;
  // The lowest address the C++ stack may reach before native recursion
  // (a __repr__ calling repr…) raises RecursionError instead of overflowing.
  char* stack_limit = nullptr;
  // The task whose step is resuming its coroutine (task_step), or null
  // while Python code drives a coroutine by hand (runtime/generator.h).
  struct TaskObject* stepping_task = nullptr;
  // sys.settrace's and sys.setprofile's functions, or null (vm/trace.h),
  // and whether one of them is being called now: events stop meanwhile.
  Ref trace_function;
  Ref profile_function;
  bool in_trace_call = false;
  // Whether the innermost run_frame runs the tracing instance of the loop.
  bool loop_tracing = false;
};

extern ThreadState g_thread;

// Exception types used from C++ (defined in runtime/exception.cpp).
extern Type base_exception_type, exception_type, type_error_type, value_error_type,
    attribute_error_type, name_error_type, unbound_local_error_type, key_error_type,
    index_error_type, lookup_error_type, zero_division_error_type, overflow_error_type,
    arithmetic_error_type, stop_iteration_type, stop_async_iteration_type,
    runtime_error_type, recursion_error_type, not_implemented_error_type, assertion_error_type,
    import_error_type, module_not_found_error_type, os_error_type, file_not_found_error_type,
    memory_error_type, system_exit_type, keyboard_interrupt_type, generator_exit_type,
    unicode_error_type, unicode_decode_error_type, unicode_encode_error_type,
    syntax_error_type, indentation_error_type, tab_error_type, eof_error_type,
    buffer_error_type, floating_point_error_type, reference_error_type, system_error_type,
    lookup_error_type, base_exception_group_type, exception_group_type, warning_type,
    user_warning_type, deprecation_warning_type, runtime_warning_type,
    is_a_directory_error_type, permission_error_type;

// Raises an exception of `type` with one str argument. Returns null so that
// `return raise(...)` works in functions returning Ref, bool or optional.
//
// The conversion to bool is a template taking only bool: a plain
// `operator bool` would also make int64_t constructible from Raised, and
// `return raise(...)` in a function returning optional<int64_t> would then
// build an optional holding 0 instead of nullopt.
struct Raised {
  operator Ref() const { return Ref(); }
  template <class B, std::enable_if_t<std::is_same_v<B, bool>, int> = 0>
  operator B() const { return false; }
  template <class T>
  operator std::optional<T>() const { return std::nullopt; }
};
Raised raise(Type* type, std::string_view message);
// printf-style message (%s takes a const char*; use type_name(...).data()
// for type names — they are NUL-terminated).
Raised raise_format(Type* type, const char* format, ...) __attribute__((format(printf, 2, 3)));
// Raises `exception` (an instance) or, if it is a type, an instance of it.
Raised raise_value(Value exception);
// Raises `type(*args)` with no arguments, or with `arg` as its only argument.
Raised raise_with(Type* type, Value arg);
Raised raise_no_memory();
// OSError(errno, strerror(errno)[, filename]): the subclass for that errno
// (FileNotFoundError…), as CPython's PyErr_SetFromErrnoWithFilenameObject.
Raised raise_os_error_from_errno(int error_number, Value filename = Value());

inline bool error_pending() { return static_cast<bool>(g_thread.current_exception); }
// Takes the pending exception (null if none), leaving none pending.
Ref fetch_exception();
// Makes `exception` (an instance, or null for none) the pending exception.
void restore_exception(Ref exception);
// True if the pending exception is an instance of `type`.
bool exception_matches(Type* type);
// Drops the pending exception.
inline void clear_exception() { g_thread.current_exception.reset(); }

// `TypeError: 'X' object is not …`-style helpers used throughout.
Raised raise_type_error_for(const char* format, Value object);

// Recursion guard for native code that calls back into Python (repr of a
// container, comparisons, __hash__…): enter() fails with RecursionError when
// the limit is reached, as CPython's Py_EnterRecursiveCall.
bool enter_recursive_call(const char* where);
inline void leave_recursive_call() { --g_thread.recursion_depth; }
struct RecursionGuard {
  bool ok;
  explicit RecursionGuard(const char* where) : ok(enter_recursive_call(where)) {}
  ~RecursionGuard() {
    if (ok) leave_recursive_call();
  }
};

}  // namespace coil
