// TCP transports, listening sockets, connecting and resolving on libuv
// (runtime/loop/tcp.h). The transport serves child processes' pipes too.
//
// Lifetimes: a libuv handle lives from its init to its close callback, past
// the Python object's wish to close it, so each handle is its own
// allocation whose `data` holds a reference to the object (a transport or a
// listener) until libuv is done with it. A request in flight (a write, a
// shutdown, a connect, a lookup) holds references to what it reports to.
#include "runtime/loop/tcp.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/io.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/threads.h"
#include "vm/import.h"

namespace coil {

namespace {

constexpr size_t kDefaultHighWater = 64 * 1024;
// Lost-connection writes logged after this many, as CPython's
// constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES.
constexpr int kLogThresholdForConnLostWrites = 5;

// What a transport carries, for its type name, repr and messages: a TCP
// connection, or one end of a child process's pipe (runtime/loop/process.h),
// which CPython serves with its unix_events pipe transports.
enum class StreamKind : uint8_t { Socket, ReadPipe, WritePipe };

struct TcpTransportObject : Object {
  uv_stream_t* m_handle = nullptr;  // a uv_tcp_t or a uv_pipe_t; null once closed
  StreamKind m_kind = StreamKind::Socket;
  Ref m_loop;
  Ref m_protocol;
  Ref m_server;  // the Server to _detach() from when the connection is lost
  Ref m_extra;   // dict of get_extra_info()
  Ref m_socket;  // the socket object given with sock=, closed with the transport
  size_t m_write_pending = 0;  // bytes in libuv's write requests
  size_t m_high_water = kDefaultHighWater;
  size_t m_low_water = kDefaultHighWater / 4;
  int m_fd = -1;
  int m_read_error = 0;  // the libuv error that ended reading
  int m_conn_lost = 0;   // > 0 once the connection is lost (counts later writes)
  bool m_closing = false;
  bool m_paused = false;          // pause_reading()
  bool m_eof = false;             // write_eof() called
  bool m_protocol_paused = false;  // pause_writing() called
  bool m_protocol_connected = false;
};

struct TcpListenerObject : Object {
  uv_tcp_t* m_handle = nullptr;  // null once closed
  Ref m_loop;
  Ref m_socket;  // the socket object given with sock=, closed with the listener
  Ref m_protocol_factory;
  Ref m_server;
  int m_fd = -1;
  int m_family = AF_INET;
  bool m_listening = false;
};

TcpTransportObject* as_transport(Value v) { return v.as<TcpTransportObject>(); }
TcpListenerObject* as_listener(Value v) { return v.as<TcpListenerObject>(); }
EventLoopObject* loop_of(const Ref& loop) { return loop.get().as<EventLoopObject>(); }
uv_stream_t* stream_of(uv_tcp_t* handle) { return reinterpret_cast<uv_stream_t*>(handle); }
uv_stream_t* stream_of(uv_stream_t* handle) { return handle; }
uv_handle_t* handle_of(uv_tcp_t* handle) { return reinterpret_cast<uv_handle_t*>(handle); }
uv_handle_t* handle_of(uv_stream_t* handle) { return reinterpret_cast<uv_handle_t*>(handle); }

template <class Handle>
void close_handle(Handle*& handle) {
  if (handle == nullptr) return;
  io_close_owned_handle(handle_of(handle));
  handle = nullptr;
}

// "Fatal write error on socket transport" or "... on pipe transport".
const char* fatal_message(const TcpTransportObject* t, bool writing) {
  if (t->m_kind == StreamKind::Socket) {
    return writing ? "Fatal write error on socket transport" : "Fatal read error on socket transport";
  }
  return writing ? "Fatal write error on pipe transport" : "Fatal read error on pipe transport";
}

// call_soon(self.<method>, *args), with a native method of the transport.
bool call_soon_method(Value self, const MethodDef* method, std::initializer_list<Value> args) {
  Ref function = make_builtin_function(method, self);
  Ref tuple = make_tuple(args);
  if (!function || !tuple) return false;
  auto* loop = loop_of(as_transport(self)->m_loop);
  return static_cast<bool>(loop_call_soon(loop, function, tuple));
}

// An exception of the pending ones that must not be reported but raised.
bool is_fatal_pending() {
  return exception_matches(&system_exit_type) || exception_matches(&keyboard_interrupt_type);
}

void report(Value loop, const char* message, Value exception, Value transport, Value protocol) {
  Ref context = make_dict();
  if (!context) return clear_exception();
  Ref text = make_str(message);
  dict_setitem_str(context, "message", text);
  if (exception) dict_setitem_str(context, "exception", exception);
  if (transport) dict_setitem_str(context, "transport", transport);
  if (protocol) dict_setitem_str(context, "protocol", protocol);
  loop_call_exception_handler(loop, context);
}

// --- The transport ---------------------------------------------------------

extern const MethodDef kCallConnectionLost, kStartReading, kWakeWaiter, kMaybeResumeProtocol, kAccept;

void stop_reading(TcpTransportObject* t) {
  if (t->m_handle != nullptr) uv_read_stop(stream_of(t->m_handle));
}

// _force_close(exc): the connection is lost now, queued writes or not.
void force_close(TcpTransportObject* t, Value exception) {
  if (t->m_conn_lost) return;
  if (!t->m_closing) {
    t->m_closing = true;
    stop_reading(t);
  }
  ++t->m_conn_lost;
  if (!call_soon_method(Value(t), &kCallConnectionLost, {exception ? exception : Value(&none_object)})) {
    clear_exception();
  }
}

// _fatal_error(exc, message): OSErrors end the connection quietly, other
// errors are reported to the loop's exception handler first.
void fatal_error(TcpTransportObject* t, Value exception, const char* message) {
  if (!isinstance(exception, &os_error_type)) {
    report(t->m_loop, message, exception, Value(t), t->m_protocol);
  }
  force_close(t, exception);
}

// A protocol method raised: SystemExit and KeyboardInterrupt go on up
// (false), anything else is the transport's fatal error.
bool protocol_failed(TcpTransportObject* t, const char* message) {
  if (is_fatal_pending()) return false;
  Ref exception = fetch_exception();
  fatal_error(t, exception, message);
  return true;
}

void on_alloc(uv_handle_t*, size_t, uv_buf_t* buffer) {
  // Reads of up to 256 KiB, as CPython's transports; what is read is
  // copied into a bytes object before the next read.
  // Each thread's loop reads into its own buffer (this runs without the
  // GIL when other threads exist).
  constexpr size_t kSize = 256 * 1024;
  static thread_local std::unique_ptr<char[]> storage;
  if (!storage) storage.reset(new char[kSize]);
  *buffer = uv_buf_init(storage.get(), kSize);
}

void on_read(uv_stream_t* stream, ssize_t count, const uv_buf_t* buffer) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* t = static_cast<TcpTransportObject*>(stream->data);
  if (count == 0) return;
  auto* loop = loop_of(t->m_loop);
  if (count > 0) {
    Ref data = make_bytes(std::string_view(buffer->base, size_t(count)));
    if (!data) return clear_exception();
    loop_push_ready(loop, {ReadyItem::Kind::Io, ref(Value(t)).release().as_object(), data.release().as_object()});
    return;
  }
  uv_read_stop(stream);
  if (count != UV_EOF) t->m_read_error = int(count);
  loop_push_ready(loop, {ReadyItem::Kind::Io, ref(Value(t)).release().as_object(), nullptr});
}

void start_reading(TcpTransportObject* t) {
  if (t->m_handle == nullptr || t->m_closing || t->m_paused) return;
  uv_read_start(stream_of(t->m_handle), on_alloc, on_read);
}

void maybe_pause_protocol(TcpTransportObject* t) {
  if (t->m_write_pending <= t->m_high_water || t->m_protocol_paused) return;
  t->m_protocol_paused = true;
  Ref result = call_method(t->m_protocol, "pause_writing", {});
  if (result) return;
  if (is_fatal_pending()) return;  // stays pending for write()'s caller
  Ref exception = fetch_exception();
  report(t->m_loop, "protocol.pause_writing() failed", exception, Value(t), t->m_protocol);
}

void on_shutdown(uv_shutdown_t* request, int) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  io_end_operation();
  decref(static_cast<Object*>(request->data));
  delete request;
}

