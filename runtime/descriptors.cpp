// property, classmethod, staticmethod, mappingproxy, and the __dict__
// descriptor of Python classes' instances (runtime/descriptors.h).
#include "runtime/descriptors.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/function.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// ---------------------------------------------------------------------------
// property

struct PropertyObject : Object {
  Ref m_get, m_set, m_delete, m_doc, m_name;
  bool m_getter_doc = false;  // __doc__ taken from the getter
};

std::string property_name_for_message(PropertyObject* p) {
  if (p->m_name && is_str(p->m_name)) return std::string(str_view(p->m_name));
  return "";
}

Ref property_get(Value self, Value instance, Value owner) {
  auto* p = self.as<PropertyObject>();
  if (!instance) return ref(self);
  if (!p->m_get || is_none(p->m_get)) {
    std::string name = property_name_for_message(p);
    if (!name.empty()) {
      return raise_format(&attribute_error_type, "property '%s' of '%s' object has no getter",
                          name.c_str(), value_type_name(instance).data());
    }
    return raise_format(&attribute_error_type, "property of '%s' object has no getter",
                        value_type_name(instance).data());
  }
  return call(p->m_get, {instance});
}

bool property_set(Value self, Value instance, Value value) {
  auto* p = self.as<PropertyObject>();
  Ref& function = value ? p->m_set : p->m_delete;
  if (!function || is_none(function)) {
    std::string name = property_name_for_message(p);
    const char* what = value ? "setter" : "deleter";
    if (!name.empty()) {
      raise_format(&attribute_error_type, "property '%s' of '%s' object has no %s", name.c_str(),
                   value_type_name(instance).data(), what);
    } else {
      raise_format(&attribute_error_type, "property of '%s' object has no %s",
                   value_type_name(instance).data(), what);
    }
    return false;
  }
  Ref result = value ? call(function, {instance, value}) : call(function, {instance});
  return bool(result);
}

bool property_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"property", {"fget", "fset", "fdel", "doc"}, 0, SIZE_MAX, 0};
  Value bound[4];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return false;
  auto* p = self.as<PropertyObject>();
  auto norm = [](Value v) { return v && !is_none(v) ? ref(v) : Ref(); };
  p->m_get = norm(bound[0]);
  p->m_set = norm(bound[1]);
  p->m_delete = norm(bound[2]);
  p->m_doc = norm(bound[3]);
  if (!p->m_doc && p->m_get) {
    bool found;
    Ref doc = lookup_attr(p->m_get, intern_static("__doc__"), found);
    if (!doc && error_pending()) return false;
    if (doc && !is_none(doc)) {
      p->m_doc = doc;
      p->m_getter_doc = true;
    }
  }
  if (p->m_get && !p->m_name) {
    bool found;
    Ref name = lookup_attr(p->m_get, intern_static("__name__"), found);
    if (!name && error_pending()) clear_exception();
    if (name) p->m_name = name;
  }
  return true;
}

Ref property_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<PropertyObject*>(object)->m_get) Ref();
  return Ref::steal(object);
}

void property_destroy(Object* object) { static_cast<PropertyObject*>(object)->~PropertyObject(); }
void property_traverse(Object* object, VisitFn visit, void* context) {
  auto* p = static_cast<PropertyObject*>(object);
  visit(p->m_get, context);
  visit(p->m_set, context);
  visit(p->m_delete, context);
  visit(p->m_doc, context);
}

// property.getter/setter/deleter: a copy with one function replaced.
Ref property_copy(Value self, Value get, Value set, Value del) {
  auto* p = self.as<PropertyObject>();
  Value args[4] = {get ? get : (p->m_get ? p->m_get.get() : none()),
                   set ? set : (p->m_set ? p->m_set.get() : none()),
                   del ? del : (p->m_delete ? p->m_delete.get() : none()),
                   p->m_doc && !p->m_getter_doc ? p->m_doc.get() : none()};
  Ref copy = call(Value(self.type()), args, 4);
  if (!copy) return {};
  if (copy.type() == &property_type || isinstance(copy, &property_type)) {
    auto* c = copy.as<PropertyObject>();
    if (p->m_name) c->m_name = p->m_name;
  }
  return copy;
}
Ref property_getter(Value self, Args args) { return property_copy(self, args[0], Value(), Value()); }
Ref property_setter(Value self, Args args) { return property_copy(self, Value(), args[0], Value()); }
Ref property_deleter(Value self, Args args) { return property_copy(self, Value(), Value(), args[0]); }
Ref property_set_name(Value self, Args args) {
  if (!check_positional("__set_name__", args, 2, 2)) return {};
  self.as<PropertyObject>()->m_name = ref(args[1]);
  return new_none();
}

