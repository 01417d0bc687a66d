// The int type (DESIGN §3 "Values"): small ints are tagged Values, every
// other int — a value past 63 bits, or an instance of a subclass of int —
// is an IntObject holding a GMP integer.
//
// Each operation first tries the case of two small ints in plain int64
// arithmetic (two 63-bit values never overflow an int64 when added or
// subtracted; products and shifts are checked), and otherwise works on mpz
// views of both operands (IntView: no allocation for a small operand).
// Results go through make_int, which gives back a small int whenever the
// value fits, so the representation of a value is unique: an exact int is
// small if and only if it fits in 63 bits.
//
// The semantics of division, powers, shifts, text conversions and hashing
// are CPython 3.11's, from runtime/numeric.h; this file adds the object
// layer, the fast paths and CPython's argument handling and messages.
// Operands of another type make the slots return NotImplemented: float's
// slots (runtime/float.cpp) handle int/float mixes, as CPython's do.
#include "runtime/int.h"

#include <utf8proc.h>

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/numeric.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

namespace coil {

// ---- Construction and access ----

IntView::IntView(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    m_limb = i < 0 ? mp_limb_t(0) - mp_limb_t(i) : mp_limb_t(i);
    mpz_roinit_n(&m_small, &m_limb, i < 0 ? -1 : (i > 0 ? 1 : 0));
    m_pointer = &m_small;
  } else {
    m_pointer = v.as<IntObject>()->m_value;
  }
}

namespace {

IntObject* new_int_object(Type* type) {
  Object* object = allocate_object(type);
  if (object == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  return static_cast<IntObject*>(object);
}

Ref not_implemented_ref() { return ref(not_implemented()); }

}  // namespace

Ref make_int(int64_t value) {
  if (Value::fits_small_int(value)) return Ref::small_int(value);
  IntObject* object = new_int_object(&int_type);
  if (object == nullptr) return {};
  mpz_init_set_si(object->m_value, value);
  return Ref::steal(object);
}

Ref make_int(uint64_t value) {
  if (value <= uint64_t(Value::kSmallIntMax)) return Ref::small_int(int64_t(value));
  IntObject* object = new_int_object(&int_type);
  if (object == nullptr) return {};
  mpz_init_set_ui(object->m_value, value);
  return Ref::steal(object);
}

Ref make_int(const mpz_t value) {
  if (mpz_fits_slong_p(value)) {
    long small = mpz_get_si(value);
    if (Value::fits_small_int(small)) return Ref::small_int(small);
  }
  IntObject* object = new_int_object(&int_type);
  if (object == nullptr) return {};
  mpz_init_set(object->m_value, value);
  return Ref::steal(object);
}

Ref make_int_taking(mpz_t value) {
  if (mpz_fits_slong_p(value)) {
    long small = mpz_get_si(value);
    if (Value::fits_small_int(small)) {
      mpz_set_ui(value, 0);
      return Ref::small_int(small);
    }
  }
  IntObject* object = new_int_object(&int_type);
  if (object == nullptr) return {};
  mpz_init(object->m_value);
  mpz_swap(object->m_value, value);
  return Ref::steal(object);
}

Ref make_int_of_type(Type* type, const mpz_t value) {
  if (type == &int_type) return make_int(value);
  if (type == &bool_type) return new_bool(mpz_sgn(value) != 0);
  IntObject* object = new_int_object(type);
  if (object == nullptr) return {};
  mpz_init_set(object->m_value, value);
  return Ref::steal(object);
}

void int_to_mpz(Value v, mpz_t out) {
  if (v.is_small_int()) {
    mpz_set_si(out, v.as_small_int());
  } else {
    mpz_set(out, v.as<IntObject>()->m_value);
  }
}

int int_sign(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    return (i > 0) - (i < 0);
  }
  return mpz_sgn(v.as<IntObject>()->m_value);
}

