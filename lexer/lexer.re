// The lexer: UTF-8 source text in, tokens out, one at a time as the parser
// asks. It reproduces CPython 3.11's tokenizer (Parser/tokenizer.c) together
// with the part of its string parser (Parser/string_parser.c) that decodes
// literals and splits f-strings, so that the same programs are accepted and
// the same errors are reported at the same places.
//
// How it fits together:
// - The source is copied into the parse arena with \r\n and \r turned into
//   \n (as CPython translates newlines before tokenizing), a final newline
//   added if missing, and a NUL after it: re2c's sentinel. Token texts and most
//   decoded values are views into that copy, so they live as long as the AST.
// - scan_token() is the re2c scanner for ordinary tokens; numbers, string
//   extents and indentation are hand-written loops that follow CPython's code
//   step by step, because CPython's error positions depend on exactly where
//   its cursor stands when it gives up.
// - An f-string is found whole first, exactly as a plain string (3.11 has no
//   nested-quote f-strings); then a stack of modes walks its inside: Literal
//   (text, or a format spec) and Field (a replacement field). The expression
//   of a field is delimited first by CPython's own character scan
//   (fstring_find_expr) and then tokenized by scan_token() with a temporary
//   NUL written at its end, so the ordinary scanner stops there.
// - Errors that CPython's string parser raises (bad escapes, f-string
//   structure, mixing bytes and str) are raised in CPython only after the
//   parser has read the token that follows the run of adjacent literals, and
//   are reported at that token. literal_error() therefore skips ahead to it.
// - `match` and `case` at the start of a logical line are decided by reading
//   the rest of the line into a queue (decide_soft_keyword).
// Errors are values: the failing call returns ERRORTOKEN and error() says what
// CPython would raise; every later call returns ERRORTOKEN again.

#include "lexer/lexer.h"

#include <utf8proc.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lexer/unicode_names.h"

