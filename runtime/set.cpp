// set and frozenset (runtime/set.h), as CPython 3.11's Objects/setobject.c.
//
// The table is CPython's: a power-of-two array of (key, hash) slots, eight
// of them inside the object until the set grows. A key's probe sequence
// looks at its home slot and the 9 slots after it (LINEAR_PROBES, for cache
// locality), then jumps by i = i*5 + 1 + perturb with perturb shifted right
// by 5 each time. Removed keys leave a dummy marker (hash -1) so that
// probing continues past them; a later add reuses the last dummy seen. The
// table grows to 4x the live count when three fifths of it are used (2x
// past 50000 keys). Matching each of these choices is what makes `{3, 1, 2}`
// and sets of strs iterate in CPython's order.
//
// frozenset shares the layout and most of the code; its hash is CPython's
// order-independent mix of the entries' hashes.
#include "runtime/set.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/repr_guard.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type set_type, frozenset_type, set_iterator_type;

namespace {

constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// The marker left in a slot whose key was removed. Never seen by Python.
Object g_dummy{kImmortalRefcount, nullptr};
Value dummy() { return Value(&g_dummy); }

SetObject* as_set(Value v) { return v.as<SetObject>(); }

bool is_active(const SetEntry& entry) { return entry.key && !entry.key.is(dummy()); }

std::optional<int64_t> key_hash(Value key) {
  if (is_exact_str(key)) return str_hash(key);
  return hash(key);
}

// Initializes a freshly allocated (zeroed) set body.
void init_body(SetObject* so) {
  so->m_fill = 0;
  so->m_used = 0;
  so->m_mask = kSetMinSize - 1;
  so->m_table = so->m_small_table;
  so->m_hash = -1;
  so->m_finger = 0;
}

// The slot holding `key`, or the empty slot ending its probe sequence
// (key null), or nullptr with an exception pending (CPython's set_lookkey).
SetEntry* lookkey(SetObject* so, Value key, int64_t hash) {
restart:
  size_t mask = so->m_mask;
  size_t i = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  while (true) {
    SetEntry* entry = &so->m_table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && !entry->key) return entry;
      if (entry->hash == hash) {
        Value start_key = entry->key;
        if (start_key.is(key)) return entry;
        if (is_exact_str(start_key) && is_exact_str(key)) {
          if (str_equal(start_key, key)) return entry;
        } else {
          SetEntry* table = so->m_table;
          Ref held = ref(start_key);
          int same = equal(start_key, key);
          if (same < 0) return nullptr;
          // __eq__ may have changed the set: then start over.
          if (table != so->m_table || !entry->key.is(start_key)) goto restart;
          if (same > 0) return entry;
          mask = so->m_mask;
        }
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Inserts a key known to be absent into a table without dummies.
void insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  uint64_t perturb = uint64_t(hash);
  size_t i = size_t(hash) & mask;
  while (true) {
    SetEntry* entry = &table[i];
    if (!entry->key) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (!entry->key) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Rebuilds the table with room for more than `minimum_used` keys,
// dropping the dummies (CPython's set_table_resize).
bool table_resize(SetObject* so, int64_t minimum_used) {
  size_t new_size = kSetMinSize;
  while (new_size <= size_t(minimum_used)) new_size <<= 1;
  SetEntry* old_table = so->m_table;
  size_t old_mask = so->m_mask;
  bool old_is_heap = old_table != so->m_small_table;
  SetEntry small_copy[kSetMinSize];
  SetEntry* new_table;
  if (new_size == kSetMinSize) {
    new_table = so->m_small_table;
    if (new_table == old_table) {
      if (so->m_fill == so->m_used) return true;  // no dummies to purge
      std::memcpy(static_cast<void*>(small_copy), old_table, sizeof small_copy);
      old_table = small_copy;
    }
  } else {
    new_table = static_cast<SetEntry*>(std::calloc(new_size, sizeof(SetEntry)));
    if (new_table == nullptr) return raise_no_memory();
  }
  std::memset(static_cast<void*>(new_table), 0, sizeof(SetEntry) * new_size);
  so->m_mask = new_size - 1;
  so->m_table = new_table;
  bool had_dummies = so->m_fill != so->m_used;
  so->m_fill = so->m_used;
  for (size_t i = 0; i <= old_mask; ++i) {
    const SetEntry& entry = old_table[i];
    if (entry.key && (!had_dummies || !entry.key.is(dummy()))) {
      insert_clean(new_table, so->m_mask, entry.key, entry.hash);
    }
  }
  if (old_is_heap) std::free(old_table);
  return true;
}

// Adds `key` (borrowed) with its hash (CPython's set_add_entry).
bool add_entry(SetObject* so, Value key_value, int64_t hash) {
  // Held across comparisons, which may drop the caller's reference.
  Ref key = ref(key_value);
restart:
  size_t mask = so->m_mask;
  size_t i = size_t(hash) & mask;
  SetEntry* free_slot = nullptr;
  uint64_t perturb = uint64_t(hash);
  SetEntry* entry;
  while (true) {
    entry = &so->m_table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && !entry->key) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value start_key = entry->key;
        if (start_key.is(key)) return true;
        if (is_exact_str(start_key) && is_exact_str(key)) {
          if (str_equal(start_key, key)) return true;
        } else {
          SetEntry* table = so->m_table;
          Ref held = ref(start_key);
          int same = equal(start_key, key);
          if (same > 0) return true;
          if (same < 0) return false;
          if (table != so->m_table || !entry->key.is(start_key)) goto restart;
          mask = so->m_mask;
        }
      } else if (entry->hash == -1) {
        free_slot = entry;
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }

found_unused_or_dummy:
  if (free_slot != nullptr) {
    ++so->m_used;
    free_slot->key = key.release();
    free_slot->hash = hash;
    return true;
  }
  ++so->m_fill;
  ++so->m_used;
  entry->key = key.release();
  entry->hash = hash;
  if (size_t(so->m_fill) * 5 < mask * 3) return true;
  return table_resize(so, so->m_used > 50000 ? so->m_used * 2 : so->m_used * 4);
}

// 1 if present, 0 if not, -1 on error.
int contains_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* entry = lookkey(so, key, hash);
  if (entry == nullptr) return -1;
  return entry->key ? 1 : 0;
}

// 1 if removed, 0 if absent, -1 on error.
int discard_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* entry = lookkey(so, key, hash);
  if (entry == nullptr) return -1;
  if (!entry->key) return 0;
  Ref old = Ref::steal(entry->key);
  entry->key = dummy();
  entry->hash = -1;
  --so->m_used;
  return 1;
}

bool add_key(SetObject* so, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return false;
  return add_entry(so, key, *hash);
}

int contains_key(SetObject* so, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return -1;
  return contains_entry(so, key, *hash);
}

int discard_key(SetObject* so, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return -1;
  return discard_entry(so, key, *hash);
}

// Empties the set. The set is made empty before any key is dropped, since
// dropping a key may run code that looks at the set.
void clear_internal(SetObject* so) {
  SetEntry* table = so->m_table;
  bool table_is_heap = table != so->m_small_table;
  int64_t used = so->m_used;
  SetEntry small_copy[kSetMinSize];
  if (table_is_heap) {
    // The old table stays valid: only the object's fields are reset.
  } else if (so->m_fill > 0) {
    std::memcpy(static_cast<void*>(small_copy), table, sizeof small_copy);
    table = small_copy;
  } else {
    return;  // already empty
  }
  std::memset(static_cast<void*>(so->m_small_table), 0, sizeof so->m_small_table);
  init_body(so);
  for (SetEntry* entry = table; used > 0; ++entry) {
    if (is_active(*entry)) {
      --used;
      decref(entry->key);
    }
  }
  if (table_is_heap) std::free(table);
}

// The next active slot from `position` (CPython's set_next).
bool next_entry(SetObject* so, size_t& position, SetEntry*& out) {
  size_t i = position;
  size_t mask = so->m_mask;
  while (i <= mask && !is_active(so->m_table[i])) ++i;
  position = i + 1;
  if (i > mask) return false;
  out = &so->m_table[i];
  return true;
}

// Adds every key of another set (CPython's set_merge).
bool merge(SetObject* so, SetObject* other) {
  if (other == so || other->m_used == 0) return true;
  // One big resize first, expecting few duplicates.
  if (size_t(so->m_fill + other->m_used) * 5 >= so->m_mask * 3) {
    if (!table_resize(so, (so->m_used + other->m_used) * 2)) return false;
  }
  // An empty table of the same size without dummies on the other side:
  // copy the slots as they are.
  if (so->m_fill == 0 && so->m_mask == other->m_mask && other->m_fill == other->m_used) {
    for (size_t i = 0; i <= other->m_mask; ++i) {
      Value key = other->m_table[i].key;
      if (key) {
        incref(key);
        so->m_table[i] = {key, other->m_table[i].hash};
      }
    }
    so->m_fill = other->m_fill;
    so->m_used = other->m_used;
    return true;
  }
  if (so->m_fill == 0) {
    so->m_fill = other->m_used;
    so->m_used = other->m_used;
    for (size_t i = 0; i <= other->m_mask; ++i) {
      const SetEntry& entry = other->m_table[i];
      if (is_active(entry)) {
        incref(entry.key);
        insert_clean(so->m_table, so->m_mask, entry.key, entry.hash);
      }
    }
    return true;
  }
  // Keys may repeat: ordinary adds. `other` may change under comparisons,
  // so its mask and table are read afresh each time.
  for (size_t i = 0; i <= other->m_mask; ++i) {
    SetEntry entry = other->m_table[i];
    if (is_active(entry) && !add_entry(so, entry.key, entry.hash)) return false;
  }
  return true;
}

// set.update(other) for one argument (CPython's set_update_internal).
bool update_internal(SetObject* so, Value other) {
  if (is_anyset(other)) return merge(so, as_set(other));
  if (other.is_object() && other.type() == &dict_type) {
    DictObject* dict = as_dict(other);
    int64_t size = int64_t(dict->m_used);
    if (size_t(so->m_fill + size) * 5 >= so->m_mask * 3) {
      if (!table_resize(so, (so->m_used + size) * 2)) return false;
    }
    for (size_t i = 0; i < dict->m_entries.size(); ++i) {
      DictEntry entry = dict->m_entries[i];
      if (entry.key && !add_entry(so, entry.key, entry.hash)) return false;
    }
    return true;
  }
  return for_each(other, [&](Value key) { return add_key(so, key); });
}

Type* base_type_of(Type* type) {
  return is_subtype(type, &set_type) ? &set_type : &frozenset_type;
}

// A new set of `type`, filled from `iterable` if given (CPython's make_new_set).
Ref make_new_set(Type* type, Value iterable) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  Ref result = Ref::steal(object);
  init_body(as_set(result));
  if (iterable && !update_internal(as_set(result), iterable)) return {};
  return result;
}

