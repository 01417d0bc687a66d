// range (runtime/range.h), as CPython's Objects/rangeobject.c.
//
// A range holds its start, stop and step as ints of any size, and its
// length computed once. Arithmetic on them takes an int64 fast path when
// every operand fits (with 128-bit intermediates, so it cannot overflow),
// and GMP otherwise: range(0, 10**20, 7)[-1] works.
//
// Iteration uses range_iterator over C++ integers when the whole range and
// one step past it fit in int64, else longrange_iterator over ints, as
// CPython chooses (the type names are visible to Python).
#include "runtime/range.h"

#include <gmp.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type range_type, range_iterator_type, longrange_iterator_type;

namespace {

// An owned GMP integer.
class Big {
 public:
  Big() { mpz_init(m_value); }
  explicit Big(Value v) {
    mpz_init(m_value);
    int_to_mpz(v, m_value);
  }
  ~Big() { mpz_clear(m_value); }
  Big(const Big&) = delete;
  Big& operator=(const Big&) = delete;
  mpz_ptr get() { return m_value; }
  mpz_srcptr get() const { return m_value; }
  int sign() const { return mpz_sgn(m_value); }
  Ref to_int() const { return make_int(m_value); }

 private:
  mpz_t m_value;
};

RangeObject* as_range(Value v) { return v.as<RangeObject>(); }

Ref make_int128(__int128 value) {
  if (value >= INT64_MIN && value <= INT64_MAX) return make_int(int64_t(value));
  Big big;
  bool negative = value < 0;
  unsigned __int128 magnitude = negative ? -(unsigned __int128)value : (unsigned __int128)value;
  mpz_set_ui(big.get(), uint64_t(magnitude >> 64));
  mpz_mul_2exp(big.get(), big.get(), 64);
  mpz_add_ui(big.get(), big.get(), uint64_t(magnitude));
  if (negative) mpz_neg(big.get(), big.get());
  return big.to_int();
}

// The number of items of range(start, stop, step), as CPython's
// compute_range_length.
void compute_length(mpz_ptr out, mpz_srcptr start, mpz_srcptr stop, mpz_srcptr step) {
  Big low, high, step_magnitude;
  if (mpz_sgn(step) > 0) {
    mpz_set(low.get(), start);
    mpz_set(high.get(), stop);
    mpz_set(step_magnitude.get(), step);
  } else {
    mpz_set(low.get(), stop);
    mpz_set(high.get(), start);
    mpz_neg(step_magnitude.get(), step);
  }
  if (mpz_cmp(low.get(), high.get()) >= 0) {
    mpz_set_ui(out, 0);
    return;
  }
  // (high - low - 1) // step + 1
  mpz_sub(out, high.get(), low.get());
  mpz_sub_ui(out, out, 1);
  mpz_fdiv_q(out, out, step_magnitude.get());
  mpz_add_ui(out, out, 1);
}

// A range of the given ints (already checked: step is not 0).
Ref new_range(Value start, Value stop, Value step) {
  Ref length;
  int64_t a, b, s;
  if (int_fits_int64(start, a) && int_fits_int64(stop, b) && int_fits_int64(step, s)) {
    __int128 low = s > 0 ? a : b, high = s > 0 ? b : a;
    __int128 magnitude = s > 0 ? __int128(s) : -__int128(s);
    length = make_int128(low >= high ? 0 : (high - low - 1) / magnitude + 1);
  } else {
    Big start_big(start), stop_big(stop), step_big(step), count;
    compute_length(count.get(), start_big.get(), stop_big.get(), step_big.get());
    length = count.to_int();
  }
  if (!length) return {};
  Object* object = allocate_object(&range_type);
  if (object == nullptr) return raise_no_memory();
  auto* range = static_cast<RangeObject*>(object);
  new (&range->m_start) Ref(ref(start));
  new (&range->m_stop) Ref(ref(stop));
  new (&range->m_step) Ref(ref(step));
  new (&range->m_length) Ref(std::move(length));
  return Ref::steal(object);
}

// start + index * step.
Ref compute_item(RangeObject* range, Value index) {
  int64_t start, step, i;
  if (int_fits_int64(range->m_start, start) && int_fits_int64(range->m_step, step) &&
      int_fits_int64(index, i)) {
    return make_int128(__int128(start) + __int128(i) * step);
  }
  Big result(index), start_big(range->m_start), step_big(range->m_step);
  mpz_mul(result.get(), result.get(), step_big.get());
  mpz_add(result.get(), result.get(), start_big.get());
  return result.to_int();
}

// The sign of an int: -1, 0 or 1.
int sign_of(Value v) {
  int64_t small;
  if (int_fits_int64(v, small)) return small < 0 ? -1 : small > 0;
  return mpz_sgn(v.as<IntObject>()->m_value);
}

int compare_ints(Value a, Value b) {
  int64_t x, y;
  if (int_fits_int64(a, x) && int_fits_int64(b, y)) return x < y ? -1 : x > y;
  Big left(a), right(b);
  int result = mpz_cmp(left.get(), right.get());
  return result < 0 ? -1 : result > 0;
}

// range[index] for an int index: negative counts from the end.
Ref range_item(RangeObject* range, Value index) {
  Ref adjusted = ref(index);
  if (sign_of(index) < 0) {
    Big sum(index), length(range->m_length);
    mpz_add(sum.get(), sum.get(), length.get());
    adjusted = TRY(sum.to_int());
  }
  if (sign_of(adjusted) < 0 || compare_ints(adjusted, range->m_length) >= 0) {
    return raise(&index_error_type, "range object index out of range");
  }
  return compute_item(range, adjusted);
}

// Whether `value` (an exact int or bool) is one of the range's items.
bool contains_int(RangeObject* range, Value value) {
  int step_sign = sign_of(range->m_step);
  if (step_sign > 0) {
    if (compare_ints(range->m_start, value) > 0 || compare_ints(value, range->m_stop) >= 0) {
      return false;
    }
  } else {
    if (compare_ints(value, range->m_start) > 0 || compare_ints(range->m_stop, value) >= 0) {
      return false;
    }
  }
  int64_t v, start, step;
  if (int_fits_int64(value, v) && int_fits_int64(range->m_start, start) &&
      int_fits_int64(range->m_step, step)) {
    return (__int128(v) - start) % step == 0;
  }
  Big difference(value), start_big(range->m_start), step_big(range->m_step);
  mpz_sub(difference.get(), difference.get(), start_big.get());
  return mpz_divisible_p(difference.get(), step_big.get()) != 0;
}

// The ints (and bools) `in`, index() and count() answer arithmetically.
bool is_exact_int_or_bool(Value v) { return is_exact_int(v) || is_bool(v); }

// ---- construction and destruction

Ref range_new(Type*, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("range", Args{args, nargs, kwnames}, 1, 3)) return {};
  Ref start, stop, step;
  if (nargs == 1) {
    stop = TRY(index(args[0]));
    start = Ref::small_int(0);
    step = Ref::small_int(1);
  } else {
    start = TRY(index(args[0]));
    stop = TRY(index(args[1]));
    if (nargs == 3) {
      step = TRY(index(args[2]));
      if (sign_of(step) == 0) return raise(&value_error_type, "range() arg 3 must not be zero");
    } else {
      step = Ref::small_int(1);
    }
  }
  return new_range(start, stop, step);
}

