// The import system (vm/import.h), following CPython's importlib for the
// parts a script sees: resolution of relative names, packages and their
// __path__, parents imported before children and bound as attributes,
// fromlist handling, and the module in sys.modules while its code runs
// (so circular imports see a partly initialized module).
#include "vm/import.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "lexer/lexer.h"
#include "parser/syntax_error.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/interpreter.h"
#include "vm/marshal.h"

namespace coil {

namespace {

Ref g_modules;
// The build's compiled lib/ modules (lib/freeze.cpp), if linked in. Set by
// a static initializer: constant-initialized to null before any runs.
const FrozenModule* g_frozen_modules = nullptr;

// What an empty sys.path entry stands for, as CPython's path finder takes it.
std::string working_directory() {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  return ec ? "." : cwd;
}

bool read_text_file(const std::string& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// ModuleNotFoundError(message) with its `name` attribute set, as importlib raises it.
Ref module_not_found(std::string_view name, const std::string& message) {
  Ref text = make_str(message);
  Ref args = make_tuple({text});
  Ref exception = make_exception(&module_not_found_error_type, args);
  if (!exception) return {};
  exception.as<BaseExceptionObject>()->m_name = make_str(name);
  raise_value(exception);
  return {};
}

Ref module_not_found(std::string_view name) {
  return module_not_found(name, "No module named '" + std::string(name) + "'");
}

// sys.modules[name], or an error when it holds None (an import blocked on
// purpose); null with no exception when absent.
Ref cached_module(std::string_view name) {
  Value cached = lookup_module(name);
  if (!cached) return {};
  if (is_none(cached)) {
    return module_not_found(name, "import of " + std::string(name) + " halted; None in sys.modules");
  }
  return ref(cached);
}

// The search path for a top-level module: sys.path.
Ref search_path(Value parent) {
  if (parent) {
    bool found;
    Ref path = lookup_attr(parent, intern_static("__path__"), found);
    return path;
  }
  Value sys = lookup_module("sys");
  if (!sys) return make_list();
  return getattr(sys, "path");
}

// Makes the module `full_name` (a package if `package`, searched in
// `directory`), registers it in sys.modules and runs `run(module)` — its
// source or its compiled code — in it.
template <class Run>
Ref exec_new_module(std::string_view full_name, const std::string& file, bool package,
                    const std::string& directory, bool set_file, Run run) {
  Ref module = make_module(full_name);
  if (!module) return {};
  Value dict = module_dict(module);
  if (set_file) {
    Ref file_str = make_str(file);
    if (!dict_setitem_str(dict, "__file__", file_str)) return {};
  }
  std::string package_name(full_name);
  if (!package) {
    size_t dot = package_name.rfind('.');
    package_name = dot == std::string::npos ? "" : package_name.substr(0, dot);
  } else {
    Ref path_list = make_list();
    if (!directory.empty()) list_append(path_list, make_str(directory));
    if (!dict_setitem_str(dict, "__path__", path_list)) return {};
  }
  Ref package_str = make_str(package_name);
  if (!dict_setitem_str(dict, "__package__", package_str)) return {};
  Ref spec = make_module_spec(full_name, file, dict_lookup_str(dict, "__path__"));
  if (!spec || !dict_setitem_str(dict, "__spec__", spec)) return {};
  // A module of lib/, compiled into the binary, is named "<frozen NAME>"
  // but has no file of its own (a namespace package has no name either).
  if (!set_file && !file.empty() && !set_module_importer(module, spec, ModuleOrigin::Frozen)) return {};
  if (!dict_setitem(modules_dict(), make_str(full_name), module)) return {};
  // While its code runs the module is "initializing" (importlib's flag on
  // the spec; `from m import x` names it partially initialized then).
  if (!setattr(spec, "_initializing", py_bool(true))) return {};
  Ref result = run(Value(module));
  if (!setattr(spec, "_initializing", py_bool(false))) clear_exception();
  if (!result) {
    Ref saved = fetch_exception();
    dict_delitem(modules_dict(), make_str(full_name));
    restore_exception(std::move(saved));
    return {};
  }
  // As importlib: the module is what sys.modules holds after it ran.
  Value final_module = lookup_module(full_name);
  return final_module ? ref(final_module) : module;
}

Ref exec_new_module(std::string_view full_name, std::string_view text, const std::string& file,
                    bool package, const std::string& directory, bool set_file) {
  return exec_new_module(full_name, file, package, directory, set_file,
                         [&](Value module) { return exec_source_in_module(text, file, module); });
}

// The source of a .py file, decoded as the parser does (BOM, coding
// cookie); false with ImportError or SyntaxError pending.
bool read_source(const std::string& file, std::string& text) {
  std::string bytes;
  if (!read_text_file(file, bytes)) {
    raise_format(&import_error_type, "cannot read '%s'", file.c_str());
    return false;
  }
  SyntaxErrorInfo error;
  bool declared = false;
  if (!decode_source(bytes, text, error, &declared)) {
    raise_syntax_error(error, file, bytes);
    return false;
  }
  return true;
}

Ref load_source_module(std::string_view full_name, const std::string& file, bool package,
                       const std::string& directory) {
  std::string text;
  if (!read_source(file, text)) return {};
  return exec_new_module(full_name, text, file, package, directory, true);
}

// Where the module `last` of `parent` (or a top-level one) is on the path,
// as CPython's path finder looks: each entry in turn for a regular package
// or a .py file; failing those, the folders of that name without
// __init__.py are the portions of a namespace package (PEP 420).
struct PathHit {
  enum class Kind { None, Package, Module, Namespace } kind = Kind::None;
  std::string file;                    // Package: its __init__.py; Module: the .py
  std::vector<std::string> locations;  // Package: its folder; Namespace: the portions
};

// False with an exception pending; an absent or unusable __path__ finds nothing.
bool locate_on_path(Value parent, std::string_view last, PathHit& hit) {
  Ref path = search_path(parent);
  if (!path) {
    if (error_pending() && !exception_matches(&attribute_error_type)) return false;
    clear_exception();
    return true;
  }
  Ref entries = list_from_iterable(path);
  if (!entries) return false;
  std::vector<std::string> portions;
  for (const Ref& entry : as_list(entries)->m_items) {
    if (!is_str(entry)) continue;
    std::string directory(str_view(entry));
    if (directory.empty()) directory = working_directory();
    std::error_code ec;
    std::filesystem::path base = std::filesystem::path(directory) / std::string(last);
    std::filesystem::path init = base / "__init__.py";
    if (std::filesystem::is_regular_file(init, ec)) {
      hit = {PathHit::Kind::Package, init.string(), {base.string()}};
      return true;
    }
    std::filesystem::path file = base;
    file += ".py";
    if (std::filesystem::is_regular_file(file, ec)) {
      hit = {PathHit::Kind::Module, file.string(), {}};
      return true;
    }
    if (std::filesystem::is_directory(base, ec)) portions.push_back(base.string());
  }
  if (!portions.empty()) hit = {PathHit::Kind::Namespace, "", std::move(portions)};
  return true;
}

// A module compiled into the binary (lib/), as CPython's frozen modules: its
// code's file name is "<frozen NAME>" and an embedded package's __path__ is
// empty (its submodules are embedded too).
//
// With COIL_LIB_DIR set (to a checkout's lib/), the modules of lib/ are read
// from there instead, new ones included: lib/ changes without a rebuild.
Ref load_embedded_module(std::string_view full_name) {
  if (const char* lib_dir = std::getenv("COIL_LIB_DIR"); lib_dir != nullptr && *lib_dir != '\0') {
    std::string relative(full_name);
    std::replace(relative.begin(), relative.end(), '.', '/');
    std::error_code ec;
    std::filesystem::path base = std::filesystem::path(lib_dir) / relative;
    std::filesystem::path init = base / "__init__.py";
    if (std::filesystem::is_regular_file(init, ec)) return load_source_module(full_name, init.string(), true, "");
    std::filesystem::path file = base;
    file += ".py";
    if (std::filesystem::is_regular_file(file, ec)) return load_source_module(full_name, file.string(), false, "");
  }
  for (const EmbeddedModule* m = kEmbeddedModules; m->name != nullptr; ++m) {
    if (full_name != m->name) continue;
    std::string file = "<frozen " + std::string(full_name) + ">";
    // Its code compiled at build time, when the build's table is there (and
    // is of this binary's format and instruction set), else its source.
    const FrozenModule* frozen = find_frozen_module(full_name);
    if (frozen != nullptr && marshal_header_matches({frozen->data, frozen->size})) {
      Ref code = unmarshal_value({frozen->data, frozen->size});
      if (!code) return {};
      if (!is_code(code)) return raise_format(&import_error_type, "frozen module %s holds no code", m->name);
      return exec_new_module(full_name, file, m->package, "", false,
                             [&](Value module) { return exec_code_in_module(code, module); });
    }
    return exec_new_module(full_name, m->source, file, m->package, "", false);
  }
  return {};
}

// Finds and loads the module `full_name` whose last component is `last`,
// looking in `parent`'s __path__ (or sys.path).
Ref find_and_load(std::string_view full_name, std::string_view last, Value parent) {
  if (!parent) {
    if (ModuleInitFn init = find_native_module(full_name)) {
      Ref module = make_module(full_name);
      if (!module || !set_builtin_module_spec(module, full_name)) return {};
      if (!dict_setitem(modules_dict(), make_str(full_name), module)) return {};
      if (!init(module)) {
        Ref saved = fetch_exception();
        dict_delitem(modules_dict(), make_str(full_name));
        restore_exception(std::move(saved));
        return {};
      }
      return module;
    }
  }
  if (Ref module = load_embedded_module(full_name)) return module;
  if (error_pending()) return {};
  PathHit hit;
  if (!locate_on_path(parent, last, hit)) return {};
  switch (hit.kind) {
    case PathHit::Kind::Package:
      return load_source_module(full_name, hit.file, true, hit.locations[0]);
    case PathHit::Kind::Module:
      return load_source_module(full_name, hit.file, false, "");
    case PathHit::Kind::Namespace:
      return exec_new_module(full_name, "", true, hit.locations[0], false, [&](Value module) -> Ref {
        Value dict = module_dict(module);
        Value path_list = dict_lookup_str(dict, "__path__");
        for (size_t i = 1; i < hit.locations.size(); ++i) list_append(path_list, make_str(hit.locations[i]));
        // As importlib: a namespace package's __file__ is None.
        if (!dict_setitem_str(dict, "__file__", none())) return {};
        return new_none();
      });
    case PathHit::Kind::None:
      break;
  }
  return module_not_found(full_name);
}

Ref import_dotted(std::string_view name);

bool find_main_module_in(std::string_view name, MainModuleSource& out, bool is_main_of_package) {
  std::string parent_name;
  std::string last(name);
  Ref parent;
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) {
    parent_name = std::string(name.substr(0, dot));
    last = std::string(name.substr(dot + 1));
    parent = import_dotted(parent_name);
    if (!parent) {
      if (is_main_of_package) return false;
      Ref error = fetch_exception();
      Ref text = str(error);
      std::string detail = text ? std::string(value_type_name(error)) + ": " + std::string(str_view(text)) : "";
      if (!text) clear_exception();
      raise(&import_error_type,
            "Error while finding module specification for '" + std::string(name) + "' (" + detail + ")");
      return false;
    }
  }
  auto found_package = [&]() {
    if (is_main_of_package) {
      raise(&import_error_type, "Cannot use package as __main__ module");
      return false;
    }
    MainModuleSource inner;
    if (!find_main_module_in(std::string(name) + ".__main__", inner, true)) {
      if (!exception_matches(&import_error_type)) return false;
      Ref error = fetch_exception();
      Ref text = str(error);
      if (!text) return false;
      raise(&import_error_type, std::string(str_view(text)) + "; '" + std::string(name) +
                                    "' is a package and cannot be directly executed");
      return false;
    }
    out = std::move(inner);
    return true;
  };
  auto fill = [&](std::string file, std::string text, bool from_file) {
    out.name = std::string(name);
    out.file = std::move(file);
    out.text = std::move(text);
    out.package = parent_name;
    out.from_file = from_file;
    return true;
  };
  if (!parent && find_native_module(name)) {
    raise(&import_error_type, "No code object available for " + std::string(name));
    return false;
  }
  for (const EmbeddedModule* m = kEmbeddedModules; m->name != nullptr; ++m) {
    if (name != m->name) continue;
    if (m->package) return found_package();
    return fill("<frozen " + std::string(name) + ">", m->source, false);
  }
  PathHit hit;
  if (!locate_on_path(parent, last, hit)) return false;
  switch (hit.kind) {
    case PathHit::Kind::Package:
    case PathHit::Kind::Namespace:
      if (!import_dotted(name)) return false;
      return found_package();
    case PathHit::Kind::Module: {
      std::string text;
      if (!read_source(hit.file, text)) return false;
      return fill(hit.file, std::move(text), true);
    }
    case PathHit::Kind::None:
      break;
  }
  raise(&import_error_type, "No module named " + std::string(name));
  return false;
}

// Imports every component of the absolute `name`; returns the leaf.
Ref import_dotted(std::string_view name) {
  Ref cached = cached_module(name);
  if (cached || error_pending()) return cached;
  size_t dot = name.rfind('.');
  Ref parent;
  if (dot != std::string_view::npos) {
    parent = import_dotted(name.substr(0, dot));
    if (!parent) return {};
    cached = cached_module(name);  // importing the parent may import this
    if (cached || error_pending()) return cached;
  }
  std::string_view last = dot == std::string_view::npos ? name : name.substr(dot + 1);
  if (parent) {
    bool found;
    Ref path = lookup_attr(parent, intern_static("__path__"), found);
    if (!path) {
      if (error_pending()) return {};
      return module_not_found(name, "No module named '" + std::string(name) + "'; '" +
                                        std::string(name.substr(0, dot)) + "' is not a package");
    }
  }
  Ref module = find_and_load(name, last, parent);
  if (!module) return {};
  if (parent) {
    Ref child_name = intern(last);
    if (!setattr(parent, child_name, module)) return {};
  }
  return module;
}

// The absolute name of a relative import, as importlib's _resolve_name.
bool resolve_name(std::string_view name, Value globals, int64_t level, std::string& out) {
  Value package = globals ? dict_lookup_str(globals, "__package__") : Value();
  std::string base;
  if (package && is_str(package)) {
    base = std::string(str_view(package));
  } else {
    Value module_name = globals ? dict_lookup_str(globals, "__name__") : Value();
    if (!module_name || !is_str(module_name)) {
      raise(&import_error_type, "attempted relative import with no known parent package");
      return false;
    }
    base = std::string(str_view(module_name));
    if (!globals || !dict_lookup_str(globals, "__path__")) {
      size_t dot = base.rfind('.');
      base = dot == std::string::npos ? "" : base.substr(0, dot);
    }
  }
  if (base.empty()) {
    raise(&import_error_type, "attempted relative import with no known parent package");
    return false;
  }
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(&import_error_type, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  out = name.empty() ? base : base + "." + std::string(name);
  return true;
}

}  // namespace

void register_frozen_modules(const FrozenModule* table) { g_frozen_modules = table; }

bool find_main_module(std::string_view name, MainModuleSource& out) { return find_main_module_in(name, out, false); }

const FrozenModule* find_frozen_module(std::string_view name) {
  if (g_frozen_modules == nullptr) return nullptr;
  for (const FrozenModule* m = g_frozen_modules; m->name != nullptr; ++m)
    if (name == m->name) return m;
  return nullptr;
}

Value modules_dict() {
  if (!g_modules) g_modules = make_dict();
  return g_modules;
}

Value lookup_module(std::string_view name) { return dict_lookup_str(modules_dict(), name); }

Ref import_module(std::string_view name) { return import_dotted(name); }

Ref import_attribute(std::string_view module, std::string_view name) {
  Ref imported = import_module(module);
  return imported ? getattr(imported, name) : Ref();
}

Ref import_name(Value name, Value globals, Value fromlist, Value level_value) {
  if (!is_str(name)) {
    return raise_format(&type_error_type, "module name must be str, not %s", value_type_name(name).data());
  }
  int64_t level = 0;
  if (level_value && !is_none(level_value)) {
    std::optional<int64_t> l = int_as_int64(level_value);
    if (!l) return {};
    level = *l;
  }
  if (level < 0) return raise(&value_error_type, "level must be >= 0");
  std::string full(str_view(name));
  if (level > 0) {
    if (!resolve_name(str_view(name), globals, level, full)) return {};
  } else if (full.empty()) {
    return raise(&value_error_type, "Empty module name");
  }
  Ref module = import_dotted(full);
  if (!module) return {};
  bool has_fromlist = fromlist && !is_none(fromlist) && is_true(fromlist) > 0;
  if (!has_fromlist) {
    // `import a.b.c` binds `a`.
    if (level == 0) {
      size_t dot = full.find('.');
      if (dot != std::string::npos) {
        Value top = lookup_module(full.substr(0, dot));
        if (top) return ref(top);
      }
      return module;
    }
    // A relative import without fromlist returns the package named by `name`'s first part.
    std::string_view relative = str_view(name);
    if (relative.empty()) return module;
    size_t dot = relative.find('.');
    if (dot == std::string_view::npos) return module;
    std::string cut = full.substr(0, full.size() - (relative.size() - dot));
    Value top = lookup_module(cut);
    return top ? ref(top) : module;
  }
  // `from package import submodule`: import the submodules the fromlist names.
  bool found;
  Ref path = lookup_attr(module, intern_static("__path__"), found);
  if (!path && error_pending()) return {};
  if (path) {
    bool ok = for_each(fromlist, [&](Value item) {
      if (!is_str(item)) {
        raise_format(&type_error_type, "Item in %s.__all__ must be str, not %s", full.c_str(),
                     value_type_name(item).data());
        return false;
      }
      if (str_view(item) == "*") return true;
      bool present;
      Ref attr = lookup_attr(module, item, present);
      if (attr) return true;
      if (error_pending()) return false;
      std::string sub = full + "." + std::string(str_view(item));
      Ref child = import_dotted(sub);
      if (!child) {
        // A missing name is reported by IMPORT_FROM, not here.
        if (exception_matches(&module_not_found_error_type)) {
          clear_exception();
          return true;
        }
        return false;
      }
      return true;
    });
    if (!ok) return {};
  }
  return module;
}

Ref exec_source_in_module(std::string_view source, std::string_view path, Value module) {
  SyntaxErrorInfo error;
  Ref code = compile_source(source, path, CompileMode::Exec, false, error);
  if (!code) {
    raise_syntax_error(error, path, source);
    return {};
  }
  return exec_code_in_module(code, module);
}

Ref exec_code_in_module(Value code, Value module) {
  Value dict = module_dict(module);
  if (!dict_lookup_str(dict, "__builtins__")) {
    Value builtins = lookup_module("builtins");
    if (builtins && !dict_setitem_str(dict, "__builtins__", builtins)) return {};
  }
  return run_code(code, dict, dict);
}

}  // namespace coil

namespace coil {

namespace {

// Line `lineno` of `source` with its newline, if it has one; false when
// the source has fewer lines.
bool line_of(std::string_view source, int lineno, std::string& line) {
  size_t start = 0;
  for (int current = 1; current < lineno; ++current) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) return false;
    ++start;
  }
  if (start > source.size() || (start == source.size() && lineno > 1)) return false;
  size_t end = source.find('\n', start);
  line = std::string(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
  return true;
}

// CPython's PyErr_ProgramTextObject: line `lineno` of the file named
// `filename`, read afresh, or false when there is no such file or line.
bool line_of_file(std::string_view filename, int lineno, std::string& line) {
  if (lineno < 1 || filename.empty() || filename.front() == '<') return false;
  std::FILE* file = std::fopen(std::string(filename).c_str(), "rb");
  if (!file) return false;
  std::string content;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) content.append(buffer, n);
  std::fclose(file);
  return line_of(content, lineno, line);
}

}  // namespace

