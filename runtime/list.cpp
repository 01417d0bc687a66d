// list (runtime/list.h): a growable array of owned references, as CPython's
// Objects/listobject.c; its iterators; and list.sort.
//
// Comparing or hashing an item runs arbitrary Python code, which may mutate
// the list being worked on. Every loop here therefore re-reads the size
// after each call out, holds its own reference to the item it is comparing,
// and clips indices before using them — the same defences CPython's list
// has, so the same programs behave the same way and none can crash us.
#include "runtime/list.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc_visit.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/repr_guard.h"
#include "runtime/sequence.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace coil {

Type list_type;
Type list_iterator_type;
Type list_reverseiterator_type;

namespace {

std::vector<Ref>& items_of(Value list) { return as_list(list)->m_items; }
int64_t size_of(Value list) { return int64_t(as_list(list)->m_items.size()); }

Ref allocate_list(Type* type) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<ListObject*>(object)->m_items) std::vector<Ref>();
  return Ref::steal(object);
}

// Lists being sorted, with whether they were emptied during the sort: see
// list_sort. A list that gains items is seen by its capacity; one that is
// cleared after gaining them is recorded here.
struct SortInProgress {
  const ListObject* list;
  bool mutated;
};
std::vector<SortInProgress> g_sorting;

void note_cleared(const ListObject* list) {
  for (SortInProgress& sort : g_sorting) {
    if (sort.list == list) sort.mutated = true;
  }
}

// Replaces items [low, high) with `replacement`, as CPython's list_ass_slice
// after its argument checks. The old items are dropped only once the list
// is consistent again, since dropping them may run Python code.
void replace_range(Value list, int64_t low, int64_t high, std::vector<Ref>&& replacement) {
  std::vector<Ref>& items = items_of(list);
  int64_t size = int64_t(items.size());
  low = std::clamp<int64_t>(low, 0, size);
  high = std::clamp<int64_t>(high, low, size);
  std::vector<Ref> removed(std::make_move_iterator(items.begin() + low),
                           std::make_move_iterator(items.begin() + high));
  size_t old_count = size_t(high - low);
  size_t new_count = replacement.size();
  if (new_count > old_count) {
    items.insert(items.begin() + high, new_count - old_count, Ref());
  } else if (new_count < old_count) {
    items.erase(items.begin() + low + int64_t(new_count), items.begin() + high);
  }
  for (size_t i = 0; i < new_count; ++i) items[size_t(low) + i] = std::move(replacement[i]);
  // With the list already in its new state, the removed items are released
  // last first, as CPython's list_ass_slice does (a __del__ sees the order).
  while (!removed.empty()) removed.pop_back();
}

}  // namespace

// ---- public helpers

// Reserves room for `count` items, or raises MemoryError when the
// allocation fails (as CPython's list_repeat does for `[0] * 2**40`)
// rather than letting std::bad_alloc end the process.
bool reserve_items(std::vector<Ref>& items, size_t count) {
  // A terabyte of items is refused before asking: no machine backs it, and
  // the sanitizers' allocator ends the process on such a request instead
  // of failing it.
  if (count > (size_t(1) << 40) / sizeof(Ref)) {
    raise_no_memory();
    return false;
  }
  try {
    items.reserve(count);
  } catch (const std::bad_alloc&) {
    raise_no_memory();
    return false;
  } catch (const std::length_error&) {
    raise_no_memory();
    return false;
  }
  return true;
}

Ref make_list(size_t reserve) {
  Ref list = allocate_list(&list_type);
  if (list && reserve > 0 && !reserve_items(items_of(list), reserve)) return {};
  return list;
}

Ref make_list(const Value* items, size_t size) {
  Ref list = TRY(make_list(size));
  std::vector<Ref>& storage = items_of(list);
  for (size_t i = 0; i < size; ++i) storage.push_back(ref(items[i]));
  return list;
}

bool list_extend(Value list, Value iterable) {
  std::vector<Ref>& items = items_of(list);
  bool exact_sequence = iterable.is_object() && (iterable.type() == &list_type ||
                                                 iterable.type() == &tuple_type);
  if (exact_sequence || iterable.is(list)) {
    // A snapshot first: `l.extend(l)` doubles the list once.
    std::vector<Ref> added;
    if (!sequence_fast(iterable, "argument must be iterable", added)) return false;
    items.reserve(items.size() + added.size());
    for (Ref& item : added) items.push_back(std::move(item));
    return true;
  }
  return for_each(iterable, [&](Value item) {
    as_list(list)->m_items.push_back(ref(item));
    return true;
  });
}

Ref list_from_iterable(Value iterable) {
  Ref list = TRY(make_list());
  if (!list_extend(list, iterable)) return {};
  return list;
}