void shutdown_writing(TcpTransportObject* t) {
  if (t->m_handle == nullptr) return;
  auto* request = new uv_shutdown_t;
  request->data = ref(Value(t)).release().as_object();
  io_begin_operation();
  if (uv_shutdown(request, stream_of(t->m_handle), on_shutdown) != 0) on_shutdown(request, 0);
}

struct WriteRequest {
  uv_write_t request;
  TcpTransportObject* transport;  // a reference
  size_t size;
  char data[];
};

void on_write(uv_write_t* request, int status) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* w = static_cast<WriteRequest*>(request->data);
  TcpTransportObject* t = w->transport;
  t->m_write_pending -= w->size;
  io_end_operation();
  if (status < 0 && status != UV_ECANCELED) {
    if (!t->m_conn_lost) {
      Ref exception = make_uv_error(status);
      fatal_error(t, exception, fatal_message(t, true));
    }
  } else if (!t->m_conn_lost) {
    if (t->m_protocol_paused && t->m_write_pending <= t->m_low_water) {
      if (!call_soon_method(Value(t), &kMaybeResumeProtocol, {})) clear_exception();
    }
    if (t->m_write_pending == 0) {
      if (t->m_closing) {
        ++t->m_conn_lost;
        if (!call_soon_method(Value(t), &kCallConnectionLost, {Value(&none_object)})) clear_exception();
      } else if (t->m_eof) {
        shutdown_writing(t);
      }
    }
  }
  std::free(w);
  decref(t);
}

// Sends what the socket takes now and queues the rest.
bool transport_send(TcpTransportObject* t, std::string_view data) {
  if (t->m_handle == nullptr) return true;
  size_t sent = 0;
  if (t->m_write_pending == 0) {
    uv_buf_t buffer = uv_buf_init(const_cast<char*>(data.data()), unsigned(data.size()));
    int result = uv_try_write(stream_of(t->m_handle), &buffer, 1);
    if (result >= 0) {
      sent = size_t(result);
    } else if (result != UV_EAGAIN) {
      Ref exception = make_uv_error(result);
      fatal_error(t, exception, fatal_message(t, true));
      return true;
    }
    if (sent == data.size()) return true;
  }
  size_t rest = data.size() - sent;
  auto* w = static_cast<WriteRequest*>(std::malloc(sizeof(WriteRequest) + rest));
  if (w == nullptr) return raise_no_memory(), false;
  w->request.data = w;
  w->transport = t;
  w->size = rest;
  std::memcpy(w->data, data.data() + sent, rest);
  uv_buf_t buffer = uv_buf_init(w->data, unsigned(rest));
  int result = uv_write(&w->request, stream_of(t->m_handle), &buffer, 1, on_write);
  if (result != 0) {
    std::free(w);
    Ref exception = make_uv_error(result);
    fatal_error(t, exception, fatal_message(t, true));
    return true;
  }
  incref(t);
  t->m_write_pending += rest;
  io_begin_operation();
  maybe_pause_protocol(t);
  return !error_pending();
}

