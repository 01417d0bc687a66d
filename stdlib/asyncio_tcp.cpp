// The `_asyncio_tcp` module: TCP on libuv (runtime/loop/tcp.h), for
// lib/asyncio/base_events.py's create_server, create_connection and
// getaddrinfo, and the streams of lib/asyncio/streams.py.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/loop/tcp.h"
#include "runtime/module.h"
#include "runtime/native.h"

#include <netdb.h>
#include <sys/socket.h>

namespace coil {

namespace {

bool int_argument(Value v, const char* what, int& out) {
  int64_t value = 0;
  if (!is_int(v) || !int_fits_int64(v, value)) {
    raise_format(&type_error_type, "%s must be an int", what);
    return false;
  }
  out = int(value);
  return true;
}

bool loop_argument(Value v) {
  if (is_event_loop(v)) return true;
  raise(&type_error_type, "a native event loop is required");
  return false;
}

// bind(loop, family, (host, port), reuse_port) -> listener
Ref tcp_bind_function(Value, Args args) {
  if (!check_positional("bind", args, 4, 4) || !loop_argument(args[0])) return {};
  int family = 0;
  if (!int_argument(args[1], "family", family)) return {};
  int reuse_port = is_true(args[3]);
  if (reuse_port < 0) return {};
  return tcp_bind(args[0], family, args[2], reuse_port);
}

// connect(loop, family, (host, port)) -> Future of a transport
Ref tcp_connect_function(Value, Args args) {
  if (!check_positional("connect", args, 3, 3) || !loop_argument(args[0])) return {};
  int family = 0;
  if (!int_argument(args[1], "family", family)) return {};
  return tcp_connect(args[0], family, args[2]);
}

// adopt(loop, sock) -> transport;  listener(loop, sock) -> listener
Ref tcp_adopt_function(Value, Args args) {
  if (!check_positional("adopt", args, 2, 2) || !loop_argument(args[0])) return {};
  return tcp_adopt(args[0], args[1]);
}

Ref tcp_listener_function(Value, Args args) {
  if (!check_positional("listener", args, 2, 2) || !loop_argument(args[0])) return {};
  return tcp_listener_on(args[0], args[1]);
}

// getaddrinfo(loop, host, port, family, type, proto, flags) -> Future of a list
Ref tcp_getaddrinfo_function(Value, Args args) {
  if (!check_positional("getaddrinfo", args, 7, 7) || !loop_argument(args[0])) return {};
  int family = 0, type = 0, proto = 0, flags = 0;
  if (!int_argument(args[3], "family", family) || !int_argument(args[4], "type", type) ||
      !int_argument(args[5], "proto", proto) || !int_argument(args[6], "flags", flags)) {
    return {};
  }
  return tcp_getaddrinfo(args[0], args[1], args[2], family, type, proto, flags);
}

const MethodDef kFunctions[] = {
    {"bind", tcp_bind_function, ArgKind::VarArgs},
    {"connect", tcp_connect_function, ArgKind::VarArgs},
    {"adopt", tcp_adopt_function, ArgKind::VarArgs},
    {"listener", tcp_listener_function, ArgKind::VarArgs},
    {"getaddrinfo", tcp_getaddrinfo_function, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_asyncio_tcp(Value module) {
  if (!module_add_functions(module, kFunctions)) return false;
  Value dict = module_dict(module);
  struct Constant {
    const char* name;
    int value;
  };
  const Constant constants[] = {
      {"AF_UNSPEC", AF_UNSPEC},     {"AF_INET", AF_INET},         {"AF_INET6", AF_INET6},
      {"SOCK_STREAM", SOCK_STREAM}, {"IPPROTO_TCP", IPPROTO_TCP}, {"AI_PASSIVE", AI_PASSIVE},
  };
  for (const Constant& constant : constants) {
    Ref value = make_int(int64_t(constant.value));
    if (!value || !dict_setitem_str(dict, constant.name, value)) return false;
  }
  return dict_setitem_str(dict, "Transport", Value(&tcp_transport_type)) &&
         dict_setitem_str(dict, "Listener", Value(&tcp_listener_type));
}

}  // namespace

COIL_REGISTER_MODULE("_asyncio_tcp", init_asyncio_tcp);

}  // namespace coil
