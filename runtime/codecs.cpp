// The built-in text codecs (runtime/codecs.h).
//
// Decoders read bytes and write coil's str storage (UTF-8, lone surrogates
// as 3-byte sequences); encoders read a str's code points. Both report
// each malformed or unencodable range to an error handler, which either
// raises the Unicode error CPython raises for that range or says what to
// write and where to resume — the protocol of CPython's
// unicode_decode_call_errorhandler, with the standard handlers built in.
// The ranges and reasons follow CPython's decoders exactly, since they show
// up in messages ("can't decode bytes in position 0-1: invalid
// continuation byte") and decide how many U+FFFD 'replace' writes.
#include "runtime/codecs.h"

#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include "lexer/unicode_names.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

enum class Codec {
  Utf8, Utf8Sig, Ascii, Latin1, Utf16, Utf16Le, Utf16Be, Utf32, Utf32Le, Utf32Be,
  UnicodeEscape, RawUnicodeEscape, Cp1252,
  NotText,  // a bytes-to-bytes or str-to-str codec (hex, rot13…)
  Unknown,
};

struct Alias {
  const char* name;
  Codec codec;
};

// encodings/aliases.py and the module names of encodings/, for the codecs
// coil implements; names as normalize_encoding leaves them.
constexpr Alias kAliases[] = {
    {"utf_8", Codec::Utf8}, {"utf8", Codec::Utf8}, {"u8", Codec::Utf8}, {"utf", Codec::Utf8},
    {"utf8_ucs2", Codec::Utf8}, {"utf8_ucs4", Codec::Utf8}, {"cp65001", Codec::Utf8},
    {"utf_8_sig", Codec::Utf8Sig},
    {"ascii", Codec::Ascii}, {"646", Codec::Ascii}, {"ansi_x3.4_1968", Codec::Ascii},
    {"ansi_x3_4_1968", Codec::Ascii}, {"ansi_x3.4_1986", Codec::Ascii}, {"cp367", Codec::Ascii},
    {"csascii", Codec::Ascii}, {"ibm367", Codec::Ascii}, {"iso646_us", Codec::Ascii},
    {"iso_646.irv_1991", Codec::Ascii}, {"iso_ir_6", Codec::Ascii}, {"us", Codec::Ascii},
    {"us_ascii", Codec::Ascii},
    {"latin_1", Codec::Latin1}, {"latin1", Codec::Latin1}, {"latin", Codec::Latin1},
    {"l1", Codec::Latin1}, {"8859", Codec::Latin1}, {"cp819", Codec::Latin1},
    {"csisolatin1", Codec::Latin1}, {"ibm819", Codec::Latin1}, {"iso8859", Codec::Latin1},
    {"iso8859_1", Codec::Latin1}, {"iso_8859_1", Codec::Latin1}, {"iso_8859_1_1987", Codec::Latin1},
    {"iso_ir_100", Codec::Latin1},
    {"utf_16", Codec::Utf16}, {"utf16", Codec::Utf16}, {"u16", Codec::Utf16},
    {"utf_16_le", Codec::Utf16Le}, {"utf_16le", Codec::Utf16Le},
    {"unicodelittleunmarked", Codec::Utf16Le},
    {"utf_16_be", Codec::Utf16Be}, {"utf_16be", Codec::Utf16Be},
    {"unicodebigunmarked", Codec::Utf16Be},
    {"utf_32", Codec::Utf32}, {"utf32", Codec::Utf32}, {"u32", Codec::Utf32},
    {"utf_32_le", Codec::Utf32Le}, {"utf_32le", Codec::Utf32Le},
    {"utf_32_be", Codec::Utf32Be}, {"utf_32be", Codec::Utf32Be},
    {"unicode_escape", Codec::UnicodeEscape}, {"raw_unicode_escape", Codec::RawUnicodeEscape},
    {"cp1252", Codec::Cp1252}, {"windows_1252", Codec::Cp1252}, {"1252", Codec::Cp1252},
    // Codecs that exist in CPython but are not text encodings.
    {"base64", Codec::NotText}, {"base_64", Codec::NotText}, {"base64_codec", Codec::NotText},
    {"bz2", Codec::NotText}, {"bz2_codec", Codec::NotText}, {"hex", Codec::NotText},
    {"hex_codec", Codec::NotText}, {"quopri", Codec::NotText}, {"quotedprintable", Codec::NotText},
    {"quoted_printable", Codec::NotText}, {"quopri_codec", Codec::NotText},
    {"rot13", Codec::NotText}, {"rot_13", Codec::NotText}, {"uu", Codec::NotText},
    {"uu_codec", Codec::NotText}, {"zip", Codec::NotText}, {"zlib", Codec::NotText},
    {"zlib_codec", Codec::NotText},
};

