// Generators, coroutines and async generators (runtime/generator.h).
//
// Each owns the frame of its code. Resuming from Python code (FOR_ITER,
// SEND) links that frame into the running chain without C++ recursion
// (vm/interpreter.cpp); resuming from C++ (next(), send(), throw(),
// close()) runs it with run_frame as an Entry frame.
#include "runtime/generator.h"

#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/function.h"
#include "runtime/gc_visit.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/warnings.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace coil {

Value generator_name(const GeneratorObject* g) {
  return g->m_names ? tuple_item(g->m_names, 0) : g->m_code.as<CodeObject>()->m_name.get();
}
Value generator_qualname(const GeneratorObject* g) {
  return g->m_names ? tuple_item(g->m_names, 1) : g->m_code.as<CodeObject>()->m_qualname.get();
}

namespace {

const char* kind_name(Value v) {
  Type* t = v.type();
  return t == &coroutine_type ? "coroutine" : t == &async_generator_type ? "async generator" : "generator";
}

Ref generator_repr(Value self) {
  auto* g = self.as<GeneratorObject>();
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(self.as_object()));
  return make_str("<" + std::string(kind_name(self)) + " object " + std::string(str_view(generator_qualname(g))) +
                  " at " + address + ">");
}

size_t generator_instance_size(const Object* object) {
  size_t hooks = object->m_type == &async_generator_type ? sizeof(AsyncGenHooks) : 0;
  return sizeof(GeneratorObject) + static_cast<const GeneratorObject*>(object)->m_frame_bytes + hooks;
}

void generator_destroy(Object* object) {
  auto* g = static_cast<GeneratorObject*>(object);
  if (object->m_type == &async_generator_type) {
    AsyncGenHooks& hooks = async_gen_hooks(g);
    if (hooks.tracking_loop) loop_forget_async_gen(hooks.tracking_loop, g);
    hooks.~AsyncGenHooks();
  }
  generator_clear_frame(g);
  g->~GeneratorObject();
}

Ref generator_close(Value self, Args);

// As CPython's _PyGen_Finalize: a coroutine dropped before it ran warns
// "never awaited"; a generator or coroutine dropped while suspended is
// closed, so its `finally` blocks and `with` exits run, and one that never
// started is closed too (which frees its frame: a cycle through the
// arguments is gone after finalization, as in CPython). An error from
// closing is reported as unraisable.
void generator_finalize(Object* object) {
  auto* g = static_cast<GeneratorObject*>(object);
  Value self(object);
  if (g->m_state == GeneratorState::Created && self.type() == &coroutine_type) {
    Ref saved = fetch_exception();
    warn_at_current_frame(&runtime_warning_type,
                          "coroutine '" + std::string(str_view(generator_qualname(g))) + "' was never awaited", self);
    restore_exception(std::move(saved));
    return;
  }
  if (self.type() == &async_generator_type && async_gen_hooks(g).finalizer && g->m_state != GeneratorState::Finished &&
      !g->m_ag_closed) {
    // The finalizer hook (asyncio's schedules aclose() on its loop).
    Ref saved = fetch_exception();
    Ref finalizer = std::move(async_gen_hooks(g).finalizer);
    if (!call(finalizer, {self})) {
      Ref error = fetch_exception();
      write_unraisable(finalizer, error);
    }
    restore_exception(std::move(saved));
    return;
  }
  if (g->m_state == GeneratorState::Created) {
    g->m_state = GeneratorState::Finished;
    generator_clear_frame(g);
    return;
  }
  if (g->m_state != GeneratorState::Suspended) return;
  Ref saved = fetch_exception();
  if (!generator_close(self, Args{})) {
    Ref error = fetch_exception();
    write_unraisable(self, error);
  }
  restore_exception(std::move(saved));
}

void generator_traverse(Object* object, VisitFn visit, void* context) {
  visit_generator(static_cast<GeneratorObject*>(object), [&](Value v) { visit(v, context); });
}

// For the cycle collector, after finalization (which closed a suspended
// generator): what is left of the frame goes, and the generator counts as
// finished.
void generator_clear(Object* object) {
  auto* g = static_cast<GeneratorObject*>(object);
  if (g->m_state == GeneratorState::Running) return;
  g->m_state = GeneratorState::Finished;
  generator_clear_frame(g);
  Ref handled = std::move(g->m_handled_exception);
  if (object->m_type == &async_generator_type) async_gen_hooks(g).finalizer.reset();
}

Ref generator_iter(Value self) { return ref(self); }

Ref generator_iternext(Value self) {
  bool returned;
  Ref result = generator_resume(self.as<GeneratorObject>(), none(), returned);
  if (!result) return {};
  if (returned) {
    if (is_none(result)) return {};  // exhausted
    raise_with(&stop_iteration_type, result);
    return {};
  }
  return result;
}

// send()/throw() as Python sees them: the return value becomes StopIteration.
Ref finish(Ref result, bool returned) {
  if (!result) return {};
  if (returned) {
    if (is_none(result)) return raise_with(&stop_iteration_type, Value());
    return raise_with(&stop_iteration_type, result);
  }
  return result;
}

Ref generator_send(Value self, Args args) {
  ManualDrive manual;
  bool returned;
  Ref result = generator_resume(self.as<GeneratorObject>(), args[0], returned);
  return finish(std::move(result), returned);
}

}  // namespace

