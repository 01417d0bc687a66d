// The complex type: two doubles (ComplexObject).
//
// Arithmetic follows CPython's Objects/complexobject.c step by step, since
// the exact floating-point results depend on the order of operations:
// Smith's algorithm for division, c_powi (repeated squaring) for small
// integral exponents and the polar form otherwise. Operands may be ints,
// floats or complexes on either side; only == and != compare (ordering
// returns NotImplemented, and the core raises "'<' not supported…").
// repr, the constructor's string parser and __format__ reproduce CPython's
// texts and messages.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/numeric.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

struct Complex {
  double real;
  double imag;
};

Ref not_implemented_ref() { return ref(not_implemented()); }

Ref make_complex_of_type(Type* type, double real, double imag) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  ComplexObject* c = static_cast<ComplexObject*>(object);
  c->m_real = real;
  c->m_imag = imag;
  return Ref::steal(object);
}

Complex complex_value(Value v) {
  const ComplexObject* c = v.as<ComplexObject>();
  return {c->m_real, c->m_imag};
}

// ---- Arithmetic on (real, imag) pairs, as CPython's _Py_c_* ----

Complex c_product(Complex a, Complex b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// Smith's algorithm (CACM Algorithm 116): divide through by the larger
// component of b, avoiding spurious overflow. Sets `domain_error` for a
// zero divisor.
Complex c_quotient(Complex a, Complex b, bool& domain_error) {
  double abs_real = b.real < 0 ? -b.real : b.real;
  double abs_imag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_real >= abs_imag) {
    if (abs_real == 0.0) {
      domain_error = true;
      return {0.0, 0.0};
    }
    double ratio = b.imag / b.real;
    double denominator = b.real + b.imag * ratio;
    return {(a.real + a.imag * ratio) / denominator, (a.imag - a.real * ratio) / denominator};
  }
  if (abs_imag >= abs_real) {
    double ratio = b.real / b.imag;
    double denominator = b.real * ratio + b.imag;
    return {(a.real * ratio + a.imag) / denominator, (a.imag * ratio - a.real) / denominator};
  }
  // A component of b is a NaN.
  return {NAN, NAN};
}

Complex c_power(Complex a, Complex b, bool& domain_error) {
  if (b.real == 0.0 && b.imag == 0.0) return {1.0, 0.0};
  if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) domain_error = true;
    return {0.0, 0.0};
  }
  double magnitude = std::hypot(a.real, a.imag);
  double length = std::pow(magnitude, b.real);
  double angle = std::atan2(a.imag, a.real);
  double phase = angle * b.real;
  if (b.imag != 0.0) {
    length /= std::exp(angle * b.imag);
    phase += b.imag * std::log(magnitude);
  }
  return {length * std::cos(phase), length * std::sin(phase)};
}

// x ** n for n >= 0 by repeated squaring (CPython's c_powu).
Complex c_power_unsigned(Complex x, long n) {
  Complex result{1.0, 0.0};
  Complex power = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) result = c_product(result, power);
    mask <<= 1;
    power = c_product(power, power);
  }
  return result;
}

Complex c_power_integer(Complex x, long n, bool& domain_error) {
  if (n > 0) return c_power_unsigned(x, n);
  return c_quotient({1.0, 0.0}, c_power_unsigned(x, -n), domain_error);
}

// Reads an operand of complex arithmetic: 1 converted, 0 for another type,
// -1 with an exception pending (an int too large for a double).
int complex_operand(Value v, Complex& out) {
  if (is_complex(v)) {
    out = complex_value(v);
    return 1;
  }
  out.imag = 0.0;
  return float_operand(v, out.real);
}

#define COMPLEX_OPERANDS(a, b, x, y)             \
  Complex x, y;                                  \
  if (int c = complex_operand(a, x); c <= 0) {   \
    if (c < 0) return {};                        \
    return not_implemented_ref();                \
  }                                              \
  if (int c = complex_operand(b, y); c <= 0) {   \
    if (c < 0) return {};                        \
    return not_implemented_ref();                \
  }

