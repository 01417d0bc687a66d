// The value of a NUMBER token: what CPython's parsenumber() computes for a
// Constant. The lexer has already checked the form, so this only converts.

#include <gmp.h>
#include <locale.h>

#include <charconv>
#include <cstdlib>
#include <string>

#include "lexer/lexer.h"

namespace coil {
namespace {

// The text without its underscores (1_000 means 1000), in `buffer` when it
// has any.
std::string_view without_underscores(std::string_view text, std::string& buffer) {
  if (text.find('_') == std::string_view::npos) return text;
  buffer.clear();
  for (char c : text)
    if (c != '_') buffer += c;
  return buffer;
}

// Floats are read in the C locale whatever the program's locale is.
double parse_float(std::string_view text) {
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", locale_t(0));
  std::string buffer;
  text = without_underscores(text, buffer);
  std::string terminated(text);
  // Too large a literal is inf (1e999), too small a one 0, as in CPython.
  return strtod_l(terminated.c_str(), nullptr, c_locale);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

// Digits in base 2, 8 or 16 (no prefix, no underscores) as decimal text.
std::string_view to_decimal(std::string_view digits, int base, Arena& arena) {
  size_t start = digits.find_first_not_of('0');
  if (start == std::string_view::npos) return "0";
  digits.remove_prefix(start);
  int bits_per_digit = base == 16 ? 4 : base == 8 ? 3 : 1;
  if (digits.size() * size_t(bits_per_digit) <= 64) {
    uint64_t value = 0;
    for (char c : digits) value = value * uint64_t(base) + uint64_t(digit_value(c));
    char text[24];
    auto result = std::to_chars(text, text + sizeof text, value);
    return arena.copy(std::string_view(text, size_t(result.ptr - text)));
  }
  // Arbitrary size: GMP converts.
  std::string terminated(digits);
  mpz_t number;
  mpz_init_set_str(number, terminated.c_str(), base);
  char* text = mpz_get_str(nullptr, 10, number);
  std::string_view result = arena.copy(text);
  void (*free_function)(void*, size_t);
  mp_get_memory_functions(nullptr, nullptr, &free_function);
  free_function(text, std::char_traits<char>::length(text) + 1);
  mpz_clear(number);
  return result;
}

}  // namespace

ast::ConstantValue parse_number(std::string_view text, Arena& arena) {
  ast::ConstantValue value;
  if (text.empty()) {
    value.kind = ast::ConstantValue::Kind::Int;
    value.text = "0";
    return value;
  }
  char last = text.back();
  if (last == 'j' || last == 'J') {
    value.kind = ast::ConstantValue::Kind::Complex;
    value.number = parse_float(text.substr(0, text.size() - 1));
    return value;
  }
  if (text.size() > 2 && text[0] == '0') {
    int base = 0;
    switch (text[1] | 0x20) {
      case 'x': base = 16; break;
      case 'o': base = 8; break;
      case 'b': base = 2; break;
    }
    if (base) {
      std::string buffer;
      value.kind = ast::ConstantValue::Kind::Int;
      value.text = to_decimal(without_underscores(text.substr(2), buffer), base, arena);
      return value;
    }
  }
  if (text.find_first_of(".eE") != std::string_view::npos) {
    value.kind = ast::ConstantValue::Kind::Float;
    value.number = parse_float(text);
    return value;
  }
  value.kind = ast::ConstantValue::Kind::Int;
  if (text.find('_') == std::string_view::npos && (text[0] != '0' || text.size() == 1)) {
    value.text = text;  // already in decimal form
    return value;
  }
  std::string buffer;
  std::string_view digits = without_underscores(text, buffer);
  size_t start = digits.find_first_not_of('0');
  value.text = start == std::string_view::npos ? std::string_view("0")
                                               : arena.copy(digits.substr(start));
  return value;
}

}  // namespace coil