Ref transport_write(Value self, Args args) {
  TcpTransportObject* t = as_transport(self);
  std::string_view data;
  if (!buffer_view(args[0], data)) {
    return raise_format(&type_error_type, "data argument must be a bytes-like object, not '%s'",
                        value_type_name(args[0]).data());
  }
  if (t->m_eof) return raise(&runtime_error_type, "Cannot call write() after write_eof()");
  if (data.empty()) return new_none();
  // A closing pipe drops what is written, as CPython's pipe transport.
  if (t->m_conn_lost || (t->m_kind == StreamKind::WritePipe && t->m_closing)) {
    if (t->m_conn_lost >= kLogThresholdForConnLostWrites) {
      Ref get_logger = import_attribute("logging", "getLogger");
      Ref logger = get_logger ? call(get_logger, {make_str("asyncio").get()}) : Ref();
      const char* text = t->m_kind == StreamKind::Socket ? "socket.send() raised exception."
                                                         : "pipe closed by peer or os.write(pipe, data) raised exception.";
      Ref logged = logger ? call_method(logger, "warning", {make_str(text).get()}) : Ref();
      if (!logged) return {};
    }
    ++t->m_conn_lost;
    return new_none();
  }
  // The bytes are copied before write() returns (a bytearray may change).
  if (!transport_send(t, data)) return {};
  return new_none();
}

Ref transport_writelines(Value self, Args args) {
  bool ok = for_each(args[0], [&](Value item) { return static_cast<bool>(transport_write(self, Args{&item, 1})); });
  return ok ? new_none() : Ref();
}

Ref transport_close(Value self, Args);

Ref transport_write_eof(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  // A pipe has no half-close: as CPython's _UnixWritePipeTransport, its
  // write_eof() is close().
  if (t->m_kind == StreamKind::WritePipe) return transport_close(self, Args{});
  if (t->m_closing || t->m_eof) return new_none();
  t->m_eof = true;
  if (t->m_write_pending == 0) shutdown_writing(t);
  return new_none();
}

Ref transport_can_write_eof(Value, Args) { return new_bool(true); }

Ref transport_close(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  if (t->m_closing) return new_none();
  t->m_closing = true;
  stop_reading(t);
  if (t->m_write_pending == 0) {
    ++t->m_conn_lost;
    if (!call_soon_method(self, &kCallConnectionLost, {Value(&none_object)})) return {};
  }
  return new_none();
}

Ref transport_abort(Value self, Args) {
  force_close(as_transport(self), Value());
  return new_none();
}

// _force_close(exc): the connection ends at once, connection_lost(exc)
// following (what asyncio's SSL protocol calls on a fatal error).
Ref transport_force_close(Value self, Args args) {
  force_close(as_transport(self), is_none(args[0]) ? Value() : args[0]);
  return new_none();
}

Ref transport_is_closing(Value self, Args) { return new_bool(as_transport(self)->m_closing); }

Ref transport_is_reading(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  return new_bool(!t->m_paused && !t->m_closing);
}

Ref transport_pause_reading(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  if (t->m_paused || t->m_closing) return new_none();
  t->m_paused = true;
  stop_reading(t);
  return new_none();
}

Ref transport_resume_reading(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  if (t->m_closing || !t->m_paused) return new_none();
  t->m_paused = false;
  start_reading(t);
  return new_none();
}

Ref transport_get_write_buffer_size(Value self, Args) {
  return make_int(uint64_t(as_transport(self)->m_write_pending));
}

Ref transport_get_write_buffer_limits(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  return make_tuple({make_int(uint64_t(t->m_low_water)).get(), make_int(uint64_t(t->m_high_water)).get()});
}

Ref transport_set_write_buffer_limits(Value self, Args args) {
  static const ArgSpec spec{"set_write_buffer_limits", {"high", "low"}, 0, SIZE_MAX, 0};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  auto read = [](Value v, int64_t& out) {
    if (!is_int(v) || !int_fits_int64(v, out)) return raise(&type_error_type, "limits must be integers"), false;
    return true;
  };
  bool has_high = bound[0] && !is_none(bound[0]);
  bool has_low = bound[1] && !is_none(bound[1]);
  int64_t high = 0, low = 0;
  if (has_high && !read(bound[0], high)) return {};
  if (has_low && !read(bound[1], low)) return {};
  if (!has_high) high = has_low ? 4 * low : int64_t(kDefaultHighWater);
  if (!has_low) low = high / 4 - (high % 4 < 0 ? 1 : 0);  // high // 4
  if (!(high >= low && low >= 0)) {
    return raise_format(&value_error_type, "high (%lld) must be >= low (%lld) must be >= 0", (long long)high,
                        (long long)low);
  }
  TcpTransportObject* t = as_transport(self);
  t->m_high_water = size_t(high);
  t->m_low_water = size_t(low);
  maybe_pause_protocol(t);
  return error_pending() ? Ref() : new_none();
}

Ref transport_get_extra_info(Value self, Args args) {
  if (!check_positional("get_extra_info", args, 1, 2)) return {};
  TcpTransportObject* t = as_transport(self);
  if (t->m_kind == StreamKind::Socket && is_str(args[0]) && str_view(args[0]) == "socket") {
    Ref transport_socket = import_attribute("asyncio.trsock", "TransportSocket");
    return transport_socket ? call(transport_socket, {self}) : Ref();
  }
  Value found = t->m_extra ? dict_lookup(t->m_extra, args[0]) : Value();
  if (!found && error_pending()) return {};
  if (found) return ref(found);
  return ref(args.count > 1 ? args[1] : Value(&none_object));
}

