// The one clock that time.time(), time.monotonic(), time.perf_counter() and
// the event loop's loop.time() read (DESIGN §5 "Clocks").
//
// Real time reads the system clocks. Under virtual time (--virtual-time, or
// COIL_VIRTUAL_TIME=1 in the environment) the clock is simulated: it starts
// at the real time of the first reading (so time.time() still looks like a
// date) and moves only when something sleeps — a blocking time.sleep(s)
// advances it by s at once, and the event loop jumps it to its next timer
// when it would otherwise wait. Readings never go backwards in either mode.
#pragma once

#include <cstdint>

namespace coil {

// Whether the clock is simulated. Decided by COIL_VIRTUAL_TIME on the first
// call unless clock_set_virtual() was called before.
bool clock_is_virtual();
// The real monotonic clock in seconds, in either mode.
double clock_real_monotonic();
// Chooses virtual or real time; call before the first reading (--virtual-time).
void clock_set_virtual(bool is_virtual);

// Seconds (and nanoseconds) of the monotonic clock, with an arbitrary origin.
double clock_monotonic();
int64_t clock_monotonic_ns();
// Seconds (and nanoseconds) since the Unix epoch.
double clock_time();
int64_t clock_time_ns();

// Blocks for `seconds` (>= 0) of real time, with the GIL let go — less if
// a signal arrives (g_signal_pending, runtime/signals.h) — or advances the
// virtual clock by that much (and 1 µs more, as a real sleep overshoots)
// without waiting. While other threads are active (runtime/threads.h), a
// virtual sleep waits in real time too (their work is real), and the clock
// then reads at least its end.
void clock_sleep(double seconds);
void clock_sleep_ns(int64_t nanoseconds);
// Moves the virtual clock forward to the monotonic reading `deadline_ns`
// (no effect if it is already there, or in real time): how the event loop
// skips an idle wait under virtual time.
void clock_advance_to_ns(int64_t deadline_ns);
// A timed wait of `timeout_ns` that began at the monotonic reading
// `start_ns` ran out: the virtual clock moves past its end by the overshoot
// every sleep has (clock_sleep_ns), so that code computing what is left of
// a timeout sees it run out rather than reach exactly zero.
void clock_wait_timed_out(int64_t start_ns, int64_t timeout_ns);
// The same to a deadline in seconds: afterwards clock_monotonic() >= deadline.
void clock_advance_to(double deadline);

}  // namespace coil
