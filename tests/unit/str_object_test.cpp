// The str, bytes and bytearray objects from C++: creation, interning, the
// hash CPython computes, and the codecs. Python-level behaviour (methods,
// messages, formatting) is tested by tests/conformance/{types,formatting}.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/hash.h"
#include "runtime/repr.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

namespace {

using namespace coil;

class StrObjectTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
};

// CPython 3.11 with PYTHONHASHSEED=0 (a zero SipHash key):
//   hash(b"abc"), hash(b"a"), hash(b"hello world!!")
TEST(Hash, SipHash13MatchesCPython) {
  auto hash = [](std::string_view text) {
    return static_cast<int64_t>(siphash13(0, 0, text.data(), text.size()));
  };
  EXPECT_EQ(hash("abc"), -4594863902769663758);
  EXPECT_EQ(hash("a"), 4644417185603328019);
  EXPECT_EQ(hash("hello world!!"), -8602798515680944651);
}

TEST(Hash, EmptyInputHashesToZero) { EXPECT_EQ(hash_bytes("", 0), 0); }

TEST_F(StrObjectTest, LengthAndAsciiFlag) {
  Ref ascii = make_str("hello");
  EXPECT_EQ(str_len(ascii), 5u);
  EXPECT_TRUE(str_is_ascii(ascii));
  Ref text = make_str("na\xC3\xAFve \xE2\x98\x95");  // naïve ☕
  EXPECT_EQ(str_len(text), 7u);
  EXPECT_FALSE(str_is_ascii(text));
  // A lone surrogate is one code point of three bytes.
  Ref surrogate = make_str("a\xED\xA0\x80" "b");
  EXPECT_EQ(str_len(surrogate), 3u);
}

TEST_F(StrObjectTest, SharedStrs) {
  EXPECT_TRUE(make_str("").get().is(empty_str()));
  EXPECT_TRUE(make_str("x").get().is(str_from_code_point('x')));
  EXPECT_TRUE(make_str("\xC3\xA9").get().is(str_from_code_point(0xE9)));
}

TEST_F(StrObjectTest, Interning) {
  Ref a = intern("some_identifier");
  Ref b = intern(std::string("some_") + "identifier");
  EXPECT_TRUE(a.get().is(b.get()));
  Ref c = make_str("another_name");
  Ref d = intern_str(c);
  EXPECT_TRUE(d.get().is(c.get()));
  EXPECT_TRUE(intern("another_name").get().is(c.get()));
}

TEST_F(StrObjectTest, HashOfTheCPythonRepresentation) {
  // Latin-1 text hashes one byte per character, BMP text two, others four.
  Ref e_acute = make_str("\xC3\xA9");
  EXPECT_EQ(str_hash(e_acute), hash_bytes("\xE9", 1));
  Ref euro = make_str("\xE2\x82\xAC");
  EXPECT_EQ(str_hash(euro), hash_bytes("\xAC\x20", 2));
  Ref grin = make_str("\xF0\x9F\x98\x80");
  EXPECT_EQ(str_hash(grin), hash_bytes("\x00\xF6\x01\x00", 4));
  EXPECT_EQ(str_hash(make_str("abc")), hash_bytes("abc", 3));
  EXPECT_EQ(str_hash(empty_str()), 0);
}

TEST_F(StrObjectTest, Equality) {
  EXPECT_TRUE(str_equal(make_str("abc"), make_str("abc")));
  EXPECT_FALSE(str_equal(make_str("abc"), make_str("abd")));
  EXPECT_TRUE(str_equal(make_str("abc"), std::string_view("abc")));
}

TEST_F(StrObjectTest, Utf8RoundTrip) {
  Ref text = make_str("caf\xC3\xA9 \xF0\x9F\x98\x80");
  Ref encoded = encode_text(text, "utf-8", "strict");
  ASSERT_TRUE(encoded);
  EXPECT_EQ(bytes_view(encoded), "caf\xC3\xA9 \xF0\x9F\x98\x80");
  Ref decoded = decode_text(bytes_view(encoded), "UTF8", "strict");
  ASSERT_TRUE(decoded);
  EXPECT_TRUE(str_equal(decoded, text));
}