// cp1252 (Windows Western European) for the bytes 0x80-0x9F, where it
// differs from Latin-1; 0 marks the five bytes it leaves undefined. From
// CPython's encodings/cp1252.py.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The cp1252 byte for a code point, or -1.
int cp1252_byte(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return int(c);
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == c) return 0x80 + i;
  }
  return -1;
}

// encodings.normalize_encoding after the codec registry's lower-casing:
// runs of characters other than ASCII letters, digits and '.' become one
// '_', none at either end.
std::string normalize_encoding(std::string_view name) {
  std::string out;
  bool punctuation = false;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '.';
    if (keep) {
      if (punctuation && !out.empty()) out += '_';
      out += static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u);
      punctuation = false;
    } else {
      punctuation = true;
    }
  }
  return out;
}

Codec lookup_codec(std::string_view name) {
  std::string normalized = normalize_encoding(name);
  for (int pass = 0; pass < 2; ++pass) {
    for (const Alias& alias : kAliases) {
      if (normalized == alias.name) return alias.codec;
    }
    // aliases.get(norm_encoding.replace('.', '_'))
    for (char& c : normalized) {
      if (c == '.') c = '_';
    }
  }
  return Codec::Unknown;
}

// Raises LookupError for an encoding that is not a text codec.
bool check_codec(Codec codec, std::string_view name) {
  if (codec == Codec::Unknown) {
    raise_format(&lookup_error_type, "unknown encoding: %.*s", int(name.size()), name.data());
    return false;
  }
  if (codec == Codec::NotText) {
    raise_format(&lookup_error_type,
                 "'%.*s' is not a text encoding; use codecs.encode() to handle arbitrary codecs",
                 int(name.size()), name.data());
    return false;
  }
  return true;
}

enum class Handler {
  Strict, Ignore, Replace, BackslashReplace, SurrogateEscape, SurrogatePass, XmlCharRefReplace,
  NameReplace, Unknown,
};

Handler parse_handler(std::string_view errors) {
  if (errors == "strict") return Handler::Strict;
  if (errors == "ignore") return Handler::Ignore;
  if (errors == "replace") return Handler::Replace;
  if (errors == "backslashreplace") return Handler::BackslashReplace;
  if (errors == "surrogateescape") return Handler::SurrogateEscape;
  if (errors == "surrogatepass") return Handler::SurrogatePass;
  if (errors == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  if (errors == "namereplace") return Handler::NameReplace;
  return Handler::Unknown;
}

void raise_unknown_handler(std::string_view errors) {
  raise_format(&lookup_error_type, "unknown error handler name '%.*s'", int(errors.size()),
               errors.data());
}

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

const char kHexDigits[] = "0123456789abcdef";

void append_hex(std::string& out, uint32_t value, int digits) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHexDigits[(value >> shift) & 0xF];
}

// \xhh, \uhhhh or \Uhhhhhhhh, as backslashreplace writes a code point.
void append_backslash_escape(std::string& out, char32_t c) {
  out += '\\';
  if (c < 0x100) {
    out += 'x';
    append_hex(out, c, 2);
  } else if (c < 0x10000) {
    out += 'u';
    append_hex(out, c, 4);
  } else {
    out += 'U';
    append_hex(out, c, 8);
  }
}

// ============================================================ decoding

// The codec-specific part of surrogatepass: how a surrogate looks in bytes.
enum class SurrogateForm { None, Utf8, Utf16Le, Utf16Be, Utf32Le, Utf32Be };

class Decoder {
 public:
  Decoder(std::string_view encoding, std::string_view data, std::string_view errors,
          SurrogateForm form)
      : m_encoding(encoding), m_data(data), m_errors(errors), m_handler(parse_handler(errors)),
        m_form(form) {}

  std::string out;

  void set_encoding(std::string_view encoding) { m_encoding = encoding; }