Ref transport_get_protocol(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  return t->m_protocol ? t->m_protocol : new_none();
}

Ref transport_set_protocol(Value self, Args args) {
  TcpTransportObject* t = as_transport(self);
  t->m_protocol = ref(args[0]);
  t->m_protocol_connected = true;
  return new_none();
}

Ref transport_get_loop(Value self, Args) { return as_transport(self)->m_loop; }

// _start(protocol, waiter=None): as the transport's construction in
// CPython: connection_made, then reading, then the waiter, each in its
// own callback.
Ref transport_start(Value self, Args args) {
  if (!check_positional("_start", args, 1, 2)) return {};
  TcpTransportObject* t = as_transport(self);
  t->m_protocol = ref(args[0]);
  t->m_protocol_connected = true;
  Ref connection_made = getattr(args[0], "connection_made");
  if (!connection_made) return {};
  Ref made_args = make_tuple({self});
  if (!made_args || !loop_call_soon(loop_of(t->m_loop), connection_made, made_args)) return {};
  if (!call_soon_method(self, &kStartReading, {})) return {};
  if (args.count > 1 && !is_none(args[1]) && !call_soon_method(self, &kWakeWaiter, {args[1]})) return {};
  return new_none();
}

Ref transport_start_reading(Value self, Args) {
  start_reading(as_transport(self));
  return new_none();
}

// futures._set_result_unless_cancelled(waiter, None)
Ref transport_wake_waiter(Value, Args args) {
  if (!is_future(args[0])) return new_none();
  auto* waiter = args[0].as<FutureObject>();
  if (waiter->m_state != FutureState::Pending) return new_none();
  if (!future_set_result(waiter, Value(&none_object))) return {};
  return new_none();
}

Ref transport_maybe_resume_protocol(Value self, Args) {
  TcpTransportObject* t = as_transport(self);
  if (!t->m_protocol_paused || t->m_write_pending > t->m_low_water || !t->m_protocol) return new_none();
  t->m_protocol_paused = false;
  Ref result = call_method(t->m_protocol, "resume_writing", {});
  if (result || is_fatal_pending()) return result;
  Ref exception = fetch_exception();
  report(t->m_loop, "protocol.resume_writing() failed", exception, self, t->m_protocol);
  return new_none();
}

Ref transport_call_connection_lost(Value self, Args args) {
  TcpTransportObject* t = as_transport(self);
  Ref result = new_none();
  if (t->m_protocol_connected && t->m_protocol) result = call_method(t->m_protocol, "connection_lost", {args[0]});
  Ref saved = result ? Ref() : fetch_exception();
  close_handle(t->m_handle);
  t->m_protocol.reset();
  // As CPython's transport, it closes the socket it was given.
  if (Ref socket = std::move(t->m_socket); socket && !call_method(socket, "close", {})) {
    if (saved) clear_exception();
    else saved = fetch_exception();
  }
  Ref server = std::move(t->m_server);
  if (server && !call_method(server, "_detach", {})) {
    if (saved) clear_exception();
    else saved = fetch_exception();
  }
  if (saved) {
    restore_exception(std::move(saved));
    return {};
  }
  return new_none();
}

Ref transport_repr(Value self) {
  TcpTransportObject* t = as_transport(self);
  std::string text = t->m_kind == StreamKind::Socket     ? "<_SelectorSocketTransport"
                     : t->m_kind == StreamKind::ReadPipe ? "<_UnixReadPipeTransport"
                                                         : "<_UnixWritePipeTransport";
  if (t->m_handle == nullptr) {
    text += " closed";
  } else if (t->m_closing) {
    text += " closing";
  }
  if (t->m_kind != StreamKind::Socket) {
    // A pipe transport keeps showing its descriptor, as CPython's.
    text += " fd=" + std::to_string(t->m_fd);
    if (t->m_handle != nullptr && t->m_kind == StreamKind::ReadPipe) {
      text += t->m_paused || t->m_closing ? " idle" : " polling";
    } else if (t->m_handle != nullptr) {
      text += t->m_write_pending ? " polling" : " idle";
      text += " bufsize=" + std::to_string(t->m_write_pending);
    }
    return make_str(text + ">");
  }
  text += " fd=" + std::to_string(t->m_handle == nullptr ? -1 : t->m_fd);
  if (t->m_handle != nullptr) {
    text += t->m_paused || t->m_closing ? " read=idle" : " read=polling";
    text += t->m_write_pending ? " write=<polling" : " write=<idle";
    text += ", bufsize=" + std::to_string(t->m_write_pending) + ">";
  }
  return make_str(text + ">");
}

void transport_destroy(Object* object) {
  auto* t = static_cast<TcpTransportObject*>(object);
  // The handle holds a reference while open: it is closed by now.
  t->~TcpTransportObject();
}

void transport_traverse(Object* object, VisitFn visit, void* context) {
  auto* t = static_cast<TcpTransportObject*>(object);
  visit(t->m_loop, context);
  visit(t->m_protocol, context);
  visit(t->m_server, context);
  visit(t->m_extra, context);
  visit(t->m_socket, context);
}

void transport_clear(Object* object) {
  auto* t = static_cast<TcpTransportObject*>(object);
  t->m_protocol.reset();
  t->m_server.reset();
  t->m_extra.reset();
  t->m_socket.reset();
}

