// The names CPython's `site` module adds to builtins (Lib/_sitebuiltins.py):
// exit and quit, copyright, credits and license, and help — objects whose
// repr says how to use them, for the interactive prompt. Also breakpoint()
// and sys.breakpointhook, which go together.
//
// The texts are coil's own; help(object) prints the object's docstring
// (coil has no pydoc).
#include <cstdlib>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/site_builtins.h"
#include "vm/import.h"

namespace coil {

extern Type quitter_type, printer_type, helper_type;

namespace {

// One object of the three kinds: its name and what its repr shows.
struct SiteObject : Object {
  const char* m_name;
  const char* m_text;
};

Ref site_repr(Value self) { return make_str(self.as<SiteObject>()->m_text); }

// Writes `text` to sys.stdout.
bool write_stdout(std::string_view text) {
  Value sys = lookup_module("sys");
  Ref out = sys ? getattr(sys, "stdout") : Ref();
  if (!out) return false;
  return file_write_text(out, text);
}

// exit(code=None): closes sys.stdin, as CPython's Quitter, then raises SystemExit(code).
Ref quitter_call(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"__call__", {"code"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  if (Value sys = lookup_module("sys")) {
    Ref in = getattr(sys, "stdin");
    if (in) in = call_method(in, "close", {});
    if (!in) clear_exception();
  }
  return raise_with(&system_exit_type, bound[0] && !is_none(bound[0]) ? bound[0] : Value());
}

// copyright(), credits(), license(): print the text.
Ref printer_call(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("__call__", Args{args, nargs, kwnames}, 0, 0)) return {};
  std::string text = self.as<SiteObject>()->m_name == std::string_view("license")
                         ? "coil implements the Python language, whose license is at\n"
                           "https://docs.python.org/3/license.html\n"
                         : std::string(self.as<SiteObject>()->m_text) + "\n";
  if (!write_stdout(text)) return {};
  return new_none();
}

// help(object): the object's repr and its docstring.
Ref helper_call(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("help", Args{args, nargs, kwnames}, 0, 1)) return {};
  if (nargs == 0) {
    if (!write_stdout("coil has no interactive help; help(object) shows an object's documentation.\n")) return {};
    return new_none();
  }
  Value object = args[0];
  Ref shown = repr(object);
  if (!shown) return {};
  std::string text = "Help on " + std::string(str_view(shown)) + ":\n\n";
  bool found;
  Ref doc = lookup_attr(object, intern_static("__doc__"), found);
  if (!doc && error_pending()) return {};
  if (doc && is_str(doc)) {
    std::string_view body = str_view(doc);
    size_t start = 0;
    while (start <= body.size()) {
      size_t end = body.find('\n', start);
      std::string_view line = body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      text += "    ";
      text += line;
      text += "\n";
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  } else {
    text += "    (no documentation)\n";
  }
  if (!write_stdout(text)) return {};
  return new_none();
}

void setup(Type& type, const char* name, CallFn call) {
  type.m_tp_name = name;
  type.m_size = sizeof(SiteObject);
  type.m_flags = kTypeImmutable;
  type.m_repr = site_repr;
  type.m_call = call;
}

Ref make_site_object(Type* type, const char* name, const char* text) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* site = static_cast<SiteObject*>(object);
  site->m_name = name;
  site->m_text = text;
  return Ref::steal(object);
}

}  // namespace

Type quitter_type, printer_type, helper_type;

static struct SiteTypesSetup {
  SiteTypesSetup() {
    setup(quitter_type, "_sitebuiltins.Quitter", quitter_call);
    setup(printer_type, "_sitebuiltins._Printer", printer_call);
    setup(helper_type, "_sitebuiltins._Helper", helper_call);
  }
} site_types_setup;
COIL_REGISTER_TYPE(quitter_type);
COIL_REGISTER_TYPE(printer_type);
COIL_REGISTER_TYPE(helper_type);

bool add_site_builtins(Value builtins_dict) {
  struct Entry {
    Type* type;
    const char* name;
    const char* text;
  };
  static const Entry kEntries[] = {
      {&quitter_type, "exit", "Use exit() or Ctrl-D (i.e. EOF) to exit"},
      {&quitter_type, "quit", "Use quit() or Ctrl-D (i.e. EOF) to exit"},
      {&printer_type, "copyright", "coil: a Python interpreter. Python is Copyright (c) Python Software Foundation."},
      {&printer_type, "credits", "coil runs Python programs as CPython 3.11 does; thanks to everyone behind Python."},
      {&printer_type, "license", "Type license() to see the full license text"},
      {&helper_type, "help", "Type help() for interactive help, or help(object) for help about object."},
  };
  for (const Entry& entry : kEntries) {
    Ref object = make_site_object(entry.type, entry.name, entry.text);
    if (!object || !dict_setitem_str(builtins_dict, entry.name, object)) return false;
  }
  return true;
}

// breakpoint(*args, **kws): calls sys.breakpointhook with them.
Ref builtin_breakpoint(Value, Args args) {
  Value sys = lookup_module("sys");
  Ref hook = sys ? getattr(sys, "breakpointhook") : Ref();
  if (!hook) {
    clear_exception();
    return raise(&runtime_error_type, "lost sys.breakpointhook");
  }
  return call(hook, args.items, args.count, args.kwnames);
}

// sys.breakpointhook: as CPython's, names its debugger with $PYTHONBREAKPOINT
// ("module.function", default pdb.set_trace; "0" disables it). One that
// cannot be imported is reported on stderr and skipped.
Ref sys_breakpointhook(Value, Args args) {
  const char* setting = std::getenv("PYTHONBREAKPOINT");
  std::string target = setting && *setting ? setting : "pdb.set_trace";
  if (target == "0") return new_none();
  size_t dot = target.rfind('.');
  std::string module_name = dot == std::string::npos ? "builtins" : target.substr(0, dot);
  std::string function_name = dot == std::string::npos ? target : target.substr(dot + 1);
  Ref module = import_module(module_name);
  Ref function = module ? getattr(module, function_name) : Ref();
  if (!function) {
    if (!exception_matches(&import_error_type) && !exception_matches(&attribute_error_type)) return {};
    clear_exception();
    std::string message = "RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"" + target + "\"\n";
    flush_std_streams();
    std::fwrite(message.data(), 1, message.size(), stderr);
    return new_none();
  }
  return call(function, args.items, args.count, args.kwnames);
}

}  // namespace coil