  // Handles a malformed range [start, end): returns where decoding goes on,
  // or nullopt with the exception raised.
  std::optional<size_t> error(std::string_view reason, size_t start, size_t end) {
    switch (m_handler) {
      case Handler::Strict:
        break;
      case Handler::Unknown:
        raise_unknown_handler(m_errors);
        return std::nullopt;
      case Handler::Ignore:
        return end;
      case Handler::Replace:
        append_utf8(out, 0xFFFD);
        return end;
      case Handler::BackslashReplace:
        for (size_t i = start; i < end; ++i) {
          out += "\\x";
          append_hex(out, static_cast<unsigned char>(m_data[i]), 2);
        }
        return end;
      case Handler::SurrogateEscape: {
        // As PyCodec_SurrogateEscapeErrors: up to four bytes, none ASCII.
        size_t consumed = 0;
        while (consumed < 4 && consumed < end - start) {
          unsigned char byte = static_cast<unsigned char>(m_data[start + consumed]);
          if (byte < 128) break;
          append_utf8(out, 0xDC00 + byte);
          ++consumed;
        }
        if (consumed == 0) break;
        return start + consumed;
      }
      case Handler::SurrogatePass: {
        std::optional<size_t> resume = surrogate_pass(start);
        if (resume) return resume;
        break;
      }
      case Handler::XmlCharRefReplace:
      case Handler::NameReplace:
        raise(&type_error_type, "don't know how to handle UnicodeDecodeError in error callback");
        return std::nullopt;
    }
    raise_unicode_decode_error(m_encoding, m_data, start, end, reason);
    return std::nullopt;
  }

 private:
  std::optional<size_t> surrogate_pass(size_t start) {
    auto byte = [&](size_t i) -> uint32_t { return static_cast<unsigned char>(m_data[start + i]); };
    size_t available = m_data.size() - start;
    char32_t c = 0;
    size_t width = 0;
    switch (m_form) {
      case SurrogateForm::None:
        return std::nullopt;
      case SurrogateForm::Utf8:
        width = 3;
        if (available >= 3 && (byte(0) & 0xF0) == 0xE0 && (byte(1) & 0xC0) == 0x80 &&
            (byte(2) & 0xC0) == 0x80) {
          c = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
        }
        break;
      case SurrogateForm::Utf16Le:
        width = 2;
        if (available >= 2) c = byte(1) << 8 | byte(0);
        break;
      case SurrogateForm::Utf16Be:
        width = 2;
        if (available >= 2) c = byte(0) << 8 | byte(1);
        break;
      case SurrogateForm::Utf32Le:
        width = 4;
        if (available >= 4) c = byte(3) << 24 | byte(2) << 16 | byte(1) << 8 | byte(0);
        break;
      case SurrogateForm::Utf32Be:
        width = 4;
        if (available >= 4) c = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
        break;
    }
    if (!is_surrogate(c)) return std::nullopt;
    append_utf8(out, c);
    return start + width;
  }

  std::string_view m_encoding;
  std::string_view m_data;
  std::string_view m_errors;
  Handler m_handler;
  SurrogateForm m_form;
};

#define DECODE_ERROR(reason, start, end)                 \
  do {                                                   \
    auto resume_ = decoder.error((reason), (start), (end)); \
    if (!resume_) return false;                          \
    i = *resume_;                                        \
  } while (0)

bool decode_utf8_bytes(std::string_view data, Decoder& decoder) {
  std::string& out = decoder.out;
  size_t n = data.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) {
      size_t run = i + 1;
      while (run < n && static_cast<unsigned char>(data[run]) < 0x80) ++run;
      out.append(data.substr(i, run - i));
      i = run;
      continue;
    }
    // The well-formed sequences of the Unicode standard (table 3-7): the
    // second byte's range depends on the first.
    int need;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c == 0xE0) {
      need = 2;
      low = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      need = 2;
    } else if (c == 0xED) {
      need = 2;
      high = 0x9F;
    } else if (c == 0xF0) {
      need = 3;
      low = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      need = 3;
    } else if (c == 0xF4) {
      need = 3;
      high = 0x8F;
    } else {
      DECODE_ERROR("invalid start byte", i, i + 1);
      continue;
    }
    size_t k = 1;
    bool bad = false;
    for (; k <= size_t(need) && i + k < n; ++k) {
      unsigned char next = static_cast<unsigned char>(data[i + k]);
      unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
      if (next < lo || next > hi) {
        bad = true;
        break;
      }
    }
    if (bad) {
      DECODE_ERROR("invalid continuation byte", i, i + k);
      continue;
    }
    if (k <= size_t(need)) {
      DECODE_ERROR("unexpected end of data", i, n);
      continue;
    }
    out.append(data.substr(i, need + 1));
    i += need + 1;
  }
  return true;
}

