// BaseException and the built-in exception hierarchy
// (runtime/exception.cpp), and traceback objects (runtime/traceback.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/errors.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// Every built-in exception shares this layout; the extra attributes some
// classes have (OSError.errno, StopIteration.value, SystemExit.code,
// SyntaxError.lineno…) are fields of it too, as CPython's are members.
// One layout means any built-in exception class can be a base of any other
// Python class without layout conflicts, at the cost of a few unused words.
// Instances have a __dict__ (kTypeHasDict). __notes__ is kept in m_notes
// rather than in the dict as CPython 3.11 does: the interpreter copies it
// when it splits groups, and only `vars(e)` can tell the difference.
struct BaseExceptionObject : Object {
  Ref m_args;        // tuple
  Ref m_traceback;   // traceback or null
  Ref m_cause;       // exception or null
  Ref m_context;     // exception or null
  bool m_suppress_context = false;
  Ref m_notes;       // __notes__: anything the program stored, usually a list; null if unset
  // Class-specific attributes (null when the class has none or they are unset):
  Ref m_value;       // StopIteration.value, SystemExit.code
  Ref m_message;     // BaseExceptionGroup.message, SyntaxError.msg, ImportError.msg
  Ref m_exceptions;  // BaseExceptionGroup.exceptions (tuple)
  Ref m_name;        // NameError/AttributeError/ImportError .name
  Ref m_obj;         // AttributeError.obj, ImportError.path
  // OSError: errno, strerror, filename, filename2; BlockingIOError's
  // characters_written (-1: unset). SyntaxError reuses m_filename.
  Ref m_errno;
  Ref m_strerror;
  Ref m_filename;
  Ref m_filename2;
  int64_t m_written = -1;
  // SyntaxError: lineno, offset, text, end_lineno, end_offset, print_file_and_line.
  Ref m_lineno;
  Ref m_offset;
  Ref m_text;
  Ref m_end_lineno;
  Ref m_end_offset;
  Ref m_print_file_and_line;
  // UnicodeError subclasses: encoding, object, reason, and start/end as
  // C integers (CPython's Py_ssize_t members).
  Ref m_encoding;
  Ref m_object;
  Ref m_reason;
  int64_t m_start = 0;
  int64_t m_end = 0;
};

struct TracebackObject : Object {
  Ref m_next;     // traceback or null
  Ref m_frame;    // frame object or null (tb_frame makes a snapshot on first use)
  Ref m_code;     // the frame's code
  int m_lasti;    // the instruction index
  int m_lineno;
  // The frame's namespaces, for NameError's "Did you mean" (CPython finds
  // them through tb_frame).
  Ref m_globals;
  Ref m_builtins;
};

extern Type traceback_type;

// The exception types not declared in runtime/errors.h (which lists the
// ones C++ code raises most).
extern Type blocking_io_error_type, child_process_error_type, connection_error_type,
    broken_pipe_error_type, connection_aborted_error_type, connection_refused_error_type,
    connection_reset_error_type, file_exists_error_type, interrupted_error_type,
    not_a_directory_error_type, process_lookup_error_type, timeout_error_type,
    unicode_translate_error_type, bytes_warning_type, encoding_warning_type,
    future_warning_type, import_warning_type, pending_deprecation_warning_type,
    resource_warning_type, syntax_warning_type, unicode_warning_type;

inline bool is_exception_instance(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeBaseExcSubclass) != 0;
}
inline bool is_exception_type(Value v) {
  return v.is_object() && v.type() != nullptr &&
         (v.type()->m_flags & kTypeTypeSubclass) != 0 &&
         (v.as<Type>()->m_flags & kTypeBaseExcSubclass) != 0;
}
inline BaseExceptionObject* as_exception(Value v) { return v.as<BaseExceptionObject>(); }
inline bool is_exception_group(Value v) { return v.is_object() && isinstance(v, &base_exception_group_type); }

// A new exception: type(*args). `args_tuple` must be a tuple.
Ref make_exception(Type* type, Value args_tuple);
// Prepends a traceback entry for `code` at instruction `lasti` (the
// interpreter calls this as an exception leaves each frame).
void exception_add_traceback(Value exception, Value code, int lasti, int lineno);

