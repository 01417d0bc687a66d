// The `sys` module.
#include <unistd.h>

#include <cfloat>
#include <climits>
#include <cstdlib>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/generator.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/numeric.h"
#include "runtime/str.h"
#include "runtime/struct_seq.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "runtime/set.h"
#include "stdlib/site_builtins.h"
#include "stdlib/types.h"
#include "vm/import.h"
#include "vm/interpreter.h"
#include "vm/trace.h"

namespace coil {

std::vector<std::string> g_sys_argv;
std::vector<std::string> g_sys_path;
// The command line coil was started with, whole (sys.orig_argv).
std::vector<std::string> g_sys_orig_argv;

// sys's struct sequences, with CPython 3.11's fields.
Type version_info_type = make_struct_seq_type(
    "sys.version_info", {"major", "minor", "micro", "releaselevel", "serial"},
    "sys.version_info\n\nVersion information as a named tuple.");
Type float_info_type = make_struct_seq_type(
    "sys.float_info", {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
                       "epsilon", "radix", "rounds"},
    "sys.float_info\n\nA named tuple holding information about the float type.");
Type int_info_type = make_struct_seq_type(
    "sys.int_info", {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
    "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.");
Type hash_info_type = make_struct_seq_type(
    "sys.hash_info", {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"},
    "hash_info\n\nA named tuple providing parameters used for computing\nhashes.");
Type flags_type = make_struct_seq_type(
    "sys.flags", {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
                  "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
                  "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"},
    "sys.flags\n\nFlags provided through command line arguments or environment vars.");
COIL_REGISTER_TYPE(version_info_type, "sys");
COIL_REGISTER_TYPE(float_info_type, "sys");
COIL_REGISTER_TYPE(int_info_type, "sys");
COIL_REGISTER_TYPE(hash_info_type, "sys");
Type thread_info_type = make_struct_seq_type(
    "sys.thread_info", {"name", "lock", "version"},
    "sys.thread_info\n\nA named tuple holding information about the thread implementation.");
COIL_REGISTER_TYPE(flags_type, "sys");
COIL_REGISTER_TYPE(thread_info_type, "sys");

namespace {

Ref sys_exit(Value, Args args) {
  if (!check_positional("exit", args, 0, 1)) return {};
  // As CPython's PyErr_SetObject: None gives SystemExit(), a tuple is the
  // exception's arguments, anything else its only one.
  Value status = args.count ? args[0] : Value();
  if (!status || is_none(status)) return raise_with(&system_exit_type, Value());
  if (is_tuple(status)) {
    Ref exception = make_exception(&system_exit_type, status);
    if (!exception) return {};
    return raise_value(exception);
  }
  return raise_with(&system_exit_type, status);
}

// sys._getframe([depth]): a snapshot of the frame `depth` calls up, with
// its callers behind f_back.
Ref sys_getframe(Value, Args args) {
  int64_t depth = 0;
  if (args.count > 1) {
    return raise_format(&type_error_type, "_getframe expected at most 1 argument, got %zu", args.count);
  }
  if (args.count == 1) {
    if (!is_int(args[0])) {
      return raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer",
                          value_type_name(args[0]).data());
    }
    std::optional<int64_t> n = int_as_int64(args[0]);
    if (!n) return {};
    depth = *n;
  }
  Frame* frame = g_thread.frame;
  for (; depth > 0 && frame != nullptr; --depth) frame = frame->previous;
  if (frame == nullptr) return raise(&value_error_type, "call stack is not deep enough");
  return frame_snapshot(frame);
}

Ref sys_getrecursionlimit(Value, Args) { return make_int(int64_t(g_thread.recursion_limit)); }

Ref sys_setrecursionlimit(Value, Args args) {
  if (!is_int(args[0])) {
    return raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer",
                        value_type_name(args[0]).data());
  }
  std::optional<int64_t> n = int_as_int64(args[0]);
  if (!n) return {};
  if (*n < 1) return raise(&value_error_type, "recursion limit must be greater or equal than 1");
  if (*n > INT_MAX) return raise(&overflow_error_type, "Python int too large to convert to C int");
  if (*n <= g_thread.recursion_depth) {
    return raise_format(&recursion_error_type,
                        "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        static_cast<long long>(*n), g_thread.recursion_depth);
  }
  g_thread.recursion_limit = int(*n);
  return new_none();
}

// The GIL's switch interval (runtime/threads.h), as CPython's.
Ref sys_getswitchinterval(Value, Args) { return make_float(get_switch_interval()); }

Ref sys_setswitchinterval(Value, Args args) {
  double seconds;
  if (!float_as_double(args[0], seconds)) return {};
  if (!(seconds > 0)) return raise(&value_error_type, "switch interval must be strictly positive");
  set_switch_interval(seconds);
  return new_none();
}

Ref sys_exc_info(Value, Args) {
  Value e = g_thread.handled_exception.get();
  if (!e) return make_tuple({none(), none(), none()});
  auto* ex = e.as<BaseExceptionObject>();
  return make_tuple({Value(e.type()), e, ex->m_traceback ? ex->m_traceback.get() : none()});
}

Ref sys_exception(Value, Args) {
  Value e = g_thread.handled_exception.get();
  return e ? ref(e) : new_none();
}

Ref sys_displayhook(Value, Args args) {
  Value v = args[0];
  if (is_none(v)) return new_none();
  Value builtins = lookup_module("builtins");
  if (builtins && !setattr(builtins, "_", none())) return {};
  Ref text = repr(v);
  if (!text) return {};
  Value sys = lookup_module("sys");
  Ref out = sys ? getattr(sys, "stdout") : Ref();
  if (!out) return {};
  if (!file_write_text(out, std::string(str_view(text)) + "\n")) return {};
  if (builtins && !setattr(builtins, "_", v)) return {};
  return new_none();
}

Ref sys_excepthook(Value, Args args) {
  if (!check_positional("excepthook", args, 3, 3)) return {};
  print_exception(args[1]);
  return new_none();
}

// sys.__unraisablehook__: prints what write_unraisable hands it.
Ref sys_unraisablehook(Value, Args args) {
  if (args[0].type() != &unraisable_hook_args_type) {
    return raise(&type_error_type, "sys.unraisablehook argument type must be UnraisableHookArgs");
  }
  print_unraisable(tuple_item(args[0], 3), tuple_item(args[0], 4), tuple_item(args[0], 1));
  return new_none();
}

Ref sys_intern(Value, Args args) {
  if (!is_exact_str(args[0])) {
    return raise_format(&type_error_type, "intern() argument must be str, not %s", value_type_name(args[0]).data());
  }
  return intern(str_view(args[0]));
}

Ref object_size(Value object);

// getsizeof(object[, default]): __sizeof__ plus the collector's header for
// the types it tracks, as CPython's (16 bytes there: its PyGC_Head). The
// default is returned when __sizeof__ is missing or raises TypeError.
Ref sys_getsizeof(Value, Args args) {
  static const ArgSpec spec{"getsizeof", {"object", "default"}, 0, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  Value object = bound[0], fallback = bound[1];
  Ref size = object_size(object);
  if (!size && fallback && exception_matches(&type_error_type)) {
    clear_exception();
    return ref(fallback);
  }
  return size;
}

Ref object_size(Value object) {
  bool found;
  Ref r = call_special(object, "__sizeof__", {}, found);
  if (!found && !error_pending()) {
    return raise_format(&type_error_type, "Type %s doesn't define __sizeof__", value_type_name(object).data());
  }
  if (!r) return {};
  if (!is_int(r)) {
    if (!r.type()->m_index) return raise(&type_error_type, "an integer is required");
    r = index(r);
    if (!r) return {};
  }
  std::optional<int64_t> size = int_as_int64(r);
  if (!size) {
    if (exception_matches(&overflow_error_type)) {
      clear_exception();
      return raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
    }
    return {};
  }
  if (*size < 0) return raise(&value_error_type, "__sizeof__() should return >= 0");
  // CPython 3.11 puts two more pointers (the managed __dict__ and weak
  // references) before instances of classes that have a __dict__.
  int64_t header = 0;
  if (object.is_object() && (object.type()->m_flags & kTypeHasGC)) {
    header = 16;
    if ((object.type()->m_flags & kTypeHeapType) && object.type()->m_dict_offset != 0) header += 16;
  }
  return make_int(*size + header);
}

// sys.audit / sys.addaudithook: the hooks see the events raised with
// sys.audit (coil raises none of its own). As CPython's, audit checks its
// event argument only when a hook is installed.
Ref g_audit_hooks;

Ref sys_addaudithook(Value, Args args) {
  static const ArgSpec spec{"addaudithook", {"hook"}, 0, SIZE_MAX, 1};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  if (!g_audit_hooks) g_audit_hooks = make_list();
  if (!g_audit_hooks) return {};
  list_append(g_audit_hooks, ref(bound[0]));
  return new_none();
}

Ref sys_audit(Value, Args args) {
  if (args.kwnames && tuple_size(Value(args.kwnames)) > 0) return raise(&type_error_type, "audit() takes no keyword arguments");
  if (args.count == 0) return raise(&type_error_type, "audit() missing 1 required positional argument: 'event'");
  if (!g_audit_hooks || as_list(g_audit_hooks)->m_items.empty()) return new_none();
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "expected str for argument 'event', not %s", value_type_name(args[0]).data());
  }
  Ref event_args = make_tuple(args.items + 1, args.count - 1);
  if (!event_args) return {};
  std::vector<Ref> hooks = as_list(g_audit_hooks)->m_items;  // a hook may add hooks
  for (const Ref& hook : hooks) {
    if (!call(hook, {args[0], event_args})) return {};
  }
  return new_none();
}

// call_tracing(func, args): func(*args), as CPython's (which also turns
// tracing back on for the call; coil traces the same either way).
Ref sys_call_tracing(Value, Args args) {
  if (!check_positional("call_tracing", args, 2, 2)) return {};
  if (!is_tuple(args[1])) {
    return raise_format(&type_error_type, "call_tracing() argument 2 must be tuple, not %s",
                        value_type_name(args[1]).data());
  }
  return call_with_tuple(args[0], args[1], Value());
}

// Python code that runs while coil shuts down (atexit handlers, the last
// __del__ calls) runs before the runtime is torn down: never finalizing.
Ref sys_is_finalizing(Value, Args) { return ref(py_bool(false)); }
Ref sys_getfilesystemencodeerrors(Value, Args) { return make_str("surrogateescape"); }

// dlopen flags: kept for programs that save and restore them; coil loads
// no extension modules. 2 is RTLD_NOW, CPython's default.
int g_dlopen_flags = 2;
Ref sys_getdlopenflags(Value, Args) { return make_int(int64_t(g_dlopen_flags)); }
Ref sys_setdlopenflags(Value, Args args) {
  if (!is_int(args[0])) {
    return raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer",
                        value_type_name(args[0]).data());
  }
  std::optional<int64_t> n = int_as_int64(args[0]);
  if (!n) return {};
  g_dlopen_flags = int(*n);
  return new_none();
}

// Coroutine origin tracking (cr_origin) is not recorded; the depth is kept
// so that asyncio's debug mode can set and restore it.
int64_t g_coroutine_origin_depth = 0;
Ref sys_get_coroutine_origin_tracking_depth(Value, Args) { return make_int(g_coroutine_origin_depth); }
// The one int argument of `spec` (an int, not merely an __index__ object,
// as CPython's "i" and "n" formats with these functions).
std::optional<int64_t> one_int_argument(const ArgSpec& spec, Args args) {
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return std::nullopt;
  if (!is_int(bound[0])) {
    raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer",
                 value_type_name(bound[0]).data());
    return std::nullopt;
  }
  return int_as_int64(bound[0]);
}

