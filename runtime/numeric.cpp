// Python number semantics on GMP integers and doubles; see numeric.h.
// Each function names the CPython routine it follows (Objects/longobject.c,
// Objects/floatobject.c, Python/pyhash.c) where the reason for a step is
// "because CPython does it so".
#include "runtime/numeric.h"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/format.h"
#include "runtime/repr.h"

namespace coil {
namespace {

bool fail(NumericError& error, NumericError::Type type, std::string message) {
  error.type = type;
  error.message = std::move(message);
  return false;
}

// An mpz that frees itself; the functions below need scratch values.
struct Mpz {
  mpz_t value;
  Mpz() { mpz_init(value); }
  ~Mpz() { mpz_clear(value); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return value; }
  operator mpz_srcptr() const { return value; }
  // GMP's macros (mpz_sgn, mpz_odd_p) dereference their argument with ->.
  __mpz_struct* operator->() { return value; }
  const __mpz_struct* operator->() const { return value; }
};

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view strip_ascii_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

// The first `limit` code points of a UTF-8 string, as CPython's "%.200R".
std::string truncate_code_points(const std::string& text, size_t limit) {
  size_t pos = 0;
  for (size_t count = 0; count < limit && pos < text.size(); ++count) decode_utf8(text, pos);
  return text.substr(0, pos);
}

// Matches "inf", "infinity" or "nan" in any case, after an optional sign, over
// the whole of `text` (CPython's _Py_parse_inf_or_nan, anchored).
bool parse_inf_or_nan(std::string_view text, double& out) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  auto equals_ignoring_case = [](std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char c = a[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[i]) return false;
    }
    return true;
  };
  if (equals_ignoring_case(text, "inf") || equals_ignoring_case(text, "infinity")) {
    out = negative ? -INFINITY : INFINITY;
    return true;
  }
  if (equals_ignoring_case(text, "nan")) {
    out = negative ? -NAN : NAN;
    return true;
  }
  return false;
}

bool fits_double_exactly(const mpz_t value) {
  return mpz_sizeinbase(value, 2) <= DBL_MANT_DIG;
}

}  // namespace

// ---- int ----

bool int_floor_divide(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error) {
  if (mpz_sgn(b) == 0)
    return fail(error, NumericError::ZeroDivisionError, "integer division or modulo by zero");
  mpz_fdiv_q(out, a, b);
  return true;
}

bool int_modulo(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error) {
  if (mpz_sgn(b) == 0)
    return fail(error, NumericError::ZeroDivisionError, "integer modulo by zero");
  mpz_fdiv_r(out, a, b);
  return true;
}

bool int_divmod(mpz_t quotient, mpz_t remainder, const mpz_t a, const mpz_t b,
                NumericError& error) {
  if (mpz_sgn(b) == 0)
    return fail(error, NumericError::ZeroDivisionError, "integer division or modulo by zero");
  Mpz q, r;  // the outputs may alias the inputs
  mpz_fdiv_qr(q, r, a, b);
  mpz_set(quotient, q);
  mpz_set(remainder, r);
  return true;
}

// As CPython's long_true_divide: when both operands are below 2**53 one
// double division is correctly rounded. Otherwise take a quotient of
// DBL_MANT_DIG + 2 or + 3 bits (fewer in the subnormal range), remember
// whether anything was dropped, and round it half to even by hand.
bool int_true_divide(double& out, const mpz_t a, const mpz_t b, NumericError& error) {
  if (mpz_sgn(b) == 0) return fail(error, NumericError::ZeroDivisionError, "division by zero");
  if (fits_double_exactly(a) && fits_double_exactly(b)) {
    out = mpz_get_d(a) / mpz_get_d(b);
    return true;
  }
  bool negate = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sgn(a) == 0) {
    out = negate ? -0.0 : 0.0;
    return true;
  }
  Mpz abs_a, abs_b;
  mpz_abs(abs_a, a);
  mpz_abs(abs_b, b);
  int64_t diff = static_cast<int64_t>(mpz_sizeinbase(abs_a, 2)) -
                 static_cast<int64_t>(mpz_sizeinbase(abs_b, 2));
  if (diff > DBL_MAX_EXP)
    return fail(error, NumericError::OverflowError, "integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
    out = negate ? -0.0 : 0.0;
    return true;
  }
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  Mpz x, remainder;
  if (shift <= 0) {
    mpz_mul_2exp(x, abs_a, static_cast<mp_bitcnt_t>(-shift));
  } else {
    mpz_fdiv_q_2exp(x, abs_a, static_cast<mp_bitcnt_t>(shift));
    if (mpz_scan1(abs_a, 0) < static_cast<mp_bitcnt_t>(shift)) inexact = true;
  }
  mpz_fdiv_qr(x, remainder, x, abs_b);
  if (mpz_sgn(remainder) != 0) inexact = true;
  int64_t x_size = static_cast<int64_t>(mpz_sizeinbase(x, 2));
  int64_t extra_bits = std::max<int64_t>(x_size, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t quotient = mpz_get_ui(x);  // at most DBL_MANT_DIG + 3 bits
  uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = quotient | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  quotient = low & ~(2 * mask - 1);
  double result = std::ldexp(static_cast<double>(quotient), static_cast<int>(shift));
  if (std::isinf(result))
    return fail(error, NumericError::OverflowError, "integer division result too large for a float");
  out = negate ? -result : result;
  return true;
}

