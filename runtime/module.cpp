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

Ref module_repr(Value self) {
  Value dict = module_dict(self);
  Value name = dict_lookup_str(dict, "__name__");
  Value file = dict_lookup_str(dict, "__file__");
  std::string text = "<module ";
  if (name) {
    Ref r = repr(name);
    if (!r) return {};
    text += str_view(r);
  } else {
    text += "'?'";
  }
  if (file && is_str(file)) {
    Ref r = repr(file);
    if (!r) return {};
    text += " from ";
    text += str_view(r);
  } else {
    text += " (built-in)";
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

}  // namespace

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
