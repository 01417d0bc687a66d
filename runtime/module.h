// Module objects (runtime/module.cpp) and the registry of native modules
// that `import` consults (stdlib/).
#pragma once

#include <string_view>

#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// A module's namespace is its __dict__, kept before the header like any
// instance dict (kTypeHasDict); m_dict is the same object, for speed.
struct ModuleObject : Object {
  Ref m_dict;
};

extern Type module_type;

Ref make_module(std::string_view name);
inline bool is_module(Value v) { return v.is_object() && isinstance(v, &module_type); }
inline Value module_dict(Value module) { return module.as<ModuleObject>()->m_dict.get(); }

// A native module: its name, and a function that fills a new module's
// namespace (returns false with an exception pending on failure). Each file
// in stdlib/ registers its module with COIL_REGISTER_MODULE.
using ModuleInitFn = bool (*)(Value module);
struct ModuleRegistration {
  ModuleRegistration(const char* name, ModuleInitFn init);
};
#define COIL_REGISTER_MODULE(name, init) \
  static ::coil::ModuleRegistration coil_register_module_##init(name, init)

// The init function of the native module `name`, or null.
ModuleInitFn find_native_module(std::string_view name);

// The __spec__ of a module loaded from the file `origin` (a ModuleSpec
// with no loader); `search_locations` is a package's __path__, or null.
extern Type module_spec_type;
Ref make_module_spec(std::string_view name, std::string_view origin, Value search_locations);

// Makes `spec` and `module` those of a module built into the interpreter
// (a native module) or frozen into it (one of lib/'s), as importlib's
// BuiltinImporter and FrozenImporter make theirs: the loader is the
// importer class, the origin "built-in" or "frozen", with no location.
enum class ModuleOrigin { BuiltIn, Frozen };
bool set_module_importer(Value module, Value spec, ModuleOrigin origin);

// Gives a native module CPython's __spec__ and __loader__ for a built-in
// module: ModuleSpec(name=…, loader=<class '_frozen_importlib.BuiltinImporter'>,
// origin='built-in').
bool set_builtin_module_spec(Value module, std::string_view name);

// The names of the native modules, sorted (sys.builtin_module_names).
Ref native_module_names();

// Adds native functions to a module's namespace.
bool module_add_functions(Value module, const MethodDef* functions);

}  // namespace coil