TEST_F(StrObjectTest, DecodingWithErrorHandlers) {
  Ref replaced = decode_text("bad \xFF byte", "utf-8", "replace");
  ASSERT_TRUE(replaced);
  EXPECT_EQ(str_view(replaced), "bad \xEF\xBF\xBD byte");
  Ref escaped = decode_text("\xFF\xFE", "utf-8", "surrogateescape");
  ASSERT_TRUE(escaped);
  EXPECT_EQ(str_view(escaped), "\xED\xB3\xBF\xED\xB3\xBE");  // '\udcff\udcfe'
  Ref back = encode_text(escaped, "utf-8", "surrogateescape");
  ASSERT_TRUE(back);
  EXPECT_EQ(bytes_view(back), "\xFF\xFE");
  Ref latin = decode_text("caf\xE9", "latin-1", "strict");
  ASSERT_TRUE(latin);
  EXPECT_EQ(str_view(latin), "caf\xC3\xA9");
}

TEST_F(StrObjectTest, Utf16WithByteOrderMark) {
  Ref text = make_str("ab");
  Ref encoded = encode_text(text, "utf-16", "strict");
  ASSERT_TRUE(encoded);
  EXPECT_EQ(bytes_view(encoded), std::string_view("\xFF\xFE" "a\0b\0", 6));
  Ref decoded = decode_text(bytes_view(encoded), "utf-16", "strict");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(str_view(decoded), "ab");
}

TEST_F(StrObjectTest, StrictErrorsRaise) {
  EXPECT_FALSE(decode_text("\xFF", "utf-8", "strict"));
  EXPECT_TRUE(exception_matches(&unicode_decode_error_type));
  clear_exception();
  EXPECT_FALSE(encode_text(make_str("\xC3\xA9"), "ascii", "strict"));
  EXPECT_TRUE(exception_matches(&unicode_encode_error_type));
  clear_exception();
  EXPECT_FALSE(decode_text("x", "no-such-codec", "strict"));
  EXPECT_TRUE(exception_matches(&lookup_error_type));
  clear_exception();
}

TEST(Codecs, CanonicalNames) {
  EXPECT_EQ(text_codec_name("UTF8"), "utf-8");
  EXPECT_EQ(text_codec_name("latin1"), "iso8859-1");
  EXPECT_EQ(text_codec_name("US-ASCII"), "ascii");
  EXPECT_EQ(text_codec_name(" utf 16 le "), "utf-16-le");
  EXPECT_EQ(text_codec_name("rot13"), "");
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // an encoded surrogate
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));      // truncated
}

// ---------------------------------------------------------------------------
// Code-point offsets of non-ASCII text: code_point_offset with and without an
// OffsetIndex, and the str object's indexing, slicing and bounded searches,
// against a model of the text as code points. Lengths straddle the block
// size (kOffsetBlock) and the length from which a str keeps an index.

// `length` code points mixing 1-, 2-, 3- and 4-byte UTF-8 (and a lone
// surrogate), in an order that varies with `seed`.
std::u32string mixed_code_points(size_t length, uint32_t seed) {
  static const char32_t kPool[] = {U'a', U'\u00e9', U'\u20ac', U'\U0001F600', U'z', U'\u0416',
                                   U'\uffff', U'\U0010FFFF', U'\u00ff', char32_t(0xD800), U'"', U'0'};
  std::u32string out;
  uint32_t state = seed * 2654435761u + 1;
  for (size_t i = 0; i < length; ++i) {
    state = state * 1103515245u + 12345u;
    out += kPool[(state >> 16) % (sizeof(kPool) / sizeof(kPool[0]))];
  }
  return out;
}

// `length` code points of one width: 1, 2, 3 or 4 bytes each.
std::u32string uniform_code_points(size_t length, int width) {
  static const char32_t kByWidth[] = {U'x', U'\u00e9', U'\u20ac', U'\U0001F600'};
  return std::u32string(length, kByWidth[width - 1]);
}

std::string to_utf8(const std::u32string& code_points) {
  std::string out;
  for (char32_t c : code_points) append_utf8(out, c);
  return out;
}

// The byte offset of every code point of `text`, then its size.
std::vector<size_t> model_offsets(const std::u32string& text) {
  std::vector<size_t> offsets{0};
  std::string scratch;
  for (char32_t c : text) {
    scratch.clear();
    append_utf8(scratch, c);
    offsets.push_back(offsets.back() + scratch.size());
  }
  return offsets;
}

const size_t kLengths[] = {0, 1, 2, 63, 64, 65, 127, 128, 129, 191, 192, 193, 300, 1000, 4097};

