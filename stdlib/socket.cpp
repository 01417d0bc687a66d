// The `_socket` module (lib/socket.py builds `socket` on it): BSD sockets
// as CPython's _socket exposes them — the socket type with its blocking,
// non-blocking and timeout modes, addresses as tuples (AF_INET, AF_INET6)
// and paths (AF_UNIX), name lookups and the byte-order helpers.
//
// Modes, as CPython's: a timeout of None blocks; 0.0 is non-blocking
// (BlockingIOError when the call would wait); a positive timeout keeps the
// descriptor non-blocking and waits with poll() up to the timeout for each
// call, raising TimeoutError("timed out"). Blocking waits let the GIL go,
// so other threads run meanwhile; a signal's Python handler runs during
// them and may raise.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/signals.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "runtime/loop/clock.h"
#include "stdlib/os_string.h"
#include "stdlib/socket.h"

namespace coil {

namespace {

struct SocketObject : Object {
  int m_fd = -1;
  int m_family = AF_INET;
  int m_type = SOCK_STREAM;
  int m_proto = 0;
  double m_timeout = -1;  // seconds; negative: None (blocking)
};

Type socket_type;

// socket.setdefaulttimeout(): the timeout new sockets start with.
double g_default_timeout = -1;
// socket.gaierror and socket.herror (OSError subclasses), made at import.
Value g_gaierror, g_herror;

SocketObject* as_socket(Value v) { return v.as<SocketObject>(); }

bool set_nonblocking(int fd, bool nonblocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int wanted = nonblocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  return wanted == flags || fcntl(fd, F_SETFL, wanted) == 0;
}

bool check_open(SocketObject* s) {
  if (s->m_fd >= 0) return true;
  raise_os_error_from_errno(EBADF);
  return false;
}

// A timeout argument: None (negative) or a non-negative number of seconds.
bool timeout_argument(Value value, double& out) {
  if (is_none(value)) {
    out = -1;
    return true;
  }
  double seconds;
  if (!float_as_double(value, seconds)) {
    clear_exception();
    raise_type_error_for("'%s' object cannot be interpreted as an integer or float", value);
    return false;
  }
  if (std::isnan(seconds)) {
    raise(&value_error_type, "Invalid value NaN (not a number)");
    return false;
  }
  if (seconds < 0) {
    raise(&value_error_type, "Timeout value out of range");
    return false;
  }
  out = seconds;
  return true;
}

// Waits with poll() until the descriptor is ready (`writing`: for output)
// or `deadline` (monotonic seconds) passes: 1 ready, 0 timed out, -1 error
// (errno set; EINTR after a signal).
int wait_ready(int fd, bool writing, double deadline) {
  double remaining = deadline - clock_real_monotonic();
  if (remaining < 0) remaining = 0;
  struct pollfd entry = {fd, short(writing ? POLLOUT : POLLIN), 0};
  int count;
  {
    ReleaseGil release;
    count = poll(&entry, 1, int(std::ceil(remaining * 1000)));
  }
  return count;
}

// Runs `op` — a system call returning a negative value with errno set on
// failure — under the socket's mode, as CPython's sock_call: retried after
// a signal (once its handler has run), after a wait for readiness with a
// timeout. False with an exception pending.
template <class Op>
bool socket_call(SocketObject* s, bool writing, Op op, ssize_t& result) {
  double deadline = s->m_timeout > 0 ? clock_real_monotonic() + s->m_timeout : 0;
  bool wait_first = false;
  for (;;) {
    if (wait_first) {
      int ready = wait_ready(s->m_fd, writing, deadline);
      if (ready == 0) {
        raise(&timeout_error_type, "timed out");
        return false;
      }
      if (ready < 0) {
        if (errno == EINTR) {
          if (!check_signals()) return false;
          continue;
        }
        raise_os_error_from_errno(errno);
        return false;
      }
    }
    if (s->m_timeout < 0) {
      ReleaseGil release;
      result = op();
    } else {
      result = op();
    }
    if (result >= 0) return true;
    int error = errno;
    if (error == EINTR) {
      if (!check_signals()) return false;
      continue;
    }
    if (s->m_timeout > 0 && (error == EWOULDBLOCK || error == EAGAIN)) {
      wait_first = true;
      continue;
    }
    raise_os_error_from_errno(error);
    return false;
  }
}

// ------------------------------------------------------------ addresses

struct SocketAddress {
  struct sockaddr_storage storage;
  socklen_t length = 0;
  struct sockaddr* get() { return reinterpret_cast<struct sockaddr*>(&storage); }
};

Raised raise_gaierror(int code) {
  Ref args = make_tuple({Value::small_int(code), make_str(gai_strerror(code)).get()});
  if (args) {
    Ref error = call(g_gaierror, {tuple_item(args, 0), tuple_item(args, 1)});
    if (error) restore_exception(std::move(error));
  }
  return Raised();
}

// An IPv4 or IPv6 host as CPython's setipaddr reads it: '' the wildcard,
// '<broadcast>', a numeric address, or a name to look up.
bool resolve_host(const std::string& host, int family, SocketAddress& out) {
  std::memset(&out.storage, 0, sizeof out.storage);
  if (family == AF_INET && (host.empty() || host == "<broadcast>")) {
    auto* in4 = reinterpret_cast<struct sockaddr_in*>(&out.storage);
    in4->sin_family = AF_INET;
    in4->sin_addr.s_addr = htonl(host.empty() ? INADDR_ANY : INADDR_BROADCAST);
    out.length = sizeof *in4;
    return true;
  }
  if (family == AF_INET6 && host.empty()) {
    auto* in6 = reinterpret_cast<struct sockaddr_in6*>(&out.storage);
    in6->sin6_family = AF_INET6;
    in6->sin6_addr = in6addr_any;
    out.length = sizeof *in6;
    return true;
  }
  struct addrinfo hints = {};
  hints.ai_family = family;
  struct addrinfo* found = nullptr;
  int code;
  {
    ReleaseGil release;
    code = getaddrinfo(host.c_str(), nullptr, &hints, &found);
  }
  if (code != 0) {
    raise_gaierror(code);
    return false;
  }
  std::memcpy(&out.storage, found->ai_addr, found->ai_addrlen);
  out.length = found->ai_addrlen;
  freeaddrinfo(found);
  return true;
}

// A Python address for the socket's family into `out` (bind, connect, sendto).
bool parse_address(SocketObject* s, Value address, const char* caller, SocketAddress& out) {
  std::memset(&out.storage, 0, sizeof out.storage);
  if (s->m_family == AF_UNIX) {
    std::string path;
    if (!os_string(address, path)) return false;
    auto* un = reinterpret_cast<struct sockaddr_un*>(&out.storage);
    if (path.size() >= sizeof un->sun_path) {
      raise(&os_error_type, "AF_UNIX path too long");
      return false;
    }
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    out.length = socklen_t(offsetof(struct sockaddr_un, sun_path) + path.size() + (path.empty() || path[0] ? 1 : 0));
    return true;
  }
  if (s->m_family != AF_INET && s->m_family != AF_INET6) {
    raise_format(&os_error_type, "%s(): bad family", caller);
    return false;
  }
  const char* family_name = s->m_family == AF_INET ? "AF_INET" : "AF_INET6";
  if (address.type() != &tuple_type) {
    raise_format(&type_error_type, "%s(): %s address must be tuple, not %s", caller, family_name,
                 type_name(address.type()).data());
    return false;
  }
  size_t size = tuple_size(address);
  if (s->m_family == AF_INET ? size != 2 : (size < 2 || size > 4)) {
    raise_format(&type_error_type, "%s address must be a pair (host, port)", family_name);
    return false;
  }
  Value host_value = tuple_item(address, 0);
  std::string host;
  std::string_view view;
  if (is_str(host_value)) {
    host = std::string(str_view(host_value));
  } else if (!is_none(host_value) && buffer_view(host_value, view)) {
    host = std::string(view);
  } else {
    clear_exception();
    raise_type_error_for("str, bytes or bytearray expected, not %s", host_value);
    return false;
  }
  auto port = int_as_int64(tuple_item(address, 1));
  if (!port) {
    if (exception_matches(&type_error_type)) {
      clear_exception();
      raise_type_error_for("'%s' object cannot be interpreted as an integer", tuple_item(address, 1));
    }
    return false;
  }
  if (*port < 0 || *port > 0xffff) {
    raise_format(&overflow_error_type, "%s(): port must be 0-65535.", caller);
    return false;
  }
  if (!resolve_host(host, s->m_family, out)) return false;
  if (s->m_family == AF_INET) {
    reinterpret_cast<struct sockaddr_in*>(&out.storage)->sin_port = htons(uint16_t(*port));
  } else {
    auto* in6 = reinterpret_cast<struct sockaddr_in6*>(&out.storage);
    in6->sin6_port = htons(uint16_t(*port));
    if (size > 2) {
      auto flowinfo = int_as_int64(tuple_item(address, 2));
      if (!flowinfo) return false;
      if (*flowinfo < 0 || *flowinfo > 0xfffff) {
        raise_format(&overflow_error_type, "%s(): flowinfo must be 0-1048575.", caller);
        return false;
      }
      in6->sin6_flowinfo = htonl(uint32_t(*flowinfo));
    }
    if (size > 3) {
      auto scope = int_as_int64(tuple_item(address, 3));
      if (!scope) return false;
      in6->sin6_scope_id = uint32_t(*scope);
    }
  }
  return true;
}

// The Python form of an address a call returned.
Ref address_value(const struct sockaddr* address, socklen_t length) {
  if (length == 0) return new_none();
  switch (address->sa_family) {
    case AF_INET:
    case AF_INET6: {
      char host[INET6_ADDRSTRLEN] = {};
      if (address->sa_family == AF_INET) {
        auto* in4 = reinterpret_cast<const struct sockaddr_in*>(address);
        inet_ntop(AF_INET, &in4->sin_addr, host, sizeof host);
        return make_tuple({make_str(host).get(), Value::small_int(ntohs(in4->sin_port))});
      }
      auto* in6 = reinterpret_cast<const struct sockaddr_in6*>(address);
      inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
      return make_tuple({make_str(host).get(), Value::small_int(ntohs(in6->sin6_port)),
                         Value::small_int(ntohl(in6->sin6_flowinfo)), Value::small_int(in6->sin6_scope_id)});
    }
    case AF_UNIX: {
      auto* un = reinterpret_cast<const struct sockaddr_un*>(address);
      size_t offset = offsetof(struct sockaddr_un, sun_path);
      if (length <= offset) return make_str("");
      size_t size = length - offset;
      // An abstract address (leading NUL) is bytes, as CPython's.
      if (un->sun_path[0] == '\0') return make_bytes(std::string_view(un->sun_path, size));
      return make_str(std::string_view(un->sun_path, strnlen(un->sun_path, size)));
    }
    default:
      return make_tuple({Value::small_int(address->sa_family), make_bytes("").get()});
  }
}

// ------------------------------------------------------------ the socket type

bool adopt_descriptor(SocketObject* s, int fd) {
  s->m_fd = fd;
  socklen_t size = sizeof(int);
  int value = 0;
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &value, &size) == 0) s->m_family = value;
  size = sizeof(int);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &size) == 0) s->m_type = value;
  size = sizeof(int);
  if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &value, &size) == 0) s->m_proto = value;
  return true;
}

