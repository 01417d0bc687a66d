// The `types` module: names for the built-in types the language makes but
// builtins does not name (FunctionType, ModuleType, GeneratorType…), as
// CPython's Lib/types.py, and SimpleNamespace (which sys.implementation is).
#include "stdlib/types.h"

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/repr_guard.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/generic_alias.h"
#include "runtime/module.h"
#include "runtime/union.h"

namespace coil {

namespace {

// --- SimpleNamespace ------------------------------------------------------
//
// An object whose attributes are its keyword arguments, as CPython's
// types.SimpleNamespace: kept in its __dict__, shown by repr as
// namespace(a=1, b=2) (a subclass shows its own name), equal when both are
// namespaces with equal dicts.

Ref* namespace_dict(Value self, bool create) {
  Ref* slot = instance_dict_slot(self.as_object());
  if (!*slot && create) *slot = make_dict();
  return slot;
}

Ref namespace_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  Ref self = Ref::steal(object);
  if (!*namespace_dict(self, true)) return {};
  return self;
}

bool namespace_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  // The keyword arguments' values follow the `nargs` positional ones.
  size_t nkw = kwnames ? tuple_size(Value(kwnames)) : 0;
  if (nargs > 0) {
    raise(&type_error_type, "no positional arguments expected");
    return false;
  }
  Ref* dict = namespace_dict(self, true);
  if (!*dict) return false;
  for (size_t i = 0; i < nkw; ++i) {
    if (!dict_setitem(*dict, tuple_item(Value(kwnames), i), args[nargs + i])) return false;
  }
  return true;
}

Ref namespace_repr(Value self) {
  std::string name = self.type() == &simple_namespace_type ? "namespace" : std::string(type_name(self.type()));
  if (!repr_enter(self)) return make_str(name + "(...)");
  std::string text = name + "(";
  Ref* dict = namespace_dict(self, false);
  bool ok = true;
  if (*dict) {
    size_t position = 0;
    Value key, value;
    bool first = true;
    while (dict_next(*dict, position, key, value)) {
      // As CPython's, only str keys are shown.
      if (!is_str(key)) continue;
      Ref value_repr = repr(value);
      if (!value_repr) {
        ok = false;
        break;
      }
      if (!first) text += ", ";
      first = false;
      text += std::string(str_view(key)) + "=" + std::string(str_view(value_repr));
    }
  }
  repr_leave(self);
  if (!ok) return {};
  return make_str(text + ")");
}

Ref namespace_richcompare(Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !isinstance(self, &simple_namespace_type) ||
      !isinstance(other, &simple_namespace_type)) {
    return ref(not_implemented());
  }
  Ref* a = namespace_dict(self, true);
  Ref* b = namespace_dict(other, true);
  if (!*a || !*b) return {};
  return compare(*a, *b, op);
}

// __reduce__: (type(self), (), self.__dict__), for copy and pickle.
Ref namespace_reduce(Value self, Args) {
  Ref* dict = namespace_dict(self, true);
  if (!*dict) return {};
  Ref empty = make_tuple({});
  if (!empty) return {};
  return make_tuple({Value(self.type()), empty, *dict});
}

const MethodDef kNamespaceMethods[] = {
    {"__reduce__", namespace_reduce, ArgKind::NoArgs, "Return state information for pickling"},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Type simple_namespace_type = [] {
  Type type{};
  type.m_tp_name = "types.SimpleNamespace";
  type.m_doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)";
  type.m_flags = kTypeBaseType | kTypeHasGC | kTypeHasDict | kTypeWeakrefable;
  type.m_size = sizeof(Object);
  type.m_new = namespace_new;
  type.m_init = namespace_init;
  type.m_repr = namespace_repr;
  type.m_richcompare = namespace_richcompare;
  type.m_getattr = generic_getattr;
  type.m_setattr = generic_setattr;
  type.m_methods = kNamespaceMethods;
  return type;
}();
COIL_REGISTER_TYPE(simple_namespace_type, "types");

Ref make_simple_namespace(std::initializer_list<std::pair<const char*, Value>> items) {
  Ref self = namespace_new(&simple_namespace_type, nullptr, 0, nullptr);
  if (!self) return {};
  Ref* dict = namespace_dict(self, true);
  for (const auto& [name, value] : items) {
    if (!dict_setitem_str(*dict, name, value)) return {};
  }
  return self;
}

namespace {

bool init_types(Value module) {
  Value dict = module_dict(module);
  static const struct {
    const char* name;
    const char* type_name;  // the registered type's m_tp_name
  } kTypes[] = {
      {"FunctionType", "function"},
      {"LambdaType", "function"},
      {"MethodType", "method"},
      {"BuiltinFunctionType", "builtin_function_or_method"},
      {"BuiltinMethodType", "builtin_function_or_method"},
      {"GeneratorType", "generator"},
      {"CoroutineType", "coroutine"},
      {"AsyncGeneratorType", "async_generator"},
      {"CodeType", "code"},
      {"CellType", "cell"},
      {"FrameType", "frame"},
      {"TracebackType", "traceback"},
      {"MappingProxyType", "mappingproxy"},
      {"MethodWrapperType", "method-wrapper"},
      {"WrapperDescriptorType", "wrapper_descriptor"},
      {"MethodDescriptorType", "method_descriptor"},
      {"ClassMethodDescriptorType", "classmethod_descriptor"},
      {"GetSetDescriptorType", "getset_descriptor"},
      {"MemberDescriptorType", "member_descriptor"},
      {"NoneType", "NoneType"},
      {"EllipsisType", "ellipsis"},
      {"NotImplementedType", "NotImplementedType"},
  };
  for (const auto& entry : kTypes) {
    Type* type = find_registered_type(entry.type_name);
    if (type != nullptr && !dict_setitem_str(dict, entry.name, Value(type))) return false;
  }
  return dict_setitem_str(dict, "ModuleType", Value(&module_type)) &&
         dict_setitem_str(dict, "GenericAlias", Value(&generic_alias_type)) &&
         dict_setitem_str(dict, "UnionType", Value(&union_type)) &&
         dict_setitem_str(dict, "SimpleNamespace", Value(&simple_namespace_type));
}

}  // namespace

COIL_REGISTER_MODULE("types", init_types);

}  // namespace coil
