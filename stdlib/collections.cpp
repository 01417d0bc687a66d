// The `_collections` module: deque, natively (the `collections` package
// of lib/ re-exports it). A deque is a std::deque of references with an
// optional maximum length; a mutation counter lets iterators detect that
// the deque changed under them, as CPython's do.
#include <algorithm>
#include <deque>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/repr_guard.h"
#include "runtime/sequence.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/collections.h"

namespace coil {

namespace {

struct DequeObject : Object {
  std::deque<Ref> m_items;
  int64_t m_maxlen = -1;  // -1: unbounded
  uint64_t m_state = 0;   // bumped by every mutation, for iterators
};

struct DequeIterObject : Object {
  Ref m_deque;
  size_t m_index = 0;
  uint64_t m_state = 0;
  bool m_reversed = false;
};

Type deque_type, deque_iterator_type;

DequeObject* as_deque(Value v) { return v.as<DequeObject>(); }
std::deque<Ref>& items(Value v) { return as_deque(v)->m_items; }

void mutated(Value v) { ++as_deque(v)->m_state; }

// Appends on one side, dropping from the other past maxlen.
void push_back(Value self, Ref item) {
  DequeObject* d = as_deque(self);
  if (d->m_maxlen == 0) return;
  d->m_items.push_back(std::move(item));
  if (d->m_maxlen > 0 && int64_t(d->m_items.size()) > d->m_maxlen) d->m_items.pop_front();
  mutated(self);
}

void push_front(Value self, Ref item) {
  DequeObject* d = as_deque(self);
  if (d->m_maxlen == 0) return;
  d->m_items.push_front(std::move(item));
  if (d->m_maxlen > 0 && int64_t(d->m_items.size()) > d->m_maxlen) d->m_items.pop_back();
  mutated(self);
}

Ref deque_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<DequeObject>(object);
  return Ref::steal(object);
}

bool deque_extend_with(Value self, Value iterable, bool left) {
  if (iterable.is(self)) {
    // Extending with itself: iterate a snapshot.
    std::deque<Ref> copy = items(self);
    for (Ref& item : copy) left ? push_front(self, item) : push_back(self, item);
    return true;
  }
  return for_each(iterable, [&](Value item) {
    left ? push_front(self, ref(item)) : push_back(self, ref(item));
    return true;
  });
}

bool deque_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"deque", {"iterable", "maxlen"}, 0, SIZE_MAX, 0};
  Value bound[2];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return false;
  DequeObject* d = as_deque(self);
  int64_t maxlen = -1;
  if (bound[1] && !is_none(bound[1])) {
    if (!is_int(bound[1]) || !int_fits_int64(bound[1], maxlen)) {
      raise(&type_error_type, "an integer is required");
      return false;
    }
    if (maxlen < 0) {
      raise(&value_error_type, "maxlen must be non-negative");
      return false;
    }
  }
  d->m_maxlen = maxlen;
  if (!d->m_items.empty()) {
    d->m_items.clear();
    mutated(self);
  }
  return !bound[0] || deque_extend_with(self, bound[0], false);
}

Ref deque_append(Value self, Args args) {
  push_back(self, ref(args[0]));
  return new_none();
}
Ref deque_appendleft(Value self, Args args) {
  push_front(self, ref(args[0]));
  return new_none();
}
Ref deque_pop(Value self, Args) {
  if (items(self).empty()) return raise(&index_error_type, "pop from an empty deque");
  Ref item = std::move(items(self).back());
  items(self).pop_back();
  mutated(self);
  return item;
}
Ref deque_popleft(Value self, Args) {
  if (items(self).empty()) return raise(&index_error_type, "pop from an empty deque");
  Ref item = std::move(items(self).front());
  items(self).pop_front();
  mutated(self);
  return item;
}
Ref deque_extend(Value self, Args args) {
  if (!deque_extend_with(self, args[0], false)) return {};
  return new_none();
}
Ref deque_extendleft(Value self, Args args) {
  if (!deque_extend_with(self, args[0], true)) return {};
  return new_none();
}
Ref deque_clear(Value self, Args) {
  std::deque<Ref> old;
  old.swap(items(self));
  mutated(self);
  return new_none();
}