void range_destroy(Object* object) { static_cast<RangeObject*>(object)->~RangeObject(); }

// ---- the object protocol

Ref range_repr(Value self) {
  RangeObject* range = as_range(self);
  std::string text = "range(";
  Ref start = TRY(repr(range->m_start));
  Ref stop = TRY(repr(range->m_stop));
  text += str_view(start);
  text += ", ";
  text += str_view(stop);
  if (compare_ints(range->m_step, Value::small_int(1)) != 0) {
    Ref step = TRY(repr(range->m_step));
    text += ", ";
    text += str_view(step);
  }
  text += ')';
  return make_str(text);
}

// CPython's range_equals: ranges are equal when they hold the same items.
bool range_equals(RangeObject* a, RangeObject* b) {
  if (a == b) return true;
  if (compare_ints(a->m_length, b->m_length) != 0) return false;
  if (sign_of(a->m_length) == 0) return true;
  if (compare_ints(a->m_start, b->m_start) != 0) return false;
  if (compare_ints(a->m_length, Value::small_int(1)) == 0) return true;
  return compare_ints(a->m_step, b->m_step) == 0;
}

Ref range_richcompare(Value a, Value b, CompareOp op) {
  if (!is_range(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) {
    return ref(not_implemented());
  }
  bool same = range_equals(as_range(a), as_range(b));
  return new_bool(same == (op == CompareOp::Eq));
}

// CPython's range_hash: equal ranges hash alike, so the hash is that of
// (len, start, step) with the parts that do not matter replaced by None.
std::optional<int64_t> range_hash(Value self) {
  RangeObject* range = as_range(self);
  Value start = none(), step = none();
  if (sign_of(range->m_length) != 0) {
    start = range->m_start;
    if (compare_ints(range->m_length, Value::small_int(1)) != 0) step = range->m_step;
  }
  Ref parts = make_tuple({range->m_length.get(), start, step});
  if (!parts) return std::nullopt;
  return hash(parts);
}

std::optional<int64_t> range_length(Value self) {
  int64_t length;
  if (!int_fits_int64(as_range(self)->m_length, length)) {
    raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
    return std::nullopt;
  }
  return length;
}

int range_bool(Value self) { return sign_of(as_range(self)->m_length) != 0; }

int range_contains(Value self, Value value) {
  if (is_exact_int_or_bool(value)) return contains_int(as_range(self), value) ? 1 : 0;
  // Anything else may still equal an item (2.0 == 2): compare each.
  int result = 0;
  bool ok = for_each(self, [&](Value item) {
    result = equal(item, value);
    return result == 0;
  });
  // for_each also stops (false) when the item is found.
  if (!ok && error_pending()) return -1;
  return result;
}

Ref range_subscript(Value self, Value key) {
  RangeObject* range = as_range(self);
  if (has_index(key)) {
    Ref i = TRY(index(key));
    return range_item(range, i);
  }
  if (is_slice(key)) {
    Ref start, stop, step;
    if (!slice_long_indices(key, range->m_length, start, stop, step)) return {};
    Ref new_start = TRY(compute_item(range, start));
    Ref new_stop = TRY(compute_item(range, stop));
    Ref new_step = TRY(binary_op(step, range->m_step, BinaryOp::Multiply));
    return new_range(new_start, new_stop, new_step);
  }
  return raise_format(&type_error_type, "range indices must be integers or slices, not %s",
                      value_type_name(key).data());
}

// ---- iterators

struct LongRangeIteratorObject : Object {
  Ref m_start;
  Ref m_step;
  Ref m_length;
};

Ref make_fast_iterator(int64_t start, int64_t step, int64_t length) {
  Object* object = allocate_object(&range_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<RangeIteratorObject*>(object);
  iterator->m_start = start;
  iterator->m_step = step;
  iterator->m_length = length;
  return Ref::steal(object);
}

Ref make_long_iterator(Ref start, Ref step, Ref length) {
  Object* object = allocate_object(&longrange_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<LongRangeIteratorObject*>(object);
  new (&iterator->m_start) Ref(std::move(start));
  new (&iterator->m_step) Ref(std::move(step));
  new (&iterator->m_length) Ref(std::move(length));
  return Ref::steal(object);
}

Ref range_iter(Value self) {
  RangeObject* range = as_range(self);
  int64_t start, stop, step, length;
  if (int_fits_int64(range->m_start, start) && int_fits_int64(range->m_stop, stop) &&
      int_fits_int64(range->m_step, step) && int_fits_int64(range->m_length, length)) {
    // One step past the end must fit too: the iterator computes it.
    __int128 past_end = __int128(start) + __int128(length) * step;
    if (past_end >= INT64_MIN && past_end <= INT64_MAX) {
      return make_fast_iterator(start, step, length);
    }
  }
  return make_long_iterator(range->m_start, range->m_step, range->m_length);
}

Ref range_reversed(Value self, Args) {
  RangeObject* range = as_range(self);
  int64_t start, step, length;
  if (int_fits_int64(range->m_start, start) && int_fits_int64(range->m_step, step) &&
      int_fits_int64(range->m_length, length) && step != INT64_MIN) {
    __int128 last = __int128(start) + (__int128(length) - 1) * step;
    __int128 past_end = __int128(start) - step;
    if (last >= INT64_MIN && last <= INT64_MAX && past_end >= INT64_MIN && past_end <= INT64_MAX) {
      return make_fast_iterator(length > 0 ? int64_t(last) : start, -step, length);
    }
  }
  // start + (length - 1) * step, counting down.
  Big last(range->m_length), step_big(range->m_step), start_big(range->m_start);
  mpz_sub_ui(last.get(), last.get(), 1);
  mpz_mul(last.get(), last.get(), step_big.get());
  mpz_add(last.get(), last.get(), start_big.get());
  mpz_neg(step_big.get(), step_big.get());
  Ref new_start = TRY(last.to_int());
  Ref new_step = TRY(step_big.to_int());
  return make_long_iterator(std::move(new_start), std::move(new_step), range->m_length);
}

Ref range_iterator_next(Value self) {
  auto* iterator = self.as<RangeIteratorObject>();
  if (iterator->m_length <= 0) return {};
  int64_t result = iterator->m_start;
  iterator->m_start = int64_t(uint64_t(result) + uint64_t(iterator->m_step));
  --iterator->m_length;
  return make_int(result);
}

Ref longrange_iterator_next(Value self) {
  auto* iterator = self.as<LongRangeIteratorObject>();
  if (sign_of(iterator->m_length) <= 0) return {};
  Big next_start(iterator->m_start), step(iterator->m_step), length(iterator->m_length);
  mpz_add(next_start.get(), next_start.get(), step.get());
  mpz_sub_ui(length.get(), length.get(), 1);
  Ref new_start = TRY(next_start.to_int());
  Ref new_length = TRY(length.to_int());
  Ref result = std::move(iterator->m_start);
  iterator->m_start = std::move(new_start);
  iterator->m_length = std::move(new_length);
  return result;
}

Ref range_iterator_length_hint(Value self, Args) {
  return make_int(std::max<int64_t>(0, self.as<RangeIteratorObject>()->m_length));
}

Ref longrange_iterator_length_hint(Value self, Args) {
  return self.as<LongRangeIteratorObject>()->m_length;
}

Ref iterator_self(Value self) { return ref(self); }

void longrange_iterator_destroy(Object* object) {
  static_cast<LongRangeIteratorObject*>(object)->~LongRangeIteratorObject();
}

// ---- methods

Ref range_count_method(Value self, Args args) {
  Value value = args[0];
  if (is_exact_int_or_bool(value)) return Ref::small_int(contains_int(as_range(self), value));
  int64_t count = 0;
  bool ok = for_each(self, [&](Value item) {
    int same = equal(item, value);
    if (same < 0) return false;
    count += same;
    return true;
  });
  if (!ok) return {};
  return make_int(count);
}

Ref range_index_method(Value self, Args args) {
  Value value = args[0];
  RangeObject* range = as_range(self);
  if (is_exact_int_or_bool(value)) {
    if (!contains_int(range, value)) {
      Ref value_repr = TRY(repr(value));
      return raise_format(&value_error_type, "%s is not in range", str_cstr(value_repr));
    }
    // (value - start) // step
    Big offset(value), start(range->m_start), step(range->m_step);
    mpz_sub(offset.get(), offset.get(), start.get());
    mpz_fdiv_q(offset.get(), offset.get(), step.get());
    return offset.to_int();
  }
  int64_t position = 0;
  int64_t found = -1;
  bool ok = for_each(self, [&](Value item) {
    int same = equal(item, value);
    if (same < 0) return false;
    if (same) {
      found = position;
      return false;
    }
    ++position;
    return true;
  });
  if (!ok && found < 0) return {};
  if (found < 0) return raise(&value_error_type, "sequence.index(x): x not in sequence");
  return make_int(found);
}

Ref range_reduce_method(Value self, Args) {
  RangeObject* range = as_range(self);
  Ref arguments =
      TRY(make_tuple({range->m_start.get(), range->m_stop.get(), range->m_step.get()}));
  return make_tuple({Value(&range_type), arguments.get()});
}

Ref range_get_start(Value self) { return as_range(self)->m_start; }
Ref range_get_stop(Value self) { return as_range(self)->m_stop; }
Ref range_get_step(Value self) { return as_range(self)->m_step; }

const MethodDef range_methods[] = {
    {"__reversed__", range_reversed, ArgKind::NoArgs,
     "Return a reverse iterator."},
    {"__reduce__", range_reduce_method, ArgKind::NoArgs},
    {"count", range_count_method, ArgKind::OneArg,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index_method, ArgKind::OneArg,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {},
};

const GetSetDef range_getset[] = {
    {"start", range_get_start},
    {"stop", range_get_stop},
    {"step", range_get_step},
    {},
};

const MethodDef range_iterator_methods[] = {
    {"__length_hint__", range_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {},
};

const MethodDef longrange_iterator_methods[] = {
    {"__length_hint__", longrange_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {},
};

struct RangeTypeSetup {
  RangeTypeSetup() {
    Type& t = range_type;
    t.m_tp_name = "range";
    t.m_doc =
        "range(stop) -> range object\n"
        "range(start, stop[, step]) -> range object\n\n"
        "Return an object that produces a sequence of integers from start (inclusive)\n"
        "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
        "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
        "These are exactly the valid indices for a list of 4 elements.\n"
        "When step is given, it specifies the increment (or decrement).";
    t.m_size = sizeof(RangeObject);
    t.m_flags = kTypeSequence;
    t.m_destroy = range_destroy;
    t.m_new = range_new;
    t.m_repr = range_repr;
    t.m_hash = range_hash;
    t.m_richcompare = range_richcompare;
    t.m_iter = range_iter;
    t.m_length = range_length;
    t.m_bool = range_bool;
    t.m_contains = range_contains;
    t.m_getitem = range_subscript;
    t.m_methods = range_methods;
    t.m_getset = range_getset;

    Type& i = range_iterator_type;
    i.m_tp_name = "range_iterator";
    i.m_size = sizeof(RangeIteratorObject);
    i.m_iter = iterator_self;
    i.m_iternext = range_iterator_next;
    i.m_methods = range_iterator_methods;

    Type& l = longrange_iterator_type;
    l.m_tp_name = "longrange_iterator";
    l.m_size = sizeof(LongRangeIteratorObject);
    l.m_destroy = longrange_iterator_destroy;
    l.m_iter = iterator_self;
    l.m_iternext = longrange_iterator_next;
    l.m_methods = longrange_iterator_methods;
  }
} range_type_setup;

}  // namespace

Ref make_range(int64_t start, int64_t stop, int64_t step) {
  Ref start_int = TRY(make_int(start));
  Ref stop_int = TRY(make_int(stop));
  Ref step_int = TRY(make_int(step));
  return new_range(start_int, stop_int, step_int);
}

COIL_REGISTER_TYPE(range_type);
COIL_REGISTER_TYPE(range_iterator_type);
COIL_REGISTER_TYPE(longrange_iterator_type);

}  // namespace coil