Ref property_fget(Value self) {
  auto* p = self.as<PropertyObject>();
  return p->m_get ? p->m_get : new_none();
}
Ref property_fset(Value self) {
  auto* p = self.as<PropertyObject>();
  return p->m_set ? p->m_set : new_none();
}
Ref property_fdel(Value self) {
  auto* p = self.as<PropertyObject>();
  return p->m_delete ? p->m_delete : new_none();
}
Ref property_doc(Value self) {
  auto* p = self.as<PropertyObject>();
  return p->m_doc ? p->m_doc : new_none();
}
bool property_set_doc(Value self, Value value) {
  self.as<PropertyObject>()->m_doc = value ? ref(value) : Ref();
  return true;
}
Ref property_isabstract(Value self) {
  auto* p = self.as<PropertyObject>();
  for (Value f : {p->m_get.get(), p->m_set.get(), p->m_delete.get()}) {
    if (!f) continue;
    bool found;
    Ref flag = lookup_attr(f, intern_static("__isabstractmethod__"), found);
    if (!flag) {
      if (error_pending()) return {};
      continue;
    }
    int t = is_true(flag);
    if (t < 0) return {};
    if (t) return new_bool(true);
  }
  return new_bool(false);
}

const MethodDef kPropertyMethods[] = {
    {"getter", property_getter, ArgKind::OneArg},
    {"setter", property_setter, ArgKind::OneArg},
    {"deleter", property_deleter, ArgKind::OneArg},
    {"__set_name__", property_set_name, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};
const GetSetDef kPropertyGetSet[] = {
    {"fget", property_fget},
    {"fset", property_fset},
    {"fdel", property_fdel},
    {"__doc__", property_doc, property_set_doc},
    {"__isabstractmethod__", property_isabstract},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------
// classmethod and staticmethod

struct WrapperObject : Object {
  Ref m_function;
};

Ref wrapper_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  const char* name = type == &classmethod_type || is_subtype(type, &classmethod_type) ? "classmethod" : "staticmethod";
  if (kwnames != nullptr && tuple_size(kwnames) != 0) {
    return raise_format(&type_error_type, "%s() takes no keyword arguments", name);
  }
  if (nargs != 1) {
    return raise_format(&type_error_type, "%s expected 1 argument, got %zu", name, nargs);
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<WrapperObject*>(object)->m_function) Ref(ref(args[0]));
  return Ref::steal(object);
}

bool wrapper_init(Value, const Value*, size_t, TupleObject*) { return true; }

void wrapper_destroy(Object* object) { static_cast<WrapperObject*>(object)->~WrapperObject(); }
void wrapper_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<WrapperObject*>(object)->m_function, context);
}

Ref classmethod_get(Value self, Value instance, Value owner) {
  Value function = self.as<WrapperObject>()->m_function;
  Value type = owner ? owner : Value(instance.type());
  // As 3.11: a wrapped descriptor (classmethod(property(...))) is bound through its __get__.
  DescrGetFn get = function.type()->m_descr_get;
  if (get != nullptr && !is_function(function) && function.type() != &builtin_function_type) {
    return get(function, type, type);
  }
  return make_method(function, type);
}

Ref staticmethod_get(Value self, Value, Value) { return self.as<WrapperObject>()->m_function; }

Ref staticmethod_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  return call(callable.as<WrapperObject>()->m_function, args, nargs, kwnames);
}

// As CPython's sm_repr/cm_repr: the built-in's name even for a subclass.
Ref wrapper_repr(Value self) {
  Ref inner = repr(self.as<WrapperObject>()->m_function);
  if (!inner) return {};
  std::string text = isinstance(self, &classmethod_type) ? "<classmethod(" : "<staticmethod(";
  text += str_view(inner);
  text += ")>";
  return make_str(text);
}