bool sequence_fast(Value v, const char* message, std::vector<Ref>& items) {
  items.clear();
  if (v.is_object() && v.type() == &list_type) {
    items = items_of(v);
    return true;
  }
  if (v.is_object() && v.type() == &tuple_type) {
    size_t size = tuple_size(v);
    items.reserve(size);
    for (size_t i = 0; i < size; ++i) items.push_back(ref(tuple_item(v, i)));
    return true;
  }
  Ref iterator = iter(v);
  if (!iterator) {
    if (exception_matches(&type_error_type)) {
      clear_exception();
      raise(&type_error_type, message);
    }
    return false;
  }
  while (true) {
    Ref item = iterator_next(iterator);
    if (!item) return !error_pending();
    items.push_back(std::move(item));
  }
}

// ---- sorting

namespace {

// One element being sorted: its key (borrowed from the key vector, or the
// item itself when there is no key function) and its position in the
// list's detached storage, which owns the items for the sort's duration.
struct SortItem {
  Value key;
  size_t index;
};

// How keys are compared: CPython's pre-sort check picks a specialised
// comparison when every key has the same exact built-in type, which
// cannot call out to Python and so cannot fail or mutate anything.
// Exact tuples, as CPython's unsafe_tuple_compare: the first items that are
// not equal decide, each pair compared through compare_bool's fast paths.
enum class KeyKind { Generic, SmallInt, Str, Float, Tuple };

class Sorter {
 public:
  Sorter(std::vector<SortItem>& items, KeyKind kind) : m_items(items), m_kind(kind) {}

  // Sorts stably; false with an exception pending if a comparison failed,
  // leaving the items a permutation of what they were.
  bool sort() {
    size_t n = m_items.size();
    if (n < 2) return true;
    size_t min_run = compute_min_run(n);
    size_t low = 0;
    while (low < n) {
      bool descending = false;
      size_t run = count_run(low, n, descending);
      if (run == 0) return false;
      if (descending) std::reverse(m_items.begin() + low, m_items.begin() + low + run);
      if (run < min_run) {
        size_t forced = std::min(min_run, n - low);
        if (!binary_insertion_sort(low, low + forced, low + run)) return false;
        run = forced;
      }
      m_runs.push_back({low, run});
      if (!merge_collapse()) return false;
      low += run;
    }
    while (m_runs.size() > 1) {
      size_t at = m_runs.size() - 2;
      if (at > 0 && m_runs[at - 1].length < m_runs[at + 1].length) --at;
      if (!merge_at(at)) return false;
    }
    return true;
  }

 private:
  struct Run {
    size_t base;
    size_t length;
  };

  // key(a) < key(b): 1, 0, or -1 on error.
  int less(const SortItem& a, const SortItem& b) {
    switch (m_kind) {
      case KeyKind::SmallInt: return a.key.as_small_int() < b.key.as_small_int();
      case KeyKind::Str: return str_view(a.key) < str_view(b.key);
      case KeyKind::Float: return float_value(a.key) < float_value(b.key);
      case KeyKind::Tuple: return tuple_less(a.key.as<TupleObject>(), b.key.as<TupleObject>());
      case KeyKind::Generic: break;
    }
    return compare_bool(a.key, b.key, CompareOp::Lt);
  }

  // a < b for two exact tuples, as tuple's own comparison: the first pair
  // of items not equal (an item is equal to itself) decides, or else the
  // shorter tuple is the lesser.
  static int tuple_less(const TupleObject* a, const TupleObject* b) {
    size_t common = std::min(a->m_size, b->m_size);
    for (size_t i = 0; i < common; ++i) {
      Value x = a->m_items[i], y = b->m_items[i];
      if (x.is(y)) continue;
      // Distinct small ints are unequal: their order decides at once.
      if (x.is_small_int() && y.is_small_int()) return x.as_small_int() < y.as_small_int();
      int same = equal(x, y);
      if (same < 0) return -1;
      if (!same) return compare_bool(x, y, CompareOp::Lt);
    }
    return a->m_size < b->m_size;
  }

  static size_t compute_min_run(size_t n) {
    size_t low_bits = 0;
    while (n >= 64) {
      low_bits |= n & 1;
      n >>= 1;
    }
    return n + low_bits;
  }

  // The length of the run starting at `low`: non-descending, or strictly
  // descending (which the caller reverses, keeping the sort stable).
  // 0 on error.
  size_t count_run(size_t low, size_t high, bool& descending) {
    if (low + 1 == high) return 1;
    int k = less(m_items[low + 1], m_items[low]);
    if (k < 0) return 0;
    descending = k != 0;
    size_t at = low + 2;
    for (; at < high; ++at) {
      k = less(m_items[at], m_items[at - 1]);
      if (k < 0) return 0;
      if (descending ? !k : k) break;
    }
    return at - low;
  }

