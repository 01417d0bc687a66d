# Writes tests/unit/format_test.cpp: every expectation is what python3 itself
# returns (or raises) for format(value, spec) and for `%` conversions.
# Run: python3 tests/unit/gen/format_test_gen.py > tests/unit/format_test.cpp
import math
import random
import struct

ints = [0, 1, -1, 7, -42, 255, 1234, -98765, 1234567, 10**9, -(2**31), 2**63 - 1, -(2**63),
        2**64, -(2**70) - 12345, 10**30 + 7, 65, 0x10ffff, 0x110000, 2**1023 * 3 // 2, 2**1024,
        2**53 + 1, 2**54 + 2, 2**54 + 6, 2**55 + 12]
int_specs = ['', 'd', '5', '-5', '+', ' ', '+d', ' d', '05', '+05', '010,', '012_', ',', '_',
             '_b', '_x', '_o', '#b', '#o', '#x', '#X', 'X', '#010x', '#_x', '#012_b', '*^11',
             '<8', '>8', '^8', '=8', '0=8', 'x<+10', '\u00e9^7', 'n', 'c', '^5c', '+c', '#c',
             'e', '.2e', 'E', 'f', '.3f', 'g', 'G', '%', '.1%', ',f', '.2', 'z', 's', 'q',
             ',b', ',_', '_,', ',x', '.', '\u00e9\u00e9', '99999999999999999999', '10.3f',
             '=+#10_x', '0<5', '_d', ',d', '\x01', '+,']

floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1234.5678,
          -1234.5678, 1e22, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1e-7, 5e-324, 1.7976931348623157e308,
          3.141592653589793, 1 / 3, 9.5, 99.95, 0.05, 1e100, float('inf'), float('-inf'),
          float('nan'), -0.0001, 12345678901234567890.0]
float_specs = ['', '.0', '.1', '.3', '.17', '5', '-10', '+', ' ', '010', '+010', '010,',
               '012_', ',', '_', '#', '#.0', '#.3', 'z', 'z.1f', 'z.0f', 'z.2e', 'z', '*^13',
               '<12', '>12', '=12', '0=12', '\u00e9^12', 'e', '.0e', '#.0e', '.3e', '.20e', 'E',
               'f', '.0f', '#.0f', '.2f', '.10f', '.400f', 'F', ',.2f', '_.3f', 'g', '.0g', '.1g',
               '.2g', '.10g', '#g', '#.3g', 'G', '.20G', 'n', '.3n', '%', '.1%', ',%', 'd', 'x',
               's', 'c', '#x', '.', ',n', '.2147483648', '020,.2f', '+12.3e', ' ^15.4g',
               '016_.2e', '_g']

# Random doubles of every magnitude stress the digit generation and rounding.
random_source = random.Random(3_11)
random_floats = [struct.unpack('<d', struct.pack('<Q', random_source.getrandbits(63)))[0] for _ in range(60)]
random_floats += [random_source.uniform(-1000, 1000) for _ in range(40)]
random_floats += [round(random_source.uniform(0, 100), 3) + 0.0005 for _ in range(20)]
random_float_specs = ['', '.3g', '.12e', '.5f', '.17g', '.0f', '.1f', '.2%', ',.2f']

strs = ['', 'a', 'abc', 'hello world', 'caf\u00e9', '\u65e5\u672c\u8a9e', '\U0001f600x']
str_specs = ['', 's', '5', '<5', '>5', '^6', '*^7', '\u00e9>6', '\U0001f600^5', '.2', '.0',
             '10.2', '05', '=5', '+', ' ', '-', 'z', '#', ',', '_', 'd', 'x', '.', '\u00e9\u00e9s',
             '>10.1s']

percent_float_values = [0.0, -0.0, 1.0, -1.5, 2.5, 0.125, 2.675, 1e22, 1e-7, 123456.789,
                        float('inf'), float('-inf'), float('nan'), 5e-324]
percent_float_formats = ['%e', '%E', '%f', '%F', '%g', '%G', '%.0e', '%.3f', '%.0f', '%#.0f',
                         '%#g', '%.10g', '%10.2f', '%-10.2f', '%010.2f', '%+f', '% f', '%+010.1e',
                         '%-+12.3g', '%#.3G', '%- 8.1f', '%-010.2f', '%.20f']
