# Writes tests/unit/numeric_test.cpp: each expectation is what python3 computes.
# Run: python3 tests/unit/gen/numeric_test_gen.py > tests/unit/numeric_test.cpp
# Results are written as text: ints in decimal, floats as repr(), tuples as
# "(a, b)", bytes as hex, errors as "TypeName: message".
import math
import random
import sys
from cxx import cxx_string as cxx

sys.set_int_max_str_digits(0)  # the expectations themselves may be long

ints = [0, 1, -1, 2, -2, 3, 7, -7, 10, 25, -35, 2**53 + 1, 2**62 - 1, 2**62, -2**62, -2**62 - 1,
        2**63, -2**63, 2**64, -2**64, 3**200, -(3**200), 10**30 + 7]
small_exponents = [0, 1, 2, 3, 7, -1, -2, -3]
shifts = [0, 1, 3, 63, 64, 200, -1]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, -7.5, 2.0, 3.0, -2.0, 0.1, 2.675, 0.125, 0.375, 2.5, -2.5,
          1e308, -1e308, 5e-324, 1e16, 123.456, 1e22, math.inf, -math.inf, math.nan]
round_digits = [0, 1, 2, 3, -1, -2, 300, 330, -308, -310]
int_strings = [("0", 10), ("  -42  ", 10), ("+7", 10), ("1_000", 10), ("1__000", 10),
               ("_1", 10), ("1_", 10), ("0x1f", 16), ("0x_1f", 16), ("0X1F", 0), ("1f", 16),
               ("0o17", 0), ("017", 0), ("000", 0), ("0_0", 0), ("0b101", 0), ("0b", 0),
               ("0x", 16), ("z", 36), ("Z", 36), ("12", 2), ("", 10), ("   ", 10), ("x", 10),
               ("1 2", 10), ("- 1", 10), ("--1", 10), ("1", 1), ("1", 37), ("9" * 30, 10),
               ("1" * 4300, 10), ("1" * 4301, 10), ("1" * 5000 + "x", 10), ("1" * 5000, 16),
               ("1" * 250 + "x", 10), ("caf\u00e9", 10), ("0b1_1", 2),
               ("0_b1", 0), ("1_2_3", 0), ("\t\n12\x0c", 8)]
float_strings = ["1.5", " -2.5e3 ", "1_000.5", "1__0", "_1", "1_", "1._5", "1_.5", "1e1_0",
                 "inf", "-Infinity", "+nAn", "infinit", "nan(1)", "0x10", "1e", "1e+", ".5", "5.",
                 ".", "", "  ", "1e400", "-1e-400", "1.7976931348623157e308", "2.5e-324",
                 "0.1", "x", "1 2", "\t3.25\n", "1e-5", "123456789012345678901234567890",
                 "caf\u00e9"]
hex_strings = ["0x1.8p0", "1.8p0", "-0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1p1024",
               "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "  0x.8p1  ", "0x1.",
               "0x.", "0x", "inf", "-NaN", "0xp1", "0x1p", "0x1p+", "0x1g", "0x1p99999999999999",
               "0x1p-99999999999999", "-0x0p0", "0X1P+3", "1.0000000000000008p0",
               "0x1.00000000000008p0", "0x1.00000000000018p0"]
bytes_cases = [(0, 0, 'big', False), (0, 1, 'little', True), (255, 1, 'big', False),
               (256, 1, 'big', False), (-1, 1, 'big', False), (-1, 1, 'big', True),
               (-128, 1, 'little', True), (-129, 1, 'little', True), (127, 1, 'big', True),
               (128, 1, 'big', True), (1, 0, 'big', False), (-1, 0, 'big', True), (-2, 0, 'big', True),
               (2**64 - 1, 8, 'little', False), (-2**63, 8, 'big', True), (3**200, 40, 'big', False),
               (3**200, 50, 'little', False), (-(3**200), 50, 'big', True), (5, -1, 'big', False),
               (0x1234, 4, 'little', False)]
from_bytes_cases = [b"", b"\x00", b"\xff", b"\x80\x00", b"\x00\x80", b"\x01\x02\x03\x04\x05\x06\x07\x08\x09",
                    b"\xff" * 20]


def show(value) -> str:
    if isinstance(value, bool):
        return 'True' if value else 'False'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, complex):
        return 'complex'
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, tuple):
        return '(' + ', '.join(show(v) for v in value) + ')'
    if isinstance(value, str):
        return value
    raise TypeError(value)


def outcome(thunk) -> str:
    try:
        return show(thunk())
    except MemoryError:
        return 'MemoryError: '
    except (ValueError, ZeroDivisionError, OverflowError, TypeError) as error:
        return f'{type(error).__name__}: {error}'