void raise_syntax_error(const SyntaxErrorInfo& error, std::string_view filename, std::string_view source,
                        SyntaxErrorSource origin) {
  Type* type = &syntax_error_type;
  switch (error.kind) {
    case SyntaxErrorKind::IndentationError: type = &indentation_error_type; break;
    case SyntaxErrorKind::TabError: type = &tab_error_type; break;
    case SyntaxErrorKind::RecursionError: raise(&recursion_error_type, error.message); return;
    default: break;
  }
  // The offending line, as CPython's SyntaxError.text (with its newline).
  // An error inside an f-string's replacement field shows the field's
  // expression, "(a b)\n": CPython parses it as a source of its own.
  std::string text = error.text.empty() ? std::string() : error.text + "\n";
  bool has_text = !text.empty();
  if (!has_text && error.after_parse && origin != SyntaxErrorSource::File) {
    has_text = line_of_file(filename, error.lineno, text);
  } else if (!has_text && error.lineno >= 1) {
    has_text = line_of(source, error.lineno, text);
    if (has_text && origin == SyntaxErrorSource::ExecString && text.back() != '\n') text += '\n';
  } else if (!has_text && error.lineno == 0 && origin != SyntaxErrorSource::File) {
    // An empty string compiled as an expression or a statement: CPython
    // reports its error at line 0 with the empty text.
    has_text = source.empty();
  }
  Ref message = make_str(error.message);
  Ref location = make_tuple(6);
  tuple_set(location, 0, make_str(filename));
  tuple_set(location, 1, make_int(int64_t(error.lineno)));
  tuple_set(location, 2, make_int(int64_t(error.offset)));
  tuple_set(location, 3, has_text ? make_str(text) : new_none());
  tuple_set(location, 4, make_int(int64_t(error.end_lineno)));
  tuple_set(location, 5, error.no_end_offset ? new_none() : make_int(int64_t(error.end_offset)));
  Ref args = make_tuple({message, location});
  Ref exception = make_exception(type, args);
  if (exception) raise_value(exception);
}

}  // namespace coil