Ref sys_set_coroutine_origin_tracking_depth(Value, Args args) {
  static const ArgSpec spec{"set_coroutine_origin_tracking_depth", {"depth"}, 0, SIZE_MAX, 1};
  std::optional<int64_t> n = one_int_argument(spec, args);
  if (!n) return {};
  if (*n < 0) return raise(&value_error_type, "depth must be >= 0");
  g_coroutine_origin_depth = *n;
  return new_none();
}

// _current_frames(): {thread id: frame} for the running thread (the others'
// frames are not reachable while they wait for the GIL).
Ref sys_current_frames(Value, Args) {
  Ref result = make_dict();
  if (!result) return {};
  if (g_thread.frame == nullptr) return result;
  Ref frame = frame_snapshot(g_thread.frame);
  Ref id = make_int(int64_t(thread_ident()));
  if (!frame || !id || !dict_setitem(result, id, frame)) return {};
  return result;
}

Ref sys_current_exceptions(Value, Args) {
  Ref result = make_dict();
  if (!result) return {};
  Value e = g_thread.handled_exception.get();
  Ref id = make_int(int64_t(thread_ident()));
  if (!id || !dict_setitem(result, id, e ? e : none())) return {};
  return result;
}

Ref sys_no_op(Value, Args) { return new_none(); }
Ref sys_getallocatedblocks(Value, Args) { return make_int(int64_t(0)); }
Ref sys_getquickenedcount(Value, Args) { return make_int(int64_t(0)); }