const MethodDef kCallConnectionLost = {"_call_connection_lost", transport_call_connection_lost, ArgKind::OneArg};
const MethodDef kStartReading = {"_start_reading", transport_start_reading, ArgKind::NoArgs};
const MethodDef kWakeWaiter = {"_wake_waiter", transport_wake_waiter, ArgKind::OneArg};
const MethodDef kMaybeResumeProtocol = {"_maybe_resume_protocol", transport_maybe_resume_protocol, ArgKind::NoArgs};

const MethodDef kTransportMethods[] = {
    {"write", transport_write, ArgKind::OneArg},
    {"writelines", transport_writelines, ArgKind::OneArg},
    {"write_eof", transport_write_eof, ArgKind::NoArgs},
    {"can_write_eof", transport_can_write_eof, ArgKind::NoArgs},
    {"close", transport_close, ArgKind::NoArgs},
    {"abort", transport_abort, ArgKind::NoArgs},
    {"is_closing", transport_is_closing, ArgKind::NoArgs},
    {"is_reading", transport_is_reading, ArgKind::NoArgs},
    {"pause_reading", transport_pause_reading, ArgKind::NoArgs},
    {"resume_reading", transport_resume_reading, ArgKind::NoArgs},
    {"get_write_buffer_size", transport_get_write_buffer_size, ArgKind::NoArgs},
    {"get_write_buffer_limits", transport_get_write_buffer_limits, ArgKind::NoArgs},
    {"set_write_buffer_limits", transport_set_write_buffer_limits, ArgKind::Keywords},
    {"get_extra_info", transport_get_extra_info, ArgKind::VarArgs},
    {"get_protocol", transport_get_protocol, ArgKind::NoArgs},
    {"set_protocol", transport_set_protocol, ArgKind::OneArg},
    {"_get_loop", transport_get_loop, ArgKind::NoArgs},
    {"_start", transport_start, ArgKind::VarArgs},
    {"_force_close", transport_force_close, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// A socket transport can be upgraded with loop.start_tls(); a pipe cannot.
Ref transport_start_tls_compatible(Value) { return new_bool(true); }

const GetSetDef kSocketTransportGetSet[] = {
    {"_start_tls_compatible", transport_start_tls_compatible},
    {nullptr, nullptr},
};

// A transport over a connected handle (which it takes), not yet started.
Ref make_transport(Value loop, uv_tcp_t* handle) {
  Object* allocated = allocate_object(&tcp_transport_type);
  if (allocated == nullptr) {
    handle->data = nullptr;
    io_close_owned_handle(handle_of(handle));
    return raise_no_memory();
  }
  auto* t = construct_body<TcpTransportObject>(allocated);
  Ref object = Ref::steal(allocated);
  t->m_loop = ref(loop);
  t->m_handle = stream_of(handle);
  handle->data = ref(object.get()).release().as_object();
  uv_os_fd_t fd = -1;
  if (uv_fileno(handle_of(handle), &fd) == 0) t->m_fd = fd;
  uv_tcp_nodelay(handle, 1);  // as CPython's transports set TCP_NODELAY
  t->m_extra = make_dict();
  if (!t->m_extra) return {};
  struct sockaddr_storage address = {};
  int size = sizeof address;
  if (uv_tcp_getpeername(handle, reinterpret_cast<struct sockaddr*>(&address), &size) == 0) {
    Ref peer = sockaddr_to_tuple(reinterpret_cast<struct sockaddr*>(&address));
    if (!peer || !dict_setitem_str(t->m_extra, "peername", peer)) return {};
  }
  size = sizeof address;
  address = {};  // an unnamed Unix socket's name is only its family
  if (uv_tcp_getsockname(handle, reinterpret_cast<struct sockaddr*>(&address), &size) == 0) {
    Ref own = sockaddr_to_tuple(reinterpret_cast<struct sockaddr*>(&address));
    if (!own || !dict_setitem_str(t->m_extra, "sockname", own)) return {};
  }
  return object;
}

}  // namespace

Ref make_pipe_transport(Value loop, uv_pipe_t* handle, bool write_end) {
  auto* handle_base = reinterpret_cast<uv_handle_t*>(handle);
  Type* type = write_end ? &write_pipe_transport_type : &read_pipe_transport_type;
  Object* allocated = allocate_object(type);
  if (allocated == nullptr) {
    handle->data = nullptr;
    io_close_owned_handle(handle_base);
    return raise_no_memory();
  }
  auto* t = construct_body<TcpTransportObject>(allocated);
  Ref object = Ref::steal(allocated);
  t->m_loop = ref(loop);
  t->m_kind = write_end ? StreamKind::WritePipe : StreamKind::ReadPipe;
  t->m_handle = reinterpret_cast<uv_stream_t*>(handle);
  handle->data = ref(object.get()).release().as_object();
  uv_os_fd_t fd = -1;
  if (uv_fileno(handle_base, &fd) == 0) t->m_fd = fd;
  t->m_extra = make_dict();
  if (!t->m_extra) return {};
  return object;
}

namespace {

// --- The listening socket ----------------------------------------------------

void on_connection(uv_stream_t* server, int status) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* l = static_cast<TcpListenerObject*>(server->data);
  if (status < 0 || !l->m_listening) return;
  auto* client = new uv_tcp_t;
  uv_tcp_init(io_loop(), client);
  client->data = nullptr;
  if (uv_accept(server, stream_of(client)) != 0) {
    io_close_owned_handle(handle_of(client));
    return;
  }
  Ref transport = make_transport(l->m_loop, client);
  task_skip_name_number();  // CPython accepts in a task
  Ref function = transport ? make_builtin_function(&kAccept, Value(l)) : Ref();
  Ref args = function ? make_tuple({transport.get()}) : Ref();
  if (!args || !loop_call_soon(loop_of(l->m_loop), function, args)) {
    clear_exception();
    if (transport) force_close(as_transport(transport), Value());
  }
}

// A connection came in: its protocol from the factory, then the transport
// starts, attached to the server (CPython's _accept_connection2).
Ref listener_accept(Value self, Args args) {
  TcpListenerObject* l = as_listener(self);
  TcpTransportObject* t = as_transport(args[0]);
  Ref protocol = call(l->m_protocol_factory, {});
  if (!protocol) {
    if (is_fatal_pending()) return {};
    Ref exception = fetch_exception();
    report(l->m_loop, "Error on transport creation for incoming connection", exception, Value(), Value());
    t->m_closing = true;
    ++t->m_conn_lost;
    close_handle(t->m_handle);
    return new_none();
  }
  if (l->m_server) {
    if (!call_method(l->m_server, "_attach", {})) return {};
    t->m_server = l->m_server;
  }
  Value start_args[] = {protocol.get()};
  return transport_start(args[0], Args{start_args, 1});
}

const MethodDef kAccept = {"_accept", listener_accept, ArgKind::OneArg};

// listen(server, protocol_factory, backlog): starts accepting.
Ref listener_listen(Value self, Args args) {
  if (!check_positional("listen", args, 3, 3)) return {};
  TcpListenerObject* l = as_listener(self);
  if (l->m_handle == nullptr || l->m_listening) return new_none();
  int64_t backlog = 100;
  if (!is_int(args[2]) || !int_fits_int64(args[2], backlog)) return raise(&type_error_type, "backlog must be an int");
  l->m_server = ref(args[0]);
  l->m_protocol_factory = ref(args[1]);
  int result = uv_listen(stream_of(l->m_handle), int(backlog < 0 ? 0 : backlog > 65535 ? 65535 : backlog),
                         on_connection);
  if (result != 0) return raise_uv_error(result);
  l->m_listening = true;
  return new_none();
}

Ref listener_close(Value self, Args) {
  TcpListenerObject* l = as_listener(self);
  l->m_listening = false;
  close_handle(l->m_handle);
  l->m_server.reset();
  l->m_protocol_factory.reset();
  if (Ref socket = std::move(l->m_socket); socket && !call_method(socket, "close", {})) return {};
  return new_none();
}

Ref listener_getsockname(Value self, Args) {
  TcpListenerObject* l = as_listener(self);
  if (l->m_handle == nullptr) return raise_os_error_from_errno(EBADF);
  struct sockaddr_storage address = {};
  int size = sizeof address;
  int result = uv_tcp_getsockname(l->m_handle, reinterpret_cast<struct sockaddr*>(&address), &size);
  if (result != 0) return raise_uv_error(result);
  return sockaddr_to_tuple(reinterpret_cast<struct sockaddr*>(&address));
}

Ref listener_fileno(Value self, Args) {
  TcpListenerObject* l = as_listener(self);
  return make_int(int64_t(l->m_handle == nullptr ? -1 : l->m_fd));
}

Ref listener_family(Value self) { return make_int(int64_t(as_listener(self)->m_family)); }

void listener_destroy(Object* object) { static_cast<TcpListenerObject*>(object)->~TcpListenerObject(); }

void listener_traverse(Object* object, VisitFn visit, void* context) {
  auto* l = static_cast<TcpListenerObject*>(object);
  visit(l->m_loop, context);
  visit(l->m_protocol_factory, context);
  visit(l->m_server, context);
  visit(l->m_socket, context);
}

void listener_clear(Object* object) {
  auto* l = static_cast<TcpListenerObject*>(object);
  l->m_socket.reset();
  l->m_protocol_factory.reset();
  l->m_server.reset();
}

const MethodDef kListenerMethods[] = {
    {"listen", listener_listen, ArgKind::VarArgs},
    {"close", listener_close, ArgKind::NoArgs},
    {"getsockname", listener_getsockname, ArgKind::NoArgs},
    {"fileno", listener_fileno, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kListenerGetSets[] = {
    {"family", listener_family},
    {nullptr, nullptr},
};

// --- Connecting ------------------------------------------------------------------

struct ConnectRequest {
  uv_connect_t request;
  uv_tcp_t* handle;
  Ref loop;
  Ref future;
  Ref address;
};

// OSError(errno, "Connect call failed ('127.0.0.1', 1)"), as CPython's
// sock_connect raises it.
Ref connect_error(int uv_error, Value address) {
  Ref text = repr(address);
  if (!text) return {};
  std::string message = "Connect call failed " + std::string(str_view(text));
  Ref number = make_int(int64_t(-uv_error));
  Ref message_str = make_str(message);
  return call(Value(&os_error_type), {number.get(), message_str.get()});
}

void on_connect(uv_connect_t* request, int status) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* c = static_cast<ConnectRequest*>(request->data);
  io_end_operation();
  auto* future = c->future.get().as<FutureObject>();
  if (status == 0 && future->m_state == FutureState::Pending) {
    Ref transport = make_transport(c->loop, c->handle);
    if (!transport || !future_set_result(future, transport)) clear_exception();
  } else {
    c->handle->data = nullptr;
    io_close_owned_handle(handle_of(c->handle));
    if (future->m_state == FutureState::Pending) {
      Ref error = connect_error(status == 0 ? UV_ECANCELED : status, c->address);
      if (!error || !future_set_exception(future, error)) clear_exception();
    }
  }
  delete c;
}

// --- Resolving ---------------------------------------------------------------------

struct LookupRequest {
  uv_getaddrinfo_t request;
  Ref future;
};

// The glibc EAI_* code of a libuv lookup error, for socket.gaierror's
// "[Errno -2] Name or service not known".
int gai_code(int uv_error) {
  switch (uv_error) {
    case UV_EAI_ADDRFAMILY: return EAI_ADDRFAMILY;
    case UV_EAI_AGAIN: return EAI_AGAIN;
    case UV_EAI_BADFLAGS: return EAI_BADFLAGS;
    case UV_EAI_FAIL: return EAI_FAIL;
    case UV_EAI_FAMILY: return EAI_FAMILY;
    case UV_EAI_MEMORY: return EAI_MEMORY;
    case UV_EAI_NODATA: return EAI_NODATA;
    case UV_EAI_SERVICE: return EAI_SERVICE;
    case UV_EAI_SOCKTYPE: return EAI_SOCKTYPE;
    default: return EAI_NONAME;
  }
}

Ref addrinfo_list(const struct addrinfo* results) {
  Ref list = make_list();
  if (!list) return {};
  for (const struct addrinfo* info = results; info != nullptr; info = info->ai_next) {
    if (info->ai_family != AF_INET && info->ai_family != AF_INET6) continue;
    Ref address = sockaddr_to_tuple(info->ai_addr);
    Ref entry = address ? make_tuple({make_int(int64_t(info->ai_family)).get(), make_int(int64_t(info->ai_socktype)).get(),
                                      make_int(int64_t(info->ai_protocol)).get(),
                                      make_str(info->ai_canonname ? info->ai_canonname : "").get(), address.get()})
                        : Ref();
    if (!entry) return {};
    list_append(list, std::move(entry));
  }
  return list;
}

void on_lookup(uv_getaddrinfo_t* request, int status, struct addrinfo* results) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* lookup = static_cast<LookupRequest*>(request->data);
  io_end_operation();
  auto* future = lookup->future.get().as<FutureObject>();
  if (future->m_state == FutureState::Pending) {
    Ref outcome;
    if (status == 0) {
      outcome = addrinfo_list(results);
      if (!outcome || !future_set_result(future, outcome)) clear_exception();
    } else {
      int code = gai_code(status);
      Ref number = make_int(int64_t(code));
      Ref text = make_str(gai_strerror(code));
      outcome = call(Value(&os_error_type), {number.get(), text.get()});
      if (!outcome || !future_set_exception(future, outcome)) clear_exception();
    }
  }
  uv_freeaddrinfo(results);
  delete lookup;
}

}  // namespace