// The same, of set or frozenset — whichever `type` derives from.
Ref make_new_set_basetype(Type* type, Value iterable) {
  return make_new_set(base_type_of(type), iterable);
}

Ref set_copy(Value so) { return make_new_set_basetype(so.type(), so); }

// Exchanges the contents of two sets (for intersection_update).
void swap_bodies(SetObject* a, SetObject* b) {
  std::swap(a->m_fill, b->m_fill);
  std::swap(a->m_used, b->m_used);
  std::swap(a->m_mask, b->m_mask);
  bool a_small = a->m_table == a->m_small_table;
  bool b_small = b->m_table == b->m_small_table;
  SetEntry* a_table = a->m_table;
  a->m_table = b_small ? a->m_small_table : b->m_table;
  b->m_table = a_small ? b->m_small_table : a_table;
  if (a_small || b_small) {
    SetEntry temporary[kSetMinSize];
    std::memcpy(static_cast<void*>(temporary), a->m_small_table, sizeof temporary);
    std::memcpy(static_cast<void*>(a->m_small_table), b->m_small_table, sizeof temporary);
    std::memcpy(static_cast<void*>(b->m_small_table), temporary, sizeof temporary);
  }
  if (is_frozenset(Value(a)) && is_frozenset(Value(b))) {
    std::swap(a->m_hash, b->m_hash);
  } else {
    a->m_hash = -1;
    b->m_hash = -1;
  }
}

