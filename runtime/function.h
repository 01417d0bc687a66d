// Python functions, cells and bound methods (runtime/function.cpp).
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct FunctionObject : Object {
  Ref m_code;         // CodeObject
  Ref m_globals;      // dict
  Ref m_builtins;     // dict
  Ref m_name;         // str
  Ref m_qualname;     // str
  Ref m_defaults;     // tuple or null
  Ref m_kwdefaults;   // dict or null
  Ref m_closure;      // tuple of cells or null
  Ref m_doc;          // or None
  Ref m_module;       // __module__
  Ref m_annotations;  // dict or null (made on first access)
  // __dict__ lives before the header (kTypeHasDict).
};

struct CellObject : Object {
  Ref m_value;  // null when empty
};

struct MethodObject : Object {
  Ref m_function;
  Ref m_self;
};

extern Type function_type, cell_type, method_type;

// A function of `code` (a CodeObject) with `globals`; its name, qualname
// and __module__ come from the code and the globals' __name__.
Ref make_function(Value code, Value globals);
Ref make_cell(Value contents);  // contents may be null (an empty cell)
Ref make_method(Value function, Value self);

inline bool is_function(Value v) { return v.is_object() && v.as_object()->m_type == &function_type; }
inline bool is_method(Value v) { return v.is_object() && v.as_object()->m_type == &method_type; }

}  // namespace coil
