// Signals (runtime/signals.cpp): the C handler only records that a signal
// arrived; the interpreter runs the Python-level handlers at its next check
// (backward jumps, calls, and after a wait the signal interrupted), as
// CPython's eval breaker does. SIGINT's default handler raises
// KeyboardInterrupt.
#pragma once

#include <csignal>

#include "runtime/gc.h"
#include "runtime/type.h"

namespace coil {

// Set by the C handler; cleared by run_pending_signals().
extern volatile sig_atomic_t g_signal_pending;
// Called by the C handler after recording a signal, when set: ends a wait
// for I/O (runtime/loop/io.cpp). Must be async-signal-safe.
extern void (*g_signal_wakeup)();

// Installs coil's handlers at start-up, as CPython does: SIGINT raises
// KeyboardInterrupt, SIGPIPE is ignored.
void install_signal_handlers();

// Records `signum` as if it had arrived (_thread.interrupt_main).
void trip_signal(int signum);

// Runs a collection the allocator asked for (runtime/gc.h), on any thread;
// then the Python handlers of the signals that arrived (on the main thread;
// elsewhere they wait for it). False with an exception pending when a
// handler raised (KeyboardInterrupt for SIGINT).
bool run_pending_signals();
inline bool check_signals() { return !(g_signal_pending | g_gc_requested) || run_pending_signals(); }

// signal.signal(): the Python-level handler of `signum` (a callable, or the
// ints SIG_DFL/SIG_IGN); returns the previous one, or null with an
// exception pending.
Ref set_signal_handler(int signum, Value handler);
Ref get_signal_handler(int signum);
// The signal's C-level handler now belongs to libuv (a loop's signal
// watcher, runtime/loop/signal_watch.h): the Python-level handler is
// forgotten, the disposition left alone.
void forget_signal_handler(int signum);
// signal.default_int_handler.
Value default_int_handler();

// After an uncaught KeyboardInterrupt: ends the process by SIGINT, as
// CPython does, so that the shell sees it (exit status 130).
[[noreturn]] void exit_by_sigint();

}  // namespace coil