bool decode_ascii_bytes(std::string_view data, Decoder& decoder) {
  size_t i = 0;
  while (i < data.size()) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) {
      decoder.out += static_cast<char>(c);
      ++i;
    } else {
      DECODE_ERROR("ordinal not in range(128)", i, i + 1);
    }
  }
  return true;
}

bool decode_cp1252_bytes(std::string_view data, Decoder& decoder) {
  size_t i = 0;
  while (i < data.size()) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    char32_t code = c >= 0x80 && c < 0xA0 ? kCp1252High[c - 0x80] : c;
    if (code != 0 || c == 0) {
      append_utf8(decoder.out, code);
      ++i;
    } else {
      DECODE_ERROR("character maps to <undefined>", i, i + 1);
    }
  }
  return true;
}

void decode_latin1_bytes(std::string_view data, std::string& out) {
  out.reserve(data.size());
  for (char c : data) append_utf8(out, static_cast<unsigned char>(c));
}

uint32_t read16(std::string_view data, size_t i, bool little) {
  uint32_t a = static_cast<unsigned char>(data[i]), b = static_cast<unsigned char>(data[i + 1]);
  return little ? (b << 8 | a) : (a << 8 | b);
}

uint32_t read32(std::string_view data, size_t i, bool little) {
  uint32_t value = 0;
  for (int k = 0; k < 4; ++k) {
    uint32_t byte = static_cast<unsigned char>(data[i + (little ? 3 - k : k)]);
    value = value << 8 | byte;
  }
  return value;
}

bool decode_utf16_bytes(std::string_view data, Decoder& decoder, size_t i, bool little) {
  size_t n = data.size();
  while (i < n) {
    if (n - i < 2) {
      DECODE_ERROR("truncated data", i, n);
      continue;
    }
    uint32_t unit = read16(data, i, little);
    if (!is_surrogate(unit)) {
      append_utf8(decoder.out, unit);
      i += 2;
      continue;
    }
    if (unit >= 0xDC00) {
      DECODE_ERROR("illegal encoding", i, i + 2);
      continue;
    }
    if (n - i < 4) {
      DECODE_ERROR("unexpected end of data", i, n);
      continue;
    }
    uint32_t low = read16(data, i + 2, little);
    if (low < 0xDC00 || low > 0xDFFF) {
      DECODE_ERROR("illegal UTF-16 surrogate", i, i + 2);
      continue;
    }
    append_utf8(decoder.out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
    i += 4;
  }
  return true;
}

bool decode_utf32_bytes(std::string_view data, Decoder& decoder, size_t i, bool little) {
  size_t n = data.size();
  while (i < n) {
    if (n - i < 4) {
      DECODE_ERROR("truncated data", i, n);
      continue;
    }
    uint32_t c = read32(data, i, little);
    if (c > 0x10FFFF) {
      DECODE_ERROR("code point not in range(0x110000)", i, i + 4);
      continue;
    }
    if (is_surrogate(c)) {
      DECODE_ERROR("code point in surrogate code point range(0xd800, 0xe000)", i, i + 4);
      continue;
    }
    append_utf8(decoder.out, c);
    i += 4;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CPython's _PyUnicode_DecodeUnicodeEscapeInternal: the escapes of a
// Python string literal; other bytes are Latin-1. An unknown escape such as
// \q is kept as it is (CPython also warns).
bool decode_unicode_escape_bytes(std::string_view data, Decoder& decoder) {
  std::string& out = decoder.out;
  size_t n = data.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c != '\\') {
      append_utf8(out, c);
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= n) {
      DECODE_ERROR("\\ at end of string", start, n);
      continue;
    }
    char e = data[i++];
    switch (e) {
      case '\n': continue;
      case '\\': out += '\\'; continue;
      case '\'': out += '\''; continue;
      case '"': out += '"'; continue;
      case 'b': out += '\b'; continue;
      case 'f': out += '\f'; continue;
      case 't': out += '\t'; continue;
      case 'n': out += '\n'; continue;
      case 'r': out += '\r'; continue;
      case 'v': out += '\v'; continue;
      case 'a': out += '\a'; continue;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t value = e - '0';
        for (int k = 0; k < 2 && i < n && data[i] >= '0' && data[i] <= '7'; ++k) {
          value = value * 8 + (data[i++] - '0');
        }
        append_utf8(out, value);
        continue;
      }
      case 'x':
      case 'u':
      case 'U': {
        int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        const char* message = e == 'x'   ? "truncated \\xXX escape"
                              : e == 'u' ? "truncated \\uXXXX escape"
                                         : "truncated \\UXXXXXXXX escape";
        uint32_t value = 0;
        bool ok = true;
        for (int k = 0; k < count; ++k) {
          int digit = i < n ? hex_value(data[i]) : -1;
          if (digit < 0) {
            ok = false;
            break;
          }
          value = value << 4 | uint32_t(digit);
          ++i;
        }
        if (!ok) {
          DECODE_ERROR(message, start, i);
          continue;
        }
        if (value > 0x10FFFF) {
          DECODE_ERROR("illegal Unicode character", start, i);
          continue;
        }
        append_utf8(out, value);
        continue;
      }
      case 'N': {
        if (i < n && data[i] == '{') {
          size_t name_start = ++i;
          while (i < n && data[i] != '}') ++i;
          if (i < n) {
            std::string_view name = data.substr(name_start, i - name_start);
            if (!name.empty()) {
              ++i;
              char32_t code;
              if (lookup_unicode_name(name, code)) {
                append_utf8(out, code);
                continue;
              }
              DECODE_ERROR("unknown Unicode character name", start, i);
              continue;
            }
          }
        }
        DECODE_ERROR("malformed \\N character escape", start, i);
        continue;
      }
      default:
        out += '\\';
        append_utf8(out, static_cast<unsigned char>(e));
        continue;
    }
  }
  return true;
}

