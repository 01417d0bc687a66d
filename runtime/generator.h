// Generators, coroutines and async generators (runtime/generator.cpp): one
// object type family owning a suspended frame (DESIGN §3).
#pragma once

#include "runtime/errors.h"
#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct Frame;
struct CodeObject;
struct TaskObject;

// g_thread.stepping_task is the task whose step is resuming its coroutine
// on this thread (task_step, runtime/loop/future.cpp), or null. Code that
// drives a coroutine by hand — the Python-level send() and throw() of
// coroutines and their awaitables — clears it for the call (ManualDrive): a
// primitive's wait (runtime/loop/locks.cpp) parks the task itself, without
// a future, only when what it yields goes straight up to that task.
class ManualDrive {
 public:
  ManualDrive() : m_saved(g_thread.stepping_task) { g_thread.stepping_task = nullptr; }
  ~ManualDrive() { g_thread.stepping_task = m_saved; }
  ManualDrive(const ManualDrive&) = delete;
  ManualDrive& operator=(const ManualDrive&) = delete;

 private:
  TaskObject* m_saved;
};

enum class GeneratorState : uint8_t { Created, Suspended, Running, Finished };

struct GeneratorObject : Object {
  Frame* m_frame;        // its frame, which follows this body; null once finished
  Ref m_code;
  // The function's __name__ and __qualname__ when it was called, as a
  // 2-tuple; null when they are the code's, as nearly always.
  Ref m_names;
  // The exception being handled inside the generator's own `except`
  // blocks, kept while it is suspended (swapped with the thread's on resume).
  Ref m_handled_exception;
  GeneratorState m_state;
  // Async generators: an asend/athrow awaitable is running it; aclose()
  // or exhaustion closed it; the hooks (sys.set_asyncgen_hooks) were
  // consulted on first use, and the finalizer they gave; the loop whose
  // firstiter hook tracks it (see runtime/loop/).
  bool m_running_async = false;
  bool m_ag_closed = false;
  bool m_hooks_inited = false;
  uint32_t m_frame_bytes = 0;  // the room for the frame after this body
};

// What only async generators hold, after the frame's room (an async
// generator's block is that much longer).
struct AsyncGenHooks {
  Ref finalizer;      // from sys.set_asyncgen_hooks, called when it is dropped unfinished
  Ref tracking_loop;  // the loop whose firstiter hook tracks it
};
inline AsyncGenHooks& async_gen_hooks(GeneratorObject* g) {
  return *reinterpret_cast<AsyncGenHooks*>(reinterpret_cast<char*>(g + 1) + g->m_frame_bytes);
}

// __name__ and __qualname__.
Value generator_name(const GeneratorObject* g);
Value generator_qualname(const GeneratorObject* g);

extern Type generator_type, coroutine_type, async_generator_type;

// Memory for the frame (`bytes` long) of a generator, coroutine or async
// generator running `code`, inside a new generator object that owns it and
// becomes the frame's `generator` (vm/interpreter.cpp constructs the
// frame); null when out of memory.
void* allocate_generator_frame(CodeObject* code, size_t bytes);
// The generator owning `frame` (from allocate_generator_frame), made ready
// to run with the names of `function` (or of the code); the caller gets
// the reference allocate_generator_frame made.
Ref make_generator(Frame* frame, Value function);
// Gives back a generator's frame before make_generator (binding the call's
// arguments failed): the generator goes too, without a "never awaited".
void discard_generator_frame(Frame* frame);

// The exception throw(type[, value[, traceback]]) raises, as the throw()
// of generators and coroutines (and what stands for them) makes it; null
// with TypeError pending for a bad call.
Ref thrown_exception(Args args);

inline bool is_generator_like(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.type();
  return t == &generator_type || t == &coroutine_type || t == &async_generator_type;
}

// Frees a generator's frame and its values.
void generator_clear_frame(GeneratorObject* generator);

// PEP 479: a StopIteration escaping a generator (or StopAsyncIteration an
// async generator) becomes RuntimeError, with the original as its cause.
void convert_stop_iteration(GeneratorObject* generator);

// The iterator `await v` drives (GET_AWAITABLE); `where` 1/2 words the
// error for __aenter__/__aexit__ results.
Ref get_awaitable_iterator(Value v, int where);
Ref get_async_iterator(Value v);  // GET_AITER
Ref get_async_next(Value aiter);  // GET_ANEXT
Ref async_gen_wrap(Value v);      // ASYNC_GEN_WRAP

// sys.get_asyncgen_hooks() / sys.set_asyncgen_hooks(): the hooks in force
// (null when unset).
extern Ref g_asyncgen_firstiter;
extern Ref g_asyncgen_finalizer;
Ref make_asyncgen_hooks(Value firstiter, Value finalizer);
// sys.get_asyncgen_hooks and sys.set_asyncgen_hooks.
extern const struct MethodDef kAsyncGenHookFunctions[];
// anext(aiterator, default)'s awaitable around `awaitable` (__anext__()'s).
Ref make_anext_awaitable(Value awaitable, Value default_value);
// The awaitable agen.aclose() returns.
Ref async_gen_aclose(Value agen);
// Called when an async generator tracked by `loop` goes away.
void loop_forget_async_gen(Value loop, GeneratorObject* agen);

}  // namespace coil