// A key that is a set is looked up as the frozenset of its keys, as
// CPython's set_contains/set_remove/set_discard do.
template <class Operation>
int with_frozenset_fallback(SetObject* so, Value key, Operation operation) {
  int result = operation(so, key);
  if (result >= 0 || !is_set(key) || !exception_matches(&type_error_type)) return result;
  clear_exception();
  Ref frozen = make_new_set(&frozenset_type, key);
  if (!frozen) return -1;
  return operation(so, frozen.get());
}

// ---- the set algebra (CPython's functions of the same names)

Ref intersection(Value self, Value other) {
  if (self.is(other)) return set_copy(self);
  Ref result = TRY(make_new_set_basetype(self.type(), Value()));
  SetObject* out = as_set(result);
  if (is_anyset(other)) {
    Value small = other, large = self;
    if (set_size(other) > set_size(self)) std::swap(small, large);
    Ref hold_small = ref(small), hold_large = ref(large);
    size_t position = 0;
    SetEntry* entry;
    while (next_entry(as_set(small), position, entry)) {
      Ref key = ref(entry->key);
      int64_t hash = entry->hash;
      int found = contains_entry(as_set(large), key, hash);
      if (found < 0) return {};
      if (found && !add_entry(out, key, hash)) return {};
    }
    return result;
  }
  bool ok = for_each(other, [&](Value key) {
    std::optional<int64_t> hash = key_hash(key);
    if (!hash) return false;
    int found = contains_entry(as_set(self), key, *hash);
    if (found < 0) return false;
    return !found || add_entry(out, key, *hash);
  });
  if (!ok) return {};
  return result;
}

bool difference_update_internal(Value self, Value other) {
  SetObject* so = as_set(self);
  if (self.is(other)) {
    clear_internal(so);
    return true;
  }
  if (is_anyset(other)) {
    Ref source = ref(other);
    // A much larger other set: only the common keys matter.
    if ((set_size(other) >> 3) > so->m_used) source = TRY(intersection(self, other));
    size_t position = 0;
    SetEntry* entry;
    while (next_entry(as_set(source), position, entry)) {
      Ref key = ref(entry->key);
      if (discard_entry(so, key, entry->hash) < 0) return false;
    }
  } else {
    bool ok = for_each(other, [&](Value key) { return discard_key(so, key) >= 0; });
    if (!ok) return false;
  }
  // More than a quarter dummies: rebuild.
  if (size_t(so->m_fill - so->m_used) <= so->m_mask / 4) return true;
  return table_resize(so, so->m_used > 50000 ? so->m_used * 2 : so->m_used * 4);
}

