// Descriptor watchers on libuv (runtime/loop/fd_watch.h).
//
// The uv_poll_t is its own allocation whose `data` holds a reference to
// the watcher until libuv has closed it, as the signal watchers' do.
#include "runtime/loop/fd_watch.h"

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/loop/io.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

struct FdWatcherObject : Object {
  uv_poll_t* m_handle = nullptr;  // null once closed
  Ref m_loop;
  Ref m_reader;  // the reader's Handle, or null
  Ref m_writer;  // the writer's Handle, or null
  int m_fd = -1;
};

FdWatcherObject* as_watcher(Value v) { return v.as<FdWatcherObject>(); }

void schedule(EventLoopObject* loop, Value handle) {
  if (!handle || handle.as<HandleObject>()->m_cancelled) return;
  loop->m_ready.push({ReadyItem::Kind::Handle, ref(handle).release().as_object(), nullptr});
}

void on_ready(uv_poll_t* handle, int status, int events) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* w = static_cast<FdWatcherObject*>(handle->data);
  if (w->m_handle == nullptr) return;
  auto* loop = w->m_loop.get().as<EventLoopObject>();
  if (loop->m_closed) return;
  // An error on the descriptor (a reset peer) wakes both sides, as a
  // selector reports it ready: the callbacks' own calls then see the error.
  if (status < 0) events = UV_READABLE | UV_WRITABLE;
  if (events & UV_READABLE) schedule(loop, w->m_reader);
  if (events & UV_WRITABLE) schedule(loop, w->m_writer);
}

// Watches for what the watcher has callbacks for, or for nothing.
bool update(FdWatcherObject* w) {
  if (w->m_handle == nullptr) {
    raise(&value_error_type, "the watcher is closed");
    return false;
  }
  int events = (w->m_reader ? UV_READABLE : 0) | (w->m_writer ? UV_WRITABLE : 0);
  int result = events == 0 ? uv_poll_stop(w->m_handle) : uv_poll_start(w->m_handle, events, on_ready);
  if (result != 0) {
    raise_uv_error(result);
    return false;
  }
  return true;
}

void cancel(Ref& handle) {
  if (handle) handle.get().as<HandleObject>()->m_cancelled = true;
  handle.reset();
}

// set_reader(callback, args) / set_writer(callback, args): the Handle
// replaces (and cancels) the one before.
template <bool Writer>
Ref watcher_set(Value self, Args args) {
  if (!check_positional(Writer ? "set_writer" : "set_reader", args, 2, 2)) return {};
  if (args[1].type() != &tuple_type) return raise(&type_error_type, "args must be a tuple");
  FdWatcherObject* w = as_watcher(self);
  Ref handle = make_handle(&handle_type, w->m_loop, args[0], args[1], Value());
  if (!handle) return {};
  Ref& slot = Writer ? w->m_writer : w->m_reader;
  cancel(slot);
  slot = std::move(handle);
  if (!update(w)) return {};
  return new_none();
}

template <bool Writer>
Ref watcher_remove(Value self, Args) {
  FdWatcherObject* w = as_watcher(self);
  Ref& slot = Writer ? w->m_writer : w->m_reader;
  bool had = static_cast<bool>(slot);
  cancel(slot);
  if (w->m_handle != nullptr && !update(w)) return {};
  return new_bool(had);
}

Ref watcher_close(Value self, Args) {
  FdWatcherObject* w = as_watcher(self);
  cancel(w->m_reader);
  cancel(w->m_writer);
  if (w->m_handle == nullptr) return new_none();
  io_close_owned_handle(reinterpret_cast<uv_handle_t*>(w->m_handle));
  w->m_handle = nullptr;
  return new_none();
}

// Whether the watcher has a reader / writer (for the loop's own checks).
Ref watcher_reader(Value self) { return new_bool(static_cast<bool>(as_watcher(self)->m_reader)); }
Ref watcher_writer(Value self) { return new_bool(static_cast<bool>(as_watcher(self)->m_writer)); }

Ref watcher_repr(Value self) {
  FdWatcherObject* w = as_watcher(self);
  return make_str("<_FdWatcher fd=" + std::to_string(w->m_fd) + (w->m_handle == nullptr ? " closed>" : ">"));
}

void watcher_destroy(Object* object) { static_cast<FdWatcherObject*>(object)->~FdWatcherObject(); }

void watcher_traverse(Object* object, VisitFn visit, void* context) {
  auto* w = static_cast<FdWatcherObject*>(object);
  visit(w->m_loop, context);
  visit(w->m_reader, context);
  visit(w->m_writer, context);
}

void watcher_clear(Object* object) {
  auto* w = static_cast<FdWatcherObject*>(object);
  w->m_reader.reset();
  w->m_writer.reset();
}

const MethodDef kWatcherMethods[] = {
    {"set_reader", watcher_set<false>, ArgKind::VarArgs},
    {"set_writer", watcher_set<true>, ArgKind::VarArgs},
    {"remove_reader", watcher_remove<false>, ArgKind::NoArgs},
    {"remove_writer", watcher_remove<true>, ArgKind::NoArgs},
    {"close", watcher_close, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kWatcherGetSet[] = {
    {"has_reader", watcher_reader},
    {"has_writer", watcher_writer},
    {nullptr, nullptr},
};

}  // namespace

Ref fd_watch(Value loop, int fd) {
  Object* allocated = allocate_object(&fd_watcher_type);
  if (allocated == nullptr) return raise_no_memory();
  auto* w = construct_body<FdWatcherObject>(allocated);
  Ref object = Ref::steal(allocated);
  w->m_loop = ref(loop);
  w->m_fd = fd;
  auto* handle = new uv_poll_t;
  int result = uv_poll_init(io_loop(), handle, fd);
  if (result != 0) {
    delete handle;
    return raise_uv_error(result), Ref();
  }
  handle->data = ref(object.get()).release().as_object();
  w->m_handle = handle;
  return object;
}

Type fd_watcher_type;

static struct FdWatcherTypeSetup {
  FdWatcherTypeSetup() {
    fd_watcher_type.m_tp_name = "asyncio._FdWatcher";
    fd_watcher_type.m_size = sizeof(FdWatcherObject);
    fd_watcher_type.m_flags = kTypeHasGC | kTypePythonClass;
    fd_watcher_type.m_repr = watcher_repr;
    fd_watcher_type.m_destroy = watcher_destroy;
    fd_watcher_type.m_traverse = watcher_traverse;
    fd_watcher_type.m_clear = watcher_clear;
    fd_watcher_type.m_methods = kWatcherMethods;
    fd_watcher_type.m_getset = kWatcherGetSet;
  }
} fd_watcher_type_setup;

COIL_REGISTER_TYPE(fd_watcher_type);

}  // namespace coil
