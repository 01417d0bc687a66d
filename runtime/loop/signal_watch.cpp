// Signal watchers on libuv (runtime/loop/signal_watch.h).
//
// The uv_signal_t is its own allocation whose `data` holds a reference to
// the watcher object until libuv has closed it, as the TCP handles do.
#include "runtime/loop/signal_watch.h"

#include <cerrno>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/loop/io.h"
#include "runtime/native.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"

namespace coil {

namespace {

struct SignalWatcherObject : Object {
  uv_signal_t* m_handle = nullptr;  // null once closed
  Ref m_loop;
  Ref m_callback;
  Ref m_args;  // tuple
  int m_signum = 0;
};

SignalWatcherObject* as_watcher(Value v) { return v.as<SignalWatcherObject>(); }

void on_signal(uv_signal_t* handle, int) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* w = static_cast<SignalWatcherObject*>(handle->data);
  auto* loop = w->m_loop.get().as<EventLoopObject>();
  if (loop->m_closed || !w->m_callback) return;
  if (!loop_call_soon(loop, w->m_callback, w->m_args)) clear_exception();
}

// close(): stops watching; the signal's handler is the default again
// (SIGINT's raises KeyboardInterrupt), as after CPython's
// remove_signal_handler().
Ref watcher_close(Value self, Args) {
  SignalWatcherObject* w = as_watcher(self);
  if (w->m_handle == nullptr) return new_none();
  io_close_owned_handle(reinterpret_cast<uv_handle_t*>(w->m_handle));
  w->m_handle = nullptr;
  w->m_callback.reset();
  w->m_args.reset();
  // libuv restored the default disposition if no other watcher has the
  // signal; SIGINT's default in coil is to raise KeyboardInterrupt.
  if (w->m_signum == SIGINT && !set_signal_handler(SIGINT, default_int_handler())) return {};
  return new_none();
}

Ref watcher_repr(Value self) {
  SignalWatcherObject* w = as_watcher(self);
  return make_str("<_SignalWatcher signal=" + std::to_string(w->m_signum) +
                  (w->m_handle == nullptr ? " closed>" : ">"));
}

void watcher_destroy(Object* object) { static_cast<SignalWatcherObject*>(object)->~SignalWatcherObject(); }

void watcher_traverse(Object* object, VisitFn visit, void* context) {
  auto* w = static_cast<SignalWatcherObject*>(object);
  visit(w->m_loop, context);
  visit(w->m_callback, context);
  visit(w->m_args, context);
}

void watcher_clear(Object* object) {
  auto* w = static_cast<SignalWatcherObject*>(object);
  w->m_callback.reset();
  w->m_args.reset();
}

const MethodDef kWatcherMethods[] = {
    {"close", watcher_close, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Ref signal_watch(Value loop, int signum, Value callback, Value args_tuple) {
  Object* allocated = allocate_object(&signal_watcher_type);
  if (allocated == nullptr) return raise_no_memory();
  auto* w = construct_body<SignalWatcherObject>(allocated);
  Ref object = Ref::steal(allocated);
  w->m_loop = ref(loop);
  w->m_callback = ref(callback);
  w->m_args = ref(args_tuple);
  w->m_signum = signum;
  auto* handle = new uv_signal_t;
  uv_signal_init(io_loop(), handle);
  handle->data = ref(object.get()).release().as_object();
  int result = uv_signal_start(handle, on_signal, signum);
  if (result != 0) {
    io_close_owned_handle(reinterpret_cast<uv_handle_t*>(handle));
    if (result == UV_EINVAL) return raise_format(&runtime_error_type, "sig %d cannot be caught", signum);
    return raise_uv_error(result), Ref();
  }
  // A Python-level handler set before is replaced, as signal.signal()
  // replaces it in CPython's add_signal_handler().
  forget_signal_handler(signum);
  w->m_handle = handle;
  return object;
}

Type signal_watcher_type;

static struct SignalWatcherTypeSetup {
  SignalWatcherTypeSetup() {
    signal_watcher_type.m_tp_name = "asyncio._SignalWatcher";
    signal_watcher_type.m_size = sizeof(SignalWatcherObject);
    signal_watcher_type.m_flags = kTypeHasGC | kTypePythonClass;
    signal_watcher_type.m_repr = watcher_repr;
    signal_watcher_type.m_destroy = watcher_destroy;
    signal_watcher_type.m_traverse = watcher_traverse;
    signal_watcher_type.m_clear = watcher_clear;
    signal_watcher_type.m_methods = kWatcherMethods;
  }
} signal_watcher_type_setup;

COIL_REGISTER_TYPE(signal_watcher_type);

}  // namespace coil
