// The interpreter (vm/interpreter.cpp): frames, the dispatch loop, calls of
// Python functions, generators and coroutines (DESIGN §3 "Frames and
// coroutines").
//
// A Python call made by Python code pushes a frame and continues in the
// same C++ loop; only native code calling back into Python (a sort key, a
// __repr__) re-enters run_frame, and that re-entry counts towards the
// recursion limit together with the frames.
#pragma once

#include <cstdint>

#include "runtime/object.h"
#include "runtime/type.h"
#include "vm/code.h"

namespace coil {

struct GeneratorObject;

// How a frame's return is delivered to its caller.
enum class ReturnKind : uint8_t {
  Normal,   // push the value and continue after the CALL
  ForIter,  // a generator resumed by FOR_ITER: on return, pop the iterator and jump
  Send,     // a generator resumed by SEND: on return, replace the receiver and jump
  Entry,    // leave run_frame with the value
};

// Where a frame's memory comes from, and so how it is given back.
enum class FrameHome : uint8_t {
  Stack,      // the frame stack (vm/interpreter.cpp): plain calls
  Generator,  // inside the generator object that owns it (runtime/generator.cpp)
};

struct Frame {
  Frame* previous;          // the frame this one returns to
  CodeObject* code;         // held by m_function, or by the frame for module code
  Ref function;             // the function being run (null for module and exec code)
  Ref globals;              // dict
  Ref builtins;             // dict
  Ref locals;               // the namespace of module and class bodies (null in functions)
  GeneratorObject* generator = nullptr;  // the generator owning this frame, if any
  const CodeUnit* ip;       // the next instruction
  Value* stack_top;         // one past the topmost stack value
  uint32_t return_target = 0;  // with ReturnKind ForIter/Send: the caller's jump target
  ReturnKind return_kind = ReturnKind::Normal;
  FrameHome home = FrameHome::Stack;
  // localsplus (locals, cells, frees) then the value stack.
  Value slots[];

  Value* localsplus() { return slots; }
  Value* stack_base() { return slots + code->localsplus_count(); }
  // The index of the instruction being run (or last run).
  uint32_t lasti() const { return uint32_t(ip - code->m_code.data()) - 1; }
};

// Runs `entry` (and every frame it calls) until it returns, or yields when
// it belongs to a generator. The frame is freed when done, unless a
// generator owns it.
Ref run_frame(Frame* entry, bool throwing = false);
// Resumes a suspended generator frame by raising the pending exception at
// its point of suspension (generator.throw()).
inline Ref resume_with_exception(Frame* frame) { return run_frame(frame, true); }
void free_frame(Frame* frame);

// Calls a Python function with vectorcall arguments.
Ref call_function(Value function, const Value* args, size_t nargs, TupleObject* kwnames);

// Runs module-level (or exec/eval) code in `globals` with `locals` (which
// may be the same dict). `builtins` is the builtins module's dict.
Ref run_code(Value code, Value globals, Value locals);

// The globals of the innermost Python frame running, or null.
Value current_globals();
// locals() of the innermost frame: its namespace for module and class
// bodies, a new dict of the local variables in functions.
Ref current_locals();
// The same for any frame.
Ref frame_locals_dict(Frame* frame);
// Runs a class body (the function __build_class__ gets) with `ns` as its
// namespace; returns what the body returns (its __class__ cell or None).
Ref run_class_body(Value function, Value ns);

// The object a suspended generator frame delegates to — the receiver of
// the `yield from` or `await` it is suspended in — or null.
Value frame_delegate(const Frame* frame);
// Ends that delegation with the delegate's return value `result`, as SEND
// does when the receiver returns: the frame continues after the loop with
// `result` in place of the receiver when next resumed (without a sent value).
void frame_finish_delegation(Frame* frame, Ref result);

// Resumes a generator or coroutine with `value` (None to start it) as
// send() does; `exception` (if given) is thrown in instead. Returns the
// yielded value with `returned` false, or the return value with `returned`
// true, or null with an exception pending.
Ref generator_resume(GeneratorObject* generator, Value value, bool& returned, Value exception = Value());

// The frame stack (plain calls' frames) of a thread that does not hold the
// GIL (runtime/threads.h): swapped with the running thread's on hand-off.
struct FrameStackState {
  void* chunk = nullptr;
  void* spare_chunk = nullptr;
  char* top = nullptr;
};
void swap_frame_stack(FrameStackState& state);
// Frees the running thread's frame stack, empty by then (its thread ends).
void release_frame_stack();

// The builtins dict every module gets (set when the builtins module is made).
extern Ref g_builtins_dict;

}  // namespace coil