bool int_power(mpz_t out, double& float_out, bool& result_is_float, const mpz_t base,
               const mpz_t exponent, NumericError& error) {
  result_is_float = false;
  if (mpz_sgn(exponent) < 0) {
    // As CPython's long_pow: a negative exponent hands both operands to float_pow.
    double base_double, exponent_double;
    if (!int_to_float(base_double, base, error) || !int_to_float(exponent_double, exponent, error))
      return false;
    bool is_complex = false;
    if (!float_power(float_out, is_complex, base_double, exponent_double, error)) return false;
    result_is_float = true;
    return true;
  }
  if (mpz_cmpabs_ui(base, 1) <= 0) {
    // 0, 1 and -1 stay small for any exponent, even one beyond an unsigned long.
    if (mpz_sgn(exponent) == 0) {
      mpz_set_ui(out, 1);
    } else if (mpz_sgn(base) < 0) {
      mpz_set_si(out, mpz_odd_p(exponent) ? -1 : 1);
    } else {
      mpz_set(out, base);
    }
    return true;
  }
  // Any other base needs at least `exponent` bits; refuse what cannot be built
  // (CPython would try and raise MemoryError).
  if (!mpz_fits_ulong_p(exponent) ||
      mpz_get_ui(exponent) > (uint64_t{1} << 40) / mpz_sizeinbase(base, 2))
    return fail(error, NumericError::MemoryError, "");
  mpz_pow_ui(out, base, mpz_get_ui(exponent));
  return true;
}

// As CPython's long_pow with a modulus: work modulo abs(modulus), then shift
// a non-zero result into (modulus, 0] when the modulus is negative.
bool int_power_modulo(mpz_t out, const mpz_t base, const mpz_t exponent, const mpz_t modulus,
                      NumericError& error) {
  if (mpz_sgn(modulus) == 0)
    return fail(error, NumericError::ValueError, "pow() 3rd argument cannot be 0");
  Mpz abs_modulus, reduced_base, abs_exponent, result;
  mpz_abs(abs_modulus, modulus);
  // Modulo 1 everything is 0, and CPython answers before looking for an inverse.
  if (mpz_cmp_ui(abs_modulus, 1) == 0) {
    mpz_set_ui(out, 0);
    return true;
  }
  mpz_mod(reduced_base, base, abs_modulus);
  if (mpz_sgn(exponent) < 0) {
    if (mpz_invert(reduced_base, reduced_base, abs_modulus) == 0)
      return fail(error, NumericError::ValueError, "base is not invertible for the given modulus");
  }
  mpz_abs(abs_exponent, exponent);
  mpz_powm(result, reduced_base, abs_exponent, abs_modulus);
  if (mpz_sgn(modulus) < 0 && mpz_sgn(result) != 0) mpz_sub(result, result, abs_modulus);
  mpz_set(out, result);
  return true;
}