namespace coil {
namespace {

// Limits, from CPython's tokenizer.h.
constexpr int kMaxIndent = 100;    // MAXINDENT: levels of indentation
constexpr int kMaxBrackets = 200;  // MAXLEVEL: nested brackets
constexpr int kTabSize = 8;        // TABSIZE; the alternate size used for the
                                   // consistency check (ALTTABSIZE) is 1
// string_parser.c allows a replacement field inside a format spec, but not one
// more level down.
constexpr int kMaxFormatSpecDepth = 2;

// Which kind of adjacent literals the current run has seen, for "cannot mix
// bytes and nonbytes literals".
constexpr uint8_t kNoRun = 0, kStrRun = 1, kBytesRun = 2;

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buffer[512];
  va_list args;
  va_start(args, fmt);
  int n = vsnprintf(buffer, sizeof buffer, fmt, args);
  va_end(args);
  if (n < 0) return std::string();
  return std::string(buffer, std::min<size_t>(size_t(n), sizeof buffer - 1));
}

// ---------------------------------------------------------------------------
// UTF-8, judged as CPython's decoder judges it.

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// One step of CPython's UTF-8 decoder at `s` (s < e). Returns the length of a
// valid sequence (1 to 4) with its code point, or an error: -1 invalid start
// byte, -2/-3/-4 invalid continuation byte (the error covers 1/2/3 bytes),
// -5 unexpected end of data (the error covers the rest).
int utf8_step(const unsigned char* s, const unsigned char* e, char32_t* code) {
  unsigned c = s[0];
  if (c < 0x80) {
    *code = c;
    return 1;
  }
  if (c < 0xC2) return -1;
  if (c < 0xE0) {
    if (e - s < 2) return -5;
    if (!is_continuation(s[1])) return -2;
    *code = ((c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (e - s < 3) {
      if (e - s < 2) return -5;
      if (!is_continuation(s[1]) || (s[1] < 0xA0 ? c == 0xE0 : c == 0xED)) return -2;
      return -5;
    }
    if (!is_continuation(s[1])) return -2;
    if (c == 0xE0 && s[1] < 0xA0) return -2;  // overlong
    if (c == 0xED && s[1] >= 0xA0) return -2;  // surrogate
    if (!is_continuation(s[2])) return -3;
    *code = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  if (c < 0xF5) {
    if (e - s < 4) {
      if (e - s < 2) return -5;
      if (!is_continuation(s[1]) || (s[1] < 0x90 ? c == 0xF0 : c == 0xF4)) return -2;
      if (e - s < 3) return -5;
      if (!is_continuation(s[2])) return -3;
      return -5;
    }
    if (!is_continuation(s[1])) return -2;
    if (c == 0xF0 && s[1] < 0x90) return -2;   // overlong
    if (c == 0xF4 && s[1] >= 0x90) return -2;  // above U+10FFFF
    if (!is_continuation(s[2])) return -3;
    if (!is_continuation(s[3])) return -4;
    *code = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
  }
  return -1;
}

// CPython's message for a decoding error: "'utf-8' codec can't decode byte
// 0xf6 in position 1: invalid start byte".
std::string decode_error_text(const char* codec, unsigned char first_byte, size_t start,
                              size_t end, const char* reason) {
  if (end - start == 1)
    return format("'%s' codec can't decode byte 0x%02x in position %zu: %s", codec, first_byte,
                  start, reason);
  return format("'%s' codec can't decode bytes in position %zu-%zu: %s", codec, start, end - 1,
                reason);
}

// The first error in [s, e) as CPython's UTF-8 decoder reports it, or "".
std::string utf8_error(const char* begin, const char* end) {
  auto s = reinterpret_cast<const unsigned char*>(begin);
  auto e = reinterpret_cast<const unsigned char*>(end);
  for (auto p = s; p < e;) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    char32_t code;
    int n = utf8_step(p, e, &code);
    if (n > 0) {
      p += n;
      continue;
    }
    size_t start = size_t(p - s);
    size_t stop = n == -5 ? size_t(e - s) : start + size_t(n == -1 ? 1 : -n - 1);
    const char* reason = n == -1   ? "invalid start byte"
                         : n == -5 ? "unexpected end of data"
                                   : "invalid continuation byte";
    return decode_error_text("utf-8", *p, start, stop, reason);
  }
  return std::string();
}

// The number of characters CPython counts in [begin, end) when it decodes the
// bytes with errors="replace" to compute a SyntaxError's offset.
int count_chars(const char* begin, const char* end) {
  auto s = reinterpret_cast<const unsigned char*>(begin);
  auto e = reinterpret_cast<const unsigned char*>(end);
  int count = 0;
  while (s < e) {
    ++count;
    if (*s < 0x80) {
      ++s;
      continue;
    }
    char32_t code;
    int n = utf8_step(s, e, &code);
    s += n > 0 ? n : n == -5 ? e - s : n == -1 ? 1 : -n - 1;
  }
  return count;
}

// Appends a code point as UTF-8; surrogates get their 3-byte form, as the
// interface asks for lone surrogates.
void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += char(code);
  } else if (code < 0x800) {
    out += char(0xC0 | (code >> 6));
    out += char(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += char(0xE0 | (code >> 12));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  } else {
    out += char(0xF0 | (code >> 18));
    out += char(0x80 | ((code >> 12) & 0x3F));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  }
}

// ---------------------------------------------------------------------------
// Character classes for identifiers and error messages, as CPython 3.11
// (Unicode 14.0) answers them. The rule by general category is exact except
// for the ranges below, where CPython's answer is given: Other_ID_Start and
// Other_ID_Continue, the NFKC exclusions of XID_*, Pattern_Syntax, and
// characters that utf8proc's newer Unicode assigns but 14.0 does not.

struct CodeRange {
  char32_t first, last;
  bool value;
};

const CodeRange kXidStartExceptions[] = {
    {0x37A, 0x37A, false},     {0xE33, 0xE33, false},     {0xEB3, 0xEB3, false},
    {0x1885, 0x1886, true},    {0x2118, 0x2118, true},    {0x212E, 0x212E, true},
    {0x2E2F, 0x2E2F, false},   {0x309B, 0x309C, false},   {0xFC5E, 0xFC63, false},
    {0xFDFA, 0xFDFB, false},   {0xFE70, 0xFE70, false},   {0xFE72, 0xFE72, false},
    {0xFE74, 0xFE74, false},   {0xFE76, 0xFE76, false},   {0xFE78, 0xFE78, false},
    {0xFE7A, 0xFE7A, false},   {0xFE7C, 0xFE7C, false},   {0xFE7E, 0xFE7E, false},
    {0xFF9E, 0xFF9F, false},   {0x1123F, 0x11240, false}, {0x11F02, 0x11F02, false},
    {0x11F04, 0x11F10, false}, {0x11F12, 0x11F33, false}, {0x1342F, 0x1342F, false},
    {0x13441, 0x13446, false}, {0x1B132, 0x1B132, false}, {0x1B155, 0x1B155, false},
    {0x1DF25, 0x1DF2A, false}, {0x1E030, 0x1E06D, false}, {0x1E4D0, 0x1E4EB, false},
    {0x2B739, 0x2B739, false}, {0x31350, 0x323AF, false},
};

const CodeRange kXidContinueExceptions[] = {
    {0xB7, 0xB7, true},        {0x37A, 0x37A, false},     {0x387, 0x387, true},
    {0xCF3, 0xCF3, false},     {0xECE, 0xECE, false},     {0x1369, 0x1371, true},
    {0x19DA, 0x19DA, true},    {0x2118, 0x2118, true},    {0x212E, 0x212E, true},
    {0x2E2F, 0x2E2F, false},   {0x309B, 0x309C, true},    {0xFC5E, 0xFC63, false},
    {0xFDFA, 0xFDFB, false},   {0xFE70, 0xFE70, false},   {0xFE72, 0xFE72, false},
    {0xFE74, 0xFE74, false},   {0xFE76, 0xFE76, false},   {0xFE78, 0xFE78, false},
    {0xFE7A, 0xFE7A, false},   {0xFE7C, 0xFE7C, false},   {0xFE7E, 0xFE7E, false},
    {0x10EFD, 0x10EFF, false}, {0x1123F, 0x11241, false}, {0x11F00, 0x11F10, false},
    {0x11F12, 0x11F3A, false}, {0x11F3E, 0x11F42, false}, {0x11F50, 0x11F59, false},
    {0x1342F, 0x1342F, false}, {0x13440, 0x13455, false}, {0x1B132, 0x1B132, false},
    {0x1B155, 0x1B155, false}, {0x1DF25, 0x1DF2A, false}, {0x1E030, 0x1E06D, false},
    {0x1E08F, 0x1E08F, false}, {0x1E4D0, 0x1E4F9, false}, {0x2B739, 0x2B739, false},
    {0x31350, 0x323AF, false},
};

const CodeRange kPrintableExceptions[] = {
    {0xCF3, 0xCF3, false},     {0xECE, 0xECE, false},     {0x10EFD, 0x10EFF, false},
    {0x1123F, 0x11241, false}, {0x11B00, 0x11B09, false}, {0x11F00, 0x11F10, false},
    {0x11F12, 0x11F3A, false}, {0x11F3E, 0x11F59, false}, {0x1342F, 0x1342F, false},
    {0x13440, 0x13455, false}, {0x1B132, 0x1B132, false}, {0x1B155, 0x1B155, false},
    {0x1D2C0, 0x1D2D3, false}, {0x1DF25, 0x1DF2A, false}, {0x1E030, 0x1E06D, false},
    {0x1E08F, 0x1E08F, false}, {0x1E4D0, 0x1E4F9, false}, {0x1F6DC, 0x1F6DC, false},
    {0x1F774, 0x1F776, false}, {0x1F77B, 0x1F77F, false}, {0x1F7D9, 0x1F7D9, false},
    {0x1FA75, 0x1FA77, false}, {0x1FA87, 0x1FA88, false}, {0x1FAAD, 0x1FAAF, false},
    {0x1FABB, 0x1FABD, false}, {0x1FABF, 0x1FABF, false}, {0x1FACE, 0x1FACF, false},
    {0x1FADA, 0x1FADB, false}, {0x1FAE8, 0x1FAE8, false}, {0x1FAF7, 0x1FAF8, false},
    {0x2B739, 0x2B739, false}, {0x31350, 0x323AF, false},
};

template <size_t N>
const CodeRange* find_exception(const CodeRange (&table)[N], char32_t code) {
  for (const CodeRange& range : table) {
    if (code < range.first) return nullptr;
    if (code <= range.last) return &range;
  }
  return nullptr;
}

bool category_starts_identifier(utf8proc_category_t category) {
  switch (category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return false;
  }
}

bool is_xid_start(char32_t code) {
  if (const CodeRange* range = find_exception(kXidStartExceptions, code)) return range->value;
  return category_starts_identifier(utf8proc_category(utf8proc_int32_t(code)));
}

bool is_xid_continue(char32_t code) {
  if (const CodeRange* range = find_exception(kXidContinueExceptions, code)) return range->value;
  utf8proc_category_t category = utf8proc_category(utf8proc_int32_t(code));
  return category_starts_identifier(category) || category == UTF8PROC_CATEGORY_MN ||
         category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ND ||
         category == UTF8PROC_CATEGORY_PC;
}

// As str.isprintable(): not a control, format, surrogate, private-use,
// unassigned or separator character, except the space.
bool is_printable(char32_t code) {
  if (code == ' ') return true;
  if (const CodeRange* range = find_exception(kPrintableExceptions, code)) return range->value;
  switch (utf8proc_category(utf8proc_int32_t(code))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(int c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
// CPython's is_potential_identifier_char: any byte of a non-ASCII character counts.
bool is_identifier_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c >= 128;
}
// Py_ISSPACE
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// ---------------------------------------------------------------------------
// Escape sequences, as string_parser.c's decode_unicode_with_escapes and
// CPython's unicode-escape codec decode them. On failure, `error` gets
// CPython's message.
//
// CPython first copies the literal into a buffer where each non-ASCII
// character becomes "\UXXXXXXXX" (10 bytes) and a backslash before one (or at
// the end) becomes "\u005c" (6 bytes), then decodes that buffer; the positions
// in its messages count in that buffer, and `position` here does the same.
//
// `invalid` (when given) gets CPython's DeprecationWarning for the first
// escape it does not know ("invalid escape sequence '\\d'") or an octal one
// past \\377, which stay in the value as written.
bool decode_str_escapes(const char* s, const char* end, std::string& out, std::string& error,
                        std::string* invalid = nullptr) {
  size_t position = 0;
  auto escape_error = [&](size_t start, size_t stop, const char* reason) {
    error = "(unicode error) " + decode_error_text("unicodeescape", '\\', start, stop, reason);
    return false;
  };
  while (s < end) {
    auto c = static_cast<unsigned char>(*s);
    if (c != '\\') {
      if (c < 0x80) {
        out += char(c);
        ++s;
        ++position;
        continue;
      }
      // A run of non-ASCII bytes is decoded as UTF-8 on its own.
      const char* run_end = s;
      while (run_end < end && static_cast<unsigned char>(*run_end) >= 0x80) ++run_end;
      std::string problem = utf8_error(s, run_end);
      if (!problem.empty()) {
        error = "(unicode error) " + problem;
        return false;
      }
      out.append(s, run_end);
      position += 10 * size_t(count_chars(s, run_end));
      s = run_end;
      continue;
    }
    if (s + 1 >= end || static_cast<unsigned char>(s[1]) >= 0x80) {
      // A backslash before a non-ASCII character or at the end stays itself.
      out += '\\';
      ++s;
      position += 6;
      continue;
    }
    size_t start = position;
    char kind = s[1];
    s += 2;
    position += 2;
    int digits = 0;
    const char* reason = nullptr;
    switch (kind) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        char32_t value = char32_t(kind - '0');
        for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; ++i) {
          value = value * 8 + char32_t(*s++ - '0');
          ++position;
        }
        append_utf8(out, value);  // up to \777; CPython only warns above \377
        if (value > 0377 && invalid && invalid->empty()) {
          *invalid = "invalid octal escape sequence '\\" + std::string(s - 3, 3) + "'";
        }
        break;
      }
      case 'x': digits = 2; reason = "truncated \\xXX escape"; break;
      case 'u': digits = 4; reason = "truncated \\uXXXX escape"; break;
      case 'U': digits = 8; reason = "truncated \\UXXXXXXXX escape"; break;
      case 'N': {
        reason = "malformed \\N character escape";
        if (s >= end || *s != '{') return escape_error(start, position, reason);
        const char* name = ++s;
        ++position;
        while (s < end && *s != '}') {
          auto b = static_cast<unsigned char>(*s++);
          // In CPython's buffer a non-ASCII character here is 10 bytes long.
          position += b < 0x80 ? 1 : is_continuation(b) ? 0 : 10;
        }
        if (s >= end) return escape_error(start, position, reason);
        size_t length = size_t(s - name);
        if (length == 0) return escape_error(start, position, reason);
        ++s;
        ++position;
        char32_t code;
        if (!lookup_unicode_name(std::string_view(name, length), code))
          return escape_error(start, position, "unknown Unicode character name");
        append_utf8(out, code);
        break;
      }
      default:
        // Unknown escapes stay as they are (CPython only warns).
        out += '\\';
        out += kind;
        if (invalid && invalid->empty()) invalid->assign("invalid escape sequence '\\").append(1, kind).append("'");
        break;
    }
    if (digits) {
      char32_t value = 0;
      for (; digits; --digits) {
        if (s >= end || !is_hex_digit(static_cast<unsigned char>(*s)))
          return escape_error(start, position, reason);
        value = value * 16 + char32_t(hex_value(static_cast<unsigned char>(*s)));
        ++s;
        ++position;
      }
      if (value > 0x10FFFF) return escape_error(start, position, "illegal Unicode character");
      append_utf8(out, value);
    }
  }
  return true;
}

// Escape sequences in a bytes literal, as CPython's _PyBytes_DecodeEscape.
bool decode_bytes_escapes(const char* s, const char* end, std::string& out, std::string& error,
                          std::string* invalid = nullptr) {
  const char* begin = s;
  while (s < end) {
    if (*s != '\\') {
      out += *s++;
      continue;
    }
    ++s;
    if (s == end) {  // cannot happen: the backslash would have escaped the quote
      error = "(value error) Trailing \\ in string";
      return false;
    }
    char kind = *s++;
    switch (kind) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned value = unsigned(kind - '0');
        const char* digits_begin = s - 1;
        for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; ++i)
          value = value * 8 + unsigned(*s++ - '0');
        out += char(value & 0xFF);
        if (value > 0377 && invalid && invalid->empty()) {
          *invalid = "invalid octal escape sequence '\\" + std::string(digits_begin, size_t(s - digits_begin)) + "'";
        }
        break;
      }
      case 'x':
        if (s + 1 < end && is_hex_digit(static_cast<unsigned char>(s[0])) &&
            is_hex_digit(static_cast<unsigned char>(s[1]))) {
          out += char(hex_value(static_cast<unsigned char>(s[0])) * 16 +
                      hex_value(static_cast<unsigned char>(s[1])));
          s += 2;
          break;
        }
        error = format("(value error) invalid \\x escape at position %zu", size_t(s - 2 - begin));
        return false;
      default:
        out += '\\';
        out += kind;
        if (invalid && invalid->empty()) invalid->assign("invalid escape sequence '\\").append(1, kind).append("'");
        break;
    }
  }
  return true;
}

bool contains_byte(const char* begin, const char* end, char c) {
  return begin < end && std::memchr(begin, c, size_t(end - begin)) != nullptr;
}