TEST(CodePointOffsets, EveryIndexInEveryOrder) {
  for (size_t length : kLengths) {
    for (int kind = 0; kind < 6; ++kind) {
      std::u32string model = kind < 4 ? uniform_code_points(length, kind + 1) : mixed_code_points(length, kind);
      std::string text = to_utf8(model);
      std::vector<size_t> expected = model_offsets(model);
      SCOPED_TRACE(testing::Message() << "length " << length << ", kind " << kind);
      OffsetIndex* index = nullptr;
      auto check = [&](size_t i) {
        ASSERT_EQ(code_point_offset(text, length, i, &index), expected[i]) << "index " << i;
        ASSERT_EQ(code_point_offset(text, length, i), expected[i]) << "index " << i << " without an index";
      };
      // Backward first (the index is built as far as the lookups reach),
      // then forward, then block boundaries and a scattered order.
      for (size_t i = length + 1; i-- > 0;) check(i);
      for (size_t i = 0; i <= length; ++i) check(i);
      for (size_t b = 0; b <= length + kOffsetBlock; b += kOffsetBlock) {
        for (size_t i : {b - 1, b, b + 1, b + kOffsetBlock / 2, b + kOffsetBlock / 2 + 1}) {
          if (i <= length) check(i);
        }
      }
      for (size_t n = 0, i = 0; n < 200 && length > 0; ++n) {
        i = (i * 7919 + 104729) % (length + 1);
        check(i);
      }
      EXPECT_EQ(index != nullptr, length >= kOffsetIndexMinLength);
      free_offset_index(index);
      // The one-shot walk agrees too, and an index past the end is the end.
      for (size_t i = 0; i <= length; i += 1 + length / 50) EXPECT_EQ(str_byte_offset(text, i), expected[i]);
      EXPECT_EQ(code_point_offset(text, length, length + 5), text.size());
    }
  }
}

TEST(CodePointOffsets, AdvanceBothWays) {
  for (size_t length : {size_t(0), size_t(9), size_t(70), size_t(300)}) {
    std::u32string model = mixed_code_points(length, 3);
    std::string text = to_utf8(model);
    std::vector<size_t> expected = model_offsets(model);
    for (size_t from = 0; from <= length; ++from) {
      for (int64_t count : {0, 1, 2, 7, 8, 9, 16, 63, 64, 65, 1000}) {
        size_t ahead = std::min(length, from + size_t(count));
        size_t behind = from >= size_t(count) ? from - size_t(count) : 0;
        ASSERT_EQ(advance_code_points(text, expected[from], count), expected[ahead]) << from << "+" << count;
        ASSERT_EQ(advance_code_points(text, expected[from], -count), expected[behind]) << from << "-" << count;
      }
    }
  }
}

// Python's str.find(sub, start, end) on the model (sub not empty).
int64_t model_find(const std::u32string& text, const std::u32string& sub, int64_t start, int64_t end,
                   bool reverse = false) {
  int64_t length = int64_t(text.size());
  if (end > length) end = length;
  if (end < 0) end = std::max<int64_t>(0, end + length);
  if (start < 0) start = std::max<int64_t>(0, start + length);
  if (start > end || end - start < int64_t(sub.size())) return -1;
  std::u32string_view window = std::u32string_view(text).substr(start, end - start);
  size_t found = reverse ? window.rfind(sub) : window.find(sub);
  return found == std::u32string_view::npos ? -1 : start + int64_t(found);
}

int64_t model_count(const std::u32string& text, const std::u32string& sub, int64_t start, int64_t end) {
  int64_t count = 0;
  for (int64_t at = model_find(text, sub, start, end); at >= 0;
       at = model_find(text, sub, at + int64_t(sub.size()), end)) {
    ++count;
  }
  return count;
}

class NonAsciiStrTest : public StrObjectTest {
 protected:
  // The same text as strs built each way a str can be: make_str, a
  // concatenation, a join, a repetition, a slice of a longer str, interning
  // and an instance of a str subclass.
  static std::vector<Ref> built_every_way(const std::u32string& model) {
    std::string text = to_utf8(model);
    std::vector<Ref> strs;
    strs.push_back(make_str(text));
    size_t half = model.size() / 2;
    Ref left = make_str(to_utf8(model.substr(0, half)));
    Ref right = make_str(to_utf8(model.substr(half)));
    strs.push_back(binary_op(left, right, BinaryOp::Add));
    Ref parts = make_tuple({left.get(), right.get()});
    strs.push_back(call_method(empty_str(), "join", {parts.get()}));
    if (model.size() % 2 == 0 && model.substr(0, half) == model.substr(half)) {
      Ref two = make_int(int64_t(2));
      strs.push_back(binary_op(left, two, BinaryOp::Multiply));
    }
    Ref longer = make_str("\xC3\xA9" + text + "\xE2\x82\xAC");
    Ref one = make_int(int64_t(1)), minus_one = make_int(int64_t(-1));
    Ref slice = make_slice(one, minus_one, none());
    strs.push_back(getitem(longer, slice));
    strs.push_back(intern(text));
    Ref name = make_str("S");
    Ref bases = make_tuple({Value(&str_type)});
    Ref dict = make_dict();
    Ref subclass = call(Value(&type_type), {name.get(), bases.get(), dict.get()});
    Ref text_str = make_str(text);
    strs.push_back(call(subclass, {text_str.get()}));
    return strs;
  }

