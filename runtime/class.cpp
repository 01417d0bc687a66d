// The `type` type and classes made in Python (runtime/class.h).
//
// Creating a class follows CPython's type_new: the metaclass is settled,
// the bases' layouts must agree (one "solid base"), the MRO is linearized
// with C3, instances get their __slots__ values and __dict__ in the prefix
// in front of the header (runtime/object.h), the slots are set from the
// dunder methods (runtime/slots.cpp), then __set_name__ and the parent's
// __init_subclass__ run.
#include "runtime/class.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/generic_alias.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/slots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/union.h"
#include "runtime/unicode.h"
#include "runtime/weakref.h"
#include "vm/interpreter.h"
#include "vm/symtable.h"

namespace coil {

namespace {

std::vector<std::pair<Type*, std::vector<Type*>>>& builtin_subclass_table() {
  static std::vector<std::pair<Type*, std::vector<Type*>>> table;
  return table;
}

const std::vector<Type*> kNoTypes;

// ---------------------------------------------------------------------------
// The MRO: C3 linearization, as CPython's mro_implementation.

bool merge_mro(std::vector<std::vector<Type*>>& sequences, std::vector<Type*>& result) {
  while (true) {
    bool all_empty = true;
    for (auto& s : sequences) all_empty &= s.empty();
    if (all_empty) return true;
    Type* candidate = nullptr;
    for (auto& s : sequences) {
      if (s.empty()) continue;
      Type* head = s.front();
      bool in_tail = false;
      for (auto& other : sequences) {
        if (!other.empty() && std::find(other.begin() + 1, other.end(), head) != other.end()) {
          in_tail = true;
          break;
        }
      }
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (candidate == nullptr) {
      std::string names;
      std::vector<Type*> seen;
      for (auto& s : sequences) {
        if (s.empty()) continue;
        if (std::find(seen.begin(), seen.end(), s.front()) != seen.end()) continue;
        seen.push_back(s.front());
        if (!names.empty()) names += ", ";
        names += type_name(s.front());
      }
      raise_format(&type_error_type,
                   "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                   names.c_str());
      return false;
    }
    result.push_back(candidate);
    for (auto& s : sequences) {
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
    }
  }
}

Ref compute_mro(Type* type) {
  Value bases = type->m_bases;
  size_t n = tuple_size(bases);
  std::vector<Type*> result{type};
  if (n == 1) {
    Value base_mro = tuple_item(bases, 0).as<Type>()->m_mro;
    for (size_t i = 0; i < tuple_size(base_mro); ++i) result.push_back(tuple_item(base_mro, i).as<Type>());
  } else {
    // A class listed twice is reported as such, before C3 would fail on it.
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (tuple_item(bases, i).is(tuple_item(bases, j))) {
          raise_format(&type_error_type, "duplicate base class %s",
                       message_type_name(tuple_item(bases, i).as<Type>()).data());
          return {};
        }
      }
    }
    std::vector<std::vector<Type*>> sequences;
    for (size_t i = 0; i < n; ++i) {
      Value base_mro = tuple_item(bases, i).as<Type>()->m_mro;
      std::vector<Type*> s;
      for (size_t j = 0; j < tuple_size(base_mro); ++j) s.push_back(tuple_item(base_mro, j).as<Type>());
      sequences.push_back(std::move(s));
    }
    std::vector<Type*> base_list;
    for (size_t i = 0; i < n; ++i) base_list.push_back(tuple_item(bases, i).as<Type>());
    sequences.push_back(base_list);
    if (!merge_mro(sequences, result)) return {};
  }
  Ref mro = make_tuple(result.size());
  for (size_t i = 0; i < result.size(); ++i) tuple_set(mro, i, ref(Value(result[i])));
  return mro;
}

// The built-in type whose layout instances of `type` have (CPython's solid_base).
Type* solid_base(Type* type) {
  while (type->m_heap != nullptr) {
    if (type->m_heap->own_prefix != 0 && !type->m_heap->slot_members.empty()) return type;
    type = type->m_base;
  }
  // A built-in that adds nothing to its base's layout (ValueError to
  // BaseException) has its base's, so class E(OSError, ValueError) works.
  while (type->m_base != nullptr && type->m_size == type->m_base->m_size &&
         type->m_item_size == type->m_base->m_item_size && type->m_prefix == type->m_base->m_prefix &&
         type->m_dict_offset == type->m_base->m_dict_offset) {
    type = type->m_base;
  }
  return type;
}

Type* best_base(Value bases) {
  Type* winner = nullptr;
  Type* base = nullptr;
  for (size_t i = 0; i < tuple_size(bases); ++i) {
    Value item = tuple_item(bases, i);
    if (!is_type(item)) {
      raise(&type_error_type, "bases must be types");
      return nullptr;
    }
    Type* candidate_type = item.as<Type>();
    if (!(candidate_type->m_flags & kTypeBaseType)) {
      raise_format(&type_error_type, "type '%s' is not an acceptable base type",
                   message_type_name(candidate_type).data());
      return nullptr;
    }
    Type* candidate = solid_base(candidate_type);
    if (winner == nullptr) {
      winner = candidate;
      base = candidate_type;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = candidate_type;
    } else {
      raise(&type_error_type, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

void heap_type_destroy(Object* object) {
  Type* type = static_cast<Type*>(object);
  if (type->m_base != nullptr) {
    auto& subs = type->m_base->m_heap ? type->m_base->m_heap->subclasses : kNoTypes;
    auto& mutable_subs = const_cast<std::vector<Type*>&>(subs);
    mutable_subs.erase(std::remove(mutable_subs.begin(), mutable_subs.end(), type), mutable_subs.end());
  }
  if (type->m_bases) {
    for (size_t i = 0; i < tuple_size(type->m_bases); ++i) {
      Type* b = tuple_item(type->m_bases, i).as<Type>();
      if (b->m_heap) {
        auto& subs = b->m_heap->subclasses;
        subs.erase(std::remove(subs.begin(), subs.end(), type), subs.end());
      }
    }
  }
  decref(Value(type->m_bases));
  decref(Value(type->m_mro));
  decref(Value(type->m_dict));
  decref(Value(type->m_name));
  decref(Value(type->m_qualname));
  decref(Value(static_cast<Object*>(type->m_base)));
  delete type->m_heap;
  type->m_heap = nullptr;
}

void heap_type_traverse(Object* object, VisitFn visit, void* context) {
  Type* type = static_cast<Type*>(object);
  if (!(type->m_flags & kTypeHeapType)) return;
  visit(Value(type->m_dict), context);
  visit(Value(type->m_mro), context);
  visit(Value(type->m_bases), context);
  visit(Value(static_cast<Object*>(type->m_base)), context);
}

// As CPython's type_clear: the dict is emptied and the MRO (which holds
// the class itself) dropped; attribute lookups then find nothing.
void heap_type_clear(Object* object) {
  Type* type = static_cast<Type*>(object);
  if (!(type->m_flags & kTypeHeapType)) return;
  type_modified(type);
  if (type->m_dict != nullptr) dict_clear(Value(type->m_dict));
  Object* mro = type->m_mro;
  type->m_mro = nullptr;
  decref(Value(mro));
}

// ---------------------------------------------------------------------------
// The `type` type's slots.

Ref type_repr(Value self) {
  Type* type = self.as<Type>();
  Value module = Value();
  if (type->m_flags & kTypeHeapType) {
    module = dict_lookup_str(type->m_dict, "__module__");
  } else {
    const char* dot = std::strrchr(type->m_tp_name, '.');
    if (dot) return make_str(std::string("<class '") + type->m_tp_name + "'>");
  }
  std::string text = "<class '";
  if (module && is_str(module) && str_view(module) != "builtins") {
    text += str_view(module);
    text += '.';
  }
  text += str_view(type->m_qualname);
  text += "'>";
  return make_str(text);
}

Ref type_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  Type* type = callable.as<Type>();
  // type(x): the type of x.
  if (type == &type_type && nargs == 1 && (kwnames == nullptr || tuple_size(kwnames) == 0)) {
    return ref(Value(args[0].type()));
  }
  if (type->m_new == nullptr) {
    return raise_format(&type_error_type, "cannot create '%s' instances", type->m_tp_name);
  }
  Ref object = type->m_new(type, args, nargs, kwnames);
  if (!object) return {};
  // As CPython: __init__ runs only if __new__ returned an instance of the type.
  if (type == &type_type && nargs == 1) return object;
  Type* object_type_ = object.type();
  if (!is_subtype(object_type_, type)) return object;
  if (object_type_->m_init != nullptr && !object_type_->m_init(object, args, nargs, kwnames)) return {};
  return object;
}

Ref type_getattr(Value self, Value name) {
  // As CPython's type_getattro: a data descriptor on the metatype wins,
  // then the type's own MRO (binding descriptors with instance None), then
  // the metatype's other attributes.
  Type* type = self.as<Type>();
  Type* metatype = self.type();
  Value meta_attribute = type_lookup(metatype, name);
  DescrGetFn meta_get = nullptr;
  if (meta_attribute) {
    meta_get = meta_attribute.type()->m_descr_get;
    if (meta_get != nullptr && meta_attribute.type()->m_descr_set != nullptr) {
      return meta_get(meta_attribute, self, Value(metatype));
    }
  }
  Value attribute = type_lookup(type, name);
  if (attribute) {
    DescrGetFn get = attribute.type()->m_descr_get;
    if (get != nullptr) return get(attribute, Value(), self);
    return ref(attribute);
  }
  if (meta_get != nullptr) return meta_get(meta_attribute, self, Value(metatype));
  if (meta_attribute) return ref(meta_attribute);
  return raise_format(&attribute_error_type, "type object '%s' has no attribute '%s'",
                      str_cstr(Value(type->m_name)),
                      str_cstr(name));
}

bool type_setattr(Value self, Value name, Value value) {
  Type* type = self.as<Type>();
  if (!(type->m_flags & kTypeHeapType)) {
    raise_format(&type_error_type,
                 "cannot set '%s' attribute of immutable type '%s'", str_cstr(name),
                 type->m_tp_name);
    return false;
  }
  // Data descriptors on the metatype (__name__, __qualname__, __doc__…).
  Value meta_attribute = type_lookup(self.type(), name);
  if (meta_attribute && meta_attribute.type()->m_descr_set != nullptr) {
    return meta_attribute.type()->m_descr_set(meta_attribute, self, value);
  }
  Ref interned = is_exact_str(name) ? intern(str_view(name)) : ref(name);
  if (value) {
    if (!dict_setitem(type->m_dict, interned, value)) return false;
  } else {
    int removed = dict_delitem(type->m_dict, interned);
    if (removed < 0) return false;
    if (removed == 0) {
      raise_format(&attribute_error_type, "type object '%s' has no attribute '%s'",
                   str_cstr(type->m_name), str_cstr(name));
      return false;
    }
  }
  type_modified(type);
  update_slots_for(type, interned);
  return true;
}

Ref type_new_slot(Type* metatype, const Value* args, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (metatype == &type_type && nargs == 1 && nkw == 0) return ref(Value(args[0].type()));
  if (nargs != 3) {
    return raise(&type_error_type, metatype == &type_type ? "type() takes 1 or 3 arguments"
                                                          : "type.__new__() takes exactly 3 arguments (0 given)");
  }
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "type.__new__() argument 1 must be str, not %s",
                        value_type_name(args[0]).data());
  }
  if (!is_tuple(args[1])) {
    return raise_format(&type_error_type, "type.__new__() argument 2 must be tuple, not %s",
                        value_type_name(args[1]).data());
  }
  if (!is_dict(args[2])) {
    return raise_format(&type_error_type, "type.__new__() argument 3 must be dict, not %s",
                        value_type_name(args[2]).data());
  }
  Ref kwargs;
  if (nkw > 0) {
    kwargs = make_dict();
    for (size_t i = 0; i < nkw; ++i) {
      if (!dict_setitem(kwargs, tuple_item(Value(kwnames), i), args[nargs + i])) return {};
    }
  }
  return type_new(metatype, args[0], args[1], args[2], kwargs);
}

bool type_init_slot(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs == 1 && nkw == 0) return true;
  if (nargs != 1 && nargs != 3) {
    raise(&type_error_type, "type.__init__() takes 1 or 3 arguments");
    return false;
  }
  return true;
}

// --- type's attributes.

Ref type_get_name(Value self) { return ref(Value(self.as<Type>()->m_name)); }
bool type_set_name(Value self, Value value) {
  Type* type = self.as<Type>();
  if (!(type->m_flags & kTypeHeapType)) {
    raise_format(&type_error_type, "cannot set '__name__' attribute of immutable type '%s'", type->m_tp_name);
    return false;
  }
  if (!value) {
    raise(&type_error_type, "cannot delete '__name__' attribute of immutable type");
    return false;
  }
  if (!is_str(value)) {
    raise_format(&type_error_type, "can only assign string to %s.__name__, not '%s'", type->m_tp_name,
                 value_type_name(value).data());
    return false;
  }
  decref(Value(type->m_name));
  type->m_name = ref(value).release().as_object();
  type->m_heap->name = std::string(str_view(value));
  type->m_tp_name = type->m_heap->name.c_str();
  return true;
}
Ref type_get_qualname(Value self) { return ref(Value(self.as<Type>()->m_qualname)); }
bool type_set_qualname(Value self, Value value) {
  Type* type = self.as<Type>();
  if (!(type->m_flags & kTypeHeapType) || !value) {
    raise_format(&type_error_type, "cannot set '__qualname__' attribute of immutable type '%s'", type->m_tp_name);
    return false;
  }
  if (!is_str(value)) {
    raise_format(&type_error_type, "can only assign string to %s.__qualname__, not '%s'",
                 type->m_tp_name, value_type_name(value).data());
    return false;
  }
  decref(Value(type->m_qualname));
  type->m_qualname = ref(value).release().as_object();
  return true;
}
Ref type_get_bases(Value self) { return ref(Value(self.as<Type>()->m_bases)); }
Ref type_get_mro(Value self) { return ref(Value(self.as<Type>()->m_mro)); }
Ref type_get_base(Value self) {
  Type* base = self.as<Type>()->m_base;
  return base ? ref(Value(base)) : new_none();
}
Ref type_get_dict(Value self) { return make_mappingproxy(Value(self.as<Type>()->m_dict)); }
Ref type_get_module(Value self) {
  Type* type = self.as<Type>();
  if (type->m_flags & kTypeHeapType) {
    Value module = dict_lookup_str(type->m_dict, "__module__");
    if (!module) return raise(&attribute_error_type, "__module__");
    return ref(module);
  }
  const char* dot = std::strrchr(type->m_tp_name, '.');
  if (dot) return make_str(std::string_view(type->m_tp_name, size_t(dot - type->m_tp_name)));
  // A type registered with its module's name holds it as a str; a dict
  // entry that is a descriptor (function's __module__) is for instances.
  Value module = dict_lookup_str(type->m_dict, "__module__");
  if (module && is_str(module)) return ref(module);
  return make_str("builtins");
}
bool type_set_module(Value self, Value value) {
  Type* type = self.as<Type>();
  if (!(type->m_flags & kTypeHeapType)) {
    raise_format(&type_error_type, "cannot set '__module__' attribute of immutable type '%s'", type->m_tp_name);
    return false;
  }
  if (!value) {
    raise(&type_error_type, "cannot delete '__module__' attribute");
    return false;
  }
  type_modified(type);
  return dict_setitem_str(type->m_dict, "__module__", value);
}
// The last part of a type's name, which its doc's signature starts with.
std::string_view short_type_name(const Type* type) {
  std::string_view name = type->m_tp_name;
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  return name;
}

Ref type_get_doc(Value self) {
  Type* type = self.as<Type>();
  Value doc = dict_lookup_str(type->m_dict, "__doc__");
  if (doc) {
    DescrGetFn get = doc.type()->m_descr_get;
    if (get != nullptr) return get(doc, Value(), self);
    return ref(doc);
  }
  if (!(type->m_flags & kTypeHeapType) && type->m_doc != nullptr) {
    return doc_without_signature(short_type_name(type), type->m_doc);
  }
  return new_none();
}

// A built-in type's constructor signature, from its doc ("list(iterable=(), /)").
Ref type_get_text_signature(Value self) {
  Type* type = self.as<Type>();
  if (type->m_flags & kTypeHeapType) return new_none();
  return doc_text_signature(short_type_name(type), type->m_doc);
}
bool type_set_doc(Value self, Value value) {
  Type* type = self.as<Type>();
  if (!(type->m_flags & kTypeHeapType)) {
    raise_format(&type_error_type, "cannot set '__doc__' attribute of immutable type '%s'", type->m_tp_name);
    return false;
  }
  type_modified(type);
  if (!value) return dict_delitem(type->m_dict, intern_static("__doc__")) >= 0;
  return dict_setitem_str(type->m_dict, "__doc__", value);
}
Ref type_get_abstractmethods(Value self) {
  Type* type = self.as<Type>();
  Value v = type != &type_type ? dict_lookup_str(type->m_dict, "__abstractmethods__") : Value();
  if (!v) return raise(&attribute_error_type, "__abstractmethods__");
  return ref(v);
}
bool type_set_abstractmethods(Value self, Value value) {
  Type* type = self.as<Type>();
  bool ok = value ? dict_setitem_str(type->m_dict, "__abstractmethods__", value)
                  : dict_delitem(type->m_dict, intern_static("__abstractmethods__")) >= 0;
  if (!ok) return false;
  int abstract = value ? is_true(value) : 0;
  if (abstract < 0) return false;
  if (abstract) type->m_flags |= kTypeIsAbstract;
  else type->m_flags &= ~uint64_t(kTypeIsAbstract);
  type_modified(type);
  return true;
}
Ref type_get_annotations(Value self) {
  Type* type = self.as<Type>();
  Value v = dict_lookup_str(type->m_dict, "__annotations__");
  if (v) return ref(v);
  if (!(type->m_flags & kTypeHeapType)) return raise(&attribute_error_type, "type object has no attribute '__annotations__'");
  Ref dict = make_dict();
  if (!dict || !dict_setitem_str(type->m_dict, "__annotations__", dict)) return {};
  return dict;
}

bool type_set_annotations(Value self, Value value) {
  Type* type = self.as<Type>();
  if (!(type->m_flags & kTypeHeapType)) {
    raise_format(&type_error_type, "cannot set '__annotations__' attribute of immutable type '%s'", type->m_tp_name);
    return false;
  }
  if (!value) {
    if (dict_delitem(type->m_dict, intern_static("__annotations__")) < 0) {
      if (!error_pending()) raise(&attribute_error_type, "__annotations__");
      return false;
    }
  } else if (!dict_setitem_str(type->m_dict, "__annotations__", value)) {
    return false;
  }
  type_modified(type);
  return true;
}

const GetSetDef kTypeGetSet[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__bases__", type_get_bases},
    {"__mro__", type_get_mro},
    {"__base__", type_get_base},
    {"__dict__", type_get_dict},
    {"__module__", type_get_module, type_set_module},
    {"__doc__", type_get_doc, type_set_doc},
    {"__text_signature__", type_get_text_signature},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {nullptr, nullptr},
};

Ref type_mro_method(Value self, Args) {
  Ref mro = compute_mro(self.as<Type>());
  if (!mro) return {};
  return list_from_iterable(mro);
}

Ref type_subclasses_method(Value self, Args) {
  Type* type = self.as<Type>();
  Ref list = make_list();
  const auto& subs = type->m_heap ? type->m_heap->subclasses : builtin_subclasses(type);
  for (Type* sub : subs) list_append(list, ref(Value(sub)));
  return list;
}

Ref type_instancecheck(Value self, Args args) {
  return new_bool(isinstance(args[0], self.as<Type>()));
}

Ref type_subclasscheck(Value self, Args args) {
  if (!is_type(args[0])) return raise(&type_error_type, "issubclass() arg 1 must be a class");
  return new_bool(is_subtype(args[0].as<Type>(), self.as<Type>()));
}

Ref type_prepare(Value, Args) { return make_dict(); }

Ref type_sizeof(Value self, Args) { return make_int(int64_t(sizeof(Type))); }

Ref type_dir(Value self, Args) {
  // The union of the dicts along the MRO.
  Ref result = make_dict();
  Value mro = self.as<Type>()->m_mro;
  for (size_t i = tuple_size(mro); i-- > 0;) {
    if (!dict_update(result, Value(tuple_item(mro, i).as<Type>()->m_dict))) return {};
  }
  return dict_keys_list(result);
}


const MethodDef kTypeMethods[] = {
    {"mro", type_mro_method, ArgKind::NoArgs, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, ArgKind::NoArgs},
    {"__instancecheck__", type_instancecheck, ArgKind::OneArg},
    {"__subclasscheck__", type_subclasscheck, ArgKind::OneArg},
    {"__prepare__", type_prepare, ArgKind::Keywords, nullptr, kMethodClass},
    {"__sizeof__", type_sizeof, ArgKind::NoArgs},
    {"__dir__", type_dir, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// tp_new of a class whose MRO defines __new__ in Python: calls it with the
// class first, as CPython's slot_tp_new.
Ref slot_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  Value attribute = type_lookup(type, "__new__");
  if (!attribute) return raise_format(&type_error_type, "cannot create '%s' instances", type->m_tp_name);
  DescrGetFn get = attribute.type()->m_descr_get;
  Ref function = get ? get(attribute, Value(), Value(type)) : ref(attribute);
  if (!function) return {};
  size_t total = nargs + (kwnames ? kwnames->m_size : 0);
  std::vector<Value> stack(total + 1);
  stack[0] = Value(type);
  for (size_t i = 0; i < total; ++i) stack[i + 1] = args[i];
  return call(function, stack.data(), nargs + 1, kwnames);
}

void type_type_destroy(Object* object) {
  if (static_cast<Type*>(object)->m_flags & kTypeHeapType) heap_type_destroy(object);
}

}  // namespace

Type type_type;

static struct TypeTypeSetup {
  TypeTypeSetup() {
    type_type.m_tp_name = "type";
    type_type.m_size = sizeof(Type);
    type_type.m_flags = kTypeBaseType | kTypeTypeSubclass | kTypeHasGC;
    type_type.m_repr = type_repr;
    type_type.m_call = type_call;
    type_type.m_getattr = type_getattr;
    type_type.m_setattr = type_setattr;
    type_type.m_new = type_new_slot;
    type_type.m_init = type_init_slot;
    type_type.m_getset = kTypeGetSet;
    type_type.m_binary[int(BinaryOp::Or)] = type_or;  // int | str
    type_type.m_methods = kTypeMethods;
    type_type.m_destroy = type_type_destroy;
    type_type.m_traverse = heap_type_traverse;
    type_type.m_clear = heap_type_clear;
    type_type.m_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  }
} type_type_setup;

const std::vector<Type*>& heap_subclasses(Type* type) {
  return type->m_heap ? type->m_heap->subclasses : builtin_subclasses(type);
}

const std::vector<Type*>& builtin_subclasses(Type* type) {
  for (auto& [base, subs] : builtin_subclass_table()) {
    if (base == type) return subs;
  }
  return kNoTypes;
}

void note_builtin_subclass(Type* base, Type* subclass) {
  for (auto& [b, subs] : builtin_subclass_table()) {
    if (b == base) {
      subs.push_back(subclass);
      return;
    }
  }
  builtin_subclass_table().push_back({base, {subclass}});
}

void clear_heap_instance(Object* object) {
  Type* type = object->m_type;
  size_t words = (type->m_prefix - kGCHeadSize) / sizeof(Value);
  Ref* start = reinterpret_cast<Ref*>(reinterpret_cast<char*>(object) - type->m_prefix);
  for (size_t i = 0; i < words; ++i) start[i].reset();
}

Type* calculate_metaclass(Type* requested, Value bases) {
  Type* winner = requested;
  for (size_t i = 0; i < tuple_size(bases); ++i) {
    Type* candidate = tuple_item(bases, i).type();
    if (is_subtype(winner, candidate)) continue;
    if (is_subtype(candidate, winner)) {
      winner = candidate;
      continue;
    }
    raise(&type_error_type,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
          "of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Ref type_new(Type* metatype, Value name, Value bases_in, Value namespace_dict, Value kwargs_dict) {
  // 1. The metaclass and the bases.
  Ref bases = ref(bases_in);
  if (tuple_size(bases) == 0) bases = make_tuple({Value(&object_type)});
  // As CPython, the metaclass is computed first, so a base that is not a
  // class usually fails as a metaclass conflict (its type is not a metaclass).
  Type* winner = calculate_metaclass(metatype, bases);
  if (winner == nullptr) return {};
  for (size_t i = 0; i < tuple_size(bases); ++i) {
    if (!is_type(tuple_item(bases, i))) {
      return raise_format(&type_error_type, "bases must be types");
    }
  }
  if (winner != metatype && winner->m_new != type_type.m_new) {
    // A more derived metaclass with its own __new__ takes over.
    Value args[3] = {name, bases_in, namespace_dict};
    return winner->m_new(winner, args, 3, nullptr);
  }
  metatype = winner;
  Type* base = best_base(bases);
  if (base == nullptr) return {};

  // 2. The type object, its name and dict.
  Object* object = allocate_object(metatype);
  if (object == nullptr) return raise_no_memory();
  Type* type = static_cast<Type*>(object);
  Ref type_ref = Ref::steal(object);
  type->m_heap = new HeapTypeData();
  type->m_heap->name = std::string(str_view(name));
  type->m_tp_name = type->m_heap->name.c_str();
  type->m_flags = kTypeHeapType | kTypeBaseType | kTypeHasGC;
  type->m_base = base;
  incref(Value(base));
  type->m_bases = bases.release().as_object();
  type->m_name = ref(name).release().as_object();
  Ref dict = dict_copy(namespace_dict);
  if (!dict) return {};
  type->m_dict = dict.get().as_object();
  incref(dict);

  // __qualname__ from the namespace (the class body sets it).
  Value qualname = dict_lookup_str(dict, "__qualname__");
  if (qualname) {
    if (!is_str(qualname)) {
      return raise_format(&type_error_type, "type __qualname__ must be a str, not %s",
                          value_type_name(qualname).data());
    }
    type->m_qualname = ref(qualname).release().as_object();
    if (dict_delitem(dict, intern_static("__qualname__")) < 0) return {};
  } else {
    type->m_qualname = ref(name).release().as_object();
  }
  if (!dict_lookup_str(dict, "__module__")) {
    Value globals = current_globals();
    Value module_name = globals ? dict_lookup_str(globals, "__name__") : Value();
    if (module_name && !dict_setitem_str(dict, "__module__", module_name)) return {};
  }
  // __new__ is a static method, __init_subclass__ and __class_getitem__
  // class methods, even when written as plain functions.
  {
    Value f = dict_lookup_str(dict, "__new__");
    if (f && is_function(f)) {
      Ref wrapped = make_staticmethod(f);
      if (!wrapped || !dict_setitem_str(dict, "__new__", wrapped)) return {};
    }
    for (const char* method : {"__init_subclass__", "__class_getitem__"}) {
      Value g = dict_lookup_str(dict, method);
      if (g && is_function(g)) {
        Ref wrapped = make_classmethod(g);
        if (!wrapped || !dict_setitem_str(dict, method, wrapped)) return {};
      }
    }
  }
  // A class that defines __eq__ without __hash__ is unhashable.
  if (dict_lookup_str(dict, "__eq__") && !dict_lookup_str(dict, "__hash__")) {
    if (!dict_setitem_str(dict, "__hash__", none())) return {};
  }

  // 3. Layout: the base's, plus __slots__ values and a __dict__ in the prefix.
  type->m_size = base->m_size;
  type->m_item_size = base->m_item_size;
  size_t base_prefix = base->m_prefix - ((base->m_flags & kTypeHasGC) ? kGCHeadSize : 0);
  size_t own = base_prefix;
  bool wants_dict = true;
  // As CPython's add_dict: whether the layout base already has a __dict__
  // (another base's dict sits at an offset of its own layout, not this one).
  bool has_dict = base->m_dict_offset != 0;
  // Classes keep their namespace in the type itself (metaclasses add no
  // instance dict, as CPython's type has its tp_dictoffset); so does a base
  // whose instances keep their attributes aside (a Future's, whose
  // subclasses have no __dict__ in CPython either).
  if ((base->m_flags & kTypeTypeSubclass) || base->m_extra_dict != nullptr) has_dict = true;
  // As CPython: instances get weak references unless their layout is a
  // variable-sized built-in's (int, tuple, bytes) or __slots__ leaves
  // __weakref__ out.
  bool base_weakrefable = base->m_flags & kTypeWeakrefable;
  bool may_add_weakref = !base_weakrefable && base->m_item_size == 0 &&
                         !(base->m_flags & (kTypeLongSubclass | kTypeTupleSubclass | kTypeBytesSubclass));
  bool weakref_slot = false;
  Value slots = dict_lookup_str(dict, "__slots__");
  if (slots) {
    wants_dict = false;
    Ref names_list;
    if (is_str(slots)) {
      names_list = make_list();
      list_append(names_list, ref(slots));
    } else {
      names_list = list_from_iterable(slots);
      if (!names_list) return {};
    }
    // As CPython's type_new_slots_impl: a variable-sized base takes no
    // slots at all (even __weakref__), then every name is checked, and
    // __dict__ and __weakref__ taken out, before the others are laid out.
    bool variable_sized = base->m_item_size != 0 ||
                          (base->m_flags & (kTypeLongSubclass | kTypeTupleSubclass | kTypeBytesSubclass));
    if (variable_sized && !as_list(names_list)->m_items.empty()) {
      return raise_format(&type_error_type, "nonempty __slots__ not supported for subtype of '%s'", base->m_tp_name);
    }
    for (const Ref& slot_name : as_list(names_list)->m_items) {
      if (!is_str(slot_name)) {
        return raise_format(&type_error_type, "__slots__ items must be strings, not '%s'",
                            value_type_name(slot_name).data());
      }
      if (!str_isidentifier(str_view(slot_name))) return raise(&type_error_type, "__slots__ must be identifiers");
      std::string_view text = str_view(slot_name);
      if (text == "__dict__") {
        if (has_dict || wants_dict) return raise(&type_error_type, "__dict__ slot disallowed: we already got one");
        wants_dict = true;
      } else if (text == "__weakref__") {
        if (!may_add_weakref || weakref_slot) {
          return raise(&type_error_type,
                       "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        }
        weakref_slot = true;
      }
    }
    for (const Ref& slot_name : as_list(names_list)->m_items) {
      std::string_view text = str_view(slot_name);
      if (text == "__dict__" || text == "__weakref__") continue;
      std::string mangled = mangle(str_view(type->m_name), text);
      Ref key = intern(mangled);
      if (dict_lookup_str(dict, key)) {
        return raise_format(&value_error_type, "'%s' in __slots__ conflicts with class variable",
                            mangled.c_str());
      }
      own += sizeof(Value);
      type->m_heap->slot_names.push_back(key);
      type->m_heap->slot_members.push_back(
          MemberDef{str_cstr(key), MemberType::Object, -ptrdiff_t(own + kGCHeadSize), true, nullptr});
    }
  }
  if (wants_dict && !has_dict) {
    own += sizeof(Value);
    type->m_dict_offset = -ptrdiff_t(own + kGCHeadSize);
  } else if (has_dict) {
    type->m_dict_offset = base->m_dict_offset;
  }
  type->m_heap->own_prefix = own;
  type->m_prefix = own + kGCHeadSize;
  type->m_destroy = base->m_destroy;
  for (const MemberDef& member : type->m_heap->slot_members) {
    Ref descriptor = make_member_descriptor(&member, type);
    if (!descriptor || !dict_setitem_str(dict, member.name, descriptor)) return {};
  }
  if (type->m_dict_offset != 0 && base->m_dict_offset == 0 && !dict_lookup_str(dict, "__dict__")) {
    Ref descriptor = make_instance_dict_descriptor(type);
    if (!descriptor || !dict_setitem_str(dict, "__dict__", descriptor)) return {};
  }
  bool add_weakref = slots ? weakref_slot : may_add_weakref;
  if (base_weakrefable || add_weakref) type->m_flags |= kTypeWeakrefable;
  if (add_weakref && !dict_lookup_str(dict, "__weakref__")) {
    Ref descriptor = make_weakref_attribute(type);
    if (!descriptor || !dict_setitem_str(dict, "__weakref__", descriptor)) return {};
  }
  // __doc__ comes after the descriptors, as in CPython's class dicts.
  if (!dict_lookup_str(dict, "__doc__") && !dict_setitem_str(dict, "__doc__", none())) return {};

  // 4. The MRO, the inherited slots, then the slots of the dunders.
  type->m_flags |= kTypeReady;
  type->m_version = 0;
  Ref mro = compute_mro(type);
  if (!mro) return {};
  type->m_mro = mro.release().as_object();
  // Inherit the C++ slots of every base, nearest first (as CPython does
  // along the MRO); the dunders then override them in fixup_slots.
  for (size_t i = 1; i < tuple_size(type->m_mro); ++i) {
    inherit_slots(type, tuple_item(type->m_mro, i).as<Type>());
  }
  if (type->m_new == nullptr) type->m_new = base->m_new;
  type_modified(type);
  fixup_slots(type);
  // __new__ written in Python (a staticmethod by now) replaces the
  // inherited allocator; the built-ins' own __new__ are builtin functions.
  {
    Value new_attribute = type_lookup(type, "__new__");
    if (new_attribute && new_attribute.type() != &builtin_function_type) type->m_new = slot_new;
  }
  for (size_t i = 0; i < tuple_size(type->m_bases); ++i) {
    Type* b = tuple_item(type->m_bases, i).as<Type>();
    if (b->m_heap) b->m_heap->subclasses.push_back(type);
    else note_builtin_subclass(b, type);
  }

  // 5. __classcell__, __set_name__, __init_subclass__.
  Value cell = dict_lookup_str(dict, "__classcell__");
  if (cell) {
    if (cell.type() != &cell_type) {
      return raise_format(&type_error_type, "__classcell__ must be a nonlocal cell, not %s",
                          value_type_name(cell).data());
    }
    cell.as<CellObject>()->m_value = ref(Value(type));
    if (dict_delitem(dict, intern_static("__classcell__")) < 0) return {};
  }
  {
    Ref items = make_list();
    for (const DictEntry& entry : as_dict(dict)->m_entries) {
      if (!entry.key) continue;
      list_append(items, make_tuple({entry.key, entry.value}));
    }
    for (const Ref& pair : as_list(items)->m_items) {
      Value attribute = tuple_item(pair, 1);
      Value set_name = type_lookup(attribute.type(), "__set_name__");
      if (!set_name) continue;
      Ref result = call_method(attribute, "__set_name__", {Value(type), tuple_item(pair, 0)});
      if (!result) {
        // As 3.11's _PyErr_FormatFromCause: a RuntimeError naming the
        // attribute, caused by the original error.
        Ref error = fetch_exception();
        Ref key_repr = repr(tuple_item(pair, 0));
        if (!key_repr) return {};
        raise_format(&runtime_error_type, "Error calling __set_name__ on '%s' instance %s in '%s'",
                     std::string(value_type_name(attribute)).c_str(), std::string(str_view(key_repr)).c_str(),
                     type->m_tp_name);
        Ref replacement = fetch_exception();
        auto* e = replacement.as<BaseExceptionObject>();
        e->m_cause = error;
        e->m_context = error;
        e->m_suppress_context = true;
        restore_exception(std::move(replacement));
        return {};
      }
    }
  }
  {
    // super(type, type).__init_subclass__(**kwargs)
    Value mro_tuple = type->m_mro;
    Value init_subclass;
    for (size_t i = 1; i < tuple_size(mro_tuple) && !init_subclass; ++i) {
      init_subclass = dict_lookup_str(Value(tuple_item(mro_tuple, i).as<Type>()->m_dict), "__init_subclass__");
    }
    if (init_subclass) {
      DescrGetFn get = init_subclass.type()->m_descr_get;
      Ref bound = get ? get(init_subclass, Value(), Value(type)) : ref(init_subclass);
      if (!bound) return {};
      Ref result = call_with_tuple(bound, empty_tuple(), kwargs_dict ? kwargs_dict : Value());
      if (!result) return {};
    }
  }
  return type_ref;
}

}  // namespace coil

namespace coil {

void call_del(Object* object) {
  // As CPython's slot_tp_finalize: any exception is reported as
  // unraisable and dropped.
  Value self(object);
  Value del = type_lookup(object->m_type, "__del__");
  if (!del) return;
  Ref saved = fetch_exception();
  bool found;
  Ref result = call_special(self, "__del__", {}, found);
  if (!result) {
    Ref error = fetch_exception();
    write_unraisable(del, error);
  }
  restore_exception(std::move(saved));
}

bool call_finalizer(Object* object) {
  // The object has one reference (dealloc's) while __del__ runs; more
  // afterwards means __del__ resurrected it.
  call_del(object);
  if (--object->m_refcount != 0) return false;  // resurrected
  return true;
}

}  // namespace coil
