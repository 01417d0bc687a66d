// The `traceback` module: the printing and formatting functions of
// CPython 3.11's Lib/traceback.py, over the exception printer of
// runtime/traceback.cpp in its traceback.py flavour (PrintOptions).
//
// Provided: print_exc, format_exc, print_exception, format_exception,
// format_exception_only, print_tb, format_tb. The frame-walking functions
// (extract_*, print_stack, StackSummary…) are not.
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "vm/import.h"

namespace coil {

namespace {

// limit=None or an int.
bool read_limit(Value limit, PrintOptions& options) {
  if (!limit || is_none(limit)) return true;
  std::optional<int64_t> n = index_as_int64(limit);
  if (!n) return false;
  options.limit_set = true;
  options.limit = *n;
  return true;
}

// chain=True: any truth value.
bool read_chain(Value chain, PrintOptions& options) {
  if (!chain) return true;
  int truth = is_true(chain);
  if (truth < 0) return false;
  options.chain = truth == 1;
  return true;
}

Ref to_list(const std::vector<std::string>& chunks) {
  Ref list = make_list(chunks.size());
  if (!list) return {};
  for (const std::string& chunk : chunks) {
    Ref text = make_str(chunk);
    if (!text) return {};
    list_append(list, std::move(text));
  }
  return list;
}

// Writes the chunks to `file` (sys.stderr when None), as print(…, end="").
bool write_chunks(Value file, const std::vector<std::string>& chunks) {
  Ref target;
  if (!file || is_none(file)) {
    Value sys = lookup_module("sys");
    if (!sys) return raise(&runtime_error_type, "lost sys.stderr");
    target = getattr(sys, "stderr");
    if (!target) return false;
  } else {
    target = ref(file);
  }
  for (const std::string& chunk : chunks) {
    if (!file_write_text(target, chunk)) return false;
  }
  return true;
}

// traceback.py's _parse_value_tb: (exc, value, tb) → the exception to show.
// Returns null (no exception pending) for None.
bool exception_argument(Value exc, Value value, Value tb, Ref& out, PrintOptions& options) {
  if (bool(value) != bool(tb)) return raise(&value_error_type, "Both or neither of value and tb must be given");
  if (value) {
    out = ref(value);
    if (value.is_object()) {
      options.top_exception = value.as_object();
      options.top_traceback = tb;
    }
    return true;
  }
  if (is_none(exc)) {
    out = ref(exc);
    return true;
  }
  if (!is_exception_instance(exc)) {
    return raise_format(&type_error_type, "Exception expected for value, %s found", value_type_name(exc).data());
  }
  out = ref(exc);
  return true;
}

std::vector<std::string> format_chunks(Value exception, const PrintOptions& options) {
  if (is_none(exception)) return {"NoneType: None\n"};
  return format_exception_chunks(exception, options);
}

Value handled_exception() {
  Value e = g_thread.handled_exception.get();
  return e ? e : none();
}

PrintOptions module_options() {
  PrintOptions options;
  options.python_style = true;
  return options;
}

// print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True)
Ref traceback_print_exception(Value, Args args) {
  static const ArgSpec spec{"print_exception", {"exc", "value", "tb", "limit", "file", "chain"}, 1, SIZE_MAX, 1};
  Value bound[6] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  PrintOptions options = module_options();
  if (!read_limit(bound[3], options) || !read_chain(bound[5], options)) return {};
  Ref exception;
  if (!exception_argument(bound[0], bound[1], bound[2], exception, options)) return {};
  if (!write_chunks(bound[4], format_chunks(exception, options))) return {};
  return new_none();
}

// format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True)
Ref traceback_format_exception(Value, Args args) {
  static const ArgSpec spec{"format_exception", {"exc", "value", "tb", "limit", "chain"}, 1, SIZE_MAX, 1};
  Value bound[5] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  PrintOptions options = module_options();
  if (!read_limit(bound[3], options) || !read_chain(bound[4], options)) return {};
  Ref exception;
  if (!exception_argument(bound[0], bound[1], bound[2], exception, options)) return {};
  return to_list(format_chunks(exception, options));
}

// format_exception_only(exc, /, value=_sentinel)
Ref traceback_format_exception_only(Value, Args args) {
  static const ArgSpec spec{"format_exception_only", {"exc", "value"}, 1, SIZE_MAX, 1};
  Value bound[2] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  Value exception = bound[1] ? bound[1] : bound[0];
  if (is_none(exception)) return to_list({"NoneType: None\n"});
  if (!is_exception_instance(exception)) {
    // An exception class alone (format_exception_only(ValueError)).
    if (is_exception_type(exception)) {
      Ref name = getattr(exception, "__qualname__");
      if (!name) return {};
      return to_list({std::string(str_view(name)) + "\n"});
    }
    return raise_format(&type_error_type, "Exception expected for value, %s found",
                        value_type_name(exception).data());
  }
  PrintOptions options = module_options();
  options.only_message = true;
  options.chain = false;
  return to_list(format_exception_chunks(exception, options));
}

// print_exc(limit=None, file=None, chain=True)
Ref traceback_print_exc(Value, Args args) {
  static const ArgSpec spec{"print_exc", {"limit", "file", "chain"}, 0, SIZE_MAX, 0};
  Value bound[3] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  PrintOptions options = module_options();
  if (!read_limit(bound[0], options) || !read_chain(bound[2], options)) return {};
  if (!write_chunks(bound[1], format_chunks(handled_exception(), options))) return {};
  return new_none();
}

// format_exc(limit=None, chain=True)
Ref traceback_format_exc(Value, Args args) {
  static const ArgSpec spec{"format_exc", {"limit", "chain"}, 0, SIZE_MAX, 0};
  Value bound[2] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  PrintOptions options = module_options();
  if (!read_limit(bound[0], options) || !read_chain(bound[1], options)) return {};
  std::string text;
  for (const std::string& chunk : format_chunks(handled_exception(), options)) text += chunk;
  return make_str(text);
}

bool traceback_chunks(Value tb, Value limit, std::vector<std::string>& chunks) {
  PrintOptions options = module_options();
  if (!read_limit(limit, options)) return false;
  if (is_none(tb)) return true;
  if (!(tb.is_object() && tb.type() == &traceback_type)) {
    return raise_format(&attribute_error_type, "'%s' object has no attribute 'tb_frame'",
                        value_type_name(tb).data());
  }
  chunks = format_traceback_chunks(tb, options);
  return true;
}

// format_tb(tb, limit=None)
Ref traceback_format_tb(Value, Args args) {
  static const ArgSpec spec{"format_tb", {"tb", "limit"}, 0, SIZE_MAX, 1};
  Value bound[2] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  std::vector<std::string> chunks;
  if (!traceback_chunks(bound[0], bound[1], chunks)) return {};
  return to_list(chunks);
}

// print_tb(tb, limit=None, file=None)
Ref traceback_print_tb(Value, Args args) {
  static const ArgSpec spec{"print_tb", {"tb", "limit", "file"}, 0, SIZE_MAX, 1};
  Value bound[3] = {};
  if (!bind_arguments(spec, args, bound)) return {};
  std::vector<std::string> chunks;
  if (!traceback_chunks(bound[0], bound[1], chunks)) return {};
  if (!write_chunks(bound[2], chunks)) return {};
  return new_none();
}

const MethodDef kTracebackFunctions[] = {
    {"print_exception", traceback_print_exception, ArgKind::Keywords},
    {"format_exception", traceback_format_exception, ArgKind::Keywords},
    {"format_exception_only", traceback_format_exception_only, ArgKind::Keywords},
    {"print_exc", traceback_print_exc, ArgKind::Keywords},
    {"format_exc", traceback_format_exc, ArgKind::Keywords},
    {"print_tb", traceback_print_tb, ArgKind::Keywords},
    {"format_tb", traceback_format_tb, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_traceback(Value module) { return module_add_functions(module, kTracebackFunctions); }

}  // namespace

COIL_REGISTER_MODULE("traceback", init_traceback);

}  // namespace coil
