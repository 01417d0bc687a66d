// The container types from C++: the hash values and iteration orders that
// must equal CPython's (tuple and frozenset hashes, set table order, dict
// order under deletion), slice arithmetic, and list.sort's guarantees when
// comparisons fail. Python-level behaviour (methods, messages) is tested by
// tests/conformance/types.
//
// Expected values come from CPython 3.11 with PYTHONHASHSEED=0.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace {

using namespace coil;

class ContainersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
};

Value i(int64_t v) { return Value::small_int(v); }

std::vector<int64_t> set_items(Value set) {
  std::vector<int64_t> items;
  size_t position = 0;
  Value key;
  int64_t hash;
  while (set_next(set, position, key, hash)) items.push_back(key.as_small_int());
  return items;
}

std::vector<int64_t> dict_keys(Value dict) {
  std::vector<int64_t> keys;
  size_t position = 0;
  Value key, value;
  while (dict_next(dict, position, key, value)) keys.push_back(key.as_small_int());
  return keys;
}

// hash(()), hash((1, 2)), hash((1, (2, 3), -1))
TEST_F(ContainersTest, TupleHashIsCPythons) {
  EXPECT_EQ(*hash(empty_tuple()), 5740354900026072187);
  Ref pair = make_tuple({i(1), i(2)});
  EXPECT_EQ(*hash(pair), -3550055125485641917);
  Ref inner = make_tuple({i(2), i(3)});
  Ref nested = make_tuple({i(1), inner.get(), i(-1)});
  EXPECT_EQ(*hash(nested), -4691468712706788113);
}

// hash(frozenset()), hash(frozenset({1, 2, 3}))
TEST_F(ContainersTest, FrozensetHashIsCPythons) {
  Ref empty = make_frozenset();
  EXPECT_EQ(*hash(empty), 133146708735736);
  Ref items = make_tuple({i(1), i(2), i(3)});
  Ref three = make_frozenset(items);
  EXPECT_EQ(*hash(three), -272375401224217160);
}

// s = set(); for x in [8, 16, 0, 24, -8, 100, 3]: s.add(x)
// then s.discard(16); s.discard(0); s.add(32); s.add(40)
TEST_F(ContainersTest, SetOrderFollowsCPythonsProbing) {
  Ref set = make_set();
  for (int64_t v : {8, 16, 0, 24, -8, 100, 3}) ASSERT_TRUE(set_add(set, i(v)));
  EXPECT_EQ(set_items(set), (std::vector<int64_t>{0, 3, 100, 8, 16, -8, 24}));
  EXPECT_EQ(set_discard(set, i(16)), 1);
  EXPECT_EQ(set_discard(set, i(0)), 1);
  EXPECT_EQ(set_discard(set, i(0)), 0);
  ASSERT_TRUE(set_add(set, i(32)));
  ASSERT_TRUE(set_add(set, i(40)));
  EXPECT_EQ(set_items(set), (std::vector<int64_t>{32, 3, 100, 8, 40, -8, 24}));
}

// s = set(); for x in range(20): s.add(x * 7); then discard the even multiples
TEST_F(ContainersTest, SetGrowsAsCPythons) {
  Ref set = make_set();
  for (int64_t v = 0; v < 20; ++v) ASSERT_TRUE(set_add(set, i(v * 7)));
  EXPECT_EQ(set_items(set),
            (std::vector<int64_t>{0, 133, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98,
                                  105, 112, 119, 126}));
  for (int64_t v = 0; v < 20; v += 2) ASSERT_EQ(set_discard(set, i(v * 7)), 1);
  EXPECT_EQ(set_items(set), (std::vector<int64_t>{133, 7, 21, 35, 49, 63, 77, 91, 105, 119}));
  EXPECT_EQ(set_contains(set, i(21)), 1);
  EXPECT_EQ(set_contains(set, i(14)), 0);
}

TEST_F(ContainersTest, DictKeepsInsertionOrderAcrossDeletes) {
  Ref dict = make_dict();
  for (int64_t v = 0; v < 20; ++v) ASSERT_TRUE(dict_setitem(dict, i(v), i(v)));
  for (int64_t v = 0; v < 20; v += 2) ASSERT_EQ(dict_delitem(dict, i(v)), 1);
  EXPECT_EQ(dict_delitem(dict, i(0)), 0);
  for (int64_t v = 30; v < 33; ++v) ASSERT_TRUE(dict_setitem(dict, i(v), i(v)));
  ASSERT_TRUE(dict_setitem(dict, i(4), i(4)));  // re-inserted: goes last
  ASSERT_TRUE(dict_setitem(dict, i(3), i(0)));  // replaced: keeps its place
  EXPECT_EQ(dict_keys(dict),
            (std::vector<int64_t>{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 30, 31, 32, 4}));
  EXPECT_EQ(dict_size(dict), 14u);
  EXPECT_TRUE(dict_lookup(dict, i(3)).is(i(0)));
  EXPECT_FALSE(dict_lookup(dict, i(2)));
  EXPECT_FALSE(error_pending());
}