// The index of the first item equal to `value` in [start, stop), or -1;
// -2 with an exception pending. Fails if the deque changes meanwhile.
int64_t find(Value self, Value value, size_t start, size_t stop) {
  uint64_t state = as_deque(self)->m_state;
  for (size_t i = start; i < stop && i < items(self).size(); ++i) {
    Ref item = items(self)[i];
    int equal = item.get().is(value) ? 1 : compare_bool(item, value, CompareOp::Eq);
    if (equal < 0) return -2;
    if (as_deque(self)->m_state != state) {
      raise(&runtime_error_type, "deque mutated during iteration");
      return -2;
    }
    if (equal) return int64_t(i);
  }
  return -1;
}

Ref deque_remove(Value self, Args args) {
  int64_t i = find(self, args[0], 0, items(self).size());
  if (i == -2) return {};
  if (i < 0) return raise(&value_error_type, "deque.remove(x): x not in deque");
  Ref removed = std::move(items(self)[size_t(i)]);
  items(self).erase(items(self).begin() + i);
  mutated(self);
  return new_none();
}

Ref deque_count(Value self, Args args) {
  int64_t count = 0;
  uint64_t state = as_deque(self)->m_state;
  for (size_t i = 0; i < items(self).size(); ++i) {
    Ref item = items(self)[i];
    int equal = item.get().is(args[0]) ? 1 : compare_bool(item, args[0], CompareOp::Eq);
    if (equal < 0) return {};
    if (as_deque(self)->m_state != state) return raise(&runtime_error_type, "deque mutated during iteration");
    count += equal;
  }
  return make_int(count);
}

Ref deque_index(Value self, Args args) {
  if (!check_positional("index", args, 1, 3)) return {};
  int64_t size = int64_t(items(self).size());
  int64_t start = 0, stop = size;
  if (args.count > 1 && (!is_int(args[1]) || !int_fits_int64(args[1], start))) return raise(&type_error_type, "slice indices must be integers");
  if (args.count > 2 && (!is_int(args[2]) || !int_fits_int64(args[2], stop))) return raise(&type_error_type, "slice indices must be integers");
  if (start < 0) start = std::max<int64_t>(0, start + size);
  if (stop < 0) stop = std::max<int64_t>(0, stop + size);
  int64_t i = find(self, args[0], size_t(start), size_t(std::min(stop, size)));
  if (i == -2) return {};
  if (i < 0) {
    Ref text = repr(args[0]);
    if (!text) return {};
    return raise_format(&value_error_type, "%s is not in deque", str_cstr(text));
  }
  return make_int(i);
}

Ref deque_rotate(Value self, Args args) {
  if (!check_positional("rotate", args, 0, 1)) return {};
  int64_t n = 1;
  if (args.count == 1 && (!is_int(args[0]) || !int_fits_int64(args[0], n))) {
    return raise_type_error_for("'%s' object cannot be interpreted as an integer", args[0]);
  }
  std::deque<Ref>& d = items(self);
  if (d.size() <= 1) return new_none();
  int64_t size = int64_t(d.size());
  n %= size;
  if (n < 0) n += size;
  for (int64_t i = 0; i < n; ++i) {
    d.push_front(std::move(d.back()));
    d.pop_back();
  }
  mutated(self);
  return new_none();
}

Ref deque_reverse(Value self, Args) {
  std::reverse(items(self).begin(), items(self).end());
  mutated(self);
  return new_none();
}

Ref deque_copy(Value self, Args) {
  Ref copy = deque_new(self.type(), nullptr, 0, nullptr);
  if (!copy) return {};
  as_deque(copy)->m_items = items(self);
  as_deque(copy)->m_maxlen = as_deque(self)->m_maxlen;
  return copy;
}

bool is_deque(Value v) { return v.is_object() && isinstance(v, &deque_type); }

// deque + deque, deque * n and their in-place forms, as CPython's sequence
// slots: only a deque concatenates to a deque; repeating keeps maxlen.
Ref deque_add(Value a, Value b) {
  if (!is_deque(a)) return ref(not_implemented());
  if (!is_deque(b)) {
    Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Add, deque_add));
    if (!other.get().is(not_implemented())) return other;
    return raise_format(&type_error_type, "can only concatenate deque (not \"%s\") to deque",
                        value_type_name(b).data());
  }
  Ref result = TRY(deque_copy(a, Args{}));
  for (const Ref& item : items(b)) push_back(result, item);
  return result;
}

