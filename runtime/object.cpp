// `object`, the root of every class: its constructor's argument checks,
// default repr/hash/comparison, and the generic attribute protocol that
// every type without its own uses (object.__getattribute__/__setattr__).
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/weakref.h"
#include "vm/import.h"

namespace coil {

namespace {

bool has_arguments(size_t nargs, TupleObject* kwnames) {
  return nargs != 0 || (kwnames != nullptr && kwnames->m_size != 0);
}

// As CPython's object_new/object_init: excess arguments are an error
// unless the class overrides the other of __new__/__init__.
Ref object_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (has_arguments(nargs, kwnames)) {
    if (type->m_new != object_type.m_new) {
      return raise(&type_error_type, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->m_init == object_type.m_init) {
      return raise_format(&type_error_type, "%s() takes no arguments", type->m_tp_name);
    }
  }
  if (type->m_flags & kTypeIsAbstract) {
    Value abstract = type_lookup(type, "__abstractmethods__");
    Ref names = abstract ? list_from_iterable(abstract) : make_list();
    if (!names) return {};
    if (!list_sort(names, Value(), false)) return {};
    std::string joined;
    size_t n = as_list(names)->m_items.size();
    for (size_t i = 0; i < n; ++i) {
      Ref r = str(as_list(names)->m_items[i]);
      if (!r) return {};
      // As 3.11: "methods f, g", unquoted.
      if (i > 0) joined += ", ";
      joined += str_view(r);
    }
    return raise_format(&type_error_type,
                        "Can't instantiate abstract class %s with abstract method%s %s",
                        type->m_tp_name, n == 1 ? "" : "s", joined.c_str());
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  return Ref::steal(object);
}

bool object_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (has_arguments(nargs, kwnames)) {
    Type* type = self.type();
    if (type->m_init != object_type.m_init) {
      raise(&type_error_type, "object.__init__() takes exactly one argument (the instance to initialize)");
      return false;
    }
    if (type->m_new == object_type.m_new) {
      raise_format(&type_error_type, "%s.__init__() takes exactly one argument (the instance to initialize)",
                   type->m_tp_name);
      return false;
    }
  }
  return true;
}

Ref object_repr(Value self) {
  Type* type = self.type();
  Ref module = getattr(Value(type), "__module__");
  if (!module) {
    clear_exception();
  }
  Ref qualname = getattr(Value(type), "__qualname__");
  if (!qualname) return {};
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(self.as_object()));
  std::string text = "<";
  if (module && is_str(module) && str_view(module) != "builtins") {
    text += str_view(module);
    text += ".";
  }
  text += is_str(qualname) ? str_view(qualname) : type_name(type);
  text += " object at ";
  text += address;
  text += ">";
  return make_str(text);
}

Ref object_str(Value self) {
  UnaryFn f = self.type()->m_repr;
  return f ? f(self) : object_repr(self);
}

std::optional<int64_t> object_hash(Value self) {
  // As CPython's _Py_HashPointer: the address rotated by 4 bits.
  uint64_t y = self.bits();
  int64_t h = int64_t((y >> 4) | (y << 60));
  return h == -1 ? -2 : h;
}

Ref object_richcompare(Value self, Value other, CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return ref(self.is(other) ? py_bool(true) : not_implemented());
    case CompareOp::Ne: {
      // By default, != is the inverse of == unless == is NotImplemented.
      RichCompareFn eq = self.type()->m_richcompare;
      if (eq == nullptr) return ref(not_implemented());
      Ref result = eq(self, other, CompareOp::Eq);
      if (!result || result.get().is(not_implemented())) return result;
      int t = is_true(result);
      if (t < 0) return {};
      return new_bool(!t);
    }
    default:
      return ref(not_implemented());
  }
}

Ref object_get_class(Value self) { return ref(Value(self.type())); }

