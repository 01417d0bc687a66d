// Warnings issued by the runtime (runtime/warnings.h).
#include "runtime/warnings.h"

#include <cstdio>
#include <set>
#include <tuple>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/import.h"
#include "vm/interpreter.h"

namespace coil {

namespace {

// What the "default" action has shown: (file, line, message).
std::set<std::tuple<std::string, int, std::string>> g_shown;

std::string strip(const std::string& text) {
  size_t start = text.find_first_not_of(" \t\f\r\n");
  if (start == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\f\r\n");
  return text.substr(start, end - start + 1);
}

}  // namespace

bool warn(Type* category, const std::string& message) {
  Ref warnings = import_module("warnings");
  if (!warnings) return false;
  Ref text = make_str(message);
  if (!text) return false;
  return static_cast<bool>(call_method(warnings, "warn", {text.get(), Value(category), Value::small_int(1)}));
}

ExplicitWarning warn_explicit_if_imported(Type* category, std::string_view message,
                                          std::string_view filename, int lineno) {
  Value warnings = lookup_module("warnings");
  if (!warnings) return ExplicitWarning::NoWarningsModule;
  Ref text = make_str(message);
  Ref file = make_str(filename);
  Ref line = make_int(int64_t(lineno));
  if (!text || !file || !line) return ExplicitWarning::Error;
  Ref result = call_method(warnings, "warn_explicit", {text.get(), Value(category), file.get(), line.get()});
  return result ? ExplicitWarning::Handled : ExplicitWarning::Error;
}

void warn_at_current_frame(Type* category, const std::string& message, Value source) {
  bool from_object = bool(source);
  if (Value warnings = lookup_module("warnings")) {
    Ref warn = getattr(warnings, "warn");
    Ref text = make_str(message);
    Ref result = warn && text ? call(warn, {text.get(), Value(category), Value::small_int(1),
                                            source ? source : none()})
                              : Ref();
    if (!result) {
      // As CPython's _PyErr_WarnUnawaitedCoroutine: a warning turned into
      // an error cannot propagate from a finalizer.
      Ref error = fetch_exception();
      write_unraisable(source ? source : Value(category), error);
    }
    return;
  }
  std::string filename = "sys";
  int lineno = 1;
  std::string line;
  bool has_line = false;
  if (Frame* frame = g_thread.frame) {
    CodeObject* code = frame->code;
    filename = std::string(str_view(code->m_filename));
    lineno = code_line_at(code, frame->lasti());
    has_line = code_source_line(code, lineno, line);
  }
  if (!g_shown.insert({filename, lineno, message}).second) return;
  flush_std_streams();
  std::string text = filename + ":" + std::to_string(lineno) + ": " + std::string(type_name(category)) + ": " +
                     message + "\n";
  if (has_line && !strip(line).empty()) text += "  " + strip(line) + "\n";
  if (from_object) text += std::string(type_name(category)) + ": Enable tracemalloc to get the object allocation traceback\n";
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace coil