// The mode a socket starts in: the default timeout (non-blocking descriptor
// unless None).
bool apply_timeout(SocketObject* s, double timeout) {
  s->m_timeout = timeout;
  if (!set_nonblocking(s->m_fd, timeout >= 0)) {
    raise_os_error_from_errno(errno);
    return false;
  }
  return true;
}

Ref socket_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<SocketObject>(object);
  return Ref::steal(object);
}

// socket(family=-1, type=-1, proto=-1, fileno=None)
bool socket_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"socket", {"family", "type", "proto", "fileno"}, 0, SIZE_MAX, 0};
  Value bound[4];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return false;
  int64_t numbers[3] = {-1, -1, -1};
  for (int i = 0; i < 3; ++i) {
    if (!bound[i]) continue;
    auto n = int_as_int64(bound[i]);
    if (!n) return false;
    numbers[i] = *n;
  }
  SocketObject* s = as_socket(self);
  if (s->m_fd >= 0) {
    close(s->m_fd);
    s->m_fd = -1;
  }
  if (bound[3] && !is_none(bound[3])) {
    auto fd = int_as_int64(bound[3]);
    if (!fd) return false;
    if (*fd < 0) {
      raise(&value_error_type, "negative file descriptor");
      return false;
    }
    if (fcntl(int(*fd), F_GETFD) < 0) {
      raise_os_error_from_errno(errno);
      return false;
    }
    adopt_descriptor(s, int(*fd));
    if (numbers[0] != -1) s->m_family = int(numbers[0]);
    if (numbers[1] != -1) s->m_type = int(numbers[1]);
    if (numbers[2] != -1) s->m_proto = int(numbers[2]);
  } else {
    int family = numbers[0] == -1 ? AF_INET : int(numbers[0]);
    int kind = numbers[1] == -1 ? SOCK_STREAM : int(numbers[1]);
    int proto = numbers[2] == -1 ? 0 : int(numbers[2]);
    int fd = socket(family, kind | SOCK_CLOEXEC, proto);
    if (fd < 0) {
      raise_os_error_from_errno(errno);
      return false;
    }
    s->m_fd = fd;
    s->m_family = family;
    s->m_type = kind;
    s->m_proto = proto;
  }
  return apply_timeout(s, g_default_timeout);
}

