// OS threads and the GIL (runtime/threads.h).
//
// The GIL is a flag under a mutex with two condition variables: `released`
// wakes a thread waiting to take it, `taken` tells a thread that let it go
// on request that another thread now has it (CPython's FORCE_SWITCHING:
// without that wait the releasing thread would often take it straight
// back). A waiter that sees no hand-off for a whole switch interval sets
// the drop request and the eval breaker.
//
// The per-thread state is swapped by swap_state(): the globals hold the
// running thread's state, each ThreadRecord the state of its thread while
// it waits. Between two holders the globals hold an empty state, so that
// swapping is its own inverse and nothing is copied or counted.
#include "runtime/threads.h"

#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <mutex>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/context.h"
#include "runtime/exception.h"
#include "runtime/gc.h"
#include "runtime/generator.h"
#include "runtime/loop/clock.h"
#include "runtime/loop/io.h"
#include "runtime/loop/loop.h"
#include "runtime/repr_guard.h"
#include "runtime/signals.h"
#include "runtime/tuple.h"
#include "vm/interpreter.h"

namespace coil {

std::atomic<int> g_eval_breaker{0};
bool g_threads_started = false;

struct ThreadRecord {
  // The interpreter's state of this thread while another holds the GIL.
  ThreadState thread;
  FrameStackState frames;
  ContextThreadState context;
  LoopThreadState loop;
  Ref asyncgen_firstiter;
  Ref asyncgen_finalizer;
  std::vector<const Object*> repr_stack;
  IoState* io = nullptr;