Raised raise_numeric_error(const NumericError& error) {
  Type* type = &value_error_type;
  switch (error.type) {
    case NumericError::ValueError: type = &value_error_type; break;
    case NumericError::ZeroDivisionError: type = &zero_division_error_type; break;
    case NumericError::OverflowError: type = &overflow_error_type; break;
    case NumericError::TypeError: type = &type_error_type; break;
    case NumericError::MemoryError: return raise_no_memory();
  }
  return raise(type, error.message);
}

void rename_format_error_type(FormatError& error, std::string_view base_name, Type* actual) {
  std::string suffix = "for object of type '" + std::string(base_name) + "'";
  std::string_view actual_name = type_name(actual);
  if (actual_name == base_name || error.message.size() < suffix.size() ||
      error.message.compare(error.message.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return;
  }
  error.message.resize(error.message.size() - suffix.size());
  error.message += "for object of type '" + std::string(actual_name) + "'";
}

Raised raise_format_error(const FormatError& error) {
  Type* type = error.type == FormatErrorType::TypeError       ? &type_error_type
               : error.type == FormatErrorType::OverflowError ? &overflow_error_type
                                                              : &value_error_type;
  return raise(type, error.message);
}

bool int_as_double(Value v, double& out) {
  if (v.is_small_int()) {
    // Every 63-bit value converts exactly or rounds as the FPU does: half to
    // even, as CPython's PyLong_AsDouble.
    out = double(v.as_small_int());
    return true;
  }
  FormatError error;
  if (int_to_double(v.as<IntObject>()->m_value, out, error)) return true;
  raise(&overflow_error_type, error.message);
  return false;
}

int64_t int_hash_value(Value v) {
  if (v.is_small_int()) {
    // hash() of an int is its value modulo 2**61 - 1 with the sign kept
    // (Python/pyhash.c); -1 is reserved for errors in CPython, so it hashes
    // as -2.
    constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
    int64_t i = v.as_small_int();
    uint64_t magnitude = i < 0 ? uint64_t(0) - uint64_t(i) : uint64_t(i);
    int64_t hash = int64_t(magnitude % kModulus);
    if (i < 0) hash = -hash;
    return hash == -1 ? -2 : hash;
  }
  return int_hash(v.as<IntObject>()->m_value);
}

// ---- Text ----

namespace {

// The decimal digit value of a Unicode code point in category Nd, or -1.
// Unicode guarantees that decimal digits come in contiguous runs of ten,
// from 0 to 9, so the value is the distance from the run's start modulo ten
// (some runs, such as the mathematical digits, are several sets in a row).
int unicode_decimal_value(char32_t code_point) {
  if (code_point < 0x80) return code_point >= '0' && code_point <= '9' ? int(code_point - '0') : -1;
  if (code_point > 0x10FFFF) return -1;
  if (utf8proc_category(utf8proc_int32_t(code_point)) != UTF8PROC_CATEGORY_ND) return -1;
  char32_t start = code_point;
  while (start > 0 && utf8proc_category(utf8proc_int32_t(start - 1)) == UTF8PROC_CATEGORY_ND) --start;
  return int((code_point - start) % 10);
}

// repr() cut to 200 code points, as CPython's "%.200R".
std::string truncated_repr(std::string_view text, bool is_bytes) {
  std::string full = is_bytes ? bytes_repr(text) : str_repr(text);
  size_t pos = 0;
  for (size_t count = 0; count < 200 && pos < full.size(); ++count) decode_utf8(full, pos);
  return full.substr(0, pos);
}

}  // namespace

std::string transform_decimal_and_space(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      out += char(byte);
      ++pos;
      continue;
    }
    char32_t code_point = decode_utf8(utf8, pos);
    if (is_space(code_point)) {
      out += ' ';
    } else if (int digit = unicode_decimal_value(code_point); digit >= 0) {
      out += char('0' + digit);
    } else {
      out += '?';
    }
  }
  return out;
}

