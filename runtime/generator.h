// Generators, coroutines and async generators (runtime/generator.cpp): one
// object type family owning a suspended frame (DESIGN §3).
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct Frame;

enum class GeneratorState : uint8_t { Created, Suspended, Running, Finished };

struct GeneratorObject : Object {
  Frame* m_frame;        // owned; freed when the generator finishes
  Ref m_code;
  Ref m_name;
  Ref m_qualname;
  GeneratorState m_state;
  // The exception being handled inside the generator's own `except`
  // blocks, kept while it is suspended (swapped with the thread's on resume).
  Ref m_handled_exception;
  // Async generators: an asend/athrow awaitable is running it; aclose()
  // or exhaustion closed it; the hooks (sys.set_asyncgen_hooks) were
  // consulted on first use, and the finalizer they gave; the loop whose
  // firstiter hook tracks it (see runtime/loop/).
  bool m_running_async = false;
  bool m_ag_closed = false;
  bool m_hooks_inited = false;
  Ref m_finalizer;
  Ref m_tracking_loop;
};

extern Type generator_type, coroutine_type, async_generator_type;

// A new generator (or coroutine / async generator, by the code's flags)
// that takes ownership of `frame`.
Ref make_generator(Frame* frame, Value function);

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