  // Sorts [low, high) given that [low, start) is already sorted.
  bool binary_insertion_sort(size_t low, size_t high, size_t start) {
    for (; start < high; ++start) {
      SortItem pivot = m_items[start];
      size_t left = low, right = start;
      while (left < right) {
        size_t middle = left + (right - left) / 2;
        int k = less(pivot, m_items[middle]);
        if (k < 0) return false;  // the pivot has not moved yet
        if (k) {
          right = middle;
        } else {
          left = middle + 1;
        }
      }
      std::move_backward(m_items.begin() + left, m_items.begin() + start,
                         m_items.begin() + start + 1);
      m_items[left] = pivot;
    }
    return true;
  }

  // Keeps the run lengths on the stack decreasing fast enough that merges
  // stay balanced (Tim Peters' invariants, as listsort.txt states them).
  bool merge_collapse() {
    while (m_runs.size() > 1) {
      size_t at = m_runs.size() - 2;
      if ((at > 0 && m_runs[at - 1].length <= m_runs[at].length + m_runs[at + 1].length) ||
          (at > 1 && m_runs[at - 2].length <= m_runs[at - 1].length + m_runs[at].length)) {
        if (m_runs[at - 1].length < m_runs[at + 1].length) --at;
      } else if (m_runs[at].length > m_runs[at + 1].length) {
        break;
      }
      if (!merge_at(at)) return false;
    }
    return true;
  }

  // Merges runs `at` and `at + 1`, which are adjacent. The left run is
  // copied out and merged back; on a failed comparison the rest of the copy
  // is put back in the gap, which keeps the items a permutation.
  bool merge_at(size_t at) {
    Run left = m_runs[at];
    Run right = m_runs[at + 1];
    m_runs[at].length = left.length + right.length;
    m_runs.erase(m_runs.begin() + at + 1);

    std::vector<SortItem> copy(m_items.begin() + left.base,
                               m_items.begin() + left.base + left.length);
    size_t dest = left.base;
    size_t i = 0;
    size_t j = right.base;
    size_t right_end = right.base + right.length;
    bool ok = true;
    while (i < copy.size() && j < right_end) {
      // Take from the right only when strictly less: stability.
      int k = less(m_items[j], copy[i]);
      if (k < 0) {
        ok = false;
        break;
      }
      m_items[dest++] = k ? m_items[j++] : copy[i++];
    }
    while (i < copy.size()) m_items[dest++] = copy[i++];
    return ok;
  }

  std::vector<SortItem>& m_items;
  KeyKind m_kind;
  std::vector<Run> m_runs;
};

KeyKind choose_key_kind(const std::vector<SortItem>& items) {
  if (items.empty()) return KeyKind::Generic;
  Value first = items[0].key;
  if (first.is_small_int()) {
    for (const SortItem& item : items) {
      if (!item.key.is_small_int()) return KeyKind::Generic;
    }
    return KeyKind::SmallInt;
  }
  Type* type = first.type();
  if (type == &tuple_type) {
    for (const SortItem& item : items) {
      if (!is_exact_tuple(item.key)) return KeyKind::Generic;
    }
    return KeyKind::Tuple;
  }
  if (type != &str_type && type != &float_type) return KeyKind::Generic;
  for (const SortItem& item : items) {
    if (!item.key.is_object() || item.key.type() != type) return KeyKind::Generic;
  }
  return type == &str_type ? KeyKind::Str : KeyKind::Float;
}

}  // namespace

bool list_sort(Value list, Value key, bool reverse) {
  ListObject* self = as_list(list);
  // As CPython: the list is emptied while it is sorted, so that comparison
  // or key functions that mutate it cannot disturb the items being sorted;
  // whatever they put in the list meanwhile is discarded, and the sort then
  // reports "list modified during sort".
  std::vector<Ref> saved;
  saved.swap(self->m_items);
  g_sorting.push_back({self, false});

  bool ok = true;
  std::vector<Ref> keys;
  if (key && !is_none(key)) {
    keys.reserve(saved.size());
    for (const Ref& item : saved) {
      Ref computed = call(key, {item.get()});
      if (!computed) {
        ok = false;
        break;
      }
      keys.push_back(std::move(computed));
    }
  }

  if (ok && saved.size() > 1) {
    std::vector<SortItem> items(saved.size());
    for (size_t i = 0; i < saved.size(); ++i) {
      items[i] = {keys.empty() ? saved[i].get() : keys[i].get(), i};
    }
    // Stability in reverse: reverse, sort forward, reverse back.
    if (reverse) std::reverse(items.begin(), items.end());
    ok = Sorter(items, choose_key_kind(items)).sort();
    if (reverse) std::reverse(items.begin(), items.end());
    std::vector<Ref> ordered;
    ordered.reserve(saved.size());
    for (const SortItem& item : items) ordered.push_back(std::move(saved[item.index]));
    saved.swap(ordered);
  }

  // Sorts of other threads may have begun and not ended meanwhile: this
  // sort's entry is the last one for this list, not always the last one.
  size_t entry = g_sorting.size() - 1;
  while (g_sorting[entry].list != self) --entry;
  bool mutated = g_sorting[entry].mutated || self->m_items.capacity() != 0;
  g_sorting.erase(g_sorting.begin() + ptrdiff_t(entry));
  if (ok && mutated) {
    raise(&value_error_type, "list modified during sort");
    ok = false;
  }
  // Put the (possibly partly) sorted items back; drop what was added.
  std::vector<Ref> added;
  added.swap(self->m_items);
  self->m_items.swap(saved);
  return ok;
}

