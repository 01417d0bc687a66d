// Weak references (runtime/weakref.cpp): the `_weakref` module and the
// clearing of an object's references when it dies.
#pragma once

#include "runtime/type.h"

namespace coil {

extern Type weakref_type;

// The `__weakref__` descriptor of classes whose instances gain weak
// references.
Ref make_weakref_attribute(Type* owner);

// Clears the weak references to `object`, which is being destroyed, and
// runs their callbacks. dealloc() calls it for kTypeWeakrefable types.
void clear_weakrefs(Object* object);

// `object`'s class changes from `old_type` (__class__ assignment): its weak
// references, if any, now count for `new_type`.
void weakrefs_change_type(Object* object, Type* old_type, Type* new_type);

}  // namespace coil