bool has_non_ascii(const char* begin, const char* end) {
  for (const char* p = begin; p < end; ++p)
    if (static_cast<unsigned char>(*p) >= 0x80) return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------

// One level of the f-string mode stack.
struct FStringMode {
  enum Kind : uint8_t { Literal, Field };
  // Where a Field stands: its expression is being tokenized, then come the
  // optional `=`, `!x` and `:spec` parts, then the closing brace.
  enum Phase : uint8_t { Expression, AfterExpression, AfterDebug, Conversion, AfterConversion, Close };
  Kind kind = Literal;
  Phase phase = Expression;
  bool raw = false;
  uint8_t quote_size = 1;
  // Literal: 0 for the f-string's own text, 1 or 2 for a format spec (CPython's
  // recurse_lvl). Field: the depth of the text it appears in.
  uint8_t depth = 0;
  uint8_t run_kind = kNoRun;  // Field: literals seen in a row in the expression
  char saved_char = 0;        // Field: the byte under the temporary NUL
  int bracket_base = 0;       // the bracket depth when this level began
  const char* content_end = nullptr;       // where the f-string's closing quote starts
  const char* expression_begin = nullptr;  // Field: just after the `{`
  const char* expression_end = nullptr;    // Field: the `=`, `!`, `:` or `}` after it
  ast::Location literal;                   // the f-string's own text: the whole literal
};

struct Lexer::State {
  // Who raises an error in CPython decides which error wins when several are in
  // sight (see check_rest_for_errors).
  enum class ErrorOrigin : uint8_t {
    Tokenizer,        // raised by the tokenizer itself (syntaxerror())
    TokenizerState,   // the tokenizer stopped with a state code (E_TABSPACE, E_DEDENT…)
    UnclosedBracket,  // end of file inside brackets
    Parser,           // raised by the parser or its string parser
  };

  State(std::string_view source, Arena& arena_, bool byte_offsets);

  Arena& m_arena;
  const bool m_byte_offsets;  // see parse_module
  char* m_begin = nullptr;  // the normalized copy of the source
  const char* m_end = nullptr;  // its terminating NUL
  const char* m_cursor = nullptr;
  const char* m_line_start = nullptr;
  int m_lineno = 1;
  // CPython's tok->buf: the start of the line that was read last while no
  // token was in progress. "unexpected character after line continuation
  // character" counts its offset from here.
  const char* m_logical_line_start = nullptr;
  // The line holding the first NUL byte, or 0. The copy ends before that line:
  // CPython reports the NUL when it reads the line.
  int m_null_byte_lineno = 0;

  // Indentation: CPython's indstack and altindstack.
  int m_indent_cols[kMaxIndent + 1] = {0};
  int m_alt_indent_cols[kMaxIndent + 1] = {0};
  int m_indent_level = 0;
  int m_pending_indents = 0;  // > 0: INDENTs to emit, < 0: DEDENTs
  bool m_at_line_start = true;
  // Inside brackets, CPython still runs its beginning-of-line loop; a
  // backslash continuation there resets m_logical_line_start.
  bool m_at_bracketed_line_start = false;

  struct OpenBracket {
    char bracket;
    int lineno;
    const char* position;
    const char* line_start;
  };
  std::vector<OpenBracket> m_brackets;

  std::vector<FStringMode> m_modes;
  uint8_t m_run_kind = kNoRun;  // literals in a row at the top level

  // Tokens read ahead to decide a soft keyword.
  std::vector<Token> m_queue;
  size_t m_queue_head = 0;
  bool m_at_statement_start = true;
  // The block structure the parser has been given, to know when a line is
  // directly in a match statement's body: the INDENT depth, the depths of
  // the match bodies open around it, and where a match statement's header
  // stands (0: none; 1: in its line; 2: its NEWLINE given, INDENT expected).
  int m_block_depth = 0;
  std::vector<int> m_match_bodies;
  int m_match_header = 0;

  // Set while looking past an error: literals are only skipped over, and
  // characters the parser would reject come back as plain tokens.
  bool m_tokenizer_only = false;
  // scan_token() met the temporary NUL at the end of a field's expression.
  bool m_hit_expression_end = false;
  const char* m_token_line_start = nullptr;  // m_line_start where the last token began
  const char* m_token_logical_line_start = nullptr;  // m_logical_line_start there
  int m_last_token_lineno = 1;  // the line of the last token the parser was given

  bool m_failed = false;
  ErrorOrigin m_error_origin = ErrorOrigin::Parser;
  SyntaxErrorInfo m_error;
  std::string m_scratch;  // decoded values are built here, then copied to the arena
  std::vector<LexWarning> m_warnings;

  // --- producing tokens
  Token produce();
  Token top_level_token();
  Token scan_token();
  bool indentation();
  Token indentation_token();
  Token end_of_input();
  Token name(const char* start);
  Token keyword(const char* start, TokenKind kind);
  Token operator_token(const char* start, TokenKind kind);
  Token open_bracket(const char* start, TokenKind kind);
  Token close_bracket(const char* start, TokenKind kind);
  Token number(const char* start);
  Token string_literal(const char* start);
  Token fstring_text();
  Token fstring_field_start(const char* brace);
  Token fstring_field();
  void decide_soft_keyword(Token& keyword_token);
  void track_blocks(TokenKind kind);

  // --- helpers
  Token make(TokenKind kind, const char* start, const char* stop) const;
  void new_line(const char* position) {
    ++m_lineno;
    m_line_start = position;
  }
  void advance_to(const char* position);
  uint8_t& current_run_kind() { return m_modes.empty() ? m_run_kind : m_modes.back().run_kind; }
  int bracket_base() const { return m_modes.empty() ? 0 : m_modes.back().bracket_base; }
  bool in_brackets() const { return !m_modes.empty() || !m_brackets.empty(); }
  std::string_view store(std::string_view text) { return m_arena.copy(text); }

  // --- errors
  Token error_token() const;
  Token fail(ErrorOrigin origin, SyntaxErrorKind kind, std::string message, int error_lineno,
             int offset, int end_lineno, int end_offset);
  Token fail_at(ErrorOrigin origin, std::string message, const char* position);
  Token null_byte_error();
  Token unclosed_bracket();
  Token continuation_error(const char* backslash);
  Token eof_after_continuation(const char* backslash_line);
  Token unterminated_string(const char* start, int start_lineno, const char* start_line,
                            int quote_size, const char* stop);
  // A location in bytes, converted to CPython's character offsets only when
  // the error is raised (see literal_error).
  struct RawLocation {
    int lineno;
    const char* line;  // the start of line `lineno`
    int col;           // bytes from `line`
    int end_lineno;
    int end_col;       // bytes from the start of line `end_lineno`
  };
  Token literal_error(std::string message, const RawLocation* known_location = nullptr,
                      const SyntaxErrorInfo* exact_location = nullptr);
  Token invalid_syntax(const char* start, const char* stop);
  void leave_fstrings();
  void check_rest_for_errors(const SyntaxErrorInfo& parser_error);
};

Lexer::State::State(std::string_view source, Arena& arena_, bool byte_offsets)
    : m_arena(arena_), m_byte_offsets(byte_offsets) {
  // Two spare bytes: a final newline and the NUL sentinel.
  m_begin = static_cast<char*>(m_arena.allocate(source.size() + 2, 1));
  size_t length;
  if (std::memchr(source.data(), '\r', source.size()) == nullptr) {
    if (!source.empty()) std::memcpy(m_begin, source.data(), source.size());
    length = source.size();
  } else {
    length = 0;
    for (size_t i = 0; i < source.size(); ++i) {
      char c = source[i];
      if (c == '\r') {
        c = '\n';
        if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
      }
      m_begin[length++] = c;
    }
  }
  if (const void* nul = std::memchr(m_begin, 0, length)) {
    const char* line = static_cast<const char*>(nul);
    while (line > m_begin && line[-1] != '\n') --line;
    m_null_byte_lineno = 1;
    for (const char* p = m_begin; p < line; ++p) m_null_byte_lineno += *p == '\n';
    length = size_t(line - m_begin);
  } else if (length > 0 && m_begin[length - 1] != '\n') {
    m_begin[length++] = '\n';  // as CPython adds one to exec input
  } else if (source.size() >= 2 && source.substr(source.size() - 2) == "\r\n") {
    // CPython's translate_newlines adds a newline after a final \r\n as well:
    // one more blank line, which shows in "detected at line N".
    m_begin[length++] = '\n';
  }
  m_begin[length] = '\0';
  m_end = m_begin + length;
  m_cursor = m_line_start = m_logical_line_start = m_token_line_start = m_begin;
  m_brackets.reserve(16);
  m_modes.reserve(8);
  m_queue.reserve(32);
}

Token Lexer::State::make(TokenKind kind, const char* start, const char* stop) const {
  Token token;
  token.kind = kind;
  token.loc.lineno = m_lineno;
  token.loc.col_offset = int32_t(start - m_line_start);
  token.loc.end_lineno = m_lineno;
  token.loc.end_col_offset = int32_t(stop - m_line_start);
  token.text = std::string_view(start, size_t(stop - start));
  return token;
}

// Moves the cursor forward to `position`, counting the lines on the way.
void Lexer::State::advance_to(const char* position) {
  for (const char* p = m_cursor; p < position; ++p)
    if (*p == '\n') new_line(p + 1);
  m_cursor = position;
}

// ---------------------------------------------------------------------------
// Errors

Token Lexer::State::error_token() const {
  Token token;
  token.kind = TokenKind::ERRORTOKEN;
  token.loc.lineno = token.loc.end_lineno = m_error.lineno;
  token.loc.col_offset = token.loc.end_col_offset = m_error.offset > 0 ? m_error.offset - 1 : 0;
  return token;
}

Token Lexer::State::fail(ErrorOrigin origin, SyntaxErrorKind kind, std::string message,
                         int error_lineno, int offset, int end_lineno, int end_offset) {
  m_failed = true;
  m_error_origin = origin;
  m_error.kind = kind;
  m_error.message = std::move(message);
  m_error.lineno = error_lineno;
  m_error.offset = offset;
  m_error.end_lineno = end_lineno;
  m_error.end_offset = end_offset;
  return error_token();
}

// An error CPython's tokenizer raises with its cursor at `position`: the
// offset counts the characters before it, so it names the character before.
Token Lexer::State::fail_at(ErrorOrigin origin, std::string message, const char* position) {
  if (origin == ErrorOrigin::Tokenizer && !m_modes.empty()) {
    // In a replacement field. CPython 3.11 tokenizes "(" + the expression
    // with a tokenizer of its own, whose columns count from that "(" on the
    // field's first line; the error then reaches the outer parser as one of
    // its own (see literal_error).
    const FStringMode& field = m_modes.back();
    SyntaxErrorInfo location;
    location.lineno = location.end_lineno = m_lineno;
    location.offset = location.end_offset =
        m_line_start <= field.expression_begin ? 1 + count_chars(field.expression_begin, position)
                                             : count_chars(m_line_start, position);
    return literal_error(std::move(message), nullptr, &location);
  }
  int offset = count_chars(m_line_start, position);
  return fail(origin, SyntaxErrorKind::SyntaxError, std::move(message), m_lineno, offset, m_lineno,
              offset);
}

Token Lexer::State::null_byte_error() {
  return fail(ErrorOrigin::Tokenizer, SyntaxErrorKind::SyntaxError,
              "source code cannot contain null bytes", m_null_byte_lineno, 0, m_null_byte_lineno, 0);
}

// At the end of the file inside brackets, CPython points at the innermost
// opening bracket.
Token Lexer::State::unclosed_bracket() {
  const OpenBracket& open = m_brackets.back();
  return fail(ErrorOrigin::UnclosedBracket, SyntaxErrorKind::SyntaxError,
              format("'%c' was never closed", open.bracket), open.lineno,
              count_chars(open.line_start, open.position) + 1, open.lineno, 0);
}

// CPython computes this offset from tok->buf, which can be an earlier line
// when the line was reached by a continuation.
Token Lexer::State::continuation_error(const char* backslash) {
  const char* after = backslash[1] == '\0' ? backslash + 1 : backslash + 2;
  return fail(ErrorOrigin::TokenizerState, SyntaxErrorKind::SyntaxError,
              "unexpected character after line continuation character", m_lineno,
              count_chars(m_logical_line_start, after), m_lineno, 0);
}

Token Lexer::State::eof_after_continuation(const char* backslash_line) {
  if (m_null_byte_lineno) return null_byte_error();
  if (!m_brackets.empty()) return unclosed_bracket();
  return fail(ErrorOrigin::TokenizerState, SyntaxErrorKind::SyntaxError,
              "unexpected EOF while parsing", m_lineno, count_chars(backslash_line, m_end), m_lineno,
              -1);
}

Token Lexer::State::unterminated_string(const char* start, int start_lineno,
                                        const char* start_line, int quote_size,
                                        const char* stop) {
  bool at_end_of_file = stop == m_end;
  if (at_end_of_file && m_null_byte_lineno) return null_byte_error();
  // At the end of the file the last newline has been counted already.
  int detected_at = at_end_of_file ? m_lineno - 1 : m_lineno;
  int offset = count_chars(start_line, start) + 1;
  std::string message =
      quote_size == 3
          ? format("unterminated triple-quoted string literal (detected at line %d)", detected_at)
          : format("unterminated string literal (detected at line %d)", detected_at);
  return fail(ErrorOrigin::Tokenizer, SyntaxErrorKind::SyntaxError, std::move(message),
              start_lineno, offset, start_lineno, offset);
}

// Leaves every f-string level, with the cursor after the outermost literal.
void Lexer::State::leave_fstrings() {
  if (m_modes.empty()) return;
  for (FStringMode& mode : m_modes)
    if (mode.kind == FStringMode::Field && mode.phase == FStringMode::Expression)
      *const_cast<char*>(mode.expression_end) = mode.saved_char;
  const FStringMode& outermost = m_modes.front();
  int depth = outermost.bracket_base;
  const char* after = outermost.content_end + outermost.quote_size;
  m_modes.clear();
  m_brackets.resize(size_t(depth));
  advance_to(after);
}

// An error CPython's string parser raises while it builds the value of a run
// of adjacent literals. It does so once the parser has read the token after
// the run, so a tokenizer error up to that token comes first, and the error
// is reported at that token (unless a location is given). Then, as after any
// error the parser raises, the rest of the source is checked.
Token Lexer::State::literal_error(std::string message, const RawLocation* known_location,
                                  const SyntaxErrorInfo* exact_location) {
  leave_fstrings();
  m_tokenizer_only = true;
  Token following;
  do {
    following = scan_token();
    if (m_failed) return error_token();
  } while (following.kind == TokenKind::STRING);
  m_tokenizer_only = false;
  // The token after a literal is never a multi-line one (a NEWLINE that
  // follows a comment starts at the comment, as CPython's does).
  RawLocation location{following.loc.lineno, m_token_line_start, following.loc.col_offset,
                       following.loc.lineno, following.loc.end_col_offset};
  if (known_location) location = *known_location;
  // CPython turns byte columns into characters on the text from tok->buf
  // when the error is on the line its tokenizer is reading (the line of the
  // token after the literals), else on the error's own line; the end column
  // too is measured on that text.
  // CPython clamps the column to that text's length + 1.
  auto line_end = [&](const char* line) {
    auto newline = static_cast<const char*>(std::memchr(line, '\n', size_t(m_end - line)));
    return newline ? newline : m_end;
  };
  const bool on_current_line = location.lineno == following.loc.lineno;
  const char* base = on_current_line ? m_token_logical_line_start : location.line;
  const char* text_end = on_current_line ? line_end(m_token_line_start) + 1 : line_end(location.line);
  if (text_end > m_end) text_end = m_end;
  auto offset = [&](int col) {
    // Compiling bytes that declare no encoding, CPython leaves the parser's
    // columns in bytes.
    if (m_byte_offsets) return col + 1;
    const char* target = base + col + 1;
    return target > text_end ? count_chars(base, text_end) + 1 : count_chars(base, target);
  };
  SyntaxErrorInfo info;
  if (exact_location) {
    info = *exact_location;
  } else {
    info.lineno = location.lineno;
    info.offset = offset(location.col);
    info.end_lineno = location.end_lineno;
    info.end_offset = offset(location.end_col);
  }
  info.message = std::move(message);
  m_last_token_lineno = following.loc.lineno;
  check_rest_for_errors(info);
  return error_token();
}

// A character no token starts with: CPython's tokenizer passes it on and the
// parser fails on it, after looking at the rest of the source.
Token Lexer::State::invalid_syntax(const char* start, const char* stop) {
  // The token spans the character, so that the parser can name it.
  Token token = make(TokenKind::ERRORTOKEN, start, stop);
  if (m_tokenizer_only) return token;
  SyntaxErrorInfo generic;
  generic.message = "invalid syntax";
  generic.lineno = generic.end_lineno = m_lineno;
  generic.offset = count_chars(m_line_start, start) + 1;
  generic.end_offset = count_chars(m_line_start, stop) + 1;
  m_last_token_lineno = m_lineno;
  check_rest_for_errors(generic);
  return token;
}

// As CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a
// syntax error raised by the parser, the rest of the source is tokenized; an
// error the tokenizer raises there replaces it, and so does an unclosed
// bracket opened on a line before the last token the parser read.
void Lexer::State::check_rest_for_errors(const SyntaxErrorInfo& parser_error) {
  if (!m_failed) {
    leave_fstrings();
    m_queue.clear();
    m_queue_head = 0;
    m_tokenizer_only = true;
    while (!m_failed && produce().kind != TokenKind::ENDMARKER) {
    }
    m_tokenizer_only = false;
  }
  if (m_failed) {
    if (m_error_origin == ErrorOrigin::Tokenizer) return;
    if (!m_brackets.empty() && m_last_token_lineno > m_brackets.back().lineno) {
      unclosed_bracket();
      return;
    }
  }
  m_failed = true;
  m_error_origin = ErrorOrigin::Parser;
  m_error = parser_error;
}

// ---------------------------------------------------------------------------
// The token stream

Token Lexer::State::produce() {
  if (m_failed) return error_token();
  if (m_modes.empty()) {
    Token token = top_level_token();
    if (token.kind != TokenKind::STRING && token.kind != TokenKind::FSTRING_START)
      m_run_kind = kNoRun;
    return token;
  }
  if (m_modes.back().kind == FStringMode::Literal) return fstring_text();
  return fstring_field();
}

Token Lexer::State::top_level_token() {
  if (m_pending_indents) return indentation_token();
  if (m_at_line_start) {
    m_at_line_start = false;
    if (!indentation()) return error_token();
    if (m_pending_indents) return indentation_token();
  }
  return scan_token();
}

// CPython's beginning-of-line loop: measures the indentation of the next line
// that is not blank or a comment, and compares it with the stack, both with
// tabs to multiples of 8 and with tabs as 1 column; the two must agree.
bool Lexer::State::indentation() {
  for (;;) {
    int col = 0, alt_col = 0, continuation_col = 0;
    const char* p = m_cursor;
    for (;;) {
      char c = *p;
      if (c == ' ') {
        ++col;
        ++alt_col;
        ++p;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        ++alt_col;
        ++p;
      } else if (c == '\f') {
        col = alt_col = 0;  // form feed resets the column, as in Emacs
        ++p;
      } else if (c == '\\') {
        // Indentation cannot be split over lines: the first backslash decides.
        continuation_col = continuation_col ? continuation_col : col;
        if (p[1] != '\n') {
          continuation_error(p);
          return false;
        }
        const char* backslash_line = m_line_start;
        p += 2;
        if (p == m_end) {
          eof_after_continuation(backslash_line);
          return false;
        }
        new_line(p);
        m_logical_line_start = p;
      } else {
        break;
      }
    }
    if (*p == '#' || *p == '\n') {
      // Blank lines and comment-only lines leave the indentation alone.
      p = static_cast<const char*>(std::memchr(p, '\n', size_t(m_end - p))) + 1;
      new_line(p);
      m_logical_line_start = p;
      m_cursor = p;
      continue;
    }
    m_cursor = p;
    if (p == m_end && m_null_byte_lineno) {
      null_byte_error();
      return false;
    }
    if (continuation_col) col = alt_col = continuation_col;
    auto tab_error = [&] {
      fail(ErrorOrigin::TokenizerState, SyntaxErrorKind::TabError,
           "inconsistent use of tabs and spaces in indentation", m_lineno, 1, m_lineno, 0);
      return false;
    };
    if (col == m_indent_cols[m_indent_level]) {
      if (alt_col != m_alt_indent_cols[m_indent_level]) return tab_error();
    } else if (col > m_indent_cols[m_indent_level]) {
      if (m_indent_level + 1 >= kMaxIndent) {
        fail(ErrorOrigin::TokenizerState, SyntaxErrorKind::IndentationError,
             "too many levels of indentation", m_lineno, 1, m_lineno, 0);
        return false;
      }
      if (alt_col <= m_alt_indent_cols[m_indent_level]) return tab_error();
      ++m_pending_indents;
      ++m_indent_level;
      m_indent_cols[m_indent_level] = col;
      m_alt_indent_cols[m_indent_level] = alt_col;
    } else {
      while (m_indent_level > 0 && col < m_indent_cols[m_indent_level]) {
        --m_pending_indents;
        --m_indent_level;
      }
      if (col != m_indent_cols[m_indent_level]) {
        // CPython's cursor is at the end of the line when it reports this.
        const char* line_end = static_cast<const char*>(std::memchr(p, '\n', size_t(m_end - p)));
        line_end = line_end ? line_end + 1 : m_end;
        fail(ErrorOrigin::TokenizerState, SyntaxErrorKind::IndentationError,
             "unindent does not match any outer indentation level", m_lineno,
             count_chars(m_line_start, line_end), m_lineno, -1);
        return false;
      }
      if (alt_col != m_alt_indent_cols[m_indent_level]) return tab_error();
    }
    return true;
  }
}

Token Lexer::State::indentation_token() {
  Token token;
  token.loc.lineno = token.loc.end_lineno = m_lineno;
  token.loc.end_col_offset = int32_t(m_cursor - m_line_start);
  if (m_pending_indents > 0) {
    --m_pending_indents;
    token.kind = TokenKind::INDENT;
    token.text = std::string_view(m_line_start, size_t(m_cursor - m_line_start));
  } else {
    ++m_pending_indents;
    token.kind = TokenKind::DEDENT;
    token.loc.col_offset = token.loc.end_col_offset;
    token.text = std::string_view(m_cursor, 0);
  }
  return token;
}

Token Lexer::State::end_of_input() {
  if (m_null_byte_lineno) return null_byte_error();
  if (!m_brackets.empty()) return unclosed_bracket();
  Token token;
  token.kind = TokenKind::ENDMARKER;
  token.loc.lineno = token.loc.end_lineno = m_lineno;
  token.text = std::string_view(m_end, 0);
  return token;
}

// The ordinary scanner: names, numbers, operators, string literals (an
// f-string only as far as its FSTRING_START), newlines, and the end.
Token Lexer::State::scan_token() {
  const char* comment = nullptr;
  const char* marker = nullptr;
  for (;;) {
    const char* start = m_cursor;
    m_token_line_start = m_line_start;
    m_token_logical_line_start = m_logical_line_start;
    /*!re2c
      re2c:flags:utf-8 = 0;
      re2c:define:YYCTYPE = "unsigned char";
      re2c:define:YYCURSOR = m_cursor;
      re2c:define:YYMARKER = marker;
      re2c:yyfill:enable = 0;
      re2c:indent:string = "  ";

      identifier_start = [a-zA-Z_\x80-\xff];
      identifier_char = [a-zA-Z0-9_\x80-\xff];
      string_prefix = [bBrRuUfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];

      "\x00" {
        m_cursor = start;
        if (start == m_end) return end_of_input();
        // The temporary NUL at the end of an f-string field's expression.
        m_hit_expression_end = true;
        return Token();
      }

      [ \t\f]+ { continue; }

      "#" [^\n\x00]* { comment = start; continue; }

      "\n" {
        if (in_brackets()) {
          // Implicit line joining. (Inside an f-string CPython is still
          // reading one token, its tok->buf stays.)
          new_line(m_cursor);
          if (m_modes.empty()) m_logical_line_start = m_cursor;
          m_at_bracketed_line_start = true;
          comment = nullptr;
          continue;
        }
        // As CPython's, the NEWLINE token starts at a comment before it and
        // ends before the newline character.
        Token token = make(TokenKind::NEWLINE, comment ? comment : start, start);
        token.text = std::string_view(start, 1);
        new_line(m_cursor);
        m_logical_line_start = m_cursor;
        m_at_line_start = true;
        return token;
      }

      "\\" {
        if (*m_cursor != '\n') return continuation_error(start);
        const char* backslash_line = m_line_start;
        ++m_cursor;
        if (m_cursor == m_end) return eof_after_continuation(backslash_line);
        new_line(m_cursor);
        if (m_at_bracketed_line_start) m_logical_line_start = m_cursor;
        continue;
      }

      string_prefix? ['"] { m_at_bracketed_line_start = false; return string_literal(start); }

      [0-9] | "." [0-9] { m_at_bracketed_line_start = false; return number(start); }

      "False"    { return keyword(start, TokenKind::KW_FALSE); }
      "None"     { return keyword(start, TokenKind::KW_NONE); }
      "True"     { return keyword(start, TokenKind::KW_TRUE); }
      "and"      { return keyword(start, TokenKind::KW_AND); }
      "as"       { return keyword(start, TokenKind::KW_AS); }
      "assert"   { return keyword(start, TokenKind::KW_ASSERT); }
      "async"    { return keyword(start, TokenKind::KW_ASYNC); }
      "await"    { return keyword(start, TokenKind::KW_AWAIT); }
      "break"    { return keyword(start, TokenKind::KW_BREAK); }
      "class"    { return keyword(start, TokenKind::KW_CLASS); }
      "continue" { return keyword(start, TokenKind::KW_CONTINUE); }
      "def"      { return keyword(start, TokenKind::KW_DEF); }
      "del"      { return keyword(start, TokenKind::KW_DEL); }
      "elif"     { return keyword(start, TokenKind::KW_ELIF); }
      "else"     { return keyword(start, TokenKind::KW_ELSE); }
      "except"   { return keyword(start, TokenKind::KW_EXCEPT); }
      "finally"  { return keyword(start, TokenKind::KW_FINALLY); }
      "for"      { return keyword(start, TokenKind::KW_FOR); }
      "from"     { return keyword(start, TokenKind::KW_FROM); }
      "global"   { return keyword(start, TokenKind::KW_GLOBAL); }
      "if"       { return keyword(start, TokenKind::KW_IF); }
      "import"   { return keyword(start, TokenKind::KW_IMPORT); }
      "in"       { return keyword(start, TokenKind::KW_IN); }
      "is"       { return keyword(start, TokenKind::KW_IS); }
      "lambda"   { return keyword(start, TokenKind::KW_LAMBDA); }
      "nonlocal" { return keyword(start, TokenKind::KW_NONLOCAL); }
      "not"      { return keyword(start, TokenKind::KW_NOT); }
      "or"       { return keyword(start, TokenKind::KW_OR); }
      "pass"     { return keyword(start, TokenKind::KW_PASS); }
      "raise"    { return keyword(start, TokenKind::KW_RAISE); }
      "return"   { return keyword(start, TokenKind::KW_RETURN); }
      "try"      { return keyword(start, TokenKind::KW_TRY); }
      "while"    { return keyword(start, TokenKind::KW_WHILE); }
      "with"     { return keyword(start, TokenKind::KW_WITH); }
      "yield"    { return keyword(start, TokenKind::KW_YIELD); }

      identifier_start identifier_char* { return name(start); }

      "(" { return open_bracket(start, TokenKind::LPAR); }
      "[" { return open_bracket(start, TokenKind::LSQB); }
      "{" { return open_bracket(start, TokenKind::LBRACE); }
      ")" { return close_bracket(start, TokenKind::RPAR); }
      "]" { return close_bracket(start, TokenKind::RSQB); }
      "}" { return close_bracket(start, TokenKind::RBRACE); }

      ":"   { return operator_token(start, TokenKind::COLON); }
      ","   { return operator_token(start, TokenKind::COMMA); }
      ";"   { return operator_token(start, TokenKind::SEMI); }
      "+"   { return operator_token(start, TokenKind::PLUS); }
      "-"   { return operator_token(start, TokenKind::MINUS); }
      "*"   { return operator_token(start, TokenKind::STAR); }
      "/"   { return operator_token(start, TokenKind::SLASH); }
      "|"   { return operator_token(start, TokenKind::VBAR); }
      "&"   { return operator_token(start, TokenKind::AMPER); }
      "<"   { return operator_token(start, TokenKind::LESS); }
      ">"   { return operator_token(start, TokenKind::GREATER); }
      "="   { return operator_token(start, TokenKind::EQUAL); }
      "."   { return operator_token(start, TokenKind::DOT); }
      "%"   { return operator_token(start, TokenKind::PERCENT); }
      "=="  { return operator_token(start, TokenKind::EQEQUAL); }
      "!="  { return operator_token(start, TokenKind::NOTEQUAL); }
      "<="  { return operator_token(start, TokenKind::LESSEQUAL); }
      ">="  { return operator_token(start, TokenKind::GREATEREQUAL); }
      "~"   { return operator_token(start, TokenKind::TILDE); }
      "^"   { return operator_token(start, TokenKind::CIRCUMFLEX); }
      "<<"  { return operator_token(start, TokenKind::LEFTSHIFT); }
      ">>"  { return operator_token(start, TokenKind::RIGHTSHIFT); }
      "**"  { return operator_token(start, TokenKind::DOUBLESTAR); }
      "+="  { return operator_token(start, TokenKind::PLUSEQUAL); }
      "-="  { return operator_token(start, TokenKind::MINEQUAL); }
      "*="  { return operator_token(start, TokenKind::STAREQUAL); }
      "/="  { return operator_token(start, TokenKind::SLASHEQUAL); }
      "%="  { return operator_token(start, TokenKind::PERCENTEQUAL); }
      "&="  { return operator_token(start, TokenKind::AMPEREQUAL); }
      "|="  { return operator_token(start, TokenKind::VBAREQUAL); }
      "^="  { return operator_token(start, TokenKind::CIRCUMFLEXEQUAL); }
      "<<=" { return operator_token(start, TokenKind::LEFTSHIFTEQUAL); }
      ">>=" { return operator_token(start, TokenKind::RIGHTSHIFTEQUAL); }
      "**=" { return operator_token(start, TokenKind::DOUBLESTAREQUAL); }
      "//"  { return operator_token(start, TokenKind::DOUBLESLASH); }
      "//=" { return operator_token(start, TokenKind::DOUBLESLASHEQUAL); }
      "@"   { return operator_token(start, TokenKind::AT); }
      "@="  { return operator_token(start, TokenKind::ATEQUAL); }
      "->"  { return operator_token(start, TokenKind::RARROW); }
      "..." { return operator_token(start, TokenKind::ELLIPSIS); }
      ":="  { return operator_token(start, TokenKind::COLONEQUAL); }

      // CPython's tokenizer passes these on as operators the grammar has no
      // use for ("<>" is Barry-as-FLUFL's inequality).
      "!" | "<>" | [$?`] { return invalid_syntax(start, m_cursor); }

      * {
        // The remaining ASCII controls (\r cannot occur after normalization).
        return fail_at(ErrorOrigin::Tokenizer,
                       format("invalid non-printable character U+%04X",
                              static_cast<unsigned char>(*start)),
                       m_cursor);
      }
    */
  }
}

Token Lexer::State::keyword(const char* start, TokenKind kind) {
  m_at_bracketed_line_start = false;
  return make(kind, start, m_cursor);
}

Token Lexer::State::operator_token(const char* start, TokenKind kind) {
  m_at_bracketed_line_start = false;
  return make(kind, start, m_cursor);
}

Token Lexer::State::open_bracket(const char* start, TokenKind kind) {
  m_at_bracketed_line_start = false;
  if (int(m_brackets.size()) - bracket_base() >= kMaxBrackets)
    return fail_at(ErrorOrigin::Tokenizer, "too many nested parentheses", m_cursor);
  m_brackets.push_back(OpenBracket{*start, m_lineno, start, m_line_start});
  return make(kind, start, m_cursor);
}

Token Lexer::State::close_bracket(const char* start, TokenKind kind) {
  m_at_bracketed_line_start = false;
  char closing = *start;
  if (int(m_brackets.size()) == bracket_base())
    return fail_at(ErrorOrigin::Tokenizer, format("unmatched '%c'", closing), m_cursor);
  OpenBracket open = m_brackets.back();
  m_brackets.pop_back();
  char expected = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
  if (closing != expected) {
    std::string message =
        open.lineno != m_lineno
            ? format("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                     closing, open.bracket, open.lineno)
            : format("closing parenthesis '%c' does not match opening parenthesis '%c'", closing,
                     open.bracket);
    return fail_at(ErrorOrigin::Tokenizer, std::move(message), m_cursor);
  }
  return make(kind, start, m_cursor);
}

// A name that is not a keyword. Non-ASCII names are checked and normalized
// as CPython's verify_identifier and NFKC normalization do.
Token Lexer::State::name(const char* start) {
  m_at_bracketed_line_start = false;
  Token token = make(TokenKind::NAME, start, m_cursor);
  if (!has_non_ascii(start, m_cursor)) {
    token.value = token.text;
    return token;
  }
  std::string problem = utf8_error(start, m_cursor);
  if (!problem.empty()) {
    return fail(ErrorOrigin::Tokenizer, SyntaxErrorKind::SyntaxError,
                "(unicode error) " + problem, m_lineno, count_chars(m_line_start, m_cursor), m_lineno,
                -1);
  }
  auto s = reinterpret_cast<const unsigned char*>(start);
  auto e = reinterpret_cast<const unsigned char*>(m_cursor);
  for (bool first = true; s < e; first = false) {
    char32_t code = 0;
    int length = utf8_step(s, e, &code);
    s += length;
    if (first ? (is_xid_start(code) || code == '_') : is_xid_continue(code)) continue;
    // The offset names the bad character itself.
    const char* after = reinterpret_cast<const char*>(s);
    std::string message =
        is_printable(code)
            ? format("invalid character '%.*s' (U+%04X)", length, after - length, unsigned(code))
            : format("invalid non-printable character U+%04X", unsigned(code));
    return fail_at(ErrorOrigin::Tokenizer, std::move(message), after);
  }
  if (m_tokenizer_only) return token;
  m_scratch.assign(start, m_cursor);
  utf8proc_uint8_t* normalized =
      utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(m_scratch.c_str()));
  if (normalized) {
    token.value = store(reinterpret_cast<const char*>(normalized));
    std::free(normalized);
  } else {
    token.value = token.text;
  }
  return token;
}

// ---------------------------------------------------------------------------
// Numbers: CPython's tok_get, step by step. `next` and `back` play the parts
// of tok_nextc and tok_backup; the position of each error is where CPython's
// cursor stands.

Token Lexer::State::number(const char* start) {
  m_at_bracketed_line_start = false;
  constexpr int kEof = -1;
  const char* p = start;
  auto next = [&]() -> int {
    if (*p == '\0') return kEof;
    return static_cast<unsigned char>(*p++);
  };
  auto back = [&](int c) {
    if (c != kEof) --p;
  };
  auto error_here = [&](std::string message) { return fail_at(ErrorOrigin::Tokenizer, std::move(message), p); };
  // tok_decimal_tail: digits with single underscores between them. Returns the
  // character after them, or kFailed.
  constexpr int kFailed = -2;
  auto decimal_tail = [&]() -> int {
    int c;
    for (;;) {
      do c = next(); while (is_digit(c));
      if (c != '_') break;
      c = next();
      if (!is_digit(c)) {
        back(c);
        error_here("invalid decimal literal");
        return kFailed;
      }
    }
    return c;
  };
  // verify_end_of_number: a letter right after a number is an error, except
  // before the keywords that may follow one (1if x else y), which CPython
  // only warns about.
  auto verify_end = [&](int c, const char* kind) -> bool {
    auto lookahead = [&](const char* rest) {
      const char* saved = p;
      bool result = false;
      for (;;) {
        int d = next();
        if (*rest == '\0') {
          result = !is_identifier_char(d);
          break;
        }
        if (d != *rest) break;
        ++rest;
      }
      p = saved;
      return result;
    };
    bool keyword_follows = false;
    if (c == 'a') keyword_follows = lookahead("nd");
    else if (c == 'e') keyword_follows = lookahead("lse");
    else if (c == 'f') keyword_follows = lookahead("or");
    else if (c == 'i') {
      int d = next();
      keyword_follows = d == 'f' || d == 'n' || d == 's';
      back(d);
    } else if (c == 'o') keyword_follows = lookahead("r");
    else if (c == 'n') keyword_follows = lookahead("ot");
    if (!keyword_follows && c < 128 && is_identifier_char(c)) {
      back(c);
      error_here(format("invalid %s literal", kind));
      return false;
    }
    return true;
  };

  int c = next();
  int exponent_char;
  if (c == '.') {
    c = next();
    goto fraction;
  }
  if (c == '0') {
    c = next();
    if (c == 'x' || c == 'X') {
      c = next();
      do {
        if (c == '_') c = next();
        if (!is_hex_digit(c)) {
          back(c);
          return error_here("invalid hexadecimal literal");
        }
        do c = next(); while (is_hex_digit(c));
      } while (c == '_');
      if (!verify_end(c, "hexadecimal")) return error_token();
      goto done;
    }
    if (c == 'o' || c == 'O') {
      c = next();
      do {
        if (c == '_') c = next();
        if (c < '0' || c >= '8') {
          if (is_digit(c)) return error_here(format("invalid digit '%c' in octal literal", c));
          back(c);
          return error_here("invalid octal literal");
        }
        do c = next(); while ('0' <= c && c < '8');
      } while (c == '_');
      if (is_digit(c)) return error_here(format("invalid digit '%c' in octal literal", c));
      if (!verify_end(c, "octal")) return error_token();
      goto done;
    }
    if (c == 'b' || c == 'B') {
      c = next();
      do {
        if (c == '_') c = next();
        if (c != '0' && c != '1') {
          if (is_digit(c)) return error_here(format("invalid digit '%c' in binary literal", c));
          back(c);
          return error_here("invalid binary literal");
        }
        do c = next(); while (c == '0' || c == '1');
      } while (c == '_');
      if (is_digit(c)) return error_here(format("invalid digit '%c' in binary literal", c));
      if (!verify_end(c, "binary")) return error_token();
      goto done;
    }
    // Zeros, then maybe the old octal form, which is no longer allowed.
    bool nonzero = false;
    for (;;) {
      if (c == '_') {
        c = next();
        if (!is_digit(c)) {
          back(c);
          return error_here("invalid decimal literal");
        }
      }
      if (c != '0') break;
      c = next();
    }
    const char* zeros_end = p;
    if (is_digit(c)) {
      nonzero = true;
      c = decimal_tail();
      if (c == kFailed) return error_token();
    }
    if (c == '.') {
      c = next();
      goto fraction;
    }
    if (c == 'e' || c == 'E') goto exponent;
    if (c == 'j' || c == 'J') goto imaginary;
    if (nonzero) {
      // CPython gives this range in bytes, not characters.
      return fail(ErrorOrigin::Tokenizer, SyntaxErrorKind::SyntaxError,
                  "leading zeros in decimal integer literals are not permitted; "
                  "use an 0o prefix for octal integers",
                  m_lineno, int(start - m_line_start) + 1, m_lineno, int(zeros_end - m_line_start));
    }
    if (!verify_end(c, "decimal")) return error_token();
    goto done;
  }
  c = decimal_tail();
  if (c == kFailed) return error_token();
  if (c == '.') {
    c = next();
  fraction:
    if (is_digit(c)) {
      c = decimal_tail();
      if (c == kFailed) return error_token();
    }
  }
  if (c == 'e' || c == 'E') {
  exponent:
    exponent_char = c;
    c = next();
    if (c == '+' || c == '-') {
      c = next();
      if (!is_digit(c)) {
        back(c);
        return error_here("invalid decimal literal");
      }
    } else if (!is_digit(c)) {
      // "1e" then a name: the number ends before the e (1else).
      back(c);
      if (!verify_end(exponent_char, "decimal")) return error_token();
      back(exponent_char);
      m_cursor = p;
      return make(TokenKind::NUMBER, start, p);
    }
    c = decimal_tail();
    if (c == kFailed) return error_token();
  }
  if (c == 'j' || c == 'J') {
  imaginary:
    c = next();
    if (!verify_end(c, "imaginary")) return error_token();
  } else if (!verify_end(c, "decimal")) {
    return error_token();
  }
done:
  back(c);
  m_cursor = p;
  return make(TokenKind::NUMBER, start, p);
}

// ---------------------------------------------------------------------------
// String literals

Token Lexer::State::string_literal(const char* start) {
  const char* quote_position = m_cursor - 1;
  const char quote = *quote_position;
  uint8_t flags = 0;
  for (const char* p = start; p < quote_position; ++p) {
    switch (*p | 0x20) {
      case 'b': flags |= kStringBytes; break;
      case 'r': flags |= kStringRaw; break;
      case 'u': flags |= kStringUnicode; break;
      case 'f': flags |= kStringFormat; break;
    }
  }
  // Find the end first, as CPython's tokenizer does for every kind of string:
  // the same quote ends it, a backslash escapes the next character.
  const int start_lineno = m_lineno;
  const char* const start_line = m_line_start;
  const char* p = m_cursor;
  int quote_size = 1;
  if (p[0] == quote && p[1] == quote) {
    quote_size = 3;
    p += 2;
  }
  const char* const content_begin = p;
  for (int quotes_seen = 0;;) {
    char c = *p;
    if (c == '\0' || (c == '\n' && quote_size == 1))
      return unterminated_string(start, start_lineno, start_line, quote_size, p);
    ++p;
    if (c == quote) {
      if (++quotes_seen == quote_size) break;
      continue;
    }
    quotes_seen = 0;
    if (c == '\n') {
      new_line(p);
    } else if (c == '\\') {
      if (*p == '\n') {
        ++p;
        new_line(p);
      } else if (*p != '\0') {
        ++p;
      }
    }
  }
  const char* const content_end = p - quote_size;
  m_cursor = p;
  if (quote_size == 3) flags |= kStringTriple;

  Token token;
  token.kind = TokenKind::STRING;
  token.flags = flags;
  token.loc.lineno = start_lineno;
  token.loc.col_offset = int32_t(start - start_line);
  token.loc.end_lineno = m_lineno;
  token.loc.end_col_offset = int32_t(p - m_line_start);
  token.text = std::string_view(start, size_t(p - start));
  if (m_tokenizer_only) return token;

  uint8_t& run = current_run_kind();
  if (flags & kStringFormat) {
    if (run == kBytesRun) return literal_error("cannot mix bytes and nonbytes literals");
    run = kStrRun;
    FStringMode mode;
    mode.kind = FStringMode::Literal;
    mode.raw = flags & kStringRaw;
    mode.quote_size = uint8_t(quote_size);
    mode.content_end = content_end;
    mode.bracket_base = int(m_brackets.size());
    mode.literal = token.loc;
    m_modes.push_back(mode);
    // Go back and walk the inside.
    m_cursor = content_begin;
    m_lineno = start_lineno;
    m_line_start = start_line;
    Token fstring_start = make(TokenKind::FSTRING_START, start, content_begin);
    fstring_start.flags = flags;
    return fstring_start;
  }

  // The value, as string_parser.c's parsestr: without a backslash there is
  // nothing to decode, and the value is the text itself.
  const bool bytes = flags & kStringBytes;
  const bool raw = (flags & kStringRaw) || !contains_byte(content_begin, content_end, '\\');
  std::string problem;
  if (bytes) {
    if (has_non_ascii(content_begin, content_end)) {
      RawLocation location{start_lineno, start_line, int(start - start_line), m_lineno,
                           int(p - m_line_start)};
      return literal_error("bytes can only contain ASCII literal characters", &location);
    }
  }
  if (raw) {
    if (!bytes) problem = utf8_error(content_begin, content_end);
    if (!problem.empty()) return literal_error("(unicode error) " + problem);
    token.value = std::string_view(content_begin, size_t(content_end - content_begin));
  } else {
    m_scratch.clear();
    std::string invalid;
    bool ok = bytes ? decode_bytes_escapes(content_begin, content_end, m_scratch, problem, &invalid)
                    : decode_str_escapes(content_begin, content_end, m_scratch, problem, &invalid);
    if (!ok) return literal_error(std::move(problem));
    if (!invalid.empty()) m_warnings.push_back({std::move(invalid), token.loc});
    token.value = m_scratch.empty() ? std::string_view(content_begin, 0) : store(m_scratch);
  }
  uint8_t kind = bytes ? kBytesRun : kStrRun;
  uint8_t& current_run = current_run_kind();
  if (current_run != kNoRun && current_run != kind)
    return literal_error("cannot mix bytes and nonbytes literals");
  current_run = kind;
  return token;
}

// ---------------------------------------------------------------------------
// Inside an f-string

// Literal text up to the next replacement field, the end of a format spec,
// or the closing quote, as string_parser.c's fstring_find_literal; then what
// comes there.
Token Lexer::State::fstring_text() {
  FStringMode& mode = m_modes.back();
  const char* const stop = mode.content_end;
  const char* s = m_cursor;
  if (s == stop) {
    if (mode.depth > 0) return literal_error("f-string: expecting '}'");
    int quote_size = mode.quote_size;
    m_modes.pop_back();
    m_cursor = s + quote_size;
    return make(TokenKind::FSTRING_END, s, m_cursor);
  }
  if (*s == '}' && mode.depth > 0) {
    m_modes.pop_back();  // the spec ends; its field closes with this brace
    return fstring_field();
  }

  // CPython decodes the text in pieces: a doubled brace ends a piece (which
  // keeps one brace). Error positions count from the start of the piece. The
  // value stays a view of the source while it is one piece with nothing to
  // decode.
  const char* const text_begin = s;
  const int text_lineno = m_lineno;
  const char* const text_line = m_line_start;
  std::string_view value;
  bool have_piece = false, in_scratch = false;
  std::string problem;
  for (;;) {
    const char* piece_begin = s;
    bool doubled = false;
    while (s < stop) {
      char ch = *s++;
      if (!mode.raw && ch == '\\' && s < stop) {
        ch = *s++;
        if (ch == 'N') {
          // \N{...}: its braces are not a field.
          if (s < stop && *s++ == '{') {
            while (s < stop && *s++ != '}') {
            }
          }
          continue;
        }
        // A backslash does not escape a brace (CPython warns).
      }
      if (ch == '{' || ch == '}') {
        if (mode.depth == 0) {
          if (s < stop && *s == ch) {
            doubled = true;
            break;
          }
          if (ch == '}') return literal_error("f-string: single '}' is not allowed");
        }
        --s;
        break;
      }
    }
    if (piece_begin < s) {
      std::string_view piece(piece_begin, size_t(s - piece_begin));
      if (mode.raw) {
        problem = utf8_error(piece_begin, s);
        if (!problem.empty()) return literal_error("(unicode error) " + problem);
      }
      bool plain = mode.raw || (!contains_byte(piece_begin, s, '\\') && utf8_error(piece_begin, s).empty());
      if (plain && !have_piece) {
        value = piece;
      } else {
        if (!in_scratch) {
          m_scratch.assign(value);
          in_scratch = true;
        }
        std::string invalid;
        if (plain) m_scratch.append(piece);
        else if (!decode_str_escapes(piece_begin, s, m_scratch, problem, &invalid))
          return literal_error(std::move(problem));
        if (!invalid.empty()) {
          // Reported at the whole f-string, as CPython 3.11's single token.
          ast::Location where{};
          for (auto it = m_modes.rbegin(); it != m_modes.rend(); ++it) {
            if (it->literal.lineno > 0) {
              where = it->literal;
              break;
            }
          }
          m_warnings.push_back({std::move(invalid), where});
        }
      }
      have_piece = true;
    }
    if (!doubled) break;
    ++s;  // the second brace of the pair
  }
  if (s == text_begin) return fstring_field_start(s);  // no text before a `{`
  if (in_scratch) value = m_scratch.empty() ? std::string_view(text_begin, 0) : store(m_scratch);
  advance_to(s);
  Token token;
  token.kind = TokenKind::FSTRING_MIDDLE;
  token.loc.lineno = text_lineno;
  token.loc.col_offset = int32_t(text_begin - text_line);
  token.loc.end_lineno = m_lineno;
  token.loc.end_col_offset = int32_t(s - m_line_start);
  token.text = std::string_view(text_begin, size_t(s - text_begin));
  token.value = value;
  return token;
}

// A `{` that starts a replacement field. Its expression is delimited first,
// with CPython's own scan (fstring_find_expr), which also reports the errors
// found on the way; then its tokens come from scan_token().
Token Lexer::State::fstring_field_start(const char* brace) {
  const FStringMode& text = m_modes.back();
  if (text.depth >= kMaxFormatSpecDepth)
    return literal_error("f-string: expressions nested too deeply");
  const char* const stop = text.content_end;
  char quote_char = 0;
  int string_type = 0;
  int depth = 0;
  char opening[kMaxBrackets];
  const char* p = brace + 1;
  for (; p < stop; ++p) {
    char ch = *p;
    if (ch == '\\') return literal_error("f-string expression part cannot include a backslash");
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (p + 2 < stop && p[1] == ch && p[2] == ch) {
            p += 2;
            string_type = 0;
            quote_char = 0;
          }
        } else {
          string_type = 0;
          quote_char = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (p + 2 < stop && p[1] == ch && p[2] == ch) {
        string_type = 3;
        p += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (depth >= kMaxBrackets) return literal_error("f-string: too many nested parenthesis");
      opening[depth++] = ch;
    } else if (ch == '#') {
      return literal_error("f-string expression part cannot include '#'");
    } else if (depth == 0 &&
               (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      // "!=", "==", "<=" and ">=" do not end the expression; nor do lone
      // "<" and ">".
      if (p + 1 < stop && p[1] == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
        ++p;
        continue;
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (depth == 0) return literal_error(format("f-string: unmatched '%c'", ch));
      char open = opening[--depth];
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
            (open == '{' && ch == '}'))) {
        return literal_error(format(
            "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch,
            open));
      }
    }
  }
  if (quote_char) return literal_error("f-string: unterminated string");
  if (depth) return literal_error(format("f-string: unmatched '%c'", opening[depth - 1]));
  if (p >= stop) return literal_error("f-string: expecting '}'");
  bool empty = true;
  for (const char* q = brace + 1; q < p && empty; ++q)
    empty = *q == ' ' || *q == '\t' || *q == '\n' || *q == '\f';
  if (empty) {
    if (*p == '!' || *p == ':' || *p == '=')
      return literal_error(format("f-string: expression required before '%c'", *p));
    return literal_error("f-string: empty expression not allowed");
  }

  FStringMode field;
  field.kind = FStringMode::Field;
  field.phase = FStringMode::Expression;
  field.raw = text.raw;
  field.quote_size = text.quote_size;
  field.depth = text.depth;
  field.content_end = stop;
  field.expression_begin = brace + 1;
  field.expression_end = p;
  field.saved_char = *p;
  field.bracket_base = int(m_brackets.size());
  m_modes.push_back(field);
  *const_cast<char*>(p) = '\0';  // scan_token() stops here
  m_cursor = brace + 1;
  return make(TokenKind::LBRACE, brace, brace + 1);
}

// The rest of a replacement field: its expression's tokens, then
// `=` (self-documenting), `!` and the conversion, `:` and the format spec,
// and the closing brace, in CPython's order and with its errors.
Token Lexer::State::fstring_field() {
  FStringMode* field = &m_modes.back();
  if (field->phase == FStringMode::Expression) {
    Token token = scan_token();
    if (!m_hit_expression_end) {
      if (!m_failed && token.kind != TokenKind::STRING && token.kind != TokenKind::FSTRING_START)
        m_modes.back().run_kind = kNoRun;
      return token;
    }
    m_hit_expression_end = false;
    field = &m_modes.back();
    *const_cast<char*>(field->expression_end) = field->saved_char;
    field->phase = FStringMode::AfterExpression;
  }
  const char* const stop = field->content_end;
  if (field->phase == FStringMode::AfterExpression) {
    field->phase = FStringMode::AfterDebug;
    if (*m_cursor == '=') {
      const char* equal = m_cursor;
      const char* q = m_cursor + 1;
      while (q < stop && is_space(*q)) ++q;
      if (q >= stop) return literal_error("f-string: expecting '}'");
      Token token = make(TokenKind::EQUAL, equal, equal + 1);
      token.value = std::string_view(field->expression_begin, size_t(q - field->expression_begin));
      advance_to(q);
      return token;
    }
  }
  if (field->phase == FStringMode::AfterDebug) {
    if (*m_cursor == '!') {
      if (m_cursor + 1 >= stop) return literal_error("f-string: expecting '}'");
      field->phase = FStringMode::Conversion;
      ++m_cursor;
      return make(TokenKind::EXCLAMATION, m_cursor - 1, m_cursor);
    }
    field->phase = FStringMode::AfterConversion;
  }
  if (field->phase == FStringMode::Conversion) {
    char conversion = *m_cursor;
    if (conversion != 's' && conversion != 'r' && conversion != 'a')
      return literal_error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    field->phase = FStringMode::AfterConversion;
    ++m_cursor;
    Token token = make(TokenKind::NAME, m_cursor - 1, m_cursor);
    token.value = token.text;
    return token;
  }
  if (field->phase == FStringMode::AfterConversion) {
    field->phase = FStringMode::Close;
    if (*m_cursor == ':') {
      if (m_cursor + 1 >= stop) return literal_error("f-string: expecting '}'");
      FStringMode spec;
      spec.kind = FStringMode::Literal;
      spec.raw = field->raw;
      spec.quote_size = field->quote_size;
      spec.depth = uint8_t(field->depth + 1);
      spec.content_end = stop;
      spec.bracket_base = int(m_brackets.size());
      ++m_cursor;
      Token token = make(TokenKind::COLON, m_cursor - 1, m_cursor);
      m_modes.push_back(spec);
      return token;
    }
  }
  if (m_cursor >= stop || *m_cursor != '}') return literal_error("f-string: expecting '}'");
  m_modes.pop_back();
  ++m_cursor;
  return make(TokenKind::RBRACE, m_cursor - 1, m_cursor);
}

// ---------------------------------------------------------------------------
// Soft keywords

// `match` or `case` first on a logical line begins a match statement or a
// case block when the line ends with ':' and the next token does not make
// the line an ordinary statement (match = 1, match.x, match: int, …); and
// also, so that the parser can say "expected ':'" as CPython does, when the
// line lacks the colon but the next token can only begin a subject
// (match x), which no ordinary statement allows.
void Lexer::State::decide_soft_keyword(Token& keyword_token) {
  for (;;) {
    Token token = produce();
    m_queue.push_back(token);
    if (token.kind == TokenKind::NEWLINE || token.kind == TokenKind::ENDMARKER ||
        token.kind == TokenKind::ERRORTOKEN)
      break;
  }
  if (m_queue.back().kind != TokenKind::NEWLINE || m_queue.size() < 2) return;
  TokenKind first = m_queue[0].kind;
  // Directly in a match body, `case` with a ':' outside brackets begins a
  // case block even when the body follows on the same line (`case [a]: pass`);
  // elsewhere that line is an annotated assignment to `case[a]`.
  if (keyword_token.text == "case" && !m_match_bodies.empty() && m_match_bodies.back() == m_block_depth) {
    int depth = 0;
    for (const Token& token : m_queue) {
      switch (token.kind) {
        case TokenKind::LPAR: case TokenKind::LSQB: case TokenKind::LBRACE: ++depth; break;
        case TokenKind::RPAR: case TokenKind::RSQB: case TokenKind::RBRACE: --depth; break;
        default: break;
      }
      if (token.kind == TokenKind::COLON && depth == 0 && &token != &m_queue[0]) {
        keyword_token.kind = TokenKind::SOFT_CASE;
        return;
      }
    }
  }
  bool soft;
  if (m_queue.size() >= 3 && m_queue[m_queue.size() - 2].kind == TokenKind::COLON) {
    switch (first) {
      case TokenKind::EQUAL: case TokenKind::DOT: case TokenKind::COLON: case TokenKind::COMMA:
      case TokenKind::SEMI: case TokenKind::RPAR: case TokenKind::RSQB: case TokenKind::RBRACE:
      case TokenKind::PLUSEQUAL: case TokenKind::MINEQUAL: case TokenKind::STAREQUAL:
      case TokenKind::SLASHEQUAL: case TokenKind::PERCENTEQUAL: case TokenKind::AMPEREQUAL:
      case TokenKind::VBAREQUAL: case TokenKind::CIRCUMFLEXEQUAL:
      case TokenKind::LEFTSHIFTEQUAL: case TokenKind::RIGHTSHIFTEQUAL:
      case TokenKind::DOUBLESTAREQUAL: case TokenKind::DOUBLESLASHEQUAL:
      case TokenKind::ATEQUAL: case TokenKind::COLONEQUAL: case TokenKind::NEWLINE:
        soft = false;
        break;
      default:
        soft = true;
    }
  } else {
    soft = first == TokenKind::NAME || first == TokenKind::NUMBER ||
           first == TokenKind::STRING || first == TokenKind::FSTRING_START ||
           first == TokenKind::LBRACE;
  }
  if (soft)
    keyword_token.kind = keyword_token.text == "match" ? TokenKind::SOFT_MATCH : TokenKind::SOFT_CASE;
}

// Follows the INDENTs and DEDENTs given to the parser, noting the depth of
// each match statement's body (its header's NEWLINE, then an INDENT).
void Lexer::State::track_blocks(TokenKind kind) {
  if (kind == TokenKind::SOFT_MATCH) {
    m_match_header = 1;
  } else if (kind == TokenKind::NEWLINE && m_match_header == 1) {
    m_match_header = 2;
  } else if (kind == TokenKind::INDENT) {
    ++m_block_depth;
    if (m_match_header == 2) m_match_bodies.push_back(m_block_depth);
    m_match_header = 0;
  } else if (m_match_header == 2) {
    m_match_header = 0;  // no body: the parser reports the error
  }
  if (kind == TokenKind::DEDENT) {
    --m_block_depth;
    while (!m_match_bodies.empty() && m_match_bodies.back() > m_block_depth) m_match_bodies.pop_back();
  }
}

// ---------------------------------------------------------------------------
// The public face

Lexer::Lexer(std::string_view source, Arena& arena, bool byte_offsets)
    : m_state(new State(source, arena, byte_offsets)) {}

Lexer::~Lexer() { delete m_state; }

Token Lexer::next() {
  State& state = *m_state;
  Token token;
  if (state.m_queue_head < state.m_queue.size()) {
    token = state.m_queue[state.m_queue_head++];
    if (state.m_queue_head == state.m_queue.size()) {
      state.m_queue.clear();
      state.m_queue_head = 0;
    }
  } else {
    bool statement_start = state.m_at_statement_start;
    token = state.produce();
    if (statement_start && token.kind == TokenKind::NAME &&
        (token.text == "match" || token.text == "case"))
      state.decide_soft_keyword(token);
  }
  if (token.kind != TokenKind::ERRORTOKEN) state.m_last_token_lineno = token.loc.lineno;
  state.m_at_statement_start = token.kind == TokenKind::NEWLINE ||
                             token.kind == TokenKind::INDENT || token.kind == TokenKind::DEDENT;
  state.track_blocks(token.kind);
  return token;
}

const SyntaxErrorInfo& Lexer::error() const { return m_state->m_error; }

const std::vector<LexWarning>& Lexer::warnings() const { return m_state->m_warnings; }

std::string_view Lexer::text() const {
  return std::string_view(m_state->m_begin, size_t(m_state->m_end - m_state->m_begin));
}

SyntaxErrorInfo Lexer::check_rest_for_errors(const SyntaxErrorInfo& parser_error) {
  m_state->check_rest_for_errors(parser_error);
  return m_state->m_error;
}

}  // namespace coil
