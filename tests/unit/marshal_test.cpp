// The serialized form of code objects (vm/marshal.h) and the frozen lib/
// modules: every module's code survives the round trip field by field and
// equals a fresh compile; the table linked into the binary is the one the
// current compiler makes; constants of every kind come back exactly (bits
// of floats, size of ints, interned-ness and sharing of objects); and bad
// data ends in an exception, never a crash.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/import.h"
#include "vm/marshal.h"

namespace {

using namespace coil;

class MarshalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
};

Ref compile(std::string_view source, std::string_view filename) {
  SyntaxErrorInfo error;
  Ref code = compile_source(source, filename, CompileMode::Exec, false, error);
  EXPECT_TRUE(code) << filename << ": " << error.message;
  return code;
}

std::string blob_of(Value value) {
  std::string blob;
  EXPECT_TRUE(marshal_value(value, blob));
  return blob;
}

Ref round_trip(Value value) {
  Ref back = unmarshal_value(blob_of(value));
  EXPECT_TRUE(back);
  if (!back) clear_exception();
  return back;
}

void expect_same(Value a, Value b, const std::string& where);

// Every field of the two code objects, constants compared recursively.
void expect_same_code(const CodeObject* a, const CodeObject* b, const std::string& where) {
  std::string here = where + "/" + std::string(str_view(a->m_qualname));
  EXPECT_EQ(a->m_code, b->m_code) << here;
  ASSERT_EQ(a->m_positions.size(), b->m_positions.size()) << here;
  for (size_t i = 0; i < a->m_positions.size(); ++i) {
    const Position &p = a->m_positions[i], &q = b->m_positions[i];
    EXPECT_TRUE(p.lineno == q.lineno && p.end_lineno == q.end_lineno && p.col == q.col && p.end_col == q.end_col)
        << here << " position " << i;
  }
  ASSERT_EQ(a->m_exception_table.size(), b->m_exception_table.size()) << here;
  for (size_t i = 0; i < a->m_exception_table.size(); ++i) {
    const ExceptionTableEntry &e = a->m_exception_table[i], &f = b->m_exception_table[i];
    EXPECT_TRUE(e.start == f.start && e.end == f.end && e.handler == f.handler && e.depth == f.depth &&
                e.push_lasti == f.push_lasti)
        << here << " exception entry " << i;
  }
  ASSERT_EQ(a->m_consts.size(), b->m_consts.size()) << here;
  for (size_t i = 0; i < a->m_consts.size(); ++i)
    expect_same(a->m_consts[i], b->m_consts[i], here + " const " + std::to_string(i));
  ASSERT_EQ(a->m_names.size(), b->m_names.size()) << here;
  for (size_t i = 0; i < a->m_names.size(); ++i) expect_same(a->m_names[i], b->m_names[i], here + " name");
  ASSERT_EQ(a->m_localsplus_names.size(), b->m_localsplus_names.size()) << here;
  for (size_t i = 0; i < a->m_localsplus_names.size(); ++i)
    expect_same(a->m_localsplus_names[i], b->m_localsplus_names[i], here + " localsplus name");
  EXPECT_EQ(a->m_localsplus_kinds, b->m_localsplus_kinds) << here;
  EXPECT_EQ(a->m_argcount, b->m_argcount) << here;
  EXPECT_EQ(a->m_posonlyargcount, b->m_posonlyargcount) << here;
  EXPECT_EQ(a->m_kwonlyargcount, b->m_kwonlyargcount) << here;
  EXPECT_EQ(a->m_flags, b->m_flags) << here;
  EXPECT_EQ(a->m_stacksize, b->m_stacksize) << here;
  EXPECT_EQ(a->m_nlocals, b->m_nlocals) << here;
  EXPECT_EQ(a->m_ncellvars, b->m_ncellvars) << here;
  EXPECT_EQ(a->m_nfreevars, b->m_nfreevars) << here;
  EXPECT_EQ(a->m_firstlineno, b->m_firstlineno) << here;
  expect_same(a->m_name, b->m_name, here + " co_name");
  expect_same(a->m_qualname, b->m_qualname, here + " co_qualname");
  expect_same(a->m_filename, b->m_filename, here + " co_filename");
  EXPECT_EQ(a->m_source, b->m_source) << here;
}

