// tuple (runtime/tuple.h): an immutable array of values stored after the
// header, as CPython's Objects/tupleobject.c; and its iterator.
//
// The empty tuple is shared and lives for the whole run. Hashing follows
// CPython 3.11's xxHash-based tuplehash, so hash((1, 2)) is the number
// CPython prints.
#include "runtime/tuple.h"

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/gc_visit.h"
#include "runtime/generic_alias.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/repr_guard.h"
#include "runtime/sequence.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "vm/import.h"

namespace coil {

Type tuple_type;
Type tuple_iterator_type;

namespace {

struct TupleIteratorObject : Object {
  Ref m_sequence;  // null once exhausted
  size_t m_index;
};

TupleObject* as_tuple(Value v) { return v.as<TupleObject>(); }

// A tuple of `type` (tuple or a subclass) with `size` null items.
Ref allocate_tuple(Type* type, size_t size) {
  Object* object = allocate_object(type, size);
  if (object == nullptr) return raise_no_memory();
  static_cast<TupleObject*>(object)->m_size = size;
  return Ref::steal(object);
}

}  // namespace

Value empty_tuple() {
  static Value shared = [] {
    Object* object = allocate_object(&tuple_type, 0);
    object->m_refcount = kImmortalRefcount;
    static_cast<TupleObject*>(object)->m_size = 0;
    return Value(object);
  }();
  return shared;
}

Ref make_tuple(size_t size) {
  if (size == 0) return ref(empty_tuple());
  return allocate_tuple(&tuple_type, size);
}

Ref make_tuple(const Value* items, size_t size) {
  Ref tuple = make_tuple(size);
  if (!tuple) return {};
  for (size_t i = 0; i < size; ++i) tuple_set(tuple, i, ref(items[i]));
  return tuple;
}

Ref make_tuple(std::initializer_list<Value> items) { return make_tuple(items.begin(), items.size()); }

Ref tuple_from_iterable(Value iterable) {
  if (iterable.is_object() && iterable.type() == &tuple_type) return ref(iterable);
  if (is_list(iterable)) {
    const std::vector<Ref>& items = as_list(iterable)->m_items;
    Ref tuple = make_tuple(items.size());
    if (!tuple) return {};
    for (size_t i = 0; i < items.size(); ++i) tuple_set(tuple, i, items[i]);
    return tuple;
  }
  std::vector<Ref> items;
  bool ok = for_each(iterable, [&](Value item) {
    items.push_back(ref(item));
    return true;
  });
  if (!ok) return {};
  Ref tuple = make_tuple(items.size());
  if (!tuple) return {};
  for (size_t i = 0; i < items.size(); ++i) tuple_set(tuple, i, std::move(items[i]));
  return tuple;
}

namespace {

// ---- construction and destruction

Ref tuple_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  Args call_args{args, nargs, kwnames};
  // As CPython: keywords are refused unless a subclass's __init__ wants them.
  if (call_args.keyword_count() != 0 && (type == &tuple_type || type->m_init == tuple_type.m_init)) {
    return raise(&type_error_type, "tuple() takes no keyword arguments");
  }
  if (nargs > 1) {
    return raise_format(&type_error_type, "tuple expected at most 1 argument, got %zu", nargs);
  }
  Ref items = nargs == 0 ? ref(empty_tuple()) : tuple_from_iterable(args[0]);
  if (!items || type == &tuple_type) return items;
  size_t size = tuple_size(items);
  Ref result = TRY(allocate_tuple(type, size));
  for (size_t i = 0; i < size; ++i) tuple_set(result, i, ref(tuple_item(items, i)));
  return result;
}

void tuple_destroy(Object* object) {
  auto* tuple = static_cast<TupleObject*>(object);
  TrashcanScope trashcan;
  // Last item first, as CPython's tupledealloc (finalizers run in that order).
  for (size_t i = tuple->m_size; i-- > 0;) {
    Ref item = Ref::steal(tuple->m_items[i]);
    tuple->m_items[i] = Value();
    if (trashcan.too_deep()) trashcan.park(std::move(item));
  }
}

// What allocate_object gave an exact tuple, so that short tuples come from
// the small-object free lists (runtime/type.cpp). Subclasses do not inherit it.
size_t tuple_instance_size(const Object* object) {
  return sizeof(TupleObject) + static_cast<const TupleObject*>(object)->m_size * sizeof(Value);
}

void tuple_traverse(Object* object, VisitFn visit, void* context) {
  visit_tuple(static_cast<TupleObject*>(object), [&](Value v) { visit(v, context); });
}

// ---- the object protocol

Ref tuple_repr(Value self) {
  size_t size = tuple_size(self);
  if (size == 0) return make_str("()");
  if (!repr_enter(self)) return make_str("(...)");
  std::string text = "(";
  for (size_t i = 0; i < size; ++i) {
    if (i > 0) text += ", ";
    Ref item = repr(tuple_item(self, i));
    if (!item) {
      repr_leave(self);
      return {};
    }
    text += str_view(item);
  }
  repr_leave(self);
  text += size == 1 ? ",)" : ")";
  return make_str(text);
}

// CPython 3.11's tuplehash: xxHash's round over the items' hashes.
std::optional<int64_t> tuple_hash(Value self) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  if (!check_native_stack(" while hashing a tuple")) return std::nullopt;
  size_t size = tuple_size(self);
  uint64_t accumulator = kPrime5;
  for (size_t i = 0; i < size; ++i) {
    std::optional<int64_t> lane = hash(tuple_item(self, i));
    if (!lane) return std::nullopt;
    accumulator += uint64_t(*lane) * kPrime2;
    accumulator = (accumulator << 31) | (accumulator >> 33);
    accumulator *= kPrime1;
  }
  // The length, mangled to keep the historical value of hash(()).
  accumulator += uint64_t(size) ^ (kPrime5 ^ 3527539UL);
  if (accumulator == uint64_t(-1)) return 1546275796;
  return int64_t(accumulator);
}

