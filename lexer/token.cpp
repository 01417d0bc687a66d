// Token names and spellings (from lexer/tokens.def), and `coil --tokens`.

#include <utf8proc.h>

#include <cstdio>

#include "lexer/lexer.h"

namespace coil {

const char* name_of(TokenKind kind) {
  switch (kind) {
#define TOKEN(kind, spelling) \
  case TokenKind::kind:       \
    return #kind;
#include "lexer/tokens.def"
#undef TOKEN
  }
  return "?";
}

const char* spelling_of(TokenKind kind) {
  switch (kind) {
#define TOKEN(kind, spelling) \
  case TokenKind::kind:       \
    return spelling;
#include "lexer/tokens.def"
#undef TOKEN
  }
  return "?";
}

namespace {

// Python's repr() of a str, for the token texts in the dump.
void append_repr(std::string& out, std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out += quote;
  auto s = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = utf8proc_ssize_t(text.size());
  char buffer[16];
  while (left > 0) {
    utf8proc_int32_t code;
    utf8proc_ssize_t length = utf8proc_iterate(s, left, &code);
    if (length <= 0) {  // not UTF-8: show the byte
      std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(*s));
      out += buffer;
      ++s;
      --left;
      continue;
    }
    if (code == quote || code == '\\') {
      out += '\\';
      out += char(code);
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code < 0x20 || code == 0x7F) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(code));
      out += buffer;
    } else {
      utf8proc_category_t category = utf8proc_category(code);
      bool printable = code == ' ' || !(category == UTF8PROC_CATEGORY_CC ||
                                        category == UTF8PROC_CATEGORY_CF ||
                                        category == UTF8PROC_CATEGORY_CS ||
                                        category == UTF8PROC_CATEGORY_CO ||
                                        category == UTF8PROC_CATEGORY_CN ||
                                        category == UTF8PROC_CATEGORY_ZL ||
                                        category == UTF8PROC_CATEGORY_ZP ||
                                        category == UTF8PROC_CATEGORY_ZS);
      if (printable) {
        out.append(reinterpret_cast<const char*>(s), size_t(length));
      } else {
        std::snprintf(buffer, sizeof buffer,
                      code <= 0xFF ? "\\x%02x" : code <= 0xFFFF ? "\\u%04x" : "\\U%08x",
                      unsigned(code));
        out += buffer;
      }
    }
    s += length;
    left -= length;
  }
  out += quote;
}

void append_padded(std::string& out, const std::string& text, size_t width) {
  out += text;
  if (text.size() < width) out.append(width - text.size(), ' ');
}

}  // namespace

// As `python -m tokenize` prints, without its ENCODING line: position range
// (columns in bytes), token name, text. Positions are the lexer's, which
// follow CPython's C tokenizer (a NEWLINE ends before its newline character).
bool dump_tokens(std::string_view source, std::string& out, SyntaxErrorInfo& error) {
  Arena arena;
  Lexer lexer(source, arena);
  for (;;) {
    Token token = lexer.next();
    if (token.kind == TokenKind::ERRORTOKEN) {
      error = lexer.error();
      return false;
    }
    char range[64];
    std::snprintf(range, sizeof range, "%d,%d-%d,%d:", token.loc.lineno, token.loc.col_offset,
                  token.loc.end_lineno, token.loc.end_col_offset);
    append_padded(out, range, 20);
    append_padded(out, name_of(token.kind), 15);
    append_repr(out, token.text);
    out += '\n';
    if (token.kind == TokenKind::ENDMARKER) return true;
  }
}

}  // namespace coil
