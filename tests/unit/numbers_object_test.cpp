// The int, bool, float and complex objects from C++: the small-int/big-int
// representation invariant, the C++ helpers other components use (literal
// parsing, conversions, hashing), and the slots on the edges of the
// small-int fast paths. Python-level behaviour and messages are tested by
// tests/conformance/types and tests/conformance/sys_time_math.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace {

using namespace coil;

class NumbersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
};

std::string text_of(Value v) {
  Ref r = repr(v);
  if (!r) {
    clear_exception();
    return "<error>";
  }
  return std::string(str_view(r));
}

// The exception pending, as "TypeName: message", and cleared.
std::string pending_error() {
  Ref e = fetch_exception();
  if (!e) return "<none>";
  Ref message = str(e);
  return std::string(type_name(e.type())) + ": " + std::string(str_view(message));
}

TEST_F(NumbersTest, ValuesThatFitAreSmall) {
  EXPECT_TRUE(make_int(int64_t(0)).get().is_small_int());
  EXPECT_TRUE(make_int(Value::kSmallIntMax).get().is_small_int());
  EXPECT_TRUE(make_int(Value::kSmallIntMin).get().is_small_int());
  EXPECT_FALSE(make_int(Value::kSmallIntMax + 1).get().is_small_int());
  EXPECT_FALSE(make_int(Value::kSmallIntMin - 1).get().is_small_int());
  EXPECT_FALSE(make_int(uint64_t(1) << 63).get().is_small_int());
  mpz_t value;
  mpz_init_set_si(value, -12345);
  EXPECT_TRUE(make_int(value).get().is_small_int());
  mpz_clear(value);
}

TEST_F(NumbersTest, ResultsAreNormalizedBackToSmall) {
  Ref big = make_int(Value::kSmallIntMax + 1);
  Ref one = Ref::small_int(1);
  Ref back = binary_op(big, one, BinaryOp::Subtract);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back.get().is_small_int());
  EXPECT_EQ(back.get().as_small_int(), Value::kSmallIntMax);
}

TEST_F(NumbersTest, SmallIntOverflowGrowsIntoBigInts) {
  Ref max = Ref::small_int(Value::kSmallIntMax);
  Ref sum = binary_op(max, max, BinaryOp::Add);
  EXPECT_EQ(text_of(sum), "9223372036854775806");
  Ref product = binary_op(max, max, BinaryOp::Multiply);
  EXPECT_EQ(text_of(product), "21267647932558653957237540927630737409");
  Ref shifted = binary_op(Ref::small_int(3), Ref::small_int(62), BinaryOp::LShift);
  EXPECT_EQ(text_of(shifted), "13835058055282163712");
  Ref min = Ref::small_int(Value::kSmallIntMin);
  Ref quotient = binary_op(min, Ref::small_int(-1), BinaryOp::FloorDivide);
  EXPECT_EQ(text_of(quotient), "4611686018427387904");
  Ref raised = coil::power(Ref::small_int(3), Ref::small_int(40), none());
  EXPECT_EQ(text_of(raised), "12157665459056928801");
}

TEST_F(NumbersTest, LiteralsInEveryBase) {
  EXPECT_EQ(text_of(int_from_literal("0x1f")), "31");
  EXPECT_EQ(text_of(int_from_literal("0o17")), "15");
  EXPECT_EQ(text_of(int_from_literal("0b1_01")), "5");
  EXPECT_EQ(text_of(int_from_literal("1_000_000")), "1000000");
  EXPECT_EQ(text_of(int_from_literal("000")), "0");
  EXPECT_EQ(text_of(int_from_literal("123456789012345678901234567890")), "123456789012345678901234567890");
}

TEST_F(NumbersTest, IntToMpzAndBack) {
  Ref big = int_from_literal("-98765432109876543210");
  mpz_t value;
  mpz_init(value);
  int_to_mpz(big, value);
  EXPECT_EQ(text_of(make_int(value)), "-98765432109876543210");
  int_to_mpz(Value::small_int(-7), value);
  EXPECT_EQ(mpz_get_si(value), -7);
  mpz_clear(value);
}

