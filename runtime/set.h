// set and frozenset (runtime/set.cpp): CPython's open-addressing hash table
// (linear probing in runs of 9, then perturbation), with the same table
// sizes, fill factor and deletion markers, so that a set of small ints or
// strs iterates in the order CPython's does.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// A table slot: key null and hash 0 when never used; key the dummy marker
// and hash -1 when its key was removed (probing must go on past it).
struct SetEntry {
  Value key;  // owned, unless null or the dummy
  int64_t hash;
};

inline constexpr size_t kSetMinSize = 8;  // CPython's PySet_MINSIZE

struct SetObject : Object {
  int64_t m_fill;        // active + dummy slots
  int64_t m_used;        // active slots: the set's length
  size_t m_mask;         // table size - 1 (sizes are powers of two)
  SetEntry* m_table;     // m_small_table, or a heap array for bigger sets
  int64_t m_hash;        // frozenset's hash, -1 until computed
  size_t m_finger;       // where set.pop() looks first
  SetEntry m_small_table[kSetMinSize];
};

extern Type set_type, frozenset_type, set_iterator_type;

inline bool is_set(Value v) { return v.is_object() && isinstance(v, &set_type); }
inline bool is_frozenset(Value v) { return v.is_object() && isinstance(v, &frozenset_type); }
// CPython's PyAnySet_Check.
inline bool is_anyset(Value v) { return is_set(v) || is_frozenset(v); }
inline int64_t set_size(Value v) { return v.as<SetObject>()->m_used; }

// An empty set; set(iterable) (null: empty); frozenset(iterable).
Ref make_set(Value iterable = Value());
Ref make_frozenset(Value iterable = Value());

// set.add(key). Also used on a frozenset being built.
bool set_add(Value set, Value key);
// `key in set`: 1, 0, or -1 on error (a set key is looked up as a frozenset).
int set_contains(Value set, Value key);
// set.discard(key): 1 if removed, 0 if absent, -1 on error.
int set_discard(Value set, Value key);
// set.update(iterable) and friends, on one argument.
bool set_update(Value set, Value iterable);
bool set_difference_update(Value set, Value iterable);
bool set_symmetric_difference_update(Value set, Value iterable);
// set.intersection(iterable), of the set's base type (set or frozenset).
Ref set_intersection(Value set, Value iterable);

// Walks the active entries: `position` starts at 0; false when done.
bool set_next(Value set, size_t& position, Value& key, int64_t& hash);

}  // namespace coil