percent_ints = [0, 1, -1, 15, -31, 255, 123456, -(2**65), 2**80]
percent_int_formats = ['%d', '%i', '%u', '%o', '%x', '%X', '%#o', '%#x', '%#X', '%5d', '%-5d',
                       '%05d', '%-05d', '%+d', '% d', '%.3d', '%8.3d', '%#10x', '%#010x',
                       '%-#10o', '%+#.4X', '%0+8d', '% 08o', '%.0d', '%#.5o']

ERRORS = {'ValueError': 'kValue', 'OverflowError': 'kOverflow', 'TypeError': 'kType'}


def cxx(text: str) -> str:
    """A C++ string literal holding the UTF-8 of `text`."""
    out, pending_hex = '"', False
    for b in text.encode('utf-8'):
        ch = chr(b)
        if 0x20 <= b < 0x7f and ch not in '"\\?':
            if pending_hex and ch in '0123456789abcdefABCDEF':
                out += '" "'
            out += ch
            pending_hex = False
        else:
            out += '\\x%02x' % b
            pending_hex = True
    return out + '"'


def double(f: float) -> str:
    if math.isnan(f):
        return 'NAN'
    if math.isinf(f):
        return 'INFINITY' if f > 0 else '-INFINITY'
    return float.hex(f)


def outcome(thunk) -> str:
    """`{kOk, "text"sv}` or `{kValue, "message"sv}` for what python3 does."""
    try:
        return f'Outcome::kOk, {cxx(thunk())}sv'
    except Exception as error:  # noqa: BLE001 — every exception is an expectation
        return f'Outcome::{ERRORS[type(error).__name__]}, {cxx(str(error))}sv'


def parse_percent(fmt: str):
    """Splits '%-#010.3x' into (flags, width, precision, conversion) for the C++ call."""
    body = fmt[1:]
    flags = []
    while body[0] in '-+ #0':
        flags.append({'-': 'kPercentLeftAdjust', '+': 'kPercentSign', ' ': 'kPercentBlank',
                      '#': 'kPercentAlternate', '0': 'kPercentZero'}[body[0]])
        body = body[1:]
    width = ''
    while body[0].isdigit():
        width, body = width + body[0], body[1:]
    precision = None
    if body[0] == '.':
        body = body[1:]
        precision = ''
        while body[0].isdigit():
            precision, body = precision + body[0], body[1:]
    flag_expr = ' | '.join(flags) if flags else '0'
    return flag_expr, int(width) if width else -1, int(precision or 0) if precision is not None else -1, body


print('''// format() and `%` conversions against what CPython 3.11 returns or raises.
// Generated by tests/unit/gen/format_test_gen.py from python3's own results.
#include <gmp.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>

#include "runtime/format.h"

using namespace coil;
using namespace std::literals;

namespace {

enum class Outcome { kOk, kValue, kOverflow, kType };

struct IntCase {
  const char* value;  // decimal, for mpz_set_str
  const char* spec;
  Outcome outcome;
  std::string_view expected;  // the result, or the exception's message (may hold NUL)
};

struct FloatCase {
  double value;
  const char* spec;
  Outcome outcome;
  std::string_view expected;
};

struct StrCase {
  const char* value;
  const char* spec;
  Outcome outcome;
  std::string_view expected;
};

struct PercentFloatCase {
  double value;
  char conversion;
  int flags, width, precision;
  const char* expected;
};

struct PercentIntCase {
  const char* value;
  char conversion;
  int flags, width, precision;
  const char* expected;
};

Outcome outcome_of(const FormatError& error) {
  switch (error.type) {
    case FormatErrorType::ValueError: return Outcome::kValue;
    case FormatErrorType::OverflowError: return Outcome::kOverflow;
    case FormatErrorType::TypeError: return Outcome::kType;
  }
  return Outcome::kOk;
}

// Checks a formatting call against a case: the text, or the exception.
void check(bool ok, const std::string& out, const FormatError& error, Outcome outcome, std::string_view expected,
           const std::string& where) {
  if (outcome == Outcome::kOk) {
    ASSERT_TRUE(ok) << where << ": " << error.message;
    EXPECT_EQ(out, expected) << where;
  } else {
    ASSERT_FALSE(ok) << where << " gave " << out;
    EXPECT_EQ(outcome_of(error), outcome) << where;
    EXPECT_EQ(error.message, expected) << where;
  }
}
''')