bool object_set_class(Value self, Value value) {
  if (!value) {
    raise(&type_error_type, "can't delete __class__ attribute");
    return false;
  }
  if (!is_type(value)) {
    raise_format(&type_error_type, "__class__ must be set to a class, not '%s' object",
                 value_type_name(value).data());
    return false;
  }
  Type* old_type = self.type();
  Type* new_type = value.as<Type>();
  if (!(new_type->m_flags & kTypeHeapType) || !(old_type->m_flags & kTypeHeapType)) {
    raise(&type_error_type,
          "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
  }
  if (new_type->m_size != old_type->m_size || new_type->m_prefix != old_type->m_prefix ||
      new_type->m_dict_offset != old_type->m_dict_offset || new_type->m_destroy != old_type->m_destroy) {
    raise_format(&type_error_type, "__class__ assignment: '%s' object layout differs from '%s'",
                 new_type->m_tp_name, old_type->m_tp_name);
    return false;
  }
  incref(Value(new_type));
  weakrefs_change_type(self.as_object(), old_type, new_type);
  self.as_object()->m_type = new_type;
  decref(Value(old_type));
  return true;
}

Ref object_format(Value self, Args args) {
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "__format__() argument must be str, not %s",
                        value_type_name(args[0]).data());
  }
  if (str_view(args[0]).size() != 0) {
    return raise_format(&type_error_type, "unsupported format string passed to %s.__format__",
                        message_type_name(self.type()).data());
  }
  return str(self);
}

Ref object_dir(Value self, Args) {
  Ref result = make_dict();
  if (self.type()->m_dict_offset != 0) {
    Ref* slot = instance_dict_slot(self.as_object());
    if (*slot && !dict_update(result, *slot)) return {};
  }
  Value mro = self.type()->m_mro;
  for (size_t i = tuple_size(mro); i-- > 0;) {
    if (!dict_update(result, Value(tuple_item(mro, i).as<Type>()->m_dict))) return {};
  }
  return dict_keys_list(result);
}

// As CPython's messages for a built-in method bound to a class, they name
// the class it is called on: "Bad.__init_subclass__() takes no keyword arguments".
Ref object_init_subclass(Value cls, Args args) {
  if (args.count != 0 || args.keyword_count() != 0) {
    std::string name = is_type(cls) ? std::string(str_view(Value(cls.as<Type>()->m_qualname))) : "object";
    if (args.keyword_count() != 0) {
      return raise_format(&type_error_type, "%s.__init_subclass__() takes no keyword arguments", name.c_str());
    }
    return raise_format(&type_error_type, "%s.__init_subclass__() takes no arguments (%zu given)", name.c_str(),
                        args.count);
  }
  return new_none();
}

Ref object_subclasshook(Value, Args) { return ref(not_implemented()); }

Ref object_sizeof(Value self, Args) {
  Type* type = self.type();
  return make_int(int64_t(type->m_size + type->m_prefix));
}

// --- Reduction: what pickle and copy rebuild an object from ---------------

// The copyreg function `name` (__newobj__, _reconstructor, _slotnames…).
Ref copyreg_function(const char* name) {
  Ref copyreg = import_module("copyreg");
  if (!copyreg) return {};
  return getattr(copyreg, name);
}

// The type an instance's native layout comes from: the first built-in type
// above its classes.
Type* layout_type(Type* type) {
  while (type->m_flags & kTypeHeapType) type = type->m_base;
  return type;
}

// CPython's object_getstate_default: the instance dict (None when empty),
// paired with a dict of the slots that are set. `required` (no arguments to
// rebuild from) refuses an object whose layout holds native data that
// neither the dict nor the slots carry.
Ref object_getstate_default(Value self, bool required) {
  Type* type = self.type();
  if (required && layout_type(type) != &object_type) {
    return raise_format(&type_error_type, "cannot pickle '%s' object", value_type_name(self).data());
  }
  Ref state = new_none();
  if (type->m_dict_offset != 0) {
    Ref* slot = instance_dict_slot(self.as_object());
    if (*slot && dict_size(*slot) != 0) state = *slot;
  }
  // As CPython, copyreg._slotnames is asked (and caches __slotnames__ in
  // the class) whether or not the class has slots.
  Ref slotnames_function = copyreg_function("_slotnames");
  if (!slotnames_function) return {};
  Ref names = call(slotnames_function, {Value(type)});
  if (!names) return {};
  if (!is_list(names)) {
    return raise(&type_error_type, "copyreg._slotnames didn't return a list or None");
  }
  Ref slots = make_dict();
  if (!slots) return {};
  std::vector<Ref> slot_names = as_list(names)->m_items;  // a __getattr__ may change the list
  for (const Ref& name : slot_names) {
    bool found;
    Ref value = lookup_attr(self, name, found);
    if (!value && error_pending()) return {};
    if (value && !dict_setitem(slots, name, value)) return {};
  }
  if (dict_size(slots) == 0) return state;
  return make_tuple({state.get(), slots.get()});
}