// raw_unicode_escape: only \uXXXX and \UXXXXXXXX are escapes, and only
// after an odd number of backslashes.
bool decode_raw_unicode_escape_bytes(std::string_view data, Decoder& decoder) {
  std::string& out = decoder.out;
  size_t n = data.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c != '\\') {
      append_utf8(out, c);
      ++i;
      continue;
    }
    size_t run = i;
    while (run < n && data[run] == '\\') ++run;
    size_t backslashes = run - i;
    bool escape = backslashes % 2 == 1 && run < n && (data[run] == 'u' || data[run] == 'U');
    out.append(escape ? backslashes - 1 : backslashes, '\\');
    i = run;
    if (!escape) continue;
    size_t start = run - 1;
    int count = data[i] == 'u' ? 4 : 8;
    const char* message = count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
    ++i;
    uint32_t value = 0;
    bool ok = true;
    for (int k = 0; k < count; ++k) {
      int digit = i < n ? hex_value(data[i]) : -1;
      if (digit < 0) {
        ok = false;
        break;
      }
      value = value << 4 | uint32_t(digit);
      ++i;
    }
    if (!ok) {
      DECODE_ERROR(message, start, i);
      continue;
    }
    if (value > 0x10FFFF) {
      DECODE_ERROR("\\Uxxxxxxxx out of range", start, i);
      continue;
    }
    append_utf8(out, value);
  }
  return true;
}

#undef DECODE_ERROR

// ============================================================ encoding

struct EncodeTarget {
  Codec codec;
  std::string_view name;  // in messages
  bool little = true;     // utf-16/32 byte order
};

bool utf16_or_32(Codec codec) {
  return codec == Codec::Utf16 || codec == Codec::Utf16Le || codec == Codec::Utf16Be ||
         codec == Codec::Utf32 || codec == Codec::Utf32Le || codec == Codec::Utf32Be;
}

bool can_encode(Codec codec, char32_t c) {
  switch (codec) {
    case Codec::Ascii: return c < 0x80;
    case Codec::Latin1: return c < 0x100;
    case Codec::Cp1252: return cp1252_byte(c) >= 0;
    case Codec::UnicodeEscape:
    case Codec::RawUnicodeEscape: return true;
    default: return !is_surrogate(c);
  }
}

