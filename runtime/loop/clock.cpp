// The real and the virtual clock (runtime/loop/clock.h).
//
// Both are kept in integer nanoseconds, as CPython's _PyTime_t: seconds as
// a double lose precision after a few months of uptime, and the _ns readings
// must count exactly. The virtual clock is the real readings taken at start
// plus the time slept so far.
#include "runtime/loop/clock.h"

#include "runtime/signals.h"
#include "runtime/threads.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace coil {

namespace {

enum class Mode { Undecided, Real, Virtual };
Mode g_mode = Mode::Undecided;

// The virtual clock: real readings at its start, and the time slept since.
int64_t g_virtual_monotonic_origin = 0;
int64_t g_virtual_time_origin = 0;
int64_t g_virtual_elapsed = 0;
constexpr int64_t kVirtualOvershoot = 1000;  // 1 µs

int64_t read_clock(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void start_virtual_clock() {
  g_virtual_monotonic_origin = read_clock(CLOCK_MONOTONIC);
  g_virtual_time_origin = read_clock(CLOCK_REALTIME);
  g_virtual_elapsed = 0;
}

Mode mode() {
  if (g_mode == Mode::Undecided) {
    const char* setting = std::getenv("COIL_VIRTUAL_TIME");
    bool is_virtual = setting != nullptr && *setting != '\0' && std::strcmp(setting, "0") != 0;
    clock_set_virtual(is_virtual);
  }
  return g_mode;
}

}  // namespace

bool clock_is_virtual() { return mode() == Mode::Virtual; }

double clock_real_monotonic() { return double(read_clock(CLOCK_MONOTONIC)) / 1e9; }

void clock_set_virtual(bool is_virtual) {
  g_mode = is_virtual ? Mode::Virtual : Mode::Real;
  if (is_virtual) start_virtual_clock();
}

int64_t clock_monotonic_ns() {
  if (mode() == Mode::Virtual) return g_virtual_monotonic_origin + g_virtual_elapsed;
  return read_clock(CLOCK_MONOTONIC);
}

int64_t clock_time_ns() {
  if (mode() == Mode::Virtual) return g_virtual_time_origin + g_virtual_elapsed;
  return read_clock(CLOCK_REALTIME);
}

// Divided rather than multiplied by 1e-9, as CPython's
// _PyTime_AsSecondsDouble, so that the floats are the same.
double clock_monotonic() { return double(clock_monotonic_ns()) / 1e9; }
double clock_time() { return double(clock_time_ns()) / 1e9; }

namespace {

// Sleeps `nanoseconds` of real time with the GIL let go; a signal ends
// the sleep early, for its handler to run.
void real_sleep_ns(int64_t nanoseconds) {
  // Until an absolute deadline, so that interruptions by signals neither
  // shorten nor lengthen the wait.
  struct timespec deadline;
  int64_t until = read_clock(CLOCK_MONOTONIC) + nanoseconds;
  deadline.tv_sec = time_t(until / 1000000000);
  deadline.tv_nsec = long(until % 1000000000);
  ReleaseGil release;
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR) {
    if (g_signal_pending) return;
  }
}

}  // namespace

void clock_sleep_ns(int64_t nanoseconds) {
  if (nanoseconds <= 0) return;
  if (mode() == Mode::Virtual) {
    // A real sleep always ends a little late; so does a virtual one, by
    // kVirtualOvershoot, so that the difference of two float readings
    // around it is never less than the time slept (float rounding of the
    // readings would otherwise make `after - before >= s` fail).
    int64_t end = g_virtual_monotonic_origin + g_virtual_elapsed + nanoseconds + kVirtualOvershoot;
    if (other_threads_active()) {
      // Other threads progress in real time while this one sleeps, and
      // what they do meanwhile must happen before it wakes: the sleep is
      // real, and the clock then reads at least its end (runtime/threads.h).
      real_sleep_ns(nanoseconds);
    }
    clock_advance_to_ns(end);
    return;
  }
  real_sleep_ns(nanoseconds);
}

void clock_sleep(double seconds) {
  if (!(seconds > 0)) return;
  double ns = std::ceil(seconds * 1e9);
  clock_sleep_ns(ns >= 9.2e18 ? INT64_MAX / 2 : int64_t(ns));
}

void clock_advance_to_ns(int64_t deadline_ns) {
  if (mode() != Mode::Virtual) return;
  int64_t now = g_virtual_monotonic_origin + g_virtual_elapsed;
  if (deadline_ns > now) g_virtual_elapsed += deadline_ns - now;
}

void clock_wait_timed_out(int64_t start_ns, int64_t timeout_ns) {
  clock_advance_to_ns(start_ns + timeout_ns + kVirtualOvershoot);
}

void clock_advance_to(double deadline) {
  if (mode() != Mode::Virtual || !(deadline > 0)) return;
  // The smallest whole nanosecond whose reading in seconds is not below
  // the deadline: ceil(deadline * 1e9) alone can read one ulp short, and a
  // timer due at `deadline` would then never be due.
  if (deadline >= 9e9) {  // beyond what int64 nanoseconds hold: the far future
    clock_advance_to_ns(INT64_MAX / 2);
    return;
  }
  int64_t ns = int64_t(std::ceil(deadline * 1e9));
  while (double(ns) / 1e9 < deadline) ++ns;
  clock_advance_to_ns(ns);
}

}  // namespace coil