TEST_F(ContainersTest, DictStrKeys) {
  Ref dict = make_dict();
  ASSERT_TRUE(dict_setitem_str(dict, "alpha", i(1)));
  Ref key = make_str("alpha");  // equal text, another object
  EXPECT_TRUE(dict_lookup_str(dict, key).is(i(1)));
  EXPECT_TRUE(dict_lookup_str(dict, "alpha").is(i(1)));
  EXPECT_FALSE(dict_lookup_str(dict, "beta"));
  Ref copy = dict_copy(dict);
  EXPECT_TRUE(dict_lookup(copy, key).is(i(1)));
}

TEST_F(ContainersTest, SliceIndices) {
  int64_t start, stop, step, length;
  Ref reversed = make_slice(Value(), Value(), i(-1));
  ASSERT_TRUE(slice_indices(reversed, 5, start, stop, step, length));
  EXPECT_EQ(start, 4);
  EXPECT_EQ(stop, -1);
  EXPECT_EQ(step, -1);
  EXPECT_EQ(length, 5);
  Ref clipped = make_slice(i(-3), i(100), i(2));
  ASSERT_TRUE(slice_indices(clipped, 10, start, stop, step, length));
  EXPECT_EQ(start, 7);
  EXPECT_EQ(stop, 10);
  EXPECT_EQ(length, 2);
  Ref zero = make_slice(Value(), Value(), i(0));
  EXPECT_FALSE(slice_indices(zero, 10, start, stop, step, length));
  EXPECT_TRUE(exception_matches(&value_error_type));
  clear_exception();
}

TEST_F(ContainersTest, SortIsStable) {
  // Keys are the items' tens: equal keys keep their order.
  std::vector<int64_t> values = {31, 12, 35, 10, 33, 14, 11};
  Ref list = make_list();
  for (int64_t v : values) list_append(list, Ref::small_int(v));
  Ref key = getattr(Value::small_int(10), "__rfloordiv__");
  ASSERT_TRUE(key);
  ASSERT_TRUE(list_sort(list, key, false));
  std::vector<int64_t> sorted;
  for (const Ref& item : as_list(list)->m_items) sorted.push_back(item.get().as_small_int());
  EXPECT_EQ(sorted, (std::vector<int64_t>{12, 10, 14, 11, 31, 35, 33}));
  ASSERT_TRUE(list_sort(list, Value(), true));
  sorted.clear();
  for (const Ref& item : as_list(list)->m_items) sorted.push_back(item.get().as_small_int());
  EXPECT_EQ(sorted, (std::vector<int64_t>{35, 33, 31, 14, 12, 11, 10}));
}

TEST_F(ContainersTest, FailedSortKeepsEveryItem) {
  // Comparing a str with an int fails midway; the list must still hold
  // each item exactly once.
  Ref list = make_list();
  for (int64_t v = 0; v < 200; ++v) list_append(list, Ref::small_int((v * 37) % 101));
  list_append(list, make_str("x"));
  for (int64_t v = 0; v < 100; ++v) list_append(list, Ref::small_int(v));
  EXPECT_FALSE(list_sort(list, Value(), false));
  EXPECT_TRUE(exception_matches(&type_error_type));
  clear_exception();
  const std::vector<Ref>& items = as_list(list)->m_items;
  ASSERT_EQ(items.size(), 301u);
  int64_t sum = 0;
  int strs = 0;
  for (const Ref& item : items) {
    if (item.get().is_small_int()) {
      sum += item.get().as_small_int();
    } else {
      ++strs;
    }
  }
  int64_t expected = 0;
  for (int64_t v = 0; v < 200; ++v) expected += (v * 37) % 101;
  expected += 99 * 100 / 2;
  EXPECT_EQ(sum, expected);
  EXPECT_EQ(strs, 1);
}

TEST_F(ContainersTest, RangeLengthAndHash) {
  Ref range = make_range(0, 10, 3);
  EXPECT_EQ(*length(range), 4);
  // hash(range(3)) in CPython 3.11
  Ref three = make_range(0, 3, 1);
  EXPECT_EQ(*hash(three), -8338477496398685190);
}

}  // namespace
