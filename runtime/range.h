// range (runtime/range.cpp): an immutable arithmetic sequence of ints of
// any size, and its iterators.
#pragma once

#include <cstdint>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// As CPython's rangeobject: four ints, the length computed once.
struct RangeObject : Object {
  Ref m_start;
  Ref m_stop;
  Ref m_step;    // never 0
  Ref m_length;  // >= 0
};

extern Type range_type, range_iterator_type, longrange_iterator_type;

// iter() of a range whose values fit in 64 bits; the interpreter's `for`
// steps it itself.
struct RangeIteratorObject : Object {
  int64_t m_start;  // the next value
  int64_t m_step;
  int64_t m_length;  // values left
};

inline bool is_range(Value v) { return v.is_object() && v.as_object()->m_type == &range_type; }

// range(start, stop, step); step must not be 0.
Ref make_range(int64_t start, int64_t stop, int64_t step);

}  // namespace coil
