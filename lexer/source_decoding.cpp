// decode_source: a module's bytes to the UTF-8 text the lexer reads, as
// CPython's tokenizer prepares a source given as bytes (decode_str in
// Parser/tokenizer.c): byte-order mark, PEP 263 coding declaration,
// transcoding. UTF-8 sources are passed on unchecked: CPython reports invalid
// UTF-8 only where it decodes a name or a string literal, with positions only
// the lexer knows, so the lexer reports it.

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "lexer/lexer.h"

namespace coil {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// CPython's get_normal_name: the spellings of UTF-8 and Latin-1 it knows by
// heart become "utf-8" and "iso-8859-1"; other names are kept as written.
std::string normal_encoding_name(const std::string& name) {
  std::string folded;
  for (size_t i = 0; i < name.size() && i < 12; ++i) {
    char c = name[i];
    folded += c == '_' ? '-' : char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  auto starts_with = [&](const char* prefix) { return folded.rfind(prefix, 0) == 0; };
  if (folded == "utf-8" || starts_with("utf-8-")) return "utf-8";
  if (folded == "latin-1" || folded == "iso-8859-1" || folded == "iso-latin-1" ||
      starts_with("latin-1-") || starts_with("iso-8859-1-") || starts_with("iso-latin-1-"))
    return "iso-8859-1";
  return name;
}

// CPython's get_coding_spec: a comment alone on its line holding
// "coding[:=]" followed by a name.
bool find_coding_spec(std::string_view line, std::string& name) {
  size_t size = line.size();
  if (size < 7) return false;
  size_t i = 0;
  for (; i < size - 6; ++i) {
    if (line[i] == '#') break;
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\f') return false;
  }
  for (; i < size - 6; ++i) {
    if (line.compare(i, 6, "coding") != 0) continue;
    size_t t = i + 6;
    if (line[t] != ':' && line[t] != '=') continue;
    do ++t;
    while (t < size && (line[t] == ' ' || line[t] == '\t'));
    size_t name_begin = t;
    while (t < size && (is_ascii_alnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.'))
      ++t;
    if (name_begin < t) {
      name = normal_encoding_name(std::string(line.substr(name_begin, t - name_begin)));
      return true;
    }
  }
  return false;
}

// Whether a line without a declaration lets line 2 have one: only blank and
// comment-only lines do (CPython's check_coding_spec).
bool is_blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  return true;
}

std::string_view line_at(std::string_view text, size_t& position) {
  size_t start = position;
  size_t stop = text.find_first_of("\r\n", start);
  if (stop == std::string_view::npos) stop = text.size();
  position = stop;
  if (position < text.size()) {
    if (text[position] == '\r' && position + 1 < text.size() && text[position + 1] == '\n')
      ++position;
    ++position;
  }
  return text.substr(start, stop - start);
}

// Python's codec registry normalization: lower case, runs of punctuation
// become one underscore.
std::string codec_key(const std::string& name) {
  std::string key;
  bool punctuation = false;
  for (char c : name) {
    if (is_ascii_alnum(c) || c == '.') {
      if (punctuation && !key.empty()) key += '_';
      key += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
      punctuation = false;
    } else {
      punctuation = true;
    }
  }
  return key;
}

// The aliases Python's encodings package gives its UTF-8, Latin-1 and ASCII
// codecs, the three decoded here without iconv.
enum class Codec { Unknown, Utf8, Latin1, Ascii, Iconv };

Codec builtin_codec(const std::string& key) {
  static const char* const utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4",
                                     "cp65001"};
  static const char* const latin1[] = {"latin_1", "latin1", "latin", "l1", "8859", "cp819",
                                       "csisolatin1", "ibm819", "iso8859", "iso8859_1",
                                       "iso_8859_1", "iso_8859_1_1987", "iso_ir_100"};
  static const char* const ascii[] = {"ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968",
                                      "ansi_x3.4_1986", "cp367", "csascii", "ibm367",
                                      "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us",
                                      "us_ascii"};
  for (const char* alias : utf8)
    if (key == alias) return Codec::Utf8;
  for (const char* alias : latin1)
    if (key == alias) return Codec::Latin1;
  for (const char* alias : ascii)
    if (key == alias) return Codec::Ascii;
  return Codec::Unknown;
}

void encoding_error(SyntaxErrorInfo& error, std::string message) {
  error = SyntaxErrorInfo();
  error.message = std::move(message);
  error.lineno = 0;
  error.offset = -1;
}

std::string byte_error(const char* codec, unsigned char byte, size_t position, const char* reason) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                codec, byte, position, reason);
  return buffer;
}