uint64_t bits_of(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

// Same type and the same value, exactly: a float's bits, a str's text and
// interned-ness, a frozenset's items (each found equal in the other).
void expect_same(Value a, Value b, const std::string& where) {
  ASSERT_TRUE(a && b) << where;
  ASSERT_EQ(a.type(), b.type()) << where;
  Type* type = a.type();
  if (type == &int_type || a.is_small_int()) {
    EXPECT_EQ(mpz_cmp(IntView(a), IntView(b)), 0) << where;
  } else if (type == &float_type) {
    EXPECT_EQ(bits_of(float_value(a)), bits_of(float_value(b))) << where;
  } else if (type == &complex_type) {
    EXPECT_EQ(bits_of(a.as<ComplexObject>()->m_real), bits_of(b.as<ComplexObject>()->m_real)) << where;
    EXPECT_EQ(bits_of(a.as<ComplexObject>()->m_imag), bits_of(b.as<ComplexObject>()->m_imag)) << where;
  } else if (type == &str_type) {
    EXPECT_EQ(str_view(a), str_view(b)) << where;
    EXPECT_EQ(a.as<StrObject>()->m_interned, b.as<StrObject>()->m_interned) << where << " " << str_view(a);
    if (a.as<StrObject>()->m_interned) {
      EXPECT_TRUE(a.is(b)) << where;
    }
  } else if (type == &bytes_type) {
    EXPECT_EQ(bytes_view(a), bytes_view(b)) << where;
  } else if (type == &tuple_type) {
    ASSERT_EQ(tuple_size(a), tuple_size(b)) << where;
    for (size_t i = 0; i < tuple_size(a); ++i) expect_same(tuple_item(a, i), tuple_item(b, i), where + "[]");
  } else if (type == &frozenset_type) {
    ASSERT_EQ(set_size(a), set_size(b)) << where;
    size_t position = 0;
    Value key;
    int64_t hash;
    while (set_next(a, position, key, hash)) EXPECT_EQ(set_contains(b, key), 1) << where;
  } else if (type == &code_type) {
    expect_same_code(a.as<CodeObject>(), b.as<CodeObject>(), where);
  } else {
    EXPECT_TRUE(a.is(b)) << where << ": a singleton";
  }
}

TEST_F(MarshalTest, EveryLibModuleRoundTripsAndEqualsAFreshCompile) {
  int modules = 0;
  for (const EmbeddedModule* m = kEmbeddedModules; m->name != nullptr; ++m, ++modules) {
    std::string file = "<frozen " + std::string(m->name) + ">";
    Ref code = compile(m->source, file);
    ASSERT_TRUE(code);
    Ref back = round_trip(code);
    ASSERT_TRUE(back) << m->name;
    ASSERT_TRUE(is_code(back));
    Ref fresh = compile(m->source, file);
    expect_same_code(back.as<CodeObject>(), fresh.as<CodeObject>(), m->name);
    // And the bytes are the same each time: the build's output is stable.
    EXPECT_EQ(blob_of(back), blob_of(fresh)) << m->name;
  }
  EXPECT_GT(modules, 40);
}

TEST_F(MarshalTest, TheLinkedTableIsWhatTheCompilerMakesNow) {
  for (const EmbeddedModule* m = kEmbeddedModules; m->name != nullptr; ++m) {
    const FrozenModule* frozen = find_frozen_module(m->name);
    ASSERT_NE(frozen, nullptr) << m->name;
    Ref code = compile(m->source, "<frozen " + std::string(m->name) + ">");
    EXPECT_TRUE(std::string_view(frozen->data, frozen->size) == blob_of(code)) << m->name << " is stale";
  }
}

TEST_F(MarshalTest, ConstantsOfEveryKind) {
  Mpz big;
  mpz_ui_pow_ui(big, 7, 300);
  Ref big_int = make_int(big);
  mpz_neg(big, big);
  Ref negative_big_int = make_int(big);
  double nan = std::numeric_limits<double>::quiet_NaN();
  double infinity = std::numeric_limits<double>::infinity();
  Ref text = make_str("caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9d\x84\x9e");
  Ref inner = make_tuple({text.get(), make_bytes(std::string("\0\xff\x80z", 4)).get(), empty_tuple()});
  Ref set = make_frozenset();
  for (Value item : {Value::small_int(1), text.get(), inner.get(), py_bool(false), none()})
    ASSERT_TRUE(set_add(set, item));
  Ref nested_set = make_frozenset();
  ASSERT_TRUE(set_add(nested_set, set));
  ASSERT_TRUE(set_add(nested_set, make_float(2.5)));
  Ref values = make_tuple({
      none(), ellipsis(), py_bool(true), py_bool(false),
      Value::small_int(0), Value::small_int(-1), Value::small_int(Value::kSmallIntMax),
      Value::small_int(Value::kSmallIntMin),
      make_int(int64_t(Value::kSmallIntMax) + 1).get(), make_int(std::numeric_limits<int64_t>::min()).get(),
      make_int(std::numeric_limits<uint64_t>::max()).get(), big_int.get(), negative_big_int.get(),
      make_float(-0.0).get(), make_float(nan).get(), make_float(-nan).get(), make_float(infinity).get(),
      make_float(5e-324).get(), make_complex(-0.0, -infinity).get(), make_complex(nan, 1.5).get(),
      text.get(), make_str("").get(), intern("an_identifier").get(), make_str("not interned").get(),
      make_bytes("").get(), inner.get(), make_tuple({inner.get(), make_tuple({inner.get()}).get()}).get(),
      set.get(), nested_set.get(), make_frozenset().get(),
  });
  Ref back = round_trip(values);
  ASSERT_TRUE(back);
  expect_same(values, back, "values");
  // An object met twice is read back as one object.
  Value first_inner = tuple_item(back, 25);
  Value nested = tuple_item(back, 26);
  EXPECT_TRUE(tuple_item(nested, 0).is(first_inner));
  EXPECT_TRUE(tuple_item(tuple_item(nested, 1), 0).is(first_inner));
  EXPECT_TRUE(tuple_item(first_inner, 0).is(tuple_item(back, 20)));
}

TEST_F(MarshalTest, CodeOfEveryShape) {
  const char* source = R"(
import asyncio
def outer(a, /, b, *args, c=1, **kwargs):
    cell = [a]
    def inner(x=cell):
        nonlocal b
        b += 1
        return cell, b, x
    return inner
def gen(n):
    yield from range(n)
    total = yield n
    return total
async def coro(x):
    await asyncio.sleep(0)
    async with x as y:
        async for z in y:
            return [w async for w in z]
async def agen():
    yield 1
class K(Base, metaclass=Meta):
    "doc"
    attr: int = 3
    def method(self):
        return super().method(), __class__
lambda_ = lambda q, *, r: q + r
squares = {k: k * k for k in range(10) if k in {1, 2, 'x', 3.5, (1, 2)}}
try:
    pass
except* ValueError as e:
    raise RuntimeError("x") from e
match squares:
    case {1: x, **rest} if x > (1 << 100):
        pass
    case ([1, 2, *others] | (3, 4, *others)) as alt:
        pass
    case K(attr=3):
        pass
big = 123456789012345678901234567890 * -1.5j + 2e300 - 0.0
text = "\u00e9t\u00e9 \U0001d11e" + f"{big!r:>{10}}" + b"\x00\xff".hex()
)";
  Ref code = compile(source, "shapes.py");
  ASSERT_TRUE(code);
  Ref back = round_trip(code);
  ASSERT_TRUE(back);
  expect_same(code, back, "shapes");
  // The generator, coroutine and async generator flags came along.
  uint32_t flags = 0;
  for (const Ref& constant : back.as<CodeObject>()->m_consts)
    if (is_code(constant)) flags |= constant.as<CodeObject>()->m_flags;
  EXPECT_TRUE(flags & kCodeGenerator);
  EXPECT_TRUE(flags & kCodeCoroutine);
  EXPECT_TRUE(flags & kCodeAsyncGenerator);
}