bool tcp_deliver(Value transport, Value payload) {
  TcpTransportObject* t = as_transport(transport);
  if (t->m_conn_lost || !t->m_protocol) return true;
  if (payload) {
    if (!call_method(t->m_protocol, "data_received", {payload})) {
      return protocol_failed(t, "Fatal error: protocol.data_received() call failed.");
    }
    return true;
  }
  if (t->m_read_error != 0) {
    Ref exception = make_uv_error(t->m_read_error);
    fatal_error(t, exception, fatal_message(t, false));
    return true;
  }
  Ref keep_open = call_method(t->m_protocol, "eof_received", {});
  int truth = keep_open ? is_true(keep_open) : -1;
  if (truth < 0) return protocol_failed(t, "Fatal error: protocol.eof_received() call failed.");
  if (!truth && !transport_close(transport, Args{})) clear_exception();
  return true;
}

namespace {

// A listener over the bound socket `fd` (which it takes).
Ref make_listener(Value loop, int family, int fd) {
  Object* allocated = allocate_object(&tcp_listener_type);
  if (allocated == nullptr) {
    close(fd);
    return raise_no_memory();
  }
  auto* l = construct_body<TcpListenerObject>(allocated);
  Ref object = Ref::steal(allocated);
  l->m_loop = ref(loop);
  l->m_family = family;
  l->m_fd = fd;
  auto* handle = new uv_tcp_t;
  uv_tcp_init(io_loop(), handle);
  handle->data = ref(object.get()).release().as_object();
  l->m_handle = handle;
  int result = uv_tcp_open(handle, fd);
  if (result != 0) {
    close_handle(l->m_handle);
    return raise_uv_error(result);
  }
  return object;
}

}  // namespace