Ref wrapper_func(Value self) { return self.as<WrapperObject>()->m_function; }
Ref wrapper_isabstract(Value self) {
  bool found;
  Ref flag = lookup_attr(self.as<WrapperObject>()->m_function, intern_static("__isabstractmethod__"), found);
  if (!flag) {
    if (error_pending()) return {};
    return new_bool(false);
  }
  return flag;
}
// __name__, __doc__ … are forwarded to the function (3.10+ copies them).
Ref wrapper_getattr(Value self, Value name) {
  Ref result = generic_getattr(self, name);
  if (result || !exception_matches(&attribute_error_type)) return result;
  std::string_view text = str_view(name);
  if (text == "__name__" || text == "__qualname__" || text == "__doc__" || text == "__module__" ||
      text == "__annotations__") {
    clear_exception();
    return getattr(self.as<WrapperObject>()->m_function, name);
  }
  return result;
}

const GetSetDef kWrapperGetSet[] = {
    {"__func__", wrapper_func},
    {"__wrapped__", wrapper_func},
    {"__isabstractmethod__", wrapper_isabstract},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------
// mappingproxy

struct MappingProxyObject : Object {
  Ref m_mapping;
};

Ref mappingproxy_getitem(Value self, Value key) { return getitem(self.as<MappingProxyObject>()->m_mapping, key); }
std::optional<int64_t> mappingproxy_length(Value self) { return length(self.as<MappingProxyObject>()->m_mapping); }
int mappingproxy_contains(Value self, Value key) { return contains(self.as<MappingProxyObject>()->m_mapping, key); }
Ref mappingproxy_iter(Value self) { return iter(self.as<MappingProxyObject>()->m_mapping); }
Ref mappingproxy_repr(Value self) {
  Ref inner = repr(self.as<MappingProxyObject>()->m_mapping);
  if (!inner) return {};
  return make_str("mappingproxy(" + std::string(str_view(inner)) + ")");
}
Ref mappingproxy_forward(Value self, const char* name, Args args) {
  Ref method = getattr(self.as<MappingProxyObject>()->m_mapping, name);
  if (!method) return {};
  return call(method, args.items, args.count, args.kwnames);
}
Ref mappingproxy_keys(Value self, Args args) { return mappingproxy_forward(self, "keys", args); }
Ref mappingproxy_values(Value self, Args args) { return mappingproxy_forward(self, "values", args); }
Ref mappingproxy_items(Value self, Args args) { return mappingproxy_forward(self, "items", args); }
Ref mappingproxy_get(Value self, Args args) { return mappingproxy_forward(self, "get", args); }
Ref mappingproxy_copy(Value self, Args args) { return mappingproxy_forward(self, "copy", args); }
void mappingproxy_destroy(Object* object) { static_cast<MappingProxyObject*>(object)->~MappingProxyObject(); }
void mappingproxy_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<MappingProxyObject*>(object)->m_mapping, context);
}

// str() of a mappingproxy is its mapping's, as CPython's.
Ref mappingproxy_str(Value self) { return str(self.as<MappingProxyObject>()->m_mapping); }

Ref mappingproxy_richcompare(Value self, Value other, CompareOp op) {
  return compare(self.as<MappingProxyObject>()->m_mapping, other, op);
}

// types.MappingProxyType(mapping).
Ref mappingproxy_new(Type*, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"mappingproxy", {"mapping"}, 0, SIZE_MAX, 1};
  Value bound[1];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  Value mapping = bound[0];
  Type* type = mapping.type();
  bool is_mapping = (type->m_flags & kTypeMapping) || (type->m_getitem != nullptr && !is_list(mapping) &&
                                                       !is_tuple(mapping) && !(type->m_flags & kTypeSequence));
  if (!is_mapping) {
    return raise_format(&type_error_type, "mappingproxy() argument must be a mapping, not %s",
                        value_type_name(mapping).data());
  }
  return make_mappingproxy(mapping);
}