Ref int_from_text(std::string_view text, int base, Value source) {
  if ((base != 0 && base < 2) || base > 36) {
    return raise(&value_error_type, "int() base must be >= 2 and <= 36, or 0");
  }
  bool is_bytes_source = source && !is_str(source);
  std::string transformed;
  std::string_view digits = text;
  if (!is_bytes_source && !str_isascii(text)) {
    transformed = transform_decimal_and_space(text);
    digits = transformed;
  }
  // An embedded NUL ends the C string CPython parses, so the text is invalid.
  bool has_nul = digits.find('\0') != std::string_view::npos;
  Mpz value;
  NumericError error;
  if (!has_nul && int_from_string(value, digits, base, error)) return make_int_taking(value);
  if (has_nul || (error.type == NumericError::ValueError &&
                  error.message.rfind("invalid literal", 0) == 0)) {
    // The message quotes the original text (bytes as bytes), not the ASCII
    // translation that was parsed.
    std::string_view quoted = text;
    if (is_bytes_source && quoted.size() > 200) quoted = quoted.substr(0, 200);
    std::string message = "invalid literal for int() with base " + std::to_string(base) + ": " +
                          truncated_repr(quoted, is_bytes_source);
    return raise(&value_error_type, message);
  }
  return raise_numeric_error(error);
}

Ref int_from_literal(std::string_view text) {
  Mpz value;
  NumericError error;
  if (!int_from_string(value, text, 0, error)) return raise_numeric_error(error);
  return make_int_taking(value);
}

Ref small_int_str(int64_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  size_t size = size_t(result.ptr - buffer);
  return make_str(std::string_view(buffer, size), size, true);  // digits and a sign: ASCII
}

namespace {

// The exact int with the value of an int or int subclass instance.
Ref exact_int(Value v) {
  if (v.is_small_int() || v.type() == &int_type) return ref(v);
  return make_int(v.as<IntObject>()->m_value);
}

Ref int_repr(Value self) {
  if (self.is_small_int()) return small_int_str(self.as_small_int());
  std::string text;
  NumericError error;
  if (!int_to_decimal(text, self.as<IntObject>()->m_value, error)) return raise_numeric_error(error);
  return make_str(text);
}

std::optional<int64_t> int_hash_slot(Value self) { return int_hash_value(self); }

Ref int_richcompare(Value a, Value b, CompareOp op) {
  if (!is_int(a) || !is_int(b)) return not_implemented_ref();
  int comparison;
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    comparison = (x > y) - (x < y);
  } else {
    IntView x(a), y(b);
    comparison = mpz_cmp(x, y);
  }
  bool result = false;
  switch (op) {
    case CompareOp::Lt: result = comparison < 0; break;
    case CompareOp::Le: result = comparison <= 0; break;
    case CompareOp::Eq: result = comparison == 0; break;
    case CompareOp::Ne: result = comparison != 0; break;
    case CompareOp::Gt: result = comparison > 0; break;
    case CompareOp::Ge: result = comparison >= 0; break;
  }
  return new_bool(result);
}

// ---- Arithmetic ----

#define INT_OPERANDS(a, b) \
  if (!is_int(a) || !is_int(b)) return not_implemented_ref()

Ref int_add(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return make_int(a.as_small_int() + b.as_small_int());
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  mpz_add(result, x, y);
  return make_int_taking(result);
}

Ref int_subtract(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return make_int(a.as_small_int() - b.as_small_int());
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  mpz_sub(result, x, y);
  return make_int_taking(result);
}

Ref int_multiply(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t product;
    if (!__builtin_mul_overflow(a.as_small_int(), b.as_small_int(), &product)) return make_int(product);
  }
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  mpz_mul(result, x, y);
  return make_int_taking(result);
}

// Floor division and modulo of int64s with Python's signs: the quotient
// rounds toward minus infinity and the remainder takes the divisor's sign.
// `b` is nonzero and neither operand is INT64_MIN (they are 63-bit).
void small_divmod(int64_t a, int64_t b, int64_t& quotient, int64_t& remainder) {
  quotient = a / b;
  remainder = a % b;
  if (remainder != 0 && ((remainder < 0) != (b < 0))) {
    remainder += b;
    --quotient;
  }
}

