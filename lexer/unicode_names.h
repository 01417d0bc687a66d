// Unicode character names, for the `\N{...}` escape in string literals (and,
// later, the unicodedata module). utf8proc has no name table, so the build
// generates one (unicode_names.cpp) from CPython 3.11's own unicodedata with
// lexer/unicode_names.py.
#pragma once

#include <string_view>

namespace coil {

// The code point named `name` (a character name, an algorithmic name such as
// "CJK UNIFIED IDEOGRAPH-4E00" or "HANGUL SYLLABLE GA", or a name alias),
// compared as CPython's unicodedata does: letters case-insensitively.
// Returns false for names CPython does not know.
bool lookup_unicode_name(std::string_view name, char32_t& code);

}  // namespace coil
