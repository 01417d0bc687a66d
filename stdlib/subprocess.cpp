// The `_subprocess` module: what lib/subprocess.py needs below the os
// module — starting a child with fork and exec, waiting for it with a
// timeout, and poll() over the pipes for Popen.communicate.
//
// Waits here are in real time even under --virtual-time (DESIGN §5): a
// child process does real work, so a timeout given for it is measured on
// the real clock, and `monotonic()` gives that clock to the Python side.
//
// The child side of spawn runs between fork and exec, where only
// async-signal-safe calls are allowed (the parent may have other threads):
// everything it needs — argv, envp, the paths to try — is built before the
// fork, and it reports a failure to the parent as (errno, stage) through a
// close-on-exec pipe, as CPython's _posixsubprocess does.
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/clock.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "stdlib/os_string.h"

extern char** environ;

namespace coil {

bool os_string(Value v, std::string& out) {
  if (is_str(v)) {
    out = std::string(str_view(v));
  } else if (is_bytes(v)) {
    out = std::string(bytes_view(v));
  } else {
    raise_type_error_for("expected str, bytes or os.PathLike object, not %s", v);
    return false;
  }
  if (out.find('\0') != std::string::npos) {
    raise(&value_error_type, "embedded null byte");
    return false;
  }
  return true;
}

bool os_string_list(Value v, std::vector<std::string>& out) {
  return for_each(v, [&](Value item) {
    std::string text;
    if (!os_string(item, text)) return false;
    out.push_back(std::move(text));
    return true;
  });
}

namespace {

// Where a child failed before running its program.
enum SpawnStage : int { kSpawnOk = 0, kSpawnChdir = 1, kSpawnExec = 2 };


bool int_argument(Value v, int64_t& out) {
  if (!is_int(v)) {
    raise_type_error_for("'%s' object cannot be interpreted as an integer", v);
    return false;
  }
  if (!int_fits_int64(v, out)) {
    raise(&overflow_error_type, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

bool fd_argument(Value v, int& fd) {
  int64_t n;
  if (!int_argument(v, n)) return false;
  if (n < -1 || n > INT32_MAX) {
    raise(&value_error_type, "bad file descriptor");
    return false;
  }
  fd = int(n);
  return true;
}

// A timeout in seconds, or None (-1: no limit).
bool timeout_argument(Value v, double& seconds) {
  if (is_none(v)) {
    seconds = -1;
    return true;
  }
  if (is_int(v) && !int_as_double(v, seconds)) return false;
  if (!is_int(v)) {
    if (v.type() != &float_type) {
      raise_type_error_for("timeout must be a number or None, not %s", v);
      return false;
    }
    seconds = float_value(v);
  }
  if (std::isnan(seconds)) {
    raise(&value_error_type, "Invalid value NaN (not a number)");
    return false;
  }
  if (seconds < 0) seconds = 0;
  return true;
}

// Writes all of `size` bytes, retrying on EINTR; async-signal-safe.
void write_all(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    size -= size_t(n);
  }
}

// Moves `fd` to `target` for the child's standard streams. A descriptor
// already in place only loses its close-on-exec flag.
bool place_fd(int fd, int target) {
  if (fd < 0) return true;
  if (fd == target) {
    int flags = ::fcntl(fd, F_GETFD);
    return flags >= 0 && ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0;
  }
  return ::dup2(fd, target) >= 0;
}

// Closes every descriptor from 3 up, except those in `keep` (sorted).
void close_other_fds(const std::vector<int>& keep, int error_pipe, long open_max) {
  int low = 3;
  auto close_range_of = [&](int from, int to) {  // [from, to]
    if (from > to) return;
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, unsigned(from), unsigned(to), 0u) == 0) return;
#endif
    long limit = std::min<long>(long(to), open_max - 1);
    for (long fd = from; fd <= limit; ++fd) {
      if (fd != error_pipe) ::close(int(fd));
    }
  };
  // The error pipe is close-on-exec: it is kept here and goes at exec.
  std::vector<int> kept = keep;
  kept.push_back(error_pipe);
  std::sort(kept.begin(), kept.end());
  for (int fd : kept) {
    if (fd < low) continue;
    close_range_of(low, fd - 1);
    low = fd + 1;
  }
  close_range_of(low, INT32_MAX);
}

struct ChildSetup {
  std::vector<char*> argv;
  std::vector<char*> envp;  // empty: inherit environ
  bool has_env = false;
  std::vector<std::string> executables;
  std::string cwd;
  bool has_cwd = false;
  int stdio[3] = {-1, -1, -1};
  bool close_fds = true;
  std::vector<int> pass_fds;
  bool start_new_session = false;
  long open_max = 1024;
};

[[noreturn]] void child_fail(int error_pipe, int error_number, int stage) {
  int report[2] = {error_number, stage};
  write_all(error_pipe, report, sizeof report);
  ::_exit(255);
}

// Runs in the child, between fork and exec.
[[noreturn]] void run_child(const ChildSetup& setup, int error_pipe) {
  // The parent's other threads keep signals blocked and coil ignores
  // SIGPIPE: the program starts with the defaults (CPython's restore_signals).
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGPIPE, SIG_DFL);
  ::signal(SIGXFSZ, SIG_DFL);
  if (setup.start_new_session) ::setsid();