bool deque_repeat_in_place(Value self, Value count_value) {
  int64_t count;
  if (!repeat_count(count_value, count)) return false;
  std::deque<Ref>& list = items(self);
  if (count <= 0 || list.empty()) {
    deque_clear(self, Args{});
    return true;
  }
  int64_t maxlen = as_deque(self)->m_maxlen;
  int64_t size = int64_t(list.size());
  // Past maxlen only the last maxlen items stay: repeat no more than that.
  int64_t total;
  if (maxlen >= 0 && count > maxlen / size + 1) {
    total = maxlen + size;
  } else if (size > INT64_MAX / count) {
    raise_no_memory();
    return false;
  } else {
    total = size * count;
  }
  std::deque<Ref> once = list;
  for (int64_t n = size; n < total; n += size) {
    for (const Ref& item : once) push_back(self, item);
  }
  mutated(self);
  return true;
}

Ref deque_multiply(Value a, Value b) {
  Value self = a, count = b;
  if (!is_deque(a)) {
    self = b;
    count = a;
  } else if (!is_int(b)) {
    Ref other = TRY(call_other_operand_slot(a, b, BinaryOp::Multiply, deque_multiply));
    if (!other.get().is(not_implemented())) return other;
  }
  if (!has_index(count)) return raise_cant_multiply(count);
  Ref result = TRY(deque_copy(self, Args{}));
  if (!deque_repeat_in_place(result, count)) return {};
  return result;
}

Ref deque_inplace_add(Value a, Value b) {
  if (!is_deque(a)) return ref(not_implemented());
  if (!deque_extend_with(a, b, false)) return {};
  return ref(a);
}

Ref deque_inplace_multiply(Value a, Value b) {
  if (!is_deque(a)) return ref(not_implemented());
  if (!has_index(b)) return raise_cant_multiply(b);
  if (!deque_repeat_in_place(a, b)) return {};
  return ref(a);
}

Ref deque_insert(Value self, Args args) {
  if (!check_positional("insert", args, 2, 2)) return {};
  int64_t i;
  if (!is_int(args[0]) || !int_fits_int64(args[0], i)) return raise_type_error_for("'%s' object cannot be interpreted as an integer", args[0]);
  DequeObject* d = as_deque(self);
  int64_t size = int64_t(d->m_items.size());
  if (d->m_maxlen >= 0 && size >= d->m_maxlen) return raise(&index_error_type, "deque already at its maximum size");
  if (i < 0) i = std::max<int64_t>(0, i + size);
  if (i > size) i = size;
  d->m_items.insert(d->m_items.begin() + i, ref(args[1]));
  mutated(self);
  return new_none();
}

Ref deque_maxlen(Value self) {
  int64_t maxlen = as_deque(self)->m_maxlen;
  return maxlen < 0 ? new_none() : make_int(maxlen);
}

Ref deque_repr(Value self) {
  std::string name(type_name(self.type()));
  if (!repr_enter(self)) return make_str("[...]");
  std::string text = name + "([";
  for (size_t i = 0; i < items(self).size(); ++i) {
    if (i > 0) text += ", ";
    Ref item = items(self)[i];
    Ref item_repr = repr(item);
    if (!item_repr) {
      repr_leave(self);
      return {};
    }
    text += str_view(item_repr);
  }
  repr_leave(self);
  text += "]";
  if (as_deque(self)->m_maxlen >= 0) text += ", maxlen=" + std::to_string(as_deque(self)->m_maxlen);
  return make_str(text + ")");
}

std::optional<int64_t> deque_length(Value self) { return int64_t(items(self).size()); }

bool normalize_index(Value self, Value index, size_t& out) {
  int64_t i;
  if (!is_int(index) || !int_fits_int64(index, i)) {
    if (is_int(index)) {
      raise(&index_error_type, "deque index out of range");
      return false;
    }
    raise_type_error_for("sequence index must be integer, not '%s'", index);
    return false;
  }
  int64_t size = int64_t(items(self).size());
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    raise(&index_error_type, "deque index out of range");
    return false;
  }
  out = size_t(i);
  return true;
}

