// Raising and inspecting the pending exception (runtime/errors.h).
#include "runtime/errors.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

ThreadState g_thread;

namespace {

// Sets the pending exception to `exception` (an instance). As CPython's
// _PyErr_SetObject, the exception being handled becomes its __context__,
// unless that would make a cycle (the new exception is already in the
// handled one's context chain, which is then cut there).
void set_pending(Ref exception) {
  Value handled = g_thread.handled_exception.get();
  if (handled && !handled.is(exception.get())) {
    auto* e = exception.as<BaseExceptionObject>();
    if (!e->m_context || !e->m_context.get().is(handled)) {
      // Break a cycle: walk the handled exception's context chain.
      Value o = handled;
      while (true) {
        auto* link = o.as<BaseExceptionObject>();
        Value context = link->m_context.get();
        if (!context) break;
        if (context.is(exception.get())) {
          link->m_context.reset();
          break;
        }
        o = context;
      }
      e->m_context = ref(handled);
    }
  }
  g_thread.current_exception = std::move(exception);
}

}  // namespace

Raised raise(Type* type, std::string_view message) {
  Ref text = make_str(message);
  if (!text) return {};
  return raise_with(type, text);
}

Raised raise_format(Type* type, const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  if (n < 0) return raise(type, "");
  if (size_t(n) < sizeof buffer) return raise(type, std::string_view(buffer, size_t(n)));
  std::string long_text(size_t(n) + 1, '\0');
  va_start(args, format);
  std::vsnprintf(long_text.data(), long_text.size(), format, args);
  va_end(args);
  long_text.resize(size_t(n));
  return raise(type, long_text);
}

Raised raise_with(Type* type, Value arg) {
  Ref args = arg ? make_tuple({arg}) : Ref::borrow(empty_tuple());
  if (!args) return {};
  Ref exception = make_exception(type, args);
  if (!exception) return {};
  set_pending(std::move(exception));
  return {};
}

Raised raise_os_error_from_errno(int error_number, Value filename) {
  Ref number = make_int(int64_t(error_number));
  Ref message = make_str(std::strerror(error_number));
  if (!number || !message) return {};
  Ref exception = filename ? call(Value(&os_error_type), {number, message, filename})
                           : call(Value(&os_error_type), {number, message});
  if (!exception) return {};
  return raise_value(exception);
}

Raised raise_value(Value exception) {
  if (is_exception_instance(exception)) {
    set_pending(ref(exception));
    return {};
  }
  if (is_exception_type(exception)) {
    Ref instance = call(exception, nullptr, 0);
    if (!instance) return {};
    if (!is_exception_instance(instance)) {
      return raise_format(&type_error_type,
                          "calling %s should have returned an instance of BaseException, not %s",
                          repr(exception) ? str_cstr(repr(exception)) : "?",
                          value_type_name(instance).data());
    }
    set_pending(std::move(instance));
    return {};
  }
  return raise(&type_error_type, "exceptions must derive from BaseException");
}

Raised raise_no_memory() { return raise_with(&memory_error_type, Value()); }

Ref fetch_exception() { return std::move(g_thread.current_exception); }

void restore_exception(Ref exception) { g_thread.current_exception = std::move(exception); }

bool exception_matches(Type* type) {
  Value pending = g_thread.current_exception.get();
  return pending && isinstance(pending, type);
}

Raised raise_type_error_for(const char* format, Value object) {
  return raise_format(&type_error_type, format, value_type_name(object).data());
}

bool enter_recursive_call(const char* where) {
  char probe;
  if (++g_thread.recursion_depth > g_thread.recursion_limit ||
      (g_thread.stack_limit != nullptr && &probe < g_thread.stack_limit)) {
    --g_thread.recursion_depth;
    raise_format(&recursion_error_type, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

}  // namespace coil
