// The `math` module of CPython 3.11: every function and constant, with
// CPython's argument handling, special-value rules and messages.
//
// Most functions wrap the C library following CPython's math_1/math_2
// rules: a NaN result from non-NaN input is ValueError "math domain error";
// an infinite result from finite input is OverflowError "math range error"
// (or a domain error at a singularity); errno catches the rest. Where
// CPython computes a result itself rather than trusting libm — gamma and
// lgamma (Lanczos), fsum (exact partials), hypot and dist (scaled,
// compensated sum), pow and atan2 special values, logarithms of huge ints —
// the same algorithm is used here, since the printed digits depend on it.
// Integer functions (factorial, comb, perm, isqrt, gcd, lcm) work on GMP.
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/numeric.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kTau = 6.283185307179586476925286766559005768394;

Raised domain_error() { return raise(&value_error_type, "math domain error"); }
Raised range_error() { return raise(&overflow_error_type, "math range error"); }

// CPython's is_error: errno is set after a libm call that returned `x`.
// Returns true with an exception pending, false if the errno is to be
// ignored (an underflow: ERANGE with a result below 1.5 in magnitude).
bool is_error(double x) {
  if (errno == EDOM) {
    domain_error();
    return true;
  }
  if (errno == ERANGE) {
    if (std::fabs(x) < 1.5) return false;
    range_error();
    return true;
  }
  raise(&value_error_type, "math domain error");
  return true;
}

// Argument checks of the one-argument functions (CPython's METH_O):
// "math.sqrt() takes exactly one argument (2 given)".
bool check_one_argument(const char* name, Args args) {
  if (args.keyword_count() != 0) {
    raise_format(&type_error_type, "math.%s() takes no keyword arguments", name);
    return false;
  }
  if (args.count != 1) {
    raise_format(&type_error_type, "math.%s() takes exactly one argument (%zu given)", name, args.count);
    return false;
  }
  return true;
}

// One argument, converted to a double.
bool one_double(const char* name, Args args, double& x) {
  return check_one_argument(name, args) && float_as_double(args[0], x);
}

// Positional arguments only, between `min` and `max` of them, with
// CPython's messages: "math.atan2() takes no keyword arguments", "atan2
// expected 2 arguments, got 1".
bool check_arity(const char* name, Args args, size_t min, size_t max) {
  if (args.keyword_count() != 0) {
    raise_format(&type_error_type, "math.%s() takes no keyword arguments", name);
    return false;
  }
  return check_positional(name, args, min, max);
}

// Two positional arguments converted to doubles (CPython's clinic
// "x: double, y: double").
bool two_doubles(const char* name, Args args, double& x, double& y) {
  return check_arity(name, args, 2, 2) && float_as_double(args[0], x) && float_as_double(args[1], y);
}

// CPython's math_1: wraps a libm function of one double.
Ref math_1(const char* name, Args args, double (*function)(double), bool can_overflow) {
  double x;
  if (!one_double(name, args, x)) return {};
  errno = 0;
  double r = function(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  if (std::isfinite(r) && errno && is_error(r)) return {};
  return make_float(r);
}

// CPython's math_1a: for functions that set errno themselves.
Ref math_1a(const char* name, Args args, double (*function)(double)) {
  double x;
  if (!one_double(name, args, x)) return {};
  errno = 0;
  double r = function(x);
  if (errno && is_error(r)) return {};
  return make_float(r);
}

// CPython's math_2: wraps a libm function of two doubles.
Ref math_2(const char* name, Args args, double (*function)(double, double)) {
  double x, y;
  if (!two_doubles(name, args, x, y)) return {};
  errno = 0;
  double r = function(x, y);
  if (std::isnan(r)) {
    errno = !std::isnan(x) && !std::isnan(y) ? EDOM : 0;
  } else if (std::isinf(r)) {
    errno = std::isfinite(x) && std::isfinite(y) ? ERANGE : 0;
  }
  if (errno && is_error(r)) return {};
  return make_float(r);
}

// ---- Functions CPython computes itself ----

// sin(pi * x), accurate for integral x (the gamma reflection formula).
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = int(std::round(2.0 * y));
  double r = 0.0;
  switch (n) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // not -sin(pi*(y-1)): keeps +0.0 at y == 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    case 4: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// The Lanczos approximation with N = 13, g = 6.024680040776729583740234375
// (Boost's parameters, as CPython uses), as a rational function.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNumerator[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// x * (x + 1) * ... * (x + N - 2) expanded.
constexpr double kLanczosDenominator[kLanczosN] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
// gamma(1) .. gamma(23), exact.
constexpr int kGammaIntegralCount = 23;
constexpr double kGammaIntegral[kGammaIntegralCount] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0,
    355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

double lanczos_sum(double x) {
  double numerator = 0.0, denominator = 0.0;
  // Below 5 evaluate directly; above, in 1/x to avoid overflow.
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      numerator = numerator * x + kLanczosNumerator[i];
      denominator = denominator * x + kLanczosDenominator[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; ++i) {
      numerator = numerator / x + kLanczosNumerator[i];
      denominator = denominator / x + kLanczosDenominator[i];
    }
  }
  return numerator / denominator;
}