Ref copy_and_difference(Value self, Value other) {
  Ref result = TRY(set_copy(self));
  if (!difference_update_internal(result, other)) return {};
  return result;
}

Ref difference(Value self, Value other) {
  int64_t other_size;
  bool other_is_dict = other.is_object() && other.type() == &dict_type;
  if (is_anyset(other)) {
    other_size = set_size(other);
  } else if (other_is_dict) {
    other_size = int64_t(dict_size(other));
  } else {
    return copy_and_difference(self, other);
  }
  // Much bigger than the other: copy, then remove the common keys.
  if ((set_size(self) >> 2) > other_size) return copy_and_difference(self, other);
  Ref result = TRY(make_new_set_basetype(self.type(), Value()));
  size_t position = 0;
  SetEntry* entry;
  while (next_entry(as_set(self), position, entry)) {
    Ref key = ref(entry->key);
    int64_t hash = entry->hash;
    int found;
    if (other_is_dict) {
      Value value = dict_lookup(other, key);
      if (!value && error_pending()) return {};
      found = value ? 1 : 0;
    } else {
      found = contains_entry(as_set(other), key, hash);
      if (found < 0) return {};
    }
    if (!found && !add_entry(as_set(result), key, hash)) return {};
  }
  return result;
}

bool symmetric_difference_update(Value self, Value other) {
  SetObject* so = as_set(self);
  if (self.is(other)) {
    clear_internal(so);
    return true;
  }
  auto toggle = [&](Value key, int64_t hash) {
    Ref held = ref(key);
    int removed = discard_entry(so, key, hash);
    if (removed < 0) return false;
    return removed == 1 || add_entry(so, key, hash);
  };
  if (other.is_object() && other.type() == &dict_type) {
    DictObject* dict = as_dict(other);
    for (size_t i = 0; i < dict->m_entries.size(); ++i) {
      DictEntry entry = dict->m_entries[i];
      if (entry.key && !toggle(entry.key, entry.hash)) return false;
    }
    return true;
  }
  Ref other_set = is_anyset(other) ? ref(other) : make_new_set_basetype(self.type(), other);
  if (!other_set) return false;
  size_t position = 0;
  SetEntry* entry;
  while (next_entry(as_set(other_set), position, entry)) {
    if (!toggle(entry->key, entry->hash)) return false;
  }
  return true;
}

Ref symmetric_difference(Value self, Value other) {
  // As CPython: a new set of the other's keys, toggled by ours.
  Ref result = TRY(make_new_set_basetype(self.type(), other));
  if (!symmetric_difference_update(result, self)) return {};
  return result;
}

// 1 if every key of `self` is in `other`, 0 if not, -1 on error.
int issubset(Value self, Value other) {
  Ref other_set;
  if (!is_anyset(other)) {
    other_set = make_new_set(&set_type, other);
    if (!other_set) return -1;
    other = other_set;
  }
  if (set_size(self) > set_size(other)) return 0;
  size_t position = 0;
  SetEntry* entry;
  while (next_entry(as_set(self), position, entry)) {
    Ref key = ref(entry->key);
    int found = contains_entry(as_set(other), key, entry->hash);
    if (found <= 0) return found;
  }
  return 1;
}

int issuperset(Value self, Value other) {
  if (is_anyset(other)) return issubset(other, self);
  int result = 1;
  bool ok = for_each(other, [&](Value key) {
    result = contains_key(as_set(self), key);
    return result == 1;
  });
  // for_each also stops (false) at the first key missing.
  if (!ok && error_pending()) return -1;
  return result;
}

// ---- construction and destruction

Ref set_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (type == &set_type && Args{args, nargs, kwnames}.keyword_count() != 0) {
    return raise(&type_error_type, "set() takes no keyword arguments");
  }
  return make_new_set(type, Value());
}

bool set_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (Args{args, nargs, kwnames}.keyword_count() != 0) {
    return raise(&type_error_type, "set() takes no keyword arguments");
  }
  if (nargs > 1) {
    return raise_format(&type_error_type, "%s expected at most 1 argument, got %zu",
                        message_type_name(self.type()).data(), nargs);
  }
  SetObject* so = as_set(self);
  if (so->m_fill) clear_internal(so);
  so->m_hash = -1;
  if (nargs == 0) return true;
  return update_internal(so, args[0]);
}

Ref frozenset_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (type == &frozenset_type && Args{args, nargs, kwnames}.keyword_count() != 0) {
    return raise(&type_error_type, "frozenset() takes no keyword arguments");
  }
  if (nargs > 1) {
    return raise_format(&type_error_type, "%s expected at most 1 argument, got %zu",
                        message_type_name(type).data(), nargs);
  }
  Value iterable = nargs == 1 ? args[0] : Value();
  // An exact frozenset is immutable: frozenset(f) is f.
  if (type == &frozenset_type && iterable && iterable.is_object() &&
      iterable.type() == &frozenset_type) {
    return ref(iterable);
  }
  return make_new_set(type, iterable);
}