def float_text(f: float) -> str:
    return float.hex(f)  # strtod reads back 'inf', '-inf', 'nan' and hex exactly


def row(*fields) -> str:
    return '    {' + ', '.join(cxx(str(f)) for f in fields) + '},'


int_binary = {
    'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
    'truediv': lambda a, b: a / b, 'and': lambda a, b: a & b, 'or': lambda a, b: a | b,
    'xor': lambda a, b: a ^ b,
}
int_rows = []
for a in ints:
    for b in ints:
        for name, op in int_binary.items():
            int_rows.append(row(name, a, b, outcome(lambda: op(a, b))))
    for b in small_exponents:
        int_rows.append(row('pow', a, b, outcome(lambda: a ** b)))
    for b in shifts:
        int_rows.append(row('lshift', a, b, outcome(lambda: a << b)))
        int_rows.append(row('rshift', a, b, outcome(lambda: a >> b)))
    int_rows.append(row('rshift', a, 2**70, outcome(lambda: a >> 2**70)))
for a in [0, 1, -1]:
    int_rows.append(row('pow', a, 2**70 + 1, outcome(lambda: a ** (2**70 + 1))))
int_rows.append(row('lshift', 1, 2**64, 'MemoryError: '))  # CPython tries, then raises
int_rows.append(row('lshift', 0, 2**64, outcome(lambda: 0 << 2**64)))
int_rows.append(row('pow', 0, -1, outcome(lambda: 0 ** -1)))
int_rows.append(row('pow', 10**400, -1, outcome(lambda: (10**400) ** -1)))
int_rows.append(row('pow', 10, -400, outcome(lambda: 10 ** -400)))
# True division beyond 2**53: ratios near overflow, subnormal results, ties.
random.seed(11)
division_pairs = [(10**400, 10**399), (1, 10**400), (-(10**400), 10**399), (0, -(10**400)),
                  (10**400, 1), (2**1024 - 2**970, 1), (2**1024 - 2**969, 1), (1, 2**1074),
                  (1, 2**1075), (3, 2**1076), (2**54 + 1, 2), (2**54 + 3, 1), (2**54 + 2, 1)]
for _ in range(40):
    a = random.getrandbits(random.randint(1, 1200)) * random.choice([1, -1])
    b = random.getrandbits(random.randint(1, 1200)) + 1
    division_pairs.append((a, b))
for a, b in division_pairs:
    int_rows.append(row('truediv', a, b, outcome(lambda: a / b)))

pow_mod_rows = []
for a in [0, 1, 2, -2, 3, 7, 2**64 + 13, -(3**200)]:
    for b in [0, 1, 5, -1, -3, 2**70]:
        for m in [0, 1, -1, 7, -7, 10, 2**64, -(2**89 - 1)]:
            pow_mod_rows.append(row(a, b, m, outcome(lambda: pow(a, b, m))))

int_unary = {
    'bit_length': lambda a: a.bit_length(), 'bit_count': lambda a: a.bit_count(),
    'str': str, 'hex': hex, 'oct': oct, 'bin': bin, 'float': float, 'hash': hash,
    'round-1': lambda a: round(a, -1), 'round-2': lambda a: round(a, -2),
    'round-20': lambda a: round(a, -20), 'round-500': lambda a: round(a, -500),
    'round3': lambda a: round(a, 3),
}
int_unary_values = ints + [5, 15, -15, 150, -250, 10**4300 - 1, 10**4300, -(10**4300), 2**1024,
                           2**1024 - 2**970, 2**1024 - 2**971, 2**53 + 1, 2**54 + 2, 2**54 + 6,
                           2**61 - 1, 2**61, -(2**61 - 1), 2**61 - 2]
int_unary_rows = []
for a in int_unary_values:
    for name, op in int_unary.items():
        if name in ('str', 'hex', 'oct', 'bin') and len(str(a)) > 1000:
            continue
        result = outcome(lambda: op(a))
        if name == 'str' and len(result) > 200:
            continue  # the long ones are checked through the error cases below
        int_unary_rows.append(row(name, a, result))
for a in [10**4299, 10**4300, -(10**4299), -(10**4300)]:
    sys.set_int_max_str_digits(4300)
    length = outcome(lambda: len(str(a)))
    sys.set_int_max_str_digits(0)
    int_unary_rows.append(row('str_length', a, length))


def int_under_limit(text: str, base: int):
    sys.set_int_max_str_digits(4300)  # the default limit applies to the parse
    try:
        return int(text, base)
    finally:
        sys.set_int_max_str_digits(0)