Ref complex_add(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return make_complex(x.real + y.real, x.imag + y.imag);
}

Ref complex_subtract(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return make_complex(x.real - y.real, x.imag - y.imag);
}

Ref complex_multiply(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  Complex result = c_product(x, y);
  return make_complex(result.real, result.imag);
}

Ref complex_true_divide(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  bool domain_error = false;
  Complex result = c_quotient(x, y, domain_error);
  if (domain_error) return raise(&zero_division_error_type, "complex division by zero");
  return make_complex(result.real, result.imag);
}

Ref complex_power_pair(Complex a, Complex b) {
  // errno, as in CPython: besides a zero base (c_quotient, c_power), libm
  // reports domain errors (cos(inf) in the polar form) the same way, and
  // CPython raises the same ZeroDivisionError for them.
  bool domain_error = false;
  Complex result;
  errno = 0;
  // A small integral exponent takes the faster and more accurate path.
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    result = c_power_integer(a, long(b.real), domain_error);
  } else {
    result = c_power(a, b, domain_error);
  }
  int error = domain_error ? EDOM : errno;
  // CPython's _Py_ADJUST_ERANGE2: an infinite part is an overflow, and a
  // range error with finite parts was an underflow.
  if (std::isinf(result.real) || std::isinf(result.imag)) {
    if (error == 0) error = ERANGE;
  } else if (error == ERANGE) {
    error = 0;
  }
  if (error == EDOM) return raise(&zero_division_error_type, "0.0 to a negative or complex power");
  if (error == ERANGE) return raise(&overflow_error_type, "complex exponentiation");
  return make_complex(result.real, result.imag);
}

Ref complex_power_slot(Value a, Value b, Value modulus) {
  COMPLEX_OPERANDS(a, b, x, y);
  if (!is_none(modulus)) return raise(&value_error_type, "complex modulo");
  return complex_power_pair(x, y);
}

Ref complex_negative(Value v) {
  Complex c = complex_value(v);
  return make_complex(-c.real, -c.imag);
}

Ref complex_positive(Value v) {
  if (v.type() == &complex_type) return ref(v);
  Complex c = complex_value(v);
  return make_complex(c.real, c.imag);
}

Ref complex_absolute(Value v) {
  Complex c = complex_value(v);
  // C99's rule: an infinite part makes the modulus infinite, even with a NaN.
  if (std::isinf(c.real)) return make_float(std::fabs(c.real));
  if (std::isinf(c.imag)) return make_float(std::fabs(c.imag));
  if (std::isnan(c.real) || std::isnan(c.imag)) return make_float(NAN);
  double result = std::hypot(c.real, c.imag);
  if (!std::isfinite(result)) return raise(&overflow_error_type, "absolute value too large");
  return make_float(result);
}

int complex_bool(Value v) {
  Complex c = complex_value(v);
  return c.real != 0.0 || c.imag != 0.0;
}

Ref complex_richcompare(Value self, Value other, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return not_implemented_ref();
  Complex c = complex_value(self);
  bool equal;
  if (is_int(other)) {
    // An int equals a complex with no imaginary part exactly when it equals
    // the real part as float comparison decides (exactly, beyond 2**53).
    if (c.imag != 0.0) {
      equal = false;
    } else {
      Ref real = make_float(c.real);
      if (!real) return {};
      return compare(real, other, op);
    }
  } else if (is_float(other)) {
    equal = c.real == float_value(other) && c.imag == 0.0;
  } else if (is_complex(other)) {
    Complex d = complex_value(other);
    equal = c.real == d.real && c.imag == d.imag;
  } else {
    return not_implemented_ref();
  }
  return new_bool(equal == (op == CompareOp::Eq));
}

// hash(x) of a part: float's hash, NaN hashing by the object's identity.
int64_t part_hash(Value self, double x) {
  if (std::isnan(x)) {
    uint64_t bits = uint64_t(reinterpret_cast<uintptr_t>(self.as_object()));
    return int64_t((bits >> 4) | (bits << 60));
  }
  return float_hash(x);
}