// Decodes with glibc's iconv, trying the spellings it knows the name by.
bool decode_with_iconv(const std::string& name, std::string_view bytes, std::string& text,
                       SyntaxErrorInfo& error) {
  std::string key = codec_key(name);
  std::string candidates[3] = {name, key, key};
  for (char& c : candidates[2]) c = c == '_' ? '-' : char(c >= 'a' && c <= 'z' ? c - 32 : c);
  iconv_t converter = iconv_t(-1);
  for (const std::string& candidate : candidates) {
    converter = iconv_open("UTF-8", candidate.c_str());
    if (converter != iconv_t(-1)) break;
  }
  if (converter == iconv_t(-1)) {
    encoding_error(error, "unknown encoding: " + name);
    return false;
  }
  text.clear();
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buffer[4096];
  bool ok = true;
  while (in_left > 0) {
    char* out = buffer;
    size_t out_left = sizeof buffer;
    size_t result = iconv(converter, &in, &in_left, &out, &out_left);
    text.append(buffer, size_t(out - buffer));
    if (result == size_t(-1) && errno != E2BIG) {
      size_t position = size_t(in - bytes.data());
      encoding_error(error, byte_error(key.c_str(), static_cast<unsigned char>(*in), position,
                                       errno == EINVAL ? "incomplete multibyte sequence"
                                                       : "illegal multibyte sequence"));
      ok = false;
      break;
    }
  }
  iconv_close(converter);
  return ok;
}

}  // namespace

bool decode_source(std::string_view bytes, std::string& text, SyntaxErrorInfo& error,
                   bool* encoding_declared) {
  bool bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  std::string_view body = bom ? bytes.substr(3) : bytes;

  // A declaration on line 1, or on line 2 after a blank or comment line.
  std::string encoding;
  size_t position = 0;
  std::string_view first = line_at(body, position);
  bool declared = find_coding_spec(first, encoding);
  if (!declared && is_blank_or_comment(first) && position < body.size())
    declared = find_coding_spec(line_at(body, position), encoding);

  if (encoding_declared != nullptr) *encoding_declared = bom || declared;
  if (bom && declared && encoding != "utf-8") {
    encoding_error(error, "encoding problem: " + encoding + " with BOM");
    return false;
  }
  if (!declared || encoding == "utf-8") {
    text.assign(body.data(), body.size());
    return true;
  }

  switch (builtin_codec(codec_key(encoding))) {
    case Codec::Utf8: {
      // A spelling CPython does not know by heart goes through the codec,
      // which checks strictly.
      auto s = reinterpret_cast<const unsigned char*>(body.data());
      size_t n = body.size();
      for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t length = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
                                   : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        bool valid = length > 0 && i + length <= n;
        for (size_t k = 1; valid && k < length; ++k) valid = (s[i + k] & 0xC0) == 0x80;
        if (valid && length == 3)
          valid = !(c == 0xE0 && s[i + 1] < 0xA0) && !(c == 0xED && s[i + 1] >= 0xA0);
        if (valid && length == 4)
          valid = !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] >= 0x90);
        if (!valid) {
          const char* reason = length == 0 ? "invalid start byte"
                               : i + length > n ? "unexpected end of data"
                                                : "invalid continuation byte";
          encoding_error(error, byte_error("utf-8", s[i], i, reason));
          return false;
        }
        i += length;
      }
      text.assign(body.data(), body.size());
      return true;
    }
    case Codec::Latin1:
      text.clear();
      text.reserve(body.size() + body.size() / 8);
      for (char c : body) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
          text += c;
        } else {
          text += char(0xC0 | (byte >> 6));
          text += char(0x80 | (byte & 0x3F));
        }
      }
      return true;
    case Codec::Ascii:
      for (size_t i = 0; i < body.size(); ++i) {
        auto byte = static_cast<unsigned char>(body[i]);
        if (byte >= 0x80) {
          encoding_error(error, byte_error("ascii", byte, i, "ordinal not in range(128)"));
          return false;
        }
      }
      text.assign(body.data(), body.size());
      return true;
    case Codec::Unknown:
    case Codec::Iconv:
      break;
  }
  return decode_with_iconv(encoding, body, text, error);
}

}  // namespace coil