Ref deque_getitem(Value self, Value index) {
  size_t i;
  if (!normalize_index(self, index, i)) return {};
  return items(self)[i];
}

bool deque_setitem(Value self, Value index, Value value) {
  size_t i;
  if (!normalize_index(self, index, i)) return false;
  if (!value) {
    Ref removed = std::move(items(self)[i]);
    items(self).erase(items(self).begin() + ptrdiff_t(i));
    mutated(self);
    return true;
  }
  items(self)[i] = ref(value);
  return true;
}

int deque_contains(Value self, Value value) {
  int64_t i = find(self, value, 0, items(self).size());
  return i == -2 ? -1 : i >= 0;
}

Ref deque_richcompare(Value a, Value b, CompareOp op) {
  if (!isinstance(b, &deque_type)) return ref(not_implemented());
  std::deque<Ref> x = items(a), y = items(b);
  size_t n = std::min(x.size(), y.size());
  size_t i = 0;
  for (; i < n; ++i) {
    int equal = x[i].get().is(y[i].get()) ? 1 : compare_bool(x[i], y[i], CompareOp::Eq);
    if (equal < 0) return {};
    if (!equal) break;
  }
  if (i == n) {
    bool result = false;
    switch (op) {
      case CompareOp::Lt: result = x.size() < y.size(); break;
      case CompareOp::Le: result = x.size() <= y.size(); break;
      case CompareOp::Eq: result = x.size() == y.size(); break;
      case CompareOp::Ne: result = x.size() != y.size(); break;
      case CompareOp::Gt: result = x.size() > y.size(); break;
      case CompareOp::Ge: result = x.size() >= y.size(); break;
    }
    return new_bool(result);
  }
  if (op == CompareOp::Eq) return new_bool(false);
  if (op == CompareOp::Ne) return new_bool(true);
  return compare(x[i], y[i], op);
}

Ref make_deque_iterator(Value self, bool reversed) {
  Object* object = allocate_object(&deque_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* it = construct_body<DequeIterObject>(object);
  it->m_deque = ref(self);
  it->m_state = as_deque(self)->m_state;
  it->m_reversed = reversed;
  return Ref::steal(object);
}

Ref deque_iter(Value self) { return make_deque_iterator(self, false); }
Ref deque_reversed(Value self, Args) { return make_deque_iterator(self, true); }

Ref deque_iter_next(Value self) {
  auto* it = self.as<DequeIterObject>();
  if (!it->m_deque) return {};
  DequeObject* d = as_deque(it->m_deque);
  if (d->m_state != it->m_state) {
    it->m_deque.reset();
    return raise(&runtime_error_type, "deque mutated during iteration");
  }
  if (it->m_index >= d->m_items.size()) {
    it->m_deque.reset();
    return {};
  }
  size_t i = it->m_reversed ? d->m_items.size() - 1 - it->m_index : it->m_index;
  ++it->m_index;
  return d->m_items[i];
}

Ref deque_iter_self(Value self) { return ref(self); }

void deque_destroy(Object* object) { static_cast<DequeObject*>(object)->~DequeObject(); }
void deque_traverse(Object* object, VisitFn visit, void* context) {
  for (const Ref& item : static_cast<DequeObject*>(object)->m_items) visit(item, context);
}
void deque_clear_slot(Object* object) {
  std::deque<Ref> old;
  old.swap(static_cast<DequeObject*>(object)->m_items);
}
void iter_destroy(Object* object) { static_cast<DequeIterObject*>(object)->~DequeIterObject(); }
void iter_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<DequeIterObject*>(object)->m_deque, context);
}

// As CPython's deque_reduce: (type, () or ((), maxlen), __dict__ or None,
// an iterator over the items) — for copy and pickle.
Ref deque_reduce(Value self, Args) {
  bool found = false;
  Ref dict = lookup_attr(self, intern_static("__dict__"), found);
  if (!dict) {
    if (error_pending()) return {};
    dict = new_none();
  }
  Ref items = iter(self);
  if (!items) return {};
  Ref empty = make_tuple(size_t(0));
  Ref arguments;
  if (as_deque(self)->m_maxlen < 0) {
    arguments = empty;
  } else {
    Ref maxlen = make_int(as_deque(self)->m_maxlen);
    arguments = make_tuple({empty, maxlen});
  }
  if (!arguments) return {};
  return make_tuple({Value(self.type()), arguments, dict, items});
}

