// OS threads and the global interpreter lock (runtime/threads.cpp).
//
// Python code runs on one thread at a time: the one holding the GIL. The
// interpreter's per-thread state — the ThreadState (g_thread), the frame
// stack, the current context, the running event loop, the asyncgen hooks,
// the repr guard, the libuv loop of runtime/loop/io — lives in globals
// while its thread holds the GIL, and is swapped into that thread's
// ThreadRecord when it lets the GIL go (and back when it takes it again).
// Reading a global costs nothing extra on the hot path; the swap costs a
// few pointer moves per hand-off.
//
// The hand-off follows CPython's "new GIL": a thread that waits for the
// GIL longer than the switch interval (sys.setswitchinterval, 5 ms by
// default) sets a drop request and the eval breaker; the running thread
// notices it where it checks for pending signals (backward jumps, calls),
// lets the GIL go and waits until another thread has taken it. Blocking
// calls (time.sleep, lock acquires, reads of pipes and terminals, the event
// loop's poll) let the GIL go around the wait with ReleaseGil.
//
// Until a second thread is started nothing of this runs: no lock is taken,
// ReleaseGil does nothing, and the eval breaker is only ever set by signals.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/errors.h"
#include "runtime/object.h"

namespace coil {

struct ThreadRecord;

// Nonzero when the interpreter should leave its fast path at its next check:
// a signal arrived (handled on the main thread only), another thread
// waits for the GIL, or the allocator asked for a collection (runtime/gc.h). Written by signal handlers and other threads; the
// interpreter reads it with a plain load.
extern std::atomic<int> g_eval_breaker;

// Called by the interpreter when the eval breaker is set: lets the GIL go
// for a waiting thread, runs a requested collection, and pending signal
// handlers on the main thread.
// False with an exception pending when a handler raised.
bool handle_eval_breaker();
inline bool check_eval_breaker() {
  return !g_eval_breaker.load(std::memory_order_relaxed) || handle_eval_breaker();
}

// Whether a second thread was ever started (the GIL is then in use).
extern bool g_threads_started;
// Threads started by start_thread() that are still running.
int other_threads_running();
// Whether the caller is the main thread (where signals are handled).
bool is_main_thread();

// Virtual time with threads (runtime/loop/clock.h): the clock may jump
// ahead only while no other thread can act. A thread counts as active
// unless it waits with no deadline for another thread (an untimed lock
// acquire, an event loop with nothing scheduled): such a thread can only
// be woken by an active one. Whoever wakes an idle thread counts it active
// at once (a hand-off), so that no jump slips in before it runs again.
bool other_threads_active();
void thread_becomes_idle();
void thread_becomes_active();

// Lets the GIL go for the scope of a blocking wait, when other threads
// exist. Nothing between construction and destruction may touch Python
// objects or the interpreter's globals.
class ReleaseGil {
 public:
  ReleaseGil();
  ~ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  ThreadRecord* m_self;
};

// For code that may run with or without the GIL on this OS thread (a
// libuv callback during a wait that let the GIL go): takes it for the
// scope if this thread let it go, else does nothing.
class EnsureGil {
 public:
  EnsureGil();
  ~EnsureGil();
  EnsureGil(const EnsureGil&) = delete;
  EnsureGil& operator=(const EnsureGil&) = delete;

 private:
  ThreadRecord* m_self;
};

// sys.getswitchinterval / setswitchinterval, in seconds.
double get_switch_interval();
void set_switch_interval(double seconds);

// Sends `signum` to the main thread (pthread_kill): 0, or an errno value.
int signal_main_thread(int signum);

// Starts an OS thread running `function(*args, **kwargs)` (kwargs may be
// null). Returns the new thread's identifier (get_ident() there), or null
// with RuntimeError pending.
Ref start_thread(Value function, Value args, Value kwargs);
struct LockCore;
// _thread._set_sentinel(): `lock` (`core` its lock) is released when the
// calling thread ends, after its last Python code ran.
void thread_add_sentinel(Value lock, LockCore* core);
// After the main program ended and the threads it waits for were joined:
// the daemon threads still running never take the GIL again.
void finalize_threads();
// _thread.get_ident() / get_native_id() of the calling thread.
uint64_t thread_ident();
int64_t thread_native_id();
// _thread._count(): threads started by _thread that are still running.
int64_t thread_count();
// _thread.stack_size(): the size for new threads' stacks (0: the default).
size_t thread_stack_size();
void set_thread_stack_size(size_t bytes);

// A binary lock that waits with the GIL released (runtime/threads.cpp):
// acquire(timeout) — negative timeout waits forever, zero only tries.
// Returns 1 acquired, 0 timed out, -1 with an exception pending (a signal
// handler raised while the main thread waited). Under virtual time a wait
// that times out moves the clock by its timeout.
LockCore* lock_core_new();
void lock_core_delete(LockCore* lock);
int lock_core_acquire(LockCore* lock, double timeout);
void lock_core_release(LockCore* lock);
bool lock_core_locked(LockCore* lock);

}  // namespace coil