Ref tuple_richcompare(Value a, Value b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return ref(not_implemented());
  size_t a_size = tuple_size(a);
  size_t b_size = tuple_size(b);
  size_t i = 0;
  // The first position where the items differ decides.
  for (; i < a_size && i < b_size; ++i) {
    int same = equal(tuple_item(a, i), tuple_item(b, i));
    if (same < 0) return {};
    if (!same) break;
  }
  if (i >= a_size || i >= b_size) return new_bool(compare_values(op, int64_t(a_size), int64_t(b_size)));
  if (op == CompareOp::Eq) return new_bool(false);
  if (op == CompareOp::Ne) return new_bool(true);
  return compare(tuple_item(a, i), tuple_item(b, i), op);
}

Ref tuple_iter(Value self);

std::optional<int64_t> tuple_length(Value self) { return int64_t(tuple_size(self)); }

int tuple_contains(Value self, Value item) {
  size_t size = tuple_size(self);
  for (size_t i = 0; i < size; ++i) {
    int same = equal(tuple_item(self, i), item);
    if (same != 0) return same;
  }
  return 0;
}

Ref tuple_subscript(Value self, Value key) {
  int64_t size = int64_t(tuple_size(self));
  if (has_index(key)) {
    int64_t i;
    if (!index_as_ssize(key, &index_error_type, i)) return {};
    if (i < 0) i += size;
    if (i < 0 || i >= size) return raise(&index_error_type, "tuple index out of range");
    return ref(tuple_item(self, size_t(i)));
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, start, stop, step)) return {};
    int64_t count = slice_adjust_indices(size, start, stop, step);
    if (count <= 0) return ref(empty_tuple());
    if (start == 0 && step == 1 && count == size && self.type() == &tuple_type) return ref(self);
    Ref result = TRY(make_tuple(size_t(count)));
    for (int64_t i = 0, at = start; i < count; ++i, at += step) {
      tuple_set(result, size_t(i), ref(tuple_item(self, size_t(at))));
    }
    return result;
  }
  return raise_format(&type_error_type, "tuple indices must be integers or slices, not %s",
                      value_type_name(key).data());
}

Ref tuple_add(Value a, Value b) {
  if (!is_tuple(a)) return ref(not_implemented());
  if (!is_tuple(b)) {
    Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Add, tuple_add));
    if (!other.get().is(not_implemented())) return other;
    return raise_format(&type_error_type, "can only concatenate tuple (not \"%s\") to tuple",
                        value_type_name(b).data());
  }
  size_t a_size = tuple_size(a);
  size_t b_size = tuple_size(b);
  if (b_size == 0 && a.type() == &tuple_type) return ref(a);
  if (a_size == 0 && b.type() == &tuple_type) return ref(b);
  Ref result = TRY(make_tuple(a_size + b_size));
  for (size_t i = 0; i < a_size; ++i) tuple_set(result, i, ref(tuple_item(a, i)));
  for (size_t i = 0; i < b_size; ++i) tuple_set(result, a_size + i, ref(tuple_item(b, i)));
  return result;
}