const MethodDef kDequeMethods[] = {
    {"__reduce__", deque_reduce, ArgKind::NoArgs},
    {"append", deque_append, ArgKind::OneArg},
    {"appendleft", deque_appendleft, ArgKind::OneArg},
    {"pop", deque_pop, ArgKind::NoArgs},
    {"popleft", deque_popleft, ArgKind::NoArgs},
    {"extend", deque_extend, ArgKind::OneArg},
    {"extendleft", deque_extendleft, ArgKind::OneArg},
    {"clear", deque_clear, ArgKind::NoArgs},
    {"remove", deque_remove, ArgKind::OneArg},
    {"count", deque_count, ArgKind::OneArg},
    {"index", deque_index, ArgKind::VarArgs},
    {"insert", deque_insert, ArgKind::VarArgs},
    {"rotate", deque_rotate, ArgKind::VarArgs},
    {"reverse", deque_reverse, ArgKind::NoArgs},
    {"copy", deque_copy, ArgKind::NoArgs},
    {"__copy__", deque_copy, ArgKind::NoArgs},
    {"__reversed__", deque_reversed, ArgKind::NoArgs},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, nullptr, kMethodClass},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kDequeGetSet[] = {
    {"maxlen", deque_maxlen},
    {nullptr, nullptr},
};

bool init_collections(Value module) {
  return dict_setitem_str(module_dict(module), "deque", Value(&deque_type));
}

}  // namespace

static struct DequeTypesSetup {
  DequeTypesSetup() {
    deque_type.m_tp_name = "collections.deque";
    deque_type.m_size = sizeof(DequeObject);
    deque_type.m_flags = kTypeBaseType | kTypeHasGC | kTypeSequence;
    deque_type.m_new = deque_new;
    deque_type.m_init = deque_init;
    deque_type.m_repr = deque_repr;
    deque_type.m_length = deque_length;
    deque_type.m_getitem = deque_getitem;
    deque_type.m_setitem = deque_setitem;
    deque_type.m_contains = deque_contains;
    deque_type.m_richcompare = deque_richcompare;
    deque_type.m_binary[int(BinaryOp::Add)] = deque_add;
    deque_type.m_binary[int(BinaryOp::Multiply)] = deque_multiply;
    deque_type.m_binary[int(BinaryOp::InplaceAdd)] = deque_inplace_add;
    deque_type.m_binary[int(BinaryOp::InplaceMultiply)] = deque_inplace_multiply;
    deque_type.m_iter = deque_iter;
    deque_type.m_destroy = deque_destroy;
    deque_type.m_traverse = deque_traverse;
    deque_type.m_clear = deque_clear_slot;
    deque_type.m_methods = kDequeMethods;
    deque_type.m_getset = kDequeGetSet;
    deque_iterator_type.m_tp_name = "_collections._deque_iterator";
    deque_iterator_type.m_size = sizeof(DequeIterObject);
    deque_iterator_type.m_flags = kTypeHasGC;
    deque_iterator_type.m_iter = deque_iter_self;
    deque_iterator_type.m_iternext = deque_iter_next;
    deque_iterator_type.m_destroy = iter_destroy;
    deque_iterator_type.m_traverse = iter_traverse;
  }
} deque_types_setup;

bool is_exact_deque(Value v) { return v.is_object() && v.type() == &deque_type; }
Ref make_deque() { return deque_new(&deque_type, nullptr, 0, nullptr); }
void deque_push_back(Value deque, Ref item) { push_back(deque, std::move(item)); }
Ref deque_pop_front(Value deque) { return deque_popleft(deque, Args{nullptr, 0, nullptr}); }
size_t deque_size(Value deque) { return items(deque).size(); }

COIL_REGISTER_TYPE(deque_type);
COIL_REGISTER_TYPE(deque_iterator_type);
COIL_REGISTER_MODULE("_collections", init_collections);

}  // namespace coil
