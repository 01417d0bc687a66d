// The format-spec mini-language of CPython 3.11 (format(), str.format,
// f-strings) and the numeric conversions of printf-style `%` formatting.
//
// This is a pure C++ layer below the object model: values come in as double,
// GMP integers and UTF-8 strings, text comes out as UTF-8. It ports
// Python/formatter_unicode.c (parse, widths, grouping, padding),
// Python/pystrtod.c's format_float_short (digits to text) and the numeric
// part of Objects/unicodeobject.c's PyUnicode_Format. Digits themselves come
// from std::to_chars (shortest) and glibc's correctly rounded printf, which
// round exact binary values half-to-even as David Gay's dtoa does.
//
// A failure returns false and fills a FormatError with CPython's exact
// message and the exception type CPython raises; the caller raises it.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace coil {

enum class FormatErrorType { ValueError, TypeError, OverflowError };

struct FormatError {
  FormatErrorType type = FormatErrorType::ValueError;
  std::string message;
};

// The parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
struct FormatSpec {
  char32_t fill = ' ';
  char align = '>';         // one of < > = ^
  char sign = '\0';         // '\0' (not given), '+', '-' or ' '
  bool no_negative_zero = false;  // 'z'
  bool alternate = false;         // '#'
  int64_t width = -1;       // -1: not given
  char grouping = '\0';     // '\0', ',' or '_'
  int group_size = 3;       // '_' groups bin/oct/hex digits by 4 (PEP 515)
  int64_t precision = -1;   // -1: not given
  char32_t type = '\0';     // the presentation type, or the default
};

// Parses a non-empty spec as CPython's parse_internal_render_format_spec.
// `default_type` is 's' for str, 'd' for int, '\0' for float;
// `default_align` is '<' for str and '>' for numbers; `type_name` goes into
// the "Invalid format specifier" message.
bool parse_format_spec(std::string_view spec, char default_type, char default_align,
                       std::string_view type_name, FormatSpec& out, FormatError& error);

// format(float, spec).
bool format_float(double value, std::string_view spec, std::string& out, FormatError& error);

// format(int, spec); the float presentation types convert as float(int) does.
bool format_int(const mpz_t value, std::string_view spec, std::string& out, FormatError& error);
bool format_int(int64_t value, std::string_view spec, std::string& out, FormatError& error);

// format(str, spec): `utf8` and the fill are code points; width and
// precision count code points, not bytes.
bool format_str(std::string_view utf8, std::string_view spec, std::string& out, FormatError& error);

// float(int) as CPython's PyLong_AsDouble: correctly rounded, half to even;
// OverflowError "int too large to convert to float" beyond the double range.
bool int_to_double(const mpz_t value, double& out, FormatError& error);

// The flags of a `%` conversion, as CPython's F_LJUST … F_ZERO.
enum PercentFlag : int {
  kPercentLeftAdjust = 1 << 0,  // '-'
  kPercentSign = 1 << 1,        // '+'
  kPercentBlank = 1 << 2,       // ' '
  kPercentAlternate = 1 << 3,   // '#'
  kPercentZero = 1 << 4,        // '0'
};

// One `%e %E %f %F %g %G` conversion of `str % args`. width and precision
// are -1 when not given.
bool percent_format_float(double value, char conversion, int flags, int width, int precision,
                          std::string& out);

// One `%d %i %u %o %x %X` conversion. `%#o` gives 0o17 as CPython 3 does.
bool percent_format_int(const mpz_t value, char conversion, int flags, int width, int precision,
                        std::string& out);
bool percent_format_int(int64_t value, char conversion, int flags, int width, int precision,
                        std::string& out);

}  // namespace coil