Ref tuple_repeat(Value tuple, Value count_value) {
  int64_t count;
  if (!repeat_count(count_value, count)) return {};
  size_t size = tuple_size(tuple);
  if (size == 0 || count == 0) return ref(empty_tuple());
  if (count == 1 && tuple.type() == &tuple_type) return ref(tuple);
  if (!repeat_fits(size, count)) return raise_no_memory();
  Ref result = TRY(make_tuple(size * size_t(count)));
  for (size_t c = 0, at = 0; c < size_t(count); ++c) {
    for (size_t i = 0; i < size; ++i) tuple_set(result, at++, ref(tuple_item(tuple, i)));
  }
  return result;
}

Ref tuple_multiply(Value a, Value b) {
  if (is_tuple(a)) {
    // An int's own slot never handles a tuple; anything else gets its
    // __rmul__ tried first.
    if (!is_int(b)) {
      Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Multiply, tuple_multiply));
      if (!other.get().is(not_implemented())) return other;
      if (!has_index(b)) return raise_cant_multiply(b);
    }
    return tuple_repeat(a, b);
  }
  // `n * tuple`: the left operand's slots have declined.
  if (!has_index(a)) return raise_cant_multiply(a);
  return tuple_repeat(b, a);
}

// ---- methods

Ref tuple_count(Value self, Args args) {
  int64_t count = 0;
  for (size_t i = 0; i < tuple_size(self); ++i) {
    int same = equal(tuple_item(self, i), args[0]);
    if (same < 0) return {};
    count += same;
  }
  return Ref::small_int(count);
}

Ref tuple_index(Value self, Args args) {
  if (!check_positional("index", args, 1, 3)) return {};
  int64_t size = int64_t(tuple_size(self));
  int64_t start = 0, stop = INT64_MAX;
  if (args.count > 1 && !slice_index_not_none(args[1], start)) return {};
  if (args.count > 2 && !slice_index_not_none(args[2], stop)) return {};
  if (start < 0) {
    start += size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += size;
  } else if (stop > size) {
    stop = size;
  }
  for (int64_t i = start; i < stop; ++i) {
    int same = equal(tuple_item(self, size_t(i)), args[0]);
    if (same < 0) return {};
    if (same) return Ref::small_int(i);
  }
  return raise(&value_error_type, "tuple.index(x): x not in tuple");
}

Ref tuple_getnewargs(Value self, Args) {
  Ref copy = TRY(make_tuple(as_tuple(self)->m_items, tuple_size(self)));
  return make_tuple({copy.get()});
}

// As CPython's: a 24-byte header and a pointer per item.
Ref tuple_sizeof(Value self, Args) { return Ref::small_int(int64_t(24 + tuple_size(self) * 8)); }

const MethodDef tuple_methods[] = {
    {"__sizeof__", tuple_sizeof, ArgKind::NoArgs, "Size of object in memory, in bytes."},
    {"count", tuple_count, ArgKind::OneArg, "Return number of occurrences of value."},
    {"index", tuple_index, ArgKind::VarArgs,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"__getnewargs__", tuple_getnewargs, ArgKind::NoArgs},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc,
     kMethodClass},
    {},
};

// ---- tuple_iterator

Ref tuple_iter(Value self) {
  Object* object = allocate_object(&tuple_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<TupleIteratorObject*>(object);
  new (&iterator->m_sequence) Ref(ref(self));
  iterator->m_index = 0;
  return Ref::steal(object);
}

Ref tuple_iterator_next(Value self) {
  auto* iterator = self.as<TupleIteratorObject>();
  if (!iterator->m_sequence) return {};
  if (iterator->m_index < tuple_size(iterator->m_sequence)) {
    return ref(tuple_item(iterator->m_sequence, iterator->m_index++));
  }
  iterator->m_sequence.reset();
  return {};
}

Ref tuple_iterator_length_hint(Value self, Args) {
  auto* iterator = self.as<TupleIteratorObject>();
  if (!iterator->m_sequence) return Ref::small_int(0);
  return Ref::small_int(int64_t(tuple_size(iterator->m_sequence) - iterator->m_index));
}

Ref iterator_self(Value self) { return ref(self); }

void tuple_iterator_destroy(Object* object) {
  static_cast<TupleIteratorObject*>(object)->~TupleIteratorObject();
}

void tuple_iterator_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<TupleIteratorObject*>(object)->m_sequence, context);
}

