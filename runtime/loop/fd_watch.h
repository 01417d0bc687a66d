// Descriptor watchers on libuv (uv_poll_t), for loop.add_reader(),
// add_writer() and their removal (lib/asyncio/base_events.py), and the
// sock_* methods built on them.
//
// One watcher per descriptor, as CPython's selector holds one key per
// descriptor with a reader and a writer Handle. Readiness is level-
// triggered: while the descriptor stays readable, each iteration of the
// loop schedules the reader's Handle again, as CPython's selector loop
// does; a removed or replaced Handle is cancelled, so a callback already
// scheduled does not run.
#pragma once

#include "runtime/loop/loop.h"

namespace coil {

extern Type fd_watcher_type;

// A watcher of `fd` for `loop`, watching nothing yet: set_reader(callback,
// args) / set_writer(...) start it, remove_reader() / remove_writer() (True
// if there was one) stop it, close() ends it.
Ref fd_watch(Value loop, int fd);

}  // namespace coil
