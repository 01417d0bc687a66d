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
  // For async generators: hooks and the "running" flag of asend/athrow.
  bool m_closed_by_aclose = false;
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

}  // namespace coil