std::optional<int64_t> complex_hash(Value self) {
  Complex c = complex_value(self);
  // hash(real) + 1000003 * hash(imag) in unsigned arithmetic (CPython's
  // _PyHASH_IMAG), so that hash(x + 0j) == hash(x).
  uint64_t combined = uint64_t(part_hash(self, c.real)) + 1000003u * uint64_t(part_hash(self, c.imag));
  int64_t hash = int64_t(combined);
  return hash == -1 ? -2 : hash;
}

// ---- repr ----

// A part as repr writes it: the shortest round-trip digits, without the
// ".0" float's repr adds to integral values ('r' format without
// Py_DTSF_ADD_DOT_0).
std::string part_repr(double x) {
  std::string text = float_repr(x);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

std::string complex_repr_text(Complex c) {
  if (c.real == 0.0 && std::copysign(1.0, c.real) == 1.0) return part_repr(c.imag) + "j";
  std::string imag = part_repr(c.imag);
  // The imaginary part always has a sign; a NaN prints as "+nan" whatever its sign bit.
  if (std::isnan(c.imag)) imag = "nan";
  if (imag[0] != '-') imag.insert(0, "+");
  return "(" + part_repr(c.real) + imag + "j)";
}

Ref complex_repr(Value self) { return make_str(complex_repr_text(complex_value(self))); }

// ---- Parsing ----

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with_nocase(std::string_view text, size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// The longest prefix of text[pos..] that is a float literal, as CPython's
// PyOS_string_to_double with an end pointer: an optional sign, then digits
// with an optional fraction and exponent, or inf/infinity/nan. Returns the
// end of the literal (== pos when there is none) and its value.
size_t parse_float_prefix(std::string_view text, size_t pos, double& value) {
  size_t start = pos;
  auto at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  bool negative = false;
  if (at(pos) == '+' || at(pos) == '-') negative = text[pos++] == '-';
  if (starts_with_nocase(text, pos, "inf")) {
    pos += starts_with_nocase(text, pos, "infinity") ? 8 : 3;
    value = negative ? -INFINITY : INFINITY;
    return pos;
  }
  if (starts_with_nocase(text, pos, "nan")) {
    value = negative ? -NAN : NAN;
    return pos + 3;
  }
  size_t digits = 0;
  while (is_ascii_digit(at(pos))) ++pos, ++digits;
  if (at(pos) == '.') {
    size_t after_point = pos + 1;
    size_t fraction = 0;
    while (is_ascii_digit(at(after_point))) ++after_point, ++fraction;
    if (digits + fraction > 0) {
      pos = after_point;
      digits += fraction;
    }
  }
  if (digits == 0) return start;
  if (at(pos) == 'e' || at(pos) == 'E') {
    size_t exponent = pos + 1;
    if (at(exponent) == '+' || at(exponent) == '-') ++exponent;
    if (is_ascii_digit(at(exponent))) {
      while (is_ascii_digit(at(exponent))) ++exponent;
      pos = exponent;
    }
  }
  value = std::strtod(std::string(text.substr(start, pos - start)).c_str(), nullptr);
  return pos;
}

// complex(text) on ASCII text, as CPython's complex_from_string_inner.
bool parse_complex(std::string_view s, Complex& out) {
  size_t pos = 0, end = s.size();
  auto at = [&](size_t i) { return i < end ? s[i] : '\0'; };
  double x = 0.0, y = 0.0;
  while (pos < end && is_ascii_space(s[pos])) ++pos;
  bool bracket = false;
  if (at(pos) == '(') {
    bracket = true;
    ++pos;
    while (pos < end && is_ascii_space(s[pos])) ++pos;
  }
  double z;
  size_t after = parse_float_prefix(s, pos, z);
  if (after != pos) {
    pos = after;
    if (at(pos) == '+' || at(pos) == '-') {
      // <float><signed-float>j or <float><sign>j
      x = z;
      after = parse_float_prefix(s, pos, y);
      if (after != pos) {
        pos = after;
      } else {
        y = s[pos] == '+' ? 1.0 : -1.0;
        ++pos;
      }
      if (at(pos) != 'j' && at(pos) != 'J') return false;
      ++pos;
    } else if (at(pos) == 'j' || at(pos) == 'J') {
      ++pos;
      y = z;
    } else {
      x = z;
    }
  } else {
    // <sign>j or j
    if (at(pos) == '+' || at(pos) == '-') {
      y = s[pos] == '+' ? 1.0 : -1.0;
      ++pos;
    } else {
      y = 1.0;
    }
    if (at(pos) != 'j' && at(pos) != 'J') return false;
    ++pos;
  }
  while (pos < end && is_ascii_space(s[pos])) ++pos;
  if (bracket) {
    if (at(pos) != ')') return false;
    ++pos;
    while (pos < end && is_ascii_space(s[pos])) ++pos;
  }
  if (pos != end) return false;
  out = {x, y};
  return true;
}

Ref complex_from_string(Type* type, Value text) {
  std::string ascii = transform_decimal_and_space(str_view(text));
  // Underscores only between digits, as CPython's
  // _Py_string_to_number_with_underscores checks before parsing.
  if (ascii.find('_') != std::string::npos) {
    std::string stripped;
    for (size_t i = 0; i < ascii.size(); ++i) {
      if (ascii[i] == '_') {
        bool between_digits = i > 0 && is_ascii_digit(ascii[i - 1]) && i + 1 < ascii.size() &&
                              is_ascii_digit(ascii[i + 1]);
        if (!between_digits) {
          return raise(&value_error_type, "could not convert string to complex: " + str_repr(str_view(text)));
        }
      } else {
        stripped += ascii[i];
      }
    }
    ascii = std::move(stripped);
  }
  Complex value;
  if (!parse_complex(ascii, value)) return raise(&value_error_type, "complex() arg is a malformed string");
  return make_complex_of_type(type, value.real, value.imag);
}

// ---- The constructor ----

// x.__complex__() if x's type defines it: 1 with the result, 0 if not
// defined, -1 with an exception pending.
int try_complex_special(Value x, Complex& out) {
  bool found = false;
  Ref result = call_special(x, "__complex__", {}, found);
  if (!found) return error_pending() ? -1 : 0;
  if (!result) return -1;
  if (!is_complex(result)) {
    raise_format(&type_error_type, "__complex__ returned non-complex (type %s)",
                 value_type_name(result).data());
    return -1;
  }
  out = complex_value(result);
  return 1;
}

bool is_number_for_complex(Value v) {
  Type* type = v.type();
  return v.is_small_int() || type->m_float != nullptr || type->m_index != nullptr || is_complex(v);
}

Ref complex_new_from(Type* type, Value real, Value imag) {
  if (!real) real = Value::small_int(0);
  if (is_complex(real) && real.type() == &complex_type && !imag && type == &complex_type) return ref(real);
  if (is_str(real)) {
    if (imag) return raise(&type_error_type, "complex() can't take second arg if first is a string");
    return complex_from_string(type, real);
  }
  if (imag && is_str(imag)) return raise(&type_error_type, "complex() second arg can't be a string");

  Complex real_part{0.0, 0.0};
  bool real_is_complex = false;
  int special = try_complex_special(real, real_part);
  if (special < 0) return {};
  if (special > 0) {
    real_is_complex = true;
  } else {
    if (!is_number_for_complex(real)) {
      return raise_format(&type_error_type, "complex() first argument must be a string or a number, not '%s'",
                          value_type_name(real).data());
    }
  }
  if (imag && !is_number_for_complex(imag)) {
    return raise_format(&type_error_type, "complex() second argument must be a number, not '%s'",
                        value_type_name(imag).data());
  }
  if (!real_is_complex) {
    if (is_complex(real)) {
      real_part = complex_value(real);
      real_is_complex = true;
    } else {
      Ref as_float = float_from_object(real);
      if (!as_float) return {};
      real_part = {float_value(as_float), 0.0};
    }
  }
  Complex imag_part{0.0, 0.0};
  bool imag_is_complex = false;
  if (!imag) {
    imag_part.real = real_part.imag;
  } else if (is_complex(imag)) {
    imag_part = complex_value(imag);
    imag_is_complex = true;
  } else {
    Ref as_float = float_from_object(imag);
    if (!as_float) return {};
    imag_part.real = float_value(as_float);
  }
  // real + imag*1j when either is itself complex.
  if (imag_is_complex) real_part.real -= imag_part.imag;
  if (real_is_complex && imag) imag_part.real += real_part.imag;
  return make_complex_of_type(type, real_part.real, imag_part.real);
}

Ref complex_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"complex", {"real", "imag"}, 0, SIZE_MAX, 0};
  Value bound[2];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  return complex_new_from(type, bound[0], bound[1]);
}