double m_tgamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= kGammaIntegralCount) return kGammaIntegral[int(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) errno = ERANGE;
    return r;
  }
  // Beyond 200 gamma overflows (x > 0) or underflows to +-0 (x < 0).
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sin_pi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // The error of computing y, to correct pow(y, x - 0.5) / exp(y).
  double z;
  if (absx > kLanczosGMinusHalf) {
    volatile double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    volatile double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrt_power = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrt_power;
      r /= sqrt_power;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrt_power = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrt_power;
      r *= sqrt_power;
    }
  }
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double m_lgamma(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;  // lgamma(1) == lgamma(2) == 0
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = std::log(kPi) - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

// log, log2 and log10 with the special values decided here, not by libm.
double m_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

double m_log2(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x > 0.0) return std::log2(x);
  errno = EDOM;
  return x == 0.0 ? -HUGE_VAL : NAN;
}

double m_log10(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log10(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

double m_log1p(double x) {
  // log1p(-0.0) keeps its sign.
  if (x == 0.0) return x;
  return std::log1p(x);
}

double m_atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return NAN;
  if (std::isinf(y)) {
    if (std::isinf(x)) {
      return std::copysign(std::copysign(1.0, x) == 1.0 ? 0.25 * kPi : 0.75 * kPi, y);
    }
    return std::copysign(0.5 * kPi, y);
  }
  if (std::isinf(x) || y == 0.0) {
    return std::copysign(1.0, x) == 1.0 ? std::copysign(0.0, y) : std::copysign(kPi, y);
  }
  return std::atan2(y, x);
}

// ---- One-argument functions ----

#define MATH_1(name, expression, can_overflow)                                   \
  double m_##name(double x) { return expression; }                              \
  Ref math_##name(Value, Args args) { return math_1(#name, args, m_##name, can_overflow); }

MATH_1(acos, std::acos(x), false)
MATH_1(acosh, std::acosh(x), false)
MATH_1(asin, std::asin(x), false)
MATH_1(asinh, std::asinh(x), false)
MATH_1(atan, std::atan(x), false)
MATH_1(atanh, std::atanh(x), false)
MATH_1(cbrt, std::cbrt(x), false)
MATH_1(cos, std::cos(x), false)
MATH_1(cosh, std::cosh(x), true)
MATH_1(exp, std::exp(x), true)
MATH_1(exp2, std::exp2(x), true)
MATH_1(expm1, std::expm1(x), true)
MATH_1(fabs, std::fabs(x), false)
MATH_1(sin, std::sin(x), false)
MATH_1(sinh, std::sinh(x), true)
MATH_1(sqrt, std::sqrt(x), false)
MATH_1(tan, std::tan(x), false)
MATH_1(tanh, std::tanh(x), false)
#undef MATH_1

Ref math_log1p(Value, Args args) { return math_1("log1p", args, m_log1p, false); }

double m_erf(double x) { return std::erf(x); }
double m_erfc(double x) { return std::erfc(x); }
Ref math_erf(Value, Args args) { return math_1a("erf", args, m_erf); }
Ref math_erfc(Value, Args args) { return math_1a("erfc", args, m_erfc); }
Ref math_gamma(Value, Args args) { return math_1a("gamma", args, m_tgamma); }
Ref math_lgamma(Value, Args args) { return math_1a("lgamma", args, m_lgamma); }

Ref math_degrees(Value, Args args) {
  double x;
  if (!one_double("degrees", args, x)) return {};
  return make_float(x * (180.0 / kPi));
}

Ref math_radians(Value, Args args) {
  double x;
  if (!one_double("radians", args, x)) return {};
  return make_float(x * (kPi / 180.0));
}

Ref math_isfinite(Value, Args args) {
  double x;
  if (!one_double("isfinite", args, x)) return {};
  return new_bool(std::isfinite(x));
}

Ref math_isinf(Value, Args args) {
  double x;
  if (!one_double("isinf", args, x)) return {};
  return new_bool(std::isinf(x));
}

Ref math_isnan(Value, Args args) {
  double x;
  if (!one_double("isnan", args, x)) return {};
  return new_bool(std::isnan(x));
}

// An int from a double already rounded to an integral value.
Ref int_from_integral_double(double value) {
  Mpz result;
  NumericError error;
  if (!float_to_int(result, value, error)) return raise_numeric_error(error);
  return make_int_taking(result);
}

// floor() and ceil(): an exact float directly, else the type's
// __floor__/__ceil__, else the value as a float.
Ref floor_or_ceil(const char* name, const char* dunder, Args args, double (*round)(double)) {
  if (!check_one_argument(name, args)) return {};
  Value number = args[0];
  if (!is_exact_float(number)) {
    bool found = false;
    Ref result = call_special(number, dunder, {}, found);
    if (found) return result;
    if (error_pending()) return {};
  }
  double x;
  if (!float_as_double(number, x)) return {};
  return int_from_integral_double(round(x));
}

double floor_double(double x) { return std::floor(x); }
double ceil_double(double x) { return std::ceil(x); }

Ref math_floor(Value, Args args) { return floor_or_ceil("floor", "__floor__", args, floor_double); }
Ref math_ceil(Value, Args args) { return floor_or_ceil("ceil", "__ceil__", args, ceil_double); }

Ref math_trunc(Value, Args args) {
  if (!check_one_argument("trunc", args)) return {};
  Value x = args[0];
  if (is_exact_float(x)) return float_type.m_int(x);
  bool found = false;
  Ref result = call_special(x, "__trunc__", {}, found);
  if (found) return result;
  if (error_pending()) return {};
  return raise_format(&type_error_type, "type %s doesn't define __trunc__ method", value_type_name(x).data());
}

Ref math_frexp(Value, Args args) {
  double x;
  if (!one_double("frexp", args, x)) return {};
  int exponent = 0;
  // NaNs, infinities and zeros come back unchanged with exponent 0.
  if (!std::isnan(x) && !std::isinf(x) && x != 0.0) x = std::frexp(x, &exponent);
  Ref mantissa = make_float(x);
  if (!mantissa) return {};
  return make_tuple({mantissa, Value::small_int(exponent)});
}

Ref math_modf(Value, Args args) {
  double x;
  if (!one_double("modf", args, x)) return {};
  double integral, fractional;
  if (std::isinf(x)) {
    fractional = std::copysign(0.0, x);
    integral = x;
  } else if (std::isnan(x)) {
    fractional = integral = x;
  } else {
    fractional = std::modf(x, &integral);
  }
  Ref a = make_float(fractional);
  Ref b = make_float(integral);
  if (!a || !b) return {};
  return make_tuple({a, b});
}

// log of an int, which may be too large for a double: log(m * 2**e) with
// 0.5 <= m < 1 is log(m) + e * log(2). Otherwise math_1 on the double.
Ref log_helper(const char* name, Value x, double (*function)(double)) {
  if (is_int(x)) {
    if (int_sign(x) <= 0) return domain_error();
    double value;
    if (int_as_double(x, value)) return make_float(function(value));
    if (!exception_matches(&overflow_error_type)) return {};
    clear_exception();
    IntView big(x);
    long exponent;
    double mantissa = mpz_get_d_2exp(&exponent, big);
    return make_float(function(mantissa) + function(2.0) * double(exponent));
  }
  Value argument[1] = {x};
  return math_1(name, Args{argument, 1, nullptr}, function, false);
}

Ref math_log(Value, Args args) {
  if (args.keyword_count() != 0) return raise(&type_error_type, "log() takes no keyword arguments");
  if (args.count < 1 || args.count > 2) return raise(&type_error_type, "math.log requires 1 to 2 arguments");
  Ref numerator = log_helper("log", args[0], m_log);
  if (!numerator || args.count == 1) return numerator;
  Ref denominator = log_helper("log", args[1], m_log);
  if (!denominator) return {};
  return binary_op(numerator, denominator, BinaryOp::TrueDivide);
}

Ref math_log2(Value, Args args) {
  if (!check_one_argument("log2", args)) return {};
  return log_helper("log2", args[0], m_log2);
}

Ref math_log10(Value, Args args) {
  if (!check_one_argument("log10", args)) return {};
  return log_helper("log10", args[0], m_log10);
}

// ---- Two-argument functions ----

double m_copysign(double x, double y) { return std::copysign(x, y); }
double m_remainder(double x, double y) { return std::remainder(x, y); }

Ref math_atan2(Value, Args args) { return math_2("atan2", args, m_atan2); }
Ref math_copysign(Value, Args args) { return math_2("copysign", args, m_copysign); }
Ref math_remainder(Value, Args args) { return math_2("remainder", args, m_remainder); }

Ref math_fmod(Value, Args args) {
  double x, y;
  if (!two_doubles("fmod", args, x, y)) return {};
  // fmod(x, +-inf) is x for finite x.
  if (std::isinf(y) && std::isfinite(x)) return make_float(x);
  errno = 0;
  double r = std::fmod(x, y);
  if (std::isnan(r)) errno = !std::isnan(x) && !std::isnan(y) ? EDOM : 0;
  if (errno && is_error(r)) return {};
  return make_float(r);
}

// pow with IEEE special values handled here (C99 Annex F), as CPython.
Ref math_pow(Value, Args args) {
  double x, y;
  if (!two_doubles("pow", args, x, y)) return {};
  double r = 0.0;
  errno = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;  // nan ** 0 == 1
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;  // 1 ** nan == 1
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) {
        r = odd_y ? x : std::fabs(x);
      } else if (y == 0.0) {
        r = 1.0;
      } else {
        r = odd_y ? std::copysign(0.0, x) : 0.0;
      }
    } else {  // y infinite
      if (std::fabs(x) == 1.0) {
        r = 1.0;
      } else if (y > 0.0 && std::fabs(x) > 1.0) {
        r = y;
      } else if (y < 0.0 && std::fabs(x) < 1.0) {
        r = -y;
      } else {
        r = 0.0;
      }
    }
  } else {
    r = std::pow(x, y);
    if (!std::isfinite(r)) {
      if (std::isnan(r)) {
        errno = EDOM;  // a negative base to a fractional power
      } else {
        errno = x == 0.0 ? EDOM : ERANGE;  // 0 ** negative, or overflow
      }
    } else {
      errno = 0;
    }
  }
  if (errno && is_error(r)) return {};
  return make_float(r);
}