  // What the thread runs, until it starts running it.
  Ref function, args, kwargs;
  // _set_sentinel() locks (the object, kept alive, and its core), released
  // when the thread ends.
  std::vector<std::pair<Ref, LockCore*>> sentinels;
  size_t stack_size = 0;
  // Set while the thread waits with the GIL let go (ReleaseGil), for EnsureGil.
  bool without_gil = false;
};

namespace {

struct Gil {
  std::mutex mutex;
  std::condition_variable released;
  std::condition_variable taken;
  std::condition_variable never;  // what threads wait on after the main thread finished
  bool locked = true;             // the main thread holds it when the second thread starts
  uint64_t switches = 0;
  int waiting = 0;
};

// Made when the second thread starts and never freed: daemon threads may
// still wait on it while the process exits.
Gil* g_gil = nullptr;
std::atomic<int> g_drop_request{0};
std::atomic<int64_t> g_switch_interval_us{5000};
bool g_finalizing = false;

ThreadRecord g_main_record;
ThreadRecord* g_current = &g_main_record;  // the GIL's holder
thread_local ThreadRecord* t_self = nullptr;  // null on the main thread
int g_running_threads = 0;
// Threads running or waiting with a deadline (the main thread included).
std::atomic<int> g_active_threads{1};
size_t g_stack_size = 0;
pthread_t g_main_handle;  // known once the second thread starts (the main thread starts it)

ThreadRecord* self_record() { return t_self != nullptr ? t_self : &g_main_record; }

// Moves the globals' state into `record` and the record's into the globals.
void swap_state(ThreadRecord* record) {
  std::swap(g_thread, record->thread);
  swap_frame_stack(record->frames);
  swap_context_state(record->context);
  swap_loop_thread_state(record->loop);
  std::swap(g_asyncgen_firstiter, record->asyncgen_firstiter);
  std::swap(g_asyncgen_finalizer, record->asyncgen_finalizer);
  repr_guard_detail::g_stack.swap(record->repr_stack);
  swap_io_state(record->io);
}

void take_gil(ThreadRecord* self) {
  {
    std::unique_lock<std::mutex> lock(g_gil->mutex);
    ++g_gil->waiting;
    for (;;) {
      if (g_finalizing && self != &g_main_record) {
        // Once the main thread is finishing, other threads never run
        // again; one that lets the GIL go on request stops waiting for
        // this one to take it.
        --g_gil->waiting;
        g_gil->taken.notify_all();
        for (;;) g_gil->never.wait(lock);
      }
      if (!g_gil->locked) break;
      uint64_t seen = g_gil->switches;
      auto interval = std::chrono::microseconds(g_switch_interval_us.load(std::memory_order_relaxed));
      bool timed_out = g_gil->released.wait_for(lock, interval) == std::cv_status::timeout;
      if (timed_out && g_gil->locked && g_gil->switches == seen) {
        // A whole interval without a hand-off: ask the holder to let go.
        g_drop_request.store(1);
        g_eval_breaker.store(1);
      }
    }
    --g_gil->waiting;
    g_gil->locked = true;
    ++g_gil->switches;
    g_current = self;
    g_drop_request.store(0);
    g_gil->taken.notify_all();
  }
  swap_state(self);
  if (g_signal_pending && self == &g_main_record) g_eval_breaker.store(1);
}

// `forced`: let go on another thread's request, and wait until one took it.
void drop_gil(ThreadRecord* self, bool forced, bool swap = true) {
  if (swap) swap_state(self);
  std::unique_lock<std::mutex> lock(g_gil->mutex);
  g_gil->locked = false;
  g_gil->released.notify_one();
  if (forced) {
    uint64_t seen = g_gil->switches;
    while (g_gil->switches == seen && g_gil->waiting > 0) g_gil->taken.wait(lock);
  }
}

void* thread_main(void* argument) {
  auto* record = static_cast<ThreadRecord*>(argument);
  t_self = record;
  take_gil(record);
  // Native recursion stops short of this thread's stack end, as on the
  // main thread (cli/run.cpp).
  char here;
  size_t margin = 256u << 10;
  g_thread.stack_limit = &here - (record->stack_size > 2 * margin ? record->stack_size - margin : record->stack_size / 2);
  {
    Ref function = std::move(record->function);
    Ref args = std::move(record->args);
    Ref kwargs = std::move(record->kwargs);
    Ref result = call_with_tuple(function, args, kwargs.get());
    if (!result) {
      // As CPython's _thread: SystemExit ends the thread quietly; anything
      // else is reported as unraisable.
      if (exception_matches(&system_exit_type)) {
        clear_exception();
      } else {
        Ref exception = fetch_exception();
        write_unraisable(function, exception, "in thread started by");
      }
    }
  }
  // The thread's state goes while it still holds the GIL (dropping objects
  // may run Python code), then the GIL goes without a swap: the globals are
  // left empty for the next holder.
  for (auto& [lock, core] : record->sentinels) lock_core_release(core);
  record->sentinels.clear();
  g_thread.current_exception.reset();
  g_thread.handled_exception.reset();
  release_context_state();
  {
    LoopThreadState empty;
    swap_loop_thread_state(empty);
  }
  g_asyncgen_firstiter.reset();
  g_asyncgen_finalizer.reset();
  repr_guard_detail::g_stack.clear();
  IoState* io = nullptr;
  swap_io_state(io);
  io_state_delete(io);
  release_frame_stack();
  g_thread = ThreadState();
  --g_running_threads;
  thread_becomes_idle();
  drop_gil(record, false, false);
  delete record;
  return nullptr;
}

}  // namespace

int other_threads_running() { return g_running_threads; }

bool other_threads_active() { return g_active_threads.load() > 1; }
void thread_becomes_idle() { g_active_threads.fetch_sub(1); }
void thread_becomes_active() { g_active_threads.fetch_add(1); }

bool is_main_thread() { return g_current == &g_main_record; }

bool handle_eval_breaker() {
  g_eval_breaker.store(0);
  if (g_drop_request.load()) {
    ThreadRecord* self = g_current;
    drop_gil(self, true);
    take_gil(self);
  }
  if (g_gc_requested) gc_collect_requested();
  bool main = is_main_thread();
  if (g_signal_pending && main && !run_pending_signals()) return false;
  if (g_drop_request.load() || (g_signal_pending && main)) g_eval_breaker.store(1);
  return true;
}

ReleaseGil::ReleaseGil() : m_self(g_threads_started ? g_current : nullptr) {
  if (m_self == nullptr) return;
  m_self->without_gil = true;
  drop_gil(m_self, false);
}

ReleaseGil::~ReleaseGil() {
  if (m_self == nullptr) return;
  int saved_errno = errno;  // the wait's, for the caller to read
  take_gil(m_self);
  m_self->without_gil = false;
  errno = saved_errno;
}

EnsureGil::EnsureGil() : m_self(nullptr) {
  if (!g_threads_started) return;
  ThreadRecord* self = self_record();
  if (!self->without_gil) return;
  m_self = self;
  take_gil(self);
  self->without_gil = false;
}

EnsureGil::~EnsureGil() {
  if (m_self == nullptr) return;
  m_self->without_gil = true;
  drop_gil(m_self, false);
}

double get_switch_interval() { return double(g_switch_interval_us.load()) / 1e6; }

void set_switch_interval(double seconds) {
  double us = std::ceil(seconds * 1e6);
  g_switch_interval_us.store(us < 1 ? 1 : us > 1e12 ? int64_t(1e12) : int64_t(us));
}

void finalize_threads() {
  if (g_threads_started) g_finalizing = true;
  // The main thread's sentinel locks go now, while the runtime is whole
  // (the record itself is a static, destroyed after it).
  g_main_record.sentinels.clear();
}

Ref start_thread(Value function, Value args, Value kwargs) {
  if (!g_threads_started) {
    g_gil = new Gil();
    g_main_handle = pthread_self();
    g_threads_started = true;
  }
  auto* record = new ThreadRecord;
  record->function = ref(function);
  record->args = ref(args);
  if (kwargs) record->kwargs = ref(kwargs);
  record->thread.recursion_limit = g_thread.recursion_limit;
  record->io = io_state_new();
  // As CPython on Linux: new threads get the size stack_size() set, else 8 MiB.
  record->stack_size = g_stack_size != 0 ? g_stack_size : size_t(8) << 20;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attributes, record->stack_size);
  // Signals go to the main thread, which handles them (as CPython's
  // handlers run there): the new thread starts with them blocked, all
  // but those a fault raises.
  sigset_t blocked, saved;
  sigfillset(&blocked);
  for (int fault : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT}) sigdelset(&blocked, fault);
  pthread_sigmask(SIG_BLOCK, &blocked, &saved);
  ++g_running_threads;
  thread_becomes_active();
  pthread_t handle;
  int status = pthread_create(&handle, &attributes, thread_main, record);
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  pthread_attr_destroy(&attributes);
  if (status != 0) {
    --g_running_threads;
    thread_becomes_idle();
    io_state_delete(record->io);
    delete record;
    return raise(&runtime_error_type, "can't start new thread");
  }
  return make_int(uint64_t(handle));
}