void set_destroy(Object* object) {
  auto* so = static_cast<SetObject*>(object);
  TrashcanScope trashcan;
  int64_t used = so->m_used;
  for (SetEntry* entry = so->m_table; used > 0; ++entry) {
    if (is_active(*entry)) {
      --used;
      if (trashcan.too_deep()) {
        trashcan.park(Ref::steal(entry->key));
      } else {
        decref(entry->key);
      }
    }
  }
  if (so->m_table != so->m_small_table) std::free(so->m_table);
  so->m_table = so->m_small_table;
}

void set_traverse(Object* object, VisitFn visit, void* context) {
  auto* so = static_cast<SetObject*>(object);
  size_t position = 0;
  SetEntry* entry;
  while (next_entry(so, position, entry)) visit(entry->key, context);
}

void set_clear_slot(Object* object) { clear_internal(static_cast<SetObject*>(object)); }

// ---- the object protocol

Ref set_repr(Value self) {
  std::string_view name = type_name(self.type());
  if (!repr_enter(self)) return make_str(std::string(name) + "(...)");
  if (set_size(self) == 0) {
    repr_leave(self);
    return make_str(std::string(name) + "()");
  }
  Ref keys = list_from_iterable(self);
  Ref keys_repr = keys ? repr(keys) : Ref();
  repr_leave(self);
  if (!keys_repr) return {};
  std::string_view inner = str_view(keys_repr);
  inner = inner.substr(1, inner.size() - 2);
  std::string text;
  if (self.type() == &set_type) {
    text = "{";
    text += inner;
    text += "}";
  } else {
    text = std::string(name) + "({";
    text += inner;
    text += "})";
  }
  return make_str(text);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

// CPython's frozenset_hash: independent of order, cached.
std::optional<int64_t> frozenset_hash(Value self) {
  SetObject* so = as_set(self);
  if (so->m_hash != -1) return so->m_hash;
  uint64_t hash = 0;
  for (size_t i = 0; i <= so->m_mask; ++i) hash ^= shuffle_bits(uint64_t(so->m_table[i].hash));
  // Remove the effect of an odd number of unused and of dummy slots.
  if ((so->m_mask + 1 - size_t(so->m_fill)) & 1) hash ^= shuffle_bits(0);
  if ((so->m_fill - so->m_used) & 1) hash ^= shuffle_bits(uint64_t(-1));
  hash ^= (uint64_t(so->m_used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == uint64_t(-1)) hash = 590923713UL;
  so->m_hash = int64_t(hash);
  return so->m_hash;
}

Ref set_richcompare(Value self, Value other, CompareOp op) {
  if (!is_anyset(other)) return ref(not_implemented());
  int result = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne: {
      if (set_size(self) != set_size(other)) {
        result = 0;
      } else if (as_set(self)->m_hash != -1 && as_set(other)->m_hash != -1 &&
                 as_set(self)->m_hash != as_set(other)->m_hash) {
        result = 0;
      } else {
        result = issubset(self, other);
      }
      if (result >= 0 && op == CompareOp::Ne) result = !result;
      break;
    }
    case CompareOp::Le: result = issubset(self, other); break;
    case CompareOp::Ge: result = issuperset(self, other); break;
    case CompareOp::Lt:
      result = set_size(self) >= set_size(other) ? 0 : issubset(self, other);
      break;
    case CompareOp::Gt:
      result = set_size(self) <= set_size(other) ? 0 : issuperset(self, other);
      break;
  }
  if (result < 0) return {};
  return new_bool(result != 0);
}

std::optional<int64_t> set_length(Value self) { return set_size(self); }

int set_contains_slot(Value self, Value key) {
  return with_frozenset_fallback(as_set(self), key, contains_key);
}

Ref set_iter(Value self);

Ref set_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return ref(not_implemented());
  Ref result = TRY(set_copy(a));
  if (a.is(b)) return result;
  if (!update_internal(as_set(result), b)) return {};
  return result;
}

Ref set_and(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return ref(not_implemented());
  return intersection(a, b);
}

Ref set_sub(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return ref(not_implemented());
  return difference(a, b);
}

Ref set_xor(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return ref(not_implemented());
  return symmetric_difference(a, b);
}

Ref set_inplace_or(Value a, Value b) {
  if (!is_set(a) || !is_anyset(b)) return ref(not_implemented());
  if (!update_internal(as_set(a), b)) return {};
  return ref(a);
}

Ref set_inplace_and(Value a, Value b) {
  if (!is_set(a) || !is_anyset(b)) return ref(not_implemented());
  Ref common = TRY(intersection(a, b));
  swap_bodies(as_set(a), as_set(common));
  return ref(a);
}

