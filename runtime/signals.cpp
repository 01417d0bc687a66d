// Signal handling (runtime/signals.h).
#include "runtime/signals.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/threads.h"

namespace coil {

volatile sig_atomic_t g_signal_pending = 0;
void (*g_signal_wakeup)() = nullptr;

namespace {

constexpr int kSignalCount = 65;
volatile sig_atomic_t g_tripped[kSignalCount] = {};
Ref g_handlers[kSignalCount];  // the Python-level handler of each signal, or null (SIG_DFL)

void record_signal(int signum) {
  if (signum > 0 && signum < kSignalCount) g_tripped[signum] = 1;
  g_signal_pending = 1;
  g_eval_breaker.store(1);
  if (g_signal_wakeup != nullptr) g_signal_wakeup();
}

Ref default_int_handler_function(Value, Args) {
  return raise_with(&keyboard_interrupt_type, Value()), Ref();
}
const MethodDef kDefaultIntHandler = {"default_int_handler", default_int_handler_function, ArgKind::VarArgs,
                                      "The default handler for SIGINT: raises KeyboardInterrupt."};
Ref g_default_int_handler;

bool install_os_handler(int signum, void (*handler)(int)) {
  struct sigaction action = {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking wait returns, so the handler runs promptly.
  return sigaction(signum, &action, nullptr) == 0;
}

}  // namespace

Value default_int_handler() {
  if (!g_default_int_handler) {
    g_default_int_handler = make_builtin_function(&kDefaultIntHandler, Value(), Value());
  }
  return g_default_int_handler.get();
}

void install_signal_handlers() {
  // As CPython: SIGINT only if nothing chose otherwise (a shell starts
  // background jobs with it ignored).
  struct sigaction current = {};
  sigaction(SIGINT, nullptr, &current);
  if (current.sa_handler == SIG_DFL) {
    g_handlers[SIGINT] = ref(default_int_handler());
    install_os_handler(SIGINT, record_signal);
  }
  install_os_handler(SIGPIPE, SIG_IGN);
}

void trip_signal(int signum) { record_signal(signum); }

bool run_pending_signals() {
  if (g_gc_requested) gc_collect_requested();
  // As CPython: handlers run on the main thread only.
  if (!g_signal_pending || !is_main_thread()) return true;
  g_signal_pending = 0;
  for (int signum = 1; signum < kSignalCount; ++signum) {
    if (!g_tripped[signum]) continue;
    g_tripped[signum] = 0;
    Ref handler = g_handlers[signum];
    if (!handler || is_int(handler)) continue;
    if (handler.get().is(g_default_int_handler.get())) {
      raise_with(&keyboard_interrupt_type, Value());
      return false;
    }
    Ref signum_value = make_int(int64_t(signum));
    if (!call(handler, {signum_value.get(), none()})) {
      // Signals still tripped are handled at the next check.
      for (int s = signum + 1; s < kSignalCount; ++s) {
        if (g_tripped[s]) g_signal_pending = 1;
      }
      return false;
    }
  }
  return true;
}

Ref set_signal_handler(int signum, Value handler) {
  if (signum < 1 || signum >= kSignalCount) return raise(&value_error_type, "signal number out of range");
  if (signum == SIGKILL || signum == SIGSTOP) return raise_os_error_from_errno(EINVAL), Ref();
  Ref previous = get_signal_handler(signum);
  int64_t code = -1;
  if (is_int(handler)) {
    if (!int_fits_int64(handler, code) || (code != 0 && code != 1)) {
      return raise(&type_error_type, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    if (!install_os_handler(signum, code == 0 ? SIG_DFL : SIG_IGN)) return raise_os_error_from_errno(errno), Ref();
    g_handlers[signum] = code == 0 ? Ref() : ref(handler);
    return previous;
  }
  if (!is_callable(handler)) {
    return raise(&type_error_type, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (!install_os_handler(signum, record_signal)) return raise_os_error_from_errno(errno), Ref();
  g_handlers[signum] = ref(handler);
  return previous;
}

void forget_signal_handler(int signum) {
  if (signum > 0 && signum < kSignalCount) g_handlers[signum].reset();
}

Ref get_signal_handler(int signum) {
  if (signum < 1 || signum >= kSignalCount) return raise(&value_error_type, "signal number out of range");
  if (g_handlers[signum]) return g_handlers[signum];
  struct sigaction current = {};
  sigaction(signum, nullptr, &current);
  return make_int(int64_t(current.sa_handler == SIG_IGN ? 1 : 0));
}

void exit_by_sigint() {
  flush_std_streams();
  std::signal(SIGINT, SIG_DFL);
  kill(getpid(), SIGINT);
  std::_Exit(130);
}

}  // namespace coil
