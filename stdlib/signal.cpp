// The native part of `signal` (`_signal`, which lib/signal.py turns into
// CPython's module with the Signals and Handlers enums): Python-level signal
// handlers (runtime/signals.h), the signal numbers, strsignal and alarm.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/set.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"

namespace coil {

namespace {

bool signal_number(Value v, int& signum) {
  int64_t n;
  if (!is_int(v) || !int_fits_int64(v, n)) {
    raise_type_error_for("'%s' object cannot be interpreted as an integer", v);
    return false;
  }
  if (n < 1 || n > 64) {
    raise(&value_error_type, "signal number out of range");
    return false;
  }
  signum = int(n);
  return true;
}

Ref signal_signal(Value, Args args) {
  if (!check_positional("signal", args, 2, 2)) return {};
  // As CPython: handlers run on the main thread, and only it may set them.
  if (!is_main_thread()) return raise(&value_error_type, "signal only works in main thread of the main interpreter");
  int signum;
  if (!signal_number(args[0], signum)) return {};
  return set_signal_handler(signum, args[1]);
}

Ref signal_getsignal(Value, Args args) {
  if (!check_positional("getsignal", args, 1, 1)) return {};
  int signum;
  if (!signal_number(args[0], signum)) return {};
  return get_signal_handler(signum);
}

Ref signal_raise_signal(Value, Args args) {
  if (!check_positional("raise_signal", args, 1, 1)) return {};
  int signum;
  if (!signal_number(args[0], signum)) return {};
  // Other threads keep signals blocked (runtime/threads.h): theirs go to
  // the main thread, whose handlers run for them as CPython's do.
  int status = is_main_thread() ? ::raise(signum) : signal_main_thread(signum);
  if (status != 0) return raise_os_error_from_errno(status < 0 ? errno : status), Ref();
  if (!check_signals()) return {};
  return new_none();
}

// valid_signals(): the signals this system knows, as CPython's (on Linux
// 1-31 and 34-64: the C library keeps 32 and 33 for itself).
Ref signal_valid_signals(Value, Args) {
  Ref result = make_set();
  if (!result) return {};
  sigset_t all;
  sigfillset(&all);
  for (int signum = 1; signum <= 64; ++signum) {
    if (sigismember(&all, signum) != 1) continue;
    if (!set_add(result, Value::small_int(signum))) return {};
  }
  return result;
}

// strsignal(signalnum): the system's description ("Interrupt"), or None.
Ref signal_strsignal(Value, Args args) {
  int signum;
  if (!signal_number(args[0], signum)) return {};
  const char* text = ::strsignal(signum);
  if (text == nullptr || std::strncmp(text, "Unknown signal", 14) == 0 ||
      std::strncmp(text, "Real-time signal", 16) == 0) {
    return new_none();
  }
  return make_str(text);
}

// alarm(seconds): SIGALRM after that many seconds (0 cancels); the seconds
// that were left of the previous alarm.
Ref signal_alarm(Value, Args args) {
  int64_t seconds;
  if (!is_int(args[0]) || !int_fits_int64(args[0], seconds)) {
    return raise_type_error_for("'%s' object cannot be interpreted as an integer", args[0]);
  }
  if (seconds < 0 || seconds > UINT32_MAX) return raise(&overflow_error_type, "Python int too large to convert to C unsigned int");
  return make_int(int64_t(::alarm(unsigned(seconds))));
}

const MethodDef kSignalFunctions[] = {
    {"strsignal", signal_strsignal, ArgKind::OneArg},
    {"alarm", signal_alarm, ArgKind::OneArg},
    {"valid_signals", signal_valid_signals, ArgKind::NoArgs},
    {"signal", signal_signal, ArgKind::VarArgs},
    {"getsignal", signal_getsignal, ArgKind::VarArgs},
    {"raise_signal", signal_raise_signal, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_signal(Value module) {
  if (!module_add_functions(module, kSignalFunctions)) return false;
  Value dict = module_dict(module);
  static const struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"SIG_DFL", 0},        {"SIG_IGN", 1},        {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},
      {"SIGQUIT", SIGQUIT},  {"SIGILL", SIGILL},    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},
      {"SIGBUS", SIGBUS},    {"SIGFPE", SIGFPE},    {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1},
      {"SIGSEGV", SIGSEGV},  {"SIGUSR2", SIGUSR2},  {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
      {"SIGTERM", SIGTERM},  {"SIGCHLD", SIGCHLD},  {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
      {"SIGTSTP", SIGTSTP},  {"SIGTTIN", SIGTTIN},  {"SIGTTOU", SIGTTOU}, {"SIGWINCH", SIGWINCH},
      {"SIGIO", SIGIO},      {"SIGPROF", SIGPROF},  {"SIGSYS", SIGSYS},   {"SIGURG", SIGURG},
      {"SIGVTALRM", SIGVTALRM}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGPWR", SIGPWR},
      {"SIGSTKFLT", SIGSTKFLT}, {"SIGRTMIN", SIGRTMIN}, {"SIGRTMAX", SIGRTMAX},
      {"NSIG", 65},
  };
  for (const auto& c : kConstants) {
    if (!dict_setitem_str(dict, c.name, Value::small_int(c.value))) return false;
  }
  return dict_setitem_str(dict, "default_int_handler", default_int_handler());
}

}  // namespace

COIL_REGISTER_MODULE("_signal", init_signal);

}  // namespace coil
