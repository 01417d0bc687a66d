// The code-point algorithms behind Python's str methods, on UTF-8 text.
//
// coil stores a str as UTF-8 (lone surrogates as their 3-byte encodings, as
// repr.h's decode_utf8/append_utf8 do). Every index here counts code points,
// as Python does, never bytes. The future `str` type calls these free
// functions; they know nothing of objects, so results are plain strings,
// views into the input, integers or an error value.
//
// Unicode properties come from utf8proc (category, bidirectional class,
// simple case mappings, full case folding); what utf8proc lacks (the
// multi-character case mappings, Other_Lowercase/Other_Uppercase, the numeric
// types, XID_Start/XID_Continue, Case_Ignorable) comes from small tables in
// unicode.cpp written from CPython 3.11's own unicodedata (Unicode 14).
// Text that is all ASCII never goes through the UTF-8 decoder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coil {

// A Python exception raised by a str method, as a value: its class and the
// message CPython gives.
struct StrError {
  enum class Kind { ValueError, TypeError };
  Kind kind;
  std::string_view message;
};

// Either a value or the StrError that replaced it.
template <class T>
class StrResult {
 public:
  StrResult(T value) : m_value(std::move(value)) {}
  StrResult(StrError error) : m_error(error) {}
  bool ok() const { return m_value.has_value(); }
  const T& value() const { return *m_value; }
  T& value() { return *m_value; }
  const StrError& error() const { return m_error; }

 private:
  std::optional<T> m_value;
  StrError m_error{StrError::Kind::ValueError, {}};
};

// --- Length and indexing --------------------------------------------------

bool str_isascii(std::string_view text);
// len(text): the number of code points.
size_t str_length(std::string_view text);
// Byte offset where code point `index` starts; text.size() when index is the
// length. `index` must not exceed the length. A walk of O(index): the str
// type, which caches its ASCII flag, should use `index` itself for ASCII text,
// and code_point_offset below for other text.
size_t str_byte_offset(std::string_view text, size_t index);
// text[index] for 0 <= index < length, as a view of its bytes.
std::string_view str_code_point_at(std::string_view text, size_t index);
// text[start:stop:step] with Python's slice semantics (missing bounds,
// negative and oversized indices); a zero step is a ValueError.
StrResult<std::string> str_slice(std::string_view text, std::optional<int64_t> start,
                                 std::optional<int64_t> stop, int64_t step = 1);

// --- Code-point offsets ----------------------------------------------------
// Code point i of non-ASCII UTF-8 text is found by counting lead bytes. A long
// text can carry an OffsetIndex, which makes that O(1) amortised: the byte
// offset of every kOffsetBlock-th code point, filled in lazily a block at a
// time as far as lookups reach, and the last position looked up (a cursor, so
// that a sequential scan walks one code point per step). A lookup then walks
// from the nearest of the block boundary below, the next one once known, the
// end and the cursor: fewer than kOffsetBlock code points, eight bytes at a
// time where it can.

inline constexpr size_t kOffsetBlock = 64;
// Text shorter than this (in code points) keeps no index: a lookup walks from
// the nearer end, which is as short a walk as the index would give.
inline constexpr size_t kOffsetIndexMinLength = 2 * kOffsetBlock;
struct OffsetIndex;

// Byte offset of code point `index` of valid UTF-8 `text` of `length` code
// points; text.size() when index >= length. `slot`, when not null, holds the
// text's OffsetIndex: null until the first lookup that is at least
// kOffsetBlock code points from both ends of a text of kOffsetIndexMinLength
// code points or more, which makes one (its owner frees it with
// free_offset_index). Without an index (or if one cannot be allocated) the
// lookup walks from the nearer end of the text.
size_t code_point_offset(std::string_view text, size_t length, size_t index, OffsetIndex** slot = nullptr);
void free_offset_index(OffsetIndex* index);
// The byte offset `count` code points after (count < 0: before) the code
// point boundary `pos` of valid UTF-8 `text`, stopping at either end.
size_t advance_code_points(std::string_view text, size_t pos, int64_t count);

// --- Case -----------------------------------------------------------------
// Full (possibly multi-character) mappings, final sigma in lower(), as
// CPython's unicodeobject.c does.

std::string str_upper(std::string_view text);
std::string str_lower(std::string_view text);
std::string str_casefold(std::string_view text);
std::string str_title(std::string_view text);
std::string str_capitalize(std::string_view text);
std::string str_swapcase(std::string_view text);

