// sys.settrace and sys.setprofile: the events, as CPython 3.11's
// Python/ceval.c and Python/sysmodule.c send them (see vm/trace.h for how
// the interpreter loop reaches these hooks).
//
// A frame the trace function has seen keeps a record here, keyed by its
// interpreter frame: the frame object every event passes (so that its
// f_trace, the local trace function, lives on), and the line of the last
// instruction run, to tell when a new line starts. A plain frame's record
// goes when it returns; a generator's stays while it is suspended.
#include "vm/trace.h"

#include <unordered_map>

#include "runtime/abstract.h"
#include "runtime/exception.h"
#include "runtime/generator.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace coil {

namespace {

struct TracedFrame {
  Ref snapshot;                     // the frame object the events carry
  int last_line = -1;               // the line of the last instruction run
  uint32_t last_index = UINT32_MAX; // that instruction, or none yet
};

// Never destroyed: records hold Python objects, which must not be released
// after the runtime is gone at exit.
std::unordered_map<const Frame*, TracedFrame>& traced_frames() {
  static auto* frames = new std::unordered_map<const Frame*, TracedFrame>;
  return *frames;
}

void drop_functions_if_unused() {
  if (!g_thread.trace_function && !g_thread.profile_function) traced_frames().clear();
}

// Calls a trace or profile function with (frame, event, arg), with events
// off meanwhile. As CPython's trampolines, a function that raises is
// removed (and its frame's local one with it).
Ref call_hook(Value function, Value snapshot, const char* event, Value arg, bool profile) {
  Ref event_name = intern(event);
  if (!event_name) return {};
  Ref keep = ref(function);  // the function may unset itself
  g_thread.in_trace_call = true;
  Ref result = call(keep, {snapshot, event_name, arg ? arg : none()});
  g_thread.in_trace_call = false;
  if (!result) {
    if (profile) {
      g_thread.profile_function.reset();
    } else {
      g_thread.trace_function.reset();
      frame_snapshot_set_trace(snapshot, Value());
    }
    drop_functions_if_unused();
  }
  return result;
}

// A trace function's result becomes the frame's local trace function,
// unless it is None (which leaves the local one as it was).
void keep_local_trace(Value snapshot, const Ref& result) {
  if (!is_none(result)) frame_snapshot_set_trace(snapshot, result);
}

TracedFrame* find_traced(const Frame* frame) {
  auto& frames = traced_frames();
  auto it = frames.find(frame);
  return it == frames.end() ? nullptr : &it->second;
}

// Runs `body` with the exception pending put aside; keeps a new one if the
// body raises instead (as CPython's call_trace_protected).
template <class Body>
bool with_exception_kept(Body body) {
  Ref saved = error_pending() ? fetch_exception() : Ref();
  if (!body()) return false;
  if (saved) restore_exception(std::move(saved));
  return true;
}

}  // namespace

bool set_trace_function(Value function) {
  if (is_none(function)) {
    g_thread.trace_function.reset();
  } else {
    g_thread.trace_function = ref(function);
  }
  drop_functions_if_unused();
  // The plain loop switches over at its next call or backward jump.
  if (tracing_wanted() && !g_thread.loop_tracing) g_eval_breaker.store(1, std::memory_order_relaxed);
  return true;
}

bool set_profile_function(Value function) {
  if (is_none(function)) {
    g_thread.profile_function.reset();
  } else {
    g_thread.profile_function = ref(function);
  }
  drop_functions_if_unused();
  if (tracing_wanted() && !g_thread.loop_tracing) g_eval_breaker.store(1, std::memory_order_relaxed);
  return true;
}

bool trace_frame_entered(Frame* frame) {
  if (!tracing_wanted()) return true;
  const CodeUnit* start = frame->code->m_code.data();
  bool fresh = frame->ip == start;
  TracedFrame& record = traced_frames()[frame];
  if (fresh || !record.snapshot) {
    record = TracedFrame();
    record.snapshot = frame_snapshot(frame, false);
    if (!record.snapshot) return false;
  }
  // A resumed generator continues after its yield: a line event comes
  // only when the line changes from the yield's.
  if (!fresh) {
    record.last_index = frame->lasti();
    record.last_line = code_line_at(frame->code, record.last_index);
  }
  Ref snapshot = record.snapshot;
  if (g_thread.trace_function) {
    Ref result = call_hook(g_thread.trace_function, snapshot, "call", Value(), false);
    if (!result) return false;
    keep_local_trace(snapshot, result);
  }
  if (g_thread.profile_function) {
    if (!call_hook(g_thread.profile_function, snapshot, "call", Value(), true)) return false;
  }
  return true;
}