// ---- __format__ ----

// Inserts `separator` every three digits of the integral part of a
// formatted number (digits before any '.' or exponent).
void group_digits(std::string& number, char separator) {
  size_t start = 0;
  while (start < number.size() && !is_ascii_digit(number[start])) ++start;
  size_t end = start;
  while (end < number.size() && is_ascii_digit(number[end])) ++end;
  if (end - start <= 3) return;
  std::string grouped;
  size_t count = end - start;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % 3 == 0) grouped += separator;
    grouped += number[start + i];
  }
  number.replace(start, count, grouped);
}

// One part in the 'r' presentation (no type and no precision given).
std::string format_part_repr(double x, char sign, const FormatSpec& spec) {
  std::string text = part_repr(x);
  if (spec.no_negative_zero && x == 0.0) text = part_repr(0.0);
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  if (spec.alternate && std::isfinite(x) && text.find('.') == std::string::npos) {
    size_t exponent = text.find('e');
    text.insert(exponent == std::string::npos ? text.size() : exponent, ".");
  }
  if (spec.grouping != '\0' && std::isfinite(x)) group_digits(text, spec.grouping);
  if (negative) return "-" + text;
  if (sign == '+' || sign == ' ') return sign + text;
  return text;
}

bool format_complex(Complex c, std::string_view spec_text, std::string& out, FormatError& error) {
  FormatSpec spec;
  if (!parse_format_spec(spec_text, '\0', '>', "complex", spec, error)) return false;
  switch (spec.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      break;
    default: {
      std::string type = spec.type > 32 && spec.type < 128 ? std::string(1, char(spec.type)) : "?";
      error.type = FormatErrorType::ValueError;
      error.message = "Unknown format code '" + type + "' for object of type 'complex'";
      return false;
    }
  }
  if (spec.fill == '0') {
    error.type = FormatErrorType::ValueError;
    error.message = "Zero padding is not allowed in complex format specifier";
    return false;
  }
  if (spec.align == '=') {
    error.type = FormatErrorType::ValueError;
    error.message = "'=' alignment flag is not allowed in complex format specifier";
    return false;
  }
  // No type: like str(self), parentheses unless the real part is +0 and
  // left out.
  char32_t type = spec.type;
  bool skip_real = false, parens = false;
  if (type == '\0') {
    if (c.real == 0.0 && std::copysign(1.0, c.real) == 1.0) {
      skip_real = true;
    } else {
      parens = true;
    }
  }
  // The imaginary part always shows its sign when the real part is shown.
  char real_sign = spec.sign;
  char imag_sign = skip_real ? spec.sign : '+';
  std::string real_text, imag_text;
  if (type == '\0' && spec.precision < 0) {
    real_text = format_part_repr(c.real, real_sign, spec);
    imag_text = format_part_repr(c.imag, imag_sign, spec);
  } else {
    auto part_spec = [&](char sign) {
      std::string s;
      if (sign != '\0') s += sign;
      if (spec.no_negative_zero) s += 'z';
      if (spec.alternate) s += '#';
      if (spec.grouping != '\0') s += spec.grouping;
      if (spec.precision >= 0) s += "." + std::to_string(spec.precision);
      s += type == '\0' ? 'g' : char(type);
      return s;
    };
    if (!format_float(c.real, part_spec(real_sign), real_text, error)) return false;
    if (!format_float(c.imag, part_spec(imag_sign), imag_text, error)) return false;
  }
  std::string body;
  if (parens) body += '(';
  if (!skip_real) body += real_text;
  body += imag_text;
  body += 'j';
  if (parens) body += ')';
  int64_t length = int64_t(body.size());  // ASCII
  int64_t padding = spec.width > length ? spec.width - length : 0;
  int64_t left = spec.align == '<' ? 0 : spec.align == '^' ? padding / 2 : padding;
  int64_t right = padding - left;
  std::string fill;
  append_utf8(fill, spec.fill);
  out.clear();
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += body;
  for (int64_t i = 0; i < right; ++i) out += fill;
  return true;
}