bool int_left_shift(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error) {
  if (mpz_sgn(b) < 0) return fail(error, NumericError::ValueError, "negative shift count");
  if (mpz_sgn(a) == 0) {
    mpz_set_ui(out, 0);
    return true;
  }
  // Beyond 2**40 bits the result cannot be allocated; CPython raises MemoryError.
  if (!mpz_fits_ulong_p(b) || mpz_get_ui(b) > (uint64_t{1} << 40))
    return fail(error, NumericError::MemoryError, "");
  mpz_mul_2exp(out, a, mpz_get_ui(b));
  return true;
}

bool int_right_shift(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error) {
  if (mpz_sgn(b) < 0) return fail(error, NumericError::ValueError, "negative shift count");
  if (!mpz_fits_ulong_p(b) || mpz_get_ui(b) >= mpz_sizeinbase(a, 2)) {
    // Every bit shifted out: floor rounding leaves 0 or -1.
    mpz_set_si(out, mpz_sgn(a) < 0 ? -1 : 0);
    return true;
  }
  mpz_fdiv_q_2exp(out, a, mpz_get_ui(b));
  return true;
}

uint64_t int_bit_length(const mpz_t value) {
  return mpz_sgn(value) == 0 ? 0 : mpz_sizeinbase(value, 2);
}

uint64_t int_bit_count(const mpz_t value) {
  Mpz magnitude;
  mpz_abs(magnitude, value);
  return mpz_popcount(magnitude);
}

namespace {
int64_t g_int_max_str_digits = kDefaultIntMaxStrDigits;
}  // namespace

int64_t int_max_str_digits() { return g_int_max_str_digits; }
void set_int_max_str_digits(int64_t limit) { g_int_max_str_digits = limit; }

