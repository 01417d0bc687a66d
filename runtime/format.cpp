// format() and `%` for numbers and strings, ported from CPython 3.11's
// Python/formatter_unicode.c, Python/pystrtod.c and Objects/unicodeobject.c.
// The function names below follow CPython's so the two can be read side by
// side.
#include "runtime/format.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <vector>

#include "runtime/repr.h"

namespace coil {

namespace {

bool fail(FormatError& error, FormatErrorType type, std::string message) {
  error.type = type;
  error.message = std::move(message);
  return false;
}

bool is_alignment_token(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign_element(char32_t c) { return c == ' ' || c == '+' || c == '-'; }

// How CPython quotes a presentation type in its messages: the character
// itself when printable ASCII, else \x and its hex code.
std::string quote_type(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x%x", static_cast<unsigned>(type));
  return buffer;
}

bool unknown_presentation_type(char32_t type, std::string_view type_name, FormatError& error) {
  return fail(error, FormatErrorType::ValueError,
              "Unknown format code '" + quote_type(type) + "' for object of type '" +
                  std::string(type_name) + "'");
}

size_t count_code_points(std::string_view utf8) {
  size_t count = 0;
  for (size_t pos = 0; pos < utf8.size();) {
    decode_utf8(utf8, pos);
    ++count;
  }
  return count;
}

// CPython's get_integer: a run of decimal digits; the width and precision
// are Py_ssize_t there, hence the limit. Returns the digits consumed, or -1.
int get_integer(std::u32string_view spec, size_t& pos, int64_t& result, FormatError& error) {
  int64_t accumulator = 0;
  int consumed = 0;
  for (; pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9'; ++pos, ++consumed) {
    int digit = static_cast<int>(spec[pos] - '0');
    if (accumulator > (INT64_MAX - digit) / 10) {
      fail(error, FormatErrorType::ValueError, "Too many decimal digits in format string");
      return -1;
    }
    accumulator = accumulator * 10 + digit;
  }
  result = accumulator;
  return consumed;
}

// ---------------------------------------------------------------------------
// Floats to text: PyOS_double_to_string and format_float_short.

// Decimal digits of a finite |value| as David Gay's _Py_dg_dtoa returns
// them: no trailing zeros, value ≈ 0.DIGITS × 10^point. mode 0 is the
// shortest round-trip string, mode 2 `ndigits` significant digits, mode 3
// `ndigits` digits after the point. Zero (or a value rounding to zero) is
// "0" with point 1, which format_float_short lays out as dtoa's output.
void float_digits(double value, int mode, int ndigits, std::string& digits, int& point) {
  value = std::fabs(value);
  digits.clear();
  point = 1;
  if (value == 0) {
    digits = "0";
    return;
  }
  std::vector<char> buffer;
  std::string_view text;
  char shortest[64];
  if (mode == 0) {
    auto result = std::to_chars(shortest, shortest + sizeof shortest, value, std::chars_format::scientific);
    text = std::string_view(shortest, result.ptr - shortest);
  } else {
    // glibc's printf is correctly rounded (half to even on the exact binary
    // value), as dtoa's modes 2 and 3 are.
    const char* format = mode == 2 ? "%.*e" : "%.*f";
    int precision = mode == 2 ? ndigits - 1 : ndigits;
    int size = std::snprintf(nullptr, 0, format, precision, value);
    buffer.resize(size + 1);
    std::snprintf(buffer.data(), buffer.size(), format, precision, value);
    text = std::string_view(buffer.data(), size);
  }
  size_t e = text.find('e');
  if (e != std::string_view::npos) {
    for (size_t i = 0; i < e; ++i)
      if (text[i] != '.') digits += text[i];
    int exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    point = exponent + 1;
  } else {
    size_t dot = text.find('.');
    point = static_cast<int>(dot == std::string_view::npos ? text.size() : dot);
    for (char c : text)
      if (c != '.') digits += c;
    size_t leading = 0;
    while (leading < digits.size() && digits[leading] == '0') ++leading;
    digits.erase(0, leading);
    point -= static_cast<int>(leading);
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty()) {
    digits = "0";
    point = 1;
  }
}

struct FloatFlags {
  bool add_dot_0 = false;         // Py_DTSF_ADD_DOT_0
  bool alternate = false;         // Py_DTSF_ALT
  bool no_negative_zero = false;  // Py_DTSF_NO_NEG_0
};

// PyOS_double_to_string for the codes e E f F g G and 'r' (repr).
std::string double_to_string(double value, char code, int precision, FloatFlags flags) {
  bool upper = code >= 'A' && code <= 'Z';
  if (upper) code = static_cast<char>(code - 'A' + 'a');
  int mode = 0;
  switch (code) {
    case 'e':
      mode = 2;
      ++precision;
      break;
    case 'f':
      mode = 3;
      break;
    case 'g':
      mode = 2;
      // precision 0 makes no sense for 'g' format; interpret as 1
      if (precision == 0) precision = 1;
      break;
    default:  // 'r'
      break;
  }
  std::string out;
  if (std::isnan(value)) return upper ? "NAN" : "nan";  // the sign of a nan is ignored
  if (std::isinf(value)) {
    if (value < 0) out += '-';
    out += upper ? "INF" : "inf";
    return out;
  }
  std::string digits;
  int decimal_point = 0;
  float_digits(value, mode, precision, digits, decimal_point);
  bool negative = std::signbit(value);
  // 'z': a result that reads as zero loses its minus sign.
  if (flags.no_negative_zero && negative && digits == "0") negative = false;

  // Following format_float_short: the output is a slice
  // [vdigits_start, vdigits_end) of `digits` padded with zeros on both sides
  // infinitely, with the decimal point at decimal_point.
  int digits_length = static_cast<int>(digits.size());
  int vdigits_end = digits_length;
  bool use_exponent = false;
  switch (code) {
    case 'e':
      use_exponent = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decimal_point + precision;
      break;
    case 'g':
      if (decimal_point <= -4 || decimal_point > (flags.add_dot_0 ? precision - 1 : precision))
        use_exponent = true;
      if (flags.alternate) vdigits_end = precision;
      break;
    default:  // 'r' switches to exponent notation at 1e16
      if (decimal_point <= -4 || decimal_point > 16) use_exponent = true;
      break;
  }
  int exponent = 0;
  if (use_exponent) {
    exponent = decimal_point - 1;
    decimal_point = 1;
  }
  int vdigits_start = decimal_point <= 0 ? decimal_point - 1 : 0;
  if (!use_exponent && flags.add_dot_0)
    vdigits_end = std::max(vdigits_end, decimal_point + 1);
  else
    vdigits_end = std::max(vdigits_end, decimal_point);

  if (negative) out += '-';
  if (decimal_point <= 0) {
    out.append(decimal_point - vdigits_start, '0');
    out += '.';
    out.append(-decimal_point, '0');
  } else {
    out.append(-vdigits_start, '0');
  }
  if (0 < decimal_point && decimal_point <= digits_length) {
    out.append(digits, 0, decimal_point);
    out += '.';
    out.append(digits, decimal_point);
  } else {
    out += digits;
  }
  if (digits_length < decimal_point) {
    out.append(decimal_point - digits_length, '0');
    out += '.';
    out.append(vdigits_end - decimal_point, '0');
  } else {
    out.append(vdigits_end - digits_length, '0');
  }
  if (out.back() == '.' && !flags.alternate) out.pop_back();
  if (use_exponent) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%c%+.02d", upper ? 'E' : 'e', exponent);
    out += buffer;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Numbers laid out in a field: calc_number_widths and fill_number.

// _PyUnicode_InsertThousandsGrouping: `digits` with a separator between
// groups; with min_width > 0 (the '0' fill with '=' alignment) it also
// zero-pads, placing separators among the zeros: format(1234, '010,') is
// '00,001,234'. separator '\0' means no grouping at all.
std::string group_digits(std::string_view digits, int64_t min_width, char separator, int group_size) {
  std::string reversed;  // built from the right, as CPython writes it
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t read = digits.size();
  min_width = std::max<int64_t>(0, min_width);
  bool use_separator = false;
  auto emit = [&](int64_t length) {
    int64_t zeros = std::max<int64_t>(0, length - remaining);
    int64_t chars = std::max<int64_t>(0, std::min(remaining, length));
    if (use_separator) reversed += separator;
    for (int64_t i = 0; i < chars; ++i) reversed += digits[--read];
    reversed.append(zeros, '0');
    remaining -= chars;
  };
  bool loop_broken = false;
  if (separator != '\0') {
    for (;;) {
      int64_t length = std::min<int64_t>(group_size, std::max({remaining, min_width, int64_t{1}}));
      emit(length);
      use_separator = true;
      min_width -= length;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!loop_broken) emit(std::max({remaining, min_width, int64_t{1}}));
  return std::string(reversed.rbegin(), reversed.rend());
}

void append_fill(std::string& out, char32_t fill, int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out.append(count, static_cast<char>(fill));
    return;
  }
  for (int64_t i = 0; i < count; ++i) append_utf8(out, fill);
}

void to_upper_ascii(std::string& text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
}

// A number in its field:
//   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
// sign_char is '-' for a negative number, else '\0'. `remainder` (after the
// decimal point: fraction, exponent, '%', or the character of 'c') is
// UTF-8 of remainder_length code points.
std::string layout_number(const FormatSpec& spec, char sign_char, std::string prefix, std::string_view digits,
                          bool has_decimal, std::string_view remainder, int64_t remainder_length, bool upper) {
  char sign = '\0';
  if (spec.sign == '+')
    sign = sign_char == '-' ? '-' : '+';
  else if (spec.sign == ' ')
    sign = sign_char == '-' ? '-' : ' ';
  else if (sign_char == '-')
    sign = '-';
  int64_t non_digit_non_padding = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size()) + (has_decimal ? 1 : 0) +
                                  remainder_length;
  int64_t min_width = spec.fill == '0' && spec.align == '=' ? spec.width - non_digit_non_padding : 0;
  // Only 'c' has no digits; grouping always produces at least one.
  std::string grouped = digits.empty() ? std::string() : group_digits(digits, min_width, spec.grouping, spec.group_size);
  if (upper) {
    to_upper_ascii(prefix);
    to_upper_ascii(grouped);
  }
  int64_t padding = spec.width - (non_digit_non_padding + static_cast<int64_t>(grouped.size()));
  int64_t left = 0, middle = 0, right = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<': right = padding; break;
      case '^':
        left = padding / 2;
        right = padding - left;
        break;
      case '=': middle = padding; break;
      default: left = padding; break;
    }
  }
  std::string out;
  append_fill(out, spec.fill, left);
  if (sign) out += sign;
  out += prefix;
  append_fill(out, spec.fill, middle);
  out += grouped;
  if (has_decimal) out += '.';
  out += remainder;
  append_fill(out, spec.fill, right);
  return out;
}

// format_float_internal.
bool format_float_internal(double value, const FormatSpec& spec, std::string& out, FormatError& error) {
  if (spec.precision > INT_MAX) return fail(error, FormatErrorType::ValueError, "precision too big");
  char type = static_cast<char>(spec.type);
  FloatFlags flags;
  flags.alternate = spec.alternate;
  flags.no_negative_zero = spec.no_negative_zero;
  int default_precision = 6;
  if (type == '\0') {
    // No type: repr() without a precision, else 'g' keeping a digit after the point.
    flags.add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';  // 'g' in the C locale, which coil always uses
  bool add_percent = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    add_percent = true;
  }
  int precision = static_cast<int>(spec.precision);
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  std::string text = double_to_string(value, type, precision, flags);
  if (add_percent) text += '%';

  char sign_char = '\0';
  size_t index = 0;
  if (text[0] == '-') {
    sign_char = '-';
    ++index;
  }
  // parse_number: leading digits, then maybe a '.', then the remainder.
  size_t digits_end = index;
  while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') ++digits_end;
  bool has_decimal = digits_end < text.size() && text[digits_end] == '.';
  std::string_view remainder = std::string_view(text).substr(digits_end + (has_decimal ? 1 : 0));
  out = layout_number(spec, sign_char, "", std::string_view(text).substr(index, digits_end - index), has_decimal,
                      remainder, static_cast<int64_t>(remainder.size()), false);
  return true;
}

// Holds an mpz_t for the length of a scope.
struct ScopedMpz {
  mpz_t value;
  ScopedMpz() { mpz_init(value); }
  explicit ScopedMpz(int64_t initial) { mpz_init_set_si(value, static_cast<long>(initial)); }
  ~ScopedMpz() { mpz_clear(value); }
  ScopedMpz(const ScopedMpz&) = delete;
  ScopedMpz& operator=(const ScopedMpz&) = delete;
};

std::string mpz_digits(const mpz_t absolute, int base) {
  std::string text(mpz_sizeinbase(absolute, base) + 2, '\0');
  mpz_get_str(text.data(), base, absolute);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

// format_long_internal: the types b c d o x X n.
bool format_long_internal(const mpz_t value, const FormatSpec& spec, std::string& out, FormatError& error) {
  if (spec.precision != -1)
    return fail(error, FormatErrorType::ValueError, "Precision not allowed in integer format specifier");
  if (spec.no_negative_zero)
    return fail(error, FormatErrorType::ValueError,
                "Negative zero coercion (z) not allowed in integer format specifier");
  if (spec.type == 'c') {
    if (spec.sign != '\0')
      return fail(error, FormatErrorType::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate)
      return fail(error, FormatErrorType::ValueError,
                  "Alternate form (#) not allowed with integer format specifier 'c'");
    if (!mpz_fits_slong_p(value))
      return fail(error, FormatErrorType::OverflowError, "Python int too large to convert to C long");
    long code_point = mpz_get_si(value);
    if (code_point < 0 || code_point > 0x10FFFF)
      return fail(error, FormatErrorType::OverflowError, "%c arg not in range(0x110000)");
    // As CPython, the character is a "remainder": copied, never grouped.
    std::string character;
    append_utf8(character, static_cast<char32_t>(code_point));
    out = layout_number(spec, '\0', "", "", false, character, 1, false);
    return true;
  }
  int base = 10;
  const char* prefix = "";
  switch (spec.type) {
    case 'b': base = 2, prefix = "0b"; break;
    case 'o': base = 8, prefix = "0o"; break;
    case 'x':
    case 'X': base = 16, prefix = "0x"; break;
    default: break;  // 'd' and 'n' ('d' in the C locale)
  }
  ScopedMpz absolute;
  mpz_abs(absolute.value, value);
  std::string digits = mpz_digits(absolute.value, base);
  out = layout_number(spec, mpz_sgn(value) < 0 ? '-' : '\0', spec.alternate ? prefix : "", digits, false, "", 0,
                      spec.type == 'X');
  return true;
}

}  // namespace

bool parse_format_spec(std::string_view text, char default_type, char default_align, std::string_view type_name,
                       FormatSpec& out, FormatError& error) {
  // The spec's code points; a spec is short, so they fit on the stack
  // (a spec has at most as many code points as bytes).
  char32_t inline_buffer[32];
  std::vector<char32_t> heap_buffer;
  char32_t* buffer = inline_buffer;
  if (text.size() > std::size(inline_buffer)) {
    heap_buffer.resize(text.size());
    buffer = heap_buffer.data();
  }
  size_t count = 0;
  for (size_t pos = 0; pos < text.size();) buffer[count++] = decode_utf8(text, pos);
  std::u32string_view spec(buffer, count);
  size_t end = spec.size();
  size_t pos = 0;
  out = FormatSpec{};
  out.align = default_align;
  out.type = static_cast<unsigned char>(default_type);
  bool fill_specified = false, align_specified = false;

  if (end - pos >= 2 && is_alignment_token(spec[pos + 1])) {
    out.align = static_cast<char>(spec[pos + 1]);
    out.fill = spec[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(spec[pos])) {
    out.align = static_cast<char>(spec[pos]);
    align_specified = true;
    ++pos;
  }
  if (pos < end && is_sign_element(spec[pos])) out.sign = static_cast<char>(spec[pos++]);
  if (pos < end && spec[pos] == 'z') {
    out.no_negative_zero = true;
    ++pos;
  }
  if (pos < end && spec[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  // A leading '0' is the old way of asking for zero padding after the sign.
  if (!fill_specified && pos < end && spec[pos] == '0') {
    out.fill = '0';
    if (!align_specified && default_align == '>') out.align = '=';
    ++pos;
  }
  int consumed = get_integer(spec, pos, out.width, error);
  if (consumed < 0) return false;
  if (consumed == 0) out.width = -1;

  auto both_separators = [&] {
    return fail(error, FormatErrorType::ValueError, "Cannot specify both ',' and '_'.");
  };
  if (pos < end && spec[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == '_') {
    if (out.grouping != '\0') return both_separators();
    out.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == ',' && out.grouping == '_') return both_separators();

  if (pos < end && spec[pos] == '.') {
    ++pos;
    consumed = get_integer(spec, pos, out.precision, error);
    if (consumed < 0) return false;
    if (consumed == 0) return fail(error, FormatErrorType::ValueError, "Format specifier missing precision");
  }
  if (end - pos > 1) {
    return fail(error, FormatErrorType::ValueError,
                "Invalid format specifier '" + std::string(text) + "' for object of type '" +
                    std::string(type_name) + "'");
  }
  if (end - pos == 1) out.type = spec[pos];

  if (out.grouping != '\0') {
    switch (out.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
        break;  // PEP 378
      case 'b': case 'o': case 'x': case 'X':
        // PEP 515: '_' every four digits in binary, octal and hex.
        if (out.grouping == '_') {
          out.group_size = 4;
          break;
        }
        [[fallthrough]];
      default:
        return fail(error, FormatErrorType::ValueError,
                    std::string("Cannot specify '") + out.grouping + "' with '" + quote_type(out.type) + "'.");
    }
  }
  return true;
}

bool format_float(double value, std::string_view spec, std::string& out, FormatError& error) {
  if (spec.empty()) {
    out = float_repr(value);  // str(float)
    return true;
  }
  FormatSpec parsed;
  if (!parse_format_spec(spec, '\0', '>', "float", parsed, error)) return false;
  switch (parsed.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_internal(value, parsed, out, error);
    default:
      return unknown_presentation_type(parsed.type, "float", error);
  }
}

bool int_to_double(const mpz_t value, double& out, FormatError& error) {
  size_t bits = mpz_sizeinbase(value, 2);
  if (bits <= 53) {
    out = mpz_get_d(value);  // exact
    return true;
  }
  // Keep 53 bits and round the rest half to even, as PyLong_AsDouble.
  ScopedMpz absolute, mantissa;
  mpz_abs(absolute.value, value);
  mp_bitcnt_t shift = bits - 53;
  mpz_tdiv_q_2exp(mantissa.value, absolute.value, shift);
  if (mpz_tstbit(absolute.value, shift - 1)) {
    bool above_half = mpz_scan1(absolute.value, 0) < shift - 1;
    if (above_half || mpz_odd_p(mantissa.value)) mpz_add_ui(mantissa.value, mantissa.value, 1);
  }
  double result = bits > 1100 ? HUGE_VAL : std::ldexp(mpz_get_d(mantissa.value), static_cast<int>(shift));
  if (std::isinf(result))
    return fail(error, FormatErrorType::OverflowError, "int too large to convert to float");
  out = mpz_sgn(value) < 0 ? -result : result;
  return true;
}

bool format_int(const mpz_t value, std::string_view spec, std::string& out, FormatError& error) {
  if (spec.empty()) {
    out = mpz_digits(value, 10);  // str(int); mpz_get_str writes the sign
    return true;
  }
  FormatSpec parsed;
  if (!parse_format_spec(spec, 'd', '>', "int", parsed, error)) return false;
  switch (parsed.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_long_internal(value, parsed, out, error);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double as_double = 0;
      if (!int_to_double(value, as_double, error)) return false;
      return format_float_internal(as_double, parsed, out, error);
    }
    default:
      return unknown_presentation_type(parsed.type, "int", error);
  }
}

bool format_int(int64_t value, std::string_view spec, std::string& out, FormatError& error) {
  // The digits of a machine integer without GMP, for the presentation types
  // of format_long_internal that take no error path there (the others, and
  // an empty spec, go the mpz way).
  FormatSpec parsed;
  if (!spec.empty()) {
    if (!parse_format_spec(spec, 'd', '>', "int", parsed, error)) return false;
    int base = 0;
    const char* prefix = "";
    switch (parsed.type) {
      case 'd': case 'n': base = 10; break;
      case 'b': base = 2, prefix = "0b"; break;
      case 'o': base = 8, prefix = "0o"; break;
      case 'x': case 'X': base = 16, prefix = "0x"; break;
      default: break;
    }
    if (base != 0 && parsed.precision == -1 && !parsed.no_negative_zero) {
      uint64_t magnitude = value < 0 ? 0 - uint64_t(value) : uint64_t(value);
      char digits[64];
      auto result = std::to_chars(digits, digits + sizeof digits, magnitude, base);
      out = layout_number(parsed, value < 0 ? '-' : '\0', parsed.alternate ? prefix : "",
                          std::string_view(digits, size_t(result.ptr - digits)), false, "", 0, parsed.type == 'X');
      return true;
    }
  }
  ScopedMpz big(value);
  return format_int(big.value, spec, out, error);
}

bool format_str(std::string_view utf8, std::string_view spec, std::string& out, FormatError& error) {
  if (spec.empty()) {
    out = utf8;
    return true;
  }
  FormatSpec parsed;
  if (!parse_format_spec(spec, 's', '<', "str", parsed, error)) return false;
  if (parsed.type != 's') return unknown_presentation_type(parsed.type, "str", error);
  // format_string_internal, with its checks in CPython's order.
  if (parsed.sign == ' ')
    return fail(error, FormatErrorType::ValueError, "Space not allowed in string format specifier");
  if (parsed.sign != '\0')
    return fail(error, FormatErrorType::ValueError, "Sign not allowed in string format specifier");
  if (parsed.no_negative_zero)
    return fail(error, FormatErrorType::ValueError,
                "Negative zero coercion (z) not allowed in string format specifier");
  if (parsed.alternate)
    return fail(error, FormatErrorType::ValueError, "Alternate form (#) not allowed in string format specifier");
  if (parsed.align == '=')
    return fail(error, FormatErrorType::ValueError, "'=' alignment not allowed in string format specifier");

  int64_t length = static_cast<int64_t>(count_code_points(utf8));
  std::string_view text = utf8;
  if (parsed.precision >= 0 && length > parsed.precision) {
    size_t pos = 0;
    for (int64_t i = 0; i < parsed.precision; ++i) decode_utf8(utf8, pos);
    text = utf8.substr(0, pos);
    length = parsed.precision;
  }
  int64_t total = std::max(parsed.width, length);
  int64_t left = parsed.align == '>' ? total - length : parsed.align == '^' ? (total - length) / 2 : 0;
  out.clear();
  append_fill(out, parsed.fill, left);
  out += text;
  append_fill(out, parsed.fill, total - length - left);
  return true;
}

namespace {

// The numeric tail of CPython's unicode_format_arg_output: places the sign,
// the 0x/0o prefix of '#', and the padding around a converted number.
std::string percent_output(std::string_view text, char conversion, int flags, int width) {
  char fill = (flags & kPercentZero) ? '0' : ' ';
  bool has_prefix = (flags & kPercentAlternate) && (conversion == 'x' || conversion == 'X' || conversion == 'o');
  int64_t length = static_cast<int64_t>(text.size());
  int64_t field = width;
  size_t index = 0;
  char sign = '\0';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    sign = text[0];
    --length;
    ++index;
  } else if (flags & kPercentSign) {
    sign = '+';
  } else if (flags & kPercentBlank) {
    sign = ' ';
  }
  if (field < length) field = length;
  std::string out;
  if (sign) {
    if (fill != ' ') out += sign;
    if (field > length) --field;
  }
  if (has_prefix) {
    if (fill != ' ') {
      out.append(text.substr(index, 2));
      index += 2;
    }
    field = std::max<int64_t>(field - 2, 0);
    length -= 2;
  }
  if (field > length && !(flags & kPercentLeftAdjust)) {
    out.append(field - length, fill);
    field = length;
  }
  if (fill == ' ') {
    if (sign) out += sign;
    if (has_prefix) {
      out.append(text.substr(index, 2));
      index += 2;
    }
  }
  out.append(text.substr(index, length));
  if (field > length) out.append(field - length, ' ');
  return out;
}

}  // namespace

bool percent_format_float(double value, char conversion, int flags, int width, int precision, std::string& out) {
  switch (conversion) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': break;
    default: return false;
  }
  FloatFlags float_flags;
  float_flags.alternate = (flags & kPercentAlternate) != 0;
  std::string text = double_to_string(value, conversion, precision < 0 ? 6 : precision, float_flags);
  out = percent_output(text, conversion, flags, width);
  return true;
}

bool percent_format_int(const mpz_t value, char conversion, int flags, int width, int precision, std::string& out) {
  // _PyUnicode_FormatLong: [-][0x][zeros up to precision]digits.
  int base = 10;
  const char* prefix = "";
  switch (conversion) {
    case 'd': case 'i': case 'u': break;
    case 'o': base = 8, prefix = "0o"; break;
    case 'x': base = 16, prefix = "0x"; break;
    case 'X': base = 16, prefix = "0X"; break;
    default: return false;
  }
  ScopedMpz absolute;
  mpz_abs(absolute.value, value);
  std::string digits = mpz_digits(absolute.value, base);
  if (conversion == 'X') to_upper_ascii(digits);
  std::string text;
  if (mpz_sgn(value) < 0) text += '-';
  if (flags & kPercentAlternate) text += prefix;
  if (precision > static_cast<int>(digits.size())) text.append(precision - digits.size(), '0');
  text += digits;
  out = percent_output(text, conversion, flags, width);
  return true;
}

bool percent_format_int(int64_t value, char conversion, int flags, int width, int precision, std::string& out) {
  ScopedMpz big(value);
  return percent_format_int(big.value, conversion, flags, width, precision, out);
}

}  // namespace coil
