// The bridge between type slots and dunder methods (runtime/slots.cpp), as
// CPython's slotdefs table:
//   - a built-in type's slots appear in its dict as "slot wrappers", so
//     `int.__add__`, `list.__len__` and `super().__init__(...)` work;
//   - a class made in Python that defines `__add__` gets a slot function
//     that calls it, so the interpreter's `a + b` goes through the same
//     slot whether the type is built-in or not.
#pragma once

#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// Adds a built-in type's methods, members, properties and slot wrappers
// (and __doc__, __new__, __hash__ = None when unhashable) to its dict.
bool add_type_attributes(Type* type);

// Sets every slot of a new class from the dunder methods along its MRO.
void fixup_slots(Type* type);
// Re-derives the slots named by `name` after `type.name = …` or `del`
// (for the type and its subclasses).
void update_slots_for(Type* type, Value name);

// True if NAME is a dunder that maps to a slot.
bool is_slot_name(Value name);

extern Type wrapper_descriptor_type, method_wrapper_type;

// Calls the finalizer (__del__) of a heap-type instance about to be freed.
// Returns false if the finalizer resurrected the object.
// Calls the object's __del__ (found on its class), reporting an exception
// as unraisable; the caller holds a reference (the cycle collector).
void call_del(Object* object);
bool call_finalizer(Object* object);

}  // namespace coil
