// slice objects, and the index arithmetic shared by the sequence types
// (runtime/slice.h), as CPython's Objects/sliceobject.c.
//
// A slice only records its three bounds; what they mean depends on the
// length of the sequence it is applied to. Sequences use the int64 helpers
// (ints too big to be indices are clamped, as CPython clamps to
// Py_ssize_t); slice.indices() works in arbitrary precision, as CPython's
// _PySlice_GetLongIndices, since its length argument may be any int.
#include "runtime/slice.h"

#include <gmp.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type slice_type;

Ref make_slice(Value start, Value stop, Value step) {
  Object* object = allocate_object(&slice_type);
  if (object == nullptr) return raise_no_memory();
  auto* slice = static_cast<SliceObject*>(object);
  new (&slice->m_start) Ref(ref(start ? start : none()));
  new (&slice->m_stop) Ref(ref(stop ? stop : none()));
  new (&slice->m_step) Ref(ref(step ? step : none()));
  return Ref::steal(object);
}

bool has_index(Value v) { return is_int(v) || v.type()->m_index != nullptr; }

bool index_as_ssize(Value v, Type* overflow_type, int64_t& out) {
  Ref owned;
  if (!is_int(v)) {
    owned = index(v);
    if (!owned) return false;
    v = owned;
  }
  if (int_fits_int64(v, out)) return true;
  if (overflow_type != nullptr) {
    return raise_format(overflow_type, "cannot fit '%s' into an index-sized integer",
                        value_type_name(v).data());
  }
  // Clamp, as PyNumber_AsSsize_t(v, NULL) does.
  mpz_t value;
  mpz_init(value);
  int_to_mpz(v, value);
  out = mpz_sgn(value) < 0 ? INT64_MIN : INT64_MAX;
  mpz_clear(value);
  return true;
}

bool ssize_argument(Value v, int64_t& out) {
  Ref owned;
  if (!is_int(v)) {
    owned = index(v);
    if (!owned) return false;
    v = owned;
  }
  if (int_fits_int64(v, out)) return true;
  return raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
}

// CPython's _PyEval_SliceIndex: None leaves `out` as it is.
static bool slice_index(Value v, int64_t& out) {
  if (is_none(v)) return true;
  if (!has_index(v)) {
    return raise(&type_error_type,
                 "slice indices must be integers or None or have an __index__ method");
  }
  return index_as_ssize(v, nullptr, out);
}

bool slice_index_not_none(Value v, int64_t& out) {
  if (!has_index(v)) {
    return raise(&type_error_type, "slice indices must be integers or have an __index__ method");
  }
  return index_as_ssize(v, nullptr, out);
}

bool slice_unpack(Value slice_value, int64_t& start, int64_t& stop, int64_t& step) {
  auto* slice = slice_value.as<SliceObject>();
  step = 1;
  if (!is_none(slice->m_step)) {
    if (!slice_index(slice->m_step, step)) return false;
    if (step == 0) return raise(&value_error_type, "slice step cannot be zero");
    // So that -step cannot overflow.
    if (step < -INT64_MAX) step = -INT64_MAX;
  }
  start = step < 0 ? INT64_MAX : 0;
  if (!slice_index(slice->m_start, start)) return false;
  stop = step < 0 ? INT64_MIN : INT64_MAX;
  if (!slice_index(slice->m_stop, stop)) return false;
  return true;
}

int64_t slice_adjust_indices(int64_t length, int64_t& start, int64_t& stop, int64_t step) {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (stop < start) return (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    return (stop - start - 1) / step + 1;
  }
  return 0;
}

bool slice_indices(Value slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                   int64_t& slicelength) {
  if (!slice_unpack(slice, start, stop, step)) return false;
  slicelength = slice_adjust_indices(length, start, stop, step);
  return true;
}

namespace {

SliceObject* as_slice(Value v) { return v.as<SliceObject>(); }

Ref slice_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("slice", Args{args, nargs, kwnames}, 1, 3)) return {};
  if (nargs == 1) return make_slice(none(), args[0], none());
  return make_slice(args[0], args[1], nargs == 3 ? args[2] : none());
}

Ref slice_repr(Value self) {
  SliceObject* slice = as_slice(self);
  std::string text = "slice(";
  const Ref* parts[] = {&slice->m_start, &slice->m_stop, &slice->m_step};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) text += ", ";
    Ref part = TRY(repr(*parts[i]));
    text += str_view(part);
  }
  text += ')';
  return make_str(text);
}

Ref slice_as_tuple(Value self) {
  SliceObject* slice = as_slice(self);
  return make_tuple({slice->m_start.get(), slice->m_stop.get(), slice->m_step.get()});
}

Ref slice_richcompare(Value a, Value b, CompareOp op) {
  if (!is_slice(b)) return ref(not_implemented());
  if (a.is(b)) {
    if (op == CompareOp::Eq) return new_bool(true);
    if (op == CompareOp::Ne) return new_bool(false);
  }
  Ref left = TRY(slice_as_tuple(a));
  Ref right = TRY(slice_as_tuple(b));
  return compare(left, right, op);
}

