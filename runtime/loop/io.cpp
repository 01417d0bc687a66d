// The event loop's I/O layer on libuv (runtime/loop/io.h).
#include "runtime/loop/io.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"

namespace coil {

// A thread's libuv loop, with the handles every wait uses. The main
// thread's is libuv's default loop; another thread that does I/O gets its
// own (runtime/threads.h swaps g_io on GIL hand-offs).
struct IoState {
  uv_loop_t* loop = nullptr;
  uv_timer_t poll_timer;  // bounds a wait to the next asyncio timer
  uv_async_t wakeup;      // ends a wait: a signal's handler, call_soon_threadsafe
  int operations = 0;
  bool owns_loop = false;  // not the default loop: closed when its thread ends
  // A wait with no deadline makes the thread idle (runtime/threads.h);
  // io_wake() counts it active again at once (woken_active).
  bool idle = false;
  bool woken_active = false;
};

namespace {

IoState g_main_io;
IoState* g_io = &g_main_io;

// The wait's timer ends the wait even when it fired at the start of
// uv_run (the time to reach it went by first), before libuv polls: with the
// wakeup handle keeping the loop alive, the poll would otherwise block.
void on_poll_timer(uv_timer_t* timer) { uv_stop(timer->loop); }
void on_wakeup(uv_async_t*) {}
void wake_from_signal() { uv_async_send(&g_main_io.wakeup); }

void start_io(IoState* io, uv_loop_t* loop) {
  io->loop = loop;
  uv_timer_init(loop, &io->poll_timer);
  uv_async_init(loop, &io->wakeup, on_wakeup);
  // Neither keeps the loop alive: they exist for every wait.
  uv_unref(reinterpret_cast<uv_handle_t*>(&io->poll_timer));
  uv_unref(reinterpret_cast<uv_handle_t*>(&io->wakeup));
}

}  // namespace

uv_loop_t* io_loop() {
  if (g_io->loop == nullptr) {
    if (g_io == &g_main_io) {
      start_io(g_io, uv_default_loop());
      g_signal_wakeup = wake_from_signal;
    } else {
      auto* loop = new uv_loop_t;
      uv_loop_init(loop);
      g_io->owns_loop = true;
      start_io(g_io, loop);
    }
  }
  return g_io->loop;
}

IoState* io_state_new() { return new IoState; }

void swap_io_state(IoState*& state) { std::swap(g_io, state); }

void io_state_delete(IoState* io) {
  if (io->loop != nullptr && io->owns_loop) {
    // Whatever the thread left open is closed, then the loop.
    uv_walk(
        io->loop,
        [](uv_handle_t* handle, void*) {
          if (!uv_is_closing(handle)) uv_close(handle, nullptr);
        },
        nullptr);
    uv_run(io->loop, UV_RUN_DEFAULT);
    if (uv_loop_close(io->loop) != 0) return;  // still busy: kept, not freed
    delete io->loop;
  }
  delete io;
}

void io_wake(IoState* io) {
  if (io == nullptr || io->loop == nullptr) return;
  if (io->idle && !io->woken_active) {
    io->woken_active = true;
    thread_becomes_active();
  }
  uv_async_send(&io->wakeup);
}

IoState* io_current_state() {
  io_loop();
  return g_io;
}

bool io_active() { return g_io->loop != nullptr && uv_loop_alive(g_io->loop); }

void io_begin_operation() { ++g_io->operations; }
void io_end_operation() { --g_io->operations; }
bool io_operations_in_flight() { return g_io->operations > 0; }

void io_poll(double timeout) {
  IoState* io = g_io;
  if (io->loop == nullptr) {
    // No I/O object yet; with other threads running, a wait still goes
    // through libuv, so that call_soon_threadsafe can end it.
    if (!g_threads_started || timeout == 0) return;
    io_loop();
  }
  if (timeout == 0 || g_signal_pending) {
    uv_run(io->loop, UV_RUN_NOWAIT);
    return;
  }
  if (timeout > 0) {
    double ms = std::ceil(timeout * 1000);
    uv_update_time(io->loop);
    uv_timer_start(&io->poll_timer, on_poll_timer, ms > 3.6e9 ? uint64_t(3.6e9) : uint64_t(ms), 0);
    uv_ref(reinterpret_cast<uv_handle_t*>(&io->poll_timer));
  }
  if (g_threads_started) {
    // The wakeup keeps the loop alive for the wait, so that it ends only
    // by an event; libuv's callbacks take the GIL back (EnsureGil).
    uv_ref(reinterpret_cast<uv_handle_t*>(&io->wakeup));
    io->idle = timeout < 0;
    if (io->idle) thread_becomes_idle();
    {
      ReleaseGil release;
      uv_run(io->loop, UV_RUN_ONCE);
    }
    if (io->idle) {
      if (!io->woken_active) thread_becomes_active();
      io->idle = false;
      io->woken_active = false;
    }
    uv_unref(reinterpret_cast<uv_handle_t*>(&io->wakeup));
  } else {
    uv_run(io->loop, UV_RUN_ONCE);
  }
  if (timeout > 0) {
    uv_timer_stop(&io->poll_timer);
    uv_unref(reinterpret_cast<uv_handle_t*>(&io->poll_timer));
  }
}

void io_arm_wakeup() {
  io_loop();
  IoState* io = g_io;
  uv_ref(reinterpret_cast<uv_handle_t*>(&io->wakeup));
  uv_run(io->loop, UV_RUN_NOWAIT);
  uv_unref(reinterpret_cast<uv_handle_t*>(&io->wakeup));
}

int io_backend_fd() { return g_io->loop == nullptr ? -1 : uv_backend_fd(g_io->loop); }

namespace {

void on_owned_handle_closed(uv_handle_t* handle) {
  EnsureGil gil;
  auto* owner = static_cast<Object*>(handle->data);
  switch (handle->type) {
    case UV_NAMED_PIPE: delete reinterpret_cast<uv_pipe_t*>(handle); break;
    case UV_TCP: delete reinterpret_cast<uv_tcp_t*>(handle); break;
    case UV_PROCESS: delete reinterpret_cast<uv_process_t*>(handle); break;
    case UV_SIGNAL: delete reinterpret_cast<uv_signal_t*>(handle); break;
    case UV_POLL: delete reinterpret_cast<uv_poll_t*>(handle); break;
    default: std::abort();  // a handle kind no caller makes
  }
  if (owner != nullptr) decref(owner);
}

}  // namespace

void io_close_owned_handle(uv_handle_t* handle) { uv_close(handle, on_owned_handle_closed); }

Raised raise_uv_error(int uv_error) { return raise_os_error_from_errno(-uv_error); }

Ref make_uv_error(int uv_error) {
  raise_uv_error(uv_error);
  return fetch_exception();
}

Ref sockaddr_to_tuple(const struct sockaddr* address) {
  if (address->sa_family == AF_UNIX) {
    // A Unix socket's path; '' for an unnamed one, as CPython.
    auto* un = reinterpret_cast<const struct sockaddr_un*>(address);
    return make_str(std::string_view(un->sun_path, strnlen(un->sun_path, sizeof un->sun_path)));
  }
  char host[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET6) {
    auto* in6 = reinterpret_cast<const struct sockaddr_in6*>(address);
    uv_ip6_name(in6, host, sizeof host);
    return make_tuple({make_str(host).get(), make_int(int64_t(ntohs(in6->sin6_port))).get(),
                       make_int(int64_t(ntohl(in6->sin6_flowinfo))).get(), make_int(int64_t(in6->sin6_scope_id)).get()});
  }
  auto* in4 = reinterpret_cast<const struct sockaddr_in*>(address);
  uv_ip4_name(in4, host, sizeof host);
  return make_tuple({make_str(host).get(), make_int(int64_t(ntohs(in4->sin_port))).get()});
}

bool tuple_to_sockaddr(Value address, int family, struct sockaddr_storage* out) {
  std::memset(out, 0, sizeof *out);
  if (address.type() != &tuple_type || tuple_size(address) < 2 || !is_str(tuple_item(address, 0))) {
    raise(&type_error_type, "address must be a (host, port) tuple");
    return false;
  }
  std::string host(str_view(tuple_item(address, 0)));
  Value port_value = tuple_item(address, 1);
  if (!is_int(port_value)) {
    raise(&type_error_type, "'port' must be an int");
    return false;
  }
  int64_t port = -1;
  if (!int_fits_int64(port_value, port) || port < 0 || port > 65535) {
    raise(&overflow_error_type, "port must be 0-65535.");
    return false;
  }
  int status;
  if (family == AF_INET6) {
    status = uv_ip6_addr(host.c_str(), int(port), reinterpret_cast<struct sockaddr_in6*>(out));
  } else {
    status = uv_ip4_addr(host.c_str(), int(port), reinterpret_cast<struct sockaddr_in*>(out));
  }
  if (status != 0) {
    raise_uv_error(status);
    return false;
  }
  return true;
}

}  // namespace coil