const char* encode_reason(Codec codec) {
  switch (codec) {
    case Codec::Ascii: return "ordinal not in range(128)";
    case Codec::Latin1: return "ordinal not in range(256)";
    case Codec::Cp1252: return "character maps to <undefined>";
    default: return "surrogates not allowed";
  }
}

// Writes one code point in the target's form; surrogates only reach here
// through surrogatepass.
void emit(const EncodeTarget& target, char32_t c, std::string& out) {
  switch (target.codec) {
    case Codec::Ascii:
    case Codec::Latin1:
      out += static_cast<char>(c);
      return;
    case Codec::Cp1252:
      out += static_cast<char>(cp1252_byte(c));
      return;
    case Codec::Utf16:
    case Codec::Utf16Le:
    case Codec::Utf16Be: {
      auto unit = [&](uint32_t u) {
        if (target.little) {
          out += static_cast<char>(u & 0xFF);
          out += static_cast<char>(u >> 8);
        } else {
          out += static_cast<char>(u >> 8);
          out += static_cast<char>(u & 0xFF);
        }
      };
      if (c >= 0x10000) {
        unit(0xD800 + ((c - 0x10000) >> 10));
        unit(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else {
        unit(c);
      }
      return;
    }
    case Codec::Utf32:
    case Codec::Utf32Le:
    case Codec::Utf32Be:
      for (int k = 0; k < 4; ++k) {
        int shift = target.little ? 8 * k : 8 * (3 - k);
        out += static_cast<char>((c >> shift) & 0xFF);
      }
      return;
    case Codec::UnicodeEscape:
      if (c == '\\') {
        out += "\\\\";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c >= 0x20 && c < 0x7F) {
        out += static_cast<char>(c);
      } else {
        append_backslash_escape(out, c);
      }
      return;
    case Codec::RawUnicodeEscape:
      if (c < 0x100) {
        out += static_cast<char>(c);
      } else {
        append_backslash_escape(out, c);
      }
      return;
    default:  // utf-8, utf-8-sig
      append_utf8(out, c);
      return;
  }
}

void emit_ascii(const EncodeTarget& target, std::string_view text, std::string& out) {
  for (char c : text) emit(target, static_cast<unsigned char>(c), out);
}

bool encode_code_points(Value str, const EncodeTarget& target, std::string_view errors,
                        std::string& out) {
  std::string_view text = str_view(str);
  std::vector<char32_t> code_points;
  code_points.reserve(str_len(str));
  for (size_t pos = 0; pos < text.size();) code_points.push_back(decode_utf8(text, pos));
  size_t n = code_points.size();
  Handler handler = parse_handler(errors);
  const char* reason = encode_reason(target.codec);
  size_t i = 0;
  while (i < n) {
    char32_t c = code_points[i];
    if (can_encode(target.codec, c)) {
      emit(target, c, out);
      ++i;
      continue;
    }
    // The run of characters the codec cannot encode is one error, except
    // for UTF-16 and UTF-32, whose encoders report each one.
    size_t end = i + 1;
    if (!utf16_or_32(target.codec)) {
      while (end < n && !can_encode(target.codec, code_points[end])) ++end;
    }
    switch (handler) {
      case Handler::Strict:
        raise_unicode_encode_error(target.name, str, i, end, reason);
        return false;
      case Handler::Unknown:
        raise_unknown_handler(errors);
        return false;
      case Handler::Ignore:
        break;
      case Handler::Replace:
        for (size_t k = i; k < end; ++k) emit(target, '?', out);
        break;
      case Handler::BackslashReplace:
      case Handler::NameReplace:
        // namereplace would write \N{NAME}; coil's name table only maps
        // names to code points, so it writes the escape backslashreplace
        // writes.
        for (size_t k = i; k < end; ++k) {
          std::string escape;
          append_backslash_escape(escape, code_points[k]);
          emit_ascii(target, escape, out);
        }
        break;
      case Handler::XmlCharRefReplace:
        for (size_t k = i; k < end; ++k) {
          emit_ascii(target, "&#" + std::to_string(uint32_t(code_points[k])) + ";", out);
        }
        break;
      case Handler::SurrogateEscape:
        // Its single bytes cannot be UTF-16 or UTF-32 code units.
        if (utf16_or_32(target.codec)) {
          raise_unicode_encode_error(target.name, str, i, end, reason);
          return false;
        }
        for (size_t k = i; k < end; ++k) {
          char32_t s = code_points[k];
          if (s < 0xDC80 || s > 0xDCFF) {
            raise_unicode_encode_error(target.name, str, k, end, reason);
            return false;
          }
          out += static_cast<char>(s - 0xDC00);
        }
        break;
      case Handler::SurrogatePass:
        if (target.codec == Codec::Ascii || target.codec == Codec::Latin1 ||
            target.codec == Codec::Cp1252) {
          raise_unicode_encode_error(target.name, str, i, end, reason);
          return false;
        }
        for (size_t k = i; k < end; ++k) emit(target, code_points[k], out);
        break;
    }
    i = end;
  }
  return true;
}

// True if the UTF-8 text holds an encoded surrogate (ED A0..BF ..).
bool has_surrogates(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xED && static_cast<unsigned char>(text[i + 1]) >= 0xA0) {
      return true;
    }
  }
  return false;
}

}  // namespace

