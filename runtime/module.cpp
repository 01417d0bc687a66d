// Module objects and the registry of native modules (runtime/module.h).
#include "runtime/module.h"

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

struct NativeModule {
  const char* name;
  ModuleInitFn init;
};
std::vector<NativeModule>& native_modules() {
  static std::vector<NativeModule> modules;
  return modules;
}

// An attribute of a spec or module for repr, or null when it is missing
// (as importlib's getattr(…, None)); null with an exception pending for
// another error.
Ref optional_attr(Value object, const char* name) {
  bool found;
  return lookup_attr(object, intern_static(name), found);
}

// importlib's _module_repr: what the spec says, else the module's
// __name__ with its __file__ or __loader__.
Ref module_repr(Value self) {
  Value dict = module_dict(self);
  Value spec = dict_lookup_str(dict, "__spec__");
  if (spec && !is_none(spec)) {
    Ref name = optional_attr(spec, "name");
    if (error_pending()) return {};
    Ref name_repr = name ? repr(name) : make_str("'?'");
    if (!name_repr) return {};
    std::string text = "<module " + std::string(str_view(name_repr));
    Ref origin = optional_attr(spec, "origin");
    if (error_pending()) return {};
    if (!origin || is_none(origin)) {
      Ref loader = optional_attr(spec, "loader");
      if (error_pending()) return {};
      if (loader && !is_none(loader)) {
        Ref shown = repr(loader);
        if (!shown) return {};
        text += " (" + std::string(str_view(shown)) + ")";
      }
    } else {
      Ref has_location = optional_attr(spec, "has_location");
      if (error_pending()) return {};
      int located = has_location ? is_true(has_location) : 0;
      if (located < 0) return {};
      Ref shown = located ? repr(origin) : str(origin);
      if (!shown) return {};
      text += located ? " from " : " (";
      text += str_view(shown);
      if (!located) text += ")";
    }
    return make_str(text + ">");
  }
  Value name = dict_lookup_str(dict, "__name__");
  Value file = dict_lookup_str(dict, "__file__");
  Value loader = dict_lookup_str(dict, "__loader__");
  std::string text = "<module ";
  if (name) {
    Ref r = repr(name);
    if (!r) return {};
    text += str_view(r);
  } else {
    text += "'?'";
  }
  if (file) {
    Ref r = repr(file);
    if (!r) return {};
    text += " from ";
    text += str_view(r);
  } else if (loader && !is_none(loader)) {
    Ref r = repr(loader);
    if (!r) return {};
    text += " (" + std::string(str_view(r)) + ")";
  }
  text += ">";
  return make_str(text);
}

Ref module_getattr(Value self, Value name) {
  Ref result = generic_getattr(self, name);
  if (result || !exception_matches(&attribute_error_type)) return result;
  // Module-level __getattr__ (PEP 562).
  Value dict = module_dict(self);
  Value hook = dict_lookup_str(dict, "__getattr__");
  if (hook) {
    clear_exception();
    return call(hook, {name});
  }
  clear_exception();
  Value module_name = dict_lookup_str(dict, "__name__");
  if (module_name && is_str(module_name)) {
    // A module still running its code (its __spec__._initializing, as
    // importlib marks it) is "partially initialized", as in CPython.
    bool initializing = false;
    if (Value spec = dict_lookup_str(dict, "__spec__"); spec && !is_none(spec)) {
      bool found;
      Ref flag = lookup_attr(spec, intern_static("_initializing"), found);
      initializing = flag && is_true(flag) > 0;
      clear_exception();
    }
    if (initializing) {
      return raise_format(&attribute_error_type,
                          "partially initialized module '%s' has no attribute '%s' (most likely due to a circular "
                          "import)",
                          str_cstr(module_name), str_cstr(name));
    }
    return raise_format(&attribute_error_type, "module '%s' has no attribute '%s'", str_cstr(module_name),
                        str_cstr(name));
  }
  return raise_format(&attribute_error_type, "module has no attribute '%s'", str_cstr(name));
}

Ref module_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  Ref owned = Ref::steal(object);
  Ref dict = make_dict();
  if (!dict) return {};
  *instance_dict_slot(object) = dict;
  static_cast<ModuleObject*>(object)->m_dict = dict;
  return owned;
}

