// Tokens: the lexer's output and the parser's input. Kinds come from
// lexer/tokens.def.
#pragma once

#include <cstdint>
#include <string_view>

#include "parser/ast.h"

namespace coil {

enum class TokenKind : uint8_t {
#define TOKEN(kind, spelling) kind,
#include "lexer/tokens.def"
#undef TOKEN
};

// "NAME", "LPAR", "KW_DEF", …: the kind's name in tokens.def.
const char* name_of(TokenKind kind);
// "(", "def", "<name>", …: the spelling column of tokens.def.
const char* spelling_of(TokenKind kind);

// The prefix of a STRING or FSTRING_START token.
enum StringFlags : uint8_t {
  kStringBytes = 1,    // b"…"
  kStringRaw = 2,      // r"…"
  kStringUnicode = 4,  // u"…": CPython records kind='u' on the Constant
  kStringFormat = 8,   // f"…"
  kStringTriple = 16,  // '''…''' or """…"""
};

struct Token {
  TokenKind kind = TokenKind::ENDMARKER;
  uint8_t flags = 0;  // StringFlags, for STRING and FSTRING_START
  // Start and end position: lines from 1, columns as 0-based byte offsets in
  // the line, the end exclusive — the same convention as ast.Location.
  ast::Location loc;
  // The token's text in the source.
  std::string_view text;
  // The decoded value: for STRING the literal's value (escapes processed; UTF-8
  // for str, raw bytes for bytes); for FSTRING_MIDDLE the literal text with
  // escapes processed and `{{`/`}}` collapsed; for NAME the identifier in NFKC
  // normal form; for the EQUAL that ends an f-string replacement field's
  // expression (f"{x = }") the debug text, "x = " here. Empty otherwise.
  std::string_view value;
};

}  // namespace coil