Ref sys_settrace(Value, Args args) {
  if (!set_trace_function(args[0])) return {};
  return new_none();
}
Ref sys_setprofile(Value, Args args) {
  if (!set_profile_function(args[0])) return {};
  return new_none();
}
Ref sys_gettrace(Value, Args) { return g_thread.trace_function ? g_thread.trace_function : new_none(); }
Ref sys_getprofile(Value, Args) { return g_thread.profile_function ? g_thread.profile_function : new_none(); }

Ref sys_getrefcount(Value, Args args) {
  return make_int(args[0].is_object() ? args[0].as_object()->m_refcount : int64_t(1));
}

Ref sys_getdefaultencoding(Value, Args) { return make_str("utf-8"); }
Ref sys_getfilesystemencoding(Value, Args) { return make_str("utf-8"); }

Ref sys_get_int_max_str_digits(Value, Args) { return make_int(int_max_str_digits()); }

// set_int_max_str_digits(maxdigits): 0 lifts the limit; otherwise at least
// the threshold under which conversions are never checked.
Ref sys_set_int_max_str_digits(Value, Args args) {
  static const ArgSpec spec{"set_int_max_str_digits", {"maxdigits"}, 0, SIZE_MAX, 1};
  std::optional<int64_t> n = one_int_argument(spec, args);
  if (!n) return {};
  if (*n != 0 && *n < kIntMaxStrDigitsThreshold) {
    return raise_format(&value_error_type, "maxdigits must be 0 or larger than %d", int(kIntMaxStrDigitsThreshold));
  }
  set_int_max_str_digits(*n);
  return new_none();
}

