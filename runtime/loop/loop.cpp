// The event loop and its handles (runtime/loop/loop.h).
#include "runtime/loop/loop.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/context.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/generator.h"
#include "runtime/list.h"
#include "runtime/loop/clock.h"
#include "runtime/loop/io.h"
#include "runtime/loop/tcp.h"
#include "runtime/native.h"
#include "runtime/signals.h"
#include "runtime/threads.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/import.h"

namespace coil {

// --- ReadyQueue -------------------------------------------------------------

ReadyQueue::~ReadyQueue() { clear(); }

void ReadyQueue::push(ReadyItem item) {
  if (m_size == m_items.size()) {
    // Grow to twice the size, unrolling the ring to start at 0.
    std::vector<ReadyItem> grown(m_items.empty() ? 16 : m_items.size() * 2);
    for (size_t i = 0; i < m_size; ++i) grown[i] = m_items[(m_head + i) & (m_items.size() - 1)];
    m_items.swap(grown);
    m_head = 0;
  }
  m_items[(m_head + m_size) & (m_items.size() - 1)] = item;
  ++m_size;
}

ReadyItem ReadyQueue::pop() {
  ReadyItem item = m_items[m_head];
  m_head = (m_head + 1) & (m_items.size() - 1);
  --m_size;
  return item;
}

void ReadyQueue::clear() {
  while (!empty()) {
    ReadyItem item = pop();
    if (item.a) decref(item.a);
    if (item.b) decref(item.b);
  }
}

namespace {

// --- Running-loop state (CPython's _get_running_loop and the policy) ---------

Ref g_running_loop;
Ref g_top_level_loop;
Ref g_event_loop;  // set_event_loop()
bool g_top_level_running = false;

EventLoopObject* as_loop(Value v) { return v.as<EventLoopObject>(); }
HandleObject* as_handle(Value v) { return v.as<HandleObject>(); }

bool timer_later(const TimerEntry& a, const TimerEntry& b) {
  return a.when > b.when || (a.when == b.when && a.sequence > b.sequence);
}

// --- Formatting callbacks, as asyncio.format_helpers ---------------------------

// reprlib.repr's truncation of one argument: long reprs keep their ends.
std::string short_repr(Value v) {
  Ref text = repr(v);
  if (!text) {
    clear_exception();
    return "<repr failed>";
  }
  std::string s(str_view(text));
  size_t limit = is_int(v) ? 40 : 30;
  size_t length = str_len(text);
  if (length <= limit || !str_is_ascii(text)) return s;
  size_t i = (limit - 3) / 2;
  size_t j = limit - 3 - i;
  return s.substr(0, i) + "..." + s.substr(s.size() - j);
}

// The (file, first line) of a Python function or method, if any.
bool function_source(Value callback, std::string& file, int& line) {
  Value function = callback;
  if (is_method(function)) function = function.as<MethodObject>()->m_function.get();
  if (!is_function(function)) return false;
  CodeObject* code = function.as<FunctionObject>()->m_code.as<CodeObject>();
  file = std::string(str_view(code->m_filename));
  line = code->m_firstlineno;
  return true;
}

std::string callback_name(Value callback) {
  for (const char* attribute : {"__qualname__", "__name__"}) {
    bool found;
    Ref name = lookup_attr(callback, intern_static(attribute), found);
    if (name && is_str(name) && str_len(name) > 0) return std::string(str_view(name));
    clear_exception();
  }
  Ref text = repr(callback);
  if (!text) {
    clear_exception();
    return "<callback>";
  }
  return std::string(str_view(text));
}

}  // namespace

std::string format_callback_source(Value callback, Value args) {
  std::string text = callback_name(callback) + "(";
  if (args && is_tuple(args)) {
    for (size_t i = 0; i < tuple_size(args); ++i) {
      if (i) text += ", ";
      text += short_repr(tuple_item(args, i));
    }
  }
  text += ")";
  std::string file;
  int line;
  if (function_source(callback, file, line)) text += " at " + file + ":" + std::to_string(line);
  return text;
}

// --- The running loop ---------------------------------------------------------

Value top_level_loop() { return g_top_level_loop.get(); }

Value running_loop() {
  if (g_running_loop) return g_running_loop.get();
  if (!g_top_level_running) return Value();
  if (!g_top_level_loop) {
    Ref loop = make_event_loop();
    if (!loop) {
      clear_exception();
      return Value();
    }
    g_top_level_loop = std::move(loop);
    // Its async generator hooks stay installed while the script runs.
    Ref saved_hooks[2];
    if (!loop_install_asyncgen_hooks(as_loop(g_top_level_loop), saved_hooks)) clear_exception();
    // It is also the loop get_event_loop() returns, as a script's first
    // get_event_loop() makes one in CPython.
    if (!g_event_loop) g_event_loop = g_top_level_loop;
  }
  return g_top_level_loop.get();
}

// Top-level code runs outside the loop's callbacks, so no loop is running
// in CPython's sense: it may run one (DESIGN §3).
bool may_run_loop() { return !g_running_loop; }

void set_top_level_running(bool running) { g_top_level_running = running; }

void swap_loop_thread_state(LoopThreadState& state) {
  std::swap(g_running_loop, state.running_loop);
  std::swap(g_event_loop, state.event_loop);
  std::swap(g_top_level_running, state.top_level_running);
}

Value current_event_loop() { return g_event_loop.get(); }
void set_current_event_loop(Value loop) { g_event_loop = loop ? ref(loop) : Ref(); }

// --- Handles --------------------------------------------------------------------

Ref make_handle(Type* type, Value loop, Value callback, Value args, Value context) {
  Ref context_slot;
  if (context && !is_none(context)) {
    context_slot = ref(context);
  } else if (!context_snapshot(context_slot)) {
    return {};
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* handle = construct_body<HandleObject>(object);
  handle->m_callback = ref(callback);
  handle->m_args = ref(args);
  handle->m_loop = ref(loop);
  handle->m_context = std::move(context_slot);
  return Ref::steal(object);
}

namespace {

Ref handle_repr(Value self) {
  HandleObject* h = as_handle(self);
  bool timer = isinstance(self, &timer_handle_type);
  std::string text = "<";
  text += timer ? "TimerHandle" : "Handle";
  if (h->m_cancelled) text += " cancelled";
  if (timer) {
    Ref when = make_float(h->m_when);
    Ref when_text = when ? repr(when) : Ref();
    if (!when_text) return {};
    text += " when=" + std::string(str_view(when_text));
  }
  if (h->m_callback && !h->m_repr_running) {
    h->m_repr_running = true;
    text += " " + format_callback_source(h->m_callback, h->m_args);
    h->m_repr_running = false;
  }
  return make_str(text + ">");
}

void handle_destroy(Object* object) { static_cast<HandleObject*>(object)->~HandleObject(); }

void handle_traverse(Object* object, VisitFn visit, void* context) {
  auto* h = static_cast<HandleObject*>(object);
  visit(h->m_callback, context);
  visit(h->m_args, context);
  visit(h->m_loop, context);
  visit(h->m_context, context);
}

void handle_clear(Object* object) {
  auto* h = static_cast<HandleObject*>(object);
  h->m_callback.reset();
  h->m_args.reset();
  h->m_loop.reset();
  h->m_context.reset();
}

Ref handle_cancel(Value self, Args) {
  HandleObject* h = as_handle(self);
  if (!h->m_cancelled) {
    h->m_cancelled = true;
    if (h->m_scheduled && h->m_loop) ++as_loop(h->m_loop)->m_cancelled_timers;
    // As CPython outside debug mode: drop the references at once.
    h->m_callback.reset();
    h->m_args.reset();
  }
  return new_none();
}

Ref handle_cancelled(Value self, Args) { return new_bool(as_handle(self)->m_cancelled); }
Ref handle_get_context(Value self, Args) {
  HandleObject* h = as_handle(self);
  bool running = h->m_loop && as_loop(h->m_loop)->m_current_handle.get().is(self);
  Value context = context_of_slot(h->m_context, running);
  return context ? ref(context) : Ref();
}
Ref timer_when(Value self, Args) { return make_float(as_handle(self)->m_when); }

Ref timer_compare(Value a, Value b, CompareOp op) {
  if (!isinstance(b, &timer_handle_type)) return ref(not_implemented());
  HandleObject* x = as_handle(a);
  HandleObject* y = as_handle(b);
  // As TimerHandle: ordered by deadline; equal when the deadline, the
  // callback and the cancelled state are.
  bool equal = a.is(b) || (x->m_when == y->m_when && x->m_cancelled == y->m_cancelled &&
                           x->m_callback.get().is(y->m_callback.get()));
  bool result = false;
  switch (op) {
    case CompareOp::Lt: result = x->m_when < y->m_when; break;
    case CompareOp::Le: result = x->m_when < y->m_when || equal; break;
    case CompareOp::Gt: result = x->m_when > y->m_when; break;
    case CompareOp::Ge: result = x->m_when > y->m_when || equal; break;
    case CompareOp::Eq: result = equal; break;
    case CompareOp::Ne: result = !equal; break;
  }
  return new_bool(result);
}

const MethodDef kHandleMethods[] = {
    {"cancel", handle_cancel, ArgKind::NoArgs},
    {"cancelled", handle_cancelled, ArgKind::NoArgs},
    {"get_context", handle_get_context, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};
const MethodDef kTimerHandleMethods[] = {
    {"when", timer_when, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// Reports the exception a callback raised to the loop's exception handler,
// as Handle._run; false if it is SystemExit or KeyboardInterrupt, which
// propagate.
bool report_callback_error(EventLoopObject* loop, Value handle, Value callback, Value args) {
  if (exception_matches(&system_exit_type) || exception_matches(&keyboard_interrupt_type)) return false;
  Ref exception = fetch_exception();
  Ref context = make_dict();
  if (!context) return false;
  Ref message = make_str("Exception in callback " + format_callback_source(callback, args));
  if (!message || !dict_setitem_str(context, "message", message) ||
      !dict_setitem_str(context, "exception", exception) || !dict_setitem_str(context, "handle", handle)) {
    return false;
  }
  loop_call_exception_handler(Value(loop), context);
  return true;
}

// Runs a handle's callback in the context `context_slot` holds, as
// Handle._run.
bool run_callback(EventLoopObject* loop, Value handle, Value callback, Value args, Ref& context_slot) {
  Ref* saved;
  if (!context_enter(context_slot, saved)) return report_callback_error(loop, handle, callback, args);
  Ref result = call_with_tuple(callback, args, Value());
  context_exit(context_slot, saved);
  return result || report_callback_error(loop, handle, callback, args);
}

}  // namespace

// --- The loop ------------------------------------------------------------------

void loop_push_ready(EventLoopObject* loop, ReadyItem item) { loop->m_ready.push(item); }

Ref loop_call_soon(EventLoopObject* loop, Value callback, Value args) {
  Ref handle = make_handle(&handle_type, Value(loop), callback, args, Value());
  if (!handle) return {};
  loop->m_ready.push({ReadyItem::Kind::Handle, ref(handle).release().as_object(), nullptr});
  return handle;
}

bool loop_call_soon_in_context(EventLoopObject* loop, Value callback, Value args, Value context) {
  Ref handle = make_handle(&handle_type, Value(loop), callback, args, context);
  if (!handle) return false;
  loop->m_ready.push({ReadyItem::Kind::Handle, handle.release().as_object(), nullptr});
  return true;
}

bool loop_has_work(EventLoopObject* loop) {
  return !loop->m_ready.empty() ||
         (loop->m_live_tasks > 0 && (!loop->m_timers.empty() || io_active() || io_operations_in_flight()));
}

namespace {

bool check_closed(EventLoopObject* loop) {
  if (loop->m_closed) {
    raise(&runtime_error_type, "Event loop is closed");
    return false;
  }
  return true;
}

void pop_timer(EventLoopObject* loop) {
  std::pop_heap(loop->m_timers.begin(), loop->m_timers.end(), timer_later);
  loop->m_timers.pop_back();
}

// Drops cancelled timers: all of them when they are most of the heap (as
// CPython, past 100 timers), else those at its head.
void prune_cancelled_timers(EventLoopObject* loop) {
  std::vector<TimerEntry>& timers = loop->m_timers;
  if (timers.size() > 100 && loop->m_cancelled_timers * 2 > timers.size()) {
    std::vector<TimerEntry> kept;
    kept.reserve(timers.size() - loop->m_cancelled_timers);
    for (const TimerEntry& entry : timers) {
      if (entry.handle->m_cancelled) {
        entry.handle->m_scheduled = false;
        decref(entry.handle);
      } else {
        kept.push_back(entry);
      }
    }
    timers.swap(kept);
    std::make_heap(timers.begin(), timers.end(), timer_later);
    loop->m_cancelled_timers = 0;
    return;
  }
  while (!timers.empty() && timers.front().handle->m_cancelled) {
    HandleObject* handle = timers.front().handle;
    pop_timer(loop);
    if (loop->m_cancelled_timers > 0) --loop->m_cancelled_timers;
    handle->m_scheduled = false;
    decref(handle);
  }
}

// The wait through libuv: I/O events, or the timer. Under virtual time the
// clock jumps to the timer unless an operation is in flight (I/O, or work
// running in another thread for this loop) or another thread is active.
void wait_for_io(EventLoopObject* loop, double timeout, double deadline) {
  if (timeout == 0 || !clock_is_virtual()) return io_poll(timeout);
  io_poll(0);
  if (!loop->m_ready.empty()) return;
  if (timeout < 0) return io_poll(-1);
  if (io_operations_in_flight() || other_threads_active()) {
    // Real waiting, for the operation or for what other threads do
    // (runtime/threads.h); the simulated clock moves as far as real time
    // did, and at least to the timer when nothing came before it.
    double start = clock_real_monotonic();
    double virtual_start = clock_monotonic();
    io_poll(timeout);
    double elapsed = clock_real_monotonic() - start;
    clock_advance_to(elapsed >= timeout ? std::max(deadline, virtual_start + elapsed)
                                        : std::min(deadline, clock_monotonic() + elapsed));
    return;
  }
  clock_advance_to(deadline);
}

// Waits up to `timeout` seconds (negative: until woken, which without I/O
// sources means forever) for I/O events or the next timer. Under virtual
// time the clock jumps to the timer instead, unless an I/O operation is in
// flight: then its completion is waited for in real time.
void wait_for_events(EventLoopObject* loop, double timeout, double deadline) {
  // With other threads, every wait goes through libuv with the GIL let go,
  // and call_soon_threadsafe ends it through the loop's waker.
  if (g_threads_started && timeout != 0) {
    loop->m_waker = io_current_state();
    wait_for_io(loop, timeout, deadline);
    loop->m_waker = nullptr;
    return;
  }
  if (io_active()) {
    wait_for_io(loop, timeout, deadline);
    return;
  }
  if (timeout == 0) return;
  if (timeout < 0) {
    // Nothing can wake the loop (no timers, no I/O yet): CPython would
    // block in select() for good; so does coil, without spinning, in
    // either clock mode.
    while (!g_signal_pending) pause();
    return;
  }
  if (clock_is_virtual()) {
    clock_advance_to(deadline);
  } else {
    clock_sleep(timeout);
  }
}

bool run_item(EventLoopObject* loop, ReadyItem item) {
  Ref a = Ref::steal(Value(item.a));
  Ref b = item.b ? Ref::steal(Value(item.b)) : Ref();
  switch (item.kind) {
    case ReadyItem::Kind::Handle: {
      HandleObject* handle = as_handle(a);
      if (handle->m_cancelled) return true;
      Ref callback = handle->m_callback;
      Ref args = handle->m_args;
      loop->m_current_handle = a;
      bool ok = run_callback(loop, a, callback, args, handle->m_context);
      loop->m_current_handle.reset();
      return ok;
    }
    case ReadyItem::Kind::Callback: {
      // A done callback of no context of its own: it runs in an empty one.
      Ref context_slot;
      Ref* saved = nullptr;
      context_enter(context_slot, saved);
      Ref result = call(a, {b.get()});
      context_exit(context_slot, saved);
      if (result) return true;
      if (exception_matches(&system_exit_type) || exception_matches(&keyboard_interrupt_type)) return false;
      // For the report, the handle CPython would have run.
      Ref error = fetch_exception();
      Ref args = make_tuple({b.get()});
      Ref handle = args ? make_handle(&handle_type, Value(loop), a, args, Value()) : Ref();
      if (!handle) return false;
      restore_exception(std::move(error));
      return report_callback_error(loop, handle, a, args);
    }
    case ReadyItem::Kind::TaskStep:
      return task_step(a.as<TaskObject>(), b.get());
    case ReadyItem::Kind::TaskWakeup:
      return task_wakeup(a.as<TaskObject>(), b.as<FutureObject>());
    case ReadyItem::Kind::Io:
      return tcp_deliver(a, b.get());
  }
  return true;
}

}  // namespace

bool loop_run_once(EventLoopObject* loop, bool may_block, double wait_until) {
  prune_cancelled_timers(loop);
  double timeout = -1;
  double deadline = 0;
  if (!loop->m_ready.empty() || loop->m_stopping || !may_block) {
    timeout = 0;
  } else if (!loop->m_timers.empty() || wait_until != HUGE_VAL) {
    deadline = loop->m_timers.empty() ? wait_until : std::min(loop->m_timers.front().when, wait_until);
    timeout = std::max(0.0, deadline - clock_monotonic());
  }
  wait_for_events(loop, timeout, deadline);
  if (!check_signals()) return false;
  // Timers that are due (within the clock's resolution) become ready.
  double end_time = clock_monotonic() + 1e-9;
  while (!loop->m_timers.empty() && loop->m_timers.front().when < end_time) {
    HandleObject* handle = loop->m_timers.front().handle;
    pop_timer(loop);
    handle->m_scheduled = false;
    loop->m_ready.push({ReadyItem::Kind::Handle, handle, nullptr});  // the heap's reference moves
  }
  // Only what was ready when the iteration began runs in it, with this
  // loop as the running one.
  bool saved_top_level = g_top_level_running;
  g_top_level_running = false;
  Ref saved_running = g_running_loop;
  g_running_loop = ref(Value(loop));
  size_t count = loop->m_ready.size();
  Ref keep_alive = ref(Value(loop));
  for (size_t i = 0; i < count && !loop->m_ready.empty(); ++i) {
    if (!run_item(loop, loop->m_ready.pop())) {
      g_running_loop = std::move(saved_running);
      g_top_level_running = saved_top_level;
      return false;
    }
  }
  g_running_loop = std::move(saved_running);
  g_top_level_running = saved_top_level;
  return true;
}

bool loop_run_forever(EventLoopObject* loop) {
  if (!check_closed(loop)) return false;
  if (loop->m_running) {
    raise(&runtime_error_type, "This event loop is already running");
    return false;
  }
  if (!may_run_loop()) {
    raise(&runtime_error_type, "Cannot run the event loop while another loop is running");
    return false;
  }
  Ref keep_alive = ref(Value(loop));
  Ref saved_running = g_running_loop;
  bool saved_top_level = g_top_level_running;
  bool was_running = loop->m_running;
  g_running_loop = ref(Value(loop));
  g_top_level_running = false;
  loop->m_running = true;
  Ref saved_hooks[2];
  bool ok = loop_install_asyncgen_hooks(loop, saved_hooks);
  while (ok) {
    if (!loop_run_once(loop)) {
      ok = false;
      break;
    }
    if (loop->m_stopping) break;
  }
  loop_restore_asyncgen_hooks(saved_hooks);
  loop->m_stopping = false;
  loop->m_running = was_running;
  g_running_loop = std::move(saved_running);
  g_top_level_running = saved_top_level;
  return ok;
}

// --- Async generator hooks ----------------------------------------------------

namespace {

// firstiter: track the generator, for shutdown_asyncgens().
Ref asyncgen_firstiter_hook(Value self, Args args) {
  if (!check_positional("_asyncgen_firstiter_hook", args, 1, 1)) return {};
  if (args[0].type() != &async_generator_type) return new_none();
  auto* agen = args[0].as<GeneratorObject>();
  EventLoopObject* loop = as_loop(self);
  if (async_gen_hooks(agen).tracking_loop) return new_none();
  async_gen_hooks(agen).tracking_loop = ref(self);
  loop->m_asyncgens.push_back(agen);
  return new_none();
}

// finalizer: a tracked generator went away unfinished: close it on the
// loop, as loop.call_soon_threadsafe(loop.create_task, agen.aclose()).
Ref asyncgen_finalizer_hook(Value self, Args args) {
  if (!check_positional("_asyncgen_finalizer_hook", args, 1, 1)) return {};
  if (args[0].type() != &async_generator_type) return new_none();
  auto* agen = args[0].as<GeneratorObject>();
  if (async_gen_hooks(agen).tracking_loop) {
    loop_forget_async_gen(async_gen_hooks(agen).tracking_loop, agen);
    async_gen_hooks(agen).tracking_loop.reset();
  }
  EventLoopObject* loop = as_loop(self);
  if (loop->m_closed) return new_none();
  Ref aclose = async_gen_aclose(args[0]);
  if (!aclose) return {};
  Ref create_task = getattr(self, "create_task");
  if (!create_task) return {};
  loop->m_ready.push({ReadyItem::Kind::Callback, create_task.release().as_object(), aclose.release().as_object()});
  return new_none();
}

const MethodDef kFirstIterHook = {"_asyncgen_firstiter_hook", asyncgen_firstiter_hook, ArgKind::VarArgs};
const MethodDef kFinalizerHook = {"_asyncgen_finalizer_hook", asyncgen_finalizer_hook, ArgKind::VarArgs};

}  // namespace

void loop_forget_async_gen(Value loop, GeneratorObject* agen) {
  std::vector<GeneratorObject*>& agens = as_loop(loop)->m_asyncgens;
  agens.erase(std::remove(agens.begin(), agens.end(), agen), agens.end());
}

bool loop_install_asyncgen_hooks(EventLoopObject* loop, Ref saved[2]) {
  if (!loop->m_firstiter_hook) {
    loop->m_firstiter_hook = make_builtin_function(&kFirstIterHook, Value(loop));
    loop->m_finalizer_hook = make_builtin_function(&kFinalizerHook, Value(loop));
    if (!loop->m_firstiter_hook || !loop->m_finalizer_hook) return false;
  }
  saved[0] = std::move(g_asyncgen_firstiter);
  saved[1] = std::move(g_asyncgen_finalizer);
  g_asyncgen_firstiter = loop->m_firstiter_hook;
  g_asyncgen_finalizer = loop->m_finalizer_hook;
  return true;
}

void loop_restore_asyncgen_hooks(Ref saved[2]) {
  g_asyncgen_firstiter = std::move(saved[0]);
  g_asyncgen_finalizer = std::move(saved[1]);
}

// --- The exception handler ---------------------------------------------------

namespace {

// What logging's last-resort handler prints for logger.error(message,
// exc_info=exception): the message, then the traceback.
void log_error(const std::string& message, Value exception) {
  flush_std_streams();
  std::fputs((message + "\n").c_str(), stderr);
  std::fflush(stderr);
  if (exception && !is_none(exception)) print_exception(exception);
}

Ref default_exception_handler(Value loop, Value context) {
  if (!is_dict(context)) return raise(&type_error_type, "context must be a dict");
  Value message = dict_lookup_str(context, "message");
  std::string text;
  if (message && !is_none(message)) {
    Ref s = str(message);
    if (!s) return {};
    text = std::string(str_view(s));
  }
  if (text.empty()) text = "Unhandled exception in event loop";
  Value exception = dict_lookup_str(context, "exception");
  Ref keys = dict_keys_list(context);
  if (!keys || !list_sort(keys, Value(), false)) return {};
  for (const Ref& key : as_list(keys)->m_items) {
    if (is_str(key) && (str_equal(key, "message") || str_equal(key, "exception"))) continue;
    Value value = dict_lookup(context, key);
    if (!value) continue;
    Ref key_text = str(key);
    Ref value_text = repr(value);
    if (!key_text || !value_text) return {};
    text += "\n" + std::string(str_view(key_text)) + ": " + std::string(str_view(value_text));
  }
  log_error(text, exception);
  return new_none();
}

}  // namespace

void loop_call_exception_handler(Value loop, Value context) {
  Ref saved = fetch_exception();
  EventLoopObject* l = as_loop(loop);
  if (!l->m_exception_handler) {
    if (!default_exception_handler(loop, context)) {
      Ref error = fetch_exception();
      log_error("Exception in default exception handler", error);
    }
  } else {
    Ref handler = l->m_exception_handler;
    if (!call(handler, {loop, context})) {
      if (exception_matches(&system_exit_type) || exception_matches(&keyboard_interrupt_type)) {
        // They propagate, as CPython's handler call lets them.
        return;
      }
      Ref error = fetch_exception();
      Ref again = make_dict();
      if (again) {
        dict_setitem_str(again, "message", make_str("Unhandled error in exception handler"));
        dict_setitem_str(again, "exception", error);
        dict_setitem_str(again, "context", context);
        if (!default_exception_handler(loop, again)) {
          Ref e = fetch_exception();
          log_error("Exception in default exception handler while handling an unexpected error in custom "
                    "exception handler", e);
        }
      }
    }
  }
  restore_exception(std::move(saved));
}

// --- The loop type -----------------------------------------------------------------

namespace {

Ref loop_repr(Value self) {
  EventLoopObject* l = as_loop(self);
  auto flag = [](bool b) { return b ? "True" : "False"; };
  return make_str("<" + std::string(type_name(self.type())) + " running=" + flag(l->m_running) +
                  " closed=" + flag(l->m_closed) + " debug=" + flag(l->m_debug) + ">");
}

void loop_destroy(Object* object) {
  auto* l = static_cast<EventLoopObject*>(object);
  l->m_asyncgens.clear();
  for (const TimerEntry& entry : l->m_timers) decref(entry.handle);
  l->m_timers.clear();
  l->~EventLoopObject();
}

void loop_traverse(Object* object, VisitFn visit, void* context) {
  auto* l = static_cast<EventLoopObject*>(object);
  l->m_ready.for_each([&](const ReadyItem& item) {
    visit(Value(item.a), context);
    if (item.b) visit(Value(item.b), context);
  });
  for (const TimerEntry& entry : l->m_timers) visit(Value(entry.handle), context);
  visit(l->m_exception_handler, context);
  visit(l->m_current_task, context);
  visit(l->m_current_handle, context);
  visit(l->m_task_factory, context);
  visit(l->m_firstiter_hook, context);
  visit(l->m_finalizer_hook, context);
  visit(l->m_signal_handlers, context);
  visit(l->m_fd_watchers, context);
  visit(l->m_default_executor, context);
}

void loop_clear_work(EventLoopObject* l) {
  l->m_ready.clear();
  std::vector<TimerEntry> timers;
  timers.swap(l->m_timers);
  for (const TimerEntry& entry : timers) {
    entry.handle->m_scheduled = false;
    decref(entry.handle);
  }
  l->m_cancelled_timers = 0;
}

void loop_clear(Object* object) {
  auto* l = static_cast<EventLoopObject*>(object);
  loop_clear_work(l);
  l->m_exception_handler.reset();
  l->m_current_task.reset();
  l->m_current_handle.reset();
  l->m_task_factory.reset();
  l->m_firstiter_hook.reset();
  l->m_finalizer_hook.reset();
  l->m_signal_handlers.reset();
  l->m_fd_watchers.reset();
  l->m_default_executor.reset();
}

Ref loop_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<EventLoopObject>(object);
  return Ref::steal(object);
}

// The positional arguments after the first `skip` as a tuple.
Ref rest_as_tuple(Args args, size_t skip) {
  return make_tuple(args.items + skip, args.count > skip ? args.count - skip : 0);
}

// The `context` keyword (call_soon/call_later/call_at accept only it).
bool context_keyword(const char* function, Args args, Value& context) {
  context = Value();
  if (!args.kwnames) return true;
  size_t n = tuple_size(Value(args.kwnames));
  for (size_t i = 0; i < n; ++i) {
    Value name = tuple_item(Value(args.kwnames), i);
    if (!str_equal(name, "context")) {
      raise_format(&type_error_type, "%s() got an unexpected keyword argument '%s'", function, str_cstr(name));
      return false;
    }
    context = args.items[args.count + i];
  }
  return true;
}

// In debug mode, as BaseEventLoop._check_callback.
bool check_callback(EventLoopObject* loop, Value callback, const char* method) {
  if (!loop->m_debug) return true;
  bool coroutine = is_coroutine_object(callback);
  if (!coroutine && is_function(callback)) {
    CodeObject* code = callback.as<FunctionObject>()->m_code.as<CodeObject>();
    coroutine = (code->m_flags & kCodeCoroutine) != 0;
  }
  if (coroutine) {
    raise_format(&type_error_type, "coroutines cannot be used with %s()", method);
    return false;
  }
  if (!is_callable(callback)) {
    Ref text = repr(callback);
    if (!text) return false;
    raise_format(&type_error_type, "a callable object was expected by %s(), got %s", method, str_cstr(text));
    return false;
  }
  return true;
}

Ref method_call_soon(Value self, Args args) {
  Value context;
  if (!context_keyword("BaseEventLoop.call_soon", args, context)) return {};
  if (args.count < 1) {
    return raise(&type_error_type, "BaseEventLoop.call_soon() missing 1 required positional argument: 'callback'");
  }
  EventLoopObject* l = as_loop(self);
  if (!check_closed(l) || !check_callback(l, args[0], "call_soon")) return {};
  Ref rest = rest_as_tuple(args, 1);
  if (!rest) return {};
  Ref handle = make_handle(&handle_type, self, args[0], rest, context);
  if (!handle) return {};
  l->m_ready.push({ReadyItem::Kind::Handle, ref(handle).release().as_object(), nullptr});
  return handle;
}

// call_soon_threadsafe(): call_soon from any thread (holding the GIL, as
// every thread running Python does), then the loop's wait ends if its
// thread is waiting.
Ref method_call_soon_threadsafe(Value self, Args args) {
  Value context;
  if (!context_keyword("BaseEventLoop.call_soon_threadsafe", args, context)) return {};
  if (args.count < 1) {
    return raise(&type_error_type,
                 "BaseEventLoop.call_soon_threadsafe() missing 1 required positional argument: 'callback'");
  }
  EventLoopObject* l = as_loop(self);
  if (!check_closed(l) || !check_callback(l, args[0], "call_soon_threadsafe")) return {};
  Ref rest = rest_as_tuple(args, 1);
  if (!rest) return {};
  Ref handle = make_handle(&handle_type, self, args[0], rest, context);
  if (!handle) return {};
  l->m_ready.push({ReadyItem::Kind::Handle, ref(handle).release().as_object(), nullptr});
  io_wake(l->m_waker);
  return handle;
}

Ref schedule_timer(Value self, double when, Value callback, Value rest, Value context) {
  EventLoopObject* l = as_loop(self);
  if (!check_closed(l) || !check_callback(l, callback, "call_at")) return {};
  Ref handle = make_handle(&timer_handle_type, self, callback, rest, context);
  if (!handle) return {};
  HandleObject* h = as_handle(handle);
  h->m_when = when;
  h->m_sequence = l->m_timer_sequence++;
  h->m_scheduled = true;
  l->m_timers.push_back({when, h->m_sequence, static_cast<HandleObject*>(ref(handle).release().as_object())});
  std::push_heap(l->m_timers.begin(), l->m_timers.end(), timer_later);
  return handle;
}

bool number_argument(Value v, double& out) {
  if (!float_as_double(v, out)) return false;
  return true;
}

Ref method_call_later(Value self, Args args) {
  Value context;
  if (!context_keyword("BaseEventLoop.call_later", args, context)) return {};
  if (args.count < 2) {
    return raise_format(&type_error_type,
                        "BaseEventLoop.call_later() missing %zu required positional argument%s: %s",
                        2 - args.count, args.count == 0 ? "s" : "",
                        args.count == 0 ? "'delay' and 'callback'" : "'callback'");
  }
  if (is_none(args[0])) return raise(&type_error_type, "delay must not be None");
  double delay;
  if (!number_argument(args[0], delay)) return {};
  Ref rest = rest_as_tuple(args, 2);
  if (!rest) return {};
  return schedule_timer(self, clock_monotonic() + delay, args[1], rest, context);
}

Ref method_call_at(Value self, Args args) {
  Value context;
  if (!context_keyword("BaseEventLoop.call_at", args, context)) return {};
  if (args.count < 2) {
    return raise_format(&type_error_type,
                        "BaseEventLoop.call_at() missing %zu required positional argument%s: %s",
                        2 - args.count, args.count == 0 ? "s" : "",
                        args.count == 0 ? "'when' and 'callback'" : "'callback'");
  }
  if (is_none(args[0])) return raise(&type_error_type, "when cannot be None");
  double when;
  if (!number_argument(args[0], when)) return {};
  Ref rest = rest_as_tuple(args, 2);
  if (!rest) return {};
  return schedule_timer(self, when, args[1], rest, context);
}

Ref method_time(Value, Args) { return make_float(clock_monotonic()); }

Ref method_create_future(Value self, Args) { return make_future(self); }

Ref method_create_task(Value self, Args args) {
  static const ArgSpec spec{"create_task", {"coro", "name", "context"}, 0, 1, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  EventLoopObject* l = as_loop(self);
  if (!check_closed(l)) return {};
  Value context = bound[2] && !is_none(bound[2]) ? bound[2] : Value();
  if (l->m_task_factory) {
    // As CPython: the factory gets `context` only when one is given.
    Ref task;
    if (context) {
      Ref kwnames = make_tuple({intern_static("context")});
      if (!kwnames) return {};
      Value call_args[3] = {self, bound[0], context};
      task = call(l->m_task_factory, call_args, 2, kwnames.as<TupleObject>());
    } else {
      task = call(l->m_task_factory, {self, bound[0]});
    }
    if (!task) return {};
    if (bound[1] && !is_none(bound[1])) {
      if (!call_method(task, "set_name", {bound[1]})) return {};
    }
    return task;
  }
  return make_task(bound[0], self, bound[1] && !is_none(bound[1]) ? bound[1] : Value(), false, context);
}

Ref method_run_forever(Value self, Args) {
  if (!loop_run_forever(as_loop(self))) return {};
  return new_none();
}

Ref method_stop(Value self, Args) {
  as_loop(self)->m_stopping = true;
  return new_none();
}

Ref method_is_running(Value self, Args) { return new_bool(as_loop(self)->m_running); }
Ref method_is_closed(Value self, Args) { return new_bool(as_loop(self)->m_closed); }

Ref method_close(Value self, Args) {
  EventLoopObject* l = as_loop(self);
  if (l->m_running) {
    return raise(&runtime_error_type, "Cannot close a running event loop");
  }
  if (l->m_closed) return new_none();
  l->m_closed = true;
  loop_clear_work(l);
  // As CPython's unix loop, closing removes its signal handlers.
  if (l->m_signal_handlers && dict_size(l->m_signal_handlers) > 0) {
    Ref function = import_attribute("asyncio.base_events", "_remove_signal_handlers");
    if (!function || !call(function, {self})) return {};
  }
  // The descriptors it watched are no longer watched.
  if (l->m_fd_watchers && dict_size(l->m_fd_watchers) > 0) {
    Ref function = import_attribute("asyncio.base_events", "_remove_fd_watchers");
    if (!function || !call(function, {self})) return {};
  }
  // As CPython: the default executor is shut down without waiting.
  if (Ref executor = std::move(l->m_default_executor)) {
    Ref no = new_bool(false);
    Ref shutdown = getattr(executor, "shutdown");
    if (!shutdown) return {};
    Ref wait_name = make_str("wait");
    Ref kwnames = make_tuple({wait_name.get()});
    Value arguments[] = {no.get()};
    if (!call(shutdown, arguments, 0, kwnames.as<TupleObject>())) return {};
  }
  return new_none();
}

Ref method_get_debug(Value self, Args) { return new_bool(as_loop(self)->m_debug); }
Ref method_set_debug(Value self, Args args) {
  int truth = is_true(args[0]);
  if (truth < 0) return {};
  as_loop(self)->m_debug = truth;
  return new_none();
}

// run_until_complete's done callback: stops the loop unless run_forever is
// already ending with SystemExit or KeyboardInterrupt.
Ref run_until_complete_done(Value, Args args) {
  if (args.count != 1 || !is_future(args[0])) return new_none();
  auto* future = args[0].as<FutureObject>();
  if (future->m_state == FutureState::Finished && future->m_exception &&
      (isinstance(future->m_exception, &system_exit_type) ||
       isinstance(future->m_exception, &keyboard_interrupt_type))) {
    return new_none();
  }
  if (future->m_loop) as_loop(future->m_loop)->m_stopping = true;
  return new_none();
}
const MethodDef kRunUntilCompleteDone = {"_run_until_complete_cb", run_until_complete_done, ArgKind::VarArgs};

Ref method_run_until_complete(Value self, Args args) {
  if (!check_positional("run_until_complete", args, 1, 1)) return {};
  EventLoopObject* l = as_loop(self);
  if (!check_closed(l)) return {};
  if (l->m_running) return raise(&runtime_error_type, "This event loop is already running");
  if (!may_run_loop()) {
    return raise(&runtime_error_type, "Cannot run the event loop while another loop is running");
  }
  Value argument = args[0];
  bool new_task = !is_future(argument);
  Ref future;
  if (new_task) {
    if (is_coroutine_object(argument)) {
      future = make_task(argument, self, Value());
    } else {
      // Other awaitables go through asyncio.ensure_future.
      Ref asyncio = import_module("asyncio");
      if (!asyncio) return {};
      Ref ensure = getattr(asyncio, "ensure_future");
      if (!ensure) return {};
      Ref kwnames = make_tuple({intern_static("loop")});
      Value call_args[2] = {argument, self};
      future = call(ensure, call_args, 1, kwnames.as<TupleObject>());
    }
    if (!future) return {};
    if (is_task(future)) future.as<TaskObject>()->m_log_destroy_pending = false;
  } else {
    future = ref(argument);
    if (!future.as<FutureObject>()->m_loop.get().is(self)) {
      return raise(&value_error_type, "The future belongs to a different loop than the one specified as the loop argument");
    }
  }
  if (!is_future(future)) return raise(&type_error_type, "An asyncio.Future, a coroutine or an awaitable is required");
  auto* f = future.as<FutureObject>();
  static Ref done_callback;
  if (!done_callback) {
    done_callback = make_builtin_function(&kRunUntilCompleteDone, Value());
    if (!done_callback) return {};
  }
  if (f->m_state != FutureState::Pending) {
    loop_push_ready(l, {ReadyItem::Kind::Callback, ref(done_callback).release().as_object(),
                        ref(future).release().as_object()});
  } else {
    f->m_callbacks.push_back({done_callback, Ref()});
  }
  bool ok = loop_run_forever(l);
  // Remove the callback again.
  for (size_t i = 0; i < f->m_callbacks.size(); ++i) {
    if (f->m_callbacks[i].function.get().is(done_callback.get())) {
      f->m_callbacks.erase(i);
      break;
    }
  }
  if (!ok) {
    if (new_task && f->m_state == FutureState::Finished) f->m_log_traceback = false;
    return {};
  }
  if (f->m_state == FutureState::Pending) {
    return raise(&runtime_error_type, "Event loop stopped before Future completed.");
  }
  return future_result(f);
}

Ref method_call_exception_handler(Value self, Args args) {
  if (!check_positional("call_exception_handler", args, 1, 1)) return {};
  loop_call_exception_handler(self, args[0]);
  if (error_pending()) return {};
  return new_none();
}

Ref method_default_exception_handler(Value self, Args args) {
  if (!check_positional("default_exception_handler", args, 1, 1)) return {};
  return default_exception_handler(self, args[0]);
}

Ref method_set_exception_handler(Value self, Args args) {
  if (!check_positional("set_exception_handler", args, 1, 1)) return {};
  Value handler = args[0];
  if (!is_none(handler) && !is_callable(handler)) {
    Ref text = repr(handler);
    if (!text) return {};
    return raise_format(&type_error_type, "A callable object or None is expected, got %s", str_cstr(text));
  }
  as_loop(self)->m_exception_handler = is_none(handler) ? Ref() : ref(handler);
  return new_none();
}

Ref method_get_exception_handler(Value self, Args) {
  EventLoopObject* l = as_loop(self);
  return l->m_exception_handler ? l->m_exception_handler : new_none();
}

Ref method_set_task_factory(Value self, Args args) {
  if (!check_positional("set_task_factory", args, 1, 1)) return {};
  if (!is_none(args[0]) && !is_callable(args[0])) return raise(&type_error_type, "task factory must be a callable or None");
  as_loop(self)->m_task_factory = is_none(args[0]) ? Ref() : ref(args[0]);
  return new_none();
}

Ref method_get_task_factory(Value self, Args) {
  EventLoopObject* l = as_loop(self);
  return l->m_task_factory ? l->m_task_factory : new_none();
}

// A coroutine of asyncio.base_events (lib/asyncio/base_events.py) called
// with the loop and `argument`.
Ref base_events_coroutine(const char* name, Value self, Value argument) {
  Ref function = import_attribute("asyncio.base_events", name);
  if (!function) return {};
  return argument ? call(function, {self, argument}) : call(function, {self});
}

// shutdown_asyncgens(): a coroutine closing the async generators the loop
// tracks, as CPython's.
Ref method_shutdown_asyncgens(Value self, Args) {
  EventLoopObject* l = as_loop(self);
  l->m_asyncgens_shutdown_called = true;
  Ref agens = make_list();
  if (!agens) return {};
  std::vector<GeneratorObject*> tracked;
  tracked.swap(l->m_asyncgens);
  for (GeneratorObject* agen : tracked) {
    list_append(agens, ref(Value(agen)));
    async_gen_hooks(agen).tracking_loop.reset();
  }
  return base_events_coroutine("_shutdown_asyncgens", self, agens);
}

Ref method_shutdown_default_executor(Value self, Args) {
  return base_events_coroutine("_shutdown_default_executor", self, Value());
}

// A loop method written in Python, in asyncio.base_events as
// `_<name>(loop, ...)`: called with the loop and the call's arguments.
Ref forward_to_python(const char* module, const char* name, Value self, Args args) {
  Ref function = import_attribute(module, name);
  if (!function) return {};
  std::vector<Value> items;
  items.reserve(1 + args.count + args.keyword_count());
  items.push_back(self);
  items.insert(items.end(), args.items, args.items + args.count + args.keyword_count());
  return call(function, items.data(), 1 + args.count, args.kwnames);
}

Ref forward_to_base_events(const char* name, Value self, Args args) {
  return forward_to_python("asyncio.base_events", name, self, args);
}

Ref method_create_server(Value self, Args args) { return forward_to_base_events("_create_server", self, args); }
Ref method_create_connection(Value self, Args args) {
  return forward_to_base_events("_create_connection", self, args);
}
Ref method_start_tls(Value self, Args args) { return forward_to_base_events("_start_tls", self, args); }
Ref method_connect_accepted_socket(Value self, Args args) {
  return forward_to_base_events("_connect_accepted_socket", self, args);
}
Ref method_getaddrinfo(Value self, Args args) { return forward_to_base_events("_getaddrinfo", self, args); }
Ref method_subprocess_exec(Value self, Args args) {
  return forward_to_base_events("_subprocess_exec", self, args);
}
Ref method_subprocess_shell(Value self, Args args) {
  return forward_to_base_events("_subprocess_shell", self, args);
}
Ref method_run_in_executor(Value self, Args args) {
  return forward_to_base_events("_run_in_executor", self, args);
}
Ref method_set_default_executor(Value self, Args args) {
  return forward_to_base_events("_set_default_executor", self, args);
}
Ref method_add_signal_handler(Value self, Args args) {
  return forward_to_base_events("_add_signal_handler", self, args);
}
Ref method_remove_signal_handler(Value self, Args args) {
  return forward_to_base_events("_remove_signal_handler", self, args);
}

Ref method_create_datagram_endpoint(Value self, Args args) {
  return forward_to_python("asyncio.selector_events", "_create_datagram_endpoint", self, args);
}
Ref method_create_unix_connection(Value self, Args args) {
  return forward_to_base_events("_create_unix_connection", self, args);
}
Ref method_create_unix_server(Value self, Args args) {
  return forward_to_base_events("_create_unix_server", self, args);
}
Ref method_add_reader(Value self, Args args) { return forward_to_base_events("_add_reader", self, args); }
Ref method_remove_reader(Value self, Args args) { return forward_to_base_events("_remove_reader", self, args); }
Ref method_add_writer(Value self, Args args) { return forward_to_base_events("_add_writer", self, args); }
Ref method_remove_writer(Value self, Args args) { return forward_to_base_events("_remove_writer", self, args); }
Ref method_sock_recv(Value self, Args args) { return forward_to_base_events("_sock_recv", self, args); }
Ref method_sock_recv_into(Value self, Args args) { return forward_to_base_events("_sock_recv_into", self, args); }
Ref method_sock_recvfrom(Value self, Args args) { return forward_to_base_events("_sock_recvfrom", self, args); }
Ref method_sock_sendall(Value self, Args args) { return forward_to_base_events("_sock_sendall", self, args); }
Ref method_sock_sendto(Value self, Args args) { return forward_to_base_events("_sock_sendto", self, args); }
Ref method_sock_connect(Value self, Args args) { return forward_to_base_events("_sock_connect", self, args); }
Ref method_sock_accept(Value self, Args args) { return forward_to_base_events("_sock_accept", self, args); }

// loop._signal_handlers: the dict of add_signal_handler()'s registrations.
Ref loop_signal_handlers(Value self) {
  EventLoopObject* l = as_loop(self);
  if (!l->m_signal_handlers) l->m_signal_handlers = make_dict();
  return l->m_signal_handlers;
}

// loop._fd_watchers: the dict of add_reader()/add_writer()'s watchers.
Ref loop_fd_watchers(Value self) {
  EventLoopObject* l = as_loop(self);
  if (!l->m_fd_watchers) l->m_fd_watchers = make_dict();
  return l->m_fd_watchers;
}

// loop._default_executor: run_in_executor()'s executor when given None
// (lib/asyncio/base_events.py makes it), and whether
// shutdown_default_executor() was called.
Ref loop_default_executor(Value self) {
  EventLoopObject* l = as_loop(self);
  return l->m_default_executor ? l->m_default_executor : new_none();
}

bool loop_set_default_executor(Value self, Value executor) {
  as_loop(self)->m_default_executor = executor && !is_none(executor) ? ref(executor) : Ref();
  return true;
}

Ref loop_executor_shutdown_called(Value self) { return new_bool(as_loop(self)->m_executor_shutdown_called); }

bool loop_set_executor_shutdown_called(Value self, Value flag) {
  int truth = flag ? is_true(flag) : 0;
  if (truth < 0) return false;
  as_loop(self)->m_executor_shutdown_called = truth != 0;
  return true;
}

const GetSetDef kLoopGetSets[] = {
    {"_signal_handlers", loop_signal_handlers},
    {"_fd_watchers", loop_fd_watchers},
    {"_default_executor", loop_default_executor, loop_set_default_executor},
    {"_executor_shutdown_called", loop_executor_shutdown_called, loop_set_executor_shutdown_called},
    {nullptr, nullptr},
};

const MethodDef kLoopMethods[] = {
    {"create_server", method_create_server, ArgKind::Keywords},
    {"create_connection", method_create_connection, ArgKind::Keywords},
    {"start_tls", method_start_tls, ArgKind::Keywords},
    {"connect_accepted_socket", method_connect_accepted_socket, ArgKind::Keywords},
    {"getaddrinfo", method_getaddrinfo, ArgKind::Keywords},
    {"subprocess_exec", method_subprocess_exec, ArgKind::Keywords},
    {"subprocess_shell", method_subprocess_shell, ArgKind::Keywords},
    {"run_in_executor", method_run_in_executor, ArgKind::Keywords},
    {"set_default_executor", method_set_default_executor, ArgKind::Keywords},
    {"add_signal_handler", method_add_signal_handler, ArgKind::Keywords},
    {"remove_signal_handler", method_remove_signal_handler, ArgKind::Keywords},
    {"create_datagram_endpoint", method_create_datagram_endpoint, ArgKind::Keywords},
    {"create_unix_connection", method_create_unix_connection, ArgKind::Keywords},
    {"create_unix_server", method_create_unix_server, ArgKind::Keywords},
    {"add_reader", method_add_reader, ArgKind::Keywords},
    {"remove_reader", method_remove_reader, ArgKind::Keywords},
    {"add_writer", method_add_writer, ArgKind::Keywords},
    {"remove_writer", method_remove_writer, ArgKind::Keywords},
    {"sock_recv", method_sock_recv, ArgKind::Keywords},
    {"sock_recv_into", method_sock_recv_into, ArgKind::Keywords},
    {"sock_recvfrom", method_sock_recvfrom, ArgKind::Keywords},
    {"sock_sendall", method_sock_sendall, ArgKind::Keywords},
    {"sock_sendto", method_sock_sendto, ArgKind::Keywords},
    {"sock_connect", method_sock_connect, ArgKind::Keywords},
    {"sock_accept", method_sock_accept, ArgKind::Keywords},
    {"call_soon", method_call_soon, ArgKind::Keywords},
    {"call_soon_threadsafe", method_call_soon_threadsafe, ArgKind::Keywords},
    {"call_later", method_call_later, ArgKind::Keywords},
    {"call_at", method_call_at, ArgKind::Keywords},
    {"time", method_time, ArgKind::NoArgs},
    {"create_future", method_create_future, ArgKind::NoArgs},
    {"create_task", method_create_task, ArgKind::Keywords},
    {"run_forever", method_run_forever, ArgKind::NoArgs},
    {"run_until_complete", method_run_until_complete, ArgKind::VarArgs},
    {"stop", method_stop, ArgKind::NoArgs},
    {"is_running", method_is_running, ArgKind::NoArgs},
    {"is_closed", method_is_closed, ArgKind::NoArgs},
    {"close", method_close, ArgKind::NoArgs},
    {"get_debug", method_get_debug, ArgKind::NoArgs},
    {"set_debug", method_set_debug, ArgKind::OneArg},
    {"call_exception_handler", method_call_exception_handler, ArgKind::VarArgs},
    {"default_exception_handler", method_default_exception_handler, ArgKind::VarArgs},
    {"set_exception_handler", method_set_exception_handler, ArgKind::VarArgs},
    {"get_exception_handler", method_get_exception_handler, ArgKind::NoArgs},
    {"set_task_factory", method_set_task_factory, ArgKind::VarArgs},
    {"get_task_factory", method_get_task_factory, ArgKind::NoArgs},
    {"shutdown_asyncgens", method_shutdown_asyncgens, ArgKind::NoArgs},
    {"shutdown_default_executor", method_shutdown_default_executor, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Ref make_event_loop() { return loop_new(&event_loop_type, nullptr, 0, nullptr); }

Type event_loop_type, handle_type, timer_handle_type;

static struct LoopTypesSetup {
  LoopTypesSetup() {
    event_loop_type.m_tp_name = "asyncio.unix_events._UnixSelectorEventLoop";
    event_loop_type.m_size = sizeof(EventLoopObject);
    event_loop_type.m_flags = kTypeBaseType | kTypeHasGC | kTypePythonClass;
    event_loop_type.m_new = loop_new;
    event_loop_type.m_repr = loop_repr;
    event_loop_type.m_destroy = loop_destroy;
    event_loop_type.m_traverse = loop_traverse;
    event_loop_type.m_clear = loop_clear;
    event_loop_type.m_methods = kLoopMethods;
    event_loop_type.m_getset = kLoopGetSets;

    handle_type.m_tp_name = "asyncio.events.Handle";
    handle_type.m_size = sizeof(HandleObject);
    handle_type.m_flags = kTypeBaseType | kTypeHasGC | kTypePythonClass;
    handle_type.m_repr = handle_repr;
    handle_type.m_destroy = handle_destroy;
    handle_type.m_traverse = handle_traverse;
    handle_type.m_clear = handle_clear;
    handle_type.m_methods = kHandleMethods;

    timer_handle_type.m_tp_name = "asyncio.events.TimerHandle";
    timer_handle_type.m_base = &handle_type;
    timer_handle_type.m_size = sizeof(HandleObject);
    timer_handle_type.m_flags = kTypeBaseType | kTypeHasGC | kTypePythonClass;
    timer_handle_type.m_methods = kTimerHandleMethods;
    timer_handle_type.m_richcompare = timer_compare;
  }
} loop_types_setup;

COIL_REGISTER_TYPE(event_loop_type);
COIL_REGISTER_TYPE(handle_type);
COIL_REGISTER_TYPE(timer_handle_type);

}  // namespace coil
