// Classes made in Python — `class` statements, type(name, bases, ns) and
// metaclasses — and the `type` type's behaviour (runtime/class.cpp).
#pragma once

#include <string>
#include <vector>

#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct HeapTypeData {
  std::string name;                 // storage for m_tp_name
  std::vector<Type*> subclasses;    // direct subclasses (not owned)
  std::vector<MemberDef> slot_members;  // one per __slots__ name
  std::vector<Ref> slot_names;          // keeps the names the MemberDefs point at
  size_t own_prefix = 0;            // prefix bytes besides the GC link
};

// Copies the slots `type` leaves empty from `base` (runtime/type.cpp).
void inherit_slots(Type* type, const Type* base);

// Direct subclasses, for cache invalidation and __subclasses__().
const std::vector<Type*>& heap_subclasses(Type* type);
const std::vector<Type*>& builtin_subclasses(Type* type);
void note_builtin_subclass(Type* base, Type* subclass);

// Drops the __slots__ values and __dict__ of an instance of a Python class.
void clear_heap_instance(Object* object);

// type(name, bases, namespace, **kwargs) with `metatype`: the class.
Ref type_new(Type* metatype, Value name, Value bases, Value namespace_dict, Value kwargs_dict);

// The metaclass to use for `bases` given the requested one, as CPython's
// _PyType_CalculateMetaclass ("metaclass conflict…" TypeError).
Type* calculate_metaclass(Type* requested, Value bases);

inline bool is_type(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeTypeSubclass) != 0;
}

// The super type (runtime/super.cpp).
extern Type super_type;

}  // namespace coil