namespace {

// ---- construction and destruction

Ref list_new(Type* type, const Value*, size_t, TupleObject*) {
  // The arguments are list.__init__'s to check, as CPython's list.
  return allocate_list(type);
}

bool list_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  Args call_args{args, nargs, kwnames};
  Type* type = self.type();
  if (call_args.keyword_count() != 0 && (type == &list_type || type->m_new == list_type.m_new)) {
    return raise(&type_error_type, "list() takes no keyword arguments");
  }
  if (nargs > 1) {
    return raise_format(&type_error_type, "list expected at most 1 argument, got %zu", nargs);
  }
  // __init__ may be called again on a live list: it starts over.
  if (!items_of(self).empty()) {
    std::vector<Ref> old;
    old.swap(items_of(self));
    note_cleared(as_list(self));
    while (!old.empty()) old.pop_back();  // last first, as CPython's list_clear
  }
  if (nargs == 0) return true;
  return list_extend(self, args[0]);
}

void list_destroy(Object* object) {
  auto* list = static_cast<ListObject*>(object);
  TrashcanScope trashcan;
  std::vector<Ref> items;
  items.swap(list->m_items);
  if (trashcan.too_deep()) {
    for (Ref& item : items) trashcan.park(std::move(item));
  }
  // Last item first, as CPython's list_dealloc (finalizers run in that order).
  while (!items.empty()) items.pop_back();
  list->~ListObject();
}

void list_traverse(Object* object, VisitFn visit, void* context) {
  visit_list(static_cast<ListObject*>(object), [&](Value v) { visit(v, context); });
}

void list_clear_slot(Object* object) {
  auto* list = static_cast<ListObject*>(object);
  std::vector<Ref> items;
  items.swap(list->m_items);
}

// ---- the object protocol

Ref list_repr(Value self) {
  if (items_of(self).empty()) return make_str("[]");
  if (!repr_enter(self)) return make_str("[...]");
  std::string text = "[";
  // The size is re-read each time: an item's __repr__ may change the list.
  for (size_t i = 0; i < items_of(self).size(); ++i) {
    if (i > 0) text += ", ";
    Ref item = items_of(self)[i];
    Ref item_repr = repr(item);
    if (!item_repr) {
      repr_leave(self);
      return {};
    }
    text += str_view(item_repr);
  }
  repr_leave(self);
  text += ']';
  return make_str(text);
}

Ref list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return ref(not_implemented());
  if (size_of(a) != size_of(b) && (op == CompareOp::Eq || op == CompareOp::Ne)) {
    return new_bool(op == CompareOp::Ne);
  }
  int64_t i = 0;
  for (; i < size_of(a) && i < size_of(b); ++i) {
    Ref left = items_of(a)[size_t(i)];
    Ref right = items_of(b)[size_t(i)];
    if (left.get().is(right)) continue;
    int same = equal(left, right);
    if (same < 0) return {};
    if (!same) break;
  }
  if (i >= size_of(a) || i >= size_of(b)) return new_bool(compare_values(op, int64_t(size_of(a)), int64_t(size_of(b))));
  if (op == CompareOp::Eq) return new_bool(false);
  if (op == CompareOp::Ne) return new_bool(true);
  Ref left = items_of(a)[size_t(i)];
  Ref right = items_of(b)[size_t(i)];
  return compare(left, right, op);
}

std::optional<int64_t> list_length(Value self) { return size_of(self); }

int list_contains(Value self, Value value) {
  for (int64_t i = 0; i < size_of(self); ++i) {
    Ref item = items_of(self)[size_t(i)];
    int same = equal(item, value);
    if (same != 0) return same;
  }
  return 0;
}

Ref list_slice(Value self, int64_t start, int64_t count, int64_t step) {
  Ref result = TRY(make_list(size_t(count)));
  std::vector<Ref>& source = items_of(self);
  std::vector<Ref>& target = items_of(result);
  for (int64_t i = 0, at = start; i < count; ++i, at += step) target.push_back(source[size_t(at)]);
  return result;
}

Ref list_subscript(Value self, Value key) {
  if (has_index(key)) {
    int64_t i;
    if (!index_as_ssize(key, &index_error_type, i)) return {};
    int64_t size = size_of(self);
    if (i < 0) i += size;
    if (i < 0 || i >= size) return raise(&index_error_type, "list index out of range");
    return items_of(self)[size_t(i)];
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, start, stop, step)) return {};
    int64_t count = slice_adjust_indices(size_of(self), start, stop, step);
    if (count <= 0) return make_list();
    return list_slice(self, start, count, step);
  }
  return raise_format(&type_error_type, "list indices must be integers or slices, not %s",
                      value_type_name(key).data());
}