Ref int_floor_divide_slot(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int() && b.as_small_int() != 0) {
    int64_t quotient, remainder;
    small_divmod(a.as_small_int(), b.as_small_int(), quotient, remainder);
    return make_int(quotient);
  }
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  NumericError error;
  if (!int_floor_divide(result, x, y, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

Ref int_remainder(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int() && b.as_small_int() != 0) {
    int64_t quotient, remainder;
    small_divmod(a.as_small_int(), b.as_small_int(), quotient, remainder);
    return make_int(remainder);
  }
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  NumericError error;
  if (!int_modulo(result, x, y, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

Ref int_divmod_values(Value a, Value b) {
  INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int() && b.as_small_int() != 0) {
    int64_t quotient, remainder;
    small_divmod(a.as_small_int(), b.as_small_int(), quotient, remainder);
    Ref q = make_int(quotient);
    Ref r = make_int(remainder);
    if (!q || !r) return {};
    return make_tuple({q, r});
  }
  IntView x(a), y(b);
  Mpz quotient, remainder;
  NumericError error;
  if (!int_divmod(quotient, remainder, x, y, error)) return raise_numeric_error(error);
  Ref q = make_int_taking(quotient);
  Ref r = make_int_taking(remainder);
  if (!q || !r) return {};
  return make_tuple({q, r});
}

Ref int_true_divide_slot(Value a, Value b) {
  INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    // Both exact as doubles: one correctly rounded division, as CPython's
    // long_true_divide fast path.
    int64_t x = a.as_small_int(), y = b.as_small_int();
    constexpr int64_t kExact = int64_t(1) << 53;
    if (y != 0 && x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) {
      return make_float(double(x) / double(y));
    }
  }
  IntView x(a), y(b);
  double result;
  NumericError error;
  if (!int_true_divide(result, x, y, error)) return raise_numeric_error(error);
  return make_float(result);
}

Ref int_left_shift_slot(Value a, Value b) {
  INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), shift = b.as_small_int();
    if (shift >= 0 && shift < 62) {
      // Fits when |x| < 2**(62 - shift): the result stays within 63 bits.
      int64_t limit = int64_t(1) << (62 - shift);
      if (x > -limit && x < limit) return Ref::small_int(int64_t(uint64_t(x) << shift));
    }
    if (x == 0 && shift >= 0) return Ref::small_int(0);
  }
  IntView x(a), y(b);
  if (mpz_sgn(x) != 0 && mpz_sgn(y) > 0 && mpz_sizeinbase(y, 2) > 40) {
    // Too large to build. CPython sizes the result in 30-bit digits first
    // and reports a count past its maximum (PY_SSIZE_T_MAX - 24) / 4 as
    // OverflowError, anything smaller as the allocation's MemoryError.
    Mpz digits, remainder;
    mpz_fdiv_qr_ui(digits, remainder, y, 30);
    mpz_add_ui(digits, digits, (int_bit_length(x) + 29) / 30 + (mpz_sgn(remainder) != 0));
    Mpz limit;
    mpz_set_ui(limit, (uint64_t(INT64_MAX) - 24) / 4);
    if (mpz_cmp(digits, limit) > 0) return raise(&overflow_error_type, "too many digits in integer");
  }
  Mpz result;
  NumericError error;
  if (!int_left_shift(result, x, y, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

Ref int_right_shift_slot(Value a, Value b) {
  INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int() && b.as_small_int() >= 0) {
    int64_t x = a.as_small_int(), shift = b.as_small_int();
    // An arithmetic shift rounds toward minus infinity, as Python's >>.
    return Ref::small_int(shift >= 63 ? (x < 0 ? -1 : 0) : (x >> shift));
  }
  IntView x(a), y(b);
  Mpz result;
  NumericError error;
  if (!int_right_shift(result, x, y, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

Ref int_and(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Ref::small_int(a.as_small_int() & b.as_small_int());
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  mpz_and(result, x, y);
  return make_int_taking(result);
}

Ref int_or(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Ref::small_int(a.as_small_int() | b.as_small_int());
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  mpz_ior(result, x, y);
  return make_int_taking(result);
}

Ref int_xor(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Ref::small_int(a.as_small_int() ^ b.as_small_int());
  INT_OPERANDS(a, b);
  IntView x(a), y(b);
  Mpz result;
  mpz_xor(result, x, y);
  return make_int_taking(result);
}

Ref int_power_slot(Value a, Value b, Value modulus) {
  INT_OPERANDS(a, b);
  if (!is_none(modulus)) {
    if (!is_int(modulus)) return not_implemented_ref();
    IntView x(a), y(b), m(modulus);
    Mpz result;
    NumericError error;
    if (!int_power_modulo(result, x, y, m, error)) return raise_numeric_error(error);
    return make_int_taking(result);
  }
  if (a.is_small_int() && b.is_small_int() && b.as_small_int() >= 0) {
    // Square-and-multiply in int64 while nothing overflows.
    int64_t base = a.as_small_int(), exponent = b.as_small_int(), result = 1;
    bool overflow = false;
    while (exponent > 0) {
      if (exponent & 1) overflow |= __builtin_mul_overflow(result, base, &result);
      exponent >>= 1;
      if (exponent > 0) overflow |= __builtin_mul_overflow(base, base, &base);
      if (overflow) break;
    }
    if (!overflow) return make_int(result);
  }
  IntView x(a), y(b);
  Mpz result;
  double float_result;
  bool is_float_result = false;
  NumericError error;
  if (!int_power(result, float_result, is_float_result, x, y, error)) return raise_numeric_error(error);
  if (is_float_result) return make_float(float_result);
  return make_int_taking(result);
}

Ref int_negative(Value v) {
  if (v.is_small_int()) return make_int(-v.as_small_int());
  Mpz result;
  mpz_neg(result, v.as<IntObject>()->m_value);
  return make_int_taking(result);
}

Ref int_positive(Value v) { return exact_int(v); }

Ref int_absolute(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    return make_int(i < 0 ? -i : i);
  }
  Mpz result;
  mpz_abs(result, v.as<IntObject>()->m_value);
  return make_int_taking(result);
}

Ref int_invert(Value v) {
  if (v.is_small_int()) return Ref::small_int(~v.as_small_int());
  Mpz result;
  mpz_com(result, v.as<IntObject>()->m_value);
  return make_int_taking(result);
}

int int_bool(Value v) { return int_sign(v) != 0; }

Ref int_float_slot(Value v) {
  double result;
  if (!int_as_double(v, result)) return {};
  return make_float(result);
}

// ---- The constructor ----

// int(x) with no base, as CPython's PyNumber_Long.
Ref int_from_number(Value x) {
  if (is_exact_int(x)) return ref(x);
  Type* type = x.type();
  if (type->m_int != nullptr) {
    Ref result = type->m_int(x);
    if (!result) return {};
    if (!is_int(result)) {
      return raise_format(&type_error_type, "__int__ returned non-int (type %s)",
                          value_type_name(result).data());
    }
    return exact_int(result);
  }
  if (type->m_index != nullptr) {
    Ref result = type->m_index(x);
    if (!result) return {};
    if (!is_int(result)) {
      return raise_format(&type_error_type, "__index__ returned non-int (type %s)",
                          value_type_name(result).data());
    }
    return exact_int(result);
  }
  bool found = false;
  Ref truncated = call_special(x, "__trunc__", {}, found);
  if (found) {
    if (!truncated) return {};
    if (is_int(truncated)) return exact_int(truncated);
    if (truncated.type()->m_index == nullptr) {
      return raise_format(&type_error_type, "__trunc__ returned non-Integral (type %s)",
                          value_type_name(truncated).data());
    }
    return index(truncated);
  }
  if (error_pending()) return {};
  if (is_str(x)) return int_from_text(str_view(x), 10, x);
  if (is_bytes(x)) return int_from_text(bytes_view(x), 10, x);
  if (is_bytearray(x)) return int_from_text(x.as<ByteArrayObject>()->m_data, 10, x);
  return raise_format(&type_error_type,
                      "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      value_type_name(x).data());
}

Ref int_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  size_t keyword_count = kwnames ? kwnames->m_size : 0;
  if (nargs + keyword_count > 2) {
    return raise_format(&type_error_type, "int() takes at most 2 arguments (%zu given)",
                        nargs + keyword_count);
  }
  Value x = nargs >= 1 ? args[0] : Value();
  Value base = nargs >= 2 ? args[1] : Value();
  for (size_t i = 0; i < keyword_count; ++i) {
    std::string_view name = str_view(kwnames->m_items[i]);
    if (name != "base") {
      return raise_format(&type_error_type, "'%s' is an invalid keyword argument for int()",
                          str_cstr(kwnames->m_items[i]));
    }
    if (base) {
      return raise(&type_error_type, "argument for int() given by name ('base') and position (2)");
    }
    base = args[nargs + i];
  }
  Ref result;
  if (!x) {
    if (base) return raise(&type_error_type, "int() missing string argument");
    result = Ref::small_int(0);
  } else {
    result = int_from_object(x, base);
  }
  if (!result || type == &int_type) return result;
  IntView value(result);
  return make_int_of_type(type, value);
}

}  // namespace

Ref int_from_object(Value x, Value base) {
  if (!base) return int_from_number(x);
  Ref base_int = index(base);
  if (!base_int) return {};
  int64_t base_value;
  // A base that does not fit is out of range, as CPython's clamping
  // PyNumber_AsSsize_t makes it.
  if (!int_fits_int64(base_int, base_value)) base_value = int_sign(base_int) < 0 ? INT64_MIN : INT64_MAX;
  if ((base_value != 0 && base_value < 2) || base_value > 36) {
    return raise(&value_error_type, "int() base must be >= 2 and <= 36, or 0");
  }
  int b = int(base_value);
  if (is_str(x)) return int_from_text(str_view(x), b, x);
  if (is_bytes(x)) return int_from_text(bytes_view(x), b, x);
  if (is_bytearray(x)) return int_from_text(x.as<ByteArrayObject>()->m_data, b, x);
  return raise(&type_error_type, "int() can't convert non-string with explicit base");
}

namespace {

// ---- Methods ----

Ref int_bit_length_method(Value self, Args) {
  IntView value(self);
  return make_int(uint64_t(int_bit_length(value)));
}

Ref int_bit_count_method(Value self, Args) {
  IntView value(self);
  return make_int(uint64_t(int_bit_count(value)));
}

// The byteorder argument of to_bytes/from_bytes: true for 'little'.
bool parse_byteorder(const char* function, Value byteorder, bool& little) {
  if (!byteorder) {
    little = false;
    return true;
  }
  if (!is_str(byteorder)) {
    raise_format(&type_error_type, "%s() argument 'byteorder' must be str, not %s", function,
                 value_type_name(byteorder).data());
    return false;
  }
  std::string_view text = str_view(byteorder);
  if (text == "little") {
    little = true;
  } else if (text == "big") {
    little = false;
  } else {
    raise(&value_error_type, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

Ref int_to_bytes_method(Value self, Args args) {
  static const ArgSpec spec{"to_bytes", {"length", "byteorder", "signed"}, 0, 2, 0};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  int64_t length = 1;
  if (bound[0]) {
    std::optional<int64_t> value = index_as_int64(bound[0]);
    if (!value) return {};
    length = *value;
  }
  if (length < 0) return raise(&value_error_type, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder("to_bytes", bound[1], little)) return {};
  bool is_signed = false;
  if (bound[2]) {
    int truth = is_true(bound[2]);
    if (truth < 0) return {};
    is_signed = truth != 0;
  }
  std::string out;
  NumericError error;
  IntView value(self);
  if (!int_to_bytes(out, value, length, little, is_signed, error)) return raise_numeric_error(error);
  return make_bytes(out);
}

// bytes(x) as int.from_bytes takes it (CPython's PyObject_Bytes).
bool bytes_argument(Value x, std::string& out) {
  if (is_bytes(x)) {
    out.assign(bytes_view(x));
    return true;
  }
  if (is_bytearray(x)) {
    out = x.as<ByteArrayObject>()->m_data;
    return true;
  }
  bool found = false;
  Ref converted = call_special(x, "__bytes__", {}, found);
  if (found) {
    if (!converted) return false;
    if (!is_bytes(converted)) {
      raise_format(&type_error_type, "__bytes__ returned non-bytes (type %s)",
                   value_type_name(converted).data());
      return false;
    }
    out.assign(bytes_view(converted));
    return true;
  }
  if (error_pending()) return false;
  if (is_str(x) || x.type()->m_iter == nullptr) {
    raise_format(&type_error_type, "cannot convert '%s' object to bytes", value_type_name(x).data());
    return false;
  }
  return for_each(x, [&](Value item) {
    std::optional<int64_t> byte = index_as_int64(item);
    if (!byte) {
      if (exception_matches(&index_error_type)) {
        clear_exception();
        raise(&value_error_type, "bytes must be in range(0, 256)");
      }
      return false;
    }
    if (*byte < 0 || *byte > 255) {
      raise(&value_error_type, "bytes must be in range(0, 256)");
      return false;
    }
    out += char(*byte);
    return true;
  });
}

Ref int_from_bytes_method(Value cls, Args args) {
  static const ArgSpec spec{"from_bytes", {"bytes", "byteorder", "signed"}, 0, 2, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  bool little;
  if (!parse_byteorder("from_bytes", bound[1], little)) return {};
  bool is_signed = false;
  if (bound[2]) {
    int truth = is_true(bound[2]);
    if (truth < 0) return {};
    is_signed = truth != 0;
  }
  std::string data;
  if (!bytes_argument(bound[0], data)) return {};
  Mpz value;
  int_from_bytes(value, data, little, is_signed);
  Ref result = make_int_taking(value);
  if (!result || cls.is(Value(&int_type))) return result;
  // A subclass gets cls(value), as CPython does.
  return call(cls, {result});
}

Ref int_as_integer_ratio(Value self, Args) {
  Ref numerator = exact_int(self);
  if (!numerator) return {};
  return make_tuple({numerator, Value::small_int(1)});
}

Ref int_exact_method(Value self, Args) { return exact_int(self); }

Ref int_round_method(Value self, Args args) {
  if (!check_positional("__round__", args, 0, 1)) return {};
  if (args.count == 0 || is_none(args[0])) return exact_int(self);
  Ref ndigits = index(args[0]);
  if (!ndigits) return {};
  int64_t digits;
  // Any ndigits past int64 is either >= 0 (nothing to round) or rounds
  // every int to 0; clamping keeps both outcomes.
  if (!int_fits_int64(ndigits, digits)) digits = int_sign(ndigits) < 0 ? INT64_MIN / 2 : 0;
  if (digits >= 0) return exact_int(self);
  IntView value(self);
  Mpz result;
  int_round(result, value, digits);
  return make_int_taking(result);
}

Ref int_format_method(Value self, Args args) {
  Value spec = args[0];
  if (!is_str(spec)) {
    return raise_format(&type_error_type, "__format__() argument must be str, not %s",
                        value_type_name(spec).data());
  }
  // An empty spec is str(self), which a subclass (bool) may define.
  if (str_view(spec).empty()) return str(self);
  std::string out;
  FormatError error;
  bool ok;
  if (self.is_small_int()) {
    ok = format_int(self.as_small_int(), str_view(spec), out, error);
  } else {
    ok = format_int(self.as<IntObject>()->m_value, str_view(spec), out, error);
  }
  if (!ok) {
    // format.h names the type "int"; a subclass's messages name the subclass.
    rename_format_error_type(error, "int", self.type());
    return raise_format_error(error);
  }
  return make_str(out);
}

Ref int_getnewargs(Value self, Args) {
  Ref value = exact_int(self);
  if (!value) return {};
  return make_tuple({value});
}

Ref int_sizeof(Value self, Args) {
  // CPython's layout: a 24-byte header, then 30-bit digits of 4 bytes, at
  // least one.
  IntView value(self);
  uint64_t digits = (int_bit_length(value) + 29) / 30;
  if (digits == 0) digits = 1;
  return make_int(uint64_t(24 + 4 * digits));
}

Ref int_divmod_method(Value self, Args args) { return int_divmod_values(self, args[0]); }
Ref int_rdivmod_method(Value self, Args args) { return int_divmod_values(args[0], self); }

Ref int_get_exact(Value self) { return exact_int(self); }
Ref int_get_zero(Value) { return Ref::small_int(0); }
Ref int_get_one(Value) { return Ref::small_int(1); }

const MethodDef int_methods[] = {
    {"conjugate", int_exact_method, ArgKind::NoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length_method, ArgKind::NoArgs,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count_method, ArgKind::NoArgs,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes_method, ArgKind::Keywords, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes_method, ArgKind::Keywords,
     "Return the integer represented by the given array of bytes.", kMethodClass},
    {"as_integer_ratio", int_as_integer_ratio, ArgKind::NoArgs,
     "Return integer ratio."},
    {"__trunc__", int_exact_method, ArgKind::NoArgs, "Truncating an Integral returns itself."},
    {"__floor__", int_exact_method, ArgKind::NoArgs, "Flooring an Integral returns itself."},
    {"__ceil__", int_exact_method, ArgKind::NoArgs, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_method, ArgKind::VarArgs,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs, ArgKind::NoArgs},
    {"__format__", int_format_method, ArgKind::OneArg},
    {"__sizeof__", int_sizeof, ArgKind::NoArgs, "Returns size in memory, in bytes."},
    // divmod() has no slot here: the builtin calls these, as CPython's
    // nb_divmod would be called.
    {"__divmod__", int_divmod_method, ArgKind::OneArg, "Return divmod(self, value)."},
    {"__rdivmod__", int_rdivmod_method, ArgKind::OneArg, "Return divmod(value, self)."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef int_getset[] = {
    {"real", int_get_exact, nullptr, "the real part of a complex number"},
    {"imag", int_get_zero, nullptr, "the imaginary part of a complex number"},
    {"numerator", int_get_exact, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr},
};

void int_destroy(Object* object) { mpz_clear(static_cast<IntObject*>(object)->m_value); }

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// The m_binary slots follow BinaryOp's order: Add, And, FloorDivide, LShift,
// MatrixMultiply, Multiply, Remainder, Or, Power (in m_power), RShift,
// Subtract, TrueDivide, Xor.
Type int_type = {
    .m_tp_name = "int",
    .m_doc = "int([x]) -> integer\n"
             "int(x, base=10) -> integer\n"
             "\n"
             "Convert a number or string to an integer, or return 0 if no arguments\n"
             "are given.  If x is a number, return x.__int__().  For floating point\n"
             "numbers, this truncates towards zero.\n"
             "\n"
             "If x is not a number or if base is given, then x must be a string,\n"
             "bytes, or bytearray instance representing an integer literal in the\n"
             "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
             "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
             "Base 0 means to interpret the base from the string as an integer literal.\n"
             ">>> int('0b100', base=0)\n"
             "4",
    .m_flags = kTypeBaseType | kTypeLongSubclass | kTypeImmutable,
    .m_size = sizeof(IntObject),
    .m_methods = int_methods,
    .m_getset = int_getset,
    .m_destroy = int_destroy,
    .m_repr = int_repr,
    .m_hash = int_hash_slot,
    .m_richcompare = int_richcompare,
    .m_new = int_new,
    .m_binary = {int_add, int_and, int_floor_divide_slot, int_left_shift_slot, nullptr, int_multiply,
                 int_remainder, int_or, nullptr, int_right_shift_slot, int_subtract,
                 int_true_divide_slot, int_xor},
    .m_power = int_power_slot,
    .m_negative = int_negative,
    .m_positive = int_positive,
    .m_absolute = int_absolute,
    .m_invert = int_invert,
    .m_bool = int_bool,
    .m_int = int_positive,
    .m_float = int_float_slot,
    .m_index = int_positive,
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(int_type);

}  // namespace coil
