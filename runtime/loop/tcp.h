// TCP on libuv (runtime/loop/io.h): the transport asyncio's protocols talk
// to, the listening socket of a server, and connecting and resolving.
// lib/asyncio/base_events.py builds loop.create_server/create_connection
// and the Server class on them; lib/asyncio/streams.py the streams.
//
// A transport behaves as CPython's _SelectorSocketTransport: what it reads
// is queued on its loop and handed to protocol.data_received() in the next
// iteration; write() sends at once what the socket takes and queues the
// rest (pausing the protocol above the high-water mark); close() waits for
// the queue to drain; connection_lost() comes last, on the loop.
#pragma once

#include <uv.h>

#include "runtime/loop/loop.h"

namespace coil {

extern Type tcp_transport_type, tcp_listener_type;
// The same transport over one end of a child process's pipe, under CPython's
// names for its unix_events pipe transports.
extern Type read_pipe_transport_type, write_pipe_transport_type;

// A listening socket bound to `address` ((host, port) of `family`), not yet
// accepting; an OSError as CPython's create_server raises it if the bind
// fails. The backlog is given when it starts listening.
Ref tcp_bind(Value loop, int family, Value address, bool reuse_port);
// A connected, not yet started transport over the socket object `socket`
// (create_connection(sock=...)), and a listener over a bound one
// (create_server(sock=...)): each works on a duplicate of its descriptor
// and closes the object when it closes, as CPython's close the socket.
Ref tcp_adopt(Value loop, Value socket);
Ref tcp_listener_on(Value loop, Value socket);
// A Future on `loop` that resolves to a connected, not yet started
// transport (start it with its _start(protocol, waiter) method).
Ref tcp_connect(Value loop, int family, Value address);
// loop.getaddrinfo's work: a Future of [(family, type, proto, canonname,
// sockaddr), ...]. `host` None for the wildcard address, `port` an int, a
// str or None.
Ref tcp_getaddrinfo(Value loop, Value host, Value port, int family, int type, int proto, int flags);

// A transport over `handle` (which it takes, open on a descriptor), not
// yet started: the end a child writes to (the parent reads), or with
// `write_end` the end it reads from. The write end is read too, as CPython
// watches it, so that a child that exits or closes its stdin ends it.
Ref make_pipe_transport(Value loop, uv_pipe_t* handle, bool write_end);

// A read item of the ready queue (ReadyItem::Kind::Io): data for the
// transport's protocol, or (null payload) end of file or a read error.
// False with an exception pending for SystemExit and KeyboardInterrupt.
bool tcp_deliver(Value transport, Value payload);

}  // namespace coil