// CPython's object_getstate: the object's own __getstate__, unless it is
// object's, whose default then applies with `required`.
Ref object_getstate_of(Value self, bool required) {
  Value method = type_lookup(self.type(), "__getstate__");
  Value own = dict_lookup_str(Value(object_type.m_dict), "__getstate__");
  if (method && method.is(own)) return object_getstate_default(self, required);
  Ref getstate = getattr(self, "__getstate__");
  if (!getstate) return {};
  return call(getstate, nullptr, 0);
}

// The arguments to rebuild from, from __getnewargs_ex__ or __getnewargs__
// (both null when neither is defined), checked as CPython's
// _PyObject_GetNewArguments.
bool get_new_arguments(Value self, Ref& args, Ref& kwargs) {
  bool found;
  Ref getnewargs_ex = lookup_attr(self, intern_static("__getnewargs_ex__"), found);
  if (getnewargs_ex) {
    Ref result = call(getnewargs_ex, nullptr, 0);
    if (!result) return false;
    if (!is_tuple(result)) {
      raise_format(&type_error_type, "__getnewargs_ex__ should return a tuple, not '%s'",
                   value_type_name(result).data());
      return false;
    }
    if (tuple_size(result) != 2) {
      raise_format(&value_error_type, "__getnewargs_ex__ should return a tuple of length 2, not %zu",
                   tuple_size(result));
      return false;
    }
    args = ref(tuple_item(result, 0));
    kwargs = ref(tuple_item(result, 1));
    if (!is_tuple(args)) {
      raise_format(&type_error_type, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                   value_type_name(args).data());
      return false;
    }
    if (!is_dict(kwargs)) {
      raise_format(&type_error_type, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                   value_type_name(kwargs).data());
      return false;
    }
    return true;
  }
  if (error_pending()) return false;
  Ref getnewargs = lookup_attr(self, intern_static("__getnewargs__"), found);
  if (getnewargs) {
    args = call(getnewargs, nullptr, 0);
    if (!args) return false;
    if (!is_tuple(args)) {
      raise_format(&type_error_type, "__getnewargs__ should return a tuple, not '%s'", value_type_name(args).data());
      return false;
    }
    return true;
  }
  return !error_pending();
}

// Protocol 2 and above, CPython's reduce_newobj:
// (copyreg.__newobj__, (cls, *args), state, listitems, dictitems).
Ref reduce_newobj(Value self) {
  Type* type = self.type();
  if (type->m_new == nullptr) {
    return raise_format(&type_error_type, "cannot pickle '%s' object", value_type_name(self).data());
  }
  Ref args, kwargs;
  if (!get_new_arguments(self, args, kwargs)) return {};
  bool has_args = bool(args);
  Ref newobj, newargs;
  if (!kwargs || dict_size(kwargs) == 0) {
    newobj = copyreg_function("__newobj__");
    if (!newobj) return {};
    size_t count = args ? tuple_size(args) : 0;
    newargs = make_tuple(count + 1);
    if (!newargs) return {};
    tuple_set(newargs, 0, ref(Value(type)));
    for (size_t i = 0; i < count; ++i) tuple_set(newargs, i + 1, ref(tuple_item(args, i)));
  } else {
    newobj = copyreg_function("__newobj_ex__");
    if (!newobj) return {};
    newargs = make_tuple({Value(type), args.get(), kwargs.get()});
    if (!newargs) return {};
  }
  Ref state = object_getstate_of(self, !(has_args || is_list(self) || is_dict(self)));
  if (!state) return {};
  Ref listitems = new_none();
  Ref dictitems = new_none();
  if (is_list(self)) {
    listitems = iter(self);
    if (!listitems) return {};
  } else if (is_dict(self)) {
    Ref items = call_method(self, "items", {});
    if (!items) return {};
    dictitems = iter(items);
    if (!dictitems) return {};
  }
  return make_tuple({newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get()});
}

