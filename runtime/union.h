// types.UnionType (runtime/union.cpp): what `int | str` makes.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

extern Type union_type;

// The union of `a` and `b` (each a class, None, a generic alias or a
// union), flattened and without repeats; the only argument itself when
// there is one.
Ref make_union(Value a, Value b);

// type.__or__ / __ror__: a union, or NotImplemented for other operands.
Ref type_or(Value a, Value b);

}  // namespace coil