// One bound of slice.indices(): CPython's evaluate_slice_index.
Ref evaluate_slice_index(Value v) {
  if (!has_index(v)) {
    return raise(&type_error_type,
                 "slice indices must be integers or None or have an __index__ method");
  }
  return index(v);
}

}  // namespace

bool slice_long_indices(Value slice_value, Value length_value, Ref& start_out, Ref& stop_out,
                        Ref& step_out) {
  SliceObject* slice = as_slice(slice_value);
  struct Mpz {
    mpz_t v;
    Mpz() { mpz_init(v); }
    ~Mpz() { mpz_clear(v); }
  } length, step, start, stop, lower, upper;
  int_to_mpz(length_value, length.v);

  if (is_none(slice->m_step)) {
    mpz_set_si(step.v, 1);
  } else {
    Ref step_ref = evaluate_slice_index(slice->m_step);
    if (!step_ref) return false;
    int_to_mpz(step_ref, step.v);
    if (mpz_sgn(step.v) == 0) return raise(&value_error_type, "slice step cannot be zero");
  }
  bool step_is_negative = mpz_sgn(step.v) < 0;
  if (step_is_negative) {
    mpz_set_si(lower.v, -1);
    mpz_sub_ui(upper.v, length.v, 1);
  } else {
    mpz_set_si(lower.v, 0);
    mpz_set(upper.v, length.v);
  }
  auto clip = [&](Value bound, mpz_t out, bool is_start) -> bool {
    if (is_none(bound)) {
      mpz_set(out, (is_start == step_is_negative) ? upper.v : lower.v);
      return true;
    }
    Ref bound_ref = evaluate_slice_index(bound);
    if (!bound_ref) return false;
    int_to_mpz(bound_ref, out);
    if (mpz_sgn(out) < 0) {
      mpz_add(out, out, length.v);
      if (mpz_cmp(out, lower.v) < 0) mpz_set(out, lower.v);
    } else if (mpz_cmp(out, upper.v) > 0) {
      mpz_set(out, upper.v);
    }
    return true;
  };
  if (!clip(slice->m_start, start.v, true)) return false;
  if (!clip(slice->m_stop, stop.v, false)) return false;
  start_out = make_int(start.v);
  stop_out = make_int(stop.v);
  step_out = make_int(step.v);
  return start_out && stop_out && step_out;
}

namespace {

// slice.indices(length): (start, stop, step) clipped to the length.
Ref slice_indices_method(Value self, Args args) {
  Ref length = TRY(index(args[0]));
  if (compare_bool(length, Value::small_int(0), CompareOp::Lt) == 1) {
    return raise(&value_error_type, "length should not be negative");
  }
  Ref start, stop, step;
  if (!slice_long_indices(self, length, start, stop, step)) return {};
  return make_tuple({start.get(), stop.get(), step.get()});
}

Ref slice_reduce(Value self, Args) {
  Ref bounds = TRY(slice_as_tuple(self));
  return make_tuple({Value(&slice_type), bounds.get()});
}

Ref slice_get_start(Value self) { return as_slice(self)->m_start; }
Ref slice_get_stop(Value self) { return as_slice(self)->m_stop; }
Ref slice_get_step(Value self) { return as_slice(self)->m_step; }

void slice_destroy(Object* object) { static_cast<SliceObject*>(object)->~SliceObject(); }

void slice_traverse(Object* object, VisitFn visit, void* context) {
  auto* slice = static_cast<SliceObject*>(object);
  visit(slice->m_start, context);
  visit(slice->m_stop, context);
  visit(slice->m_step, context);
}

void slice_clear(Object* object) {
  auto* slice = static_cast<SliceObject*>(object);
  // Replaced by None rather than emptied: a slice's bounds are never null.
  slice->m_start = ref(none());
  slice->m_stop = ref(none());
  slice->m_step = ref(none());
}

const MethodDef slice_methods[] = {
    {"indices", slice_indices_method, ArgKind::OneArg,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", slice_reduce, ArgKind::NoArgs, "Return state information for pickling."},
    {},
};

const GetSetDef slice_getset[] = {
    {"start", slice_get_start},
    {"stop", slice_get_stop},
    {"step", slice_get_step},
    {},
};

struct SliceTypeSetup {
  SliceTypeSetup() {
    Type& t = slice_type;
    t.m_tp_name = "slice";
    t.m_doc =
        "slice(stop)\nslice(start, stop[, step])\n\n"
        "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).";
    t.m_size = sizeof(SliceObject);
    t.m_flags = kTypeHasGC;
    t.m_destroy = slice_destroy;
    t.m_traverse = slice_traverse;
    t.m_clear = slice_clear;
    t.m_new = slice_new;
    t.m_repr = slice_repr;
    t.m_richcompare = slice_richcompare;
    t.m_methods = slice_methods;
    t.m_getset = slice_getset;
  }
} slice_type_setup;

}  // namespace

COIL_REGISTER_TYPE(slice_type);

}  // namespace coil