// ---- Methods ----

Ref complex_conjugate(Value self, Args) {
  Complex c = complex_value(self);
  return make_complex(c.real, -c.imag);
}

Ref complex_dunder_complex(Value self, Args) { return complex_positive(self); }

Ref complex_getnewargs(Value self, Args) {
  Complex c = complex_value(self);
  Ref real = make_float(c.real);
  Ref imag = make_float(c.imag);
  if (!real || !imag) return {};
  return make_tuple({real, imag});
}

Ref complex_format_method(Value self, Args args) {
  Value spec = args[0];
  if (!is_str(spec)) {
    return raise_format(&type_error_type, "__format__() argument must be str, not %s",
                        value_type_name(spec).data());
  }
  if (str_view(spec).empty()) return str(self);
  std::string out;
  FormatError error;
  if (!format_complex(complex_value(self), str_view(spec), out, error)) return raise_format_error(error);
  return make_str(out);
}

Ref complex_get_real(Value self) { return make_float(complex_value(self).real); }
Ref complex_get_imag(Value self) { return make_float(complex_value(self).imag); }

const MethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, ArgKind::NoArgs,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", complex_dunder_complex, ArgKind::NoArgs, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, ArgKind::NoArgs},
    {"__format__", complex_format_method, ArgKind::OneArg, "Convert to a string according to format_spec."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef complex_getset[] = {
    {"real", complex_get_real, nullptr, "the real part of a complex number"},
    {"imag", complex_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr},
};

}  // namespace

