// Struct sequences (runtime/struct_seq.cpp): tuples whose items are also
// named, read-only attributes — sys.version_info, sys.float_info, sys.flags —
// as CPython's structseq. `time.struct_time`, which also has fields beyond
// its tuple's length, keeps its own type in stdlib/time.cpp.
#pragma once

#include <initializer_list>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// The most fields a struct sequence type may have (sys.flags has 18).
inline constexpr size_t kStructSeqMaxFields = 24;

// A struct sequence type named `qualified_name` ("sys.version_info") whose
// fields are `fields`, in order. Instances are made only by the runtime
// (make_struct_seq): calling the type raises TypeError, as CPython's sys
// types do. Define it as a global and register it with COIL_REGISTER_TYPE.
Type make_struct_seq_type(const char* qualified_name, std::initializer_list<const char*> fields,
                          const char* doc = nullptr);

// An instance of `type` holding `items` (one per field; null items are stored as None).
Ref make_struct_seq(Type* type, std::initializer_list<Value> items);

}  // namespace coil