Ref set_inplace_sub(Value a, Value b) {
  if (!is_set(a) || !is_anyset(b)) return ref(not_implemented());
  if (!difference_update_internal(a, b)) return {};
  return ref(a);
}

Ref set_inplace_xor(Value a, Value b) {
  if (!is_set(a) || !is_anyset(b)) return ref(not_implemented());
  if (!symmetric_difference_update(a, b)) return {};
  return ref(a);
}

// ---- methods

Ref set_add_method(Value self, Args args) {
  if (!add_key(as_set(self), args[0])) return {};
  return new_none();
}

Ref set_clear_method(Value self, Args) {
  clear_internal(as_set(self));
  return new_none();
}

Ref set_copy_method(Value self, Args) { return set_copy(self); }

Ref frozenset_copy_method(Value self, Args) {
  if (self.type() == &frozenset_type) return ref(self);
  return make_new_set(&frozenset_type, self);
}

Ref set_discard_method(Value self, Args args) {
  if (with_frozenset_fallback(as_set(self), args[0], discard_key) < 0) return {};
  return new_none();
}

Ref set_remove_method(Value self, Args args) {
  int removed = with_frozenset_fallback(as_set(self), args[0], discard_key);
  if (removed < 0) return {};
  if (removed == 0) return raise_with(&key_error_type, args[0]);
  return new_none();
}

Ref set_pop_method(Value self, Args) {
  SetObject* so = as_set(self);
  if (so->m_used == 0) {
    Ref message = TRY(make_str("pop from an empty set"));
    return raise_with(&key_error_type, message);
  }
  // From where the last pop left off, so repeated pops do not rescan.
  SetEntry* entry = so->m_table + (so->m_finger & so->m_mask);
  SetEntry* limit = so->m_table + so->m_mask;
  while (!is_active(*entry)) {
    ++entry;
    if (entry > limit) entry = so->m_table;
  }
  Ref key = Ref::steal(entry->key);
  entry->key = dummy();
  entry->hash = -1;
  --so->m_used;
  so->m_finger = size_t(entry - so->m_table) + 1;
  return key;
}

Ref set_union_method(Value self, Args args) {
  Ref result = TRY(set_copy(self));
  for (size_t i = 0; i < args.count; ++i) {
    if (args[i].is(self)) continue;
    if (!update_internal(as_set(result), args[i])) return {};
  }
  return result;
}

Ref set_update_method(Value self, Args args) {
  for (size_t i = 0; i < args.count; ++i) {
    if (!update_internal(as_set(self), args[i])) return {};
  }
  return new_none();
}

Ref intersection_multi(Value self, Args args) {
  if (args.count == 0) return set_copy(self);
  Ref result = ref(self);
  for (size_t i = 0; i < args.count; ++i) {
    result = TRY(intersection(result, args[i]));
  }
  return result;
}

Ref set_intersection_method(Value self, Args args) { return intersection_multi(self, args); }

Ref set_intersection_update_method(Value self, Args args) {
  Ref common = TRY(intersection_multi(self, args));
  swap_bodies(as_set(self), as_set(common));
  return new_none();
}

Ref set_difference_method(Value self, Args args) {
  if (args.count == 0) return set_copy(self);
  Ref result = TRY(difference(self, args[0]));
  for (size_t i = 1; i < args.count; ++i) {
    if (!difference_update_internal(result, args[i])) return {};
  }
  return result;
}

Ref set_difference_update_method(Value self, Args args) {
  for (size_t i = 0; i < args.count; ++i) {
    if (!difference_update_internal(self, args[i])) return {};
  }
  return new_none();
}

Ref set_symmetric_difference_method(Value self, Args args) {
  return symmetric_difference(self, args[0]);
}

Ref set_symmetric_difference_update_method(Value self, Args args) {
  if (!symmetric_difference_update(self, args[0])) return {};
  return new_none();
}

Ref set_isdisjoint_method(Value self, Args args) {
  Value other = args[0];
  if (self.is(other)) return new_bool(set_size(self) == 0);
  if (other.is_object() && (other.type() == &set_type || other.type() == &frozenset_type)) {
    Value small = other, large = self;
    if (set_size(other) > set_size(self)) std::swap(small, large);
    size_t position = 0;
    SetEntry* entry;
    while (next_entry(as_set(small), position, entry)) {
      Ref key = ref(entry->key);
      int found = contains_entry(as_set(large), key, entry->hash);
      if (found < 0) return {};
      if (found) return new_bool(false);
    }
    return new_bool(true);
  }
  int found = 0;
  bool ok = for_each(other, [&](Value key) {
    found = contains_key(as_set(self), key);
    return found == 0;
  });
  if (!ok && error_pending()) return {};
  return new_bool(found == 0);
}

Ref set_issubset_method(Value self, Args args) {
  int result = issubset(self, args[0]);
  if (result < 0) return {};
  return new_bool(result != 0);
}