// --- Predicates -----------------------------------------------------------
// Each is false for the empty string except isascii (and isprintable),
// as in CPython.

bool str_isalpha(std::string_view text);
bool str_isdecimal(std::string_view text);
bool str_isdigit(std::string_view text);
bool str_isnumeric(std::string_view text);
bool str_isalnum(std::string_view text);
bool str_isspace(std::string_view text);
bool str_isupper(std::string_view text);
bool str_islower(std::string_view text);
bool str_istitle(std::string_view text);
bool str_isidentifier(std::string_view text);
bool str_isprintable(std::string_view text);

// The character classes, one code point at a time.
bool is_space(char32_t code_point);
bool is_line_break(char32_t code_point);

// --- Splitting and stripping ------------------------------------------------
// Results are views into `text`.

// split() / rsplit() with no separator: runs of whitespace separate, and
// leading/trailing whitespace yields no empty strings. maxsplit < 0: no limit.
std::vector<std::string_view> str_split_whitespace(std::string_view text, int64_t maxsplit = -1);
std::vector<std::string_view> str_rsplit_whitespace(std::string_view text, int64_t maxsplit = -1);
// split(sep) / rsplit(sep); an empty separator is a ValueError.
StrResult<std::vector<std::string_view>> str_split(std::string_view text, std::string_view separator,
                                                   int64_t maxsplit = -1);
StrResult<std::vector<std::string_view>> str_rsplit(std::string_view text, std::string_view separator,
                                                    int64_t maxsplit = -1);
std::vector<std::string_view> str_splitlines(std::string_view text, bool keepends = false);

// strip() without arguments strips whitespace; with `chars`, any of its code points.
std::string_view str_strip(std::string_view text);
std::string_view str_lstrip(std::string_view text);
std::string_view str_rstrip(std::string_view text);
std::string_view str_strip(std::string_view text, std::string_view chars);
std::string_view str_lstrip(std::string_view text, std::string_view chars);
std::string_view str_rstrip(std::string_view text, std::string_view chars);

struct StrPartition {
  std::string_view before, separator, after;
};
StrResult<StrPartition> str_partition(std::string_view text, std::string_view separator);
StrResult<StrPartition> str_rpartition(std::string_view text, std::string_view separator);

// --- Search and replace ---------------------------------------------------
// start/end are code-point indices with slice semantics; absent means the
// whole string. find/rfind return a code-point index or -1.

// `shape`, when the caller knows it (a str object caches both), spares a
// scan of the whole text: with it a search costs what the window costs.
struct TextShape {
  size_t length;  // in code points
  bool ascii;
  // The text's OffsetIndex slot (see code_point_offset), if it has one: the
  // bounds then convert to byte offsets without walking from the start.
  OffsetIndex** offsets = nullptr;
};
int64_t str_find(std::string_view text, std::string_view sub, std::optional<int64_t> start = {},
                 std::optional<int64_t> end = {}, const TextShape* shape = nullptr);
int64_t str_rfind(std::string_view text, std::string_view sub, std::optional<int64_t> start = {},
                  std::optional<int64_t> end = {}, const TextShape* shape = nullptr);
int64_t str_count(std::string_view text, std::string_view sub, std::optional<int64_t> start = {},
                  std::optional<int64_t> end = {}, const TextShape* shape = nullptr);
bool str_startswith(std::string_view text, std::string_view prefix, std::optional<int64_t> start = {},
                    std::optional<int64_t> end = {}, const TextShape* shape = nullptr);
bool str_endswith(std::string_view text, std::string_view suffix, std::optional<int64_t> start = {},
                  std::optional<int64_t> end = {}, const TextShape* shape = nullptr);
// count < 0: replace every occurrence.
std::string str_replace(std::string_view text, std::string_view old, std::string_view replacement,
                        int64_t count = -1);

// --- Padding ----------------------------------------------------------------
// `fill` must be exactly one code point, else a TypeError.

StrResult<std::string> str_center(std::string_view text, int64_t width, std::string_view fill = " ");
StrResult<std::string> str_ljust(std::string_view text, int64_t width, std::string_view fill = " ");
StrResult<std::string> str_rjust(std::string_view text, int64_t width, std::string_view fill = " ");
std::string str_zfill(std::string_view text, int64_t width);
std::string str_expandtabs(std::string_view text, int64_t tabsize = 8);

}  // namespace coil