void raise_unicode_decode_error(std::string_view encoding, std::string_view data, size_t start,
                                size_t end, std::string_view reason) {
  Ref name = make_str(encoding);
  Ref object = make_bytes(data);
  Ref first = make_int(int64_t(start));
  Ref last = make_int(int64_t(end));
  Ref why = make_str(reason);
  if (!name || !object || !first || !last || !why) return;
  Ref args = make_tuple({name.get(), object.get(), first.get(), last.get(), why.get()});
  if (!args) return;
  Ref exception = make_exception(&unicode_decode_error_type, args);
  if (!exception) return;
  raise_value(exception);
}

void raise_unicode_encode_error(std::string_view encoding, Value str, size_t start, size_t end,
                                std::string_view reason) {
  Ref name = make_str(encoding);
  Ref first = make_int(int64_t(start));
  Ref last = make_int(int64_t(end));
  Ref why = make_str(reason);
  if (!name || !first || !last || !why) return;
  Ref args = make_tuple({name.get(), str, first.get(), last.get(), why.get()});
  if (!args) return;
  Ref exception = make_exception(&unicode_encode_error_type, args);
  if (!exception) return;
  raise_value(exception);
}

bool check_utf8_encodable(Value str) {
  if (str_is_ascii(str) || !has_surrogates(str_view(str))) return true;
  encode_text(str, "utf-8", "strict");  // raises, naming the first surrogate
  return false;
}

bool is_valid_utf8(std::string_view data) {
  size_t n = data.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int need;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c == 0xE0) {
      need = 2;
      low = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      need = 2;
    } else if (c == 0xED) {
      need = 2;
      high = 0x9F;
    } else if (c == 0xF0) {
      need = 3;
      low = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      need = 3;
    } else if (c == 0xF4) {
      need = 3;
      high = 0x8F;
    } else {
      return false;
    }
    if (i + need >= n) return false;
    for (int k = 1; k <= need; ++k) {
      unsigned char next = static_cast<unsigned char>(data[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return false;
    }
    i += need + 1;
  }
  return true;
}

std::string_view text_codec_name(std::string_view encoding) {
  switch (lookup_codec(encoding)) {
    case Codec::Utf8: return "utf-8";
    case Codec::Utf8Sig: return "utf-8-sig";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "iso8859-1";
    case Codec::Utf16: return "utf-16";
    case Codec::Utf16Le: return "utf-16-le";
    case Codec::Utf16Be: return "utf-16-be";
    case Codec::Utf32: return "utf-32";
    case Codec::Utf32Le: return "utf-32-le";
    case Codec::Utf32Be: return "utf-32-be";
    case Codec::Cp1252: return "cp1252";
    case Codec::UnicodeEscape: return "unicode-escape";
    case Codec::RawUnicodeEscape: return "raw-unicode-escape";
    default: return {};
  }
}

