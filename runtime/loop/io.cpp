// The event loop's I/O layer on libuv (runtime/loop/io.h).
#include "runtime/loop/io.h"

#include <cstdlib>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cmath>
#include <cstring>

#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

uv_loop_t* g_loop = nullptr;
uv_timer_t g_poll_timer;  // bounds a wait to the next asyncio timer
uv_async_t g_wakeup;      // a signal's handler ends the wait through it
int g_operations = 0;

void on_poll_timer(uv_timer_t*) {}
void on_wakeup(uv_async_t*) {}
void wake_from_signal() { uv_async_send(&g_wakeup); }

}  // namespace

uv_loop_t* io_loop() {
  if (g_loop == nullptr) {
    g_loop = uv_default_loop();
    uv_timer_init(g_loop, &g_poll_timer);
    uv_async_init(g_loop, &g_wakeup, on_wakeup);
    // Neither keeps the loop alive: they exist for every wait.
    uv_unref(reinterpret_cast<uv_handle_t*>(&g_poll_timer));
    uv_unref(reinterpret_cast<uv_handle_t*>(&g_wakeup));
    g_signal_wakeup = wake_from_signal;
  }
  return g_loop;
}

bool io_active() { return g_loop != nullptr && uv_loop_alive(g_loop); }

void io_begin_operation() { ++g_operations; }
void io_end_operation() { --g_operations; }
bool io_operations_in_flight() { return g_operations > 0; }

void io_poll(double timeout) {
  if (g_loop == nullptr) return;
  if (timeout == 0 || g_signal_pending) {
    uv_run(g_loop, UV_RUN_NOWAIT);
    return;
  }
  if (timeout > 0) {
    double ms = std::ceil(timeout * 1000);
    uv_update_time(g_loop);
    uv_timer_start(&g_poll_timer, on_poll_timer, ms > 3.6e9 ? uint64_t(3.6e9) : uint64_t(ms), 0);
    uv_ref(reinterpret_cast<uv_handle_t*>(&g_poll_timer));
  }
  uv_run(g_loop, UV_RUN_ONCE);
  if (timeout > 0) {
    uv_timer_stop(&g_poll_timer);
    uv_unref(reinterpret_cast<uv_handle_t*>(&g_poll_timer));
  }
}

int io_backend_fd() { return g_loop == nullptr ? -1 : uv_backend_fd(g_loop); }

namespace {

void on_owned_handle_closed(uv_handle_t* handle) {
  auto* owner = static_cast<Object*>(handle->data);
  switch (handle->type) {
    case UV_NAMED_PIPE: delete reinterpret_cast<uv_pipe_t*>(handle); break;
    case UV_TCP: delete reinterpret_cast<uv_tcp_t*>(handle); break;
    case UV_PROCESS: delete reinterpret_cast<uv_process_t*>(handle); break;
    case UV_SIGNAL: delete reinterpret_cast<uv_signal_t*>(handle); break;
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