int_string_rows = [row(text, base, outcome(lambda: int_under_limit(text, base)))
                   for text, base in int_strings]

to_bytes_rows = [row(v, n, order, int(signed), outcome(lambda: v.to_bytes(n, order, signed=signed)))
                 for v, n, order, signed in bytes_cases]
from_bytes_rows = []
for data in from_bytes_cases:
    for order in ('big', 'little'):
        for signed in (False, True):
            from_bytes_rows.append(row(data.hex(), order, int(signed),
                                       int.from_bytes(data, order, signed=signed)))

float_binary = {
    'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
    'truediv': lambda a, b: a / b, 'pow': lambda a, b: a ** b,
}
float_rows = []


def float_outcome(name: str, a: float, b: float) -> str:
    result = outcome(lambda: float_binary[name](a, b))
    # float_power only flags a complex result; computing it (and its
    # "complex exponentiation" overflow) is the complex type's job.
    if result == 'OverflowError: complex exponentiation':
        return 'complex'
    return result


for a in floats:
    for b in floats:
        for name, op in float_binary.items():
            float_rows.append(row(name, float_text(a), float_text(b), float_outcome(name, a, b)))
for a, b in [(2.0, -1074.0), (10.0, 400.0), (-10.0, 401.0), (0.5, -2000.0), (-8.0, 1 / 3),
             (-0.0, -3.0), (-0.0, 3.0), (-2.0, 0.5), (1.5, 1e300)]:
    float_rows.append(row('pow', float_text(a), float_text(b), float_outcome('pow', a, b)))

float_unary = {
    'round': round, 'int': int, 'is_integer': float.is_integer,
    'as_integer_ratio': float.as_integer_ratio, 'hex': float.hex,
}
float_unary_values = floats + [0.5, 1.5, -0.5, -1.5, 4.5, 2.0**52 + 0.5, 2.0**53, 1e300, 0.3,
                               1.005, 2.5e-323, 2.2250738585072014e-308, 1.7976931348623157e308,
                               -123456.5, 0.05, 5e-5]
float_unary_rows = []
for x in float_unary_values:
    for name, op in float_unary.items():
        float_unary_rows.append(row(name, float_text(x), outcome(lambda: op(x))))
    if not math.isnan(x):
        float_unary_rows.append(row('hash', float_text(x), hash(x)))
    for n in round_digits:
        float_unary_rows.append(row(f'round{n}', float_text(x), outcome(lambda: round(x, n))))

float_string_rows = [row(text, outcome(lambda: float(text))) for text in float_strings]
float_string_rows += [row(text, outcome(lambda: float(text))) for text in
                      ["1e-400", "-0", "-0.0", "4.9406564584124654e-324", "2.4703282292062328e-324"]]
hex_rows = [row(text, outcome(lambda: float.fromhex(text))) for text in hex_strings]


def ordering(a: int, b: float) -> str:
    if a < b:
        return '<'
    if a > b:
        return '>'
    if a == b:
        return '=='
    return 'unordered'


compare_rows = []
for a in ints + [2**53 + 1, 2**53, 2**1024, -(2**1024)]:
    for b in floats + [float(2**53), float(2**63), -float(2**63), 1.7976931348623157e308]:
        compare_rows.append(row(a, float_text(b), ordering(a, b)))

