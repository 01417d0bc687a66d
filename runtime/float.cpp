// The float type: a boxed IEEE double (FloatObject).
//
// float's arithmetic slots accept an int for either operand and convert it
// with int_as_double (OverflowError for ints beyond the double range), as
// CPython's CONVERT_TO_DOUBLE does; int's slots return NotImplemented for a
// float, so `1 + 2.5` reaches float's slot through the reflected call.
// Comparisons with ints are exact (2**53 + 1 != 2.0**53), through
// compare_int_float. The semantics of each operation, its error messages
// and the text conversions come from runtime/numeric.h and runtime/repr.h.
//
// Floats, like every small object of fixed size, come from the free lists
// of runtime/alloc.h; make_float and dealloc take the shortest way there.
#include "runtime/float.h"

#include <cmath>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/bytes.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/numeric.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

namespace coil {

namespace {

Ref not_implemented_ref() { return ref(not_implemented()); }

Ref make_float_of_type(Type* type, double value) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  static_cast<FloatObject*>(object)->m_value = value;
  return Ref::steal(object);
}

}  // namespace

Ref float_no_memory() { return raise_no_memory(); }

// Reads a float or an int operand of an arithmetic slot: 1 converted, 0 for
// another type (the slot returns NotImplemented), -1 with an exception
// pending (an int too large for a double).
int float_operand(Value v, double& out) {
  if (v.is_small_int()) {
    out = double(v.as_small_int());
    return 1;
  }
  if (is_float(v)) {
    out = float_value(v);
    return 1;
  }
  if (is_int(v)) return int_as_double(v, out) ? 1 : -1;
  return 0;
}

namespace {

// Both operands of a binary slot as doubles, or the slot's early return.
#define FLOAT_OPERANDS(a, b, x, y)                     \
  double x, y;                                         \
  if (int c = float_operand(a, x); c <= 0) {           \
    if (c < 0) return {};                              \
    return not_implemented_ref();                      \
  }                                                    \
  if (int c = float_operand(b, y); c <= 0) {           \
    if (c < 0) return {};                              \
    return not_implemented_ref();                      \
  }

Ref float_repr_slot(Value self) { return make_str(float_repr(float_value(self))); }

std::optional<int64_t> float_hash_slot(Value self) {
  double value = float_value(self);
  if (std::isnan(value)) {
    // NaNs hash by identity since 3.10 (CPython's _Py_HashPointer: the
    // address rotated by 4 bits, as objects are 16-byte aligned).
    uint64_t bits = uint64_t(reinterpret_cast<uintptr_t>(self.as_object()));
    int64_t hash = int64_t((bits >> 4) | (bits << 60));
    return hash == -1 ? -2 : hash;
  }
  return float_hash(value);
}

bool compare_result(std::partial_ordering order, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return order < 0;
    case CompareOp::Le: return order <= 0;
    case CompareOp::Eq: return order == 0;
    case CompareOp::Ne: return order != 0;  // true for unordered (NaN)
    case CompareOp::Gt: return order > 0;
    case CompareOp::Ge: return order >= 0;
  }
  return false;
}

Ref float_richcompare(Value self, Value other, CompareOp op) {
  double x = float_value(self);
  if (is_float(other)) return new_bool(compare_result(x <=> float_value(other), op));
  if (other.is_small_int()) {
    int64_t i = other.as_small_int();
    // A 63-bit int within ±2**53 converts exactly; others compare exactly
    // through GMP below.
    if (i >= -(int64_t(1) << 53) && i <= (int64_t(1) << 53)) {
      return new_bool(compare_result(x <=> double(i), op));
    }
  }
  if (is_int(other)) {
    IntView value(other);
    // compare_int_float orders int <=> float; flip it to float <=> int.
    std::partial_ordering order = compare_int_float(value, x);
    std::partial_ordering flipped = order == std::partial_ordering::less      ? std::partial_ordering::greater
                                    : order == std::partial_ordering::greater ? std::partial_ordering::less
                                                                              : order;
    return new_bool(compare_result(flipped, op));
  }
  return not_implemented_ref();
}

Ref float_add(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return make_float(x + y);
}

Ref float_subtract(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return make_float(x - y);
}

Ref float_multiply(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return make_float(x * y);
}

Ref float_true_divide_slot(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  double result;
  NumericError error;
  if (!float_true_divide(result, x, y, error)) return raise_numeric_error(error);
  return make_float(result);
}

Ref float_floor_divide_slot(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  double result;
  NumericError error;
  if (!float_floor_divide(result, x, y, error)) return raise_numeric_error(error);
  return make_float(result);
}

Ref float_remainder(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  double result;
  NumericError error;
  if (!float_modulo(result, x, y, error)) return raise_numeric_error(error);
  return make_float(result);
}

Ref float_divmod_values(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  double quotient, remainder;
  NumericError error;
  if (!float_divmod(quotient, remainder, x, y, error)) return raise_numeric_error(error);
  Ref q = make_float(quotient);
  Ref r = make_float(remainder);
  if (!q || !r) return {};
  return make_tuple({q, r});
}

