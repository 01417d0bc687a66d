// slice (runtime/slice.cpp): the object `a[1:2:3]` passes to __getitem__,
// and the index arithmetic every sequence type shares.
#pragma once

#include <cstdint>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct SliceObject : Object {
  Ref m_start;  // each an object, None when omitted
  Ref m_stop;
  Ref m_step;
};

extern Type slice_type;

// slice(start, stop, step); a null argument stands for None.
Ref make_slice(Value start, Value stop, Value step);

inline bool is_slice(Value v) { return v.is_object() && v.as_object()->m_type == &slice_type; }

// CPython's PySlice_Unpack: the slice's bounds as C++ integers, before the
// sequence's length is known. None becomes the default for the step's
// direction; ints too big for int64 are clamped, as CPython clamps them to
// Py_ssize_t. Raises "slice step cannot be zero" and the TypeError for
// indices that are not ints.
bool slice_unpack(Value slice, int64_t& start, int64_t& stop, int64_t& step);
// CPython's PySlice_AdjustIndices: clips start and stop to a sequence of
// `length` items and returns the number of items the slice selects.
int64_t slice_adjust_indices(int64_t length, int64_t& start, int64_t& stop, int64_t step);
// Both at once, as CPython's PySlice_GetIndicesEx. Sequences that call out
// to Python (__index__ may mutate the sequence) should unpack first, then
// read their length, then adjust — as CPython's list does.
bool slice_indices(Value slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                   int64_t& slicelength);

// slice.indices(length) in arbitrary precision (CPython's
// _PySlice_GetLongIndices): `length` is an int >= 0; the results are ints.
bool slice_long_indices(Value slice, Value length, Ref& start, Ref& stop, Ref& step);

// An index operand (`seq[i]`, `list.insert(i, x)`) as CPython's
// PyNumber_AsSsize_t: `v` must be an int or have __index__. When the value
// does not fit in int64, raises `overflow_type` with CPython's "cannot fit
// 'int' into an index-sized integer", or clamps it if `overflow_type` is null.
bool index_as_ssize(Value v, Type* overflow_type, int64_t& out);
// Whether `v` can be used as an index (an int or a type with __index__).
bool has_index(Value v);
// A Py_ssize_t argument of a method (`list.pop(i)`, `list.insert(i, x)`), as
// CPython's argument clinic converts it: __index__, then OverflowError
// "Python int too large to convert to C ssize_t" past int64.
bool ssize_argument(Value v, int64_t& out);
// An optional start/stop argument of index()/count()-like methods, as
// CPython's _PyEval_SliceIndexNotNone ("slice indices must be integers or
// have an __index__ method"); clamped to int64.
bool slice_index_not_none(Value v, int64_t& out);

}  // namespace coil