bool module_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"module", {"name", "doc"}, 0, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return false;
  if (!is_str(bound[0])) {
    raise_format(&type_error_type, "module.__init__() argument 'name' must be str, not %s",
                 value_type_name(bound[0]).data());
    return false;
  }
  Value dict = module_dict(self);
  return dict_setitem_str(dict, "__name__", bound[0]) &&
         dict_setitem_str(dict, "__doc__", bound[1] ? bound[1] : none()) &&
         dict_setitem_str(dict, "__package__", none()) && dict_setitem_str(dict, "__loader__", none()) &&
         dict_setitem_str(dict, "__spec__", none());
}

void module_destroy(Object* object) { static_cast<ModuleObject*>(object)->~ModuleObject(); }
void module_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<ModuleObject*>(object)->m_dict, context);
}

Ref module_dir(Value self, Args) {
  Value dict = module_dict(self);
  Value hook = dict_lookup_str(dict, "__dir__");
  if (hook) return call(hook, nullptr, 0);
  return dict_keys_list(dict);
}

const MethodDef kModuleMethods[] = {
    {"__dir__", module_dir, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// The namespace itself (vars(module), `from m import *` without __all__).
Ref module_get_dict(Value self) { return ref(module_dict(self)); }

const GetSetDef kModuleGetSet[] = {
    {"__dict__", module_get_dict},
    {nullptr, nullptr},
};

// importlib's ModuleSpec, reduced to its data: name, loader, origin,
// submodule_search_locations, cached, loader_state and has_location live in
// the instance's __dict__ (scripts may set them); parent is computed.
Ref spec_repr(Value self) {
  Value dict = *instance_dict_slot(self.as_object());
  std::string text = "ModuleSpec(";
  const char* const kShown[] = {"name", "loader", "origin", "submodule_search_locations"};
  bool first = true;
  for (const char* field : kShown) {
    Value value = dict ? dict_lookup_str(dict, field) : Value();
    if (!value || (is_none(value) && (field == kShown[2] || field == kShown[3]))) continue;
    Ref shown = repr(value);
    if (!shown) return {};
    if (!first) text += ", ";
    first = false;
    text += field;
    text += "=";
    text += str_view(shown);
  }
  text += ")";
  return make_str(text);
}

// The package the module is in: its own name for a package, else the name
// up to its last dot.
Ref spec_get_parent(Value self) {
  Value dict = *instance_dict_slot(self.as_object());
  Value name = dict ? dict_lookup_str(dict, "name") : Value();
  if (!name || !is_str(name)) return new_none();
  Value locations = dict_lookup_str(dict, "submodule_search_locations");
  if (locations && !is_none(locations)) return ref(name);
  std::string_view text = str_view(name);
  size_t dot = text.rfind('.');
  return make_str(dot == std::string_view::npos ? std::string_view() : text.substr(0, dot));
}

const GetSetDef kSpecGetSet[] = {
    {"parent", spec_get_parent},
    {nullptr, nullptr},
};

}  // namespace

Type module_spec_type = [] {
  Type type{};
  type.m_tp_name = "_frozen_importlib.ModuleSpec";
  type.m_doc = "The specification for a module, used for loading.";
  type.m_flags = kTypeHasGC | kTypeHasDict | kTypePythonClass;
  type.m_size = sizeof(Object);
  type.m_repr = spec_repr;
  type.m_getattr = generic_getattr;
  type.m_setattr = generic_setattr;
  type.m_getset = kSpecGetSet;
  return type;
}();
COIL_REGISTER_TYPE(module_spec_type);

Ref make_module_spec(std::string_view name, std::string_view origin, Value search_locations) {
  Object* object = allocate_object(&module_spec_type);
  if (object == nullptr) return raise_no_memory();
  Ref spec = Ref::steal(object);
  Ref dict = make_dict();
  Ref name_str = make_str(name);
  // A namespace package has no origin.
  Ref origin_str = origin.empty() ? new_none() : make_str(origin);
  if (!dict || !name_str || !origin_str) return {};
  bool ok = dict_setitem_str(dict, "name", name_str) && dict_setitem_str(dict, "loader", none()) &&
            dict_setitem_str(dict, "origin", origin_str) && dict_setitem_str(dict, "loader_state", none()) &&
            dict_setitem_str(dict, "submodule_search_locations", search_locations ? search_locations : none()) &&
            dict_setitem_str(dict, "cached", none()) && dict_setitem_str(dict, "has_location", py_bool(!origin.empty()));
  if (!ok) return {};
  *instance_dict_slot(object) = std::move(dict);
  return spec;
}

// The loaders importlib names for the modules built into the interpreter
// and for those frozen into it (coil's lib/ modules): classes, never
// instantiated, that such modules give as __loader__ and __spec__.loader.
Type make_importer_type(const char* name, const char* doc) {
  Type type{};
  type.m_tp_name = name;
  type.m_doc = doc;
  type.m_flags = kTypePythonClass;
  type.m_size = sizeof(Object);
  return type;
}
Type builtin_importer_type =
    make_importer_type("_frozen_importlib.BuiltinImporter", "Meta path import for built-in modules.");
COIL_REGISTER_TYPE(builtin_importer_type);
Type frozen_importer_type =
    make_importer_type("_frozen_importlib.FrozenImporter", "Meta path import for frozen modules.");
COIL_REGISTER_TYPE(frozen_importer_type);

bool set_module_importer(Value module, Value spec, ModuleOrigin origin) {
  Type* loader = origin == ModuleOrigin::BuiltIn ? &builtin_importer_type : &frozen_importer_type;
  Ref origin_str = make_str(origin == ModuleOrigin::BuiltIn ? "built-in" : "frozen");
  if (!origin_str) return false;
  Value spec_dict = *instance_dict_slot(spec.as_object());
  return dict_setitem_str(spec_dict, "loader", Value(loader)) &&
         dict_setitem_str(spec_dict, "origin", origin_str) &&
         dict_setitem_str(spec_dict, "has_location", py_bool(false)) &&
         dict_setitem_str(module_dict(module), "__loader__", Value(loader));
}

bool set_builtin_module_spec(Value module, std::string_view name) {
  Ref spec = make_module_spec(name, "built-in", Value());
  return spec && set_module_importer(module, spec, ModuleOrigin::BuiltIn) &&
         dict_setitem_str(module_dict(module), "__spec__", spec);
}

Type module_type;

static struct ModuleTypeSetup {
  ModuleTypeSetup() {
    module_type.m_tp_name = "module";
    module_type.m_size = sizeof(ModuleObject);
    module_type.m_flags = kTypeBaseType | kTypeHasGC | kTypeHasDict;
    module_type.m_repr = module_repr;
    module_type.m_getattr = module_getattr;
    module_type.m_setattr = generic_setattr;
    module_type.m_new = module_new;
    module_type.m_init = module_init;
    module_type.m_destroy = module_destroy;
    module_type.m_traverse = module_traverse;
    module_type.m_methods = kModuleMethods;
    module_type.m_getset = kModuleGetSet;
  }
} module_type_setup;
COIL_REGISTER_TYPE(module_type);

Ref make_module(std::string_view name) {
  Ref module = module_new(&module_type, nullptr, 0, nullptr);
  if (!module) return {};
  Ref name_str = make_str(name);
  Value args[1] = {name_str};
  if (!module_init(module, args, 1, nullptr)) return {};
  return module;
}

ModuleRegistration::ModuleRegistration(const char* name, ModuleInitFn init) {
  native_modules().push_back({name, init});
}

ModuleInitFn find_native_module(std::string_view name) {
  for (const NativeModule& m : native_modules()) {
    if (name == m.name) return m.init;
  }
  return nullptr;
}

Ref native_module_names() {
  std::vector<std::string_view> names;
  for (const NativeModule& m : native_modules()) names.push_back(m.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  Ref tuple = make_tuple(names.size());
  if (!tuple) return {};
  for (size_t i = 0; i < names.size(); ++i) {
    Ref name = intern(names[i]);
    if (!name) return {};
    tuple_set(tuple, i, std::move(name));
  }
  return tuple;
}

bool module_add_functions(Value module, const MethodDef* functions) {
  Value dict = module_dict(module);
  Value name = dict_lookup_str(dict, "__name__");
  for (const MethodDef* def = functions; def->name != nullptr; ++def) {
    Ref f = make_builtin_function(def, module, name);
    if (!f || !dict_setitem_str(dict, def->name, f)) return false;
  }
  return true;
}

}  // namespace coil