Ref math_ldexp(Value, Args args) {
  if (!check_arity("ldexp", args, 2, 2)) return {};
  double x;
  if (!float_as_double(args[0], x)) return {};
  if (!is_int(args[1])) return raise(&type_error_type, "Expected an int as second argument to ldexp.");
  int64_t exponent;
  // Past int64 the exponent over- or underflows anyway.
  if (!int_fits_int64(args[1], exponent)) exponent = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  double r;
  errno = 0;
  if (x == 0.0 || !std::isfinite(x)) {
    r = x;
  } else if (exponent > INT_MAX) {
    r = std::copysign(HUGE_VAL, x);
    errno = ERANGE;
  } else if (exponent < INT_MIN) {
    r = std::copysign(0.0, x);
  } else {
    r = std::ldexp(x, int(exponent));
    errno = std::isinf(r) ? ERANGE : 0;
  }
  if (errno && is_error(r)) return {};
  return make_float(r);
}

Ref math_nextafter(Value, Args args) {
  double x, y;
  if (!two_doubles("nextafter", args, x, y)) return {};
  return make_float(std::nextafter(x, y));
}

Ref math_ulp(Value, Args args) {
  double x;
  if (!one_double("ulp", args, x)) return {};
  if (std::isnan(x)) return make_float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return make_float(x);
  double next = std::nextafter(x, INFINITY);
  // The largest finite double: the gap below it.
  if (std::isinf(next)) return make_float(x - std::nextafter(x, -INFINITY));
  return make_float(next - x);
}