void tuple_iterator_clear(Object* object) {
  static_cast<TupleIteratorObject*>(object)->m_sequence.reset();
}

// __reduce__: (iter, (tuple,), index), or (iter, ((),)) once exhausted,
// as CPython's tupleiter_reduce.
Ref tuple_iterator_reduce(Value self, Args) {
  Value builtins = lookup_module("builtins");
  if (!builtins) return raise(&runtime_error_type, "lost builtins module");
  Ref function = getattr(builtins, "iter");
  if (!function) return {};
  auto* iterator = self.as<TupleIteratorObject>();
  if (iterator->m_sequence) {
    Ref args = make_tuple({iterator->m_sequence.get()});
    Ref index = make_int(uint64_t(iterator->m_index));
    if (!args || !index) return {};
    return make_tuple({function.get(), args.get(), index.get()});
  }
  Ref empty = make_tuple(size_t(0));
  if (!empty) return {};
  Ref args = make_tuple({empty.get()});
  if (!args) return {};
  return make_tuple({function.get(), args.get()});
}

// __setstate__(index): where to go on, clamped to the tuple.
Ref tuple_iterator_setstate(Value self, Args args) {
  int64_t index;
  if (!index_as_ssize(args[0], &overflow_error_type, index)) return {};
  auto* iterator = self.as<TupleIteratorObject>();
  if (iterator->m_sequence) {
    iterator->m_index = size_t(std::clamp<int64_t>(index, 0, int64_t(tuple_size(iterator->m_sequence))));
  }
  return new_none();
}

const MethodDef tuple_iterator_methods[] = {
    {"__length_hint__", tuple_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", tuple_iterator_reduce, ArgKind::NoArgs, "Return state information for pickling."},
    {"__setstate__", tuple_iterator_setstate, ArgKind::OneArg, "Set state information for unpickling."},
    {},
};

struct TupleTypeSetup {
  TupleTypeSetup() {
    Type& t = tuple_type;
    t.m_tp_name = "tuple";
    t.m_doc =
        "tuple(iterable=(), /)\n--\n\n"
        "Built-in immutable sequence.\n\n"
        "If no argument is given, the constructor returns an empty tuple.\n"
        "If iterable is specified the tuple is initialized from iterable's items.\n\n"
        "If the argument is a tuple, the return value is the same object.";
    t.m_size = sizeof(TupleObject);
    t.m_item_size = sizeof(Value);
    t.m_flags = kTypeBaseType | kTypeHasGC | kTypeTupleSubclass | kTypeSequence;
    t.m_destroy = tuple_destroy;
    t.m_instance_size = tuple_instance_size;
    t.m_traverse = tuple_traverse;
    t.m_new = tuple_new;
    t.m_repr = tuple_repr;
    t.m_hash = tuple_hash;
    t.m_richcompare = tuple_richcompare;
    t.m_iter = tuple_iter;
    t.m_length = tuple_length;
    t.m_contains = tuple_contains;
    t.m_getitem = tuple_subscript;
    t.m_binary[int(BinaryOp::Add)] = tuple_add;
    t.m_binary[int(BinaryOp::Multiply)] = tuple_multiply;
    t.m_methods = tuple_methods;

    Type& i = tuple_iterator_type;
    i.m_tp_name = "tuple_iterator";
    i.m_size = sizeof(TupleIteratorObject);
    i.m_flags = kTypeHasGC;
    i.m_destroy = tuple_iterator_destroy;
    i.m_traverse = tuple_iterator_traverse;
    i.m_clear = tuple_iterator_clear;
    i.m_iter = iterator_self;
    i.m_iternext = tuple_iterator_next;
    i.m_methods = tuple_iterator_methods;
  }
} tuple_type_setup;

}  // namespace

COIL_REGISTER_TYPE(tuple_type);
COIL_REGISTER_TYPE(tuple_iterator_type);

}  // namespace coil
