// float and complex (runtime/float.cpp, runtime/complex.cpp). Floats are
// boxed; freed ones are kept on a free list for reuse.
#pragma once

#include "runtime/alloc.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct FloatObject : Object {
  double m_value;
};
struct ComplexObject : Object {
  double m_real;
  double m_imag;
};

extern Type float_type, complex_type;

Ref float_no_memory();  // make_float's MemoryError, out of line

// Inline: arithmetic makes one per result. Exact floats have no prefix and
// nothing to set up but the header.
inline Ref make_float(double value) {
  auto* f = static_cast<FloatObject*>(small_alloc_uninitialized(sizeof(FloatObject)));
  if (f == nullptr) [[unlikely]] return float_no_memory();
  f->m_refcount = 1;
  f->m_type = &float_type;
  f->m_value = value;
  return Ref::steal(f);
}
Ref make_complex(double real, double imag);

// decref of a value known to be an exact float: nothing to finalize, its
// memory straight back to the free list (as dealloc does for floats).
[[gnu::always_inline]] inline void decref_float(FloatObject* f) {
  if (--f->m_refcount == 0) small_free(f, sizeof(FloatObject));
}

inline bool is_float(Value v) { return v.is_object() && isinstance(v, &float_type); }
inline bool is_exact_float(Value v) { return v.is_object() && v.as_object()->m_type == &float_type; }
inline double float_value(Value v) { return v.as<FloatObject>()->m_value; }
inline bool is_complex(Value v) { return v.is_object() && isinstance(v, &complex_type); }

// float(v) for an int (OverflowError "int too large to convert to float").
bool int_as_double(Value v, double& out);

// float(x) as the constructor computes it from one argument: __float__,
// __index__, or the text of a str, bytes or bytearray.
Ref float_from_object(Value x);
// A float argument of a C function, as CPython's PyFloat_AsDouble: a float,
// an int, or anything with __float__ / __index__; TypeError "must be real
// number, not str" otherwise.
bool float_as_double(Value v, double& out);
// An operand of float's arithmetic: 1 with its value for a float or int, 0
// for another type, -1 with an exception pending (an int too large).
int float_operand(Value v, double& out);

// complex(a_real, a_imag) ** complex(b_real, b_imag) (runtime/complex.cpp),
// for float's power when the result is complex.
Ref complex_power_values(double a_real, double a_imag, double b_real, double b_imag);
// complex(x) from one argument: __complex__, a number, or a str.
Ref complex_from_object(Value x);

}  // namespace coil