Ref set_issuperset_method(Value self, Args args) {
  int result = issuperset(self, args[0]);
  if (result < 0) return {};
  return new_bool(result != 0);
}

Ref set_contains_method(Value self, Args args) {
  int found = set_contains_slot(self, args[0]);
  if (found < 0) return {};
  return new_bool(found != 0);
}

Ref set_reduce_method(Value self, Args) {
  Ref keys = TRY(list_from_iterable(self));
  Ref arguments = TRY(make_tuple({keys.get()}));
  bool found = false;
  Ref state = lookup_attr(self, intern_static("__dict__"), found);
  if (!state && error_pending()) return {};
  if (!found) state = new_none();
  return make_tuple({Value(self.type()), arguments.get(), state.get()});
}

Ref set_sizeof_method(Value self, Args) {
  SetObject* so = as_set(self);
  // As CPython's: a 200-byte object with room for 8 entries, and a 16-byte
  // entry per slot of a bigger table.
  int64_t size = 200;
  if (so->m_table != so->m_small_table) size += int64_t((so->m_mask + 1) * 16);
  return Ref::small_int(size);
}

#define SET_COMMON_METHODS                                                                     \
  {"__contains__", set_contains_method, ArgKind::OneArg, "x.__contains__(y) <==> y in x."},     \
      {"difference", set_difference_method, ArgKind::VarArgs,                                   \
       "Return the difference of two or more sets as a new set.\n\n"                            \
       "(i.e. all elements that are in this set but not the others.)"},                         \
      {"intersection", set_intersection_method, ArgKind::VarArgs,                               \
       "Return the intersection of two sets as a new set.\n\n"                                  \
       "(i.e. all elements that are in both sets.)"},                                           \
      {"isdisjoint", set_isdisjoint_method, ArgKind::OneArg,                                    \
       "Return True if two sets have a null intersection."},                                    \
      {"issubset", set_issubset_method, ArgKind::OneArg,                                        \
       "Report whether another set contains this set."},                                        \
      {"issuperset", set_issuperset_method, ArgKind::OneArg,                                    \
       "Report whether this set contains another set."},                                        \
      {"__reduce__", set_reduce_method, ArgKind::NoArgs, "Return state information for pickling."}, \
      {"__sizeof__", set_sizeof_method, ArgKind::NoArgs, "S.__sizeof__() -> size of S in memory, in bytes"}, \
      {"symmetric_difference", set_symmetric_difference_method, ArgKind::OneArg,                \
       "Return the symmetric difference of two sets as a new set.\n\n"                          \
       "(i.e. all elements that are in exactly one of the sets.)"},                             \
      {"union", set_union_method, ArgKind::VarArgs,                                             \
       "Return the union of sets as a new set.\n\n"                                             \
       "(i.e. all elements that are in either set.)"},                                          \
  {                                                                                             \
    "__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc,        \
        kMethodClass                                                                            \
  }

const MethodDef set_methods[] = {
    {"add", set_add_method, ArgKind::OneArg,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear_method, ArgKind::NoArgs, "Remove all elements from this set."},
    {"copy", set_copy_method, ArgKind::NoArgs, "Return a shallow copy of a set."},
    {"discard", set_discard_method, ArgKind::OneArg,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference_update", set_difference_update_method, ArgKind::VarArgs,
     "Remove all elements of another set from this set."},
    {"intersection_update", set_intersection_update_method, ArgKind::VarArgs,
     "Update a set with the intersection of itself and another."},
    {"pop", set_pop_method, ArgKind::NoArgs,
     "Remove and return an arbitrary set element.\n"
     "Raises KeyError if the set is empty."},
    {"remove", set_remove_method, ArgKind::OneArg,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"symmetric_difference_update", set_symmetric_difference_update_method, ArgKind::OneArg,
     "Update a set with the symmetric difference of itself and another."},
    {"update", set_update_method, ArgKind::VarArgs,
     "Update a set with the union of itself and others."},
    SET_COMMON_METHODS,
    {},
};

const MethodDef frozenset_methods[] = {
    {"copy", frozenset_copy_method, ArgKind::NoArgs, "Return a shallow copy of a set."},
    SET_COMMON_METHODS,
    {},
};

#undef SET_COMMON_METHODS

// ---- set_iterator

struct SetIteratorObject : Object {
  Ref m_set;           // null once exhausted
  int64_t m_used;      // the set's size when iteration began; -1 once changed
  size_t m_position;
  int64_t m_remaining;
};

Ref set_iter(Value self) {
  Object* object = allocate_object(&set_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<SetIteratorObject*>(object);
  new (&iterator->m_set) Ref(ref(self));
  iterator->m_used = set_size(self);
  iterator->m_position = 0;
  iterator->m_remaining = set_size(self);
  return Ref::steal(object);
}

Ref set_iterator_next(Value self) {
  auto* iterator = self.as<SetIteratorObject>();
  if (!iterator->m_set) return {};
  SetObject* so = as_set(iterator->m_set);
  if (iterator->m_used != so->m_used) {
    iterator->m_used = -1;  // sticky
    return raise(&runtime_error_type, "Set changed size during iteration");
  }
  SetEntry* entry;
  if (!next_entry(so, iterator->m_position, entry)) {
    iterator->m_set.reset();
    return {};
  }
  --iterator->m_remaining;
  return ref(entry->key);
}

Ref set_iterator_length_hint(Value self, Args) {
  auto* iterator = self.as<SetIteratorObject>();
  if (iterator->m_set && iterator->m_used == set_size(iterator->m_set)) {
    return Ref::small_int(std::max<int64_t>(0, iterator->m_remaining));
  }
  return Ref::small_int(0);
}

Ref iterator_self(Value self) { return ref(self); }

void set_iterator_destroy(Object* object) {
  static_cast<SetIteratorObject*>(object)->~SetIteratorObject();
}

void set_iterator_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<SetIteratorObject*>(object)->m_set, context);
}

