// types.GenericAlias (runtime/generic_alias.cpp): what `list[int]` makes —
// a parameterized view of a class for annotations, which calls through to
// the class and otherwise forwards attribute access to it.
#pragma once

#include <string>

#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct GenericAliasObject : Object {
  Ref m_origin;      // the class subscripted
  Ref m_args;        // tuple of the subscript's items
  Ref m_parameters;  // tuple, made on first use (null until then)
};

extern Type generic_alias_type;

// origin[args]: `args` is the subscript as written (a tuple is the list of
// arguments, anything else the only one).
Ref make_generic_alias(Value origin, Value args);

// One argument of an alias or union as CPython's ga_repr_item writes it:
// `...`, a nested alias by its repr, a class by its (module-qualified) name.
bool append_type_repr(std::string& out, Value item);

// The type variables among `args` (a tuple), in order, without repeats
// (CPython's _Py_make_parameters).
Ref make_type_parameters(Value args);

// The __class_getitem__ classmethod of the built-in generic classes
// (list, dict, tuple, set, frozenset, type, enumerate…): put
//   {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, doc, kMethodClass}
// in a type's method table.
Ref generic_alias_class_getitem(Value cls, Args args);
extern const char* const kClassGetitemDoc;

}  // namespace coil
