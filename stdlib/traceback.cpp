// `_traceback`: the native half of the `traceback` module (lib/traceback.py).
//
// The helpers the Python half needs where CPython's uses modules coil has
// not (ast, unicodedata) or would be slow:
//
//   _segment_parts(segment)    the columns of a lone binary operation or
//                              subscript, for the "~~^^~~" caret lines
//   _display_width(line, n)    the terminal columns of line[:n]
//   _code_source(code)         the text a code object was compiled from,
//                              when kept (notebook cells), else None
//   _code_position(code, i)    next(islice(code.co_positions(), i, None))
//                              without making the whole list
//
// And the interpreter's own exception printer (runtime/traceback.cpp) in its
// traceback.py flavour (PrintOptions), under the names and signatures of
// traceback.py: print_exc, format_exc, print_exception, format_exception,
// format_exception_only, print_tb, format_tb. They are several times faster
// than traceback.py's, but read source files once and for all, without
// linecache (traceback.py's see linecache.cache entries and files changed
// on disk, as CPython's do), so the `traceback` module does not use them.
#include <string>
#include <vector>

#include <utf8proc.h>

#include "parser/parser.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
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

// _segment_parts(segment): for source text that parses (as ast.parse) to a
// single expression statement that is a binary operation, (True, the end
// column of its left operand, the start column of its right one); for a
// subscript, (False, the end column of the subscripted value, that of the
// index); else None. Columns are UTF-8 byte offsets in their own line, as
// the ast module's.
Ref traceback_segment_parts(Value, Args args) {
  if (!check_positional("_segment_parts", args, 1, 1)) return {};
  if (!is_str(args[0])) return raise(&type_error_type, "_segment_parts() argument must be str");
  std::string segment(str_view(args[0]));
  if (segment.find('\0') != std::string::npos) return new_none();
  Arena arena;
  ParseResult parsed = parse_module(segment, arena);
  if (!parsed.ok || parsed.module == nullptr || parsed.module->body.size != 1) return new_none();
  ast::StmtNode* statement = parsed.module->body[0];
  if (statement->node_kind != ast::StmtKind::Expr) return new_none();
  ast::ExprNode* expr = static_cast<ast::Expr*>(statement)->value;
  int64_t first = 0, second = 0;
  bool binop = false;
  if (expr->node_kind == ast::ExprKind::BinOp) {
    auto* node = static_cast<ast::BinOp*>(expr);
    binop = true;
    first = node->left->loc.end_col_offset;
    second = node->right->loc.col_offset;
  } else if (expr->node_kind == ast::ExprKind::Subscript) {
    auto* node = static_cast<ast::Subscript*>(expr);
    first = node->value->loc.end_col_offset;
    second = node->slice->loc.end_col_offset;
  } else {
    return new_none();
  }
  Ref a = make_int(first), b = make_int(second);
  if (!a || !b) return {};
  return make_tuple({py_bool(binop), a.get(), b.get()});
}

// Characters East Asian Width calls Wide or Fullwidth take two columns (as
// unicodedata.east_asian_width(c) in "WF"; unassigned code points count as
// such too in CPython 3.11's tables).
bool is_wide(char32_t c) {
  if (utf8proc_charwidth(int32_t(c)) == 2) return true;
  if (utf8proc_category(int32_t(c)) == UTF8PROC_CATEGORY_CN) return true;
  // Combining marks of wide scripts: zero-width for utf8proc, "W" for EAW.
  return (c >= 0x302A && c <= 0x302D) || c == 0x3099 || c == 0x309A || c == 0x16FE4;
}

// _display_width(line, offset): the columns line[:offset] takes on a
// terminal; `offset` itself for an ASCII line.
Ref traceback_display_width(Value, Args args) {
  if (!check_positional("_display_width", args, 2, 2)) return {};
  if (!is_str(args[0])) return raise(&type_error_type, "_display_width() argument 1 must be str");
  std::optional<int64_t> offset = index_as_int64(args[1]);
  if (!offset) return {};
  std::string_view line = str_view(args[0]);
  bool ascii = true;
  for (char c : line) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return ref(args[1]);
  // line[:offset]: a negative offset counts from the end.
  int64_t count = 0;
  for (size_t pos = 0; pos < line.size();) {
    decode_utf8(line, pos);
    ++count;
  }
  int64_t stop = *offset < 0 ? std::max<int64_t>(0, count + *offset) : std::min(*offset, count);
  int64_t width = 0;
  size_t pos = 0;
  for (int64_t i = 0; i < stop; ++i) width += is_wide(decode_utf8(line, pos)) ? 2 : 1;
  return make_int(width);
}

// _code_source(code): the source text kept with a code object compiled from
// text rather than a file (notebook cells), or None.
Ref traceback_code_source(Value, Args args) {
  if (!check_positional("_code_source", args, 1, 1)) return {};
  if (!is_code(args[0])) return new_none();
  const CodeObject* code = args[0].as<CodeObject>();
  if (code->m_source.empty()) return new_none();
  return make_str(code->m_source);
}

// _code_position(code, index): entry `index` of code.co_positions();
// StopIteration past the end, as next() on the sliced iterator.
Ref traceback_code_position(Value, Args args) {
  if (!check_positional("_code_position", args, 2, 2)) return {};
  if (!is_code(args[0])) return raise(&type_error_type, "_code_position() argument 1 must be code");
  std::optional<int64_t> index = index_as_int64(args[1]);
  if (!index) return {};
  const CodeObject* code = args[0].as<CodeObject>();
  if (*index < 0 || uint64_t(*index) >= code->m_positions.size()) return raise_with(&stop_iteration_type, Value());
  const Position& p = code->m_positions[size_t(*index)];
  auto number = [](int32_t v) { return v < 0 ? new_none() : make_int(int64_t(v)); };
  Ref a = number(p.lineno), b = number(p.end_lineno), c = number(p.col), d = number(p.end_col);
  if (!a || !b || !c || !d) return {};
  return make_tuple({a.get(), b.get(), c.get(), d.get()});
}

const MethodDef kTracebackFunctions[] = {
    {"print_exception", traceback_print_exception, ArgKind::Keywords},
    {"format_exception", traceback_format_exception, ArgKind::Keywords},
    {"format_exception_only", traceback_format_exception_only, ArgKind::Keywords},
    {"print_exc", traceback_print_exc, ArgKind::Keywords},
    {"format_exc", traceback_format_exc, ArgKind::Keywords},
    {"print_tb", traceback_print_tb, ArgKind::Keywords},
    {"format_tb", traceback_format_tb, ArgKind::Keywords},
    {"_segment_parts", traceback_segment_parts, ArgKind::VarArgs},
    {"_display_width", traceback_display_width, ArgKind::VarArgs},
    {"_code_source", traceback_code_source, ArgKind::VarArgs},
    {"_code_position", traceback_code_position, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_traceback(Value module) { return module_add_functions(module, kTracebackFunctions); }

}  // namespace

COIL_REGISTER_MODULE("_traceback", init_traceback);

}  // namespace coil