void set_iterator_clear(Object* object) { static_cast<SetIteratorObject*>(object)->m_set.reset(); }

const MethodDef set_iterator_methods[] = {
    {"__length_hint__", set_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {},
};

struct SetTypeSetup {
  SetTypeSetup() {
    for (Type* t : {&set_type, &frozenset_type}) {
      t->m_size = sizeof(SetObject);
      t->m_flags = kTypeBaseType | kTypeHasGC;
      t->m_destroy = set_destroy;
      t->m_traverse = set_traverse;
      t->m_repr = set_repr;
      t->m_richcompare = set_richcompare;
      t->m_iter = set_iter;
      t->m_length = set_length;
      t->m_contains = set_contains_slot;
      t->m_binary[int(BinaryOp::Or)] = set_or;
      t->m_binary[int(BinaryOp::And)] = set_and;
      t->m_binary[int(BinaryOp::Subtract)] = set_sub;
      t->m_binary[int(BinaryOp::Xor)] = set_xor;
    }
    set_type.m_tp_name = "set";
    set_type.m_doc =
        "set() -> new empty set object\n"
        "set(iterable) -> new set object\n\n"
        "Build an unordered collection of unique elements.";
    set_type.m_clear = set_clear_slot;
    set_type.m_new = set_new;
    set_type.m_init = set_init;
    set_type.m_binary[int(BinaryOp::InplaceOr)] = set_inplace_or;
    set_type.m_binary[int(BinaryOp::InplaceAnd)] = set_inplace_and;
    set_type.m_binary[int(BinaryOp::InplaceSubtract)] = set_inplace_sub;
    set_type.m_binary[int(BinaryOp::InplaceXor)] = set_inplace_xor;
    set_type.m_methods = set_methods;

    frozenset_type.m_tp_name = "frozenset";
    frozenset_type.m_doc =
        "frozenset() -> empty frozenset object\n"
        "frozenset(iterable) -> frozenset object\n\n"
        "Build an immutable unordered collection of unique elements.";
    frozenset_type.m_clear = set_clear_slot;
    frozenset_type.m_new = frozenset_new;
    frozenset_type.m_hash = frozenset_hash;
    frozenset_type.m_methods = frozenset_methods;

    Type& i = set_iterator_type;
    i.m_tp_name = "set_iterator";
    i.m_size = sizeof(SetIteratorObject);
    i.m_flags = kTypeHasGC;
    i.m_destroy = set_iterator_destroy;
    i.m_traverse = set_iterator_traverse;
    i.m_clear = set_iterator_clear;
    i.m_iter = iterator_self;
    i.m_iternext = set_iterator_next;
    i.m_methods = set_iterator_methods;
  }
} set_type_setup;

}  // namespace

// ---- the C++ interface

Ref make_set(Value iterable) { return make_new_set(&set_type, iterable); }
Ref make_frozenset(Value iterable) { return make_new_set(&frozenset_type, iterable); }

bool set_add(Value set, Value key) { return add_key(as_set(set), key); }

int set_contains(Value set, Value key) { return set_contains_slot(set, key); }

int set_discard(Value set, Value key) {
  return with_frozenset_fallback(as_set(set), key, discard_key);
}

bool set_update(Value set, Value iterable) { return update_internal(as_set(set), iterable); }

bool set_difference_update(Value set, Value iterable) {
  return difference_update_internal(set, iterable);
}

bool set_symmetric_difference_update(Value set, Value iterable) {
  return symmetric_difference_update(set, iterable);
}

Ref set_intersection(Value set, Value iterable) { return intersection(set, iterable); }

bool set_next(Value set, size_t& position, Value& key, int64_t& hash) {
  SetEntry* entry;
  if (!next_entry(as_set(set), position, entry)) return false;
  key = entry->key;
  hash = entry->hash;
  return true;
}

COIL_REGISTER_TYPE(set_type);
COIL_REGISTER_TYPE(frozenset_type);
COIL_REGISTER_TYPE(set_iterator_type);

}  // namespace coil