Ref float_power_slot(Value a, Value b, Value modulus) {
  FLOAT_OPERANDS(a, b, x, y);
  if (!is_none(modulus)) {
    return raise(&type_error_type, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  double result;
  bool complex_result = false;
  NumericError error;
  if (!float_power(result, complex_result, x, y, error)) return raise_numeric_error(error);
  // A negative base to a fractional power: the result is complex, as
  // CPython's float_pow delegates to complex.
  if (complex_result) return complex_power_values(x, 0.0, y, 0.0);
  return make_float(result);
}

Ref float_negative(Value v) { return make_float(-float_value(v)); }
Ref float_positive(Value v) {
  if (is_exact_float(v)) return ref(v);
  return make_float(float_value(v));
}
Ref float_absolute(Value v) { return make_float(std::fabs(float_value(v))); }
int float_bool(Value v) { return float_value(v) != 0.0; }

Ref float_int_slot(Value v) {
  double value = float_value(v);
  // Most floats converted to int are small: skip GMP for them.
  if (value > -4e18 && value < 4e18) return make_int(int64_t(value));
  Mpz result;
  NumericError error;
  if (!float_to_int(result, value, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

// ---- The constructor ----

// float(text) for the text of a str or bytes object `source`.
Ref float_from_text(std::string_view text, Value source) {
  std::string transformed;
  std::string_view literal = text;
  bool source_is_str = is_str(source);
  if (source_is_str && !str_isascii(text)) {
    transformed = transform_decimal_and_space(text);
    literal = transformed;
  }
  double value;
  NumericError error;
  if (literal.find('\0') == std::string_view::npos && float_from_string(value, literal, error)) {
    return make_float(value);
  }
  // The message quotes the original object, not its ASCII translation.
  std::string message = "could not convert string to float: ";
  message += source_is_str ? str_repr(text) : bytes_repr(text);
  return raise(&value_error_type, message);
}

}  // namespace

Ref float_from_object(Value x) {
  if (is_exact_float(x)) return ref(x);
  Type* type = x.type();
  if (type->m_float != nullptr) {
    Ref result = type->m_float(x);
    if (!result) return {};
    if (!is_float(result)) {
      return raise_format(&type_error_type, "%s.__float__ returned non-float (type %s)",
                          message_type_name(type).data(), value_type_name(result).data());
    }
    if (!is_exact_float(result)) return make_float(float_value(result));
    return result;
  }
  if (type->m_index != nullptr) {
    Ref integer = index(x);
    if (!integer) return {};
    double value;
    if (!int_as_double(integer, value)) return {};
    return make_float(value);
  }
  if (is_str(x)) return float_from_text(str_view(x), x);
  if (is_bytes(x)) return float_from_text(bytes_view(x), x);
  if (is_bytearray(x)) return float_from_text(x.as<ByteArrayObject>()->m_data, x);
  return raise_format(&type_error_type, "float() argument must be a string or a real number, not '%s'",
                      value_type_name(x).data());
}

bool float_as_double(Value v, double& out) {
  if (is_float(v)) {
    out = float_value(v);
    return true;
  }
  if (v.is_small_int()) {
    out = double(v.as_small_int());
    return true;
  }
  // A subclass of int may define __float__: only exact ints skip the slot.
  if (is_exact_int(v)) return int_as_double(v, out);
  Type* type = v.type();
  if (type->m_float == nullptr) {
    if (type->m_index != nullptr) {
      Ref integer = index(v);
      return integer && int_as_double(integer, out);
    }
    raise_format(&type_error_type, "must be real number, not %s", value_type_name(v).data());
    return false;
  }
  Ref result = type->m_float(v);
  if (!result) return false;
  if (!is_float(result)) {
    raise_format(&type_error_type, "%s.__float__ returned non-float (type %s)", message_type_name(type).data(),
                 value_type_name(result).data());
    return false;
  }
  out = float_value(result);
  return true;
}

namespace {

Ref float_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("float", Args{args, nargs, kwnames}, 0, 1)) return {};
  Ref result = nargs == 0 ? make_float(0.0) : float_from_object(args[0]);
  if (!result || type == &float_type) return result;
  return make_float_of_type(type, float_value(result));
}

// ---- Methods ----

Ref float_is_integer_method(Value self, Args) { return new_bool(float_is_integer(float_value(self))); }

Ref float_as_integer_ratio_method(Value self, Args) {
  Mpz numerator, denominator;
  NumericError error;
  if (!float_as_integer_ratio(numerator, denominator, float_value(self), error)) {
    return raise_numeric_error(error);
  }
  Ref n = make_int_taking(numerator);
  Ref d = make_int_taking(denominator);
  if (!n || !d) return {};
  return make_tuple({n, d});
}

Ref float_hex_method(Value self, Args) { return make_str(float_hex(float_value(self))); }

Ref float_fromhex_method(Value cls, Args args) {
  if (!is_str(args[0])) return raise(&type_error_type, "bad argument type for built-in operation");
  double value;
  NumericError error;
  if (!float_from_hex(value, str_view(args[0]), error)) return raise_numeric_error(error);
  Ref result = make_float(value);
  if (!result || cls.is(Value(&float_type))) return result;
  // A subclass gets cls(value), as CPython does.
  return call(cls, {result});
}

Ref float_conjugate(Value self, Args) { return float_positive(self); }

Ref float_trunc_method(Value self, Args) { return float_int_slot(self); }

Ref float_floor_method(Value self, Args) {
  double value = std::floor(float_value(self));
  Mpz result;
  NumericError error;
  if (!float_to_int(result, value, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

Ref float_ceil_method(Value self, Args) {
  double value = std::ceil(float_value(self));
  Mpz result;
  NumericError error;
  if (!float_to_int(result, value, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

Ref float_round_method(Value self, Args args) {
  if (!check_positional("__round__", args, 0, 1)) return {};
  double value = float_value(self);
  NumericError error;
  if (args.count == 0 || is_none(args[0])) {
    // round(x) is an int, half to even.
    Mpz result;
    if (!float_round_to_int(result, value, error)) return raise_numeric_error(error);
    return make_int_taking(result);
  }
  Ref ndigits = index(args[0]);
  if (!ndigits) return {};
  int64_t digits;
  // Beyond int64 every double is already exact (positive) or rounds to
  // zero (negative); float_round handles the clamped values so.
  if (!int_fits_int64(ndigits, digits)) digits = int_sign(ndigits) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  double result;
  if (!float_round(result, value, digits, error)) return raise_numeric_error(error);
  return make_float(result);
}

Ref float_format_method(Value self, Args args) {
  Value spec = args[0];
  if (!is_str(spec)) {
    return raise_format(&type_error_type, "__format__() argument must be str, not %s",
                        value_type_name(spec).data());
  }
  if (str_view(spec).empty()) return str(self);
  std::string out;
  FormatError error;
  if (!format_float(float_value(self), str_view(spec), out, error)) {
    rename_format_error_type(error, "float", self.type());
    return raise_format_error(error);
  }
  return make_str(out);
}

Ref float_getnewargs(Value self, Args) {
  Ref value = make_float(float_value(self));
  if (!value) return {};
  return make_tuple({value});
}

Ref float_getformat(Value, Args args) {
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "__getformat__() argument must be str, not %s",
                        value_type_name(args[0]).data());
  }
  std::string_view kind = str_view(args[0]);
  if (kind != "double" && kind != "float") {
    return raise(&value_error_type, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return make_str("IEEE, little-endian");
}

Ref float_divmod_method(Value self, Args args) { return float_divmod_values(self, args[0]); }
Ref float_rdivmod_method(Value self, Args args) { return float_divmod_values(args[0], self); }

Ref float_get_real(Value self) { return float_positive(self); }
Ref float_get_imag(Value) { return make_float(0.0); }

const MethodDef float_methods[] = {
    {"conjugate", float_conjugate, ArgKind::NoArgs, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc_method, ArgKind::NoArgs, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_method, ArgKind::NoArgs, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_method, ArgKind::NoArgs, "Return the ceiling as an Integral."},
    {"__round__", float_round_method, ArgKind::VarArgs,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio_method, ArgKind::NoArgs,
     "Return integer ratio."},
    {"fromhex", float_fromhex_method, ArgKind::OneArg, "Create a floating-point number from a hexadecimal string.",
     kMethodClass},
    {"hex", float_hex_method, ArgKind::NoArgs, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer_method, ArgKind::NoArgs, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, ArgKind::NoArgs},
    {"__getformat__", float_getformat, ArgKind::OneArg,
     "You probably don't want to use this function.", kMethodClass},
    {"__format__", float_format_method, ArgKind::OneArg, "Formats the float according to format_spec."},
    // divmod() has no slot: the builtin calls these.
    {"__divmod__", float_divmod_method, ArgKind::OneArg, "Return divmod(self, value)."},
    {"__rdivmod__", float_rdivmod_method, ArgKind::OneArg, "Return divmod(value, self)."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef float_getset[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number"},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr},
};

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// m_binary follows BinaryOp's order: Add, And, FloorDivide, LShift,
// MatrixMultiply, Multiply, Remainder, Or, Power (in m_power), RShift,
// Subtract, TrueDivide, Xor.
Type float_type = {
    .m_tp_name = "float",
    .m_doc = "Convert a string or number to a floating point number, if possible.",
    .m_flags = kTypeBaseType | kTypeImmutable,
    .m_size = sizeof(FloatObject),
    .m_methods = float_methods,
    .m_getset = float_getset,
    .m_repr = float_repr_slot,
    .m_hash = float_hash_slot,
    .m_richcompare = float_richcompare,
    .m_new = float_new,
    .m_binary = {float_add, nullptr, float_floor_divide_slot, nullptr, nullptr, float_multiply,
                 float_remainder, nullptr, nullptr, nullptr, float_subtract, float_true_divide_slot,
                 nullptr},
    .m_power = float_power_slot,
    .m_negative = float_negative,
    .m_positive = float_positive,
    .m_absolute = float_absolute,
    .m_bool = float_bool,
    .m_int = float_int_slot,
    .m_float = float_positive,
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(float_type);

}  // namespace coil