const MethodDef kMappingProxyMethods[] = {
    {"keys", mappingproxy_keys, ArgKind::NoArgs},
    {"values", mappingproxy_values, ArgKind::NoArgs},
    {"items", mappingproxy_items, ArgKind::NoArgs},
    {"get", mappingproxy_get, ArgKind::VarArgs},
    {"copy", mappingproxy_copy, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// ---------------------------------------------------------------------------
// The __dict__ of instances of Python classes.

struct InstanceDictDescriptor : Object {
  Type* m_owner;
};
Type instance_dict_descriptor_type;

Ref instance_dict_get(Value self, Value instance, Value) {
  if (!instance) return ref(self);
  Ref* slot = instance_dict_slot(instance.as_object());
  if (!*slot) {
    *slot = make_dict();
    if (!*slot) return {};
  }
  return *slot;
}

bool instance_dict_set(Value self, Value instance, Value value) {
  if (!value) {
    instance_dict_slot(instance.as_object())->reset();
    return true;
  }
  if (!is_dict(value)) {
    raise_format(&type_error_type, "__dict__ must be set to a dictionary, not a '%s'",
                 value_type_name(value).data());
    return false;
  }
  *instance_dict_slot(instance.as_object()) = ref(value);
  return true;
}

}  // namespace

Type property_type, classmethod_type, staticmethod_type, mappingproxy_type;

static struct DescriptorTypesSetup {
  DescriptorTypesSetup() {
    property_type.m_tp_name = "property";
    property_type.m_size = sizeof(PropertyObject);
    property_type.m_flags = kTypeBaseType | kTypeHasGC;
    property_type.m_new = property_new;
    property_type.m_init = property_init;
    property_type.m_descr_get = property_get;
    property_type.m_descr_set = property_set;
    property_type.m_destroy = property_destroy;
    property_type.m_traverse = property_traverse;
    property_type.m_methods = kPropertyMethods;
    property_type.m_getset = kPropertyGetSet;

    for (Type* t : {&classmethod_type, &staticmethod_type}) {
      t->m_size = sizeof(WrapperObject);
      t->m_flags = kTypeBaseType | kTypeHasGC | kTypeHasDict;
      t->m_new = wrapper_new;
      t->m_init = wrapper_init;
      t->m_destroy = wrapper_destroy;
      t->m_traverse = wrapper_traverse;
      t->m_repr = wrapper_repr;
      t->m_getset = kWrapperGetSet;
      t->m_getattr = wrapper_getattr;
    }
    classmethod_type.m_tp_name = "classmethod";
    classmethod_type.m_descr_get = classmethod_get;
    staticmethod_type.m_tp_name = "staticmethod";
    staticmethod_type.m_descr_get = staticmethod_get;
    staticmethod_type.m_call = staticmethod_call;

    mappingproxy_type.m_tp_name = "mappingproxy";
    mappingproxy_type.m_size = sizeof(MappingProxyObject);
    mappingproxy_type.m_flags = kTypeHasGC | kTypeMapping;
    mappingproxy_type.m_getitem = mappingproxy_getitem;
    mappingproxy_type.m_length = mappingproxy_length;
    mappingproxy_type.m_contains = mappingproxy_contains;
    mappingproxy_type.m_iter = mappingproxy_iter;
    mappingproxy_type.m_repr = mappingproxy_repr;
    mappingproxy_type.m_str = mappingproxy_str;
    mappingproxy_type.m_new = mappingproxy_new;
    mappingproxy_type.m_richcompare = mappingproxy_richcompare;
    mappingproxy_type.m_destroy = mappingproxy_destroy;
    mappingproxy_type.m_traverse = mappingproxy_traverse;
    mappingproxy_type.m_methods = kMappingProxyMethods;

    instance_dict_descriptor_type.m_tp_name = "getset_descriptor";
    instance_dict_descriptor_type.m_size = sizeof(InstanceDictDescriptor);
    instance_dict_descriptor_type.m_descr_get = instance_dict_get;
    instance_dict_descriptor_type.m_descr_set = instance_dict_set;
  }
} descriptor_types_setup;
COIL_REGISTER_TYPE(property_type);
COIL_REGISTER_TYPE(classmethod_type);
COIL_REGISTER_TYPE(staticmethod_type);
COIL_REGISTER_TYPE(mappingproxy_type);
COIL_REGISTER_TYPE(instance_dict_descriptor_type);

Ref make_classmethod(Value function) {
  Object* object = allocate_object(&classmethod_type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<WrapperObject*>(object)->m_function) Ref(ref(function));
  return Ref::steal(object);
}

Ref make_staticmethod(Value function) {
  Object* object = allocate_object(&staticmethod_type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<WrapperObject*>(object)->m_function) Ref(ref(function));
  return Ref::steal(object);
}

Ref make_mappingproxy(Value mapping) {
  Object* object = allocate_object(&mappingproxy_type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<MappingProxyObject*>(object)->m_mapping) Ref(ref(mapping));
  return Ref::steal(object);
}

Ref make_instance_dict_descriptor(Type* owner) {
  Object* object = allocate_object(&instance_dict_descriptor_type);
  if (object == nullptr) return raise_no_memory();
  static_cast<InstanceDictDescriptor*>(object)->m_owner = owner;
  return Ref::steal(object);
}

}  // namespace coil
