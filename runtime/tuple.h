// tuple (runtime/tuple.cpp): a fixed array of owned values after the header.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct TupleObject : Object {
  size_t m_size;
  Value m_items[];  // each owns a reference
};

extern Type tuple_type;

// A tuple of `size` items, all null: the caller fills each with an owned
// reference (tuple_set) before the tuple is seen by Python code.
Ref make_tuple(size_t size);
// A tuple of new references to `items`.
Ref make_tuple(std::initializer_list<Value> items);
Ref make_tuple(const Value* items, size_t size);
// The shared empty tuple.
Value empty_tuple();
// tuple(iterable): the same object for an exact tuple.
Ref tuple_from_iterable(Value iterable);

extern Type tuple_iterator_type;

inline bool is_tuple(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeTupleSubclass) != 0;
}
inline bool is_exact_tuple(Value v) { return v.is_object() && v.type() == &tuple_type; }
inline size_t tuple_size(Value v) { return v.as<TupleObject>()->m_size; }
inline Value tuple_item(Value v, size_t i) { return v.as<TupleObject>()->m_items[i]; }
inline const Value* tuple_item_pointer(Value v) { return v.as<TupleObject>()->m_items; }
// Stores an owned reference in a fresh tuple's slot.
inline void tuple_set(Value tuple, size_t i, Ref item) {
  tuple.as<TupleObject>()->m_items[i] = item.release();
}

}  // namespace coil