// a[start:stop:step] = value, or `del` when value is null.
bool list_assign_slice(Value self, Value key, Value value) {
  int64_t start, stop, step;
  if (!slice_unpack(key, start, stop, step)) return false;
  if (step == 1) {
    std::vector<Ref> replacement;
    if (value && !sequence_fast(value, "can only assign an iterable", replacement)) return false;
    // Clipped after the replacement was gathered: iterating it may have
    // changed the list.
    int64_t size = size_of(self);
    slice_adjust_indices(size, start, stop, step);
    replace_range(self, start, stop, std::move(replacement));
    return true;
  }
  // As CPython, the slice is measured before the value is gathered...
  int64_t unpacked_start = start, unpacked_stop = stop;
  int64_t count = slice_adjust_indices(size_of(self), start, stop, step);
  std::vector<Ref> replacement;
  if (value && !sequence_fast(value, "must assign iterable to extended slice", replacement)) {
    return false;
  }
  if (value && int64_t(replacement.size()) == count) {
    // ...and measured again after, since gathering it may have changed
    // the list; the indices used must be the list's current ones.
    start = unpacked_start;
    stop = unpacked_stop;
    count = slice_adjust_indices(size_of(self), start, stop, step);
  }
  std::vector<Ref>& items = items_of(self);
  if (!value) {
    if (count <= 0) return true;
    if (step < 0) {
      // The same items walked upwards.
      start = start + step * (count - 1);
      step = -step;
    }
    std::vector<Ref> removed;
    removed.reserve(size_t(count));
    std::vector<Ref> kept;
    kept.reserve(items.size() - size_t(count));
    int64_t next_removed = start;
    int64_t removed_left = count;
    for (int64_t i = 0; i < int64_t(items.size()); ++i) {
      if (removed_left > 0 && i == next_removed) {
        removed.push_back(std::move(items[size_t(i)]));
        next_removed += step;
        --removed_left;
      } else {
        kept.push_back(std::move(items[size_t(i)]));
      }
    }
    items.swap(kept);
    return true;  // `removed` and `kept` (now empty slots) dropped here
  }
  if (int64_t(replacement.size()) != count) {
    return raise_format(&value_error_type,
                        "attempt to assign sequence of size %zu to extended slice of size %lld",
                        replacement.size(), static_cast<long long>(count));
  }
  std::vector<Ref> removed;
  removed.reserve(size_t(count));
  for (int64_t i = 0, at = start; i < count; ++i, at += step) {
    removed.push_back(std::move(items[size_t(at)]));
    items[size_t(at)] = std::move(replacement[size_t(i)]);
  }
  return true;
}

bool list_ass_subscript(Value self, Value key, Value value) {
  if (has_index(key)) {
    int64_t i;
    if (!index_as_ssize(key, &index_error_type, i)) return false;
    int64_t size = size_of(self);
    if (i < 0) i += size;
    if (i < 0 || i >= size) return raise(&index_error_type, "list assignment index out of range");
    std::vector<Ref>& items = items_of(self);
    if (value) {
      Ref old = std::move(items[size_t(i)]);
      items[size_t(i)] = ref(value);
    } else {
      Ref old = std::move(items[size_t(i)]);
      items.erase(items.begin() + i);
    }
    return true;
  }
  if (is_slice(key)) return list_assign_slice(self, key, value);
  return raise_format(&type_error_type, "list indices must be integers or slices, not %s",
                      value_type_name(key).data());
}

Ref list_iter(Value self);

Ref list_add(Value a, Value b) {
  if (!is_list(a)) return ref(not_implemented());
  if (!is_list(b)) {
    Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Add, list_add));
    if (!other.get().is(not_implemented())) return other;
    return raise_format(&type_error_type, "can only concatenate list (not \"%s\") to list",
                        value_type_name(b).data());
  }
  Ref result = TRY(make_list(items_of(a).size() + items_of(b).size()));
  std::vector<Ref>& target = items_of(result);
  for (const Ref& item : items_of(a)) target.push_back(item);
  for (const Ref& item : items_of(b)) target.push_back(item);
  return result;
}

Ref list_repeat(Value list, Value count_value) {
  int64_t count;
  if (!repeat_count(count_value, count)) return {};
  size_t size = items_of(list).size();
  if (!repeat_fits(size, count)) return raise_no_memory();
  Ref result = TRY(make_list(size * size_t(count)));
  std::vector<Ref>& target = items_of(result);
  const std::vector<Ref>& source = items_of(list);
  for (int64_t c = 0; c < count; ++c) {
    for (size_t i = 0; i < size; ++i) target.push_back(source[i]);
  }
  return result;
}

