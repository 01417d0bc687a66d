// Python number semantics for the future `int` and `float` types, as
// CPython 3.11 computes them: floor division and modulo with Python's sign
// rules, correctly rounded int/int division and int→float conversion,
// three-argument pow, round() half to even, int and float text conversions,
// hash() modulo 2**61 - 1, and exact int/float comparison.
//
// This is a pure C++ layer below the object model. Ints come in as GMP
// `mpz_t` (the tagged small-int fast path of DESIGN §3 belongs to the caller:
// it widens to mpz when an operation may overflow), floats as double. A
// failure returns false and fills a NumericError with the exception type and
// message CPython raises; the caller raises it. Results go to out-parameters,
// an `mpz_t out` must be initialised by the caller and may alias an input.
#pragma once

#include <gmp.h>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace coil {

struct NumericError {
  // MemoryError: a result too large to build (1 << 2**64), as CPython raises.
  enum Type { ValueError, ZeroDivisionError, OverflowError, TypeError, MemoryError };
  Type type = ValueError;
  std::string message;
};

// str(int) and int(str) refuse more decimal digits than a limit
// (CVE-2020-10735); power-of-two bases are exempt. The limit starts at
// CPython's sys.int_info.default_max_str_digits and is changed by
// sys.set_int_max_str_digits (0: no limit, else at least the threshold).
inline constexpr int64_t kDefaultIntMaxStrDigits = 4300;
inline constexpr int64_t kIntMaxStrDigitsThreshold = 640;
int64_t int_max_str_digits();
void set_int_max_str_digits(int64_t limit);

// ---- int ----

// a // b and a % b: the quotient rounds toward minus infinity, so the
// remainder takes the sign of the divisor (-7 // 2 == -4, -7 % 2 == 1).
bool int_floor_divide(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error);
bool int_modulo(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error);
bool int_divmod(mpz_t quotient, mpz_t remainder, const mpz_t a, const mpz_t b,
                NumericError& error);

// a / b, correctly rounded as CPython's long_true_divide (exact even when
// neither operand fits a double: 10**400 / 10**399 == 10.0).
bool int_true_divide(double& out, const mpz_t a, const mpz_t b, NumericError& error);

// a ** b. A negative exponent makes the result a float (float(a) ** float(b)):
// then `result_is_float` is set and `float_out` holds it.
bool int_power(mpz_t out, double& float_out, bool& result_is_float, const mpz_t base,
               const mpz_t exponent, NumericError& error);

// pow(base, exponent, modulus): the result has the sign of the modulus; a
// negative exponent uses the modular inverse of the base.
bool int_power_modulo(mpz_t out, const mpz_t base, const mpz_t exponent, const mpz_t modulus,
                      NumericError& error);

// a << b and a >> b; a right shift rounds toward minus infinity (-1 >> 5 == -1).
bool int_left_shift(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error);
bool int_right_shift(mpz_t out, const mpz_t a, const mpz_t b, NumericError& error);

// int.bit_length() and int.bit_count(): both look at abs(value).
uint64_t int_bit_length(const mpz_t value);
uint64_t int_bit_count(const mpz_t value);

// str(int) in base 10, refusing more digits than int_max_str_digits().
bool int_to_decimal(std::string& out, const mpz_t value, NumericError& error);

// hex(), oct(), bin(): '-0x1f', '0o17', '0b0'.
std::string int_to_hex(const mpz_t value);
std::string int_to_octal(const mpz_t value);
std::string int_to_binary(const mpz_t value);

// int(text, base) as CPython's PyLong_FromString: base 0 or 2..36, surrounding
// whitespace, one sign, a 0x/0o/0b prefix (required for base 0, optional for
// the matching base), single underscores between digits or after the prefix.
bool int_from_string(mpz_t out, std::string_view text, int base, NumericError& error);

// int.to_bytes(length, byteorder, signed=...).
bool int_to_bytes(std::string& out, const mpz_t value, int64_t length, bool little_endian,
                  bool is_signed, NumericError& error);
// int.from_bytes(bytes, byteorder, signed=...).
void int_from_bytes(mpz_t out, std::string_view bytes, bool little_endian, bool is_signed);

// float(int): correctly rounded, half to even (shares format.h's conversion).
bool int_to_float(double& out, const mpz_t value, NumericError& error);

// round(int, ndigits): ndigits >= 0 changes nothing, a negative ndigits
// rounds to a multiple of 10**-ndigits, half to even.
void int_round(mpz_t out, const mpz_t value, int64_t ndigits);

// hash(int): value modulo 2**61 - 1 carrying the sign; -1 becomes -2.
int64_t int_hash(const mpz_t value);

// ---- float ----

bool float_true_divide(double& out, double a, double b, NumericError& error);
bool float_floor_divide(double& out, double a, double b, NumericError& error);
bool float_modulo(double& out, double a, double b, NumericError& error);
bool float_divmod(double& quotient, double& remainder, double a, double b, NumericError& error);

// a ** b as CPython's float_pow. A negative base to a non-integral power has a
// complex result in Python: then `result_is_complex` is set, `out` is not, and
// the caller computes complex(a) ** complex(b).
bool float_power(double& out, bool& result_is_complex, double base, double exponent,
                 NumericError& error);

// round(x): the nearest int, half to even.
bool float_round_to_int(mpz_t out, double value, NumericError& error);
// round(x, ndigits): the double nearest to x rounded half-even at 10**-ndigits,
// deciding on x's exact binary value (round(2.675, 2) == 2.67).
bool float_round(double& out, double value, int64_t ndigits, NumericError& error);
// int(x): truncation toward zero.
bool float_to_int(mpz_t out, double value, NumericError& error);

bool float_is_integer(double value);
bool float_as_integer_ratio(mpz_t numerator, mpz_t denominator, double value,
                            NumericError& error);

// float.hex(x): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan'.
std::string float_hex(double value);
// float.fromhex(text).
bool float_from_hex(double& out, std::string_view text, NumericError& error);

// float(text) as CPython accepts it: surrounding whitespace, a sign, decimal
// digits with single underscores between digits, an exponent, or
// inf/infinity/nan in any case.
bool float_from_string(double& out, std::string_view text, NumericError& error);

// hash(float), equal to hash(int) for integral values; inf is ±314159.
// NaN hashes by object identity since 3.10, which the caller supplies.
int64_t float_hash(double value);

// int <=> float, exact even beyond 2**53; unordered when value is NaN.
std::partial_ordering compare_int_float(const mpz_t a, double b);

}  // namespace coil