const MethodDef kSysFunctions[] = {
    {"getdefaultencoding", sys_getdefaultencoding, ArgKind::NoArgs},
    {"breakpointhook", sys_breakpointhook, ArgKind::Keywords},
    {"getfilesystemencoding", sys_getfilesystemencoding, ArgKind::NoArgs},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, ArgKind::NoArgs},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, ArgKind::Keywords},
    {"exit", sys_exit, ArgKind::VarArgs},
    {"getrecursionlimit", sys_getrecursionlimit, ArgKind::NoArgs},
    {"_getframe", sys_getframe, ArgKind::VarArgs},
    {"setrecursionlimit", sys_setrecursionlimit, ArgKind::OneArg},
    {"getswitchinterval", sys_getswitchinterval, ArgKind::NoArgs},
    {"setswitchinterval", sys_setswitchinterval, ArgKind::OneArg},
    {"exc_info", sys_exc_info, ArgKind::NoArgs},
    {"exception", sys_exception, ArgKind::NoArgs},
    {"displayhook", sys_displayhook, ArgKind::OneArg},
    {"excepthook", sys_excepthook, ArgKind::VarArgs},
    {"unraisablehook", sys_unraisablehook, ArgKind::OneArg},
    {"intern", sys_intern, ArgKind::OneArg},
    {"getsizeof", sys_getsizeof, ArgKind::Keywords},
    {"getrefcount", sys_getrefcount, ArgKind::OneArg},
    {"addaudithook", sys_addaudithook, ArgKind::Keywords},
    {"audit", sys_audit, ArgKind::Keywords},
    {"call_tracing", sys_call_tracing, ArgKind::VarArgs},
    {"is_finalizing", sys_is_finalizing, ArgKind::NoArgs},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, ArgKind::NoArgs},
    {"getdlopenflags", sys_getdlopenflags, ArgKind::NoArgs},
    {"setdlopenflags", sys_setdlopenflags, ArgKind::OneArg},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, ArgKind::NoArgs},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth, ArgKind::Keywords},
    {"_current_frames", sys_current_frames, ArgKind::NoArgs},
    {"_current_exceptions", sys_current_exceptions, ArgKind::NoArgs},
    {"_clear_type_cache", sys_no_op, ArgKind::NoArgs},
    {"_debugmallocstats", sys_no_op, ArgKind::NoArgs},
    {"getallocatedblocks", sys_getallocatedblocks, ArgKind::NoArgs},
    {"_getquickenedcount", sys_getquickenedcount, ArgKind::NoArgs},
    {"settrace", sys_settrace, ArgKind::OneArg},
    {"gettrace", sys_gettrace, ArgKind::NoArgs},
    {"setprofile", sys_setprofile, ArgKind::OneArg},
    {"getprofile", sys_getprofile, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// CPython's sys.copyright, which programs print in their banners.
const char kCopyright[] =
    "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

Ref string_list(const std::vector<std::string>& items) {
  Ref list = make_list();
  for (const std::string& item : items) list_append(list, make_str(item));
  return list;
}

// sys.executable: the absolute path of the running binary, so that a
// program can start another interpreter as it would under CPython.
std::string executable_path() {
  char buffer[4096];
  ssize_t size = readlink("/proc/self/exe", buffer, sizeof buffer);
  if (size <= 0 || size_t(size) >= sizeof buffer) return std::string();
  return std::string(buffer, size_t(size));
}

bool init_sys(Value module) {
  if (!module_add_functions(module, kSysFunctions) || !module_add_functions(module, kAsyncGenHookFunctions)) {
    return false;
  }
  Value d = module_dict(module);
  Ref final = make_str("final");
  Ref version_info = make_struct_seq(&version_info_type, {Value::small_int(3), Value::small_int(11),
                                                          Value::small_int(7), final, Value::small_int(0)});
  Ref float_max = make_float(DBL_MAX), float_min = make_float(DBL_MIN), float_epsilon = make_float(DBL_EPSILON);
  Ref float_info = make_struct_seq(
      &float_info_type, {float_max, Value::small_int(DBL_MAX_EXP), Value::small_int(DBL_MAX_10_EXP), float_min,
                         Value::small_int(DBL_MIN_EXP), Value::small_int(DBL_MIN_10_EXP), Value::small_int(DBL_DIG),
                         Value::small_int(DBL_MANT_DIG), float_epsilon, Value::small_int(FLT_RADIX),
                         Value::small_int(1)});
  // As CPython's 30-bit digits, though coil's big ints are GMP's.
  Ref int_info = make_struct_seq(&int_info_type, {Value::small_int(30), Value::small_int(4),
                                                  Value::small_int(kDefaultIntMaxStrDigits),
                                                  Value::small_int(kIntMaxStrDigitsThreshold)});
  Ref modulus = make_int(int64_t((uint64_t(1) << 61) - 1));
  Ref algorithm = make_str("siphash13");
  Ref hash_info = make_struct_seq(&hash_info_type, {Value::small_int(64), modulus, Value::small_int(314159),
                                                    Value::small_int(0), Value::small_int(1000003), algorithm,
                                                    Value::small_int(64), Value::small_int(128), Value::small_int(0)});
  Value zero = Value::small_int(0);
  Ref flags = make_struct_seq(&flags_type, {zero, zero, zero, zero, Value::small_int(1), zero, zero, zero, zero,
                                            zero, zero, Value::small_int(1), zero, py_bool(false), zero, zero,
                                            py_bool(false), Value::small_int(-1)});
  Ref builtin_names = native_module_names();
  Ref thread_info = make_struct_seq(&thread_info_type, {make_str("pthread"), make_str("semaphore"), none()});
  // As CPython's attributes; the name and cache tag say which interpreter.
  Ref implementation = make_simple_namespace({{"name", make_str("coil")},
                                              {"cache_tag", make_str("coil-311")},
                                              {"version", version_info},
                                              {"hexversion", make_int(int64_t(0x030B07F0))},
                                              {"_multiarch", make_str("x86_64-linux-gnu")}});
  // The names of CPython 3.11's standard library modules (sys.stdlib_module_names),
  // whether coil has them or not: programs use it to tell stdlib modules apart.
  static const char* const kStdlibModuleNames[] = {
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2", "_bootsubprocess", "_bz2",
    "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    "_collections", "_collections_abc", "_compat_pickle", "_compression", "_contextvars", "_crypt", "_csv",
    "_ctypes", "_curses", "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib",
    "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_io", "_json", "_locale",
    "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec", "_multiprocessing", "_opcode",
    "_operator", "_osx_support", "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_py_abc",
    "_pydecimal", "_pyio", "_queue", "_random", "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512", "_signal",
    "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime",
    "_struct", "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc", "_typing",
    "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc", "aifc", "antigravity",
    "argparse", "array", "ast", "asynchat", "asyncio", "asyncore", "atexit", "audioop", "base64", "bdb", "binascii",
    "bisect", "builtins", "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs",
    "codeop", "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib", "contextvars",
    "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib",
    "dis", "distutils", "doctest", "email", "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl",
    "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass",
    "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib",
    "imghdr", "imp", "importlib", "inspect", "io", "ipaddress", "itertools", "json", "keyword", "lib2to3",
    "linecache", "locale", "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap",
    "modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path",
    "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools",
    "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats",
    "pty", "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re",
    "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve",
    "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3",
    "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string", "stringprep", "struct",
    "subprocess", "sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile",
    "termios", "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib",
    "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing", "unicodedata",
    "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref", "webbrowser", "winreg", "winsound",
    "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo"
  };
  Ref stdlib_names = make_set();
  if (!stdlib_names) return false;
  for (const char* name : kStdlibModuleNames) {
    if (!set_add(stdlib_names, make_str(name))) return false;
  }
  Ref stdlib_frozen = make_frozenset(stdlib_names);
  std::string prefix = "/usr/local";
  if (!thread_info || !implementation || !stdlib_frozen) return false;
  if (!version_info || !float_info || !int_info || !hash_info || !flags || !builtin_names) return false;
  bool ok = dict_setitem_str(d, "argv", string_list(g_sys_argv)) &&
            dict_setitem_str(d, "path", string_list(g_sys_path)) &&
            dict_setitem_str(d, "modules", modules_dict()) &&
            dict_setitem_str(d, "stdin", make_std_file(stdin, "<stdin>", "r")) &&
            dict_setitem_str(d, "stdout", make_std_file(stdout, "<stdout>", "w")) &&
            dict_setitem_str(d, "stderr", make_std_file(stderr, "<stderr>", "w")) &&
            dict_setitem_str(d, "version_info", version_info) &&
            dict_setitem_str(d, "version", make_str("3.11.7 (coil)")) &&
            dict_setitem_str(d, "hexversion", make_int(int64_t(0x030B07F0))) &&
            dict_setitem_str(d, "platform", make_str("linux")) &&
            dict_setitem_str(d, "byteorder", make_str("little")) &&
            dict_setitem_str(d, "maxsize", make_int(int64_t(INT64_MAX))) &&
            dict_setitem_str(d, "maxunicode", make_int(int64_t(0x10FFFF))) &&
            dict_setitem_str(d, "executable", make_str(executable_path())) &&
            dict_setitem_str(d, "builtin_module_names", builtin_names) &&
            dict_setitem_str(d, "float_info", float_info) && dict_setitem_str(d, "int_info", int_info) &&
            dict_setitem_str(d, "hash_info", hash_info) && dict_setitem_str(d, "flags", flags) &&
            dict_setitem_str(d, "dont_write_bytecode", py_bool(true)) &&
            dict_setitem_str(d, "thread_info", thread_info) &&
            dict_setitem_str(d, "implementation", implementation) &&
            dict_setitem_str(d, "stdlib_module_names", stdlib_frozen) &&
            dict_setitem_str(d, "orig_argv", string_list(g_sys_orig_argv)) &&
            dict_setitem_str(d, "meta_path", make_list()) &&
            dict_setitem_str(d, "path_hooks", make_list()) &&
            dict_setitem_str(d, "path_importer_cache", make_dict()) &&
            dict_setitem_str(d, "warnoptions", make_list()) &&
            dict_setitem_str(d, "_xoptions", make_dict()) &&
            dict_setitem_str(d, "api_version", make_int(int64_t(1013))) &&
            dict_setitem_str(d, "copyright", make_str(kCopyright)) &&
            dict_setitem_str(d, "prefix", make_str(prefix)) &&
            dict_setitem_str(d, "exec_prefix", make_str(prefix)) &&
            dict_setitem_str(d, "base_prefix", make_str(prefix)) &&
            dict_setitem_str(d, "base_exec_prefix", make_str(prefix)) &&
            dict_setitem_str(d, "platlibdir", make_str("lib")) &&
            dict_setitem_str(d, "abiflags", make_str("")) &&
            dict_setitem_str(d, "float_repr_style", make_str("short")) &&
            dict_setitem_str(d, "pycache_prefix", none()) &&
            dict_setitem_str(d, "_framework", make_str("")) &&
            dict_setitem_str(d, "_home", none()) &&
            dict_setitem_str(d, "_base_executable", make_str(executable_path())) &&
            dict_setitem_str(d, "_git", make_tuple({make_str("coil"), make_str(""), make_str("")})) &&
            dict_setitem_str(d, "_stdlib_dir", none());
  if (!ok) return false;
  for (const char* name : {"stdin", "stdout", "stderr", "displayhook", "excepthook", "breakpointhook", "unraisablehook"}) {
    Value v = dict_lookup_str(d, name);
    if (!dict_setitem_str(d, ("__" + std::string(name) + "__").c_str(), v)) return false;
  }
  return true;
}

}  // namespace

COIL_REGISTER_MODULE("sys", init_sys);

}  // namespace coil