Ref list_multiply(Value a, Value b) {
  if (is_list(a)) {
    // An int's own slot never handles a list; anything else gets its
    // __rmul__ tried first.
    if (!is_int(b)) {
      Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Multiply, list_multiply));
      if (!other.get().is(not_implemented())) return other;
      if (!has_index(b)) return raise_cant_multiply(b);
    }
    return list_repeat(a, b);
  }
  if (!has_index(a)) return raise_cant_multiply(a);
  return list_repeat(b, a);
}

Ref list_inplace_add(Value a, Value b) {
  if (!is_list(a)) return ref(not_implemented());
  bool exact_sequence = b.is_object() && (b.type() == &list_type || b.type() == &tuple_type);
  if (!exact_sequence) {
    // The right operand's __radd__ first, as CPython's binary_iop1.
    Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Add, list_add));
    if (!other.get().is(not_implemented())) return other;
  }
  if (!list_extend(a, b)) return {};
  return ref(a);
}

Ref list_inplace_multiply(Value a, Value b) {
  if (!is_list(a)) return ref(not_implemented());
  if (!is_int(b)) {
    Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Multiply, list_multiply));
    if (!other.get().is(not_implemented())) return other;
    if (!has_index(b)) return raise_cant_multiply(b);
  }
  int64_t count;
  if (!repeat_count(b, count)) return {};
  std::vector<Ref>& items = items_of(a);
  size_t size = items.size();
  if (count == 0 || size == 0) {
    if (items.capacity() != 0) {
      std::vector<Ref> old;
      old.swap(items);
      note_cleared(as_list(a));
      while (!old.empty()) old.pop_back();  // last first, as CPython's list_clear
    }
    return ref(a);
  }
  if (!repeat_fits(size, count)) return raise_no_memory();
  if (!reserve_items(items, size * size_t(count))) return {};
  for (int64_t c = 1; c < count; ++c) {
    for (size_t i = 0; i < size; ++i) items.push_back(items[i]);
  }
  return ref(a);
}

// ---- methods

Ref list_append_method(Value self, Args args) {
  items_of(self).push_back(ref(args[0]));
  return new_none();
}

Ref list_clear_method(Value self, Args) {
  // As CPython's _list_clear: a list that never had storage is untouched
  // (which list.sort's modification check relies on).
  if (items_of(self).capacity() == 0) return new_none();
  std::vector<Ref> old;
  old.swap(items_of(self));
  note_cleared(as_list(self));
  while (!old.empty()) old.pop_back();  // last first, as CPython's _list_clear
  return new_none();
}

Ref list_copy_method(Value self, Args) {
  Ref copy = TRY(make_list());
  items_of(copy) = items_of(self);
  return copy;
}

Ref list_count_method(Value self, Args args) {
  int64_t count = 0;
  for (int64_t i = 0; i < size_of(self); ++i) {
    Ref item = items_of(self)[size_t(i)];
    int same = equal(item, args[0]);
    if (same < 0) return {};
    count += same;
  }
  return Ref::small_int(count);
}

Ref list_extend_method(Value self, Args args) {
  if (!list_extend(self, args[0])) return {};
  return new_none();
}

Ref list_index_method(Value self, Args args) {
  if (!check_positional("index", args, 1, 3)) return {};
  int64_t start = 0, stop = INT64_MAX;
  if (args.count > 1 && !slice_index_not_none(args[1], start)) return {};
  if (args.count > 2 && !slice_index_not_none(args[2], stop)) return {};
  if (start < 0) {
    start += size_of(self);
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += size_of(self);
  }
  for (int64_t i = start; i < stop && i < size_of(self); ++i) {
    Ref item = items_of(self)[size_t(i)];
    int same = equal(item, args[0]);
    if (same < 0) return {};
    if (same) return Ref::small_int(i);
  }
  Ref value_repr = TRY(repr(args[0]));
  return raise_format(&value_error_type, "%s is not in list", str_cstr(value_repr));
}

Ref list_insert_method(Value self, Args args) {
  if (!check_positional("insert", args, 2, 2)) return {};
  int64_t where;
  if (!ssize_argument(args[0], where)) return {};
  std::vector<Ref>& items = items_of(self);
  int64_t size = int64_t(items.size());
  if (where < 0) {
    where += size;
    if (where < 0) where = 0;
  }
  if (where > size) where = size;
  items.insert(items.begin() + where, ref(args[1]));
  return new_none();
}

Ref list_pop_method(Value self, Args args) {
  if (!check_positional("pop", args, 0, 1)) return {};
  int64_t where = -1;
  if (args.count == 1 && !ssize_argument(args[0], where)) return {};
  std::vector<Ref>& items = items_of(self);
  int64_t size = int64_t(items.size());
  if (size == 0) return raise(&index_error_type, "pop from empty list");
  if (where < 0) where += size;
  if (where < 0 || where >= size) return raise(&index_error_type, "pop index out of range");
  Ref item = std::move(items[size_t(where)]);
  items.erase(items.begin() + where);
  return item;
}

