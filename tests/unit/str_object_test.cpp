// The str, bytes and bytearray objects from C++: creation, interning, the
// hash CPython computes, and the codecs. Python-level behaviour (methods,
// messages, formatting) is tested by tests/conformance/{types,formatting}.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/hash.h"
#include "runtime/str.h"

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
