// The cycle collector from C++ (runtime/gc.h): what it tracks, that it
// frees cycles and only cycles, and that an object referred to from
// outside keeps everything it reaches. Python-level behaviour (counts,
// finalizers, weak references) is tested by tests/conformance/stdlib/gc_*.
#include <gtest/gtest.h>

#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace {

using namespace coil;

class GCTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
  void SetUp() override { gc_collect(2); }
};

TEST_F(GCTest, TracksContainersOnly) {
  Ref list = make_list();
  Ref text = make_str("text");
  EXPECT_TRUE(gc_is_tracked(list));
  EXPECT_FALSE(gc_is_tracked(text));
  EXPECT_FALSE(gc_is_tracked(Value::small_int(3)));
  // Static and immortal objects have no head the collector may use.
  EXPECT_FALSE(gc_is_tracked(Value(&list_type)));
  EXPECT_FALSE(gc_is_tracked(empty_tuple()));
}

TEST_F(GCTest, FreesASelfCycle) {
  Ref list = make_list();
  list_append(list, ref(list.get()));
  list.reset();
  EXPECT_EQ(gc_collect(2), 1);
  EXPECT_EQ(gc_collect(2), 0);
}

TEST_F(GCTest, KeepsWhatAnOutsideReferenceReaches) {
  // a -> b -> a, with a held here: nothing is garbage.
  Ref a = make_list();
  Ref b = make_list();
  list_append(a, ref(b.get()));
  list_append(b, ref(a.get()));
  Value b_value = b.get();
  b.reset();
  EXPECT_EQ(gc_collect(0), 0);
  EXPECT_EQ(as_list(a)->m_items.size(), 1u);
  EXPECT_TRUE(as_list(a)->m_items[0].get().is(b_value));
  EXPECT_EQ(as_list(b_value)->m_items.size(), 1u);
  // Dropped, the pair goes.
  a.reset();
  EXPECT_EQ(gc_collect(2), 2);
}

TEST_F(GCTest, FreesACycleThroughADictAndATuple) {
  Ref dict = make_dict();
  Ref tuple = make_tuple(1);
  tuple_set(tuple, 0, ref(dict.get()));
  ASSERT_TRUE(dict_setitem_str(dict, "t", tuple));
  tuple.reset();
  dict.reset();
  EXPECT_EQ(gc_collect(2), 2);
}

TEST_F(GCTest, YoungCollectionsPromoteSurvivors) {
  Ref list = make_list();
  Ref objects = gc_objects(0);
  bool young = false;
  for (const Ref& item : as_list(objects)->m_items) young |= item.get().is(list.get());
  EXPECT_TRUE(young);
  objects.reset();
  gc_collect(0);
  Ref older = gc_objects(1);
  bool promoted = false;
  for (const Ref& item : as_list(older)->m_items) promoted |= item.get().is(list.get());
  EXPECT_TRUE(promoted);
}

}  // namespace