print(r"""// Python number semantics against what CPython 3.11 computes.
// Generated by tests/unit/gen/numeric_test_gen.py from python3's own results.
// Every result is compared as text: ints in decimal, floats as repr(),
// tuples as "(a, b)", bytes as hex, errors as "TypeName: message".
#include <gtest/gtest.h>
#include <gmp.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/numeric.h"
#include "runtime/repr.h"

namespace {

using namespace coil;

struct Int {
  mpz_t value;
  Int() { mpz_init(value); }
  explicit Int(const char* decimal) { mpz_init_set_str(value, decimal, 10); }
  ~Int() { mpz_clear(value); }
  Int(const Int&) = delete;
  Int& operator=(const Int&) = delete;
};

double parse_double(const char* text) { return std::strtod(text, nullptr); }

std::string show(const mpz_t value) {
  char* text = mpz_get_str(nullptr, 10, value);
  std::string out = text;
  void (*free_function)(void*, size_t);
  mp_get_memory_functions(nullptr, nullptr, &free_function);
  free_function(text, std::strlen(text) + 1);
  return out;
}

std::string show(double value) { return float_repr(value); }
std::string show(bool value) { return value ? "True" : "False"; }

std::string show(const NumericError& error) {
  static const char* const kNames[] = {"ValueError", "ZeroDivisionError", "OverflowError",
                                       "TypeError", "MemoryError"};
  return std::string(kNames[error.type]) + ": " + error.message;
}

std::string show_hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 15];
  }
  return out;
}

std::string run_int_binary(std::string_view op, const char* a_text, const char* b_text) {
  Int a(a_text), b(b_text), out, second;
  NumericError error;
  bool ok = true;
  if (op == "floordiv") {
    ok = int_floor_divide(out.value, a.value, b.value, error);
  } else if (op == "mod") {
    ok = int_modulo(out.value, a.value, b.value, error);
  } else if (op == "divmod") {
    ok = int_divmod(out.value, second.value, a.value, b.value, error);
    if (ok) return "(" + show(out.value) + ", " + show(second.value) + ")";
  } else if (op == "truediv") {
    double result = 0;
    ok = int_true_divide(result, a.value, b.value, error);
    if (ok) return show(result);
  } else if (op == "pow") {
    double float_result = 0;
    bool is_float = false;
    ok = int_power(out.value, float_result, is_float, a.value, b.value, error);
    if (ok && is_float) return show(float_result);
  } else if (op == "lshift") {
    ok = int_left_shift(out.value, a.value, b.value, error);
  } else if (op == "rshift") {
    ok = int_right_shift(out.value, a.value, b.value, error);
  } else if (op == "and") {
    mpz_and(out.value, a.value, b.value);
  } else if (op == "or") {
    mpz_ior(out.value, a.value, b.value);
  } else if (op == "xor") {
    mpz_xor(out.value, a.value, b.value);
  } else {
    return "unknown op";
  }
  return ok ? show(out.value) : show(error);
}

std::string run_int_power_modulo(const char* a_text, const char* b_text, const char* m_text) {
  Int a(a_text), b(b_text), m(m_text), out;
  NumericError error;
  if (!int_power_modulo(out.value, a.value, b.value, m.value, error)) return show(error);
  return show(out.value);
}

std::string run_int_unary(std::string_view op, const char* a_text) {
  Int a(a_text), out;
  NumericError error;
  if (op == "bit_length") return std::to_string(int_bit_length(a.value));
  if (op == "bit_count") return std::to_string(int_bit_count(a.value));
  if (op == "hex") return int_to_hex(a.value);
  if (op == "oct") return int_to_octal(a.value);
  if (op == "bin") return int_to_binary(a.value);
  if (op == "hash") return std::to_string(int_hash(a.value));
  if (op == "str" || op == "str_length") {
    std::string text;
    if (!int_to_decimal(text, a.value, error)) return show(error);
    return op == "str" ? text : std::to_string(text.size());
  }
  if (op == "float") {
    double result;
    if (!int_to_float(result, a.value, error)) return show(error);
    return show(result);
  }
  if (op.starts_with("round")) {
    int_round(out.value, a.value, std::stoll(std::string(op.substr(5))));
    return show(out.value);
  }
  return "unknown op";
}

std::string run_int_from_string(const char* text, const char* base) {
  Int out;
  NumericError error;
  if (!int_from_string(out.value, text, std::atoi(base), error)) return show(error);
  return show(out.value);
}

std::string run_int_to_bytes(const char* value, const char* length, const char* order,
                             const char* is_signed) {
  Int a(value);
  NumericError error;
  std::string bytes;
  if (!int_to_bytes(bytes, a.value, std::atoll(length), std::string_view(order) == "little",
                    std::string_view(is_signed) == "1", error))
    return show(error);
  return show_hex(bytes);
}

std::string run_int_from_bytes(std::string_view hex, const char* order, const char* is_signed) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  Int out;
  int_from_bytes(out.value, bytes, std::string_view(order) == "little",
                 std::string_view(is_signed) == "1");
  return show(out.value);
}

std::string run_float_binary(std::string_view op, const char* a_text, const char* b_text) {
  double a = parse_double(a_text), b = parse_double(b_text), out = 0, second = 0;
  NumericError error;
  bool ok = true;
  if (op == "floordiv") {
    ok = float_floor_divide(out, a, b, error);
  } else if (op == "mod") {
    ok = float_modulo(out, a, b, error);
  } else if (op == "divmod") {
    ok = float_divmod(out, second, a, b, error);
    if (ok) return "(" + show(out) + ", " + show(second) + ")";
  } else if (op == "truediv") {
    ok = float_true_divide(out, a, b, error);
  } else if (op == "pow") {
    bool is_complex = false;
    ok = float_power(out, is_complex, a, b, error);
    if (ok && is_complex) return "complex";
  } else {
    return "unknown op";
  }
  return ok ? show(out) : show(error);
}

std::string run_float_unary(std::string_view op, const char* x_text) {
  double x = parse_double(x_text);
  NumericError error;
  Int out, second;
  if (op == "round") {
    if (!float_round_to_int(out.value, x, error)) return show(error);
    return show(out.value);
  }
  if (op == "int") {
    if (!float_to_int(out.value, x, error)) return show(error);
    return show(out.value);
  }
  if (op == "is_integer") return show(float_is_integer(x));
  if (op == "as_integer_ratio") {
    if (!float_as_integer_ratio(out.value, second.value, x, error)) return show(error);
    return "(" + show(out.value) + ", " + show(second.value) + ")";
  }
  if (op == "hex") return float_hex(x);
  if (op == "hash") return std::to_string(float_hash(x));
  if (op.starts_with("round")) {
    double result;
    if (!float_round(result, x, std::stoll(std::string(op.substr(5))), error)) return show(error);
    return show(result);
  }
  return "unknown op";
}

std::string run_float_from_string(const char* text) {
  double out;
  NumericError error;
  if (!float_from_string(out, text, error)) return show(error);
  return show(out);
}

std::string run_float_from_hex(const char* text) {
  double out;
  NumericError error;
  if (!float_from_hex(out, text, error)) return show(error);
  return show(out);
}

std::string run_compare_int_float(const char* a_text, const char* b_text) {
  Int a(a_text);
  std::partial_ordering order = compare_int_float(a.value, parse_double(b_text));
  if (order == std::partial_ordering::less) return "<";
  if (order == std::partial_ordering::greater) return ">";
  if (order == std::partial_ordering::equivalent) return "==";
  return "unordered";
}

}  // namespace
""")