TEST_F(NumbersTest, IntAsDouble) {
  double out = 0;
  EXPECT_TRUE(int_as_double(Value::small_int(-3), out));
  EXPECT_EQ(out, -3.0);
  // 2**53 + 1 rounds half to even.
  EXPECT_TRUE(int_as_double(int_from_literal("9007199254740993"), out));
  EXPECT_EQ(out, 9007199254740992.0);
  Ref huge = binary_op(Ref::small_int(10), Ref::small_int(400), BinaryOp::Power);
  EXPECT_FALSE(int_as_double(huge, out));
  EXPECT_EQ(pending_error(), "OverflowError: int too large to convert to float");
}

TEST_F(NumbersTest, HashesAgreeAcrossTypes) {
  // hash(n) == hash(float(n)) == hash(complex(n)), modulo 2**61 - 1.
  Ref big = binary_op(Ref::small_int(2), Ref::small_int(70), BinaryOp::Power);
  Ref as_float = make_float(std::ldexp(1.0, 70));
  Ref as_complex = make_complex(std::ldexp(1.0, 70), 0.0);
  EXPECT_EQ(*hash(big), *hash(as_float));
  EXPECT_EQ(*hash(big), *hash(as_complex));
  EXPECT_EQ(*hash(Value::small_int(-1)), -2);
  EXPECT_EQ(*hash(int_from_literal("2305843009213693951")), 0);  // 2**61 - 1
  EXPECT_EQ(*hash(Value(&true_object)), 1);
}

TEST_F(NumbersTest, BoolsAreIntObjects) {
  EXPECT_TRUE(is_int(py_bool(true)));
  EXPECT_TRUE(is_bool(py_bool(false)));
  EXPECT_EQ(text_of(py_bool(true)), "True");
  Ref two = binary_op(py_bool(true), py_bool(true), BinaryOp::Add);
  ASSERT_TRUE(two.get().is_small_int());
  EXPECT_EQ(two.get().as_small_int(), 2);
  Ref both = binary_op(py_bool(true), py_bool(false), BinaryOp::And);
  EXPECT_TRUE(both.get().is(py_bool(false)));
  Ref inverted = invert(py_bool(true));
  EXPECT_EQ(text_of(inverted), "-2");
}

TEST_F(NumbersTest, MixedComparisonsAreExact) {
  Ref above = int_from_literal("9007199254740993");  // 2**53 + 1
  Ref below = make_float(9007199254740992.0);
  EXPECT_EQ(compare_bool(above, below, CompareOp::Gt), 1);
  EXPECT_EQ(compare_bool(below, above, CompareOp::Lt), 1);
  EXPECT_EQ(compare_bool(above, below, CompareOp::Eq), 0);
  Ref nan = make_float(NAN);
  EXPECT_EQ(compare_bool(Value::small_int(1), nan, CompareOp::Ne), 1);
  EXPECT_EQ(compare_bool(Value::small_int(1), nan, CompareOp::Le), 0);
}

TEST_F(NumbersTest, TextConversionsTranslateUnicodeDigits) {
  // Arabic-Indic digits, an em space, and a mathematical bold digit.
  EXPECT_EQ(transform_decimal_and_space("\xD9\xA1\xD9\xA2\xE2\x80\x83"), "12 ");
  EXPECT_EQ(transform_decimal_and_space("\xF0\x9D\x9F\x97"), "9");
  EXPECT_EQ(transform_decimal_and_space("\xC2\xB2"), "?");  // superscript two is no decimal
  Ref parsed = int_from_text("\xD9\xA1\xD9\xA2", 10, Value());
  EXPECT_EQ(text_of(parsed), "12");
}

TEST_F(NumbersTest, FloatOperandsAcceptInts) {
  Ref sum = binary_op(Value::small_int(1), make_float(0.5), BinaryOp::Add);
  EXPECT_EQ(text_of(sum), "1.5");
  Ref quotient = binary_op(Value::small_int(1), Value::small_int(3), BinaryOp::TrueDivide);
  EXPECT_EQ(text_of(quotient), "0.3333333333333333");
  Ref root = binary_op(make_float(-8.0), make_float(0.5), BinaryOp::Power);
  EXPECT_EQ(text_of(root), "(1.7319121124709868e-16+2.8284271247461903j)");
}

TEST_F(NumbersTest, ComplexRepr) {
  EXPECT_EQ(text_of(make_complex(1.0, 2.0)), "(1+2j)");
  EXPECT_EQ(text_of(make_complex(0.0, 1.0)), "1j");
  EXPECT_EQ(text_of(make_complex(-0.0, -1.0)), "(-0-1j)");
  EXPECT_EQ(text_of(make_complex(1.0, NAN)), "(1+nanj)");
}

}  // namespace
