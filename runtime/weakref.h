// Weak references (runtime/weakref.cpp): the `_weakref` module and the
// clearing of an object's references when it dies.
#pragma once

#include <vector>

#include "runtime/type.h"

namespace coil {

extern Type weakref_type;

// The `__weakref__` descriptor of classes whose instances gain weak
// references.
Ref make_weakref_attribute(Type* owner);

// Clears the weak references to `object`, which is being destroyed, and
// runs their callbacks. dealloc() calls it for kTypeWeakrefable types.
void clear_weakrefs(Object* object);

// For the cycle collector: clears the weak references to `object`, which
// is garbage, without running callbacks, and adds those with a callback to
// `with_callbacks` in the order their callbacks run (newest first).
void detach_weakrefs(Object* object, std::vector<Object*>& with_callbacks);
// Calls the callback of `weak` (a weak reference detach_weakrefs gave),
// reporting an exception as unraisable. The callback stays on the
// reference, as CPython's collector leaves it.
void call_weakref_callback(Value weak);

// `object`'s class changes from `old_type` (__class__ assignment): its weak
// references, if any, now count for `new_type`.
void weakrefs_change_type(Object* object, Type* old_type, Type* new_type);

}  // namespace coil