  static std::string item_text(Value str, int64_t index) {
    Ref key = make_int(index);
    Ref item = getitem(str, key);
    EXPECT_TRUE(item) << "index " << index;
    return item ? std::string(str_view(item)) : std::string("<error>");
  }

  static std::string slice_text(Value str, std::optional<int64_t> start, std::optional<int64_t> stop,
                                std::optional<int64_t> step) {
    auto arg = [](std::optional<int64_t> v) { return v ? make_int(*v) : Ref::borrow(none()); };
    Ref a = arg(start), b = arg(stop), c = arg(step);
    Ref slice = make_slice(a, b, c);
    Ref part = getitem(str, slice);
    EXPECT_TRUE(part);
    if (!part) return "<error>";
    EXPECT_EQ(str_len(part), str_length(str_view(part)));
    EXPECT_EQ(str_is_ascii(part), str_isascii(str_view(part)));
    return std::string(str_view(part));
  }

  // The model's slice with Python's semantics.
  static std::string model_slice(const std::u32string& model, std::optional<int64_t> start,
                                 std::optional<int64_t> stop, int64_t step) {
    auto result = str_slice(to_utf8(model), start, stop, step);
    EXPECT_TRUE(result.ok());
    return result.ok() ? result.value() : std::string();
  }

  static int64_t method_int(Value str, const char* name, std::initializer_list<Value> args) {
    Ref result = call_method(str, name, args);
    EXPECT_TRUE(result) << name;
    if (!result) {
      clear_exception();
      return -999;
    }
    return result.get().as_small_int();
  }
};

TEST_F(NonAsciiStrTest, IndexingEveryWayBuilt) {
  for (size_t size : {size_t(3), size_t(64), size_t(65), size_t(128), size_t(129), size_t(300), size_t(1000)}) {
    for (int kind = 0; kind < 4; ++kind) {
      // Mixed widths; all 4-byte; all 2-byte; mixed, twice over (so that a
      // repetition builds it too).
      std::u32string model = kind == 0   ? mixed_code_points(size, 11)
                             : kind == 1 ? uniform_code_points(size, 4)
                             : kind == 2 ? uniform_code_points(size, 2)
                                         : mixed_code_points(size / 2, 4) + mixed_code_points(size / 2, 4);
      size_t length = model.size();
      std::vector<size_t> offsets = model_offsets(model);
      std::string text = to_utf8(model);
      for (Ref& str : built_every_way(model)) {
        ASSERT_TRUE(str);
        ASSERT_EQ(str_view(str), text);
        ASSERT_EQ(str_len(str), length);
        SCOPED_TRACE(testing::Message() << "length " << length << ", kind " << kind << ", type "
                                        << str.get().type()->m_tp_name);
        auto expected = [&](size_t i) { return text.substr(offsets[i], offsets[i + 1] - offsets[i]); };
        // Scattered, then backward with negative indices, then forward.
        for (size_t n = 0, i = 0; n < 100; ++n) {
          i = (i * 31 + 17) % length;
          ASSERT_EQ(item_text(str, int64_t(i)), expected(i));
        }
        for (int64_t i = -1; i >= -int64_t(length); --i) ASSERT_EQ(item_text(str, i), expected(length + i));
        for (size_t i = 0; i < length; ++i) ASSERT_EQ(item_text(str, int64_t(i)), expected(i));
        for (int64_t bad : {int64_t(length), -int64_t(length) - 1}) {
          Ref key = make_int(bad);
          EXPECT_FALSE(getitem(str, key));
          EXPECT_TRUE(exception_matches(&index_error_type));
          clear_exception();
        }
      }
    }
  }
}

