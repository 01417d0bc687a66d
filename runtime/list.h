// list (runtime/list.cpp).
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct ListObject : Object {
  std::vector<Ref> m_items;
};

extern Type list_type;

Ref make_list(size_t reserve = 0);
Ref make_list(const Value* items, size_t size);
// list(iterable).
Ref list_from_iterable(Value iterable);
// list.extend(iterable) / `list += iterable`.
bool list_extend(Value list, Value iterable);
// Sorts in place as list.sort(key=key, reverse=reverse); key may be null.
bool list_sort(Value list, Value key, bool reverse);

// The items of `v` as CPython's PySequence_Fast gathers them: a list's or
// tuple's own items, else what iterating it yields. If `v` is not iterable
// the TypeError says `message` instead ("can only assign an iterable").
bool sequence_fast(Value v, const char* message, std::vector<Ref>& items);

extern Type list_iterator_type, list_reverseiterator_type;

// iter(list) and reversed(list); the interpreter's `for` steps the first
// itself.
struct ListIteratorObject : Object {
  Ref m_list;       // null once exhausted
  int64_t m_index;  // the next item's index (counting down when reversed)
};

inline bool is_list(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeListSubclass) != 0;
}
inline bool is_exact_list(Value v) { return v.is_object() && v.type() == &list_type; }
inline ListObject* as_list(Value v) { return v.as<ListObject>(); }
inline void list_append(Value list, Ref item) { as_list(list)->m_items.push_back(std::move(item)); }

}  // namespace coil
