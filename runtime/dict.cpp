// dict (runtime/dict.h): CPython 3.11's compact ordered table
// (Objects/dictobject.c), its views and their iterators.
//
// Entries sit in insertion order in `m_entries`; `m_indices`, a power-of-two
// table, maps hash slots to entry numbers and is probed as CPython probes
// (i = i*5 + perturb + 1, perturb shifted right by 5 each step). A deleted
// entry leaves a hole (null key) and its slot a "dummy" marker; new entries
// go at the end until the entry array is full (two thirds of the index
// table), when the table is rebuilt without holes at three times the live
// count — CPython's GROWTH_RATE — so iteration order under deletions and
// re-insertions is CPython's.
//
// Comparing keys calls __eq__, which may mutate the dict being searched; a
// lookup notices (the index table was rebuilt, or the entry it compared no
// longer holds that key) and starts over, as CPython's lookdict does.
#include "runtime/dict.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/gc_visit.h"
#include "runtime/generic_alias.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/repr_guard.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type dict_type;
Type dict_keys_type, dict_values_type, dict_items_type;
Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;
Type dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type;

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr size_t kMinSize = 8;  // PyDict_MINSIZE
constexpr int64_t kNotFound = -1;
constexpr int64_t kError = -2;

size_t usable_fraction(size_t size) { return (size << 1) / 3; }

// Versions are unique across all dicts, as CPython's ma_version_tag: a
// cache that remembers (dict, version) cannot be fooled by a new dict at a
// freed one's address.
uint64_t next_version() {
  static uint64_t last = 0;
  return ++last;
}

// The smallest table size (a power of two, at least 8) of at least `minimum`.
size_t table_size_for(size_t minimum) {
  size_t size = kMinSize;
  while (size < minimum) size <<= 1;
  return size;
}

// A table that can hold `count` entries without growing, as CPython's
// estimate_log2_keysize.
size_t table_size_for_count(size_t count) { return table_size_for((count * 3 + 1) / 2); }

// The hash of a key, with the str fast path (its hash is cached).
std::optional<int64_t> key_hash(Value key) {
  if (is_exact_str(key)) return str_hash(key);
  return hash(key);
}