Ref make_complex(double real, double imag) { return make_complex_of_type(&complex_type, real, imag); }

Ref complex_power_values(double a_real, double a_imag, double b_real, double b_imag) {
  return complex_power_pair({a_real, a_imag}, {b_real, b_imag});
}

Ref complex_from_object(Value x) { return complex_new_from(&complex_type, x, Value()); }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// m_binary follows BinaryOp's order: Add, And, FloorDivide, LShift,
// MatrixMultiply, Multiply, Remainder, Or, Power (in m_power), RShift,
// Subtract, TrueDivide, Xor.
Type complex_type = {
    .m_tp_name = "complex",
    .m_doc = "Create a complex number from a real part and an optional imaginary part.\n"
             "\n"
             "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .m_flags = kTypeBaseType | kTypeImmutable,
    .m_size = sizeof(ComplexObject),
    .m_methods = complex_methods,
    .m_getset = complex_getset,
    .m_repr = complex_repr,
    .m_hash = complex_hash,
    .m_richcompare = complex_richcompare,
    .m_new = complex_new,
    .m_binary = {complex_add, nullptr, nullptr, nullptr, nullptr, complex_multiply, nullptr, nullptr,
                 nullptr, nullptr, complex_subtract, complex_true_divide, nullptr},
    .m_power = complex_power_slot,
    .m_negative = complex_negative,
    .m_positive = complex_positive,
    .m_absolute = complex_absolute,
    .m_bool = complex_bool,
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(complex_type);

}  // namespace coil
