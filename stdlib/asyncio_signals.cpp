// The `_asyncio_signals` module: signal and descriptor watchers on libuv
// (runtime/loop/signal_watch.h, runtime/loop/fd_watch.h), for
// lib/asyncio/base_events.py's add_signal_handler/remove_signal_handler and
// add_reader/add_writer and their removal, which check the arguments.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/loop/fd_watch.h"
#include "runtime/loop/signal_watch.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// watch(loop, signum, callback, args) -> watcher
Ref signals_watch(Value, Args args) {
  if (!check_positional("watch", args, 4, 4)) return {};
  if (!is_event_loop(args[0])) return raise(&type_error_type, "a native event loop is required");
  int64_t signum = 0;
  if (!is_int(args[1]) || !int_fits_int64(args[1], signum) || signum < 1 || signum > 64) {
    return raise(&value_error_type, "signal number out of range");
  }
  if (args[3].type() != &tuple_type) return raise(&type_error_type, "args must be a tuple");
  return signal_watch(args[0], int(signum), args[2], args[3]);
}

// watch_fd(loop, fd) -> watcher (runtime/loop/fd_watch.h)
Ref signals_watch_fd(Value, Args args) {
  if (!check_positional("watch_fd", args, 2, 2)) return {};
  if (!is_event_loop(args[0])) return raise(&type_error_type, "a native event loop is required");
  int64_t fd = 0;
  if (!is_int(args[1]) || !int_fits_int64(args[1], fd) || fd < 0 || fd > INT32_MAX) {
    return raise(&value_error_type, "file descriptor out of range");
  }
  return fd_watch(args[0], int(fd));
}

const MethodDef kFunctions[] = {
    {"watch", signals_watch, ArgKind::VarArgs},
    {"watch_fd", signals_watch_fd, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_asyncio_signals(Value module) {
  if (!module_add_functions(module, kFunctions)) return false;
  return dict_setitem_str(module_dict(module), "SignalWatcher", Value(&signal_watcher_type));
}

}  // namespace

COIL_REGISTER_MODULE("_asyncio_signals", init_asyncio_signals);

}  // namespace coil