void socket_destroy(Object* object) {
  auto* s = static_cast<SocketObject*>(object);
  if (s->m_fd >= 0) close(s->m_fd);
  s->~SocketObject();
}

Ref socket_fileno(Value self, Args) { return make_int(int64_t(as_socket(self)->m_fd)); }

Ref socket_close(Value self, Args) {
  SocketObject* s = as_socket(self);
  int fd = s->m_fd;
  s->m_fd = -1;
  // As CPython: ECONNRESET from close() is not an error.
  if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET && errno != EINTR) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref socket_detach(Value self, Args) {
  SocketObject* s = as_socket(self);
  int fd = s->m_fd;
  s->m_fd = -1;
  return make_int(int64_t(fd));
}

Ref socket_bind(Value self, Args args) {
  SocketObject* s = as_socket(self);
  SocketAddress address;
  if (!check_open(s) || !parse_address(s, args[0], "bind", address)) return {};
  if (bind(s->m_fd, address.get(), address.length) < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref socket_listen(Value self, Args args) {
  if (!check_positional("listen", args, 0, 1)) return {};
  SocketObject* s = as_socket(self);
  int64_t backlog = 128 < SOMAXCONN ? 128 : SOMAXCONN;
  if (args.count == 1) {
    auto n = int_as_int64(args[0]);
    if (!n) return {};
    backlog = *n < 0 ? 0 : *n;
  }
  if (!check_open(s)) return {};
  if (listen(s->m_fd, int(backlog)) < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

// _accept() -> (descriptor, address), as CPython's: socket.py makes the
// socket object.
Ref socket_accept(Value self, Args) {
  SocketObject* s = as_socket(self);
  if (!check_open(s)) return {};
  SocketAddress address;
  address.length = sizeof address.storage;
  ssize_t fd = -1;
  if (!socket_call(s, false, [&] { return ssize_t(accept4(s->m_fd, address.get(), &address.length, SOCK_CLOEXEC)); },
                   fd)) {
    return {};
  }
  Ref peer = address_value(address.get(), address.length);
  if (!peer) {
    close(int(fd));
    return {};
  }
  return make_tuple({Value::small_int(fd), peer.get()});
}

// connect() and connect_ex(): the error number, or -1 with an exception
// pending when it is not an OSError's to report (a timeout, a bad address).
int do_connect(SocketObject* s, Value address_value_, bool raise_errors) {
  SocketAddress address;
  if (!check_open(s) || !parse_address(s, address_value_, raise_errors ? "connect" : "connect_ex", address)) return -1;
  int result;
  {
    ReleaseGil release;
    result = connect(s->m_fd, address.get(), address.length);
  }
  if (result < 0 && errno == EINTR) {
    if (!check_signals()) return -1;
    // An interrupted connect goes on in the background: wait for it below.
    errno = EINPROGRESS;
  }
  if (result == 0) return 0;
  int error = errno;
  if (error == EINPROGRESS && s->m_timeout != 0) {
    // Blocking mode waits an hour at a time until the connect completes.
    double deadline = clock_real_monotonic() + s->m_timeout;
    for (;;) {
      int ready = wait_ready(s->m_fd, true, s->m_timeout > 0 ? deadline : clock_real_monotonic() + 3600);
      if (ready == 0) {
        if (s->m_timeout < 0) continue;
        if (!raise_errors) return EWOULDBLOCK;
        raise(&timeout_error_type, "timed out");
        return -1;
      }
      if (ready < 0) {
        if (errno == EINTR) {
          if (!check_signals()) return -1;
          continue;
        }
        return errno;
      }
      break;
    }
    socklen_t size = sizeof error;
    if (getsockopt(s->m_fd, SOL_SOCKET, SO_ERROR, &error, &size) < 0) return errno;
    return error;
  }
  return error;
}

Ref socket_connect(Value self, Args args) {
  int error = do_connect(as_socket(self), args[0], true);
  if (error < 0) return {};
  if (error != 0) return raise_os_error_from_errno(error);
  return new_none();
}

Ref socket_connect_ex(Value self, Args args) {
  int error = do_connect(as_socket(self), args[0], false);
  if (error < 0) return {};
  return make_int(int64_t(error));
}

bool flags_argument(Args args, size_t index, int& flags) {
  flags = 0;
  if (args.count <= index) return true;
  auto n = int_as_int64(args[index]);
  if (!n) return false;
  flags = int(*n);
  return true;
}

bool data_argument(Value data, std::string_view& view) {
  if (is_str(data) || !buffer_view(data, view)) {
    clear_exception();
    raise_type_error_for("a bytes-like object is required, not '%s'", data);
    return false;
  }
  return true;
}

Ref socket_send(Value self, Args args) {
  if (!check_positional("send", args, 1, 2)) return {};
  SocketObject* s = as_socket(self);
  std::string_view data;
  int flags;
  if (!data_argument(args[0], data) || !flags_argument(args, 1, flags) || !check_open(s)) return {};
  std::string copy(data);  // a bytearray may change while the GIL is let go
  ssize_t sent = 0;
  if (!socket_call(s, true, [&] { return send(s->m_fd, copy.data(), copy.size(), flags | MSG_NOSIGNAL); }, sent)) {
    return {};
  }
  return make_int(int64_t(sent));
}

Ref socket_sendall(Value self, Args args) {
  if (!check_positional("sendall", args, 1, 2)) return {};
  SocketObject* s = as_socket(self);
  std::string_view data;
  int flags;
  if (!data_argument(args[0], data) || !flags_argument(args, 1, flags) || !check_open(s)) return {};
  std::string copy(data);
  size_t offset = 0;
  while (offset < copy.size()) {
    ssize_t sent = 0;
    if (!socket_call(
            s, true, [&] { return send(s->m_fd, copy.data() + offset, copy.size() - offset, flags | MSG_NOSIGNAL); },
            sent)) {
      return {};
    }
    offset += size_t(sent);
  }
  return new_none();
}

// sendto(data[, flags], address)
Ref socket_sendto(Value self, Args args) {
  if (!check_positional("sendto", args, 2, 3)) return {};
  SocketObject* s = as_socket(self);
  std::string_view data;
  int flags = 0;
  if (!data_argument(args[0], data)) return {};
  if (args.count == 3 && !flags_argument(args, 1, flags)) return {};
  SocketAddress address;
  if (!check_open(s) || !parse_address(s, args[args.count - 1], "sendto", address)) return {};
  std::string copy(data);
  ssize_t sent = 0;
  if (!socket_call(
          s, true,
          [&] { return sendto(s->m_fd, copy.data(), copy.size(), flags | MSG_NOSIGNAL, address.get(), address.length); },
          sent)) {
    return {};
  }
  return make_int(int64_t(sent));
}

bool size_argument(Value value, const char* message, size_t& out) {
  auto n = int_as_int64(value);
  if (!n) return false;
  if (*n < 0) {
    raise(&value_error_type, message);
    return false;
  }
  out = size_t(*n);
  return true;
}

Ref socket_recv(Value self, Args args) {
  if (!check_positional("recv", args, 1, 2)) return {};
  SocketObject* s = as_socket(self);
  size_t size;
  int flags;
  if (!size_argument(args[0], "negative buffersize in recv", size) || !flags_argument(args, 1, flags) ||
      !check_open(s)) {
    return {};
  }
  std::string buffer(size, '\0');
  ssize_t received = 0;
  if (!socket_call(s, false, [&] { return recv(s->m_fd, buffer.data(), buffer.size(), flags); }, received)) return {};
  buffer.resize(size_t(received));
  return make_bytes(buffer);
}

Ref socket_recvfrom(Value self, Args args) {
  if (!check_positional("recvfrom", args, 1, 2)) return {};
  SocketObject* s = as_socket(self);
  size_t size;
  int flags;
  if (!size_argument(args[0], "negative buffersize in recvfrom", size) || !flags_argument(args, 1, flags) ||
      !check_open(s)) {
    return {};
  }
  std::string buffer(size, '\0');
  SocketAddress address;
  ssize_t received = 0;
  if (!socket_call(
          s, false,
          [&] {
            address.length = sizeof address.storage;
            return recvfrom(s->m_fd, buffer.data(), buffer.size(), flags, address.get(), &address.length);
          },
          received)) {
    return {};
  }
  buffer.resize(size_t(received));
  Ref data = make_bytes(buffer);
  Ref from = address_value(address.get(), address.length);
  if (!data || !from) return {};
  return make_tuple({data.get(), from.get()});
}

// recv_into(buffer[, nbytes[, flags]]): the bytes go into the buffer by
// slice assignment, so a bytearray or a writable memoryview takes them.
Ref socket_recv_into(Value self, Args args) {
  static const ArgSpec spec{"recv_into", {"buffer", "nbytes", "flags"}, 0, SIZE_MAX, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string_view target;
  if (!buffer_view(bound[0], target)) {
    clear_exception();
    return raise_type_error_for("recv_into() argument 'buffer' must be read-write bytes-like object, not %s", bound[0]);
  }
  size_t size = target.size();
  if (bound[1]) {
    size_t wanted;
    if (!size_argument(bound[1], "negative buffersize in recv_into", wanted)) return {};
    if (wanted > size) return raise(&value_error_type, "buffer too small for requested bytes");
    if (wanted != 0) size = wanted;
  }
  int flags = 0;
  if (bound[2]) {
    auto n = int_as_int64(bound[2]);
    if (!n) return {};
    flags = int(*n);
  }
  SocketObject* s = as_socket(self);
  if (!check_open(s)) return {};
  std::string buffer(size, '\0');
  ssize_t received = 0;
  if (!socket_call(s, false, [&] { return recv(s->m_fd, buffer.data(), buffer.size(), flags); }, received)) return {};
  if (received > 0) {
    Ref data = make_bytes(std::string_view(buffer.data(), size_t(received)));
    Ref window = make_slice(Value::small_int(0), Value::small_int(received), none());
    if (!data || !window || !setitem(bound[0], window, data)) return {};
  }
  return make_int(int64_t(received));
}

Ref socket_shutdown(Value self, Args args) {
  SocketObject* s = as_socket(self);
  auto how = int_as_int64(args[0]);
  if (!how || !check_open(s)) return {};
  if (shutdown(s->m_fd, int(*how)) < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref socket_setblocking(Value self, Args args) {
  SocketObject* s = as_socket(self);
  int truth = is_true(args[0]);
  if (truth < 0 || !check_open(s)) return {};
  if (!apply_timeout(s, truth ? -1 : 0)) return {};
  return new_none();
}

Ref socket_getblocking(Value self, Args) {
  SocketObject* s = as_socket(self);
  if (!check_open(s)) return {};
  return new_bool(s->m_timeout != 0);
}

Ref socket_settimeout(Value self, Args args) {
  SocketObject* s = as_socket(self);
  double timeout;
  if (!timeout_argument(args[0], timeout) || !check_open(s) || !apply_timeout(s, timeout)) return {};
  return new_none();
}

Ref socket_gettimeout(Value self, Args) {
  double timeout = as_socket(self)->m_timeout;
  if (timeout < 0) return new_none();
  return make_float(timeout);
}

// setsockopt(level, option, value: int | buffer) or (level, option, None, optlen)
Ref socket_setsockopt(Value self, Args args) {
  if (!check_positional("setsockopt", args, 3, 4)) return {};
  SocketObject* s = as_socket(self);
  auto level = int_as_int64(args[0]);
  if (!level) return {};
  auto option = int_as_int64(args[1]);
  if (!option || !check_open(s)) return {};
  int result;
  if (args.count == 4) {
    if (!is_none(args[2])) return raise(&type_error_type, "setsockopt() takes an int, a bytes-like object or None with an optlen");
    auto length = int_as_int64(args[3]);
    if (!length) return {};
    result = setsockopt(s->m_fd, int(*level), int(*option), nullptr, socklen_t(*length));
  } else if (is_int(args[2])) {
    auto value = int_as_int64(args[2]);
    if (!value) return {};
    int flag = int(*value);
    result = setsockopt(s->m_fd, int(*level), int(*option), &flag, sizeof flag);
  } else {
    std::string_view data;
    if (!buffer_view(args[2], data)) {
      clear_exception();
      return raise_type_error_for("a bytes-like object is required, not '%s'", args[2]);
    }
    result = setsockopt(s->m_fd, int(*level), int(*option), data.data(), socklen_t(data.size()));
  }
  if (result < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref socket_getsockopt(Value self, Args args) {
  if (!check_positional("getsockopt", args, 2, 3)) return {};
  SocketObject* s = as_socket(self);
  auto level = int_as_int64(args[0]);
  if (!level) return {};
  auto option = int_as_int64(args[1]);
  if (!option || !check_open(s)) return {};
  if (args.count == 2) {
    int value = 0;
    socklen_t size = sizeof value;
    if (getsockopt(s->m_fd, int(*level), int(*option), &value, &size) < 0) return raise_os_error_from_errno(errno);
    return make_int(int64_t(value));
  }
  auto length = int_as_int64(args[2]);
  if (!length) return {};
  if (*length <= 0 || *length > 1024) return raise(&os_error_type, "getsockopt buflen out of range");
  std::string buffer(size_t(*length), '\0');
  socklen_t size = socklen_t(*length);
  if (getsockopt(s->m_fd, int(*level), int(*option), buffer.data(), &size) < 0) return raise_os_error_from_errno(errno);
  buffer.resize(size);
  return make_bytes(buffer);
}

template <bool Peer>
Ref socket_name(Value self, Args) {
  SocketObject* s = as_socket(self);
  if (!check_open(s)) return {};
  SocketAddress address;
  address.length = sizeof address.storage;
  int result = Peer ? getpeername(s->m_fd, address.get(), &address.length)
                    : getsockname(s->m_fd, address.get(), &address.length);
  if (result < 0) return raise_os_error_from_errno(errno);
  return address_value(address.get(), address.length);
}

Ref socket_family(Value self) { return make_int(int64_t(as_socket(self)->m_family)); }
Ref socket_kind(Value self) { return make_int(int64_t(as_socket(self)->m_type)); }
Ref socket_proto(Value self) { return make_int(int64_t(as_socket(self)->m_proto)); }
Ref socket_timeout(Value self) { return socket_gettimeout(self, Args{}); }

Ref socket_repr(Value self) {
  SocketObject* s = as_socket(self);
  char text[128];
  std::snprintf(text, sizeof text, "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->m_fd, s->m_family,
                s->m_type, s->m_proto);
  return make_str(text);
}

const MethodDef kSocketMethods[] = {
    {"fileno", socket_fileno, ArgKind::NoArgs},
    {"close", socket_close, ArgKind::NoArgs},
    {"detach", socket_detach, ArgKind::NoArgs},
    {"bind", socket_bind, ArgKind::OneArg},
    {"listen", socket_listen, ArgKind::VarArgs},
    {"_accept", socket_accept, ArgKind::NoArgs},
    {"connect", socket_connect, ArgKind::OneArg},
    {"connect_ex", socket_connect_ex, ArgKind::OneArg},
    {"send", socket_send, ArgKind::VarArgs},
    {"sendall", socket_sendall, ArgKind::VarArgs},
    {"sendto", socket_sendto, ArgKind::VarArgs},
    {"recv", socket_recv, ArgKind::VarArgs},
    {"recvfrom", socket_recvfrom, ArgKind::VarArgs},
    {"recv_into", socket_recv_into, ArgKind::Keywords},
    {"shutdown", socket_shutdown, ArgKind::OneArg},
    {"setblocking", socket_setblocking, ArgKind::OneArg},
    {"getblocking", socket_getblocking, ArgKind::NoArgs},
    {"settimeout", socket_settimeout, ArgKind::OneArg},
    {"gettimeout", socket_gettimeout, ArgKind::NoArgs},
    {"setsockopt", socket_setsockopt, ArgKind::VarArgs},
    {"getsockopt", socket_getsockopt, ArgKind::VarArgs},
    {"getsockname", socket_name<false>, ArgKind::NoArgs},
    {"getpeername", socket_name<true>, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kSocketGetSet[] = {
    {"family", socket_family},
    {"type", socket_kind},
    {"proto", socket_proto},
    {"timeout", socket_timeout},
    {nullptr, nullptr},
};

// ------------------------------------------------------------ module functions

Ref make_socket_object(int fd, int family, int kind, int proto) {
  Object* object = allocate_object(&socket_type);
  if (object == nullptr) {
    close(fd);
    return raise_no_memory();
  }
  auto* s = construct_body<SocketObject>(object);
  Ref owner = Ref::steal(object);
  s->m_fd = fd;
  s->m_family = family;
  s->m_type = kind;
  s->m_proto = proto;
  if (!apply_timeout(s, g_default_timeout)) return {};
  return owner;
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)
Ref module_socketpair(Value, Args args) {
  static const ArgSpec spec{"socketpair", {"family", "type", "proto"}, 0, SIZE_MAX, 0};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  int64_t numbers[3] = {AF_UNIX, SOCK_STREAM, 0};
  for (int i = 0; i < 3; ++i) {
    if (!bound[i]) continue;
    auto n = int_as_int64(bound[i]);
    if (!n) return {};
    numbers[i] = *n;
  }
  int ends[2];
  if (socketpair(int(numbers[0]), int(numbers[1]) | SOCK_CLOEXEC, int(numbers[2]), ends) < 0) {
    return raise_os_error_from_errno(errno);
  }
  Ref first = make_socket_object(ends[0], int(numbers[0]), int(numbers[1]), int(numbers[2]));
  if (!first) {
    close(ends[1]);
    return {};
  }
  Ref second = make_socket_object(ends[1], int(numbers[0]), int(numbers[1]), int(numbers[2]));
  if (!second) return {};
  return make_tuple({first.get(), second.get()});
}

Ref module_gethostname(Value, Args) {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) < 0) return raise_os_error_from_errno(errno);
  return make_str(name);
}

std::string host_text(Value host) {
  if (is_str(host)) return std::string(str_view(host));
  std::string_view view;
  buffer_view(host, view);
  return std::string(view);
}

Ref module_gethostbyname(Value, Args args) {
  if (!is_str(args[0])) return raise_type_error_for("gethostbyname() argument 1 must be str, not %s", args[0]);
  SocketAddress address;
  if (!resolve_host(host_text(args[0]), AF_INET, address)) return {};
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &reinterpret_cast<struct sockaddr_in*>(&address.storage)->sin_addr, text, sizeof text);
  return make_str(text);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> list of
// (family, type, proto, canonname, sockaddr); socket.py turns the numbers
// into its enums.
Ref module_getaddrinfo(Value, Args args) {
  static const ArgSpec spec{"getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 0, SIZE_MAX, 2};
  Value bound[6];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string host, port;
  bool has_host = !is_none(bound[0]), has_port = !is_none(bound[1]);
  if (has_host) {
    if (is_str(bound[0])) {
      host = std::string(str_view(bound[0]));
    } else {
      std::string_view view;
      if (!buffer_view(bound[0], view)) {
        clear_exception();
        return raise(&type_error_type, "getaddrinfo() argument 1 must be string or None");
      }
      host = std::string(view);
    }
  }
  if (has_port) {
    if (is_int(bound[1])) {
      auto n = int_as_int64(bound[1]);
      if (!n) return {};
      port = std::to_string(*n);
    } else if (is_str(bound[1])) {
      port = std::string(str_view(bound[1]));
    } else {
      std::string_view view;
      if (!buffer_view(bound[1], view)) {
        clear_exception();
        return raise(&os_error_type, "Int or String expected");
      }
      port = std::string(view);
    }
  }
  int numbers[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i) {
    if (!bound[i + 2]) continue;
    auto n = int_as_int64(bound[i + 2]);
    if (!n) return {};
    numbers[i] = int(*n);
  }
  struct addrinfo hints = {};
  hints.ai_family = numbers[0];
  hints.ai_socktype = numbers[1];
  hints.ai_protocol = numbers[2];
  hints.ai_flags = numbers[3];
  struct addrinfo* found = nullptr;
  int code;
  {
    ReleaseGil release;
    code = getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &found);
  }
  if (code != 0) return raise_gaierror(code);
  Ref result = make_list(0);
  for (struct addrinfo* entry = found; result && entry != nullptr; entry = entry->ai_next) {
    Ref address = address_value(entry->ai_addr, entry->ai_addrlen);
    Ref name = make_str(entry->ai_canonname ? entry->ai_canonname : "");
    Ref item = address && name ? make_tuple({Value::small_int(entry->ai_family), Value::small_int(entry->ai_socktype),
                                              Value::small_int(entry->ai_protocol), name.get(), address.get()})
                               : Ref();
    if (!item) {
      result = Ref();
    } else {
      list_append(result, std::move(item));
    }
  }
  freeaddrinfo(found);
  return result;
}

Ref module_inet_aton(Value, Args args) {
  if (!is_str(args[0])) return raise_type_error_for("inet_aton() argument 1 must be str, not %s", args[0]);
  struct in_addr address;
  if (inet_aton(std::string(str_view(args[0])).c_str(), &address) == 0) {
    return raise(&os_error_type, "illegal IP address string passed to inet_aton");
  }
  return make_bytes(std::string_view(reinterpret_cast<const char*>(&address), sizeof address));
}

Ref module_inet_ntoa(Value, Args args) {
  std::string_view data;
  if (!buffer_view(args[0], data)) {
    clear_exception();
    return raise_type_error_for("a bytes-like object is required, not '%s'", args[0]);
  }
  if (data.size() != 4) return raise(&os_error_type, "packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, data.data(), text, sizeof text);
  return make_str(text);
}

Ref module_inet_pton(Value, Args args) {
  if (!check_positional("inet_pton", args, 2, 2)) return {};
  auto family = int_as_int64(args[0]);
  if (!family) return {};
  if (!is_str(args[1])) return raise_type_error_for("inet_pton() argument 2 must be str, not %s", args[1]);
  unsigned char buffer[sizeof(struct in6_addr)];
  int result = inet_pton(int(*family), std::string(str_view(args[1])).c_str(), buffer);
  if (result < 0) return raise_os_error_from_errno(errno);
  if (result == 0) return raise(&os_error_type, "illegal IP address string passed to inet_pton");
  return make_bytes(std::string_view(reinterpret_cast<const char*>(buffer), *family == AF_INET ? 4 : 16));
}

Ref module_inet_ntop(Value, Args args) {
  if (!check_positional("inet_ntop", args, 2, 2)) return {};
  auto family = int_as_int64(args[0]);
  if (!family) return {};
  std::string_view data;
  if (!buffer_view(args[1], data)) {
    clear_exception();
    return raise_type_error_for("a bytes-like object is required, not '%s'", args[1]);
  }
  if (*family != AF_INET && *family != AF_INET6) return raise(&value_error_type, "unknown address family");
  if (data.size() != (*family == AF_INET ? 4u : 16u)) return raise(&value_error_type, "invalid length of packed IP address string");
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(int(*family), data.data(), text, sizeof text);
  return make_str(text);
}

// htons/ntohs/htonl/ntohl: 16- and 32-bit byte swaps, with CPython's range checks.
template <int Bits>
Ref byte_order(Value, Args args) {
  if (!is_int(args[0])) return raise_type_error_for("'%s' object cannot be interpreted as an integer", args[0]);
  auto n = int_as_int64(args[0]);
  if (!n) return {};
  if (*n < 0) return raise(&overflow_error_type, "htons: can't convert negative Python int to C 16-bit unsigned integer");
  if (Bits == 16) {
    if (*n > 0xffff) return raise(&overflow_error_type, "htons: Python int too large to convert to C 16-bit unsigned integer");
    return make_int(int64_t(htons(uint16_t(*n))));
  }
  if (*n > 0xffffffffLL) return raise(&overflow_error_type, "int larger than 32 bits");
  return make_int(int64_t(htonl(uint32_t(*n))));
}

Ref module_getdefaulttimeout(Value, Args) {
  if (g_default_timeout < 0) return new_none();
  return make_float(g_default_timeout);
}

Ref module_setdefaulttimeout(Value, Args args) {
  double timeout;
  if (!timeout_argument(args[0], timeout)) return {};
  g_default_timeout = timeout;
  return new_none();
}

Ref module_close(Value, Args args) {
  auto fd = int_as_int64(args[0]);
  if (!fd) return {};
  if (close(int(*fd)) < 0 && errno != ECONNRESET) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref module_dup(Value, Args args) {
  auto fd = int_as_int64(args[0]);
  if (!fd) return {};
  int copy = fcntl(int(*fd), F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error_from_errno(errno);
  return make_int(int64_t(copy));
}

const MethodDef kSocketFunctions[] = {
    {"socketpair", module_socketpair, ArgKind::Keywords},
    {"gethostname", module_gethostname, ArgKind::NoArgs},
    {"gethostbyname", module_gethostbyname, ArgKind::OneArg},
    {"getaddrinfo", module_getaddrinfo, ArgKind::Keywords},
    {"inet_aton", module_inet_aton, ArgKind::OneArg},
    {"inet_ntoa", module_inet_ntoa, ArgKind::OneArg},
    {"inet_pton", module_inet_pton, ArgKind::VarArgs},
    {"inet_ntop", module_inet_ntop, ArgKind::VarArgs},
    {"htons", byte_order<16>, ArgKind::OneArg},
    {"ntohs", byte_order<16>, ArgKind::OneArg},
    {"htonl", byte_order<32>, ArgKind::OneArg},
    {"ntohl", byte_order<32>, ArgKind::OneArg},
    {"getdefaulttimeout", module_getdefaulttimeout, ArgKind::NoArgs},
    {"setdefaulttimeout", module_setdefaulttimeout, ArgKind::OneArg},
    {"close", module_close, ArgKind::OneArg},
    {"dup", module_dup, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

Ref make_error_class(const char* name, Value base) {
  Ref class_name = make_str(name);
  Ref bases = make_tuple({base});
  Ref namespace_dict = make_dict();
  Ref module_name = make_str("socket");
  if (!class_name || !bases || !namespace_dict || !module_name ||
      !dict_setitem_str(namespace_dict, "__module__", module_name)) {
    return {};
  }
  return call(Value(&type_type), {class_name, bases, namespace_dict});
}

bool init_socket(Value module) {
  if (!module_add_functions(module, kSocketFunctions)) return false;
  Value dict = module_dict(module);
  if (!g_gaierror) {
    g_gaierror = TRY(make_error_class("gaierror", Value(&os_error_type))).release();
    g_herror = TRY(make_error_class("herror", Value(&os_error_type))).release();
  }
  static const struct {
    const char* name;
    int64_t value;
  } kConstants[] = {
      {"AF_UNSPEC", AF_UNSPEC}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX},
      {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
      {"SOCK_SEQPACKET", SOCK_SEQPACKET}, {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
      {"SOL_SOCKET", SOL_SOCKET}, {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
      {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST}, {"SO_LINGER", SO_LINGER},
      {"SO_RCVBUF", SO_RCVBUF}, {"SO_SNDBUF", SO_SNDBUF}, {"SO_ERROR", SO_ERROR}, {"SO_TYPE", SO_TYPE},
      {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
      {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPV6_V6ONLY", IPV6_V6ONLY}, {"TCP_NODELAY", TCP_NODELAY},
      {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR},
      {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL}, {"MSG_OOB", MSG_OOB},
      {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
      {"AI_NUMERICSERV", AI_NUMERICSERV}, {"AI_ADDRCONFIG", AI_ADDRCONFIG},
      {"NI_NUMERICHOST", NI_NUMERICHOST}, {"NI_NUMERICSERV", NI_NUMERICSERV},
      {"EAI_NONAME", EAI_NONAME}, {"EAI_AGAIN", EAI_AGAIN}, {"EAI_SERVICE", EAI_SERVICE},
      {"INADDR_ANY", INADDR_ANY}, {"INADDR_LOOPBACK", INADDR_LOOPBACK}, {"SOMAXCONN", SOMAXCONN},
  };
  for (const auto& c : kConstants) {
    if (!dict_setitem_str(dict, c.name, Value::small_int(c.value))) return false;
  }
  return dict_setitem_str(dict, "socket", Value(&socket_type)) &&
         dict_setitem_str(dict, "SocketType", Value(&socket_type)) &&
         dict_setitem_str(dict, "error", Value(&os_error_type)) &&
         dict_setitem_str(dict, "timeout", Value(&timeout_error_type)) &&
         dict_setitem_str(dict, "gaierror", g_gaierror) && dict_setitem_str(dict, "herror", g_herror) &&
         dict_setitem_str(dict, "has_ipv6", py_bool(true));
}

}  // namespace

bool is_socket_object(Value v) { return v.is_object() && isinstance(v, &socket_type); }
int socket_object_fd(Value v) { return as_socket(v)->m_fd; }
double socket_object_timeout(Value v) { return as_socket(v)->m_timeout; }

static struct SocketTypeSetup {
  SocketTypeSetup() {
    socket_type.m_tp_name = "_socket.socket";
    socket_type.m_size = sizeof(SocketObject);
    socket_type.m_flags = kTypeBaseType;
    socket_type.m_new = socket_new;
    socket_type.m_init = socket_init;
    socket_type.m_destroy = socket_destroy;
    socket_type.m_repr = socket_repr;
    socket_type.m_methods = kSocketMethods;
    socket_type.m_getset = kSocketGetSet;
  }
} socket_type_setup;

COIL_REGISTER_TYPE(socket_type);
COIL_REGISTER_MODULE("_socket", init_socket);

}  // namespace coil