// Protocols 0 and 1, CPython's copyreg._reduce_ex:
// (copyreg._reconstructor, (cls, base, base(self)) [, state]).
Ref reduce_old(Value self, int64_t protocol) {
  Type* type = self.type();
  Type* base = layout_type(type);
  Ref base_state = new_none();
  if (base != &object_type) {
    if (base == type) {
      return raise_format(&type_error_type, "cannot pickle '%s' object", str_cstr(Value(type->m_name)));
    }
    base_state = call(Value(base), {self});
    if (!base_state) return {};
  }
  Ref args = make_tuple({Value(type), Value(base), base_state.get()});
  if (!args) return {};
  Value method = type_lookup(type, "__getstate__");
  Value own = dict_lookup_str(Value(object_type.m_dict), "__getstate__");
  if (method && method.is(own)) {
    bool found;
    Ref slots = lookup_attr(self, intern_static("__slots__"), found);
    if (!slots && error_pending()) return {};
    int has_slots = slots ? is_true(slots) : 0;
    if (has_slots < 0) return {};
    if (has_slots) {
      return raise(&type_error_type,
                   "a class that defines __slots__ without defining __getstate__ cannot be pickled");
    }
  }
  (void)protocol;
  Ref getstate = getattr(self, "__getstate__");
  if (!getstate) return {};
  Ref state = call(getstate, nullptr, 0);
  if (!state) return {};
  Ref reconstructor = copyreg_function("_reconstructor");
  if (!reconstructor) return {};
  int truthy = is_true(state);
  if (truthy < 0) return {};
  if (truthy) return make_tuple({reconstructor.get(), args.get(), state.get()});
  return make_tuple({reconstructor.get(), args.get()});
}

Ref common_reduce(Value self, int64_t protocol) {
  return protocol >= 2 ? reduce_newobj(self) : reduce_old(self, protocol);
}

// object.__reduce_ex__(protocol): a class's own __reduce__ if it has one,
// else the reduction of the protocol (CPython's object___reduce_ex___impl).
Ref object_reduce_ex(Value self, Args args) {
  if (!is_int(args[0])) {
    return raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer",
                        value_type_name(args[0]).data());
  }
  int64_t protocol;
  if (!int_fits_int64(args[0], protocol)) {
    return raise(&overflow_error_type, "Python int too large to convert to C int");
  }
  Value own = dict_lookup_str(Value(object_type.m_dict), "__reduce__");
  bool found;
  Ref reduce = lookup_attr(self, intern_static("__reduce__"), found);
  if (!reduce && error_pending()) return {};
  if (reduce) {
    Ref class_reduce = getattr(Value(self.type()), "__reduce__");
    if (!class_reduce) return {};
    if (!class_reduce.get().is(own)) return call(reduce, nullptr, 0);
  }
  return common_reduce(self, protocol);
}

Ref object_reduce(Value self, Args) { return common_reduce(self, 0); }

Ref object_getstate(Value self, Args) { return object_getstate_default(self, false); }