void thread_add_sentinel(Value lock, LockCore* core) { g_current->sentinels.emplace_back(ref(lock), core); }

uint64_t thread_ident() { return uint64_t(pthread_self()); }

int signal_main_thread(int signum) {
  if (!g_threads_started) return ::raise(signum) == 0 ? 0 : errno;
  return pthread_kill(g_main_handle, signum);
}
int64_t thread_native_id() { return int64_t(syscall(SYS_gettid)); }
int64_t thread_count() { return g_running_threads; }
size_t thread_stack_size() { return g_stack_size; }
void set_thread_stack_size(size_t bytes) { g_stack_size = bytes; }

// --- Locks ------------------------------------------------------------------

struct LockCore {
  sem_t semaphore;  // 1: unlocked
  // Threads waiting on it with no deadline (idle), and how many of them a
  // release already counted active again. Both change under the GIL.
  int idle_waiters = 0;
  int handoffs = 0;
};

LockCore* lock_core_new() {
  auto* lock = new LockCore;
  sem_init(&lock->semaphore, 0, 1);
  return lock;
}

void lock_core_delete(LockCore* lock) {
  sem_destroy(&lock->semaphore);
  delete lock;
}

int lock_core_acquire(LockCore* lock, double timeout) {
  if (sem_trywait(&lock->semaphore) == 0) return 1;
  if (timeout == 0) return 0;
  int64_t timeout_ns = timeout > 0 ? int64_t(std::ceil(timeout * 1e9)) : -1;
  int64_t virtual_start = clock_monotonic_ns();
  if (timeout > 0 && clock_is_virtual() && !other_threads_active()) {
    // Under virtual time with no other thread active, nothing but a signal
    // handler could release the lock: the timeout passes at once.
    clock_sleep_ns(timeout_ns);
    return sem_trywait(&lock->semaphore) == 0 ? 1 : 0;
  }
  struct timespec deadline;
  if (timeout_ns >= 0) {
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t until = int64_t(deadline.tv_sec) * 1000000000 + deadline.tv_nsec + timeout_ns;
    deadline.tv_sec = time_t(until / 1000000000);
    deadline.tv_nsec = long(until % 1000000000);
  }
  for (;;) {
    int result, error;
    bool idle = timeout_ns < 0;
    if (idle) {
      ++lock->idle_waiters;
      thread_becomes_idle();
    }
    {
      ReleaseGil release;
      result = idle ? sem_wait(&lock->semaphore) : sem_clockwait(&lock->semaphore, CLOCK_MONOTONIC, &deadline);
      error = errno;
    }
    if (idle) {
      --lock->idle_waiters;
      if (lock->handoffs > 0) {
        --lock->handoffs;  // the release counted this thread active
      } else {
        thread_becomes_active();
      }
    }
    if (result == 0) return 1;
    if (error == ETIMEDOUT) {
      // The simulated clock moves by the time waited, at least.
      clock_wait_timed_out(virtual_start, timeout_ns);
      return 0;
    }
    // EINTR: a signal's handler runs (on the main thread) and the wait goes on.
    if (!check_signals()) return -1;
  }
}

void lock_core_release(LockCore* lock) {
  int value = 0;
  sem_getvalue(&lock->semaphore, &value);
  if (value != 0) return;
  sem_post(&lock->semaphore);
  // A waiter wakes: it counts as active from now.
  if (lock->idle_waiters > lock->handoffs) {
    ++lock->handoffs;
    thread_becomes_active();
  }
}

bool lock_core_locked(LockCore* lock) {
  int value = 0;
  sem_getvalue(&lock->semaphore, &value);
  return value == 0;
}

}  // namespace coil
