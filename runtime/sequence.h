// Helpers shared by the sequence types (tuple, list, range): the operand
// handling of `+` and `*`, which CPython routes through sq_concat and
// sq_repeat after the number slots have had their chance.
#pragma once

#include <cstdint>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

// CPython's binary_op1 tries both operands' number slots before the
// sequence concatenation or repetition of the left operand: `[1] + x`
// calls x's __radd__ first. A sequence's slot, reached with a foreign right
// operand, calls that operand's slot itself and falls back to the sequence
// behaviour only if it gives NotImplemented. Returns NotImplemented when
// the other operand has no slot of its own.
//
// The built-in sequences implement their own `+` and `*` in these slots
// (coil has no separate sq_concat/sq_repeat), where CPython has no number
// slot at all: those are not "the other operand's slot" and are skipped —
// `[1] * 'a'` must not become a str repetition by a list.
inline Ref call_other_operand_slot(Value a, Value b, BinaryOp op, BinaryFn self_slot) {
  BinaryFn other = b.type()->m_binary[int(op)];
  if (other == nullptr || other == self_slot) return ref(not_implemented());
  for (const Type* sequence : {&str_type, &bytes_type, &bytearray_type, &list_type, &tuple_type}) {
    if (other == sequence->m_binary[int(op)]) return ref(not_implemented());
  }
  return other(a, b);
}

// The count of `seq * count` (negative counts repeat zero times).
inline bool repeat_count(Value count, int64_t& out) {
  if (!index_as_ssize(count, &overflow_error_type, out)) return false;
  if (out < 0) out = 0;
  return true;
}

inline Raised raise_cant_multiply(Value count) {
  return raise_format(&type_error_type, "can't multiply sequence by non-int of type '%s'",
                      value_type_name(count).data());
}

// Whether `size * count` items can be made; past this CPython runs out of
// memory (MemoryError) rather than trying.
inline bool repeat_fits(size_t size, int64_t count) {
  constexpr uint64_t kMaxItems = uint64_t(1) << 40;
  return size == 0 || count == 0 || uint64_t(count) <= kMaxItems / size;
}


}  // namespace coil
