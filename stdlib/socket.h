// What other native modules see of a `_socket.socket` object
// (stdlib/socket.cpp): stdlib/ssl.cpp runs TLS over the descriptor of the
// socket it wraps, in the socket's own mode, as CPython's _ssl reads
// sock_fd and sock_timeout of the PySocketSockObject.
#pragma once

#include "runtime/object.h"

namespace coil {

// Whether `v` is a _socket.socket (or an instance of a subclass).
bool is_socket_object(Value v);
// Its descriptor (-1 once closed or detached) and its timeout in seconds
// (negative: blocking; 0: non-blocking); `v` must be a socket object.
int socket_object_fd(Value v);
double socket_object_timeout(Value v);

}  // namespace coil