TEST_F(NonAsciiStrTest, SlicesWithSteps) {
  for (size_t length : {size_t(5), size_t(64), size_t(130), size_t(700)}) {
    std::u32string model = mixed_code_points(length, 5);
    for (Ref& str : built_every_way(model)) {
      SCOPED_TRACE(testing::Message() << "length " << length << ", type " << str.get().type()->m_tp_name);
      int64_t n = int64_t(length);
      std::optional<int64_t> bounds[] = {std::nullopt, 0, 1, 63, 64, 65, n / 2, n - 1, n, n + 5,
                                         -1, -64, -65, -n, -n - 3};
      for (int64_t step : {1, 2, 3, -1, -2, 7, 64, 65, -65, 200, -300}) {
        for (auto start : bounds) {
          for (auto stop : bounds) {
            ASSERT_EQ(slice_text(str, start, stop, step), model_slice(model, start, stop, step))
                << "[" << start.value_or(-999) << ":" << stop.value_or(-999) << ":" << step << "]";
          }
        }
      }
      // Sliding windows, as a tokenizer takes them.
      for (int64_t i = 0; i + 10 <= n; i += 3) {
        ASSERT_EQ(slice_text(str, i, i + 10, std::nullopt), model_slice(model, i, i + 10, 1));
      }
    }
  }
}

TEST_F(NonAsciiStrTest, SearchesWithBounds) {
  for (size_t length : {size_t(40), size_t(129), size_t(1000)}) {
    std::u32string model = mixed_code_points(length, 9);
    for (Ref& str : built_every_way(model)) {
      SCOPED_TRACE(testing::Message() << "length " << length << ", type " << str.get().type()->m_tp_name);
      int64_t n = int64_t(length);
      for (const std::u32string& sub : {std::u32string(U"\""), std::u32string(U"\u20ac"),
                                        std::u32string(U"\U0001F600"), model.substr(length / 2, 3),
                                        model.substr(std::min<size_t>(64, length - 2), 2)}) {
        Ref needle = make_str(to_utf8(sub));
        for (int64_t start : {int64_t(0), int64_t(1), int64_t(63), int64_t(64), int64_t(65), n / 2, n - 2,
                              n, int64_t(-1), int64_t(-70), -n - 1}) {
          for (int64_t end : {int64_t(3), int64_t(64), int64_t(65), int64_t(128), n / 2 + 5, n - 1, n,
                              n + 10, int64_t(-2), int64_t(-64)}) {
            Ref a = make_int(start), b = make_int(end);
            SCOPED_TRACE(testing::Message() << "[" << start << ":" << end << "]");
            EXPECT_EQ(method_int(str, "find", {needle.get(), a.get(), b.get()}), model_find(model, sub, start, end));
            EXPECT_EQ(method_int(str, "rfind", {needle.get(), a.get(), b.get()}),
                      model_find(model, sub, start, end, true));
            EXPECT_EQ(method_int(str, "count", {needle.get(), a.get(), b.get()}), model_count(model, sub, start, end));
            int64_t found = model_find(model, sub, start, end);
            Ref index = call_method(str, "index", {needle.get(), a.get(), b.get()});
            if (found >= 0) {
              ASSERT_TRUE(index);
              EXPECT_EQ(index.get().as_small_int(), found);
            } else {
              EXPECT_FALSE(index);
              EXPECT_TRUE(exception_matches(&value_error_type));
              clear_exception();
            }
            // startswith/endswith: the window's first/last code points.
            int64_t s = start < 0 ? std::max<int64_t>(0, start + n) : std::min(start, n);
            int64_t e = end < 0 ? std::max<int64_t>(0, end + n) : std::min(end, n);
            bool starts = e - s >= int64_t(sub.size()) && model.compare(s, sub.size(), sub) == 0;
            bool ends = e - s >= int64_t(sub.size()) && model.compare(e - sub.size(), sub.size(), sub) == 0;
            Ref starts_result = call_method(str, "startswith", {needle.get(), a.get(), b.get()});
            Ref ends_result = call_method(str, "endswith", {needle.get(), a.get(), b.get()});
            ASSERT_TRUE(starts_result && ends_result);
            EXPECT_EQ(starts_result.get().is(Value(&true_object)), starts);
            EXPECT_EQ(ends_result.get().is(Value(&true_object)), ends);
          }
        }
      }
    }
  }
}

TEST_F(StrObjectTest, BytesAndByteArray) {
  Ref b = make_bytes(std::string_view("a\0b", 3));
  EXPECT_EQ(bytes_view(b).size(), 3u);
  Ref ba = make_bytearray("xyz");
  std::string_view view;
  ASSERT_TRUE(buffer_view(ba, view));
  EXPECT_EQ(view, "xyz");
  ASSERT_TRUE(buffer_view(b, view));
  EXPECT_EQ(view, std::string_view("a\0b", 3));
  EXPECT_FALSE(buffer_view(make_str("text"), view));
}

}  // namespace