Ref tcp_bind(Value loop, int family, Value address, bool reuse_port) {
  struct sockaddr_storage storage;
  if (!tuple_to_sockaddr(address, family, &storage)) return {};
  // The socket is made and bound here, so that a bind error is raised now
  // (libuv's own bind may report it only at listen()).
  int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return raise_os_error_from_errno(errno);
  int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (reuse_port) setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
  if (family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
  socklen_t length = family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
  if (bind(fd, reinterpret_cast<struct sockaddr*>(&storage), length) != 0) {
    int error = errno;
    close(fd);
    Ref shown = repr(address);
    if (!shown) return {};
    std::string reason = std::strerror(error);
    for (char& c : reason) c = char(std::tolower(static_cast<unsigned char>(c)));
    std::string message = "error while attempting to bind on address " + std::string(str_view(shown)) + ": " + reason;
    Ref number = make_int(int64_t(error));
    Ref text = make_str(message);
    Ref exception = call(Value(&os_error_type), {number.get(), text.get()});
    if (!exception) return {};
    return raise_value(exception);
  }
  return make_listener(loop, family, fd);
}

// The socket objects of sock=: libuv works on a duplicate of the
// descriptor, and the object is closed with the transport or listener.
int duplicate_descriptor(Value socket) {
  Ref number = call_method(socket, "fileno", {});
  if (!number) return -1;
  int64_t fd = -1;
  if (!is_int(number) || !int_fits_int64(number, fd) || fd < 0) {
    raise(&value_error_type, "the socket has no descriptor");
    return -1;
  }
  int copy = fcntl(int(fd), F_DUPFD_CLOEXEC, 0);
  if (copy < 0) raise_os_error_from_errno(errno);
  return copy;
}

Ref tcp_adopt(Value loop, Value socket) {
  int fd = duplicate_descriptor(socket);
  if (fd < 0) return {};
  auto* handle = new uv_tcp_t;
  uv_tcp_init(io_loop(), handle);
  handle->data = nullptr;
  int result = uv_tcp_open(handle, fd);
  if (result != 0) {
    io_close_owned_handle(handle_of(handle));
    return raise_uv_error(result);
  }
  Ref transport = make_transport(loop, handle);
  if (!transport) return {};
  as_transport(transport)->m_socket = ref(socket);
  return transport;
}

Ref tcp_listener_on(Value loop, Value socket) {
  int fd = duplicate_descriptor(socket);
  if (fd < 0) return {};
  int family = AF_INET;
  socklen_t size = sizeof family;
  getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &size);
  Ref listener = make_listener(loop, family, fd);
  if (!listener) return {};
  as_listener(listener)->m_socket = ref(socket);
  return listener;
}

