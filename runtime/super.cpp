// super(): attribute lookup that starts after a class in an instance's MRO.
// The zero-argument form reads the calling frame's first argument and its
// __class__ cell, as CPython's super_init_without_args.
#include <string>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace coil {

namespace {

struct SuperObject : Object {
  Ref m_type;        // the class named (or __class__)
  Ref m_object;      // the instance or class, or null for unbound super
  Ref m_object_type; // type of the lookup start: type(obj) or obj if it is a subclass
};

Type* supercheck(Type* type, Value object) {
  if (is_type(object) && is_subtype(object.as<Type>(), type)) return object.as<Type>();
  if (is_subtype(object.type(), type)) return object.type();
  bool found;
  Ref cls = lookup_attr(object, intern_static("__class__"), found);
  if (cls && is_type(cls) && cls.get().as<Type>() != object.type() && is_subtype(cls.as<Type>(), type)) {
    return cls.as<Type>();
  }
  raise(&type_error_type, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

bool super_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames != nullptr && tuple_size(Value(kwnames)) != 0) {
    raise(&type_error_type, "super() takes no keyword arguments");
    return false;
  }
  if (nargs > 2) {
    raise_format(&type_error_type, "super() takes at most 2 arguments (%zu given)", nargs);
    return false;
  }
  Value type;
  Value object;
  if (nargs == 0) {
    Frame* frame = g_thread.frame;
    if (frame == nullptr) {
      raise(&runtime_error_type, "super(): no current frame");
      return false;
    }
    CodeObject* code = frame->code;
    if (code->m_argcount == 0) {
      raise(&runtime_error_type, "super(): no arguments");
      return false;
    }
    object = frame->localsplus()[0];
    if (object && object.type() == &cell_type && (code->m_localsplus_kinds[0] & kLocalCell)) {
      object = object.as<CellObject>()->m_value;
    }
    if (!object) {
      raise(&runtime_error_type, "super(): arg[0] deleted");
      return false;
    }
    for (uint32_t i = 0; i < code->localsplus_count(); ++i) {
      if (str_view(code->m_localsplus_names[i]) != "__class__") continue;
      if (!(code->m_localsplus_kinds[i] & kLocalFree)) continue;
      Value cell = frame->localsplus()[i];
      if (!cell || cell.type() != &cell_type) break;
      type = cell.as<CellObject>()->m_value;
      if (!type) {
        raise(&runtime_error_type, "super(): empty __class__ cell");
        return false;
      }
      if (!is_type(type)) {
        raise_format(&runtime_error_type, "super(): __class__ is not a type (%s)", value_type_name(type).data());
        return false;
      }
      break;
    }
    if (!type) {
      raise(&runtime_error_type, "super(): __class__ cell not found");
      return false;
    }
  } else {
    type = args[0];
    object = nargs > 1 ? args[1] : Value();
    if (!is_type(type)) {
      raise_format(&type_error_type, "super() argument 1 must be a type, not %s", value_type_name(type).data());
      return false;
    }
    if (object && is_none(object)) object = Value();
  }
  Type* object_type = nullptr;
  if (object) {
    object_type = supercheck(type.as<Type>(), object);
    if (object_type == nullptr) return false;
  }
  auto* s = self.as<SuperObject>();
  s->m_type = ref(type);
  s->m_object = ref(object);
  s->m_object_type = object_type ? ref(Value(object_type)) : Ref();
  return true;
}

Ref super_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  return Ref::steal(object);
}

Ref super_getattr(Value self, Value name) {
  auto* s = self.as<SuperObject>();
  if (s->m_object_type && str_view(name) != "__class__") {
    Type* start_type = s->m_object_type.as<Type>();
    Value mro = start_type->m_mro;
    size_t n = tuple_size(mro);
    size_t i = 0;
    while (i < n && !tuple_item(mro, i).is(s->m_type.get())) ++i;
    for (++i; i < n; ++i) {
      Type* base = tuple_item(mro, i).as<Type>();
      Value found = dict_lookup_str(Value(base->m_dict), name);
      if (!found) continue;
      DescrGetFn get = found.type()->m_descr_get;
      if (get != nullptr) {
        Value instance = s->m_object.get().is(Value(start_type)) ? Value() : s->m_object.get();
        return get(found, instance, Value(start_type));
      }
      return ref(found);
    }
  }
  return generic_getattr(self, name);
}

Ref super_get(Value self, Value instance, Value owner) {
  auto* s = self.as<SuperObject>();
  if (!instance || s->m_object) return ref(self);
  Ref copy = call(Value(self.type()), {s->m_type, instance});
  return copy;
}

Ref super_repr(Value self) {
  auto* s = self.as<SuperObject>();
  std::string type_text = s->m_type ? std::string(str_view(Value(s->m_type.as<Type>()->m_name))) : "NULL";
  if (s->m_object_type) {
    return make_str("<super: <class '" + type_text + "'>, <" +
                    std::string(type_name(s->m_object_type.as<Type>())) + " object>>");
  }
  return make_str("<super: <class '" + type_text + "'>, NULL>");
}

void super_destroy(Object* object) { static_cast<SuperObject*>(object)->~SuperObject(); }
void super_traverse(Object* object, VisitFn visit, void* context) {
  auto* s = static_cast<SuperObject*>(object);
  visit(s->m_type, context);
  visit(s->m_object, context);
  visit(s->m_object_type, context);
}

Ref super_thisclass(Value self) { return self.as<SuperObject>()->m_type; }
Ref super_self(Value self) {
  auto* s = self.as<SuperObject>();
  return s->m_object ? s->m_object : new_none();
}
Ref super_self_class(Value self) {
  auto* s = self.as<SuperObject>();
  return s->m_object_type ? s->m_object_type : new_none();
}
const GetSetDef kSuperGetSet[] = {
    {"__thisclass__", super_thisclass},
    {"__self__", super_self},
    {"__self_class__", super_self_class},
    {nullptr, nullptr},
};

}  // namespace

Type super_type;

static struct SuperTypeSetup {
  SuperTypeSetup() {
    super_type.m_tp_name = "super";
    super_type.m_size = sizeof(SuperObject);
    super_type.m_flags = kTypeBaseType | kTypeHasGC;
    super_type.m_new = super_new;
    super_type.m_init = super_init;
    super_type.m_getattr = super_getattr;
    super_type.m_descr_get = super_get;
    super_type.m_repr = super_repr;
    super_type.m_destroy = super_destroy;
    super_type.m_traverse = super_traverse;
    super_type.m_getset = kSuperGetSet;
  }
} super_type_setup;
COIL_REGISTER_TYPE(super_type);

}  // namespace coil