Ref thrown_exception(Args args) {
  if (!check_positional("throw", args, 1, 3)) return {};
  Value type = args[0];
  Ref exception;
  if (is_exception_type(type)) {
    Value arg = args.count > 1 && !is_none(args[1]) ? args[1] : Value();
    if (arg && is_exception_instance(arg)) {
      exception = ref(arg);
    } else {
      exception = arg ? (is_tuple(arg) ? call_with_tuple(type, arg, Value()) : call(type, {arg}))
                      : call(type, nullptr, 0);
      if (!exception) return {};
    }
  } else if (is_exception_instance(type)) {
    if (args.count > 1 && !is_none(args[1])) {
      return raise(&type_error_type, "instance exception may not have a separate value");
    }
    exception = ref(type);
  } else {
    return raise_format(&type_error_type,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        value_type_name(type).data());
  }
  if (args.count > 2 && !is_none(args[2])) {
    if (args[2].type() != &traceback_type) return raise(&type_error_type, "throw() third argument must be a traceback object");
    exception.as<BaseExceptionObject>()->m_traceback = ref(args[2]);
  }
  return exception;
}

namespace {

Ref generator_throw(Value self, Args args) {
  Ref exception = thrown_exception(args);
  if (!exception) return {};
  ManualDrive manual;
  if (self.type() == &coroutine_type && self.as<GeneratorObject>()->m_state == GeneratorState::Finished) {
    // As CPython: an exhausted coroutine refuses what is thrown in too.
    return raise(&runtime_error_type, "cannot reuse already awaited coroutine");
  }
  bool returned;
  Ref result = generator_resume(self.as<GeneratorObject>(), none(), returned, exception);
  return finish(std::move(result), returned);
}

Ref generator_close(Value self, Args) {
  auto* g = self.as<GeneratorObject>();
  if (g->m_state == GeneratorState::Created) {
    g->m_state = GeneratorState::Finished;
    generator_clear_frame(g);
    return new_none();
  }
  if (g->m_state == GeneratorState::Finished) return new_none();
  Ref exit = call(Value(&generator_exit_type), nullptr, 0);
  if (!exit) return {};
  bool returned;
  Ref result = generator_resume(g, none(), returned, exit);
  if (result) {
    if (returned) return new_none();
    return raise_format(&runtime_error_type, "%s ignored GeneratorExit", kind_name(self));
  }
  if (exception_matches(&generator_exit_type) || exception_matches(&stop_iteration_type)) {
    clear_exception();
    return new_none();
  }
  return {};
}

Ref get_name(Value self) { return ref(generator_name(self.as<GeneratorObject>())); }
Ref get_qualname(Value self) { return ref(generator_qualname(self.as<GeneratorObject>())); }
Ref get_code(Value self) { return self.as<GeneratorObject>()->m_code; }
Ref get_running(Value self) { return new_bool(self.as<GeneratorObject>()->m_state == GeneratorState::Running); }
Ref get_suspended(Value self) { return new_bool(self.as<GeneratorObject>()->m_state == GeneratorState::Suspended); }
// gi_frame/cr_frame/ag_frame: the frame until the generator finishes.
Ref get_frame(Value self) {
  auto* g = self.as<GeneratorObject>();
  if (g->m_state == GeneratorState::Finished || g->m_frame == nullptr) return new_none();
  return frame_snapshot(g->m_frame, false);
}
Ref get_yieldfrom(Value self) {
  auto* g = self.as<GeneratorObject>();
  if (g->m_state != GeneratorState::Suspended) return new_none();
  Value delegate = frame_delegate(g->m_frame);
  return delegate ? ref(delegate) : new_none();
}

const MethodDef kGeneratorMethods[] = {
    {"send", generator_send, ArgKind::OneArg},
    {"throw", generator_throw, ArgKind::VarArgs},
    {"close", generator_close, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};
const GetSetDef kGeneratorGetSet[] = {
    {"__name__", get_name}, {"__qualname__", get_qualname}, {"gi_code", get_code},
    {"gi_running", get_running}, {"gi_suspended", get_suspended}, {"gi_frame", get_frame},
    {"gi_yieldfrom", get_yieldfrom}, {nullptr, nullptr},
};
const GetSetDef kCoroutineGetSet[] = {
    {"__name__", get_name}, {"__qualname__", get_qualname}, {"cr_code", get_code},
    {"cr_running", get_running}, {"cr_suspended", get_suspended}, {"cr_frame", get_frame},
    {"cr_await", get_yieldfrom}, {nullptr, nullptr},
};

// coroutine.__await__(): an iterator over the coroutine (CPython's
// coroutine_wrapper). coil returns the coroutine itself wrapped so that
// `yield from` and SEND drive it.
struct CoroutineWrapperObject : Object {
  Ref m_coroutine;
};
Type coroutine_wrapper_type;

Ref coroutine_await(Value self, Args) {
  Object* object = allocate_object(&coroutine_wrapper_type);
  if (object == nullptr) return raise_no_memory();
  static_cast<CoroutineWrapperObject*>(object)->m_coroutine = ref(self);
  return Ref::steal(object);
}
Ref wrapper_iternext(Value self) { return generator_iternext(self.as<CoroutineWrapperObject>()->m_coroutine); }
Ref wrapper_send(Value self, Args args) { return generator_send(self.as<CoroutineWrapperObject>()->m_coroutine, args); }
Ref wrapper_throw(Value self, Args args) { return generator_throw(self.as<CoroutineWrapperObject>()->m_coroutine, args); }
Ref wrapper_close(Value self, Args args) { return generator_close(self.as<CoroutineWrapperObject>()->m_coroutine, args); }
void wrapper_destroy(Object* object) { static_cast<CoroutineWrapperObject*>(object)->~CoroutineWrapperObject(); }
void wrapper_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<CoroutineWrapperObject*>(object)->m_coroutine, context);
}
const MethodDef kWrapperMethods[] = {
    {"send", wrapper_send, ArgKind::OneArg},
    {"throw", wrapper_throw, ArgKind::VarArgs},
    {"close", wrapper_close, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kCoroutineMethods[] = {
    {"send", generator_send, ArgKind::OneArg},
    {"throw", generator_throw, ArgKind::VarArgs},
    {"close", generator_close, ArgKind::NoArgs},
    {"__await__", coroutine_await, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Type generator_type, coroutine_type, async_generator_type;

static struct GeneratorTypesSetup {
  GeneratorTypesSetup() {
    for (Type* t : {&generator_type, &coroutine_type, &async_generator_type}) {
      t->m_size = sizeof(GeneratorObject);
      t->m_instance_size = generator_instance_size;
      t->m_flags = kTypeHasGC;
      t->m_repr = generator_repr;
      t->m_destroy = generator_destroy;
      t->m_finalize = generator_finalize;
      t->m_traverse = generator_traverse;
      t->m_clear = generator_clear;
    }
    generator_type.m_tp_name = "generator";
    generator_type.m_iter = generator_iter;
    generator_type.m_iternext = generator_iternext;
    generator_type.m_methods = kGeneratorMethods;
    generator_type.m_getset = kGeneratorGetSet;
    coroutine_type.m_tp_name = "coroutine";
    coroutine_type.m_methods = kCoroutineMethods;
    coroutine_type.m_getset = kCoroutineGetSet;
    async_generator_type.m_tp_name = "async_generator";
    coroutine_wrapper_type.m_tp_name = "coroutine_wrapper";
    coroutine_wrapper_type.m_size = sizeof(CoroutineWrapperObject);
    coroutine_wrapper_type.m_flags = kTypeHasGC;
    coroutine_wrapper_type.m_iter = generator_iter;
    coroutine_wrapper_type.m_iternext = wrapper_iternext;
    coroutine_wrapper_type.m_methods = kWrapperMethods;
    coroutine_wrapper_type.m_destroy = wrapper_destroy;
    coroutine_wrapper_type.m_traverse = wrapper_traverse;
  }
} generator_types_setup;
COIL_REGISTER_TYPE(generator_type);
COIL_REGISTER_TYPE(coroutine_type);
COIL_REGISTER_TYPE(async_generator_type);
COIL_REGISTER_TYPE(coroutine_wrapper_type);

void* allocate_generator_frame(CodeObject* code, size_t bytes) {
  Type* type = (code->m_flags & (kCodeCoroutine | kCodeTopLevelAwait)) ? &coroutine_type
               : (code->m_flags & kCodeAsyncGenerator) ? &async_generator_type
                                                       : &generator_type;
  size_t hooks = type == &async_generator_type ? sizeof(AsyncGenHooks) : 0;
  Object* object = allocate_sized_object(type, sizeof(GeneratorObject) + bytes + hooks);
  if (object == nullptr) return nullptr;
  auto* g = construct_body<GeneratorObject>(object);
  g->m_frame_bytes = uint32_t(bytes);
  if (hooks != 0) new (&async_gen_hooks(g)) AsyncGenHooks;
  g->m_state = GeneratorState::Finished;  // until make_generator: nothing to finalize
  auto* frame = reinterpret_cast<Frame*>(g + 1);
  g->m_frame = frame;
  return frame;
}

Ref make_generator(Frame* frame, Value function) {
  CodeObject* code = frame->code;
  auto* g = reinterpret_cast<GeneratorObject*>(frame) - 1;
  frame->generator = g;
  g->m_code = ref(Value(code));
  if (function && is_function(function)) {
    // The function's names as they are now (__name__ may have been set).
    auto* f = function.as<FunctionObject>();
    Value name = f->m_name ? f->m_name.get() : code->m_name.get();
    Value qualname = f->m_qualname ? f->m_qualname.get() : code->m_qualname.get();
    if (!name.is(code->m_name.get()) || !qualname.is(code->m_qualname.get())) {
      g->m_names = make_tuple({name, qualname});
      if (!g->m_names) {
        clear_exception();  // out of memory: the code's names will do
      }
    }
  }
  g->m_state = GeneratorState::Created;
  return Ref::steal(g);
}

void discard_generator_frame(Frame* frame) {
  auto* g = reinterpret_cast<GeneratorObject*>(frame) - 1;
  frame->generator = g;
  generator_clear_frame(g);
  decref(Value(g));
}

void generator_clear_frame(GeneratorObject* generator) {
  Frame* frame = generator->m_frame;
  if (frame == nullptr) return;
  generator->m_frame = nullptr;
  frame->generator = nullptr;
  // The frame's memory is the generator's: keep the generator alive while
  // the frame's values go (one of them may hold its last reference).
  Ref keep = ref(Value(generator));
  free_frame(frame);
}

namespace {

// Resumes a suspended frame without a sent value (its stack is ready).
Ref resume_frame(GeneratorObject* g, Frame* frame, bool& returned) {
  frame->return_kind = ReturnKind::Entry;
  g->m_state = GeneratorState::Running;
  std::swap(g->m_handled_exception, g_thread.handled_exception);
  Ref result = run_frame(frame);
  returned = g->m_state == GeneratorState::Finished && result;
  return result;
}

// close() of a delegate: generators and coroutines directly, anything
// else through its `close` method if it has one. False with an exception
// pending if closing raised.
bool close_delegate(Value delegate) {
  if (is_generator_like(delegate)) return static_cast<bool>(generator_close(delegate, Args{}));
  bool found;
  Ref close = lookup_attr(delegate, intern_static("close"), found);
  if (!close) return !error_pending();
  return static_cast<bool>(call(close, nullptr, 0));
}

// Passes a thrown exception on to the delegate `g` is suspended in. Returns
// false if the exception is for `g`'s own frame instead (GeneratorExit after
// closing the delegate, or a delegate without `throw`); otherwise the
// delegate's answer: a yielded value, its return value (`returned`), or
// null with the exception it raised pending.
bool throw_into_delegate(GeneratorObject* g, Ref delegate, Ref& thrown, Ref& result, bool& returned) {
  returned = false;
  GeneratorState saved = g->m_state;
  g->m_state = GeneratorState::Running;  // re-entering g meanwhile is an error
  if (isinstance(thrown, &generator_exit_type)) {
    if (!close_delegate(delegate)) thrown = fetch_exception();
    g->m_state = saved;
    return false;
  }
  if (is_generator_like(delegate)) {
    result = generator_resume(delegate.as<GeneratorObject>(), none(), returned, thrown);
  } else {
    bool found;
    Ref method = lookup_attr(delegate, intern_static("throw"), found);
    if (!method) {
      g->m_state = saved;
      if (error_pending()) thrown = fetch_exception();
      return false;
    }
    result = call(method, {thrown.get()});
    if (!result && exception_matches(&stop_iteration_type)) {
      Ref stop = fetch_exception();
      Value v = stop.as<BaseExceptionObject>()->m_value.get();
      result = v ? ref(v) : new_none();
      returned = true;
    }
  }
  g->m_state = saved;
  return true;
}

}  // namespace

Ref generator_resume(GeneratorObject* g, Value value, bool& returned, Value exception) {
  returned = false;
  Value self(g);
  switch (g->m_state) {
    case GeneratorState::Running:
      return raise_format(&value_error_type, "%s already executing", kind_name(self));
    case GeneratorState::Finished:
      if (exception) {
        raise_value(exception);
        return {};
      }
      if (self.type() == &coroutine_type) {
        return raise(&runtime_error_type, "cannot reuse already awaited coroutine");
      }
      returned = true;
      return new_none();
    case GeneratorState::Created:
      if (!exception && !is_none(value)) {
        return raise_format(&type_error_type, "can't send non-None value to a just-started %s",
                            kind_name(self));
      }
      break;
    case GeneratorState::Suspended:
      break;
  }
  Frame* frame = g->m_frame;
  bool was_suspended = g->m_state == GeneratorState::Suspended;
  Ref keep_alive = ref(self);
  if (exception) {
    // Throw: the exception is raised at the point of suspension.
    if (!was_suspended) {
      g->m_state = GeneratorState::Finished;
      generator_clear_frame(g);
      raise_value(exception);
      return {};
    }
    Ref thrown = ref(exception);
    if (Value delegate = frame_delegate(frame)) {
      // Suspended in `yield from`/`await`: the delegate gets the exception
      // first, as CPython's gen_throw.
      Ref inner_result;
      bool delegated = throw_into_delegate(g, ref(delegate), thrown, inner_result, returned);
      if (delegated) {
        if (inner_result && !returned) return inner_result;  // the delegate yielded
        if (inner_result) {
          // The delegate returned: the frame continues after its loop.
          returned = false;
          frame_finish_delegation(frame, std::move(inner_result));
          return resume_frame(g, frame, returned);
        }
        thrown = fetch_exception();  // the delegate raised: raise that here
      }
    }
    frame->return_kind = ReturnKind::Entry;
    g->m_state = GeneratorState::Running;
    std::swap(g->m_handled_exception, g_thread.handled_exception);
    restore_exception(std::move(thrown));
    Ref result = resume_with_exception(frame);
    returned = g->m_state == GeneratorState::Finished && result;
    return result;
  }
  if (was_suspended) *frame->stack_top++ = ref(value).release();
  frame->return_kind = ReturnKind::Entry;
  g->m_state = GeneratorState::Running;
  std::swap(g->m_handled_exception, g_thread.handled_exception);
  Ref result = run_frame(frame);
  if (!result && g->m_state == GeneratorState::Running) {
    // run_frame refused to start (recursion limit): nothing ran.
    std::swap(g->m_handled_exception, g_thread.handled_exception);
    if (was_suspended) decref(*--frame->stack_top);
    g->m_state = was_suspended ? GeneratorState::Suspended : GeneratorState::Created;
    return {};
  }
  returned = g->m_state == GeneratorState::Finished && result;
  return result;
}

void convert_stop_iteration(GeneratorObject* g) {
  Value self(g);
  bool is_async = self.type() == &async_generator_type;
  Type* converted = is_async ? &stop_async_iteration_type : &stop_iteration_type;
  if (!exception_matches(&stop_iteration_type) && !(is_async && exception_matches(&stop_async_iteration_type))) {
    return;
  }
  if (!exception_matches(converted) && !exception_matches(&stop_iteration_type)) return;
  Ref original = fetch_exception();
  const char* message = self.type() == &coroutine_type ? "coroutine raised StopIteration"
                        : is_async && isinstance(original, &stop_async_iteration_type)
                            ? "async generator raised StopAsyncIteration"
                        : is_async ? "async generator raised StopIteration"
                                   : "generator raised StopIteration";
  raise(&runtime_error_type, message);
  Ref replacement = fetch_exception();
  auto* e = replacement.as<BaseExceptionObject>();
  e->m_cause = original;
  e->m_context = original;
  e->m_suppress_context = true;
  restore_exception(std::move(replacement));
}

Ref get_awaitable_iterator(Value v, int where) {
  if (v.type() == &coroutine_type) {
    auto* g = v.as<GeneratorObject>();
    if (g->m_state == GeneratorState::Running) {
      return raise(&runtime_error_type, "coroutine is being awaited already");
    }
    return ref(v);
  }
  if (v.type() == &generator_type && (v.as<GeneratorObject>()->m_code.as<CodeObject>()->m_flags & kCodeIterableCoroutine)) {
    return ref(v);
  }
  Value await_method = type_lookup(v.type(), "__await__");
  if (!await_method) {
    if (where == 1) {
      return raise_format(&type_error_type,
                          "'async with' received an object from __aenter__ that does not implement __await__: %s",
                          value_type_name(v).data());
    }
    if (where == 2) {
      return raise_format(&type_error_type,
                          "'async with' received an object from __aexit__ that does not implement __await__: %s",
                          value_type_name(v).data());
    }
    return raise_format(&type_error_type, "object %s can't be used in 'await' expression",
                        value_type_name(v).data());
  }
  Ref iterator = call_type_attribute(await_method, v, {});
  if (!iterator) return {};
  if (iterator.type() == &coroutine_type) {
    return raise(&type_error_type, "__await__() returned a coroutine");
  }
  if (iterator.type()->m_iternext == nullptr) {
    return raise_format(&type_error_type, "__await__() returned non-iterator of type '%s'",
                        value_type_name(iterator).data());
  }
  return iterator;
}

Ref get_async_iterator(Value v) {
  Value method = type_lookup(v.type(), "__aiter__");
  if (!method) {
    return raise_format(&type_error_type, "'async for' requires an object with __aiter__ method, got %s",
                        value_type_name(v).data());
  }
  Ref it = call_method(v, "__aiter__", {});
  if (!it) return {};
  if (!type_lookup(it.type(), "__anext__")) {
    return raise_format(&type_error_type,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        value_type_name(it).data());
  }
  return it;
}

Ref get_async_next(Value aiter) {
  if (!type_lookup(aiter.type(), "__anext__")) {
    return raise_format(&type_error_type, "'async for' requires an iterator with __anext__ method, got %s",
                        value_type_name(aiter).data());
  }
  Ref awaitable = call_method(aiter, "__anext__", {});
  if (!awaitable) return {};
  Ref it = get_awaitable_iterator(awaitable, 0);
  if (!it) {
    if (exception_matches(&type_error_type)) {
      clear_exception();
      return raise_format(&type_error_type,
                          "'async for' received an invalid object from __anext__: %s",
                          value_type_name(awaitable).data());
    }
    return {};
  }
  return it;
}

// --- Async generators ---------------------------------------------------------
//
// As CPython's: `yield v` inside an async generator yields v wrapped
// (ASYNC_GEN_WRAP), so that the awaitables asend()/athrow() can tell the
// generator's own values (which end the await with StopIteration(v)) from
// what its inner awaits yield to the event loop (passed through).

Ref g_asyncgen_firstiter;
Ref g_asyncgen_finalizer;

namespace {

struct WrappedValueObject : Object {
  Ref m_value;
};
Type wrapped_value_type;

bool is_wrapped(Value v) { return v && v.is_object() && v.type() == &wrapped_value_type; }

enum class AwaitableState : uint8_t { Init, Iter, Closed };

// asend()/__anext__() (m_athrow false) and athrow()/aclose() (m_athrow
// true; m_args null for aclose).
struct AsyncGenAwaitableObject : Object {
  Ref m_gen;
  Ref m_value;  // asend: the value to send; athrow: the exception
  AwaitableState m_state;
  bool m_athrow;
  bool m_aclose;
};
Type asend_type, athrow_type;

GeneratorObject* agen_of(Value awaitable) { return awaitable.as<AsyncGenAwaitableObject>()->m_gen.as<GeneratorObject>(); }

// The first use consults the hooks: firstiter is called with the
// generator, and the finalizer is kept for when it goes away.
bool init_hooks(GeneratorObject* g) {
  if (g->m_hooks_inited) return true;
  g->m_hooks_inited = true;
  if (g_asyncgen_finalizer) async_gen_hooks(g).finalizer = g_asyncgen_finalizer;
  if (g_asyncgen_firstiter) {
    Ref firstiter = g_asyncgen_firstiter;
    if (!call(firstiter, {Value(g)})) return false;
  }
  return true;
}

// CPython's async_gen_unwrap: a wrapped value ends the awaitable with
// StopIteration(value); the generator's end is StopAsyncIteration.
Ref unwrap(GeneratorObject* g, Ref result, bool returned) {
  if (!result) {
    if (exception_matches(&stop_async_iteration_type) || exception_matches(&generator_exit_type)) {
      g->m_ag_closed = true;
    }
    g->m_running_async = false;
    return {};
  }
  if (returned) {
    g->m_ag_closed = true;
    g->m_running_async = false;
    return raise_with(&stop_async_iteration_type, Value()), Ref();
  }
  if (is_wrapped(result)) {
    g->m_running_async = false;
    Value v = result.as<WrappedValueObject>()->m_value.get();
    return raise_with(&stop_iteration_type, v), Ref();
  }
  return result;
}

Ref make_awaitable(Type* type, Value gen, Value value, bool athrow, bool aclose) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* a = static_cast<AsyncGenAwaitableObject*>(object);
  a->m_gen = ref(gen);
  if (value) a->m_value = ref(value);
  a->m_state = AwaitableState::Init;
  a->m_athrow = athrow;
  a->m_aclose = aclose;
  return Ref::steal(object);
}

Raised ignored_exit(GeneratorObject* g, AsyncGenAwaitableObject* a) {
  g->m_running_async = false;
  a->m_state = AwaitableState::Closed;
  return raise(&runtime_error_type, "async generator ignored GeneratorExit");
}

// An athrow/aclose that ended in error: aclose() completes quietly when the
// generator exits as it should.
Ref athrow_error(GeneratorObject* g, AsyncGenAwaitableObject* a) {
  g->m_running_async = false;
  a->m_state = AwaitableState::Closed;
  if (a->m_aclose && (exception_matches(&stop_async_iteration_type) || exception_matches(&generator_exit_type))) {
    clear_exception();
    return raise_with(&stop_iteration_type, Value()), Ref();
  }
  return {};
}

Ref awaitable_send(Value self, Value value) {
  auto* a = self.as<AsyncGenAwaitableObject>();
  GeneratorObject* g = agen_of(self);
  if (!a->m_athrow) {
    if (a->m_state == AwaitableState::Closed) {
      return raise(&runtime_error_type, "cannot reuse already awaited __anext__()/asend()");
    }
    if (a->m_state == AwaitableState::Init) {
      if (g->m_running_async) {
        a->m_state = AwaitableState::Closed;
        return raise(&runtime_error_type, "anext(): asynchronous generator is already running");
      }
      if (is_none(value) && a->m_value) value = a->m_value;
      a->m_state = AwaitableState::Iter;
    }
    g->m_running_async = true;
    bool returned;
    Ref result = generator_resume(g, value, returned);
    result = unwrap(g, std::move(result), returned);
    if (!result) a->m_state = AwaitableState::Closed;
    return result;
  }
  // athrow() / aclose()
  if (g->m_state == GeneratorState::Finished) {
    a->m_state = AwaitableState::Closed;
    return raise_with(&stop_iteration_type, Value()), Ref();
  }
  if (a->m_state == AwaitableState::Closed) {
    return raise(&runtime_error_type, "cannot reuse already awaited aclose()/athrow()");
  }
  bool returned = false;
  Ref result;
  if (a->m_state == AwaitableState::Init) {
    if (g->m_running_async) {
      a->m_state = AwaitableState::Closed;
      return raise(&runtime_error_type, a->m_aclose ? "aclose(): asynchronous generator is already running"
                                                    : "athrow(): asynchronous generator is already running");
    }
    if (g->m_ag_closed) {
      a->m_state = AwaitableState::Closed;
      return raise_with(&stop_async_iteration_type, Value()), Ref();
    }
    if (!is_none(value)) return raise(&runtime_error_type, "can't send non-None value to a just-started coroutine");
    a->m_state = AwaitableState::Iter;
    g->m_running_async = true;
    if (a->m_aclose) {
      g->m_ag_closed = true;
      Ref exit = call(Value(&generator_exit_type), nullptr, 0);
      if (!exit) return {};
      result = generator_resume(g, none(), returned, exit);
      if (result && !returned && is_wrapped(result)) return ignored_exit(g, a), Ref();
      if (result && returned) {
        g->m_running_async = false;
        a->m_state = AwaitableState::Closed;
        return raise_with(&stop_iteration_type, Value()), Ref();
      }
    } else {
      result = generator_resume(g, none(), returned, a->m_value);
      result = unwrap(g, std::move(result), returned);
    }
    if (!result) return athrow_error(g, a);
    return result;
  }
  result = generator_resume(g, value, returned);
  if (!a->m_aclose) {
    result = unwrap(g, std::move(result), returned);
    if (!result) return athrow_error(g, a);
    return result;
  }
  if (result && !returned && is_wrapped(result)) return ignored_exit(g, a), Ref();
  if (result && returned) {
    g->m_running_async = false;
    a->m_state = AwaitableState::Closed;
    return raise_with(&stop_iteration_type, Value()), Ref();
  }
  if (!result) return athrow_error(g, a);
  return result;
}

Ref awaitable_iternext(Value self) { return awaitable_send(self, none()); }
Ref awaitable_send_method(Value self, Args args) {
  ManualDrive manual;
  return awaitable_send(self, args[0]);
}

Ref awaitable_throw(Value self, Args args) {
  auto* a = self.as<AsyncGenAwaitableObject>();
  GeneratorObject* g = agen_of(self);
  if (a->m_state == AwaitableState::Closed) {
    return raise(&runtime_error_type, a->m_athrow ? "cannot reuse already awaited aclose()/athrow()"
                                                  : "cannot reuse already awaited __anext__()/asend()");
  }
  Ref exception = thrown_exception(args);
  if (!exception) return {};
  ManualDrive manual;
  bool returned;
  Ref result = generator_resume(g, none(), returned, exception);
  if (a->m_aclose) {
    if (result && !returned && is_wrapped(result)) return ignored_exit(g, a), Ref();
    if (result && returned) {
      g->m_running_async = false;
      a->m_state = AwaitableState::Closed;
      return raise_with(&stop_iteration_type, Value()), Ref();
    }
    if (!result) return athrow_error(g, a);
    return result;
  }
  result = unwrap(g, std::move(result), returned);
  if (!result) a->m_state = AwaitableState::Closed;
  return result;
}

Ref awaitable_close(Value self, Args) {
  self.as<AsyncGenAwaitableObject>()->m_state = AwaitableState::Closed;
  return new_none();
}

Ref awaitable_self(Value self) { return ref(self); }
Ref awaitable_await(Value self, Args) { return ref(self); }

void awaitable_destroy(Object* object) { static_cast<AsyncGenAwaitableObject*>(object)->~AsyncGenAwaitableObject(); }
void awaitable_traverse(Object* object, VisitFn visit, void* context) {
  auto* a = static_cast<AsyncGenAwaitableObject*>(object);
  visit(a->m_gen, context);
  visit(a->m_value, context);
}

const MethodDef kAwaitableMethods[] = {
    {"send", awaitable_send_method, ArgKind::OneArg},
    {"throw", awaitable_throw, ArgKind::VarArgs},
    {"close", awaitable_close, ArgKind::NoArgs},
    {"__await__", awaitable_await, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

void wrapped_destroy(Object* object) { static_cast<WrappedValueObject*>(object)->~WrappedValueObject(); }
void wrapped_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<WrappedValueObject*>(object)->m_value, context);
}

// --- The async generator's methods ---

Ref agen_aiter(Value self, Args) { return ref(self); }

Ref agen_anext(Value self, Args) {
  if (!init_hooks(self.as<GeneratorObject>())) return {};
  return make_awaitable(&asend_type, self, Value(), false, false);
}

Ref agen_asend(Value self, Args args) {
  if (!init_hooks(self.as<GeneratorObject>())) return {};
  return make_awaitable(&asend_type, self, args[0], false, false);
}

Ref agen_athrow(Value self, Args args) {
  Ref exception = thrown_exception(args);
  if (!exception) return {};
  if (!init_hooks(self.as<GeneratorObject>())) return {};
  return make_awaitable(&athrow_type, self, exception, true, false);
}

Ref agen_aclose_method(Value self, Args) {
  if (!init_hooks(self.as<GeneratorObject>())) return {};
  return make_awaitable(&athrow_type, self, Value(), true, true);
}

Ref agen_get_running(Value self) { return new_bool(self.as<GeneratorObject>()->m_running_async); }

// sys.get_asyncgen_hooks()'s result: (firstiter, finalizer) with names.
struct HooksObject : Object {
  Ref m_firstiter;
  Ref m_finalizer;
};
Type asyncgen_hooks_type;

Ref hooks_firstiter(Value self) {
  auto* h = self.as<HooksObject>();
  return h->m_firstiter ? h->m_firstiter : new_none();
}
Ref hooks_finalizer(Value self) {
  auto* h = self.as<HooksObject>();
  return h->m_finalizer ? h->m_finalizer : new_none();
}
Ref hooks_repr(Value self) {
  Ref a = repr(hooks_firstiter(self));
  Ref b = repr(hooks_finalizer(self));
  if (!a || !b) return {};
  return make_str("asyncgen_hooks(firstiter=" + std::string(str_view(a)) + ", finalizer=" +
                  std::string(str_view(b)) + ")");
}
Ref hooks_getitem(Value self, Value index) {
  int64_t i;
  if (!is_int(index) || !int_fits_int64(index, i) || i < -2 || i > 1) {
    return raise(&index_error_type, "tuple index out of range");
  }
  return (i == 0 || i == -2) ? hooks_firstiter(self) : hooks_finalizer(self);
}
std::optional<int64_t> hooks_length(Value) { return 2; }
void hooks_destroy(Object* object) { static_cast<HooksObject*>(object)->~HooksObject(); }
void hooks_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<HooksObject*>(object)->m_firstiter, context);
  visit(static_cast<HooksObject*>(object)->m_finalizer, context);
}
const GetSetDef kHooksGetSet[] = {
    {"firstiter", hooks_firstiter},
    {"finalizer", hooks_finalizer},
    {nullptr, nullptr},
};

}  // namespace

Ref make_asyncgen_hooks(Value firstiter, Value finalizer) {
  Object* object = allocate_object(&asyncgen_hooks_type);
  if (object == nullptr) return raise_no_memory();
  auto* h = static_cast<HooksObject*>(object);
  if (firstiter) h->m_firstiter = ref(firstiter);
  if (finalizer) h->m_finalizer = ref(finalizer);
  return Ref::steal(object);
}

Ref async_gen_aclose(Value agen) { return agen_aclose_method(agen, Args{}); }

namespace {

Ref sys_get_asyncgen_hooks(Value, Args) { return make_asyncgen_hooks(g_asyncgen_firstiter, g_asyncgen_finalizer); }

// sys.set_asyncgen_hooks([firstiter] [, finalizer]): an omitted hook stays,
// None removes it.
Ref sys_set_asyncgen_hooks(Value, Args args) {
  static const ArgSpec spec{"set_asyncgen_hooks", {"firstiter", "finalizer"}, 0, 0, 0};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  const char* names[2] = {"firstiter", "finalizer"};
  for (int i = 1; i >= 0; --i) {
    if (bound[i] && !is_none(bound[i]) && !is_callable(bound[i])) {
      return raise_format(&type_error_type, "callable %s expected, got %s", names[i], value_type_name(bound[i]).data());
    }
  }
  if (bound[1]) g_asyncgen_finalizer = is_none(bound[1]) ? Ref() : ref(bound[1]);
  if (bound[0]) g_asyncgen_firstiter = is_none(bound[0]) ? Ref() : ref(bound[0]);
  return new_none();
}

}  // namespace

const MethodDef kAsyncGenHookFunctions[] = {
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, ArgKind::NoArgs},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kAsyncGeneratorMethods[] = {
    {"__aiter__", agen_aiter, ArgKind::NoArgs},
    {"__anext__", agen_anext, ArgKind::NoArgs},
    {"asend", agen_asend, ArgKind::OneArg},
    {"athrow", agen_athrow, ArgKind::VarArgs},
    {"aclose", agen_aclose_method, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kAsyncGeneratorGetSet[] = {
    {"__name__", get_name}, {"__qualname__", get_qualname}, {"ag_code", get_code},
    {"ag_running", agen_get_running}, {"ag_frame", get_frame}, {"ag_await", get_yieldfrom},
    {nullptr, nullptr},
};

static struct AsyncGeneratorTypesSetup {
  AsyncGeneratorTypesSetup() {
    async_generator_type.m_methods = kAsyncGeneratorMethods;
    async_generator_type.m_getset = kAsyncGeneratorGetSet;
    wrapped_value_type.m_tp_name = "async_generator_wrapped_value";
    wrapped_value_type.m_size = sizeof(WrappedValueObject);
    wrapped_value_type.m_flags = kTypeHasGC;
    wrapped_value_type.m_destroy = wrapped_destroy;
    wrapped_value_type.m_traverse = wrapped_traverse;
    for (Type* t : {&asend_type, &athrow_type}) {
      t->m_size = sizeof(AsyncGenAwaitableObject);
      t->m_flags = kTypeHasGC;
      t->m_iter = awaitable_self;
      t->m_iternext = awaitable_iternext;
      t->m_destroy = awaitable_destroy;
      t->m_traverse = awaitable_traverse;
      t->m_methods = kAwaitableMethods;
    }
    asend_type.m_tp_name = "async_generator_asend";
    athrow_type.m_tp_name = "async_generator_athrow";
    asyncgen_hooks_type.m_tp_name = "asyncgen_hooks";
    asyncgen_hooks_type.m_size = sizeof(HooksObject);
    asyncgen_hooks_type.m_flags = kTypeHasGC;
    asyncgen_hooks_type.m_repr = hooks_repr;
    asyncgen_hooks_type.m_getitem = hooks_getitem;
    asyncgen_hooks_type.m_length = hooks_length;
    asyncgen_hooks_type.m_destroy = hooks_destroy;
    asyncgen_hooks_type.m_traverse = hooks_traverse;
    asyncgen_hooks_type.m_getset = kHooksGetSet;
  }
} async_generator_types_setup;
COIL_REGISTER_TYPE(wrapped_value_type);
COIL_REGISTER_TYPE(asend_type);
COIL_REGISTER_TYPE(athrow_type);
COIL_REGISTER_TYPE(asyncgen_hooks_type);

// anext(aiterator, default): the __anext__ awaitable, with the generator's
// end (StopAsyncIteration) turned into the default value.
namespace {
struct AnextAwaitableObject : Object {
  Ref m_awaitable;
  Ref m_iterator;
  Ref m_default;
};
Type anext_awaitable_type;

Ref anext_iterator(AnextAwaitableObject* a) {
  if (!a->m_iterator) a->m_iterator = get_awaitable_iterator(a->m_awaitable, 0);
  return a->m_iterator;
}

Ref anext_finish(AnextAwaitableObject* a, Ref result) {
  if (!result && exception_matches(&stop_async_iteration_type)) {
    clear_exception();
    return raise_with(&stop_iteration_type, a->m_default), Ref();
  }
  return result;
}

Ref anext_send(Value self, Value value) {
  auto* a = self.as<AnextAwaitableObject>();
  Ref it = anext_iterator(a);
  if (!it) return anext_finish(a, Ref());
  Ref result = is_none(value) ? next(it) : call_method(it, "send", {value});
  if (!result && !error_pending()) return raise_with(&stop_iteration_type, Value()), Ref();
  return anext_finish(a, std::move(result));
}
Ref anext_iternext(Value self) { return anext_send(self, none()); }
Ref anext_send_method(Value self, Args args) {
  ManualDrive manual;
  return anext_send(self, args[0]);
}
Ref anext_throw(Value self, Args args) {
  ManualDrive manual;
  auto* a = self.as<AnextAwaitableObject>();
  Ref it = anext_iterator(a);
  if (!it) return anext_finish(a, Ref());
  Ref method = getattr(it, "throw");
  if (!method) return {};
  return anext_finish(a, call(method, args.items, args.count));
}
Ref anext_close(Value self, Args) {
  auto* a = self.as<AnextAwaitableObject>();
  if (!a->m_iterator) return new_none();
  bool found;
  Ref method = lookup_attr(a->m_iterator, intern_static("close"), found);
  if (!method) return found || !error_pending() ? new_none() : Ref();
  return call(method, nullptr, 0);
}
void anext_destroy(Object* object) { static_cast<AnextAwaitableObject*>(object)->~AnextAwaitableObject(); }
void anext_traverse(Object* object, VisitFn visit, void* context) {
  auto* a = static_cast<AnextAwaitableObject*>(object);
  visit(a->m_awaitable, context);
  visit(a->m_iterator, context);
  visit(a->m_default, context);
}
const MethodDef kAnextMethods[] = {
    {"send", anext_send_method, ArgKind::OneArg},
    {"throw", anext_throw, ArgKind::VarArgs},
    {"close", anext_close, ArgKind::NoArgs},
    {"__await__", awaitable_await, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};
static struct AnextTypeSetup {
  AnextTypeSetup() {
    anext_awaitable_type.m_tp_name = "anext_awaitable";
    anext_awaitable_type.m_size = sizeof(AnextAwaitableObject);
    anext_awaitable_type.m_flags = kTypeHasGC;
    anext_awaitable_type.m_iter = awaitable_self;
    anext_awaitable_type.m_iternext = anext_iternext;
    anext_awaitable_type.m_destroy = anext_destroy;
    anext_awaitable_type.m_traverse = anext_traverse;
    anext_awaitable_type.m_methods = kAnextMethods;
  }
} anext_type_setup;
COIL_REGISTER_TYPE(anext_awaitable_type);
}  // namespace

Ref make_anext_awaitable(Value awaitable, Value default_value) {
  Object* object = allocate_object(&anext_awaitable_type);
  if (object == nullptr) return raise_no_memory();
  auto* a = static_cast<AnextAwaitableObject*>(object);
  a->m_awaitable = ref(awaitable);
  a->m_default = ref(default_value);
  return Ref::steal(object);
}

Ref async_gen_wrap(Value v) {
  Object* object = allocate_object(&wrapped_value_type);
  if (object == nullptr) return raise_no_memory();
  static_cast<WrappedValueObject*>(object)->m_value = ref(v);
  return Ref::steal(object);
}

}  // namespace coil