// Finishes the exception classes once the runtime has readied the types:
// ExceptionGroup's bases are (BaseExceptionGroup, Exception), but
// init_runtime() readies built-in types with single inheritance, so its
// __bases__ and __mro__ are completed here. Must run before Python code
// looks at ExceptionGroup: the builtins module's init should call it (the
// first exception made calls it too, as a fallback). Idempotent.
bool init_exception_types();

// PyErr_GivenExceptionMatches: `exception` (an instance or a class) is an
// instance/subclass of `matcher`, a class or a (nested) tuple of classes.
bool exception_given_matches(Value exception, Value matcher);

// "Did you mean" support, as CPython 3.11 gathers it:
// - after a failed attribute lookup (PyObject_GetAttr), gives a pending
//   AttributeError that has no name/obj yet the looked-up `name` and `object`;
// - after a failed global/name lookup (format_exc_check_arg), gives a pending
//   NameError (exactly that class) its `name`.
void augment_attribute_error(Value object, Value name);
void augment_name_error(Value name);

// ExceptionGroup(message, exceptions) for a sequence `exceptions`.
Ref make_exception_group(std::string_view message, Value exceptions);

// How to print an exception (runtime/traceback.cpp). The defaults are the
// interpreter's (CPython's PyErr_Display); the `traceback` module asks for
// traceback.py's rendering, which differs in small ways (SyntaxError lines,
// notes, trailing blanks, the meaning of `limit`).
struct PrintOptions {
  bool chain = true;          // print __cause__/__context__ first
  bool python_style = false;  // traceback.py's rendering
  bool only_message = false;  // no traceback, no chain: the "Type: message" part
  bool limit_set = false;     // `limit` given (else sys.tracebacklimit, or 1000)
  int64_t limit = 0;
  // traceback.format_exception(type, value, tb) shows `tb` (None: no
  // traceback) for `value` in place of value.__traceback__.
  const Object* top_exception = nullptr;
  Value top_traceback;
};

// Prints `exception` to sys.stderr as CPython prints an uncaught one: the
// chain of causes and contexts, each traceback, exception groups as trees.
// Any pending exception is left as it was.
void print_exception(Value exception);
// Reports an exception that cannot propagate (from a finalizer, __del__)
// through sys.unraisablehook, whose default prints "Exception ignored in:
// REPR" and the traceback.
void write_unraisable(Value where, Value exception);
// The same with another context than "in": "Exception ignored CONTEXT: REPR"
// ("in thread started by").
void write_unraisable(Value where, Value exception, const char* context);
// What the default sys.unraisablehook prints: "ERR_MSG: REPR" (or
// "Exception ignored in: REPR" when `err_msg` is None or null), then the
// exception with its traceback.
void print_unraisable(Value err_msg, Value object, Value exception);
// sys.UnraisableHookArgs, the struct sys.unraisablehook gets.
extern Type unraisable_hook_args_type;
// Line `lineno` of a code object's source (from its file, or the text it
// was compiled from), as tracebacks show it; false when there is none.
bool code_source_line(const struct CodeObject* code, int lineno, std::string& line);
std::string format_exception(Value exception);
std::string format_exception(Value exception, const PrintOptions& options);
// The same text cut into the strings traceback.format_exception() returns.
std::vector<std::string> format_exception_chunks(Value exception, const PrintOptions& options);
// The entries of a traceback alone, one string each (traceback.format_tb).
std::vector<std::string> format_traceback_chunks(Value traceback, const PrintOptions& options);
// A frame object for `frame` and, `with_callers`, its callers behind f_back
// (sys._getframe), as they are now; `frame` must not be null. A suspended
// generator's frame is taken alone (its `previous` is not its caller).
Ref frame_snapshot(struct Frame* frame, bool with_callers = true);
// A new traceback entry in front of `next` (a traceback or null).
Ref make_traceback(Value next, Value code, int lasti, int lineno);

}  // namespace coil
