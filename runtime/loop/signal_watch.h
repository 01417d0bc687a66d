// Signal watchers on libuv (uv_signal_t), for loop.add_signal_handler()
// (lib/asyncio/base_events.py).
//
// libuv owns the C-level handler of a watched signal and shares it between
// watchers, its own included: it reaps children on SIGCHLD
// (runtime/loop/process.h), so a program's SIGCHLD handler and asyncio's
// subprocesses work side by side, as they do in CPython. A signal that
// arrives ends the loop's wait for I/O; its callback is then scheduled on
// the loop that added it, as CPython's call_soon of the handler's Handle.
#pragma once

#include "runtime/loop/loop.h"

namespace coil {

extern Type signal_watcher_type;

// Starts watching `signum` for `loop`: each time it arrives,
// callback(*args) is scheduled there. A RuntimeError "sig N cannot be
// caught" for SIGKILL and SIGSTOP. Stop it with its close() method; the
// signal's disposition is then the default again.
Ref signal_watch(Value loop, int signum, Value callback, Value args_tuple);

}  // namespace coil