Ref tcp_connect(Value loop, int family, Value address) {
  struct sockaddr_storage storage;
  if (!tuple_to_sockaddr(address, family, &storage)) return {};
  Ref future = make_future(loop);
  if (!future) return {};
  auto* c = new ConnectRequest;
  c->request.data = c;
  c->loop = ref(loop);
  c->future = future;
  c->address = ref(address);
  c->handle = new uv_tcp_t;
  uv_tcp_init(io_loop(), c->handle);
  c->handle->data = nullptr;
  int result = uv_tcp_connect(&c->request, c->handle, reinterpret_cast<struct sockaddr*>(&storage), on_connect);
  if (result != 0) {
    io_close_owned_handle(handle_of(c->handle));
    delete c;
    Ref error = connect_error(result, address);
    if (!error || !future_set_exception(future.get().as<FutureObject>(), error)) return {};
    return future;
  }
  io_begin_operation();
  return future;
}

Ref tcp_getaddrinfo(Value loop, Value host, Value port, int family, int type, int proto, int flags) {
  Ref future = make_future(loop);
  if (!future) return {};
  std::string node, service;
  bool has_node = !is_none(host);
  if (has_node) {
    if (!is_str(host)) return raise(&type_error_type, "getaddrinfo() argument 1 must be string or None");
    node = std::string(str_view(host));
  }
  bool has_service = !is_none(port);
  if (has_service) {
    if (is_int(port)) {
      Ref text = str(port);
      if (!text) return {};
      service = std::string(str_view(text));
    } else if (is_str(port)) {
      service = std::string(str_view(port));
    } else {
      return raise(&os_error_type, "Int or String expected");
    }
  }
  struct addrinfo hints = {};
  hints.ai_family = family;
  hints.ai_socktype = type;
  hints.ai_protocol = proto;
  hints.ai_flags = flags;
  auto* lookup = new LookupRequest;
  lookup->request.data = lookup;
  lookup->future = future;
  int result = uv_getaddrinfo(io_loop(), &lookup->request, on_lookup, has_node ? node.c_str() : nullptr,
                              has_service ? service.c_str() : nullptr, &hints);
  if (result != 0) {
    delete lookup;
    return raise_uv_error(result);
  }
  io_begin_operation();
  return future;
}

Type tcp_transport_type, tcp_listener_type, read_pipe_transport_type, write_pipe_transport_type;

static struct TcpTypesSetup {
  TcpTypesSetup() {
    // The pipe transports are the same object under CPython's names.
    struct Named {
      Type* type;
      const char* name;
    };
    for (Named named : {Named{&tcp_transport_type, "asyncio.selector_events._SelectorSocketTransport"},
                        Named{&read_pipe_transport_type, "asyncio.unix_events._UnixReadPipeTransport"},
                        Named{&write_pipe_transport_type, "asyncio.unix_events._UnixWritePipeTransport"}}) {
      Type& type = *named.type;
      type.m_tp_name = named.name;
      type.m_size = sizeof(TcpTransportObject);
      type.m_flags = kTypeHasGC | kTypePythonClass;
      type.m_repr = transport_repr;
      type.m_destroy = transport_destroy;
      type.m_traverse = transport_traverse;
      type.m_clear = transport_clear;
      type.m_methods = kTransportMethods;
    }
    tcp_transport_type.m_getset = kSocketTransportGetSet;

    tcp_listener_type.m_tp_name = "asyncio._TcpListener";
    tcp_listener_type.m_size = sizeof(TcpListenerObject);
    tcp_listener_type.m_flags = kTypeHasGC | kTypePythonClass;
    tcp_listener_type.m_destroy = listener_destroy;
    tcp_listener_type.m_traverse = listener_traverse;
    tcp_listener_type.m_clear = listener_clear;
    tcp_listener_type.m_methods = kListenerMethods;
    tcp_listener_type.m_getset = kListenerGetSets;
  }
} tcp_types_setup;

COIL_REGISTER_TYPE(tcp_transport_type);
COIL_REGISTER_TYPE(tcp_listener_type);
COIL_REGISTER_TYPE(read_pipe_transport_type);
COIL_REGISTER_TYPE(write_pipe_transport_type);

}  // namespace coil