Ref encode_text(Value str, std::string_view encoding, std::string_view errors) {
  Codec codec = lookup_codec(encoding);
  if (!check_codec(codec, encoding)) return {};
  std::string_view text = str_view(str);
  bool ascii = str_is_ascii(str);
  // Fast paths: text every codec of the family writes unchanged.
  if ((codec == Codec::Utf8 && (ascii || !has_surrogates(text))) ||
      (ascii && (codec == Codec::Ascii || codec == Codec::Latin1))) {
    return make_bytes(text);
  }
  EncodeTarget target{codec, "utf-8"};
  std::string out;
  switch (codec) {
    case Codec::Utf8: break;
    case Codec::Utf8Sig:
      out = "\xEF\xBB\xBF";
      break;
    case Codec::Ascii: target.name = "ascii"; break;
    case Codec::Latin1: target.name = "latin-1"; break;
    case Codec::Cp1252: target.name = "charmap"; break;
    case Codec::Utf16:
      target.name = "utf-16";
      out = "\xFF\xFE";
      break;
    case Codec::Utf16Le: target.name = "utf-16-le"; break;
    case Codec::Utf16Be:
      target.name = "utf-16-be";
      target.little = false;
      break;
    case Codec::Utf32:
      target.name = "utf-32";
      out = std::string("\xFF\xFE\x00\x00", 4);
      break;
    case Codec::Utf32Le: target.name = "utf-32-le"; break;
    case Codec::Utf32Be:
      target.name = "utf-32-be";
      target.little = false;
      break;
    case Codec::UnicodeEscape: target.name = "unicodeescape"; break;
    case Codec::RawUnicodeEscape: target.name = "rawunicodeescape"; break;
    default: break;
  }
  if (!encode_code_points(str, target, errors, out)) return {};
  return make_bytes(out);
}

Ref decode_text(std::string_view data, std::string_view encoding, std::string_view errors) {
  Codec codec = lookup_codec(encoding);
  if (!check_codec(codec, encoding)) return {};
  switch (codec) {
    case Codec::Utf8:
    case Codec::Utf8Sig: {
      if (codec == Codec::Utf8Sig && data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
      if (is_valid_utf8(data)) return make_str(data);
      Decoder decoder("utf-8", data, errors, SurrogateForm::Utf8);
      if (!decode_utf8_bytes(data, decoder)) return {};
      return make_str(decoder.out);
    }
    case Codec::Ascii: {
      Decoder decoder("ascii", data, errors, SurrogateForm::None);
      if (!decode_ascii_bytes(data, decoder)) return {};
      return make_str(decoder.out);
    }
    case Codec::Latin1: {
      std::string out;
      decode_latin1_bytes(data, out);
      return make_str(out);
    }
    case Codec::Cp1252: {
      Decoder decoder("charmap", data, errors, SurrogateForm::None);
      if (!decode_cp1252_bytes(data, decoder)) return {};
      return make_str(decoder.out);
    }
    case Codec::Utf16:
    case Codec::Utf16Le:
    case Codec::Utf16Be: {
      bool little = codec != Codec::Utf16Be;
      size_t start = 0;
      if (codec == Codec::Utf16 && data.size() >= 2) {
        if (data.starts_with("\xFF\xFE")) {
          start = 2;
        } else if (data.starts_with("\xFE\xFF")) {
          little = false;
          start = 2;
        }
      }
      Decoder decoder(little ? "utf-16-le" : "utf-16-be", data, errors,
                      little ? SurrogateForm::Utf16Le : SurrogateForm::Utf16Be);
      if (!decode_utf16_bytes(data, decoder, start, little)) return {};
      return make_str(decoder.out);
    }
    case Codec::Utf32:
    case Codec::Utf32Le:
    case Codec::Utf32Be: {
      bool little = codec != Codec::Utf32Be;
      size_t start = 0;
      if (codec == Codec::Utf32 && data.size() >= 4) {
        if (data.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) {
          start = 4;
        } else if (data.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
          little = false;
          start = 4;
        }
      }
      Decoder decoder(little ? "utf-32-le" : "utf-32-be", data, errors,
                      little ? SurrogateForm::Utf32Le : SurrogateForm::Utf32Be);
      if (!decode_utf32_bytes(data, decoder, start, little)) return {};
      return make_str(decoder.out);
    }
    case Codec::UnicodeEscape: {
      Decoder decoder("unicodeescape", data, errors, SurrogateForm::None);
      if (!decode_unicode_escape_bytes(data, decoder)) return {};
      return make_str(decoder.out);
    }
    case Codec::RawUnicodeEscape: {
      Decoder decoder("rawunicodeescape", data, errors, SurrogateForm::None);
      if (!decode_raw_unicode_escape_bytes(data, decoder)) return {};
      return make_str(decoder.out);
    }
    default:
      return {};
  }
}

}  // namespace coil
