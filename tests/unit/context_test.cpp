// The context machinery of runtime/context.h from C++: what the event loop
// relies on to run tasks and callbacks in their contexts cheaply — a null
// slot stays null (no Context made) until a variable is set, copies share
// their variables until one is written, entering and leaving only swap the
// current slot, and a variable's lookup cache never returns a stale value.
// Python-level behaviour is tested by tests/conformance/stdlib/contextvars_*.
#include <gtest/gtest.h>

#include "runtime/abstract.h"
#include "runtime/context.h"
#include "runtime/errors.h"
#include "runtime/str.h"

namespace {

using namespace coil;

class ContextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(init_runtime()); }
  void TearDown() override { EXPECT_FALSE(error_pending()); }
};

Ref new_var(const char* name) {
  Ref text = make_str(name);
  return call(Value(&context_var_type), {text.get()});
}

// var.set(value) in the current context.
void set(Value var, int64_t value) {
  Ref token = call_method(var, "set", {Value::small_int(value)});
  ASSERT_TRUE(token);
}

// var.get(), or -1 if it has no value.
int64_t get(Value var) {
  Ref value = context_var_get(var.as<ContextVarObject>(), Value::small_int(-1));
  return value.get().as_small_int();
}

Value data_of(Value context) { return context.as<ContextObject>()->m_data.get(); }

TEST_F(ContextTest, NullSlotGetsAContextOnlyWhenAVariableIsSet) {
  Ref var = new_var("a");
  Ref slot;
  Ref* saved = nullptr;
  Ref* outer = g_context_slot;
  ASSERT_TRUE(context_enter(slot, saved));
  EXPECT_EQ(g_context_slot, &slot);
  EXPECT_EQ(get(var), -1);
  Ref snapshot;
  ASSERT_TRUE(context_snapshot(snapshot));
  EXPECT_FALSE(snapshot) << "a copy of an empty context is a null slot";
  EXPECT_FALSE(slot) << "reading made no context";

  set(var, 1);
  ASSERT_TRUE(slot);
  EXPECT_TRUE(slot.as<ContextObject>()->m_entered);
  EXPECT_EQ(get(var), 1);
  ASSERT_TRUE(context_snapshot(snapshot));
  ASSERT_TRUE(snapshot);
  EXPECT_TRUE(data_of(snapshot).is(data_of(slot))) << "a copy shares the variables";

  context_exit(slot, saved);
  EXPECT_EQ(g_context_slot, outer);
  EXPECT_FALSE(slot.as<ContextObject>()->m_entered);
  EXPECT_EQ(get(var), -1) << "the value stays in the slot left";
}

TEST_F(ContextTest, CopiesAreWrittenOnWriteOnly) {
  Ref var = new_var("b");
  Ref first = make_context();
  Ref* saved = nullptr;
  ASSERT_TRUE(context_enter(first, saved));
  set(var, 1);
  context_exit(first, saved);

  Ref second;
  ASSERT_TRUE(context_enter(first, saved));
  ASSERT_TRUE(context_snapshot(second));
  context_exit(first, saved);
  ASSERT_TRUE(second);
  Value shared = data_of(first);
  EXPECT_TRUE(data_of(second).is(shared));

  ASSERT_TRUE(context_enter(second, saved));
  EXPECT_EQ(get(var), 1);
  set(var, 2);
  Value own = data_of(second);
  EXPECT_FALSE(own.is(shared)) << "the first write to shared variables copies them";
  uint64_t stamp = own.as<ContextDataObject>()->m_stamp;
  set(var, 3);
  EXPECT_TRUE(data_of(second).is(own)) << "variables no other context holds change in place";
  EXPECT_NE(own.as<ContextDataObject>()->m_stamp, stamp) << "each change gets a new stamp";
  EXPECT_EQ(get(var), 3) << "the lookup cache follows the stamp";
  context_exit(second, saved);

  ASSERT_TRUE(context_enter(first, saved));
  EXPECT_EQ(get(var), 1);
  context_exit(first, saved);
}

TEST_F(ContextTest, AContextIsEnteredOnceAtATime) {
  Ref context = make_context();
  Ref same = context;
  Ref* saved = nullptr;
  Ref* inner_saved = nullptr;
  ASSERT_TRUE(context_enter(context, saved));
  EXPECT_FALSE(context_enter(same, inner_saved));
  EXPECT_TRUE(exception_matches(&runtime_error_type));
  clear_exception();
  EXPECT_EQ(g_context_slot, &context) << "a failed enter changes nothing";
  context_exit(context, saved);
  ASSERT_TRUE(context_enter(same, saved));
  context_exit(same, saved);
}

}  // namespace