bool trace_next_instruction(Frame* frame) {
  if (!g_thread.trace_function || g_thread.in_trace_call) return true;
  TracedFrame* record = find_traced(frame);
  if (record == nullptr) return true;
  uint32_t index = uint32_t(frame->ip - frame->code->m_code.data());
  int line = code_line_at(frame->code, index);
  // As CPython's maybe_call_line_trace: a new line, or a jump back (but
  // not the one that repeats a SEND while awaiting).
  bool backward = record->last_index != UINT32_MAX && index <= record->last_index &&
                  unit_opcode(frame->code->m_code[index]) != SEND;
  bool fire = line >= 0 && (line != record->last_line || backward);
  record->last_index = index;
  record->last_line = line;
  if (!fire) return true;
  Value local = frame_snapshot_trace(record->snapshot);
  if (!local || !frame_snapshot_traces_lines(record->snapshot)) return true;
  Ref snapshot = record->snapshot;
  // The frame object shows the instruction about to run as the one being
  // run (f_lineno is the new line), as CPython's does during the event.
  const CodeUnit* ip = frame->ip;
  frame->ip = ip + 1;
  Ref result = call_hook(local, snapshot, "line", Value(), false);
  frame->ip = ip;
  if (!result) return false;
  keep_local_trace(snapshot, result);
  return true;
}

bool trace_frame_left(Frame* frame, Value result, bool suspending) {
  if (!tracing_wanted()) return true;
  TracedFrame* record = find_traced(frame);
  Ref snapshot = record ? record->snapshot : Ref();
  bool ok = with_exception_kept([&] {
    if (g_thread.trace_function && snapshot) {
      Value local = frame_snapshot_trace(snapshot);
      if (local && !call_hook(local, snapshot, "return", result, false)) return false;
    }
    if (g_thread.profile_function) {
      // The profile function sees every frame return, traced from its
      // start or not.
      if (!snapshot) snapshot = frame_snapshot(frame, false);
      if (!snapshot || !call_hook(g_thread.profile_function, snapshot, "return", result, true)) return false;
    }
    return true;
  });
  if (!suspending) traced_frames().erase(frame);
  return ok;
}

bool trace_exception_raised(Frame* frame) {
  if (!g_thread.trace_function || g_thread.in_trace_call) return true;
  TracedFrame* record = find_traced(frame);
  if (record == nullptr) return true;
  Ref snapshot = record->snapshot;
  Value local = frame_snapshot_trace(snapshot);
  Value exception = g_thread.current_exception.get();
  if (!local || !exception) return true;
  auto* e = exception.as<BaseExceptionObject>();
  Ref arg = make_tuple({Value(exception.type()), exception, e->m_traceback ? e->m_traceback.get() : none()});
  if (!arg) return false;
  return with_exception_kept([&] {
    Ref result = call_hook(local, snapshot, "exception", arg, false);
    if (!result) return false;
    keep_local_trace(snapshot, result);
    return true;
  });
}

bool trace_generator_returned(Frame* frame, Value result) {
  if (!g_thread.trace_function || g_thread.in_trace_call || frame->generator == nullptr) return true;
  bool coroutine = Value(frame->generator).type() == &coroutine_type;
  bool stops = (frame->return_kind == ReturnKind::Send && (coroutine || !is_none(result))) ||
               (frame->return_kind == ReturnKind::ForIter && !is_none(result));
  Frame* caller = frame->previous;
  if (!stops || caller == nullptr || find_traced(caller) == nullptr) return true;
  // StopIteration() for None, else StopIteration(result), as CPython's.
  Ref args = is_none(result) ? make_tuple({}) : make_tuple({result});
  if (!args) return false;
  Ref stop = make_exception(&stop_iteration_type, args);
  if (!stop) return false;
  raise_value(stop);
  if (!trace_exception_raised(caller)) return false;
  clear_exception();
  return true;
}

bool profiles_native_call(Value callable) {
  return g_thread.profile_function && !g_thread.in_trace_call && callable.type() == &builtin_function_type;
}

bool profile_native_event(Frame* frame, const char* event, Value callable) {
  if (!g_thread.profile_function || g_thread.in_trace_call) return true;
  TracedFrame* record = find_traced(frame);
  Ref snapshot = record ? record->snapshot : frame_snapshot(frame, false);
  if (!snapshot) return false;
  return with_exception_kept([&] {
    return static_cast<bool>(call_hook(g_thread.profile_function, snapshot, event, callable, true));
  });
}

Value traced_frame_snapshot(const Frame* frame) {
  if (traced_frames().empty()) return Value();
  TracedFrame* record = find_traced(frame);
  return record ? record->snapshot.get() : Value();
}

void trace_adopt_frame(Frame* frame, Value snapshot) {
  TracedFrame& record = traced_frames()[frame];
  if (record.snapshot && record.snapshot.get().is(snapshot)) return;
  record.snapshot = ref(snapshot);
  record.last_index = frame->lasti();
  record.last_line = code_line_at(frame->code, record.last_index);
}

}  // namespace coil