TEST_F(MarshalTest, KeptSourceTextRoundTrips) {
  Ref code = compile("def f():\n    return 1\n", "<cell>");
  ASSERT_TRUE(code);
  code_set_source(code, "def f():\n    return 1\n");
  Ref back = round_trip(code);
  ASSERT_TRUE(back);
  expect_same(code, back, "cell");
}

TEST_F(MarshalTest, UnsupportedValuesAreRefused) {
  std::string blob;
  Ref set = make_set();
  EXPECT_FALSE(marshal_value(set, blob));
  EXPECT_TRUE(exception_matches(&type_error_type));
  clear_exception();
  EXPECT_TRUE(blob.empty());
}

// Bad data of every kind ends in an exception: a cut at every length, each
// byte changed, another header, nesting too deep.
TEST_F(MarshalTest, BadDataFailsCleanly) {
  Ref code = compile("def f(a, *b):\n    try:\n        return {a: (b, 1.5, 'x', 10**40)}\n"
                     "    except E as e:\n        return e\n",
                     "bad.py");
  ASSERT_TRUE(code);
  std::string blob = blob_of(code);
  for (size_t size = 0; size < blob.size(); ++size) {
    EXPECT_FALSE(unmarshal_value(std::string_view(blob).substr(0, size))) << size;
    EXPECT_TRUE(error_pending());
    clear_exception();
  }
  for (size_t i = 0; i < blob.size(); ++i) {
    for (unsigned char change : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
      std::string damaged = blob;
      damaged[i] = char(uint8_t(damaged[i]) ^ change);
      Ref back = unmarshal_value(damaged);
      if (!back) {
        EXPECT_TRUE(error_pending());
        clear_exception();
      }
    }
  }
  std::string trailing = blob + "N";
  EXPECT_FALSE(unmarshal_value(trailing));
  clear_exception();

  std::string other_version = blob;
  other_version[4] = char(kMarshalVersion + 1);
  EXPECT_FALSE(marshal_header_matches(other_version));
  EXPECT_FALSE(error_pending());
  EXPECT_FALSE(unmarshal_value(other_version));
  EXPECT_TRUE(exception_matches(&value_error_type));
  clear_exception();
  EXPECT_TRUE(marshal_header_matches(blob));

  std::string deep = blob_of(none());
  deep.pop_back();
  for (int i = 0; i < 100000; ++i) deep += "t\x01";
  deep += "N";
  EXPECT_FALSE(unmarshal_value(deep));
  EXPECT_TRUE(exception_matches(&value_error_type));
  clear_exception();
}

// The one-operator forms of BINARY_OP load only with their own operator
// (or its augmented form).
TEST_F(MarshalTest, BinaryOperatorFormsKeepTheirOperator) {
  Ref code = compile("x = a + b\n", "add.py");
  ASSERT_TRUE(code);
  std::string blob = blob_of(code);
  size_t at = blob.find(std::string{char(BINARY_OP_ADD), char(uint8_t(BinaryOp::Add))});
  ASSERT_NE(at, std::string::npos);
  std::string augmented = blob;
  augmented[at + 1] = char(uint8_t(BinaryOp::InplaceAdd));
  EXPECT_TRUE(unmarshal_value(augmented));
  for (BinaryOp other : {BinaryOp::Multiply, BinaryOp::Subtract, BinaryOp::Xor}) {
    std::string damaged = blob;
    damaged[at + 1] = char(uint8_t(other));
    EXPECT_FALSE(unmarshal_value(damaged));
    EXPECT_TRUE(exception_matches(&value_error_type));
    clear_exception();
  }
}

}  // namespace