bool int_to_decimal(std::string& out, const mpz_t value, NumericError& error) {
  const size_t limit = size_t(g_int_max_str_digits);
  auto too_many = [&] {
    return fail(error, NumericError::ValueError,
                "Exceeds the limit (" + std::to_string(limit) +
                    " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
  };
  // sizeinbase may overestimate by one; the exact count decides near the limit.
  if (limit != 0 && mpz_sizeinbase(value, 10) > limit + 1) return too_many();
  std::vector<char> buffer(mpz_sizeinbase(value, 10) + 2);
  mpz_get_str(buffer.data(), 10, value);
  std::string text(buffer.data());
  size_t digits = text.size() - (text[0] == '-' ? 1 : 0);
  if (limit != 0 && digits > limit) return too_many();
  out = std::move(text);
  return true;
}

namespace {

std::string int_to_prefixed(const mpz_t value, int base, const char* prefix) {
  Mpz magnitude;
  mpz_abs(magnitude, value);
  std::vector<char> buffer(mpz_sizeinbase(magnitude, base) + 2);
  mpz_get_str(buffer.data(), base, magnitude);
  std::string out = mpz_sgn(value) < 0 ? "-" : "";
  out += prefix;
  out += buffer.data();
  return out;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

std::string int_to_hex(const mpz_t value) { return int_to_prefixed(value, 16, "0x"); }
std::string int_to_octal(const mpz_t value) { return int_to_prefixed(value, 8, "0o"); }
std::string int_to_binary(const mpz_t value) { return int_to_prefixed(value, 2, "0b"); }

// Follows CPython 3.11's PyLong_FromString step by step. Unicode whitespace
// and non-ASCII decimal digits (which CPython first maps to ASCII) are the
// caller's to translate.
bool int_from_string(mpz_t out, std::string_view text, int base, NumericError& error) {
  if ((base != 0 && base < 2) || base > 36)
    return fail(error, NumericError::ValueError, "int() base must be >= 2 and <= 36, or 0");
  auto invalid = [&] {
    std::string message = "invalid literal for int() with base " + std::to_string(base) + ": ";
    message += truncate_code_points(str_repr(text), 200);
    return fail(error, NumericError::ValueError, std::move(message));
  };
  size_t pos = 0, end = text.size();
  auto at = [&](size_t i) { return i < end ? text[i] : '\0'; };
  while (pos < end && is_ascii_space(text[pos])) ++pos;
  bool negative = false;
  if (at(pos) == '+' || at(pos) == '-') negative = text[pos++] == '-';
  bool old_octal_check = false;  // base 0 with a leading 0: only zeros allowed
  int effective_base = base;
  if (base == 0) {
    char next = at(pos + 1);
    if (at(pos) != '0') {
      effective_base = 10;
    } else if (next == 'x' || next == 'X') {
      effective_base = 16;
    } else if (next == 'o' || next == 'O') {
      effective_base = 8;
    } else if (next == 'b' || next == 'B') {
      effective_base = 2;
    } else {
      effective_base = 10;
      old_octal_check = true;
    }
  }
  if (at(pos) == '0') {
    char next = at(pos + 1);
    if ((effective_base == 16 && (next == 'x' || next == 'X')) ||
        (effective_base == 8 && (next == 'o' || next == 'O')) ||
        (effective_base == 2 && (next == 'b' || next == 'B'))) {
      pos += 2;
      if (at(pos) == '_') ++pos;  // one underscore may follow the prefix
    }
  }
  if (at(pos) == '_') return invalid();
  std::string digits;
  char previous = '\0';
  for (; pos < end; ++pos) {
    char c = text[pos];
    if (c == '_') {
      if (previous == '_') return invalid();
    } else if (digit_value(c) < effective_base) {
      digits += c;
    } else {
      break;
    }
    previous = c;
  }
  if (previous == '_' || digits.empty()) return invalid();
  if (old_octal_check && digits.find_first_not_of('0') != std::string::npos) return invalid();
  bool power_of_two_base = (effective_base & (effective_base - 1)) == 0;
  if (!power_of_two_base && g_int_max_str_digits != 0 && digits.size() > size_t(g_int_max_str_digits)) {
    return fail(error, NumericError::ValueError,
                "Exceeds the limit (" + std::to_string(g_int_max_str_digits) +
                    " digits) for integer string conversion: value has " +
                    std::to_string(digits.size()) +
                    " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  while (pos < end && is_ascii_space(text[pos])) ++pos;
  if (pos != end) return invalid();
  mpz_set_str(out, digits.c_str(), effective_base);
  if (negative) mpz_neg(out, out);
  return true;
}

bool int_to_bytes(std::string& out, const mpz_t value, int64_t length, bool little_endian,
                  bool is_signed, NumericError& error) {
  if (length < 0)
    return fail(error, NumericError::ValueError, "length argument must be non-negative");
  if (!is_signed && mpz_sgn(value) < 0)
    return fail(error, NumericError::OverflowError, "can't convert negative int to unsigned");
  // Two's complement in `length` bytes: the representable range is
  // [-2**(8n-1), 2**(8n-1)) when signed, [0, 2**8n) when not.
  uint64_t bits = static_cast<uint64_t>(length) * 8;
  Mpz encoded;
  if (is_signed) {
    if (bits == 0) {
      // CPython's _PyLong_AsByteArray lets -1 through as zero bytes of sign
      // extension: (-1).to_bytes(0, 'big', signed=True) == b''.
      if (mpz_sgn(value) != 0 && mpz_cmp_si(value, -1) != 0)
        return fail(error, NumericError::OverflowError, "int too big to convert");
    } else {
      Mpz half;
      mpz_setbit(half, bits - 1);
      Mpz low;
      mpz_neg(low, half);
      if (mpz_cmp(value, half) >= 0 || mpz_cmp(value, low) < 0)
        return fail(error, NumericError::OverflowError, "int too big to convert");
    }
    mpz_set(encoded, value);
    if (mpz_sgn(value) < 0) {
      Mpz modulus;
      mpz_setbit(modulus, bits);
      mpz_add(encoded, encoded, modulus);
    }
  } else {
    if (mpz_sgn(value) != 0 && mpz_sizeinbase(value, 2) > bits)
      return fail(error, NumericError::OverflowError, "int too big to convert");
    mpz_set(encoded, value);
  }
  out.assign(static_cast<size_t>(length), '\0');
  size_t count = 0;
  std::vector<unsigned char> big_endian((mpz_sizeinbase(encoded, 256) + 1));
  mpz_export(big_endian.data(), &count, 1, 1, 1, 0, encoded);
  for (size_t i = 0; i < count; ++i) {
    size_t index = static_cast<size_t>(length) - count + i;
    out[index] = static_cast<char>(big_endian[i]);
  }
  if (little_endian) std::reverse(out.begin(), out.end());
  return true;
}

void int_from_bytes(mpz_t out, std::string_view bytes, bool little_endian, bool is_signed) {
  mpz_import(out, bytes.size(), little_endian ? -1 : 1, 1, 1, 0, bytes.data());
  if (is_signed && !bytes.empty()) {
    unsigned char top = static_cast<unsigned char>(little_endian ? bytes.back() : bytes.front());
    if (top & 0x80) {
      Mpz modulus;
      mpz_setbit(modulus, bytes.size() * 8);
      mpz_sub(out, out, modulus);
    }
  }
}

bool int_to_float(double& out, const mpz_t value, NumericError& error) {
  FormatError format_error;
  if (int_to_double(value, out, format_error)) return true;
  return fail(error, NumericError::OverflowError, format_error.message);
}

// As CPython's long_round: q, r = divmod_near(value, 10**-ndigits) rounds
// half to even, and the result is value - r.
void int_round(mpz_t out, const mpz_t value, int64_t ndigits) {
  if (ndigits >= 0) {
    mpz_set(out, value);
    return;
  }
  // 10**-ndigits above 2 * abs(value) rounds everything to 0; checking the
  // digit count first avoids building an enormous power.
  uint64_t power = static_cast<uint64_t>(-(ndigits + 1)) + 1;
  if (power > mpz_sizeinbase(value, 10) + 1) {
    mpz_set_ui(out, 0);
    return;
  }
  Mpz ten_power, quotient, remainder, twice;
  mpz_ui_pow_ui(ten_power, 10, power);
  mpz_fdiv_qr(quotient, remainder, value, ten_power);
  mpz_mul_2exp(twice, remainder, 1);
  int comparison = mpz_cmp(twice, ten_power);
  if (comparison > 0 || (comparison == 0 && mpz_odd_p(quotient))) mpz_add_ui(quotient, quotient, 1);
  mpz_mul(out, quotient, ten_power);
}

namespace {
// Python/pyhash.c: numeric hashes live modulo the Mersenne prime 2**61 - 1.
constexpr uint64_t kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;
constexpr int64_t kHashInfinity = 314159;
}  // namespace

int64_t int_hash(const mpz_t value) {
  Mpz magnitude;
  mpz_abs(magnitude, value);
  int64_t hash = static_cast<int64_t>(mpz_fdiv_ui(magnitude, kHashModulus));
  if (mpz_sgn(value) < 0) hash = -hash;
  return hash == -1 ? -2 : hash;  // -1 means "error" to CPython's C API
}

// ---- float ----

bool float_true_divide(double& out, double a, double b, NumericError& error) {
  if (b == 0.0) return fail(error, NumericError::ZeroDivisionError, "float division by zero");
  out = a / b;
  return true;
}

namespace {
// CPython's _float_div_mod: fmod is exact, the quotient is then adjusted so
// that floordiv * b + mod == a as nearly as possible, with signed zeros.
void float_div_mod(double a, double b, double& floor_quotient, double& modulo) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  floor_quotient = floordiv;
  modulo = mod;
}
}  // namespace

bool float_floor_divide(double& out, double a, double b, NumericError& error) {
  if (b == 0.0) return fail(error, NumericError::ZeroDivisionError, "float floor division by zero");
  double modulo;
  float_div_mod(a, b, out, modulo);
  return true;
}

// CPython's float_rem, which differs from _float_div_mod only in skipping the quotient.
bool float_modulo(double& out, double a, double b, NumericError& error) {
  if (b == 0.0) return fail(error, NumericError::ZeroDivisionError, "float modulo");
  double mod = std::fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  out = mod;
  return true;
}

bool float_divmod(double& quotient, double& remainder, double a, double b, NumericError& error) {
  if (b == 0.0) return fail(error, NumericError::ZeroDivisionError, "float divmod()");
  float_div_mod(a, b, quotient, remainder);
  return true;
}

namespace {
bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }
}  // namespace

// CPython's float_pow: C99's pow() answers most special cases, but CPython
// spells them out so that they hold on every platform, and turns ERANGE into
// OverflowError.
bool float_power(double& out, bool& result_is_complex, double base, double exponent,
                 NumericError& error) {
  result_is_complex = false;
  if (exponent == 0.0) {
    out = 1.0;
    return true;
  }
  if (std::isnan(base)) {
    out = base;
    return true;
  }
  if (std::isnan(exponent)) {
    out = base == 1.0 ? 1.0 : exponent;
    return true;
  }
  if (std::isinf(exponent)) {
    double magnitude = std::fabs(base);
    if (magnitude == 1.0) {
      out = 1.0;
    } else if ((exponent > 0.0) == (magnitude > 1.0)) {
      out = std::fabs(exponent);
    } else {
      out = 0.0;
    }
    return true;
  }
  if (std::isinf(base)) {
    bool odd = is_odd_integer(exponent);
    if (exponent > 0.0) {
      out = odd ? base : std::fabs(base);
    } else {
      out = odd ? std::copysign(0.0, base) : 0.0;
    }
    return true;
  }
  if (base == 0.0) {
    if (exponent < 0.0)
      return fail(error, NumericError::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    out = is_odd_integer(exponent) ? base : 0.0;
    return true;
  }
  bool negate_result = false;
  if (base < 0.0) {
    if (exponent != std::floor(exponent)) {
      result_is_complex = true;
      return true;
    }
    base = -base;
    negate_result = is_odd_integer(exponent);
  }
  if (base == 1.0) {
    out = negate_result ? -1.0 : 1.0;
    return true;
  }
  double result = std::pow(base, exponent);
  if (std::isinf(result))
    return fail(error, NumericError::OverflowError, "(34, 'Numerical result out of range')");
  out = negate_result ? -result : result;
  return true;
}

bool float_to_int(mpz_t out, double value, NumericError& error) {
  if (std::isnan(value))
    return fail(error, NumericError::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(value))
    return fail(error, NumericError::OverflowError, "cannot convert float infinity to integer");
  mpz_set_d(out, value);  // truncates toward zero
  return true;
}

bool float_round_to_int(mpz_t out, double value, NumericError& error) {
  // nearbyint in the default rounding mode is round-half-even, as CPython's
  // round() then 2 * round(x / 2) on exact halves.
  return float_to_int(out, std::isfinite(value) ? std::nearbyint(value) : value, error);
}

// CPython rounds through _Py_dg_dtoa(x, mode 3, ndigits), which rounds the
// exact binary value half to even, and reads the digits back with strtod.
// Here the exact rounding is done with GMP: N = round(x * 10**ndigits), then
// strtod("NeK") with K = -ndigits, which glibc rounds correctly.
bool float_round(double& out, double value, int64_t ndigits, NumericError& error) {
  // CPython's NDIGITS_MAX and NDIGITS_MIN: beyond them every double is
  // already exact, or rounds to zero.
  constexpr int64_t kMaxDigits = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr int64_t kMinDigits = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
  if (!std::isfinite(value) || ndigits > kMaxDigits || value == 0.0) {
    out = value;
    return true;
  }
  if (ndigits < kMinDigits) {
    out = 0.0 * value;
    return true;
  }
  int exponent;
  double mantissa = std::frexp(std::fabs(value), &exponent);
  Mpz numerator, denominator;
  mpz_set_d(numerator, std::ldexp(mantissa, DBL_MANT_DIG));  // exact, an integer
  exponent -= DBL_MANT_DIG;
  mpz_set_ui(denominator, 1);
  if (exponent >= 0) {
    mpz_mul_2exp(numerator, numerator, static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpz_mul_2exp(denominator, denominator, static_cast<mp_bitcnt_t>(-exponent));
  }
  Mpz ten_power;
  mpz_ui_pow_ui(ten_power, 10, static_cast<unsigned long>(ndigits >= 0 ? ndigits : -ndigits));
  if (ndigits >= 0) {
    mpz_mul(numerator, numerator, ten_power);
  } else {
    mpz_mul(denominator, denominator, ten_power);
  }
  Mpz quotient, remainder;
  mpz_fdiv_qr(quotient, remainder, numerator, denominator);
  mpz_mul_2exp(remainder, remainder, 1);
  int comparison = mpz_cmp(remainder, denominator);
  if (comparison > 0 || (comparison == 0 && mpz_odd_p(quotient))) mpz_add_ui(quotient, quotient, 1);
  if (mpz_sgn(quotient) == 0) {
    out = std::copysign(0.0, value);
    return true;
  }
  std::vector<char> digits(mpz_sizeinbase(quotient, 10) + 2);
  mpz_get_str(digits.data(), 10, quotient);
  std::string text = value < 0 ? "-" : "";
  text += digits.data();
  text += "e" + std::to_string(-ndigits);
  double result = std::strtod(text.c_str(), nullptr);
  if (std::isinf(result))
    return fail(error, NumericError::OverflowError, "rounded value too large to represent");
  out = result;
  return true;
}

bool float_is_integer(double value) {
  return std::isfinite(value) && std::floor(value) == value;
}

bool float_as_integer_ratio(mpz_t numerator, mpz_t denominator, double value,
                            NumericError& error) {
  if (std::isinf(value))
    return fail(error, NumericError::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(value))
    return fail(error, NumericError::ValueError, "cannot convert NaN to integer ratio");
  mpq_t ratio;
  mpq_init(ratio);
  mpq_set_d(ratio, value);  // exact and already in lowest terms
  mpz_set(numerator, mpq_numref(ratio));
  mpz_set(denominator, mpq_denref(ratio));
  mpq_clear(ratio);
  return true;
}

// CPython's float_hex: 1 hex digit before the point and 13 after (56 bits,
// the 53 of the mantissa rounded up to whole digits), the exponent in
// decimal; subnormals keep the exponent at -1022 with a leading 0.
std::string float_hex(double value) {
  if (std::isnan(value) || std::isinf(value)) return float_repr(value);
  if (value == 0.0) return std::signbit(value) ? "-0x0.0p+0" : "0x0.0p+0";
  int exponent;
  double mantissa = std::frexp(std::fabs(value), &exponent);
  int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
  mantissa = std::ldexp(mantissa, shift);
  exponent -= shift;
  static const char kHexDigits[] = "0123456789abcdef";
  std::string out = value < 0 ? "-0x" : "0x";
  int digit = static_cast<int>(mantissa);
  out += kHexDigits[digit];
  mantissa -= digit;
  out += '.';
  constexpr int kHexBits = DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4;  // CPython's TOHEX_NBITS
  constexpr int kFractionDigits = (kHexBits - 1) / 4;
  for (int i = 0; i < kFractionDigits; ++i) {
    mantissa *= 16.0;
    digit = static_cast<int>(mantissa);
    out += kHexDigits[digit];
    mantissa -= digit;
  }
  out += 'p';
  out += exponent >= 0 ? "+" : "-";
  out += std::to_string(std::abs(exponent));
  return out;
}

// The grammar of CPython's float_fromhex; the value itself comes from glibc's
// strtod on a normalised "0x<digits>p<exponent>", which rounds half to even
// just as CPython's hand-written rounding does.
bool float_from_hex(double& out, std::string_view text, NumericError& error) {
  auto invalid = [&] {
    return fail(error, NumericError::ValueError, "invalid hexadecimal floating-point string");
  };
  std::string_view stripped = strip_ascii_space(text);
  if (parse_inf_or_nan(stripped, out)) return true;
  size_t pos = 0, end = stripped.size();
  auto at = [&](size_t i) { return i < end ? stripped[i] : '\0'; };
  bool negative = false;
  if (at(pos) == '+' || at(pos) == '-') negative = stripped[pos++] == '-';
  if (at(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X')) pos += 2;
  std::string normalised = negative ? "-0x" : "0x";
  size_t digit_count = 0;
  auto is_hex = [](char c) { return digit_value(c) < 16; };
  while (pos < end && is_hex(stripped[pos])) normalised += stripped[pos++], ++digit_count;
  if (at(pos) == '.') {
    normalised += stripped[pos++];
    while (pos < end && is_hex(stripped[pos])) normalised += stripped[pos++], ++digit_count;
  }
  if (digit_count == 0) return invalid();
  // The exponent saturates: past a few million nothing but 0 or inf remains.
  constexpr int64_t kExponentCap = int64_t{1} << 40;
  int64_t exponent = 0;
  if (at(pos) == 'p' || at(pos) == 'P') {
    ++pos;
    bool negative_exponent = false;
    if (at(pos) == '+' || at(pos) == '-') negative_exponent = stripped[pos++] == '-';
    if (!is_ascii_digit(at(pos))) return invalid();
    while (pos < end && is_ascii_digit(stripped[pos])) {
      exponent = std::min(exponent * 10 + (stripped[pos++] - '0'), kExponentCap);
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (pos != end) return invalid();
  normalised += "p" + std::to_string(exponent);
  double result = std::strtod(normalised.c_str(), nullptr);
  if (std::isinf(result))
    return fail(error, NumericError::OverflowError,
                "hexadecimal value too large to represent as a float");
  out = result;
  return true;
}

// CPython's PyFloat_FromString: underscores are checked on the whole text
// (_Py_string_to_number_with_underscores), whitespace is stripped, and what
// remains must be one decimal literal or inf/nan as _PyOS_ascii_strtod takes.
bool float_from_string(double& out, std::string_view text, NumericError& error) {
  auto invalid = [&] {
    return fail(error, NumericError::ValueError,
                "could not convert string to float: " + str_repr(text));
  };
  std::string without_underscores;
  char previous = '\0';
  for (char c : text) {
    if (c == '_') {
      if (!is_ascii_digit(previous)) return invalid();
    } else {
      if (previous == '_' && !is_ascii_digit(c)) return invalid();
      without_underscores += c;
    }
    previous = c;
  }
  if (previous == '_') return invalid();
  std::string_view literal = strip_ascii_space(without_underscores);
  if (parse_inf_or_nan(literal, out)) return true;
  size_t pos = 0, end = literal.size();
  auto at = [&](size_t i) { return i < end ? literal[i] : '\0'; };
  if (at(pos) == '+' || at(pos) == '-') ++pos;
  size_t digit_count = 0;
  while (is_ascii_digit(at(pos))) ++pos, ++digit_count;
  if (at(pos) == '.') {
    ++pos;
    while (is_ascii_digit(at(pos))) ++pos, ++digit_count;
  }
  if (digit_count == 0) return invalid();
  if (at(pos) == 'e' || at(pos) == 'E') {
    size_t exponent_start = pos + 1;
    if (at(exponent_start) == '+' || at(exponent_start) == '-') ++exponent_start;
    if (!is_ascii_digit(at(exponent_start))) return invalid();
    pos = exponent_start;
    while (is_ascii_digit(at(pos))) ++pos;
  }
  if (pos != end) return invalid();
  // The literal is validated, so strtod sees nothing it would read differently
  // (no hex, no nan(...)); overflow to inf and underflow to 0 are Python's too.
  out = std::strtod(std::string(literal).c_str(), nullptr);
  return true;
}

// Python/pyhash.c's _Py_HashDouble: folds the mantissa in 28-bit chunks
// modulo 2**61 - 1, then multiplies by 2**exponent as a rotation of 61 bits,
// which makes hash(float(n)) == hash(n).
int64_t float_hash(double value) {
  if (std::isinf(value)) return value > 0 ? kHashInfinity : -kHashInfinity;
  if (std::isnan(value)) return 0;  // the caller hashes the object's identity
  int exponent;
  double mantissa = std::frexp(value, &exponent);
  int sign = 1;
  if (mantissa < 0) {
    sign = -1;
    mantissa = -mantissa;
  }
  uint64_t hash = 0;
  while (mantissa != 0.0) {
    hash = ((hash << 28) & kHashModulus) | hash >> (kHashBits - 28);
    mantissa *= 268435456.0;  // 2**28
    exponent -= 28;
    uint64_t chunk = static_cast<uint64_t>(mantissa);
    mantissa -= static_cast<double>(chunk);
    hash += chunk;
    if (hash >= kHashModulus) hash -= kHashModulus;
  }
  exponent = exponent >= 0 ? exponent % static_cast<int>(kHashBits)
                           : static_cast<int>(kHashBits) - 1 - ((-1 - exponent) % static_cast<int>(kHashBits));
  hash = ((hash << exponent) & kHashModulus) | hash >> (kHashBits - exponent);
  int64_t result = static_cast<int64_t>(hash) * sign;
  return result == -1 ? -2 : result;
}

std::partial_ordering compare_int_float(const mpz_t a, double b) {
  if (std::isnan(b)) return std::partial_ordering::unordered;
  int comparison = mpz_cmp_d(a, b);  // exact, and defined for infinities
  if (comparison < 0) return std::partial_ordering::less;
  if (comparison > 0) return std::partial_ordering::greater;
  return std::partial_ordering::equivalent;
}

}  // namespace coil