Ref list_remove_method(Value self, Args args) {
  for (int64_t i = 0; i < size_of(self); ++i) {
    Ref item = items_of(self)[size_t(i)];
    int same = equal(item, args[0]);
    if (same < 0) return {};
    if (same) {
      if (i < size_of(self)) {
        Ref removed = std::move(items_of(self)[size_t(i)]);
        items_of(self).erase(items_of(self).begin() + i);
      }
      return new_none();
    }
  }
  return raise(&value_error_type, "list.remove(x): x not in list");
}

Ref list_reverse_method(Value self, Args) {
  std::reverse(items_of(self).begin(), items_of(self).end());
  return new_none();
}

Ref list_sort_method(Value self, Args args) {
  static const ArgSpec spec{"sort", {"key", "reverse"}, 0, 0, 0};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  bool reverse = false;
  if (bound[1]) {
    // An int, as CPython's clinic converter reads it.
    Ref flag = TRY(index(bound[1]));
    int truth = is_true(flag);
    if (truth < 0) return {};
    reverse = truth != 0;
  }
  if (!list_sort(self, bound[0], reverse)) return {};
  return new_none();
}

Ref list_reversed_method(Value self, Args);

// As CPython's: its 40-byte list header and a pointer per allocated item
// (coil's capacity, which grows as CPython's does only roughly).
Ref list_sizeof_method(Value self, Args) {
  return Ref::small_int(int64_t(40 + items_of(self).capacity() * sizeof(Ref)));
}

const MethodDef list_methods[] = {
    {"__reversed__", list_reversed_method, ArgKind::NoArgs,
     "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof_method, ArgKind::NoArgs, "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_method, ArgKind::NoArgs, "Remove all items from list."},
    {"copy", list_copy_method, ArgKind::NoArgs, "Return a shallow copy of the list."},
    {"append", list_append_method, ArgKind::OneArg, "Append object to the end of the list."},
    {"insert", list_insert_method, ArgKind::VarArgs, "Insert object before index."},
    {"extend", list_extend_method, ArgKind::OneArg,
     "Extend list by appending elements from the iterable."},
    {"pop", list_pop_method, ArgKind::VarArgs,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", list_remove_method, ArgKind::OneArg,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", list_index_method, ArgKind::VarArgs,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", list_count_method, ArgKind::OneArg, "Return number of occurrences of value."},
    {"reverse", list_reverse_method, ArgKind::NoArgs, "Reverse *IN PLACE*."},
    {"sort", list_sort_method, ArgKind::Keywords,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc,
     kMethodClass},
    {},
};

// ---- list_iterator and list_reverseiterator

Ref make_list_iterator(Type* type, Value list, int64_t index) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<ListIteratorObject*>(object);
  new (&iterator->m_list) Ref(ref(list));
  iterator->m_index = index;
  return Ref::steal(object);
}

Ref list_iter(Value self) { return make_list_iterator(&list_iterator_type, self, 0); }

Ref list_reversed_method(Value self, Args) {
  return make_list_iterator(&list_reverseiterator_type, self, size_of(self) - 1);
}

Ref list_iterator_next(Value self) {
  auto* iterator = self.as<ListIteratorObject>();
  if (!iterator->m_list) return {};
  if (iterator->m_index < size_of(iterator->m_list)) {
    return items_of(iterator->m_list)[size_t(iterator->m_index++)];
  }
  iterator->m_list.reset();
  return {};
}

Ref list_reverseiterator_next(Value self) {
  auto* iterator = self.as<ListIteratorObject>();
  if (!iterator->m_list) return {};
  int64_t index = iterator->m_index;
  if (index >= 0 && index < size_of(iterator->m_list)) {
    --iterator->m_index;
    return items_of(iterator->m_list)[size_t(index)];
  }
  iterator->m_index = -1;
  iterator->m_list.reset();
  return {};
}

Ref list_iterator_length_hint(Value self, Args) {
  auto* iterator = self.as<ListIteratorObject>();
  if (!iterator->m_list) return Ref::small_int(0);
  return Ref::small_int(std::max<int64_t>(0, size_of(iterator->m_list) - iterator->m_index));
}

Ref list_reverseiterator_length_hint(Value self, Args) {
  auto* iterator = self.as<ListIteratorObject>();
  if (!iterator->m_list || iterator->m_index >= size_of(iterator->m_list)) return Ref::small_int(0);
  return Ref::small_int(iterator->m_index + 1);
}

Ref iterator_self(Value self) { return ref(self); }

// A builtin function (iter, reversed) for a reduction, as CPython's
// _PyEval_GetBuiltin.
Ref builtin_named(const char* name) {
  Value builtins = lookup_module("builtins");
  if (!builtins) return raise(&runtime_error_type, "lost builtins module");
  return getattr(builtins, name);
}

