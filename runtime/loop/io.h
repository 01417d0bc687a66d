// The event loop's I/O layer (DESIGN §5): libuv underneath, for socket
// readiness, connections and name resolution. One libuv loop serves every
// asyncio loop of a thread (each thread that does I/O has its own); each
// I/O object belongs to the asyncio loop that made it and queues its
// events there.
//
// An iteration of the asyncio loop polls libuv once: without waiting when
// callbacks are ready, else until the next timer. Under virtual time the
// clock jumps to the next timer only when no I/O operation is in flight
// (a connect, a write, a name lookup, a running child process): loopback
// peers and children answer in real time, and a program prints the same in
// both clock modes.
#pragma once

#include <uv.h>

#include <string>

#include "runtime/errors.h"
#include "runtime/object.h"

namespace coil {

// The calling thread's libuv loop, made on first use: the main thread's is
// libuv's default loop, another thread's its own.
uv_loop_t* io_loop();
// A thread's I/O state (runtime/threads.h keeps one per thread and swaps
// it in with the GIL).
struct IoState;
IoState* io_state_new();
void swap_io_state(IoState*& state);
// Closes what the state's loop still holds and frees it (its thread ends).
void io_state_delete(IoState* io);
// The running thread's state, its loop made if needed: what another thread
// passes to io_wake() to end this thread's wait (call_soon_threadsafe).
IoState* io_current_state();
// Ends the thread's wait in io_poll, from any thread.
void io_wake(IoState* io);
// Whether any I/O object is open or any operation pending (false before
// the first I/O object is made).
bool io_active();
// Operations in flight (connects, writes, lookups, running children):
// counted by who starts and who completes them.
void io_begin_operation();
void io_end_operation();
bool io_operations_in_flight();
// Polls libuv: `timeout` seconds at most (0: only what is ready; negative:
// until something happens). Signals end the wait early.
void io_poll(double timeout);
// The descriptor that becomes readable when libuv has events (for the
// REPL's poll), or -1 when no I/O object exists.
int io_backend_fd();
// Makes io_backend_fd() report io_wake() too, for a wait outside libuv (the
// REPL's poll), and takes a wake-up already delivered: libuv registers its
// wake-up handle with the descriptor only when it polls.
void io_arm_wakeup();

// Closes a handle allocated with `new` whose `data` is the object owning it
// (holding a reference for it, or null): once libuv is done with it, its
// memory goes and the reference is dropped.
void io_close_owned_handle(uv_handle_t* handle);

// "[Errno N] message" OSError (the errno's subclass) for a libuv error code.
Raised raise_uv_error(int uv_error);
// The same exception as a value, for protocols' connection_lost(exc).
Ref make_uv_error(int uv_error);
// A socket address as Python shows it: (host, port) for IPv4,
// (host, port, flowinfo, scope_id) for IPv6.
Ref sockaddr_to_tuple(const struct sockaddr* address);
// (host, port[, ...]) → a sockaddr; false with an exception pending.
bool tuple_to_sockaddr(Value address, int family, struct sockaddr_storage* out);

}  // namespace coil