  // A stream the child gets on a low descriptor may be overwritten by an
  // earlier dup2: such a one is moved out of the way first.
  int fds[3] = {setup.stdio[0], setup.stdio[1], setup.stdio[2]};
  for (int i = 1; i < 3; ++i) {
    if (fds[i] >= 0 && fds[i] < i) {
      int moved = ::fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
      if (moved < 0) child_fail(error_pipe, errno, kSpawnExec);
      fds[i] = moved;
    }
  }
  for (int i = 0; i < 3; ++i) {
    if (!place_fd(fds[i], i)) child_fail(error_pipe, errno, kSpawnExec);
  }
  if (setup.has_cwd && ::chdir(setup.cwd.c_str()) != 0) child_fail(error_pipe, errno, kSpawnChdir);
  if (setup.close_fds) close_other_fds(setup.pass_fds, error_pipe, setup.open_max);
  for (int fd : setup.pass_fds) {
    int flags = ::fcntl(fd, F_GETFD);
    if (flags >= 0) ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  }

  // As CPython: the first error other than "not there" is the one reported.
  char* const* envp = setup.has_env ? const_cast<char* const*>(setup.envp.data()) : environ;
  int saved_errno = 0;
  for (const std::string& path : setup.executables) {
    ::execve(path.c_str(), setup.argv.data(), envp);
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  child_fail(error_pipe, saved_errno ? saved_errno : errno, kSpawnExec);
}

// spawn(args, executables, cwd, env, stdin, stdout, stderr, close_fds,
//       pass_fds, start_new_session) -> (pid, errno, stage)
//
// `executables` are the paths to try in turn (the PATH search is done by
// the caller); the stdio descriptors are -1 to inherit. On failure the
// child has been reaped and pid is 0; stage says whether chdir (1) or
// exec (2) failed.
Ref subprocess_spawn(Value, Args args) {
  if (!check_positional("spawn", args, 10, 10)) return {};
  ChildSetup setup;
  std::vector<std::string> argv_text, env_text;
  if (!os_string_list(args[0], argv_text) || !os_string_list(args[1], setup.executables)) return {};
  if (argv_text.empty()) return raise(&value_error_type, "args must not be empty");
  if (setup.executables.empty()) return raise(&value_error_type, "no executable to try");
  if (!is_none(args[2])) {
    setup.has_cwd = true;
    if (!os_string(args[2], setup.cwd)) return {};
  }
  if (!is_none(args[3])) {
    setup.has_env = true;
    if (!os_string_list(args[3], env_text)) return {};
  }
  for (int i = 0; i < 3; ++i) {
    if (!fd_argument(args[4 + i], setup.stdio[i])) return {};
  }
  int close_fds = is_true(args[7]);
  if (close_fds < 0) return {};
  setup.close_fds = close_fds;
  bool pass_ok = for_each(args[8], [&](Value item) {
    int fd;
    if (!fd_argument(item, fd)) return false;
    setup.pass_fds.push_back(fd);
    return true;
  });
  if (!pass_ok) return {};
  std::sort(setup.pass_fds.begin(), setup.pass_fds.end());
  int new_session = is_true(args[9]);
  if (new_session < 0) return {};
  setup.start_new_session = new_session;
  long open_max = ::sysconf(_SC_OPEN_MAX);
  setup.open_max = open_max > 0 ? std::min(open_max, 1L << 20) : 1024;

  for (std::string& text : argv_text) setup.argv.push_back(text.data());
  setup.argv.push_back(nullptr);
  for (std::string& text : env_text) setup.envp.push_back(text.data());
  setup.envp.push_back(nullptr);

  int error_pipe[2];
  if (::pipe2(error_pipe, O_CLOEXEC) != 0) return raise_os_error_from_errno(errno);
  pid_t pid = ::fork();
  if (pid == 0) run_child(setup, error_pipe[1]);
  int fork_errno = errno;
  ::close(error_pipe[1]);
  if (pid < 0) {
    ::close(error_pipe[0]);
    return raise_os_error_from_errno(fork_errno);
  }
  // The pipe closes at exec (success) or carries (errno, stage).
  int report[2] = {0, kSpawnOk};
  size_t got = 0;
  {
    ReleaseGil release;
    while (got < sizeof report) {
      ssize_t n = ::read(error_pipe[0], reinterpret_cast<char*>(report) + got, sizeof report - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += size_t(n);
    }
  }
  ::close(error_pipe[0]);
  if (got == 0) return make_tuple({Value::small_int(pid), Value::small_int(0), Value::small_int(kSpawnOk)});
  {
    ReleaseGil release;
    int status;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (got < sizeof report) report[1] = kSpawnExec;
  return make_tuple({Value::small_int(0), Value::small_int(report[0]), Value::small_int(report[1])});
}

// wait(pid, timeout) -> the wait status, or None if the child is still
// running when `timeout` (real seconds; None for no limit) has passed.
// ChildProcessError if there is no such child.
Ref subprocess_wait(Value, Args args) {
  if (!check_positional("wait", args, 2, 2)) return {};
  int64_t pid;
  double timeout;
  if (!int_argument(args[0], pid) || !timeout_argument(args[1], timeout)) return {};
  double deadline = timeout >= 0 ? clock_real_monotonic() + timeout : 0;
  // As CPython's Popen._wait: polls with a delay growing to 50 ms.
  double delay = 0.0005;
  for (;;) {
    int status = 0;
    pid_t result;
    {
      ReleaseGil release;
      result = ::waitpid(pid_t(pid), &status, timeout >= 0 ? WNOHANG : 0);
    }
    if (result == pid_t(pid)) return make_int(int64_t(status));
    if (result < 0 && errno != EINTR) return raise_os_error_from_errno(errno);
    if (!check_signals()) return {};
    if (result < 0) continue;
    double remaining = deadline - clock_real_monotonic();
    if (remaining <= 0) return new_none();
    delay = std::min({delay * 2, remaining, 0.05});
    struct timespec pause;
    pause.tv_sec = time_t(delay);
    pause.tv_nsec = long((delay - double(pause.tv_sec)) * 1e9);
    ReleaseGil release;
    ::nanosleep(&pause, nullptr);
  }
}

// poll([(fd, events), ...], timeout) -> [(fd, revents), ...]: the
// descriptors that are ready, waiting up to `timeout` real seconds (None:
// no limit). An interrupted wait returns an empty list once the signal's
// handler has run.
Ref subprocess_poll(Value, Args args) {
  if (!check_positional("poll", args, 2, 2)) return {};
  std::vector<struct pollfd> fds;
  bool ok = for_each(args[0], [&](Value item) {
    if (item.type() != &tuple_type || tuple_size(item) != 2) {
      raise(&type_error_type, "poll() expects (fd, events) pairs");
      return false;
    }
    int fd;
    int64_t events;
    if (!fd_argument(tuple_item(item, 0), fd) || !int_argument(tuple_item(item, 1), events)) return false;
    fds.push_back({fd, short(events), 0});
    return true;
  });
  if (!ok) return {};
  double timeout;
  if (!timeout_argument(args[1], timeout)) return {};
  int milliseconds = timeout < 0 ? -1 : int(std::min(std::ceil(timeout * 1000), 2147483647.0));
  int n;
  {
    ReleaseGil release;
    n = ::poll(fds.data(), nfds_t(fds.size()), milliseconds);
  }
  if (n < 0 && errno != EINTR) return raise_os_error_from_errno(errno);
  if (!check_signals()) return {};
  Ref result = make_list();
  if (!result) return {};
  if (n <= 0) return result;
  for (const struct pollfd& entry : fds) {
    if (entry.revents == 0) continue;
    Ref pair = make_tuple({Value::small_int(entry.fd), Value::small_int(entry.revents)});
    if (!pair) return {};
    list_append(result, std::move(pair));
  }
  return result;
}

Ref subprocess_monotonic(Value, Args) { return make_float(clock_real_monotonic()); }

const MethodDef kFunctions[] = {
    {"spawn", subprocess_spawn, ArgKind::VarArgs},
    {"wait", subprocess_wait, ArgKind::VarArgs},
    {"poll", subprocess_poll, ArgKind::VarArgs},
    {"monotonic", subprocess_monotonic, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_subprocess(Value module) {
  if (!module_add_functions(module, kFunctions)) return false;
  Value dict = module_dict(module);
  return dict_setitem_str(dict, "POLLIN", Value::small_int(POLLIN)) &&
         dict_setitem_str(dict, "POLLOUT", Value::small_int(POLLOUT)) &&
         dict_setitem_str(dict, "POLLERR", Value::small_int(POLLERR)) &&
         dict_setitem_str(dict, "POLLHUP", Value::small_int(POLLHUP)) &&
         dict_setitem_str(dict, "POLLNVAL", Value::small_int(POLLNVAL)) &&
         dict_setitem_str(dict, "PIPE_BUF", Value::small_int(PIPE_BUF));
}

}  // namespace

COIL_REGISTER_MODULE("_subprocess", init_subprocess);

}  // namespace coil