// The entry number holding `key`, kNotFound, or kError.
int64_t find_entry(DictObject* dict, Value key, int64_t hash) {
restart:
  if (dict->m_indices.empty()) return kNotFound;
  size_t mask = dict->m_indices.size() - 1;
  size_t slot = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  while (true) {
    int32_t index = dict->m_indices[slot];
    if (index == kEmpty) return kNotFound;
    if (index >= 0) {
      const DictEntry& entry = dict->m_entries[size_t(index)];
      if (entry.key.is(key)) return index;
      if (entry.hash == hash) {
        Value start_key = entry.key;
        if (is_exact_str(start_key) && is_exact_str(key)) {
          if (str_equal(start_key, key)) return index;
        } else {
          Ref held = ref(start_key);
          const int32_t* indices_before = dict->m_indices.data();
          size_t size_before = dict->m_indices.size();
          int same = equal(start_key, key);
          if (same < 0) return kError;
          bool unchanged = dict->m_indices.data() == indices_before &&
                           dict->m_indices.size() == size_before &&
                           size_t(index) < dict->m_entries.size() &&
                           dict->m_entries[size_t(index)].key.is(start_key);
          if (!unchanged) goto restart;
          if (same) return index;
        }
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

// The index-table slot holding entry number `index` (which must be there).
size_t slot_of_entry(const DictObject* dict, int64_t hash, int64_t index) {
  size_t mask = dict->m_indices.size() - 1;
  size_t slot = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  while (dict->m_indices[slot] != index) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

// The first slot on `hash`'s probe sequence free for a new entry.
size_t free_slot(const DictObject* dict, int64_t hash) {
  size_t mask = dict->m_indices.size() - 1;
  size_t slot = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  while (dict->m_indices[slot] >= 0) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

// Rebuilds the index table at `size` slots, dropping the holes in the
// entries (CPython's dictresize).
void resize(DictObject* dict, size_t size) {
  std::vector<DictEntry> entries;
  entries.reserve(usable_fraction(size));
  for (const DictEntry& entry : dict->m_entries) {
    if (entry.key) entries.push_back(entry);
  }
  dict->m_entries.swap(entries);
  dict->m_indices.assign(size, kEmpty);
  for (size_t i = 0; i < dict->m_entries.size(); ++i) {
    dict->m_indices[free_slot(dict, dict->m_entries[i].hash)] = int32_t(i);
  }
}

// Adds an entry for a key known to be absent, taking both references.
void insert_new(DictObject* dict, Ref key, Ref value, int64_t hash) {
  if (dict->m_indices.empty()) {
    resize(dict, kMinSize);
  } else if (dict->m_entries.size() >= usable_fraction(dict->m_indices.size())) {
    resize(dict, table_size_for(dict->m_used * 3));
  }
  dict->m_indices[free_slot(dict, hash)] = int32_t(dict->m_entries.size());
  dict->m_entries.push_back({key.release(), value.release(), hash});
  ++dict->m_used;
  dict->m_version = next_version();
}

// dict[key] = value with the key's hash known.
bool insert(DictObject* dict, Value key, Value value, int64_t hash) {
  // Held across the lookup: __eq__ may drop the caller's references.
  Ref held_key = ref(key);
  Ref held_value = ref(value);
  int64_t index = find_entry(dict, key, hash);
  if (index == kError) return false;
  if (index >= 0) {
    DictEntry& entry = dict->m_entries[size_t(index)];
    Ref old = Ref::steal(entry.value);
    entry.value = held_value.release();
    dict->m_version = next_version();
    return true;  // `old` is dropped with the dict consistent
  }
  insert_new(dict, std::move(held_key), std::move(held_value), hash);
  return true;
}

// Removes entry `index` (holding a key of `hash`).
void remove_entry(DictObject* dict, int64_t index, int64_t hash) {
  dict->m_indices[slot_of_entry(dict, hash, index)] = kDummy;
  DictEntry& entry = dict->m_entries[size_t(index)];
  Ref old_key = Ref::steal(entry.key);
  Ref old_value = Ref::steal(entry.value);
  entry.key = Value();
  entry.value = Value();
  --dict->m_used;
  dict->m_version = next_version();
}

Raised raise_key_error(Value key) { return raise_with(&key_error_type, key); }

Ref allocate_dict(Type* type) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* dict = static_cast<DictObject*>(object);
  new (&dict->m_entries) std::vector<DictEntry>();
  new (&dict->m_indices) std::vector<int32_t>();
  dict->m_used = 0;
  dict->m_version = next_version();
  return Ref::steal(object);
}

}  // namespace

// ---- the C++ interface

Ref make_dict() { return allocate_dict(&dict_type); }

Value dict_lookup(Value dict, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return Value();
  DictObject* d = as_dict(dict);
  int64_t index = find_entry(d, key, *hash);
  if (index < 0) return Value();
  return d->m_entries[size_t(index)].value;
}

Value dict_lookup_str(Value dict, Value key) {
  // No call out: only str keys can match, compared by pointer then text.
  int64_t index = dict_index_str(dict, key);
  return index < 0 ? Value() : as_dict(dict)->m_entries[size_t(index)].value;
}

int64_t dict_index_str(Value dict, Value key) {
  DictObject* d = as_dict(dict);
  if (d->m_indices.empty()) return -1;
  int64_t hash = str_hash(key);
  size_t mask = d->m_indices.size() - 1;
  size_t slot = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  while (true) {
    int32_t index = d->m_indices[slot];
    if (index == kEmpty) return -1;
    if (index >= 0) {
      const DictEntry& entry = d->m_entries[size_t(index)];
      if (entry.key.is(key)) return index;
      if (entry.hash == hash && is_str(entry.key) && str_equal(entry.key, key)) return index;
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

bool dict_replace_at(Value dict, uint32_t index, Value key, Value value) {
  DictObject* d = as_dict(dict);
  if (index >= d->m_entries.size() || !d->m_entries[index].key.is(key)) return false;
  DictEntry& entry = d->m_entries[index];
  Value old = entry.value;
  entry.value = ref(value).release();
  d->m_version = next_version();
  decref(old);  // last: a __del__ sees the dict already holding the new value
  return true;
}

Value dict_lookup_str(Value dict, std::string_view key) {
  if (as_dict(dict)->m_used == 0) return Value();
  Ref key_str = make_str(key);
  if (!key_str) {
    clear_exception();
    return Value();
  }
  return dict_lookup_str(dict, key_str);
}

bool dict_setitem(Value dict, Value key, Value value) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return false;
  return insert(as_dict(dict), key, value, *hash);
}

bool dict_setitem_str(Value dict, std::string_view key, Value value) {
  Ref key_str = intern(key);
  if (!key_str) return false;
  return insert(as_dict(dict), key_str, value, str_hash(key_str));
}

int dict_delitem(Value dict, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return -1;
  DictObject* d = as_dict(dict);
  int64_t index = find_entry(d, key, *hash);
  if (index == kError) return -1;
  if (index == kNotFound) return 0;
  remove_entry(d, index, *hash);
  return 1;
}

bool dict_next(Value dict, size_t& position, Value& key, Value& value) {
  const std::vector<DictEntry>& entries = as_dict(dict)->m_entries;
  while (position < entries.size()) {
    const DictEntry& entry = entries[position++];
    if (entry.key) {
      key = entry.key;
      value = entry.value;
      return true;
    }
  }
  return false;
}

void dict_clear(Value dict) {
  DictObject* d = as_dict(dict);
  if (d->m_entries.empty() && d->m_indices.empty()) return;
  std::vector<DictEntry> entries;
  entries.swap(d->m_entries);
  std::vector<int32_t>().swap(d->m_indices);
  d->m_used = 0;
  d->m_version = next_version();
  // The dict is empty before any key or value is dropped.
  for (DictEntry& entry : entries) {
    decref(entry.key);
    decref(entry.value);
  }
}

namespace {

// Whether iterating `v` as a dict may read its entries directly: a dict
// whose class does not override __iter__ (CPython's PyDict_Merge test).
bool iterates_as_dict(Value v) { return is_dict(v) && v.type()->m_iter == dict_type.m_iter; }

// CPython's dict_merge: `override` 0 keeps existing keys (setdefault), 1
// replaces them (update), 2 raises KeyError(key) for them.
bool merge(Value target, Value other, int override) {
  DictObject* dict = as_dict(target);
  if (iterates_as_dict(other)) {
    if (target.is(other)) return true;
    DictObject* source = as_dict(other);
    if (source->m_used == 0) return true;
    if (dict->m_used == 0 && usable_fraction(dict->m_indices.size()) < source->m_used) {
      resize(dict, table_size_for_count(dict->m_used + source->m_used));
    }
    size_t original_size = source->m_used;
    for (size_t i = 0; i < source->m_entries.size(); ++i) {
      DictEntry entry = source->m_entries[i];
      if (!entry.key) continue;
      Ref key = ref(entry.key);
      Ref value = ref(entry.value);
      if (override == 1) {
        if (!insert(dict, key, value, entry.hash)) return false;
      } else {
        int64_t index = find_entry(dict, key, entry.hash);
        if (index == kError) return false;
        if (index >= 0) {
          if (override == 2) return raise_key_error(key);
        } else {
          insert_new(dict, std::move(key), std::move(value), entry.hash);
        }
      }
      if (source->m_used != original_size) {
        return raise(&runtime_error_type, "dict mutated during update");
      }
    }
    return true;
  }
  // A mapping: its keys(), then each value by subscription.
  Ref keys = call_method(other, "keys", {});
  if (!keys) return false;
  Ref iterator = iter(keys);
  if (!iterator) return false;
  while (true) {
    Ref key = iterator_next(iterator);
    if (!key) return !error_pending();
    if (override != 1) {
      std::optional<int64_t> hash = key_hash(key);
      if (!hash) return false;
      int64_t index = find_entry(dict, key, *hash);
      if (index == kError) return false;
      if (index >= 0) {
        if (override == 0) continue;
        return raise_key_error(key);
      }
    }
    Ref value = getitem(other, key);
    if (!value) return false;
    if (!dict_setitem(target, key, value)) return false;
  }
}

// CPython's PyDict_MergeFromSeq2: an iterable of key/value pairs.
bool merge_from_pairs(Value target, Value pairs) {
  Ref iterator = iter(pairs);
  if (!iterator) return false;
  for (size_t i = 0;; ++i) {
    Ref item = iterator_next(iterator);
    if (!item) return !error_pending();
    std::vector<Ref> pair;
    if (!sequence_fast(item, "", pair)) {
      if (exception_matches(&type_error_type)) {
        clear_exception();
        raise_format(&type_error_type,
                     "cannot convert dictionary update sequence element #%zu to a sequence", i);
      }
      return false;
    }
    if (pair.size() != 2) {
      return raise_format(&value_error_type,
                          "dictionary update sequence element #%zu has length %zu; 2 is required",
                          i, pair.size());
    }
    if (!dict_setitem(target, pair[0], pair[1])) return false;
  }
}

// CPython's dict_update_arg: a dict, anything with keys(), or pairs.
bool update_from(Value target, Value other) {
  if (other.is_object() && other.type() == &dict_type) return merge(target, other, 1);
  bool found = false;
  Ref keys_method = lookup_attr(other, intern_static("keys"), found);
  if (!keys_method && error_pending()) return false;
  if (found) return merge(target, other, 1);
  return merge_from_pairs(target, other);
}

// dict(...)/dict.update(...): one optional positional argument, then keywords.
bool update_common(Value self, Args args, const char* name) {
  if (args.count > 1) {
    return raise_format(&type_error_type, "%s expected at most 1 argument, got %zu", name,
                        args.count);
  }
  if (args.count == 1 && !update_from(self, args[0])) return false;
  size_t keywords = args.keyword_count();
  for (size_t k = 0; k < keywords; ++k) {
    if (!dict_setitem(self, tuple_item(Value(args.kwnames), k), args.items[args.count + k])) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool dict_update(Value dict, Value other) { return update_from(dict, other); }

bool dict_merge(Value dict, Value other, bool check_duplicates) {
  return merge(dict, other, check_duplicates ? 2 : 1);
}

Ref dict_copy(Value dict) {
  Ref copy = TRY(make_dict());
  DictObject* source = as_dict(dict);
  if (source->m_used == 0) return copy;
  DictObject* target = as_dict(copy);
  resize(target, table_size_for_count(source->m_used));
  for (const DictEntry& entry : source->m_entries) {
    if (!entry.key) continue;
    target->m_indices[free_slot(target, entry.hash)] = int32_t(target->m_entries.size());
    target->m_entries.push_back({entry.key, entry.value, entry.hash});
    incref(entry.key);
    incref(entry.value);
  }
  target->m_used = source->m_used;
  return copy;
}

Ref dict_keys_list(Value dict) {
  Ref list = TRY(make_list(dict_size(dict)));
  size_t position = 0;
  Value key, value;
  while (dict_next(dict, position, key, value)) list_append(list, ref(key));
  return list;
}

namespace {

// ---- construction and destruction

Ref dict_new(Type* type, const Value*, size_t, TupleObject*) { return allocate_dict(type); }

bool dict_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  return update_common(self, Args{args, nargs, kwnames}, "dict");
}

void dict_destroy(Object* object) {
  auto* dict = static_cast<DictObject*>(object);
  TrashcanScope trashcan;
  std::vector<DictEntry> entries;
  entries.swap(dict->m_entries);
  for (DictEntry& entry : entries) {
    if (trashcan.too_deep()) {
      trashcan.park(Ref::steal(entry.key));
      trashcan.park(Ref::steal(entry.value));
    } else {
      decref(entry.key);
      decref(entry.value);
    }
  }
  dict->~DictObject();
}

void dict_traverse(Object* object, VisitFn visit, void* context) {
  visit_dict(static_cast<DictObject*>(object), [&](Value v) { visit(v, context); });
}

void dict_clear_slot(Object* object) { dict_clear(Value(object)); }

// ---- the object protocol

Ref dict_repr(Value self) {
  if (dict_size(self) == 0) return make_str("{}");
  if (!repr_enter(self)) return make_str("{...}");
  std::string text = "{";
  size_t position = 0;
  Value key_value, value_value;
  bool first = true;
  while (dict_next(self, position, key_value, value_value)) {
    Ref key = ref(key_value);
    Ref value = ref(value_value);
    if (!first) text += ", ";
    first = false;
    Ref key_repr = repr(key);
    if (!key_repr) {
      repr_leave(self);
      return {};
    }
    text += str_view(key_repr);
    text += ": ";
    Ref value_repr = repr(value);
    if (!value_repr) {
      repr_leave(self);
      return {};
    }
    text += str_view(value_repr);
  }
  repr_leave(self);
  text += '}';
  return make_str(text);
}

// 1 if equal, 0 if not, -1 on error (CPython's dict_equal).
int dict_equal(Value a, Value b) {
  DictObject* left = as_dict(a);
  DictObject* right = as_dict(b);
  if (left->m_used != right->m_used) return 0;
  for (size_t i = 0; i < left->m_entries.size(); ++i) {
    DictEntry entry = left->m_entries[i];
    if (!entry.key) continue;
    Ref key = ref(entry.key);
    Ref a_value = ref(entry.value);
    int64_t index = find_entry(right, key, entry.hash);
    if (index == kError) return -1;
    if (index == kNotFound) return 0;
    Ref b_value = ref(right->m_entries[size_t(index)].value);
    int same = equal(a_value, b_value);
    if (same <= 0) return same;
  }
  return 1;
}

Ref dict_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) {
    return ref(not_implemented());
  }
  int same = dict_equal(a, b);
  if (same < 0) return {};
  return new_bool((same != 0) == (op == CompareOp::Eq));
}

std::optional<int64_t> dict_length(Value self) { return int64_t(dict_size(self)); }

int dict_contains(Value self, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return -1;
  int64_t index = find_entry(as_dict(self), key, *hash);
  if (index == kError) return -1;
  return index >= 0;
}

Ref dict_subscript(Value self, Value key) {
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return {};
  DictObject* dict = as_dict(self);
  int64_t index = find_entry(dict, key, *hash);
  if (index == kError) return {};
  if (index >= 0) return ref(dict->m_entries[size_t(index)].value);
  if (self.type() != &dict_type) {
    // A subclass may supply missing values.
    bool found = false;
    Ref result = call_special(self, "__missing__", {key}, found);
    if (found || error_pending()) return result;
  }
  return raise_key_error(key);
}

bool dict_ass_subscript(Value self, Value key, Value value) {
  if (value) return dict_setitem(self, key, value);
  int removed = dict_delitem(self, key);
  if (removed < 0) return false;
  if (removed == 0) return raise_key_error(key);
  return true;
}

Ref dict_iter(Value self);

Ref dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return ref(not_implemented());
  Ref result = TRY(dict_copy(a));
  if (!update_from(result, b)) return {};
  return result;
}

Ref dict_inplace_or(Value a, Value b) {
  if (!is_dict(a)) return ref(not_implemented());
  if (!update_from(a, b)) return {};
  return ref(a);
}

// ---- methods

Ref dict_get_method(Value self, Args args) {
  if (!check_positional("get", args, 1, 2)) return {};
  std::optional<int64_t> hash = key_hash(args[0]);
  if (!hash) return {};
  DictObject* dict = as_dict(self);
  int64_t index = find_entry(dict, args[0], *hash);
  if (index == kError) return {};
  if (index >= 0) return ref(dict->m_entries[size_t(index)].value);
  return ref(args.count > 1 ? args[1] : none());
}

Ref dict_setdefault_method(Value self, Args args) {
  if (!check_positional("setdefault", args, 1, 2)) return {};
  Value key = args[0];
  Value default_value = args.count > 1 ? args[1] : none();
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return {};
  DictObject* dict = as_dict(self);
  int64_t index = find_entry(dict, key, *hash);
  if (index == kError) return {};
  if (index >= 0) return ref(dict->m_entries[size_t(index)].value);
  insert_new(dict, ref(key), ref(default_value), *hash);
  return ref(default_value);
}

Ref dict_pop_method(Value self, Args args) {
  if (!check_positional("pop", args, 1, 2)) return {};
  Value key = args[0];
  DictObject* dict = as_dict(self);
  // As CPython: an empty dict answers before the key is even hashed.
  if (dict->m_used == 0) {
    if (args.count > 1) return ref(args[1]);
    return raise_key_error(key);
  }
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return {};
  int64_t index = find_entry(dict, key, *hash);
  if (index == kError) return {};
  if (index == kNotFound) {
    if (args.count > 1) return ref(args[1]);
    return raise_key_error(key);
  }
  Ref value = ref(dict->m_entries[size_t(index)].value);
  remove_entry(dict, index, *hash);
  return value;
}

Ref dict_popitem_method(Value self, Args) {
  DictObject* dict = as_dict(self);
  if (dict->m_used == 0) {
    Ref message = TRY(make_str("popitem(): dictionary is empty"));
    return raise_key_error(message);
  }
  // The last entry, LIFO; the entry array shrinks to it, as CPython's.
  int64_t index = int64_t(dict->m_entries.size()) - 1;
  while (!dict->m_entries[size_t(index)].key) --index;
  DictEntry entry = dict->m_entries[size_t(index)];
  dict->m_indices[slot_of_entry(dict, entry.hash, index)] = kDummy;
  dict->m_entries.resize(size_t(index));
  --dict->m_used;
  dict->m_version = next_version();
  Ref key = Ref::steal(entry.key);
  Ref value = Ref::steal(entry.value);
  return make_tuple({key.get(), value.get()});
}

Ref make_view(Type* type, Value dict);

Ref dict_keys_method(Value self, Args) { return make_view(&dict_keys_type, self); }
Ref dict_values_method(Value self, Args) { return make_view(&dict_values_type, self); }
Ref dict_items_method(Value self, Args) { return make_view(&dict_items_type, self); }

Ref dict_update_method(Value self, Args args) {
  if (!update_common(self, args, "update")) return {};
  return new_none();
}

Ref dict_fromkeys_method(Value cls, Args args) {
  if (!check_positional("fromkeys", args, 1, 2)) return {};
  Value value = args.count > 1 ? args[1] : none();
  Ref result = TRY(call(cls, nullptr, 0));
  bool exact = result.get().is_object() && result.type() == &dict_type;
  bool ok = for_each(args[0], [&](Value key) {
    return exact ? dict_setitem(result, key, value) : setitem(result, key, value);
  });
  if (!ok) return {};
  return result;
}

Ref dict_clear_method(Value self, Args) {
  dict_clear(self);
  return new_none();
}

Ref dict_copy_method(Value self, Args) { return dict_copy(self); }

Ref dict_contains_method(Value self, Args args) {
  int found = dict_contains(self, args[0]);
  if (found < 0) return {};
  return new_bool(found != 0);
}

Ref dict_getitem_method(Value self, Args args) { return dict_subscript(self, args[0]); }

Ref make_dict_iterator(Type* type, Value dict);

Ref dict_reversed_method(Value self, Args) {
  return make_dict_iterator(&dict_reversekeyiterator_type, self);
}

// The size CPython 3.11 reports for a dict of this many items filled one
// by one (sys.getsizeof): its 48-byte object, and a keys table of the
// smallest power-of-two size from 8 whose two thirds hold them — 32 bytes
// of header, an index per slot (1, 2, 4 or 8 bytes by table size) and an
// entry per usable slot (16 bytes when all keys are str, else 24).
Ref dict_sizeof_method(Value self, Args) {
  DictObject* dict = as_dict(self);
  size_t used = dict->m_used;
  if (used == 0) return Ref::small_int(48);
  size_t size = 8;
  while ((size << 1) / 3 < used) size <<= 1;
  size_t usable = (size << 1) / 3;
  size_t index_bytes = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffffu ? 4 : 8;
  bool str_keys = true;
  for (const DictEntry& entry : dict->m_entries) {
    if (entry.key && !is_exact_str(entry.key)) {
      str_keys = false;
      break;
    }
  }
  return Ref::small_int(int64_t(48 + 32 + size * index_bytes + usable * (str_keys ? 16 : 24)));
}

const MethodDef dict_methods[] = {
    {"__contains__", dict_contains_method, ArgKind::OneArg,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_getitem_method, ArgKind::OneArg, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", dict_sizeof_method, ArgKind::NoArgs, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", dict_get_method, ArgKind::VarArgs,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_method, ArgKind::VarArgs,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", dict_pop_method, ArgKind::VarArgs,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", dict_popitem_method, ArgKind::NoArgs,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", dict_keys_method, ArgKind::NoArgs, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dict_items_method, ArgKind::NoArgs, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dict_values_method, ArgKind::NoArgs, "D.values() -> an object providing a view on D's values"},
    {"update", dict_update_method, ArgKind::Keywords,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", dict_fromkeys_method, ArgKind::VarArgs,
     "Create a new dictionary with keys from iterable and values set to value.", kMethodClass},
    {"clear", dict_clear_method, ArgKind::NoArgs, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_method, ArgKind::NoArgs, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed_method, ArgKind::NoArgs,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc,
     kMethodClass},
    {},
};

// ---- iterators

enum class IterKind { Keys, Values, Items };

struct DictIteratorObject : Object {
  Ref m_dict;           // null once exhausted
  int64_t m_used;       // the dict's size when iteration began; -1 once it changed
  int64_t m_position;   // the next entry to look at
  int64_t m_remaining;  // items still expected
};

IterKind kind_of_iterator(Type* type) {
  if (type == &dict_keyiterator_type || type == &dict_reversekeyiterator_type) return IterKind::Keys;
  if (type == &dict_valueiterator_type || type == &dict_reversevalueiterator_type) {
    return IterKind::Values;
  }
  return IterKind::Items;
}

bool is_reverse_iterator(Type* type) {
  return type == &dict_reversekeyiterator_type || type == &dict_reversevalueiterator_type ||
         type == &dict_reverseitemiterator_type;
}

Ref make_dict_iterator(Type* type, Value dict) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<DictIteratorObject*>(object);
  new (&iterator->m_dict) Ref(ref(dict));
  DictObject* d = as_dict(dict);
  iterator->m_used = int64_t(d->m_used);
  iterator->m_remaining = int64_t(d->m_used);
  iterator->m_position = is_reverse_iterator(type) ? int64_t(d->m_entries.size()) - 1 : 0;
  return Ref::steal(object);
}

Ref dict_iter(Value self) { return make_dict_iterator(&dict_keyiterator_type, self); }

Ref iterator_result(IterKind kind, const DictEntry& entry) {
  switch (kind) {
    case IterKind::Keys: return ref(entry.key);
    case IterKind::Values: return ref(entry.value);
    case IterKind::Items: return make_tuple({entry.key, entry.value});
  }
  return {};
}

Ref dict_iterator_next(Value self) {
  auto* iterator = self.as<DictIteratorObject>();
  if (!iterator->m_dict) return {};
  DictObject* dict = as_dict(iterator->m_dict);
  if (iterator->m_used != int64_t(dict->m_used)) {
    iterator->m_used = -1;  // sticky
    return raise(&runtime_error_type, "dictionary changed size during iteration");
  }
  int64_t i = iterator->m_position;
  int64_t count = int64_t(dict->m_entries.size());
  while (i < count && !dict->m_entries[size_t(i)].key) ++i;
  if (i >= count) {
    iterator->m_dict.reset();
    return {};
  }
  if (iterator->m_remaining == 0) {
    // Same size, yet more entries than there were: keys replaced.
    iterator->m_dict.reset();
    return raise(&runtime_error_type, "dictionary keys changed during iteration");
  }
  iterator->m_position = i + 1;
  --iterator->m_remaining;
  return iterator_result(kind_of_iterator(self.type()), dict->m_entries[size_t(i)]);
}

Ref dict_reverse_iterator_next(Value self) {
  auto* iterator = self.as<DictIteratorObject>();
  if (!iterator->m_dict) return {};
  DictObject* dict = as_dict(iterator->m_dict);
  if (iterator->m_used != int64_t(dict->m_used)) {
    iterator->m_used = -1;
    return raise(&runtime_error_type, "dictionary changed size during iteration");
  }
  int64_t i = std::min(iterator->m_position, int64_t(dict->m_entries.size()) - 1);
  while (i >= 0 && !dict->m_entries[size_t(i)].key) --i;
  if (i < 0) {
    iterator->m_dict.reset();
    return {};
  }
  iterator->m_position = i - 1;
  --iterator->m_remaining;
  return iterator_result(kind_of_iterator(self.type()), dict->m_entries[size_t(i)]);
}

Ref dict_iterator_length_hint(Value self, Args) {
  auto* iterator = self.as<DictIteratorObject>();
  if (iterator->m_dict && iterator->m_used == int64_t(dict_size(iterator->m_dict))) {
    return Ref::small_int(std::max<int64_t>(0, iterator->m_remaining));
  }
  return Ref::small_int(0);
}

Ref iterator_self(Value self) { return ref(self); }

void dict_iterator_destroy(Object* object) {
  static_cast<DictIteratorObject*>(object)->~DictIteratorObject();
}

void dict_iterator_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<DictIteratorObject*>(object)->m_dict, context);
}

void dict_iterator_clear(Object* object) { static_cast<DictIteratorObject*>(object)->m_dict.reset(); }

const MethodDef dict_iterator_methods[] = {
    {"__length_hint__", dict_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {},
};

// ---- views

struct DictViewObject : Object {
  Ref m_dict;
};

Value view_dict(Value view) { return view.as<DictViewObject>()->m_dict.get(); }

bool is_set_like_view(Value v) {
  return v.is_object() && (isinstance(v, &dict_keys_type) || isinstance(v, &dict_items_type));
}

Ref make_view(Type* type, Value dict) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<DictViewObject*>(object)->m_dict) Ref(ref(dict));
  return Ref::steal(object);
}

std::optional<int64_t> view_length(Value self) { return int64_t(dict_size(view_dict(self))); }

Ref keys_iter(Value self) { return make_dict_iterator(&dict_keyiterator_type, view_dict(self)); }
Ref values_iter(Value self) { return make_dict_iterator(&dict_valueiterator_type, view_dict(self)); }
Ref items_iter(Value self) { return make_dict_iterator(&dict_itemiterator_type, view_dict(self)); }

Ref keys_reversed(Value self, Args) {
  return make_dict_iterator(&dict_reversekeyiterator_type, view_dict(self));
}
Ref values_reversed(Value self, Args) {
  return make_dict_iterator(&dict_reversevalueiterator_type, view_dict(self));
}
Ref items_reversed(Value self, Args) {
  return make_dict_iterator(&dict_reverseitemiterator_type, view_dict(self));
}

int keys_contains(Value self, Value key) { return dict_contains(view_dict(self), key); }

int items_contains(Value self, Value item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  Value key = tuple_item(item, 0);
  std::optional<int64_t> hash = key_hash(key);
  if (!hash) return -1;
  DictObject* dict = as_dict(view_dict(self));
  int64_t index = find_entry(dict, key, *hash);
  if (index == kError) return -1;
  if (index == kNotFound) return 0;
  Ref found = ref(dict->m_entries[size_t(index)].value);
  return equal(found, tuple_item(item, 1));
}

int values_contains(Value self, Value value) {
  int result = 0;
  bool ok = for_each(self, [&](Value item) {
    result = equal(item, value);
    return result == 0;
  });
  // for_each also stops (false) when the item is found.
  if (!ok && error_pending()) return -1;
  return result;
}

Ref view_repr(Value self) {
  if (!repr_enter(self)) return make_str("...");
  Ref items = list_from_iterable(self);
  Ref items_repr = items ? repr(items) : Ref();
  repr_leave(self);
  if (!items_repr) return {};
  std::string text(type_name(self.type()));
  text += '(';
  text += str_view(items_repr);
  text += ')';
  return make_str(text);
}

// Every item of `a` is in `b` (CPython's all_contained_in).
int all_contained_in(Value a, Value b) {
  int result = 1;
  bool ok = for_each(a, [&](Value item) {
    result = contains(b, item);
    return result == 1;
  });
  if (!ok && error_pending()) return -1;
  return result;
}

Ref view_richcompare(Value self, Value other, CompareOp op) {
  if (!is_anyset(other) && !is_set_like_view(other)) return ref(not_implemented());
  std::optional<int64_t> self_length = length(self);
  if (!self_length) return {};
  std::optional<int64_t> other_length = length(other);
  if (!other_length) return {};
  int ok = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (*self_length == *other_length) ok = all_contained_in(self, other);
      if (op == CompareOp::Ne && ok >= 0) ok = !ok;
      break;
    case CompareOp::Lt:
      if (*self_length < *other_length) ok = all_contained_in(self, other);
      break;
    case CompareOp::Le:
      if (*self_length <= *other_length) ok = all_contained_in(self, other);
      break;
    case CompareOp::Gt:
      if (*self_length > *other_length) ok = all_contained_in(other, self);
      break;
    case CompareOp::Ge:
      if (*self_length >= *other_length) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return {};
  return new_bool(ok != 0);
}

// The set operators: set(self) combined with the other operand, which may
// be any iterable and may come first (`{1} | d.keys()`).
Ref view_or(Value a, Value b) {
  Ref result = TRY(make_set(a));
  if (!set_update(result, b)) return {};
  return result;
}

Ref view_sub(Value a, Value b) {
  Ref result = TRY(make_set(a));
  if (!set_difference_update(result, b)) return {};
  return result;
}

Ref view_xor(Value a, Value b) {
  Ref result = TRY(make_set(a));
  if (!set_symmetric_difference_update(result, b)) return {};
  return result;
}

// CPython's _PyDictView_Intersect.
Ref view_and(Value a, Value b) {
  Value self = a, other = b;
  if (!is_set_like_view(self)) std::swap(self, other);
  int64_t self_length = int64_t(dict_size(view_dict(self)));
  if (other.is_object() && other.type() == &set_type && self_length <= set_size(other)) {
    return set_intersection(other, self);
  }
  if (is_set_like_view(other) && int64_t(dict_size(view_dict(other))) > self_length) {
    std::swap(self, other);
  }
  Ref result = TRY(make_set());
  auto view_contains = isinstance(self, &dict_keys_type) ? keys_contains : items_contains;
  bool ok = for_each(other, [&](Value item) {
    int found = view_contains(self, item);
    if (found < 0) return false;
    return found == 0 || set_add(result, item);
  });
  if (!ok) return {};
  return result;
}

Ref view_isdisjoint(Value self, Args args) {
  Value other = args[0];
  if (self.is(other)) return new_bool(dict_size(view_dict(self)) == 0);
  Value iterated = other, tested = self;
  // Iterate over the shorter of two sized set-likes, as CPython does.
  if (is_anyset(other) || is_set_like_view(other)) {
    std::optional<int64_t> other_length = length(other);
    if (!other_length) return {};
    if (*other_length > int64_t(dict_size(view_dict(self)))) std::swap(iterated, tested);
  }
  int disjoint = 1;
  bool ok = for_each(iterated, [&](Value item) {
    int found = contains(tested, item);
    if (found < 0) {
      disjoint = -1;
      return false;
    }
    if (found) disjoint = 0;
    return found == 0;
  });
  if (!ok && error_pending()) return {};
  return new_bool(disjoint == 1);
}

void view_destroy(Object* object) { static_cast<DictViewObject*>(object)->~DictViewObject(); }

void view_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<DictViewObject*>(object)->m_dict, context);
}

void view_clear(Object* object) {
  // A view's dict is never null; a cleared view keeps an empty one.
  Ref empty = make_dict();
  if (empty) static_cast<DictViewObject*>(object)->m_dict = std::move(empty);
}

// view.mapping: a read-only proxy of the dict behind the view.
Ref view_get_mapping(Value self) { return make_mappingproxy(view_dict(self)); }

const GetSetDef view_getset[] = {
    {"mapping", view_get_mapping, nullptr,
     "dictionary that this view refers to"},
    {},
};

const MethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint, ArgKind::OneArg,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", keys_reversed, ArgKind::NoArgs,
     "Return a reverse iterator over the dict keys."},
    {},
};
const MethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint, ArgKind::OneArg,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", items_reversed, ArgKind::NoArgs,
     "Return a reverse iterator over the dict items."},
    {},
};
const MethodDef values_methods[] = {
    {"__reversed__", values_reversed, ArgKind::NoArgs,
     "Return a reverse iterator over the dict values."},
    {},
};

