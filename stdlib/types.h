// types.SimpleNamespace, for native code that hands out namespaces
// (sys.implementation).
#pragma once

#include <initializer_list>
#include <utility>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

extern Type simple_namespace_type;

// A SimpleNamespace with the given attributes, in order.
Ref make_simple_namespace(std::initializer_list<std::pair<const char*, Value>> items);

}  // namespace coil