// __reduce__: (iter, (list,), index), or (iter, ([],)) once exhausted,
// as CPython's listiter_reduce_general; reversed(list) for a reverse one.
Ref list_iterator_reduce_general(Value self, bool reverse) {
  auto* iterator = self.as<ListIteratorObject>();
  if (iterator->m_list) {
    Ref function = builtin_named(reverse ? "reversed" : "iter");
    if (!function) return {};
    Ref args = make_tuple({iterator->m_list.get()});
    Ref index = make_int(iterator->m_index);
    if (!args || !index) return {};
    return make_tuple({function.get(), args.get(), index.get()});
  }
  Ref function = builtin_named("iter");
  Ref empty = make_list();
  if (!function || !empty) return {};
  Ref args = make_tuple({empty.get()});
  if (!args) return {};
  return make_tuple({function.get(), args.get()});
}

Ref list_iterator_reduce(Value self, Args) { return list_iterator_reduce_general(self, false); }
Ref list_reverseiterator_reduce(Value self, Args) { return list_iterator_reduce_general(self, true); }

// __setstate__(index): where to go on, clamped to the list.
Ref list_iterator_setstate_general(Value self, Value state, bool reverse) {
  int64_t index;
  if (!index_as_ssize(state, &overflow_error_type, index)) return {};
  auto* iterator = self.as<ListIteratorObject>();
  if (iterator->m_list) {
    int64_t size = size_of(iterator->m_list);
    iterator->m_index = reverse ? std::clamp<int64_t>(index, -1, size - 1) : std::clamp<int64_t>(index, 0, size);
  }
  return new_none();
}

Ref list_iterator_setstate(Value self, Args args) { return list_iterator_setstate_general(self, args[0], false); }
Ref list_reverseiterator_setstate(Value self, Args args) {
  return list_iterator_setstate_general(self, args[0], true);
}

void list_iterator_destroy(Object* object) {
  static_cast<ListIteratorObject*>(object)->~ListIteratorObject();
}

void list_iterator_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<ListIteratorObject*>(object)->m_list, context);
}

void list_iterator_clear(Object* object) {
  static_cast<ListIteratorObject*>(object)->m_list.reset();
}

const MethodDef list_iterator_methods[] = {
    {"__length_hint__", list_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", list_iterator_reduce, ArgKind::NoArgs, "Return state information for pickling."},
    {"__setstate__", list_iterator_setstate, ArgKind::OneArg, "Set state information for unpickling."},
    {},
};

const MethodDef list_reverseiterator_methods[] = {
    {"__length_hint__", list_reverseiterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", list_reverseiterator_reduce, ArgKind::NoArgs, "Return state information for pickling."},
    {"__setstate__", list_reverseiterator_setstate, ArgKind::OneArg, "Set state information for unpickling."},
    {},
};

struct ListTypeSetup {
  ListTypeSetup() {
    Type& t = list_type;
    t.m_tp_name = "list";
    t.m_doc =
        "list(iterable=(), /)\n--\n\n"
        "Built-in mutable sequence.\n\n"
        "If no argument is given, the constructor creates a new empty list.\n"
        "The argument must be an iterable if specified.";
    t.m_size = sizeof(ListObject);
    t.m_flags = kTypeBaseType | kTypeHasGC | kTypeListSubclass | kTypeSequence;
    t.m_destroy = list_destroy;
    t.m_traverse = list_traverse;
    t.m_clear = list_clear_slot;
    t.m_new = list_new;
    t.m_init = list_init;
    t.m_repr = list_repr;
    t.m_richcompare = list_richcompare;
    t.m_iter = list_iter;
    t.m_length = list_length;
    t.m_contains = list_contains;
    t.m_getitem = list_subscript;
    t.m_setitem = list_ass_subscript;
    t.m_binary[int(BinaryOp::Add)] = list_add;
    t.m_binary[int(BinaryOp::Multiply)] = list_multiply;
    t.m_binary[int(BinaryOp::InplaceAdd)] = list_inplace_add;
    t.m_binary[int(BinaryOp::InplaceMultiply)] = list_inplace_multiply;
    t.m_methods = list_methods;

    for (Type* i : {&list_iterator_type, &list_reverseiterator_type}) {
      i->m_size = sizeof(ListIteratorObject);
      i->m_flags = kTypeHasGC;
      i->m_destroy = list_iterator_destroy;
      i->m_traverse = list_iterator_traverse;
      i->m_clear = list_iterator_clear;
      i->m_iter = iterator_self;
    }
    list_iterator_type.m_tp_name = "list_iterator";
    list_iterator_type.m_iternext = list_iterator_next;
    list_iterator_type.m_methods = list_iterator_methods;
    list_reverseiterator_type.m_tp_name = "list_reverseiterator";
    list_reverseiterator_type.m_iternext = list_reverseiterator_next;
    list_reverseiterator_type.m_methods = list_reverseiterator_methods;
  }
} list_type_setup;

}  // namespace

COIL_REGISTER_TYPE(list_type);
COIL_REGISTER_TYPE(list_iterator_type);
COIL_REGISTER_TYPE(list_reverseiterator_type);

}  // namespace coil