def table(name: str, fields: str, rows: list[str], runner: str) -> None:
    print(f'TEST(Numeric, {name}) {{')
    print(f'  struct Case {{ {fields} }};')
    print('  static const Case cases[] = {')
    print('\n'.join(rows))
    print('  };')
    print(f'  for (const Case& c : cases) {{')
    print(f'    {runner}')
    print('  }')
    print('}\n')


table('IntBinary', 'const char* op; const char* a; const char* b; const char* expected;', int_rows,
      'EXPECT_EQ(run_int_binary(c.op, c.a, c.b), c.expected) << c.op << " " << c.a << " " << c.b;')
table('IntPowerModulo', 'const char* a; const char* b; const char* m; const char* expected;',
      pow_mod_rows,
      'EXPECT_EQ(run_int_power_modulo(c.a, c.b, c.m), c.expected) << c.a << " " << c.b << " " << c.m;')
table('IntUnary', 'const char* op; const char* a; const char* expected;', int_unary_rows,
      'EXPECT_EQ(run_int_unary(c.op, c.a), c.expected) << c.op << " " << c.a;')
table('IntFromString', 'const char* text; const char* base; const char* expected;', int_string_rows,
      'EXPECT_EQ(run_int_from_string(c.text, c.base), c.expected) << c.text;')
table('IntToBytes', 'const char* value; const char* length; const char* order; const char* is_signed; '
      'const char* expected;', to_bytes_rows,
      'EXPECT_EQ(run_int_to_bytes(c.value, c.length, c.order, c.is_signed), c.expected) << c.value;')
table('IntFromBytes', 'const char* hex; const char* order; const char* is_signed; const char* expected;',
      from_bytes_rows,
      'EXPECT_EQ(run_int_from_bytes(c.hex, c.order, c.is_signed), c.expected) << c.hex;')
table('FloatBinary', 'const char* op; const char* a; const char* b; const char* expected;', float_rows,
      'EXPECT_EQ(run_float_binary(c.op, c.a, c.b), c.expected) << c.op << " " << c.a << " " << c.b;')
table('FloatUnary', 'const char* op; const char* x; const char* expected;', float_unary_rows,
      'EXPECT_EQ(run_float_unary(c.op, c.x), c.expected) << c.op << " " << c.x;')
table('FloatFromString', 'const char* text; const char* expected;', float_string_rows,
      'EXPECT_EQ(run_float_from_string(c.text), c.expected) << c.text;')
table('FloatFromHex', 'const char* text; const char* expected;', hex_rows,
      'EXPECT_EQ(run_float_from_hex(c.text), c.expected) << c.text;')
table('CompareIntFloat', 'const char* a; const char* b; const char* expected;', compare_rows,
      'EXPECT_EQ(run_compare_int_float(c.a, c.b), c.expected) << c.a << " " << c.b;')
