// The descriptor types Python code uses directly — property, classmethod,
// staticmethod — and mappingproxy, the read-only view of a class's dict
// (runtime/descriptors.cpp).
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

extern Type property_type, classmethod_type, staticmethod_type, mappingproxy_type;

Ref make_classmethod(Value function);
Ref make_staticmethod(Value function);
Ref make_mappingproxy(Value mapping);
// The `__dict__` attribute of instances of a Python class.
Ref make_instance_dict_descriptor(Type* owner);

}  // namespace coil
