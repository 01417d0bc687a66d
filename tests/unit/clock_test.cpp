// The shared clock (runtime/loop/clock.h): virtual time advances only when
// slept, by what was slept, and its readings look like the real ones.
// The mode is process-wide, so the virtual checks run in one test.
#include <gtest/gtest.h>

#include <ctime>

#include "runtime/loop/clock.h"

using namespace coil;

TEST(Clock, VirtualTimeAdvancesOnlyWhenSlept) {
  clock_set_virtual(true);
  ASSERT_TRUE(clock_is_virtual());

  // It starts at the real time, so time.time() still looks like a date.
  double real_now = double(std::time(nullptr));
  EXPECT_NEAR(clock_time(), real_now, 5.0);

  int64_t monotonic = clock_monotonic_ns();
  int64_t wall = clock_time_ns();
  EXPECT_EQ(clock_monotonic_ns(), monotonic);  // no sleep, no change
  EXPECT_EQ(clock_time_ns(), wall);

  // A ten-second sleep takes no real time and moves both clocks alike,
  // by at least what was slept.
  clock_sleep(10.0);
  int64_t slept = clock_monotonic_ns() - monotonic;
  EXPECT_GE(slept, int64_t(10'000'000'000));
  EXPECT_LT(slept, int64_t(10'001'000'000));
  EXPECT_EQ(clock_time_ns() - wall, slept);

  // Float readings around a sleep never differ by less than the sleep.
  for (double seconds : {0.05, 0.1, 0.2, 0.3, 1e-6, 0.7}) {
    double before = clock_monotonic();
    double before_wall = clock_time();
    clock_sleep(seconds);
    EXPECT_GE(clock_monotonic() - before, seconds);
    EXPECT_GE(clock_time() - before_wall, seconds);
  }

  // Negative and zero sleeps do nothing.
  int64_t now = clock_monotonic_ns();
  clock_sleep(0);
  clock_sleep(-1);
  clock_sleep_ns(-5);
  EXPECT_EQ(clock_monotonic_ns(), now);

  // The event loop's jump to a deadline, never backwards.
  clock_advance_to_ns(now + 1'000'000);
  EXPECT_EQ(clock_monotonic_ns(), now + 1'000'000);
  clock_advance_to_ns(now);
  EXPECT_EQ(clock_monotonic_ns(), now + 1'000'000);

  // A jump to a deadline in seconds reaches it as a float reading, for
  // every rounding of the deadline to nanoseconds.
  for (int i = 0; i < 20000; ++i) {
    double deadline = clock_monotonic() + 0.3 + i * 1.3e-8;
    clock_advance_to(deadline);
    ASSERT_GE(clock_monotonic(), deadline) << i;
  }

  clock_set_virtual(false);
}

TEST(Clock, RealTimeReadsTheSystemClocks) {
  clock_set_virtual(false);
  ASSERT_FALSE(clock_is_virtual());
  double real_now = double(std::time(nullptr));
  EXPECT_NEAR(clock_time(), real_now, 5.0);
  int64_t before = clock_monotonic_ns();
  clock_sleep(0.002);
  EXPECT_GE(clock_monotonic_ns() - before, int64_t(2'000'000));
  // Virtual jumps are ignored in real time.
  int64_t now = clock_monotonic_ns();
  clock_advance_to_ns(now + 3'600'000'000'000);
  EXPECT_LT(clock_monotonic_ns() - now, int64_t(1'000'000'000));
}
