// dict (runtime/dict.cpp): CPython's compact ordered table — entries in
// insertion order in one array, and an index table of slots pointing into
// it, probed as CPython probes (perturbation), so iteration order and
// behaviour under mutation match CPython.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct DictEntry {
  Value key;    // owned; null for a deleted entry
  Value value;  // owned
  int64_t hash;
};

struct DictObject : Object {
  std::vector<DictEntry> m_entries;  // insertion order, with holes
  std::vector<int32_t> m_indices;    // -1 empty, -2 deleted, else an entry index
  size_t m_used = 0;                 // live entries
  // Changes whenever the dict changes, so global-variable caches can tell.
  uint64_t m_version = 0;
};

extern Type dict_type;

Ref make_dict();

inline bool is_dict(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeDictSubclass) != 0;
}
inline bool is_exact_dict(Value v) { return v.is_object() && v.as_object()->m_type == &dict_type; }
inline DictObject* as_dict(Value v) { return v.as<DictObject>(); }
inline size_t dict_size(Value v) { return as_dict(v)->m_used; }

// Looks a key up; returns a borrowed value, or null if absent. Null with an
// exception pending if hashing or comparing the key raised.
Value dict_lookup(Value dict, Value key);
// The same for a str key (no exception possible).
Value dict_lookup_str(Value dict, Value key);
Value dict_lookup_str(Value dict, std::string_view key);
bool dict_setitem(Value dict, Value key, Value value);

// Remembered positions, for the interpreter's inline caches: where a str key
// sits in the entry array (-1 when absent), and the entry at such a position
// found again without hashing — when it still holds that very key object.
int64_t dict_index_str(Value dict, Value key);
inline Value dict_value_at(Value dict, uint32_t index, Value key) {
  const DictObject* d = as_dict(dict);
  if (index < d->m_entries.size() && d->m_entries[index].key.is(key)) return d->m_entries[index].value;
  return Value();
}
// dict[key] = value at a remembered position; false (nothing changed) when
// the entry there no longer holds `key`.
bool dict_replace_at(Value dict, uint32_t index, Value key, Value value);
bool dict_setitem_str(Value dict, std::string_view key, Value value);
// Returns 1 if removed, 0 if absent, -1 on error.
int dict_delitem(Value dict, Value key);
// dict.update(other) for a dict or a mapping / iterable of pairs.
bool dict_update(Value dict, Value other);
// `{**a}` merging: `other` is a dict or a mapping (keys() and
// __getitem__). With `check_duplicates` (f(**a, **b)), a key already present
// raises KeyError(key), as CPython's _PyDict_MergeEx(…, 2): the interpreter
// turns it into "f() got multiple values for keyword argument 'x'" (and the
// AttributeError of a non-mapping into "argument after ** must be a mapping").
bool dict_merge(Value dict, Value other, bool check_duplicates);
Ref dict_copy(Value dict);
Ref dict_keys_list(Value dict);
// Walks the live entries in order: `position` starts at 0; each call
// stores borrowed key and value and returns true, or false when done.
bool dict_next(Value dict, size_t& position, Value& key, Value& value);
// Removes every entry.
void dict_clear(Value dict);

extern Type dict_keys_type, dict_values_type, dict_items_type;
extern Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;
extern Type dict_reversekeyiterator_type, dict_reversevalueiterator_type,
    dict_reverseitemiterator_type;

}  // namespace coil