print('const IntCase kIntCases[] = {')
for value in ints:
    for spec in int_specs:
        print(f'    {{"{value}", {cxx(spec)}, {outcome(lambda: format(value, spec))}}},')
print('};\n')

print('const FloatCase kFloatCases[] = {')
for value in floats:
    for spec in float_specs:
        print(f'    {{{double(value)}, {cxx(spec)}, {outcome(lambda: format(value, spec))}}},')
for value in random_floats:
    for spec in random_float_specs:
        print(f'    {{{double(value)}, {cxx(spec)}, {outcome(lambda: format(value, spec))}}},')
print('};\n')

print('const StrCase kStrCases[] = {')
for value in strs:
    for spec in str_specs:
        print(f'    {{{cxx(value)}, {cxx(spec)}, {outcome(lambda: format(value, spec))}}},')
print('};\n')

print('const PercentFloatCase kPercentFloatCases[] = {')
for value in percent_float_values:
    for fmt in percent_float_formats:
        flags, width, precision, conversion = parse_percent(fmt)
        print(f"    {{{double(value)}, '{conversion}', {flags}, {width}, {precision}, {cxx(fmt % value)}}},")
print('};\n')

print('const PercentIntCase kPercentIntCases[] = {')
for value in percent_ints:
    for fmt in percent_int_formats:
        flags, width, precision, conversion = parse_percent(fmt)
        print(f"    {{\"{value}\", '{conversion}', {flags}, {width}, {precision}, {cxx(fmt % value)}}},")
print('};\n')

print('''}  // namespace

TEST(Format, Ints) {
  mpz_t value;
  mpz_init(value);
  for (const IntCase& c : kIntCases) {
    ASSERT_EQ(mpz_set_str(value, c.value, 10), 0);
    std::string out;
    FormatError error;
    bool ok = format_int(value, c.spec, out, error);
    check(ok, out, error, c.outcome, c.expected, std::string("format(") + c.value + ", '" + c.spec + "')");
  }
  mpz_clear(value);
}

TEST(Format, SmallIntOverload) {
  // The int64_t overload agrees with the GMP one wherever the value fits.
  mpz_t value;
  mpz_init(value);
  for (const IntCase& c : kIntCases) {
    ASSERT_EQ(mpz_set_str(value, c.value, 10), 0);
    if (!mpz_fits_slong_p(value)) continue;
    std::string out;
    FormatError error;
    bool ok = format_int(static_cast<int64_t>(mpz_get_si(value)), c.spec, out, error);
    check(ok, out, error, c.outcome, c.expected, std::string("format(") + c.value + ", '" + c.spec + "')");
  }
  mpz_clear(value);
}

TEST(Format, Floats) {
  for (const FloatCase& c : kFloatCases) {
    std::string out;
    FormatError error;
    bool ok = format_float(c.value, c.spec, out, error);
    check(ok, out, error, c.outcome, c.expected, "format(" + std::to_string(c.value) + ", '" + c.spec + "')");
  }
}

TEST(Format, Strings) {
  for (const StrCase& c : kStrCases) {
    std::string out;
    FormatError error;
    bool ok = format_str(c.value, c.spec, out, error);
    check(ok, out, error, c.outcome, c.expected, std::string("format('") + c.value + "', '" + c.spec + "')");
  }
}

TEST(Format, PercentFloats) {
  for (const PercentFloatCase& c : kPercentFloatCases) {
    std::string out;
    ASSERT_TRUE(percent_format_float(c.value, c.conversion, c.flags, c.width, c.precision, out));
    EXPECT_EQ(out, c.expected) << std::to_string(c.value) << " %" << c.conversion << " flags " << c.flags
                               << " width " << c.width << " precision " << c.precision;
  }
}

TEST(Format, PercentInts) {
  mpz_t value;
  mpz_init(value);
  for (const PercentIntCase& c : kPercentIntCases) {
    ASSERT_EQ(mpz_set_str(value, c.value, 10), 0);
    std::string out;
    ASSERT_TRUE(percent_format_int(value, c.conversion, c.flags, c.width, c.precision, out));
    EXPECT_EQ(out, c.expected) << c.value << " %" << c.conversion << " flags " << c.flags << " width " << c.width
                               << " precision " << c.precision;
  }
  mpz_clear(value);
}''')
