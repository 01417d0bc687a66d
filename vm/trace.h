// sys.settrace and sys.setprofile (vm/trace.cpp): the events CPython 3.11
// sends a trace function ('call', 'line', 'return', 'exception') and a
// profile function ('call', 'return', and 'c_call', 'c_return',
// 'c_exception' around a call of a built-in function).
//
// Tracing costs nothing while it is off: the interpreter loop is compiled
// twice (vm/interpreter.cpp), and only its tracing instance calls the hooks
// below. run_frame picks the instance when it starts; setting a trace
// function raises the eval-breaker flag, which the plain instance already
// tests at calls and backward jumps, and there it hands the running frames
// over to the tracing instance. The tracing instance hands them back at the
// next instruction once no function is set.
#pragma once

#include "runtime/errors.h"
#include "runtime/object.h"

namespace coil {

struct Frame;

// sys.settrace / sys.setprofile: None removes the function.
bool set_trace_function(Value function);
bool set_profile_function(Value function);

// Whether the running thread wants events now: a function is set and none
// is being called (a trace function's own code is not traced).
inline bool tracing_wanted() {
  return (g_thread.trace_function || g_thread.profile_function) && !g_thread.in_trace_call;
}

// The hooks of the tracing loop, each false with an exception pending when
// a trace function raised (which also removes it, as CPython does).
// `frame` starts running or is resumed (a generator): the 'call' event.
bool trace_frame_entered(Frame* frame);
// The instruction at frame->ip is about to run: a 'line' event when it
// starts another line, or jumps back, in a frame with a local trace function.
bool trace_next_instruction(Frame* frame);
// `frame` returns `result` (null: it is left by an exception) or, with
// `suspending`, yields it: the 'return' event. An exception pending is kept
// unless the trace function raises another.
bool trace_frame_left(Frame* frame, Value result, bool suspending);
// The exception pending was raised in `frame` or passes through it: the
// 'exception' event, with (type, value, traceback).
bool trace_exception_raised(Frame* frame);
// A generator or coroutine frame returns `result` to the FOR_ITER or SEND
// that resumed it in its caller: the 'exception' event CPython's caller
// sees there for the StopIteration that carries the result (a coroutine's
// always, a generator's when it returns a value).
bool trace_generator_returned(Frame* frame, Value result);

// A call of a built-in function (`callable`) by `frame`, made by
// `call_native`: the profile function sees 'c_call' before it and
// 'c_return' or 'c_exception' after, with the function as the argument.
bool profiles_native_call(Value callable);
bool profile_native_event(Frame* frame, const char* event, Value callable);
template <class CallNative>
Ref call_profiled(Frame* frame, Value callable, CallNative&& call_native) {
  if (!profiles_native_call(callable)) return call_native();
  if (!profile_native_event(frame, "c_call", callable)) return {};
  Ref result = call_native();
  if (!profile_native_event(frame, result ? "c_return" : "c_exception", callable)) return {};
  return result;
}

// The frame object a traced frame's events carry, or null: sys._getframe
// gives the same one, so that setting its f_trace takes effect.
Value traced_frame_snapshot(const Frame* frame);
// Setting f_trace on a running frame's object: its lines are traced from
// now on (as pdb does with sys._getframe().f_back.f_trace).
void trace_adopt_frame(Frame* frame, Value snapshot);

// A frame object's f_trace (runtime/traceback.cpp).
Value frame_snapshot_trace(Value snapshot);
bool frame_snapshot_traces_lines(Value snapshot);
void frame_snapshot_set_trace(Value snapshot, Value function);

}  // namespace coil