Ref math_isclose(Value, Args args) {
  static const ArgSpec spec{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 0, 2, 2};
  Value bound[4];
  if (!bind_arguments(spec, args, bound)) return {};
  double a, b, rel_tol = 1e-09, abs_tol = 0.0;
  if (!float_as_double(bound[0], a) || !float_as_double(bound[1], b)) return {};
  if (bound[2] && !float_as_double(bound[2], rel_tol)) return {};
  if (bound[3] && !float_as_double(bound[3], abs_tol)) return {};
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(&value_error_type, "tolerances must be non-negative");
  if (a == b) return new_bool(true);  // also two infinities of the same sign
  if (std::isinf(a) || std::isinf(b)) return new_bool(false);
  double difference = std::fabs(b - a);
  return new_bool(difference <= std::fabs(rel_tol * b) || difference <= std::fabs(rel_tol * a) ||
                  difference <= abs_tol);
}

// ---- Sums and norms ----

// The Euclidean norm of non-negative finite values (NaN and infinity are
// decided by the caller's flags), as CPython's vector_norm: a power-of-two
// scaling, squares split exactly (Veltkamp-Dekker), a compensated sum, and a
// correction of the square root.
double vector_norm(const std::vector<double>& values, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  size_t n = values.size();
  if (max == 0.0 || n <= 1) return max;
  constexpr double kSplit = 134217729.0;  // 2**27 + 1
  volatile double csum = 1.0;
  double frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  int max_exponent;
  std::frexp(max, &max_exponent);
  if (max_exponent >= -1023) {
    double scale = std::ldexp(1.0, -max_exponent);
    for (double value : values) {
      double x = value * scale;
      double t = x * kSplit;
      double hi = t - (t - x);
      double lo = x - hi;
      x = hi * hi;
      double old = csum;
      csum = csum + x;
      frac1 += (old - csum) + x;
      x = 2.0 * hi * lo;
      old = csum;
      csum = csum + x;
      frac2 += (old - csum) + x;
      frac3 += lo * lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    double x = h;
    double t = x * kSplit;
    double hi = t - (t - x);
    double lo = x - hi;
    x = -hi * hi;
    double old = csum;
    csum = csum + x;
    frac1 += (old - csum) + x;
    x = -2.0 * hi * lo;
    old = csum;
    csum = csum + x;
    frac2 += (old - csum) + x;
    x = -lo * lo;
    old = csum;
    csum = csum + x;
    frac3 += (old - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // Subnormal maximum: ldexp(1.0, -max_exponent) would overflow, so divide.
  for (double value : values) {
    double x = value / max;
    x = x * x;
    double old = csum;
    csum = csum + x;
    frac1 += (old - csum) + x;
  }
  return max * std::sqrt(csum - 1.0 + frac1);
}

Ref math_hypot(Value, Args args) {
  if (args.keyword_count() != 0) return raise(&type_error_type, "math.hypot() takes no keyword arguments");
  std::vector<double> values;
  values.reserve(args.count);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < args.count; ++i) {
    double x;
    if (!float_as_double(args[i], x)) return {};
    x = std::fabs(x);
    values.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return make_float(vector_norm(values, max, found_nan));
}

// The items of an iterable, as CPython's PySequence_Tuple would list them.
bool collect_items(Value iterable, std::vector<Ref>& items) {
  return for_each(iterable, [&](Value item) {
    items.push_back(ref(item));
    return true;
  });
}

Ref math_dist(Value, Args args) {
  if (!check_arity("dist", args, 2, 2)) return {};
  std::vector<Ref> p, q;
  if (!collect_items(args[0], p) || !collect_items(args[1], q)) return {};
  if (p.size() != q.size()) {
    return raise(&value_error_type, "both points must have the same number of dimensions");
  }
  std::vector<double> differences;
  differences.reserve(p.size());
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); ++i) {
    double px, qx;
    if (!float_as_double(p[i], px) || !float_as_double(q[i], qx)) return {};
    double x = std::fabs(px - qx);
    differences.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return make_float(vector_norm(differences, max, found_nan));
}

// The exact sum of floats (Shewchuk's algorithm as CPython's msum): the
// partials stay non-overlapping, and the final rounding is half to even
// across them.
Ref math_fsum(Value, Args args) {
  if (!check_one_argument("fsum", args)) return {};
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  bool overflow = false;
  bool ok = for_each(args[0], [&](Value item) {
    double x;
    if (!float_as_double(item, x)) return false;
    double saved = x;
    size_t i = 0;
    for (size_t j = 0; j < partials.size(); ++j) {
      double y = partials[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      volatile double hi = x + y;
      volatile double yr = hi - x;
      volatile double lo = y - yr;
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // A non-finite x is an intermediate overflow, or came from a NaN or
        // an infinity among the inputs.
        if (std::isfinite(saved)) {
          overflow = true;
          return false;
        }
        if (std::isinf(saved)) inf_sum += saved;
        special_sum += saved;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
    return true;
  });
  if (overflow) return raise(&overflow_error_type, "intermediate overflow in fsum");
  if (!ok) return {};
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(&value_error_type, "-inf + inf in fsum");
    return make_float(special_sum);
  }
  volatile double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    volatile double lo = 0.0;
    hi = partials[--n];
    // Add from the top while the sum stays exact.
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      volatile double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      volatile double x = hi + y;
      volatile double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return make_float(hi);
}

Ref math_prod(Value, Args args) {
  static const ArgSpec spec{"prod", {"iterable", "start"}, 1, 1, 1};
  // The positional-only iterable is missing even if passed by name.
  if (args.count == 0) return raise(&type_error_type, "prod() takes exactly 1 positional argument (0 given)");
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  Ref iterator = iter(bound[0]);
  if (!iterator) return {};
  Ref result = bound[1] ? ref(bound[1]) : Ref::small_int(1);
  while (true) {
    Ref item = iterator_next(iterator);
    if (!item) {
      if (error_pending()) return {};
      return result;
    }
    result = binary_op(result, item, BinaryOp::Multiply);
    if (!result) return {};
  }
}

// ---- Integer functions ----

Ref math_gcd(Value, Args args) {
  if (args.keyword_count() != 0) return raise(&type_error_type, "math.gcd() takes no keyword arguments");
  if (args.count == 0) return Ref::small_int(0);
  Mpz result;
  for (size_t i = 0; i < args.count; ++i) {
    Ref value = index(args[i]);
    if (!value) return {};
    IntView view(value);
    mpz_gcd(result, result, view);  // gcd(0, x) == |x|
  }
  return make_int_taking(result);
}

Ref math_lcm(Value, Args args) {
  if (args.keyword_count() != 0) return raise(&type_error_type, "math.lcm() takes no keyword arguments");
  if (args.count == 0) return Ref::small_int(1);
  Mpz result;
  mpz_set_ui(result, 1);
  for (size_t i = 0; i < args.count; ++i) {
    Ref value = index(args[i]);
    if (!value) return {};
    IntView view(value);
    if (i == 0) {
      mpz_abs(result, view);
    } else {
      mpz_lcm(result, result, view);  // non-negative, 0 if either is 0
    }
  }
  return make_int_taking(result);
}

Ref math_isqrt(Value, Args args) {
  if (!check_one_argument("isqrt", args)) return {};
  Ref n = index(args[0]);
  if (!n) return {};
  if (int_sign(n) < 0) return raise(&value_error_type, "isqrt() argument must be nonnegative");
  IntView view(n);
  Mpz result;
  mpz_sqrt(result, view);
  return make_int_taking(result);
}

Ref factorial_of(Value argument) {
  Ref n = index(argument);
  if (!n) return {};
  if (int_sign(n) < 0) return raise(&value_error_type, "factorial() not defined for negative values");
  int64_t value;
  if (!int_fits_int64(n, value)) {
    return raise_format(&overflow_error_type, "factorial() argument should not exceed %ld", LONG_MAX);
  }
  Mpz result;
  mpz_fac_ui(result, static_cast<unsigned long>(value));
  return make_int_taking(result);
}

Ref math_factorial(Value, Args args) {
  if (!check_one_argument("factorial", args)) return {};
  return factorial_of(args[0]);
}

// n and k of comb/perm as ints, with CPython's checks of their signs.
bool comb_perm_arguments(Value n_argument, Value k_argument, Ref& n, Ref& k) {
  n = index(n_argument);
  if (!n) return false;
  k = index(k_argument);
  if (!k) return false;
  if (int_sign(n) < 0) return raise(&value_error_type, "n must be a non-negative integer");
  if (int_sign(k) < 0) return raise(&value_error_type, "k must be a non-negative integer");
  return true;
}

Ref math_perm(Value, Args args) {
  if (!check_arity("perm", args, 1, 2)) return {};
  if (args.count == 1 || is_none(args[1])) return factorial_of(args[0]);
  Ref n, k;
  if (!comb_perm_arguments(args[0], args[1], n, k)) return {};
  IntView nv(n), kv(k);
  if (mpz_cmp(nv, kv) < 0) return Ref::small_int(0);
  int64_t k_value;
  if (!int_fits_int64(k, k_value)) {
    return raise_format(&overflow_error_type, "k must not exceed %lld", LLONG_MAX);
  }
  // perm(n, k) == comb(n, k) * k!
  Mpz result, k_factorial;
  mpz_bin_ui(result, nv, static_cast<unsigned long>(k_value));
  mpz_fac_ui(k_factorial, static_cast<unsigned long>(k_value));
  mpz_mul(result, result, k_factorial);
  return make_int_taking(result);
}

Ref math_comb(Value, Args args) {
  if (!check_arity("comb", args, 2, 2)) return {};
  Ref n, k;
  if (!comb_perm_arguments(args[0], args[1], n, k)) return {};
  IntView nv(n), kv(k);
  Mpz difference;
  mpz_sub(difference, nv, kv);
  if (mpz_sgn(difference) < 0) return Ref::small_int(0);
  // comb(n, k) == comb(n, n - k): the smaller one bounds the work.
  mpz_srcptr smaller = mpz_cmp(difference, kv) < 0 ? mpz_srcptr(difference) : mpz_srcptr(kv);
  if (!mpz_fits_slong_p(smaller)) {
    return raise_format(&overflow_error_type, "min(n - k, k) must not exceed %lld", LLONG_MAX);
  }
  Mpz result;
  mpz_bin_ui(result, nv, mpz_get_ui(smaller));
  return make_int_taking(result);
}

// Every function checks its own arguments (ArgKind::Keywords), for
// CPython's "math.sqrt() takes …" messages.
const MethodDef math_functions[] = {
    {"acos", math_acos, ArgKind::Keywords, "Return the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."},
    {"acosh", math_acosh, ArgKind::Keywords, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, ArgKind::Keywords, "Return the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"asinh", math_asinh, ArgKind::Keywords, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, ArgKind::Keywords, "Return the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"atan2", math_atan2, ArgKind::Keywords, "Return the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."},
    {"atanh", math_atanh, ArgKind::Keywords, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, ArgKind::Keywords, "Return the cube root of x."},
    {"ceil", math_ceil, ArgKind::Keywords, "Return the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."},
    {"comb", math_comb, ArgKind::Keywords, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, ArgKind::Keywords, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, ArgKind::Keywords, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, ArgKind::Keywords, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, ArgKind::Keywords, "Convert angle x from radians to degrees."},
    {"dist", math_dist, ArgKind::Keywords, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, ArgKind::Keywords, "Error function at x."},
    {"erfc", math_erfc, ArgKind::Keywords, "Complementary error function at x."},
    {"exp", math_exp, ArgKind::Keywords, "Return e raised to the power of x."},
    {"exp2", math_exp2, ArgKind::Keywords, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, ArgKind::Keywords, "Return exp(x)-1."},
    {"fabs", math_fabs, ArgKind::Keywords, "Return the absolute value of the float x."},
    {"factorial", math_factorial, ArgKind::Keywords, "Find x!."},
    {"floor", math_floor, ArgKind::Keywords, "Return the floor of x as an Integral.\n\nThis is the largest integer <= x."},
    {"fmod", math_fmod, ArgKind::Keywords, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, ArgKind::Keywords, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, ArgKind::Keywords, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, ArgKind::Keywords, "Gamma function at x."},
    {"gcd", math_gcd, ArgKind::Keywords, "Greatest Common Divisor."},
    {"hypot", math_hypot, ArgKind::Keywords, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, ArgKind::Keywords, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, ArgKind::Keywords, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, ArgKind::Keywords, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, ArgKind::Keywords, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, ArgKind::Keywords, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, ArgKind::Keywords, "Least Common Multiple."},
    {"ldexp", math_ldexp, ArgKind::Keywords, "Return x * (2**i)."},
    {"lgamma", math_lgamma, ArgKind::Keywords, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, ArgKind::Keywords, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log1p", math_log1p, ArgKind::Keywords, "Return the natural logarithm of 1+x (base e)."},
    {"log10", math_log10, ArgKind::Keywords, "Return the base 10 logarithm of x."},
    {"log2", math_log2, ArgKind::Keywords, "Return the base 2 logarithm of x."},
    {"modf", math_modf, ArgKind::Keywords, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, ArgKind::Keywords, "Return the next floating-point value after x towards y."},
    {"perm", math_perm, ArgKind::Keywords, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, ArgKind::Keywords, "Return x**y (x to the power of y)."},
    {"prod", math_prod, ArgKind::Keywords, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, ArgKind::Keywords, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, ArgKind::Keywords, "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, ArgKind::Keywords, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, ArgKind::Keywords, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, ArgKind::Keywords, "Return the square root of x."},
    {"tan", math_tan, ArgKind::Keywords, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, ArgKind::Keywords, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, ArgKind::Keywords, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, ArgKind::Keywords, "Return the value of the least significant bit of the float x."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_math(Value module) {
  if (!module_add_functions(module, math_functions)) return false;
  Value dict = module_dict(module);
  const struct {
    const char* name;
    double value;
  } constants[] = {{"pi", kPi}, {"e", kE}, {"tau", kTau}, {"inf", INFINITY}, {"nan", NAN}};
  for (const auto& constant : constants) {
    Ref value = make_float(constant.value);
    if (!value || !dict_setitem_str(dict, constant.name, value)) return false;
  }
  Ref doc = make_str("This module provides access to the mathematical functions\ndefined by the C standard.");
  return doc && dict_setitem_str(dict, "__doc__", doc);
}

}  // namespace

COIL_REGISTER_MODULE("math", init_math);

}  // namespace coil