const MethodDef kObjectMethods[] = {
    {"__format__", object_format, ArgKind::OneArg},
    {"__dir__", object_dir, ArgKind::NoArgs},
    {"__init_subclass__", object_init_subclass, ArgKind::Keywords, nullptr, kMethodClass},
    {"__subclasshook__", object_subclasshook, ArgKind::VarArgs, nullptr, kMethodClass},
    {"__sizeof__", object_sizeof, ArgKind::NoArgs},
    {"__reduce_ex__", object_reduce_ex, ArgKind::OneArg},
    {"__reduce__", object_reduce, ArgKind::NoArgs},
    {"__getstate__", object_getstate, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kObjectGetSet[] = {
    {"__class__", object_get_class, object_set_class},
    {nullptr, nullptr},
};

// T.__new__(S, ...): checks S is a subtype of T, then runs T's allocator for S.
Ref new_wrapper(Value self, Args args) {
  Type* type = self.as<Type>();
  if (args.count < 1) {
    return raise_format(&type_error_type, "%s.__new__(): not enough arguments", type->m_tp_name);
  }
  Value subtype = args[0];
  if (!is_type(subtype)) {
    return raise_format(&type_error_type, "%s.__new__(X): X is not a type object (%s)",
                        type->m_tp_name, value_type_name(subtype).data());
  }
  Type* sub = subtype.as<Type>();
  if (!is_subtype(sub, type)) {
    return raise_format(&type_error_type, "%s.__new__(%s): %s is not a subtype of %s",
                        type->m_tp_name, sub->m_tp_name, sub->m_tp_name, type->m_tp_name);
  }
  // As CPython: the most derived built-in base of S must use T's allocator.
  Type* static_base = sub;
  while (static_base != nullptr && (static_base->m_flags & kTypeHeapType)) static_base = static_base->m_base;
  if (static_base != nullptr && static_base->m_new != type->m_new) {
    return raise_format(&type_error_type, "%s.__new__(%s) is not safe, use %s.__new__()",
                        type->m_tp_name, sub->m_tp_name, static_base->m_tp_name);
  }
  return type->m_new(sub, args.items + 1, args.count - 1, args.kwnames);
}

const MethodDef kNewWrapperDef = {"__new__", new_wrapper, ArgKind::Keywords,
                                  "Create and return a new object.  See help(type) for accurate signature."};

}  // namespace

Type object_type;

static struct ObjectTypeSetup {
  ObjectTypeSetup() {
    object_type.m_tp_name = "object";
    object_type.m_size = sizeof(Object);
    object_type.m_flags = kTypeBaseType;
    object_type.m_new = object_new;
    object_type.m_init = object_init;
    object_type.m_repr = object_repr;
    object_type.m_str = object_str;
    object_type.m_hash = object_hash;
    object_type.m_richcompare = object_richcompare;
    object_type.m_getattr = generic_getattr;
    object_type.m_setattr = generic_setattr;
    object_type.m_methods = kObjectMethods;
    object_type.m_getset = kObjectGetSet;
    object_type.m_doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";
  }
} object_type_setup;

Ref make_new_wrapper(Type* type) { return make_builtin_function(&kNewWrapperDef, Value(type), Value(), type); }

Ref generic_getattr(Value object, Value name) {
  // As CPython's _PyObject_GenericGetAttrWithDict: data descriptors on the
  // type, then the instance dict, then other class attributes.
  Type* type = object.type();
  Value attribute = type_lookup(type, name);
  DescrGetFn get = nullptr;
  if (attribute) {
    Type* attribute_type = attribute.type();
    get = attribute_type->m_descr_get;
    if (get != nullptr && attribute_type->m_descr_set != nullptr) {
      return get(attribute, object, Value(type));
    }
  }
  if (object.is_object() && (type->m_dict_offset != 0 || type->m_extra_dict != nullptr)) {
    Ref* slot = type->m_dict_offset != 0 ? instance_dict_slot(object.as_object())
                                         : type->m_extra_dict(object.as_object(), false);
    if (slot != nullptr && *slot) {
      Value found = is_exact_str(name) ? dict_lookup_str(*slot, name) : dict_lookup(*slot, name);
      if (found) return ref(found);
      if (error_pending()) return {};
    }
  }
  if (get != nullptr) return get(attribute, object, Value(type));
  if (attribute) return ref(attribute);
  return raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                      message_type_name(type).data(), str_cstr(name));
}

bool generic_setattr(Value object, Value name, Value value) {
  Type* type = object.type();
  Value attribute = type_lookup(type, name);
  if (attribute) {
    DescrSetFn set = attribute.type()->m_descr_set;
    if (set != nullptr) return set(attribute, object, value);
  }
  Ref* slot = nullptr;
  if (object.is_object() && type->m_dict_offset != 0) {
    slot = instance_dict_slot(object.as_object());
  } else if (object.is_object() && type->m_extra_dict != nullptr) {
    slot = type->m_extra_dict(object.as_object(), static_cast<bool>(value));
    if (slot == nullptr) {
      raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                   message_type_name(type).data(), str_cstr(name));
      return false;
    }
  }
  if (slot == nullptr) {
    if (!attribute) {
      raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                   message_type_name(type).data(), str_cstr(name));
    } else {
      raise_format(&attribute_error_type, "'%s' object attribute '%s' is read-only",
                   message_type_name(type).data(), str_cstr(name));
    }
    return false;
  }
  if (!*slot) {
    if (!value) {
      raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                   message_type_name(type).data(), str_cstr(name));
      return false;
    }
    *slot = make_dict();
    if (!*slot) return false;
  }
  if (value) return dict_setitem(*slot, name, value);
  int removed = dict_delitem(*slot, name);
  if (removed < 0) return false;
  if (removed == 0) {
    raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                 message_type_name(type).data(), str_cstr(name));
    return false;
  }
  return true;
}

}  // namespace coil