struct DictTypeSetup {
  DictTypeSetup() {
    Type& t = dict_type;
    t.m_tp_name = "dict";
    t.m_doc =
        "dict() -> new empty dictionary\n"
        "dict(mapping) -> new dictionary initialized from a mapping object's\n"
        "    (key, value) pairs\n"
        "dict(iterable) -> new dictionary initialized as if via:\n"
        "    d = {}\n"
        "    for k, v in iterable:\n"
        "        d[k] = v\n"
        "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
        "    in the keyword argument list.  For example:  dict(one=1, two=2)";
    t.m_size = sizeof(DictObject);
    t.m_flags = kTypeBaseType | kTypeHasGC | kTypeDictSubclass | kTypeMapping;
    t.m_destroy = dict_destroy;
    t.m_traverse = dict_traverse;
    t.m_clear = dict_clear_slot;
    t.m_new = dict_new;
    t.m_init = dict_init;
    t.m_repr = dict_repr;
    t.m_richcompare = dict_richcompare;
    t.m_iter = dict_iter;
    t.m_length = dict_length;
    t.m_contains = dict_contains;
    t.m_getitem = dict_subscript;
    t.m_setitem = dict_ass_subscript;
    t.m_binary[int(BinaryOp::Or)] = dict_or;
    t.m_binary[int(BinaryOp::InplaceOr)] = dict_inplace_or;
    t.m_methods = dict_methods;

    Type* iterators[] = {&dict_keyiterator_type,        &dict_valueiterator_type,
                         &dict_itemiterator_type,       &dict_reversekeyiterator_type,
                         &dict_reversevalueiterator_type, &dict_reverseitemiterator_type};
    const char* iterator_names[] = {"dict_keyiterator",        "dict_valueiterator",
                                    "dict_itemiterator",       "dict_reversekeyiterator",
                                    "dict_reversevalueiterator", "dict_reverseitemiterator"};
    for (int i = 0; i < 6; ++i) {
      Type* it = iterators[i];
      it->m_tp_name = iterator_names[i];
      it->m_size = sizeof(DictIteratorObject);
      it->m_flags = kTypeHasGC;
      it->m_destroy = dict_iterator_destroy;
      it->m_traverse = dict_iterator_traverse;
      it->m_clear = dict_iterator_clear;
      it->m_iter = iterator_self;
      it->m_iternext = i < 3 ? dict_iterator_next : dict_reverse_iterator_next;
      it->m_methods = dict_iterator_methods;
    }

    Type* views[] = {&dict_keys_type, &dict_values_type, &dict_items_type};
    const char* view_names[] = {"dict_keys", "dict_values", "dict_items"};
    for (int i = 0; i < 3; ++i) {
      Type* v = views[i];
      v->m_tp_name = view_names[i];
      v->m_size = sizeof(DictViewObject);
      v->m_flags = kTypeHasGC;
      v->m_destroy = view_destroy;
      v->m_traverse = view_traverse;
      v->m_clear = view_clear;
      v->m_repr = view_repr;
      v->m_length = view_length;
      v->m_getset = view_getset;
    }
    dict_keys_type.m_iter = keys_iter;
    dict_values_type.m_iter = values_iter;
    dict_items_type.m_iter = items_iter;
    dict_keys_type.m_contains = keys_contains;
    dict_values_type.m_contains = values_contains;
    dict_items_type.m_contains = items_contains;
    dict_keys_type.m_methods = keys_methods;
    dict_values_type.m_methods = values_methods;
    dict_items_type.m_methods = items_methods;
    for (Type* v : {&dict_keys_type, &dict_items_type}) {
      v->m_richcompare = view_richcompare;
      v->m_binary[int(BinaryOp::Or)] = view_or;
      v->m_binary[int(BinaryOp::And)] = view_and;
      v->m_binary[int(BinaryOp::Subtract)] = view_sub;
      v->m_binary[int(BinaryOp::Xor)] = view_xor;
    }
  }
} dict_type_setup;

}  // namespace

COIL_REGISTER_TYPE(dict_type);
COIL_REGISTER_TYPE(dict_keys_type);
COIL_REGISTER_TYPE(dict_values_type);
COIL_REGISTER_TYPE(dict_items_type);
COIL_REGISTER_TYPE(dict_keyiterator_type);
COIL_REGISTER_TYPE(dict_valueiterator_type);
COIL_REGISTER_TYPE(dict_itemiterator_type);
COIL_REGISTER_TYPE(dict_reversekeyiterator_type);
COIL_REGISTER_TYPE(dict_reversevalueiterator_type);
COIL_REGISTER_TYPE(dict_reverseitemiterator_type);

}  // namespace coil
