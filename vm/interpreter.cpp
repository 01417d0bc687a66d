// The interpreter loop (vm/interpreter.h).
//
// run_frame() executes a chain of frames. A CALL of a Python function binds
// the arguments into a new frame, links it above the current one and goes on
// dispatching there; RETURN_VALUE pops back to the caller. FOR_ITER and
// SEND on a generator do the same with the generator's own frame, so
// iterating a generator or awaiting a coroutine costs no C++ recursion.
// Native code that calls Python re-enters run_frame with an Entry frame.
//
// Exceptions use the code's exception table, as CPython 3.11: an error
// adds a traceback entry for the frame, and the handler covering the
// failing instruction (if any) gets the stack cut to its depth and the
// exception pushed; otherwise the frame is popped and the caller unwinds.
//
// Dispatch is computed goto when available (the table is expanded from
// vm/opcodes.def), else a switch: the CASE/DISPATCH macros hide which.
#include "vm/interpreter.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

#include "runtime/signals.h"
#include "runtime/threads.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/generator.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/module.h"
#include "runtime/slots.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"
#include "vm/match.h"
#include "vm/trace.h"

namespace coil {

Ref g_builtins_dict;

namespace {

// --- float arithmetic without the slot calls

// Both operands of a binary operation as doubles, when one is a float and
// the other a float or a small int (exact types only: a subclass may
// override the operator).
inline bool float_operands(Value a, Value b, double& x, double& y) {
  if (is_exact_float(a)) {
    x = float_value(a);
    if (is_exact_float(b)) {
      y = float_value(b);
      return true;
    }
    if (b.is_small_int()) {
      y = double(b.as_small_int());
      return true;
    }
    return false;
  }
  if (a.is_small_int() && is_exact_float(b)) {
    x = double(a.as_small_int());
    y = float_value(b);
    return true;
  }
  return false;
}

// x op y for the operators float computes without a possible error (a
// division by zero goes the slow way, which raises).
inline bool float_arithmetic(BinaryOp op, double x, double y, double& r) {
  switch (op) {
    case BinaryOp::Add:
    case BinaryOp::InplaceAdd:
      r = x + y;
      return true;
    case BinaryOp::Subtract:
    case BinaryOp::InplaceSubtract:
      r = x - y;
      return true;
    case BinaryOp::Multiply:
    case BinaryOp::InplaceMultiply:
      r = x * y;
      return true;
    case BinaryOp::TrueDivide:
    case BinaryOp::InplaceTrueDivide:
      if (y == 0.0) return false;
      r = x / y;
      return true;
    case BinaryOp::Power:
    case BinaryOp::InplacePower:
      // Only the case float_power (runtime/numeric.cpp) leaves to pow(): a
      // positive finite base, a finite exponent, a finite result. The
      // others (signs, zeros, infinities, NaNs, overflow) go the slow way.
      if (!(x > 0.0 && std::isfinite(x) && std::isfinite(y))) return false;
      r = std::pow(x, y);
      return std::isfinite(r);
    default:
      return false;
  }
}

// Replaces the operands a (under) and b (on top) of a float operation with
// its result `r`: each operand is an exact float or a small int, so a float
// is dropped without the generic checks, and an operand only the stack holds
// becomes the result. False when out of memory (the stack unchanged).
[[gnu::always_inline]] inline bool put_float_result(Value*& sp, Value a, Value b, double r) {
  bool a_float = !a.is_small_int(), b_float = !b.is_small_int();
  if (a_float && a.as_object()->m_refcount == 1) {
    a.as<FloatObject>()->m_value = r;
    if (b_float) decref_float(b.as<FloatObject>());
  } else if (b_float && b.as_object()->m_refcount == 1) {
    b.as<FloatObject>()->m_value = r;
    if (a_float) decref_float(a.as<FloatObject>());
    sp[-2] = b;
  } else {
    Ref f = make_float(r);
    if (!f) return false;
    if (b_float) decref_float(b.as<FloatObject>());
    if (a_float) decref_float(a.as<FloatObject>());
    sp[-2] = f.release();
  }
  sp -= 1;
  return true;
}

// --- inline caches
//
// The code units after LOAD_GLOBAL, LOAD_ATTR and STORE_ATTR (two each,
// vm/opcodes.def) remember where the name was found last time, so that the
// next execution can look there first without hashing:
//
// LOAD_GLOBAL: the two units as one 64-bit word. With the top bit set, the
//   rest is the name's entry index in the globals dict. Otherwise, when
//   nonzero, it is the globals dict's version when the name was missing from
//   it (so found in the builtins): while that version holds, the globals
//   still lack the name.
// LOAD_ATTR / STORE_ATTR on an instance of a Python class: unit 0 is the
//   type's version, unit 1 the name's entry index in the instance __dict__.
//   Filled only when the type's attribute lookup is the generic one and the
//   type has no attribute of that name at all (so no descriptor can take
//   precedence over the instance dict); a new type version (any change to
//   the class or its bases) empties the cache. When the type rules caching
//   out, unit 1 holds kNotCacheable under the type's version, so that the
//   next execution does not look at the type again.

constexpr uint64_t kGlobalIndexTag = uint64_t(1) << 63;
constexpr CodeUnit kNotCacheable = UINT32_MAX;  // never an entry index: dict_value_at misses

uint64_t read_cache64(const CodeUnit* caches) {
  return uint64_t(caches[0]) | (uint64_t(caches[1]) << 32);
}
void write_cache64(CodeUnit* caches, uint64_t word) {
  caches[0] = CodeUnit(word);
  caches[1] = CodeUnit(word >> 32);
}

// A global found where the cache says (the common case) is read inline in
// the loop; the rest goes through load_global_uncached.
Value load_global_uncached(Frame* frame, Value name, CodeUnit* caches);
[[gnu::always_inline]] inline Value load_global_cached(Frame* frame, Value name, CodeUnit* caches) {
  uint64_t cached = read_cache64(caches);
  if (cached & kGlobalIndexTag) {
    if (Value found = dict_value_at(frame->globals, uint32_t(cached), name)) return found;
  }
  return load_global_uncached(frame, name, caches);
}

[[gnu::noinline]] Value load_global_uncached(Frame* frame, Value name, CodeUnit* caches) {
  Value globals = frame->globals;
  uint64_t cached = read_cache64(caches);
  if (cached != 0 && !(cached & kGlobalIndexTag) && cached == as_dict(globals)->m_version) {
    if (Value found = dict_lookup_str(frame->builtins, name)) return found;
  }
  int64_t index = dict_index_str(globals, name);
  if (index >= 0) {
    write_cache64(caches, kGlobalIndexTag | uint64_t(index));
    return as_dict(globals)->m_entries[size_t(index)].value;
  }
  write_cache64(caches, as_dict(globals)->m_version & ~kGlobalIndexTag);
  return dict_lookup_str(frame->builtins, name);
}

// The instance dict of `owner` when caches[0] still names its type.
inline Value cached_instance_dict(Value owner, const CodeUnit* caches) {
  if (!owner.is_object()) return Value();
  Type* type = owner.type();
  if (caches[0] == 0 || type->m_version != caches[0] || caches[1] == kNotCacheable) return Value();
  return *instance_dict_slot(owner.as_object());
}

Value load_attr_cached(Value owner, Value name, const CodeUnit* caches) {
  Value dict = cached_instance_dict(owner, caches);
  return dict ? dict_value_at(dict, caches[1], name) : Value();
}

bool store_attr_cached(Value owner, Value name, Value value, const CodeUnit* caches) {
  Value dict = cached_instance_dict(owner, caches);
  return dict && dict_replace_at(dict, caches[1], name, value);
}

// Whether `dict` has the str key `name`, as LOAD_METHOD asks to know that
// no instance attribute shadows the method: the probes of dict_index_str
// inline, with the str's hash already computed, comparing keys by identity;
// a key of the same hash that is another object goes the full way.
inline bool dict_has_str_key(Value dict, Value name) {
  const DictObject* d = as_dict(dict);
  int64_t hash = name.as<StrObject>()->m_hash;
  if (hash == -1 || d->m_indices.empty()) return bool(dict_lookup_str(dict, name));
  size_t mask = d->m_indices.size() - 1;
  size_t slot = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  while (true) {
    int32_t index = d->m_indices[slot];
    if (index == -1) return false;  // an empty slot ends the probe sequence
    if (index >= 0) {
      const DictEntry& entry = d->m_entries[size_t(index)];
      if (entry.key.is(name)) return true;
      if (entry.hash == hash) return bool(dict_lookup_str(dict, name));
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

// Whether the cache already holds the answer for `owner`'s type: either
// an entry index (the miss was a new attribute, whose position the next
// object of the type repeats, as in __init__) or kNotCacheable.
inline bool attr_cache_holds_type(Value owner, const CodeUnit* caches) {
  return owner.is_object() && caches[0] != 0 && caches[0] == owner.type()->m_version;
}

// Remembers where `name` sits in the instance dict of `owner`, when the
// cache rules above allow (`store`: for STORE_ATTR, whose type must use
// the generic setattr; else the generic getattr).
void fill_attr_cache(Value owner, Value name, CodeUnit* caches, bool store) {
  caches[0] = 0;
  if (!owner.is_object() || !is_exact_str(name)) return;
  Type* type = owner.type();
  if (type->m_version == 0) return;
  bool generic = store ? type->m_setattr == generic_setattr : type->m_getattr == generic_getattr;
  if (!generic || type->m_dict_offset == 0 || type_lookup(type, name)) {
    caches[0] = type->m_version;
    caches[1] = kNotCacheable;
    return;
  }
  Value dict = *instance_dict_slot(owner.as_object());
  if (!dict) return;
  int64_t index = dict_index_str(dict, name);
  if (index < 0 || index >= int64_t(kNotCacheable)) return;
  caches[0] = type->m_version;
  caches[1] = CodeUnit(index);
}

// --- frames

// Frames of plain calls live on the frame stack: chunks of memory where a
// call takes the next bytes and its return gives them back, since such
// frames end in the reverse order of their start. A frame that may outlive
// its caller (a generator's, a coroutine's, top-level await's) is part of
// the generator object owning it: one allocation, freed with the generator.
// In sanitizer builds the frame stack's free bytes are poisoned, so that a
// frame used after its end is caught.
#if defined(__SANITIZE_ADDRESS__)
#define POISON_FRAME_MEMORY(address, size) ASAN_POISON_MEMORY_REGION(address, size)
#define UNPOISON_FRAME_MEMORY(address, size) ASAN_UNPOISON_MEMORY_REGION(address, size)
#else
#define POISON_FRAME_MEMORY(address, size) ((void)(address), (void)(size))
#define UNPOISON_FRAME_MEMORY(address, size) ((void)(address), (void)(size))
#endif

// Value slots a frame of `code` needs: locals, cells and frees, the value
// stack, and one spare.
size_t frame_slots(const CodeObject* code) { return code->localsplus_count() + code->m_stacksize + 1; }

// A chunk of the frame stack; its frames follow the header.
struct FrameChunk {
  FrameChunk* previous;
  char* previous_top;  // the stack's top in the previous chunk when this one began
  char* end;
  alignas(16) char data[];
};
constexpr size_t kFrameChunkBytes = 256 * 1024;
FrameChunk* g_frame_chunk = nullptr;
FrameChunk* g_spare_frame_chunk = nullptr;  // the last chunk emptied, kept for the next deep call
char* g_frame_top = nullptr;

size_t frame_bytes(const CodeObject* code) {
  return (sizeof(Frame) + frame_slots(code) * sizeof(Value) + 15) & ~size_t(15);
}

void* push_frame_memory(size_t bytes) {
  if (g_frame_chunk == nullptr || size_t(g_frame_chunk->end - g_frame_top) < bytes) {
    FrameChunk* chunk = g_spare_frame_chunk;
    g_spare_frame_chunk = nullptr;
    if (chunk != nullptr && size_t(chunk->end - chunk->data) < bytes) {
      std::free(chunk);
      chunk = nullptr;
    }
    if (chunk == nullptr) {
      size_t size = std::max(kFrameChunkBytes, sizeof(FrameChunk) + bytes);
      chunk = static_cast<FrameChunk*>(std::malloc(size));
      if (chunk == nullptr) return nullptr;
      chunk->end = reinterpret_cast<char*>(chunk) + size;
      POISON_FRAME_MEMORY(chunk->data, size_t(chunk->end - chunk->data));
    }
    chunk->previous = g_frame_chunk;
    chunk->previous_top = g_frame_top;
    g_frame_chunk = chunk;
    g_frame_top = chunk->data;
  }
  void* memory = g_frame_top;
  g_frame_top += bytes;
  UNPOISON_FRAME_MEMORY(memory, bytes);
  return memory;
}

// push_frame_memory when the current chunk has room, inline: the common
// case of every plain call.
[[gnu::always_inline]] inline void* push_frame_memory_fast(size_t bytes) {
  if (g_frame_chunk != nullptr && size_t(g_frame_chunk->end - g_frame_top) >= bytes) [[likely]] {
    void* memory = g_frame_top;
    g_frame_top += bytes;
    UNPOISON_FRAME_MEMORY(memory, bytes);
    return memory;
  }
  return push_frame_memory(bytes);
}

// Gives back the stack's topmost frame.
[[gnu::always_inline]] inline void pop_frame_memory(Frame* frame) {
  char* memory = reinterpret_cast<char*>(frame);
  if (memory < g_frame_top) POISON_FRAME_MEMORY(memory, size_t(g_frame_top - memory));
  if (memory == g_frame_chunk->data) {
    FrameChunk* emptied = g_frame_chunk;
    g_frame_chunk = emptied->previous;
    g_frame_top = emptied->previous_top;
    std::free(g_spare_frame_chunk);
    g_spare_frame_chunk = emptied;
  } else if (memory < g_frame_top) {
    g_frame_top = memory;
  }
}

Frame* allocate_frame(CodeObject* code, bool for_generator) {
  void* memory;
  if (for_generator) {
    memory = allocate_generator_frame(code, sizeof(Frame) + frame_slots(code) * sizeof(Value));
  } else {
    memory = push_frame_memory(frame_bytes(code));
  }
  if (memory == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  Frame* frame = new (memory) Frame();
  frame->home = for_generator ? FrameHome::Generator : FrameHome::Stack;
  std::memset(static_cast<void*>(frame->slots), 0, code->localsplus_count() * sizeof(Value));
  frame->code = code;
  frame->ip = code->m_code.data();
  frame->stack_top = frame->stack_base();
  return frame;
}

}  // namespace

void swap_frame_stack(FrameStackState& state) {
  void* chunk = g_frame_chunk;
  void* spare = g_spare_frame_chunk;
  g_frame_chunk = static_cast<FrameChunk*>(state.chunk);
  g_spare_frame_chunk = static_cast<FrameChunk*>(state.spare_chunk);
  state.chunk = chunk;
  state.spare_chunk = spare;
  std::swap(g_frame_top, state.top);
}

void release_frame_stack() {
  while (g_frame_chunk != nullptr) {
    FrameChunk* chunk = g_frame_chunk;
    g_frame_chunk = chunk->previous;
    std::free(chunk);
  }
  std::free(g_spare_frame_chunk);
  g_spare_frame_chunk = nullptr;
  g_frame_top = nullptr;
}

namespace {

// free_frame's body, inlined where a return pops a plain call's frame.
[[gnu::always_inline]] inline void clear_and_free_frame(Frame* frame) {
  uint32_t n = frame->code->localsplus_count();
  for (uint32_t i = 0; i < n; ++i) decref(frame->slots[i]);
  for (Value* p = frame->stack_base(); p < frame->stack_top; ++p) decref(*p);
  Ref code_holder;
  if (!frame->function) code_holder = Ref::steal(Value(frame->code));  // module code: the frame held it
  FrameHome home = frame->home;
  frame->~Frame();
  if (home == FrameHome::Stack) pop_frame_memory(frame);
}

}  // namespace

// Drops everything a frame holds and gives its memory back (a generator's
// frame lives in the generator: its memory goes with the generator).
void free_frame(Frame* frame) { clear_and_free_frame(frame); }

namespace {

// As CPython 3.10+: the function's __qualname__ (which code may set, as
// namedtuple's __new__ does), else its code's.
std::string function_qualname(Frame* frame) {
  if (frame->function) {
    const Ref& qualname = frame->function.as<FunctionObject>()->m_qualname;
    if (qualname && is_str(qualname)) return std::string(str_view(qualname));
  }
  return std::string(str_view(frame->code->m_qualname));
}

// The message list "'a', 'b' and 'c'" of missing arguments.
std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

bool missing_arguments(Frame* frame, bool positional, uint32_t from, uint32_t to, uint32_t defcount) {
  CodeObject* code = frame->code;
  std::vector<std::string> missing;
  Value* locals = frame->localsplus();
  uint32_t end = positional ? to - defcount : to;
  for (uint32_t i = from; i < end; ++i) {
    if (!locals[i]) missing.push_back(std::string(str_view(code->m_localsplus_names[i])));
  }
  if (!positional) {
    // Keyword-only without defaults.
    missing.clear();
    FunctionObject* f = frame->function.as<FunctionObject>();
    for (uint32_t i = from; i < to; ++i) {
      if (locals[i]) continue;
      Value name = code->m_localsplus_names[i];
      if (f->m_kwdefaults && dict_lookup_str(f->m_kwdefaults, name)) continue;
      missing.push_back(std::string(str_view(name)));
    }
  }
  if (missing.empty()) return true;
  raise_format(&type_error_type, "%s() missing %zu required %s argument%s: %s",
               function_qualname(frame).c_str(), missing.size(),
               positional ? "positional" : "keyword-only", missing.size() == 1 ? "" : "s",
               join_names(missing).c_str());
  return false;
}

// Binds a call's arguments into a new frame's locals, as CPython's
// initialize_locals, with its messages.
bool bind_call(Frame* frame, FunctionObject* function, const Value* args, size_t nargs, TupleObject* kwnames) {
  CodeObject* code = frame->code;
  Value* locals = frame->localsplus();
  uint32_t argcount = code->m_argcount;
  uint32_t kwonly = code->m_kwonlyargcount;
  uint32_t total = argcount + kwonly;
  Ref kwargs_dict;
  if (code->m_flags & kCodeVarkeywords) {
    kwargs_dict = make_dict();
    if (!kwargs_dict) return false;
    uint32_t index = total + ((code->m_flags & kCodeVarargs) ? 1 : 0);
    locals[index] = ref(kwargs_dict).release();
  }
  size_t n = nargs < argcount ? nargs : argcount;
  for (size_t i = 0; i < n; ++i) locals[i] = ref(args[i]).release();
  if (code->m_flags & kCodeVarargs) {
    Ref rest = nargs > argcount ? make_tuple(args + argcount, nargs - argcount) : ref(empty_tuple());
    if (!rest) return false;
    locals[total] = rest.release();
  } else if (nargs > argcount) {
    // Too many positional arguments.
    uint32_t defcount = function->m_defaults ? uint32_t(tuple_size(function->m_defaults)) : 0;
    size_t kwonly_given = 0;
    if (kwnames) {
      for (size_t k = 0; k < kwnames->m_size; ++k) {
        Value key = kwnames->m_items[k];
        for (uint32_t i = argcount; i < total; ++i) {
          if (str_equal(key, code->m_localsplus_names[i])) ++kwonly_given;
        }
      }
    }
    std::string takes;
    if (defcount > 0) {
      takes = "from " + std::to_string(argcount - defcount) + " to " + std::to_string(argcount);
    } else {
      takes = std::to_string(argcount);
    }
    std::string given;
    if (kwonly_given > 0) {
      given = std::to_string(nargs) + " positional argument" + (nargs == 1 ? "" : "s") + " (and " +
              std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given == 1 ? "" : "s") +
              ") were given";
    } else {
      given = std::to_string(nargs) + (nargs == 1 ? " was given" : " were given");
    }
    raise_format(&type_error_type, "%s() takes %s positional argument%s but %s",
                 function_qualname(frame).c_str(), takes.c_str(),
                 (argcount == 1 && defcount == 0) ? "" : "s", given.c_str());
    return false;
  }
  if (kwnames != nullptr) {
    std::vector<std::string> posonly_as_keyword;
    for (size_t k = 0; k < kwnames->m_size; ++k) {
      Value key = kwnames->m_items[k];
      Value value = args[nargs + k];
      uint32_t found = UINT32_MAX;
      for (uint32_t i = code->m_posonlyargcount; i < total; ++i) {
        if (code->m_localsplus_names[i].get().is(key)) {
          found = i;
          break;
        }
      }
      if (found == UINT32_MAX) {
        for (uint32_t i = code->m_posonlyargcount; i < total; ++i) {
          if (str_equal(code->m_localsplus_names[i], key)) {
            found = i;
            break;
          }
        }
      }
      if (found == UINT32_MAX) {
        if (kwargs_dict) {
          if (!dict_setitem(kwargs_dict, key, value)) return false;
          continue;
        }
        bool positional_only = false;
        for (uint32_t i = 0; i < code->m_posonlyargcount; ++i) {
          if (str_equal(code->m_localsplus_names[i], key)) positional_only = true;
        }
        if (positional_only) {
          posonly_as_keyword.push_back(std::string(str_view(key)));
          continue;
        }
        raise_format(&type_error_type, "%s() got an unexpected keyword argument '%s'",
                     function_qualname(frame).c_str(), str_cstr(key));
        return false;
      }
      if (locals[found]) {
        raise_format(&type_error_type, "%s() got multiple values for argument '%s'",
                     function_qualname(frame).c_str(), str_cstr(key));
        return false;
      }
      locals[found] = ref(value).release();
    }
    if (!posonly_as_keyword.empty()) {
      std::string names;
      for (size_t i = 0; i < posonly_as_keyword.size(); ++i) {
        if (i > 0) names += ", ";
        names += "'" + posonly_as_keyword[i] + "'";
      }
      raise_format(&type_error_type,
                   "%s() got some positional-only arguments passed as keyword arguments: %s",
                   function_qualname(frame).c_str(), names.c_str());
      return false;
    }
  }
  // Defaults for missing positional parameters.
  if (nargs < argcount) {
    uint32_t defcount = function->m_defaults ? uint32_t(tuple_size(function->m_defaults)) : 0;
    uint32_t first_default = argcount - defcount;
    for (uint32_t i = uint32_t(nargs); i < first_default; ++i) {
      if (!locals[i]) return missing_arguments(frame, true, uint32_t(nargs), argcount, defcount);
    }
    for (uint32_t i = first_default; i < argcount; ++i) {
      if (!locals[i]) locals[i] = ref(tuple_item(function->m_defaults, i - first_default)).release();
    }
  }
  if (kwonly > 0) {
    bool missing = false;
    for (uint32_t i = argcount; i < total; ++i) {
      if (locals[i]) continue;
      Value name = code->m_localsplus_names[i];
      Value dflt = function->m_kwdefaults ? dict_lookup_str(function->m_kwdefaults, name) : Value();
      if (dflt) {
        locals[i] = ref(dflt).release();
      } else {
        missing = true;
      }
    }
    if (missing) return missing_arguments(frame, false, argcount, total, 0);
  }
  return true;
}

bool is_generator_code(const CodeObject* code) {
  return (code->m_flags & (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator)) != 0;
}

// Makes the frame for a call of `function` (arguments bound), or null.
Frame* make_call_frame(FunctionObject* function, const Value* args, size_t nargs, TupleObject* kwnames) {
  CodeObject* code = function->m_code.as<CodeObject>();
  Frame* frame = allocate_frame(code, is_generator_code(code));
  if (frame == nullptr) return nullptr;
  frame->function = ref(Value(function));
  frame->globals = function->m_globals;
  frame->builtins = function->m_builtins;
  // The fast path: exactly the positional parameters, no keywords.
  if (kwnames == nullptr && nargs == code->m_argcount &&
      (code->m_flags & (kCodeVarargs | kCodeVarkeywords)) == 0 && code->m_kwonlyargcount == 0) {
    Value* locals = frame->localsplus();
    for (size_t i = 0; i < nargs; ++i) locals[i] = ref(args[i]).release();
  } else if (!bind_call(frame, function, args, nargs, kwnames)) {
    if (frame->home == FrameHome::Generator) {
      discard_generator_frame(frame);
    } else {
      free_frame(frame);
    }
    return nullptr;
  }
  return frame;
}

// Whether a call of `code` with `nargs` positional arguments and no
// keywords binds them one to one (no defaults, no *args, no **kwargs, no
// keyword-only parameters) into a plain frame (not a generator's).
[[gnu::always_inline]] inline bool is_simple_call(const CodeObject* code, size_t nargs) {
  constexpr uint32_t kNotSimple =
      kCodeVarargs | kCodeVarkeywords | kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator;
  return nargs == code->m_argcount && (code->m_flags & kNotSimple) == 0 && code->m_kwonlyargcount == 0;
}

// make_call_frame for a simple call (is_simple_call) made by CALL, inline:
// the frame takes over the stack's references to the function and the
// arguments instead of adding its own. Null when out of memory (the
// references then stay with the caller).
[[gnu::always_inline]] inline Frame* make_simple_call_frame(FunctionObject* function, CodeObject* code,
                                                            const Value* args, size_t nargs) {
  void* memory = push_frame_memory_fast(frame_bytes(code));
  if (memory == nullptr) [[unlikely]] {
    raise_no_memory();
    return nullptr;
  }
  Frame* frame = new (memory) Frame();
  frame->code = code;
  frame->function = Ref::steal(Value(function));
  frame->globals = function->m_globals;
  frame->builtins = function->m_builtins;
  Value* locals = frame->slots;
  uint32_t n = code->localsplus_count();
  size_t i = 0;
  for (; i < nargs; ++i) locals[i] = args[i];
  for (; i < n; ++i) locals[i] = Value();
  frame->ip = code->m_code.data();
  frame->stack_top = locals + n;
  return frame;
}

}  // namespace


Ref call_function(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  FunctionObject* function = callable.as<FunctionObject>();
  Frame* frame = make_call_frame(function, args, nargs, kwnames);
  if (frame == nullptr) return {};
  if (is_generator_code(frame->code)) return make_generator(frame, callable);
  frame->return_kind = ReturnKind::Entry;
  return run_frame(frame);
}

// A generator frame suspended inside `yield from`/`await` stopped at the
// YIELD_VALUE of the loop `SEND t; YIELD_VALUE; JUMP s` (s the SEND): its ip
// is at that JUMP and the receiver is on top of its stack. A plain `yield`
// is never followed by a JUMP (its sent value is consumed first).
namespace {
const CodeUnit* delegation_send(const Frame* frame) {
  const CodeUnit* code = frame->code->m_code.data();
  const CodeUnit* end = code + frame->code->m_code.size();
  const CodeUnit* ip = frame->ip;
  uint32_t extended = 0;
  while (ip < end && unit_opcode(*ip) == EXTENDED_ARG) extended = (extended | unit_arg(*ip++)) << 24;
  if (ip >= end || unit_opcode(*ip) != JUMP) return nullptr;
  uint32_t target = unit_arg(*ip) | extended;
  if (target >= frame->code->m_code.size()) return nullptr;
  const CodeUnit* send = code + target;
  return unit_opcode(*send) == SEND ? send : nullptr;
}
}  // namespace

Value frame_delegate(const Frame* frame) {
  if (frame == nullptr || frame->stack_top <= frame->slots + frame->code->localsplus_count()) return Value();
  if (delegation_send(frame) == nullptr) return Value();
  return frame->stack_top[-1];
}

void frame_finish_delegation(Frame* frame, Ref result) {
  const CodeUnit* send = delegation_send(frame);
  const CodeUnit* code = frame->code->m_code.data();
  // SEND's target: a preceding EXTENDED_ARG supplies its high bits.
  uint32_t target = unit_arg(*send);
  if (send > code && unit_opcode(send[-1]) == EXTENDED_ARG) target |= unit_arg(send[-1]) << 24;
  decref(*--frame->stack_top);  // the receiver
  *frame->stack_top++ = result.release();
  frame->ip = code + target;
}

Ref run_code(Value code_value, Value globals, Value locals) {
  CodeObject* code = code_value.as<CodeObject>();
  Frame* frame = allocate_frame(code, is_generator_code(code) || (code->m_flags & kCodeTopLevelAwait));
  if (frame == nullptr) return {};
  incref(code_value);  // released by free_frame (no function holds it)
  frame->globals = ref(globals);
  Value builtins = dict_lookup_str(globals, "__builtins__");
  if (builtins && is_module(builtins)) builtins = module_dict(builtins);
  frame->builtins = builtins && is_dict(builtins) ? ref(builtins) : g_builtins_dict;
  frame->locals = ref(locals);
  frame->return_kind = ReturnKind::Entry;
  if (is_generator_code(code) || (code->m_flags & kCodeTopLevelAwait)) {
    // Top-level await: the module's code is a coroutine the loop drives.
    return make_generator(frame, Value());
  }
  return run_frame(frame);
}

Ref current_locals() {
  Frame* frame = g_thread.frame;
  if (frame == nullptr) return make_dict();
  return frame_locals_dict(frame);
}

Ref frame_locals_dict(Frame* frame) {
  if (frame->locals) return frame->locals;
  Ref dict = make_dict();
  if (!dict) return {};
  CodeObject* code = frame->code;
  for (uint32_t i = 0; i < code->localsplus_count(); ++i) {
    Value v = frame->localsplus()[i];
    uint8_t kind = code->m_localsplus_kinds[i];
    if (v && (kind & (kLocalCell | kLocalFree)) && v.type() == &cell_type) {
      // Free variables show in locals() in functions, as CPython's.
      v = v.as<CellObject>()->m_value;
    }
    if (!v) continue;
    if (!dict_setitem(dict, code->m_localsplus_names[i], v)) return {};
  }
  return dict;
}

Ref run_class_body(Value function, Value ns) {
  FunctionObject* f = function.as<FunctionObject>();
  Frame* frame = make_call_frame(f, nullptr, 0, nullptr);
  if (frame == nullptr) return {};
  frame->locals = ref(ns);
  frame->return_kind = ReturnKind::Entry;
  return run_frame(frame);
}

Value current_globals() {
  Frame* frame = g_thread.frame;
  return frame ? frame->globals.get() : Value();
}

// ---------------------------------------------------------------------------
// Helpers for instructions.

namespace {

Ref format_value(Value value, int conversion, Value spec) {
  // f"{n}" of an int: its decimal digits, as str(), repr() and format(n, '')
  // make them.
  if (value.is_small_int() && !spec) return small_int_str(value.as_small_int());
  Ref converted;
  switch (conversion) {
    case 1: converted = str(value); break;
    case 2: converted = repr(value); break;
    case 3: converted = ascii(value); break;
    default: converted = ref(value); break;
  }
  if (!converted) return {};
  if (!spec && is_exact_str(converted)) return converted;
  return format(converted, spec);
}

bool unpack_sequence(Value sequence, Value* out_reversed, size_t count) {
  // Fast paths for exact tuples and lists.
  if (is_exact_tuple(sequence) || is_exact_list(sequence)) {
    bool tuple = is_exact_tuple(sequence);
    size_t size = tuple ? tuple_size(sequence) : as_list(sequence)->m_items.size();
    if (size != count) {
      if (size < count) {
        raise_format(&value_error_type, "not enough values to unpack (expected %zu, got %zu)", count, size);
      } else {
        raise_format(&value_error_type, "too many values to unpack (expected %zu)", count);
      }
      return false;
    }
    for (size_t i = 0; i < count; ++i) {
      Value item = tuple ? tuple_item(sequence, i) : as_list(sequence)->m_items[i].get();
      out_reversed[count - 1 - i] = ref(item).release();
    }
    return true;
  }
  Ref iterator = iter(sequence);
  if (!iterator) {
    if (exception_matches(&type_error_type) && sequence.type()->m_iter == nullptr &&
        sequence.type()->m_getitem == nullptr) {
      clear_exception();
      raise_type_error_for("cannot unpack non-iterable %s object", sequence);
    }
    return false;
  }
  std::vector<Ref> items;
  for (size_t i = 0; i < count; ++i) {
    Ref item = next(iterator);
    if (!item) {
      if (!error_pending()) {
        raise_format(&value_error_type, "not enough values to unpack (expected %zu, got %zu)", count, i);
      }
      return false;
    }
    items.push_back(std::move(item));
  }
  Ref extra = next(iterator);
  if (extra) {
    raise_format(&value_error_type, "too many values to unpack (expected %zu)", count);
    return false;
  }
  if (error_pending()) return false;
  for (size_t i = 0; i < count; ++i) out_reversed[count - 1 - i] = items[i].release();
  return true;
}

bool unpack_ex(Value sequence, Value* out_reversed, size_t before, size_t after) {
  Ref list = list_from_iterable(sequence);
  if (!list) {
    if (exception_matches(&type_error_type) && sequence.type()->m_iter == nullptr &&
        sequence.type()->m_getitem == nullptr) {
      clear_exception();
      raise_type_error_for("cannot unpack non-iterable %s object", sequence);
    }
    return false;
  }
  auto& items = as_list(list)->m_items;
  size_t n = items.size();
  if (n < before + after) {
    raise_format(&value_error_type, "not enough values to unpack (expected at least %zu, got %zu)",
                 before + after, n);
    return false;
  }
  size_t total = before + 1 + after;
  size_t k = 0;
  for (size_t i = 0; i < before; ++i) out_reversed[total - 1 - k++] = ref(items[i]).release();
  Ref middle = make_list(n - before - after);
  for (size_t i = before; i < n - after; ++i) list_append(middle, items[i]);
  out_reversed[total - 1 - k++] = middle.release();
  for (size_t i = n - after; i < n; ++i) out_reversed[total - 1 - k++] = ref(items[i]).release();
  return true;
}

// The start of `with` / `async with`: checks the protocol as CPython 3.11
// does (both methods on the type), binds __exit__ (or __aexit__) into
// `exit_bound` and returns what __enter__ (or __aenter__) returned.
Ref enter_context(Value manager, bool is_async, Ref& exit_bound) {
  const char* enter_name = is_async ? "__aenter__" : "__enter__";
  const char* exit_name = is_async ? "__aexit__" : "__exit__";
  if (!type_lookup(manager.type(), enter_name)) {
    return raise_type_error_for(is_async ? "'%s' object does not support the asynchronous context manager protocol"
                                         : "'%s' object does not support the context manager protocol",
                                manager);
  }
  if (!type_lookup(manager.type(), exit_name)) {
    return raise_type_error_for(
        is_async ? "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                 : "'%s' object does not support the context manager protocol (missed __exit__ method)",
        manager);
  }
  exit_bound = getattr(manager, exit_name);
  if (!exit_bound) return {};
  return call_method(manager, enter_name, {});
}

Ref load_name_error(Value name) {
  raise_format(&name_error_type, "name '%s' is not defined", str_cstr(name));
  augment_name_error(name);  // .name, and "Did you mean…" when printed
  return {};
}

// The exception-table entry covering `index`, or null. As in CPython 3.11
// the ranges do not overlap: each instruction has one innermost handler.
const ExceptionTableEntry* find_handler(const CodeObject* code, uint32_t index) {
  for (const ExceptionTableEntry& entry : code->m_exception_table) {
    if (index >= entry.start && index < entry.end) return &entry;
  }
  return nullptr;
}

bool exception_class_check(Value type) {
  auto ok = [](Value t) { return is_type(t) && is_subtype(t.as<Type>(), &base_exception_type); };
  if (is_tuple(type)) {
    for (size_t i = 0; i < tuple_size(type); ++i) {
      if (!ok(tuple_item(type, i))) goto bad;
    }
    return true;
  }
  if (ok(type)) return true;
bad:
  raise(&type_error_type, "catching classes that do not inherit from BaseException is not allowed");
  return false;
}

bool exception_match(Value exception, Value type) {
  if (is_tuple(type)) {
    for (size_t i = 0; i < tuple_size(type); ++i) {
      if (isinstance(exception, tuple_item(type, i).as<Type>())) return true;
    }
    return false;
  }
  return isinstance(exception, type.as<Type>());
}

// raise EXC [from CAUSE].
bool do_raise(Value exception, Value cause) {
  Ref instance;
  if (is_exception_type(exception)) {
    instance = call(exception, nullptr, 0);
    if (!instance) return false;
    if (!is_exception_instance(instance)) {
      raise_format(&type_error_type, "calling %s should have returned an instance of BaseException, not %s",
                   str_cstr(repr(exception)), value_type_name(instance).data());
      return false;
    }
  } else if (is_exception_instance(exception)) {
    instance = ref(exception);
  } else {
    raise(&type_error_type, "exceptions must derive from BaseException");
    return false;
  }
  if (cause) {
    Ref cause_instance;
    if (is_none(cause)) {
      // `from None`: no cause, context suppressed.
    } else if (is_exception_type(cause)) {
      cause_instance = call(cause, nullptr, 0);
      if (!cause_instance) return false;
    } else if (is_exception_instance(cause)) {
      cause_instance = ref(cause);
    } else {
      raise(&type_error_type, "exception causes must derive from BaseException");
      return false;
    }
    auto* e = instance.as<BaseExceptionObject>();
    e->m_cause = cause_instance;
    e->m_suppress_context = true;
  }
  raise_value(instance);
  return false;
}

// How CPython's messages about a call name the function: "__main__.f()",
// "len()" for builtins, or "T object" for other callables.
std::string function_str(Value callable) {
  Ref qualname = getattr(callable, "__qualname__");
  if (!qualname || !is_str(qualname)) {
    clear_exception();
    return std::string(value_type_name(callable)) + " object";
  }
  Ref module = getattr(callable, "__module__");
  if (!module) clear_exception();
  std::string text = std::string(str_view(qualname)) + "()";
  if (module && is_str(module) && !str_equal(module, "builtins")) text = std::string(str_view(module)) + "." + text;
  return text;
}

Ref import_from(Value module, Value name) {
  bool found;
  Ref value = lookup_attr(module, name, found);
  if (value || error_pending()) return value;
  // A submodule being imported (circular imports): sys.modules["pkg.name"].
  Ref package = getattr(module, "__name__");
  if (!package) clear_exception();
  if (package && is_str(package)) {
    std::string full = std::string(str_view(package)) + "." + std::string(str_view(name));
    Value cached = lookup_module(full);
    if (cached) return ref(cached);
  }
  std::string module_name = package && is_str(package) ? std::string(str_view(package)) : "<unknown module name>";
  Ref file = getattr(module, "__file__");
  if (!file) clear_exception();
  // A module still running its code (its __spec__._initializing, as
  // importlib marks it) is "partially initialized", as in CPython.
  bool initializing = false;
  if (Ref spec = getattr(module, "__spec__")) {
    if (Ref flag = getattr(spec, "_initializing")) initializing = is_true(flag) > 0;
  }
  clear_exception();
  if (initializing) {
    raise_format(&import_error_type,
                 "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular "
                 "import) (%s)",
                 str_cstr(name), module_name.c_str(), file && is_str(file) ? str_cstr(file) : "unknown location");
  } else if (file && is_str(file)) {
    raise_format(&import_error_type, "cannot import name '%s' from '%s' (%s)", str_cstr(name), module_name.c_str(),
                 str_cstr(file));
  } else {
    raise_format(&import_error_type, "cannot import name '%s' from '%s' (unknown location)", str_cstr(name),
                 module_name.c_str());
  }
  // ImportError.name: the module the name was to come from.
  Ref error = fetch_exception();
  if (error && package && is_str(package)) as_exception(error)->m_name = package;
  restore_exception(std::move(error));
  return {};
}

bool import_star(Value module, Value locals) {
  Ref all = getattr(module, "__all__");
  bool skip_private = false;
  if (!all) {
    if (!exception_matches(&attribute_error_type)) return false;
    clear_exception();
    Ref dict = getattr(module, "__dict__");
    if (!dict) return false;
    all = dict_keys_list(dict);
    skip_private = true;
  }
  return for_each(all, [&](Value name) {
    if (!is_str(name)) {
      raise_format(&type_error_type, "Item in %s.__all__ must be str, not %s", "module",
                   value_type_name(name).data());
      return false;
    }
    if (skip_private && str_view(name).substr(0, 1) == "_") return true;
    Ref value = getattr(module, name);
    if (!value) return false;
    return setitem(locals, name, value);
  });
}

}  // namespace

// ---------------------------------------------------------------------------
// The loop.

// In debug builds, COIL_TRACE=1 prints each instruction as it runs, with
// the stack depth.
[[maybe_unused]] const bool g_trace = std::getenv("COIL_TRACE") != nullptr;

[[maybe_unused]] void trace_instruction(Frame* frame, const CodeUnit* at, Value* sp) {
  CodeObject* code = frame->code;
  uint32_t index = uint32_t(at - code->m_code.data());
  std::fprintf(stderr, "%s:%u %s %u depth=%ld\n", str_cstr(code->m_name), index,
               kOpcodeInfo[unit_opcode(*at)].name, unit_arg(*at), long(sp - frame->stack_base()));
}

namespace run_loop {

// Set by an instance of the loop that returns so that the other one takes
// over (run_frame reads and clears it); and the frame the tracing instance
// starts with as the one it saw run last (see below). Globals, not
// arguments: the plain instance keeps every register for itself.
// Both are read at once by the same thread, under the GIL.
bool g_switch_loop = false;
Frame* g_traced_frame_start = nullptr;

// The loop, from `frame` on (the entry frame or one it called), until the
// entry frame returns or yields. Compiled twice (vm/trace.h): kTracing adds
// the trace hooks, and the plain instance has none of their cost. Either
// sets g_switch_loop and returns null, its frames saved, when the other
// instance should take over. `traced_frame` is the frame the tracing
// instance saw run last: the next frame whose caller it is has just started.
// External linkage and no inlining into run_frame keep GCC compiling the
// plain instance as it did the single loop.
template <bool kTracing>
[[gnu::noinline]] Ref run_frames(Frame* frame, bool throwing) {
  Frame* traced_frame = kTracing ? g_traced_frame_start : nullptr;
  const CodeUnit* ip;
  Value* sp;
  CodeObject* code;
  uint32_t oparg;
  Ref kwnames;       // set by KW_NAMES for the next CALL
  Ref return_value;  // the result leaving the entry frame

// The frame's variables are read as frame->slots[i], not through a pointer
// of their own: `frame` is in a register anyway, and one variable fewer
// live across the loop leaves the others in registers.
#define LOAD_FRAME()                \
  do {                              \
    code = frame->code;             \
    ip = frame->ip;                 \
    sp = frame->stack_top;          \
  } while (0)
#define SAVE_FRAME()         \
  do {                       \
    frame->ip = ip;          \
    frame->stack_top = sp;   \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define NEXT_INSTRUCTION()                         \
  do {                                             \
    CodeUnit unit_ = *ip++;                        \
    frame->ip = ip; /* lasti for code run meanwhile */ \
    opcode = unit_opcode(unit_);                   \
    oparg = unit_arg(unit_) | extended;            \
    TRACE_INSTRUCTION();                           \
  } while (0)
// Instruction tracing costs nothing in release builds (STYLE: debug modes).
#ifdef NDEBUG
#define TRACE_INSTRUCTION() ((void)0)
#else
#define TRACE_INSTRUCTION() \
  if (g_trace) trace_instruction(frame, ip - 1, sp)
#endif
#define SKIP_CACHES(op) (ip += kOpcodeInfo[op].caches)
#define JUMP_TO(target) (ip = code->m_code.data() + (target))
#define ERROR() goto error
// A signal arrived (Ctrl-C): run its Python handler, which may raise; or
// another thread waits for the GIL (runtime/threads.h): let it go a while.
// Setting a trace function raises the flag too: the plain loop hands over
// to the tracing one here (vm/trace.h).
#define CHECK_SIGNALS()                                                       \
  do {                                                                        \
    if (g_eval_breaker.load(std::memory_order_relaxed)) {                     \
      if (!handle_eval_breaker()) ERROR();                                    \
      if (!kTracing && tracing_wanted() && !kwnames) goto switch_loop_instance; \
    }                                                                         \
  } while (0)

  LOAD_FRAME();
  uint8_t opcode;
  uint32_t extended = 0;
  if (throwing) {
    // A generator thrown into gets its 'call' event too, as CPython's.
    if constexpr (kTracing) {
      if (frame != traced_frame) {
        traced_frame = frame;
        Ref thrown = fetch_exception();
        if (trace_frame_entered(frame)) restore_exception(std::move(thrown));
      }
    }
    goto error;
  }

  // Dispatch: computed goto through a table of labels expanded from
  // vm/opcodes.def (every instruction must have its CASE, or this does not
  // compile), or a plain switch where labels-as-values are unavailable.
  // DISPATCH() is an ordinary goto to the shared `dispatch` label in both
  // cases: leaving a case's block that way runs the destructors of its
  // C++ locals (a computed goto would skip them and leak).
#if defined(__GNUC__) && !defined(COIL_SWITCH_DISPATCH)
  static void* const kDispatchTable[kOpcodeCount] = {
#define OP(name, operand, pops, pushes, caches) &&op_##name,
#include "vm/opcodes.def"
#undef OP
  };
#define CASE(name) \
  case name:       \
  op_##name:
#define REDISPATCH() goto* kDispatchTable[opcode]
#else
#define CASE(name) case name:
#define REDISPATCH() goto dispatch_switch
#endif
#define DISPATCH() goto dispatch

dispatch:
  if constexpr (kTracing) {
    SAVE_FRAME();
    if (!tracing_wanted() && !kwnames) goto switch_loop_instance;
    if (frame != traced_frame) {
      bool entering = frame->previous == traced_frame;
      traced_frame = frame;
      if (entering && !trace_frame_entered(frame)) ERROR();
    }
    if (!trace_next_instruction(frame)) ERROR();
  }
  NEXT_INSTRUCTION();
  REDISPATCH();
dispatch_switch:
  __attribute__((unused));
  switch (opcode) {
    CASE(NOP) { DISPATCH(); }
    CASE(EXTENDED_ARG) {
      extended = oparg << 24;
      NEXT_INSTRUCTION();
      extended = 0;
      REDISPATCH();
    }
    CASE(POP_TOP) {
      decref(POP());
      DISPATCH();
    }
    CASE(PUSH_NULL) {
      PUSH(Value());
      DISPATCH();
    }
    CASE(COPY) {
      Value v = PEEK(oparg);
      incref(v);
      PUSH(v);
      DISPATCH();
    }
    CASE(SWAP) {
      Value t = TOP();
      TOP() = PEEK(oparg);
      PEEK(oparg) = t;
      DISPATCH();
    }
    CASE(LOAD_CONST) {
      Value v = code->m_consts[oparg];
      incref(v);
      PUSH(v);
      DISPATCH();
    }
    CASE(LOAD_FAST) {
      Value v = frame->slots[oparg];
      if (!v) [[unlikely]] {
        raise_format(&unbound_local_error_type,
                     "cannot access local variable '%s' where it is not associated with a value",
                     str_cstr(code->m_localsplus_names[oparg]));
        ERROR();
      }
      incref(v);
      PUSH(v);
      DISPATCH();
    }
    CASE(LOAD_CLOSURE) {
      Value v = frame->slots[oparg];
      incref(v);
      PUSH(v);
      DISPATCH();
    }
    CASE(STORE_FAST) {
      Value old = frame->slots[oparg];
      frame->slots[oparg] = POP();
      decref(old);
      DISPATCH();
    }
    CASE(DELETE_FAST) {
      Value old = frame->slots[oparg];
      if (!old) {
        raise_format(&unbound_local_error_type,
                     "cannot access local variable '%s' where it is not associated with a value",
                     str_cstr(code->m_localsplus_names[oparg]));
        ERROR();
      }
      frame->slots[oparg] = Value();
      decref(old);
      DISPATCH();
    }
    CASE(MAKE_CELL) {
      Value initial = frame->slots[oparg];
      Ref cell = make_cell(initial);
      if (!cell) ERROR();
      decref(initial);
      frame->slots[oparg] = cell.release();
      DISPATCH();
    }
    CASE(COPY_FREE_VARS) {
      Value closure = frame->function.as<FunctionObject>()->m_closure;
      uint32_t offset = code->localsplus_count() - oparg;
      for (uint32_t i = 0; i < oparg; ++i) {
        Value cell = tuple_item(closure, i);
        incref(cell);
        frame->slots[offset + i] = cell;
      }
      DISPATCH();
    }
    CASE(LOAD_DEREF) {
      CellObject* cell = frame->slots[oparg].as<CellObject>();
      Value v = cell->m_value;
      if (!v) {
        if (code->m_localsplus_kinds[oparg] & kLocalFree) {
          raise_format(&name_error_type,
                       "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                       str_cstr(code->m_localsplus_names[oparg]));
        } else {
          raise_format(&unbound_local_error_type, "cannot access local variable '%s' where it is not associated with a value",
                       str_cstr(code->m_localsplus_names[oparg]));
        }
        ERROR();
      }
      incref(v);
      PUSH(v);
      DISPATCH();
    }
    CASE(LOAD_CLASSDEREF) {
      Value name = code->m_localsplus_names[oparg];
      Value found = dict_lookup(frame->locals, name);
      if (!found && error_pending()) ERROR();
      if (!found) {
        CellObject* cell = frame->slots[oparg].as<CellObject>();
        found = cell->m_value;
        if (!found) {
          raise_format(&name_error_type,
                       "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                       str_cstr(name));
          ERROR();
        }
      }
      incref(found);
      PUSH(found);
      DISPATCH();
    }
    CASE(STORE_DEREF) {
      CellObject* cell = frame->slots[oparg].as<CellObject>();
      cell->m_value = Ref::steal(POP());
      DISPATCH();
    }
    CASE(DELETE_DEREF) {
      CellObject* cell = frame->slots[oparg].as<CellObject>();
      if (!cell->m_value) {
        raise_format(&unbound_local_error_type, "cannot access local variable '%s' where it is not associated with a value",
                     str_cstr(code->m_localsplus_names[oparg]));
        ERROR();
      }
      cell->m_value.reset();
      DISPATCH();
    }
    CASE(LOAD_NAME) {
      Value name = code->m_names[oparg];
      Value found;
      if (frame->locals) {
        if (is_exact_dict(frame->locals)) {
          found = dict_lookup(frame->locals, name);
          if (found) incref(found);
          else if (error_pending()) ERROR();
        } else {
          Ref r = getitem(frame->locals, name);
          if (r) {
            found = r.release();
          } else if (exception_matches(&key_error_type)) {
            clear_exception();
          } else {
            ERROR();
          }
        }
      }
      if (!found) {
        found = dict_lookup_str(frame->globals, name);
        if (!found) found = dict_lookup_str(frame->builtins, name);
        if (!found) {
          load_name_error(name);
          ERROR();
        }
        incref(found);
      }
      PUSH(found);
      DISPATCH();
    }
    CASE(STORE_NAME) {
      Value name = code->m_names[oparg];
      Ref v = Ref::steal(POP());
      if (!frame->locals) {
        raise_format(&system_error_type, "no locals found when storing '%s'", str_cstr(name));
        ERROR();
      }
      bool ok = is_exact_dict(frame->locals) ? dict_setitem(frame->locals, name, v)
                                             : setitem(frame->locals, name, v);
      if (!ok) ERROR();
      DISPATCH();
    }
    CASE(DELETE_NAME) {
      Value name = code->m_names[oparg];
      int removed = is_exact_dict(frame->locals) ? dict_delitem(frame->locals, name)
                                                 : (delitem(frame->locals, name) ? 1 : -1);
      if (removed < 0) ERROR();
      if (removed == 0) {
        load_name_error(name);
        ERROR();
      }
      DISPATCH();
    }
    CASE(LOAD_GLOBAL) {
      Value name = code->m_names[oparg >> 1];
      Value found = load_global_cached(frame, name, const_cast<CodeUnit*>(ip));
      if (!found) {
        load_name_error(name);
        ERROR();
      }
      SKIP_CACHES(LOAD_GLOBAL);
      if (oparg & 1) PUSH(Value());
      incref(found);
      PUSH(found);
      DISPATCH();
    }
    CASE(STORE_GLOBAL) {
      Ref v = Ref::steal(POP());
      if (!dict_setitem(frame->globals, code->m_names[oparg], v)) ERROR();
      DISPATCH();
    }
    CASE(DELETE_GLOBAL) {
      Value name = code->m_names[oparg];
      int removed = dict_delitem(frame->globals, name);
      if (removed < 0) ERROR();
      if (removed == 0) {
        load_name_error(name);
        ERROR();
      }
      DISPATCH();
    }
    CASE(LOAD_ATTR) {
      Value owner = TOP();
      if (Value found = load_attr_cached(owner, code->m_names[oparg], ip)) {
        incref(found);
        decref(owner);
        TOP() = found;
        SKIP_CACHES(LOAD_ATTR);
        DISPATCH();
      }
      if (!attr_cache_holds_type(owner, ip) || ip[1] != kNotCacheable) {
        fill_attr_cache(owner, code->m_names[oparg], const_cast<CodeUnit*>(ip), false);
      }
      Ref v = getattr(owner, code->m_names[oparg]);
      if (!v) {
        augment_attribute_error(owner, code->m_names[oparg]);
        ERROR();
      }
      decref(owner);
      TOP() = v.release();
      SKIP_CACHES(LOAD_ATTR);
      DISPATCH();
    }
    CASE(LOAD_METHOD) {
      // As CPython: when the attribute is a plain function (or a method
      // descriptor) found on the type and not shadowed by the instance,
      // push it unbound with self, avoiding the bound-method object.
      Value owner = TOP();
      Value name = code->m_names[oparg];
      Type* type = owner.type();
      SKIP_CACHES(LOAD_METHOD);
      if (type->m_getattr == generic_getattr) {
        Value attribute = type_lookup_inline(type, name);
        if (attribute && is_plain_method(attribute)) {
          bool shadowed = false;
          if (type->m_dict_offset != 0 && owner.is_object()) {
            Ref* dict = instance_dict_slot(owner.as_object());
            if (*dict && dict_has_str_key(*dict, name)) shadowed = true;
          } else if (type->m_extra_dict != nullptr && owner.is_object()) {
            Ref* dict = type->m_extra_dict(owner.as_object(), false);
            if (dict != nullptr && *dict && dict_has_str_key(*dict, name)) shadowed = true;
          }
          if (!shadowed) {
            incref(attribute);
            TOP() = attribute;
            PUSH(owner);
            DISPATCH();
          }
        }
      }
      Ref v = getattr(owner, name);
      if (!v) {
        augment_attribute_error(owner, name);
        ERROR();
      }
      decref(owner);
      TOP() = Value();
      PUSH(v.release());
      DISPATCH();
    }
    CASE(STORE_ATTR) {
      Value owner = TOP();
      Value v = SECOND();
      if (store_attr_cached(owner, code->m_names[oparg], v, ip)) {
        SKIP_CACHES(STORE_ATTR);
        decref(POP());
        decref(POP());
        DISPATCH();
      }
      bool ok = setattr(owner, code->m_names[oparg], v);
      if (ok && !attr_cache_holds_type(owner, ip)) {
        fill_attr_cache(owner, code->m_names[oparg], const_cast<CodeUnit*>(ip), true);
      }
      SKIP_CACHES(STORE_ATTR);
      if (!ok) ERROR();
      decref(POP());
      decref(POP());
      DISPATCH();
    }
    CASE(DELETE_ATTR) {
      Value owner = TOP();
      if (!delattr(owner, code->m_names[oparg])) ERROR();
      decref(POP());
      DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR) {
      PUSH(Value(&assertion_error_type));
      DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS) {
      Value f = dict_lookup_str(frame->builtins, "__build_class__");
      if (!f) {
        raise(&name_error_type, "__build_class__ not found");
        ERROR();
      }
      incref(f);
      PUSH(f);
      DISPATCH();
    }
    CASE(SETUP_ANNOTATIONS) {
      Value name = intern_static("__annotations__");
      if (is_exact_dict(frame->locals)) {
        Value existing = dict_lookup_str(frame->locals, name);
        if (!existing) {
          Ref d = make_dict();
          if (!d || !dict_setitem(frame->locals, name, d)) ERROR();
        }
      } else {
        Ref existing = getitem(frame->locals, name);
        if (!existing) {
          if (!exception_matches(&key_error_type)) ERROR();
          clear_exception();
          Ref d = make_dict();
          if (!d || !setitem(frame->locals, name, d)) ERROR();
        }
      }
      DISPATCH();
    }
    CASE(UNARY_POSITIVE) {
      Ref r = positive(TOP());
      if (!r) ERROR();
      decref(TOP());
      TOP() = r.release();
      DISPATCH();
    }
    CASE(UNARY_NEGATIVE) {
      Value v = TOP();
      if (v.is_small_int() && v.as_small_int() != Value::kSmallIntMin) {
        TOP() = Value::small_int(-v.as_small_int());
        DISPATCH();
      }
      Ref r = negative(v);
      if (!r) ERROR();
      decref(v);
      TOP() = r.release();
      DISPATCH();
    }
    CASE(UNARY_NOT) {
      int t = is_true(TOP());
      if (t < 0) ERROR();
      decref(TOP());
      TOP() = py_bool(!t);
      DISPATCH();
    }
    CASE(UNARY_INVERT) {
      Ref r = invert(TOP());
      if (!r) ERROR();
      decref(TOP());
      TOP() = r.release();
      DISPATCH();
    }
    // The one-operator forms: small ints and floats here, anything else
    // (an overflow, a division by zero) the generic way.
#define BINARY_OP_ONE(name, int_result, float_result)                        \
  CASE(name) {                                                               \
    Value b = TOP();                                                         \
    Value a = SECOND();                                                      \
    if (a.is_small_int() && b.is_small_int()) {                              \
      int64_t x = a.as_small_int(), y = b.as_small_int(), r;                 \
      if (int_result) {                                                      \
        SKIP_CACHES(BINARY_OP);                                              \
        sp -= 1;                                                             \
        TOP() = Value::small_int(r);                                         \
        DISPATCH();                                                          \
      }                                                                      \
    } else if (double x, y; float_operands(a, b, x, y)) {                    \
      double r;                                                              \
      if (float_result) {                                                    \
        SKIP_CACHES(BINARY_OP);                                              \
        if (!put_float_result(sp, a, b, r)) ERROR();                         \
        DISPATCH();                                                          \
      }                                                                      \
    }                                                                        \
    goto binary_op;                                                          \
  }
    // 62-bit operands: a sum or difference cannot overflow 64 bits.
    BINARY_OP_ONE(BINARY_OP_ADD, (r = x + y, Value::fits_small_int(r)), (r = x + y, true))
    BINARY_OP_ONE(BINARY_OP_SUBTRACT, (r = x - y, Value::fits_small_int(r)), (r = x - y, true))
    BINARY_OP_ONE(BINARY_OP_MULTIPLY, !__builtin_mul_overflow(x, y, &r) && Value::fits_small_int(r),
                  (r = x * y, true))
#undef BINARY_OP_ONE
    CASE(BINARY_OP_TRUE_DIVIDE) {
      Value b = TOP();
      Value a = SECOND();
      if (a.is_small_int() && b.is_small_int()) {
        // Ints of at most 53 bits are exact as doubles: their quotient is
        // the correctly rounded one int division gives.
        constexpr int64_t kExact = int64_t(1) << 53;
        int64_t x = a.as_small_int(), y = b.as_small_int();
        if (y != 0 && x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) {
          Ref f = make_float(double(x) / double(y));
          if (!f) ERROR();
          SKIP_CACHES(BINARY_OP);
          sp -= 1;
          TOP() = f.release();
          DISPATCH();
        }
      } else if (double x, y; float_operands(a, b, x, y) && y != 0.0) {
        SKIP_CACHES(BINARY_OP);
        if (!put_float_result(sp, a, b, x / y)) ERROR();
        DISPATCH();
      }
      goto binary_op;
    }
    CASE(BINARY_OP)
    binary_op : {
      Value b = TOP();
      Value a = SECOND();
      SKIP_CACHES(BINARY_OP);
      // Small-int fast paths for the common operators.
      if (a.is_small_int() && b.is_small_int()) {
        int64_t x = a.as_small_int(), y = b.as_small_int(), r;
        BinaryOp op = BinaryOp(oparg);
        bool done = false;
        switch (op) {
          case BinaryOp::Add:
          case BinaryOp::InplaceAdd:
            r = x + y;  // 62-bit operands cannot overflow 64 bits
            done = Value::fits_small_int(r);
            break;
          case BinaryOp::Subtract:
          case BinaryOp::InplaceSubtract:
            r = x - y;
            done = Value::fits_small_int(r);
            break;
          case BinaryOp::Multiply:
          case BinaryOp::InplaceMultiply:
            done = !__builtin_mul_overflow(x, y, &r) && Value::fits_small_int(r);
            break;
          case BinaryOp::And:
          case BinaryOp::InplaceAnd:
            r = x & y;
            done = true;
            break;
          case BinaryOp::Or:
          case BinaryOp::InplaceOr:
            r = x | y;
            done = true;
            break;
          case BinaryOp::Xor:
          case BinaryOp::InplaceXor:
            r = x ^ y;
            done = true;
            break;
          case BinaryOp::FloorDivide:
          case BinaryOp::InplaceFloorDivide:
            if (y != 0) {
              r = x / y;
              if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
              done = Value::fits_small_int(r);
            }
            break;
          case BinaryOp::Remainder:
          case BinaryOp::InplaceRemainder:
            if (y != 0) {
              r = x % y;
              if (r != 0 && ((r < 0) != (y < 0))) r += y;
              done = true;
            }
            break;
          default:
            break;
        }
        if (done) {
          sp -= 1;
          TOP() = Value::small_int(r);
          DISPATCH();
        }
      } else if (double x, y; float_operands(a, b, x, y)) {
        double r;
        if (float_arithmetic(BinaryOp(oparg), x, y, r)) {
          if (!put_float_result(sp, a, b, r)) ERROR();
          DISPATCH();
        }
      }
      Ref r = binary_op(a, b, BinaryOp(oparg));
      if (!r) ERROR();
      decref(b);
      decref(a);
      sp -= 1;
      TOP() = r.release();
      DISPATCH();
    }
    CASE(COMPARE_OP) {
      Value b = TOP();
      Value a = SECOND();
      SKIP_CACHES(COMPARE_OP);
      // Numbers compared for a conditional jump (`if n < 2:`, `while i < n:`)
      // take the jump here, without making the bool: the POP_JUMP after the
      // comparison is consumed as if it had run (a jump into that POP_JUMP
      // from elsewhere still runs it).
#define COMPARISON_RESULT(result)                                  \
  do {                                                             \
    bool result_ = (result);                                       \
    Opcode next_ = unit_opcode(*ip);                               \
    if (next_ == POP_JUMP_IF_FALSE || next_ == POP_JUMP_IF_TRUE) { \
      uint32_t target_ = unit_arg(*ip++);                          \
      frame->ip = ip;                                              \
      if (result_ == (next_ == POP_JUMP_IF_TRUE)) {                \
        JUMP_TO(target_);                                          \
        CHECK_SIGNALS();                                           \
      }                                                            \
      DISPATCH();                                                  \
    }                                                              \
    PUSH(py_bool(result_));                                        \
    DISPATCH();                                                    \
  } while (0)
      if (a.is_small_int() && b.is_small_int()) {
        sp -= 2;
        COMPARISON_RESULT(compare_values(CompareOp(oparg), a.as_small_int(), b.as_small_int()));
      }
      if (is_exact_float(a) && is_exact_float(b)) {
        bool r = compare_values(CompareOp(oparg), float_value(a), float_value(b));
        decref_float(b.as<FloatObject>());
        decref_float(a.as<FloatObject>());
        sp -= 2;
        COMPARISON_RESULT(r);
      }
#undef COMPARISON_RESULT
      Ref r = compare(a, b, CompareOp(oparg));
      if (!r) ERROR();
      decref(b);
      decref(a);
      sp -= 1;
      TOP() = r.release();
      DISPATCH();
    }
    CASE(IS_OP) {
      Value b = POP();
      Value a = TOP();
      bool r = a.is(b) != (oparg != 0);
      decref(b);
      decref(a);
      TOP() = py_bool(r);
      DISPATCH();
    }
    CASE(CONTAINS_OP) {
      Value container = TOP();
      Value item = SECOND();
      int r = contains(container, item);
      if (r < 0) ERROR();
      decref(container);
      decref(item);
      sp -= 1;
      TOP() = py_bool((r != 0) != (oparg != 0));
      DISPATCH();
    }
    CASE(BINARY_SUBSCR) {
      Value key = TOP();
      Value container = SECOND();
      SKIP_CACHES(BINARY_SUBSCR);
      if (is_exact_list(container) && key.is_small_int()) {
        auto& items = as_list(container)->m_items;
        int64_t i = key.as_small_int();
        if (i < 0) i += int64_t(items.size());
        if (i >= 0 && i < int64_t(items.size())) {
          Value item = items[size_t(i)].get();
          incref(item);
          decref(container);
          sp -= 1;
          TOP() = item;
          DISPATCH();
        }
      } else if (is_exact_tuple(container) && key.is_small_int()) {
        int64_t size = int64_t(tuple_size(container));
        int64_t i = key.as_small_int();
        if (i < 0) i += size;
        if (i >= 0 && i < size) {
          Value item = container.as<TupleObject>()->m_items[i];
          incref(item);
          decref(container);
          sp -= 1;
          TOP() = item;
          DISPATCH();
        }
      }
      Ref r = getitem(container, key);
      if (!r) ERROR();
      decref(key);
      decref(container);
      sp -= 1;
      TOP() = r.release();
      DISPATCH();
    }
    CASE(STORE_SUBSCR) {
      Value key = TOP();
      Value container = SECOND();
      Value v = PEEK(3);
      SKIP_CACHES(STORE_SUBSCR);
      if (is_exact_list(container) && key.is_small_int()) {
        auto& items = as_list(container)->m_items;
        int64_t i = key.as_small_int();
        if (i < 0) i += int64_t(items.size());
        if (i >= 0 && i < int64_t(items.size())) {
          sp -= 3;
          Value old = items[size_t(i)].release();
          items[size_t(i)] = Ref::steal(v);  // the stack's reference moves into the list
          decref(old);
          decref(container);
          DISPATCH();
        }
      }
      if (!setitem(container, key, v)) ERROR();
      decref(POP());
      decref(POP());
      decref(POP());
      DISPATCH();
    }
    CASE(DELETE_SUBSCR) {
      Value key = TOP();
      Value container = SECOND();
      if (!delitem(container, key)) ERROR();
      decref(POP());
      decref(POP());
      DISPATCH();
    }
    CASE(BUILD_TUPLE) {
      Ref t = make_tuple(oparg);
      if (!t) ERROR();
      for (uint32_t i = 0; i < oparg; ++i) t.as<TupleObject>()->m_items[i] = sp[-int(oparg) + int(i)];
      sp -= oparg;
      PUSH(t.release());
      DISPATCH();
    }
    CASE(BUILD_LIST) {
      Ref l = make_list(oparg);
      if (!l) ERROR();
      for (uint32_t i = 0; i < oparg; ++i) as_list(l)->m_items.push_back(Ref::steal(sp[-int(oparg) + int(i)]));
      sp -= oparg;
      PUSH(l.release());
      DISPATCH();
    }
    CASE(BUILD_SET) {
      Ref s = make_set();
      if (!s) ERROR();
      bool ok = true;
      for (uint32_t i = 0; i < oparg; ++i) {
        if (ok && !set_add(s, sp[-int(oparg) + int(i)])) ok = false;
      }
      for (uint32_t i = 0; i < oparg; ++i) decref(sp[-int(oparg) + int(i)]);
      sp -= oparg;
      if (!ok) ERROR();
      PUSH(s.release());
      DISPATCH();
    }
    CASE(BUILD_MAP) {
      Ref d = make_dict();
      if (!d) ERROR();
      bool ok = true;
      for (uint32_t i = 0; i < oparg; ++i) {
        if (ok && !dict_setitem(d, sp[-2 * int(oparg) + 2 * int(i)], sp[-2 * int(oparg) + 2 * int(i) + 1])) ok = false;
      }
      for (uint32_t i = 0; i < 2 * oparg; ++i) decref(sp[-2 * int(oparg) + int(i)]);
      sp -= 2 * oparg;
      if (!ok) ERROR();
      PUSH(d.release());
      DISPATCH();
    }
    CASE(BUILD_CONST_KEY_MAP) {
      Value keys = TOP();
      Ref d = make_dict();
      if (!d) ERROR();
      bool ok = true;
      for (uint32_t i = 0; i < oparg; ++i) {
        if (ok && !dict_setitem(d, tuple_item(keys, i), sp[-1 - int(oparg) + int(i)])) ok = false;
      }
      for (uint32_t i = 0; i < oparg + 1; ++i) decref(sp[-1 - int(oparg) + int(i)]);
      sp -= oparg + 1;
      if (!ok) ERROR();
      PUSH(d.release());
      DISPATCH();
    }
    CASE(BUILD_STRING) {
      // The parts are strs (FORMAT_VALUE and constants): one allocation.
      Ref s = str_join(empty_str(), sp - oparg, oparg);
      if (!s) ERROR();
      for (uint32_t i = 0; i < oparg; ++i) decref(sp[-int(oparg) + int(i)]);
      sp -= oparg;
      PUSH(s.release());
      DISPATCH();
    }
    CASE(BUILD_SLICE) {
      Value step = oparg == 3 ? POP() : none();
      Value stop = POP();
      Value start = TOP();
      Ref s = make_slice(start, stop, step);
      if (oparg == 3) decref(step);
      decref(stop);
      decref(start);
      if (!s) {
        sp -= 1;
        ERROR();
      }
      TOP() = s.release();
      DISPATCH();
    }
    CASE(LIST_APPEND) {
      Value v = POP();
      list_append(PEEK(oparg), Ref::steal(v));
      DISPATCH();
    }
    CASE(SET_ADD) {
      Value v = POP();
      bool ok = set_add(PEEK(oparg), v);
      decref(v);
      if (!ok) ERROR();
      DISPATCH();
    }
    CASE(MAP_ADD) {
      Value v = POP();
      Value k = POP();
      bool ok = dict_setitem(PEEK(oparg), k, v);
      decref(v);
      decref(k);
      if (!ok) ERROR();
      DISPATCH();
    }
    CASE(LIST_EXTEND) {
      Value iterable = TOP();
      Value list = PEEK(oparg + 1);
      bool ok = for_each(iterable, [&](Value item) {
        list_append(list, ref(item));
        return true;
      });
      if (!ok) {
        if (exception_matches(&type_error_type) && iterable.type()->m_iter == nullptr &&
            iterable.type()->m_getitem == nullptr) {
          clear_exception();
          raise_type_error_for("Value after * must be an iterable, not %s", iterable);
        }
        ERROR();
      }
      decref(POP());
      DISPATCH();
    }
    CASE(SET_UPDATE) {
      Value iterable = TOP();
      Value set = PEEK(oparg + 1);
      // set.update's algorithm (a set's table is merged whole), so that a
      // display of constants iterates in CPython's order.
      if (!set_update(set, iterable)) ERROR();
      decref(POP());
      DISPATCH();
    }
    CASE(DICT_UPDATE) {
      Value mapping = TOP();
      Value dict = PEEK(oparg + 1);
      if (!dict_update(dict, mapping)) {
        if (exception_matches(&attribute_error_type)) {
          clear_exception();
          raise_type_error_for("'%s' object is not a mapping", mapping);
        }
        ERROR();
      }
      decref(POP());
      DISPATCH();
    }
    CASE(DICT_MERGE) {
      Value mapping = TOP();
      Value dict = PEEK(oparg + 1);
      if (!dict_merge(dict, mapping, true)) {
        // The message names the function being called (below the dict).
        Value callable = PEEK(oparg + 3);
        if (exception_matches(&attribute_error_type) || exception_matches(&type_error_type)) {
          if (exception_matches(&attribute_error_type) ||
              (!is_dict(mapping) && type_lookup(mapping.type(), "keys").is_null())) {
            clear_exception();
            raise_format(&type_error_type, "%s argument after ** must be a mapping, not %s",
                         function_str(callable).c_str(), value_type_name(mapping).data());
          }
        } else if (exception_matches(&key_error_type)) {
          // A duplicate keyword: dict_merge raised KeyError(key).
          Ref error = fetch_exception();
          Value args = as_exception(error)->m_args.get();
          Value key = args && tuple_size(args) == 1 ? tuple_item(args, 0) : Value();
          if (key && is_str(key)) {
            raise_format(&type_error_type, "%s got multiple values for keyword argument '%s'",
                         function_str(callable).c_str(), str_cstr(key));
          } else {
            restore_exception(std::move(error));
          }
        }
        ERROR();
      }
      decref(POP());
      DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
      Value list = TOP();
      auto& items = as_list(list)->m_items;
      Ref t = make_tuple(items.size());
      for (size_t i = 0; i < items.size(); ++i) tuple_set(t, i, items[i]);
      decref(list);
      TOP() = t.release();
      DISPATCH();
    }
    CASE(FORMAT_VALUE) {
      Value spec = (oparg & 4) ? POP() : Value();
      Value v = TOP();
      Ref r = format_value(v, int(oparg & 3), spec);
      decref(spec);
      if (!r) ERROR();
      decref(v);
      TOP() = r.release();
      DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
      Value sequence = TOP();
      sp -= 1;
      if (is_exact_tuple(sequence) && tuple_size(sequence) == oparg) {
        // `for (a, b) in pairs:`, `a, b = b, a`: the items pushed last first.
        const Value* items = sequence.as<TupleObject>()->m_items;
        for (uint32_t i = 0; i < oparg; ++i) {
          Value item = items[oparg - 1 - i];
          incref(item);
          *sp++ = item;
        }
        decref(sequence);
        DISPATCH();
      }
      if (!unpack_sequence(sequence, sp, oparg)) {
        sp += 1;
        ERROR();
      }
      sp += oparg;
      decref(sequence);
      DISPATCH();
    }
    CASE(UNPACK_EX) {
      Value sequence = TOP();
      size_t before = oparg & 0xFF, after = oparg >> 8;
      sp -= 1;
      if (!unpack_ex(sequence, sp, before, after)) {
        sp += 1;
        ERROR();
      }
      sp += before + 1 + after;
      decref(sequence);
      DISPATCH();
    }
    CASE(GET_ITER) {
      Value v = TOP();
      Ref it = iter(v);
      if (!it) ERROR();
      decref(v);
      TOP() = it.release();
      DISPATCH();
    }
    CASE(GET_YIELD_FROM_ITER) {
      Value v = TOP();
      if (v.type() == &coroutine_type) {
        if (!(code->m_flags & (kCodeCoroutine | kCodeIterableCoroutine))) {
          raise(&type_error_type, "cannot 'yield from' a coroutine object in a non-coroutine generator");
          ERROR();
        }
      } else if (v.type() != &generator_type) {
        Ref it = iter(v);
        if (!it) ERROR();
        decref(v);
        TOP() = it.release();
      }
      DISPATCH();
    }
    CASE(FOR_ITER) {
      Value iterator = TOP();
      if (iterator.type() == &generator_type) {
        GeneratorObject* gen = iterator.as<GeneratorObject>();
        if (gen->m_state == GeneratorState::Created || gen->m_state == GeneratorState::Suspended) {
          // Resume the generator's frame inline.
          Frame* gen_frame = gen->m_frame;
          if (gen->m_state == GeneratorState::Suspended) *gen_frame->stack_top++ = new_none().release();
          gen->m_state = GeneratorState::Running;
          std::swap(gen->m_handled_exception, g_thread.handled_exception);
          gen_frame->return_kind = ReturnKind::ForIter;
          gen_frame->return_target = oparg;
          SAVE_FRAME();
          if (!enter_recursive_call("")) {
            gen->m_state = GeneratorState::Suspended;
            std::swap(gen->m_handled_exception, g_thread.handled_exception);
            if (gen_frame->stack_top > gen_frame->stack_base()) decref(*--gen_frame->stack_top);
            ERROR();
          }
          gen_frame->previous = frame;
          frame = gen_frame;
          g_thread.frame = frame;
          LOAD_FRAME();
          CHECK_SIGNALS();  // as CPython's RESUME: a generator resumed sees signals and tracing
          DISPATCH();
        }
      }
      Type* iterator_type = iterator.type();
      if (iterator_type == &list_iterator_type) {
        auto* it = iterator.as<ListIteratorObject>();
        if (it->m_list) {
          auto& items = as_list(it->m_list)->m_items;
          if (uint64_t(it->m_index) < items.size()) {
            Value item = items[size_t(it->m_index++)].get();
            incref(item);
            PUSH(item);
            DISPATCH();
          }
          it->m_list.reset();
        }
        decref(POP());
        JUMP_TO(oparg);
        DISPATCH();
      }
      if (iterator_type == &range_iterator_type) {
        auto* it = iterator.as<RangeIteratorObject>();
        if (it->m_length <= 0) {
          decref(POP());
          JUMP_TO(oparg);
          DISPATCH();
        }
        int64_t value = it->m_start;
        if (Value::fits_small_int(value)) {
          it->m_start = int64_t(uint64_t(value) + uint64_t(it->m_step));
          --it->m_length;
          PUSH(Value::small_int(value));
          DISPATCH();
        }
      }
      Ref item = next(iterator);
      if (item) {
        PUSH(item.release());
        DISPATCH();
      }
      if (error_pending()) {
        if (!exception_matches(&stop_iteration_type)) ERROR();
        if constexpr (kTracing) {
          if (!trace_exception_raised(frame)) ERROR();
        }
        clear_exception();
      }
      decref(POP());
      JUMP_TO(oparg);
      DISPATCH();
    }
    CASE(JUMP) {
      JUMP_TO(oparg);
      CHECK_SIGNALS();  // every loop jumps back, so Ctrl-C interrupts loops
      DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE) {
      Value v = POP();
      int t = v.is(py_bool(false)) ? 0 : v.is(py_bool(true)) ? 1 : is_true(v);
      decref(v);
      if (t < 0) ERROR();
      if (!t) {
        JUMP_TO(oparg);
        CHECK_SIGNALS();
      }
      DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
      Value v = POP();
      int t = v.is(py_bool(false)) ? 0 : v.is(py_bool(true)) ? 1 : is_true(v);
      decref(v);
      if (t < 0) ERROR();
      if (t) {
        JUMP_TO(oparg);
        CHECK_SIGNALS();
      }
      DISPATCH();
    }
    CASE(POP_JUMP_IF_NONE) {
      Value v = POP();
      bool n = is_none(v);
      decref(v);
      if (n) JUMP_TO(oparg);
      DISPATCH();
    }
    CASE(POP_JUMP_IF_NOT_NONE) {
      Value v = POP();
      bool n = is_none(v);
      decref(v);
      if (!n) JUMP_TO(oparg);
      DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
      int t = is_true(TOP());
      if (t < 0) ERROR();
      if (!t) {
        JUMP_TO(oparg);
      } else {
        decref(POP());
      }
      DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
      int t = is_true(TOP());
      if (t < 0) ERROR();
      if (t) {
        JUMP_TO(oparg);
      } else {
        decref(POP());
      }
      DISPATCH();
    }
    CASE(KW_NAMES) {
      kwnames = code->m_consts[oparg];
      DISPATCH();
    }
    CASE(CALL) {
      SKIP_CACHES(CALL);
      size_t nkw = kwnames ? tuple_size(kwnames) : 0;
      size_t total = oparg;  // positional + keyword values
      Value* args = sp - total;
      Value callable = args[-2];
      size_t extra = 0;
      if (callable) {
        // LOAD_METHOD's form: the method, then self as the first argument.
        args -= 1;
        extra = 1;
      } else {
        callable = args[-1];
      }
      size_t nargs = total - nkw + extra;
      TupleObject* kw = kwnames ? kwnames.as<TupleObject>() : nullptr;
      if (callable.type() == &function_type) {
        FunctionObject* function = callable.as<FunctionObject>();
        CodeObject* callee_code = function->m_code.as<CodeObject>();
        if (kw == nullptr && is_simple_call(callee_code, nargs)) [[likely]] {
          Frame* callee = make_simple_call_frame(function, callee_code, args, nargs);
          if (callee == nullptr) ERROR();
          // The callable, the arguments and the NULL or self slot below
          // them now belong to the frame (the NULL needs nothing).
          sp = args - (extra ? 1 : 2);
          if (++g_thread.recursion_depth > g_thread.recursion_limit) [[unlikely]] {
            --g_thread.recursion_depth;
            raise_format(&recursion_error_type, "maximum recursion depth exceeded");
            free_frame(callee);
            ERROR();
          }
          SAVE_FRAME();
          callee->previous = frame;
          frame = callee;
          g_thread.frame = frame;
          LOAD_FRAME();
          CHECK_SIGNALS();
          DISPATCH();
        }
        Frame* callee = make_call_frame(function, args, nargs, kw);
        kwnames.reset();
        if (callee == nullptr) ERROR();
        // The arguments now belong to the callee's frame (it took new
        // references); drop ours and the callable slots.
        for (Value* p = args; p < sp; ++p) decref(*p);
        sp = args;
        decref(POP());            // the callable (or the method)
        if (!extra) decref(POP());  // the NULL below it
        if (is_generator_code(callee->code)) {
          Ref gen = make_generator(callee, callable);
          if (!gen) ERROR();
          PUSH(gen.release());
          DISPATCH();
        }
        if (!enter_recursive_call("")) {
          free_frame(callee);
          ERROR();
        }
        SAVE_FRAME();
        callee->previous = frame;
        callee->return_kind = ReturnKind::Normal;
        frame = callee;
        g_thread.frame = frame;
        LOAD_FRAME();
        CHECK_SIGNALS();
        DISPATCH();
      }
      SAVE_FRAME();
      Ref r;
      if constexpr (kTracing) {
        r = call_profiled(frame, callable, [&] { return call(callable, args, nargs, kw); });
      } else {
        r = call(callable, args, nargs, kw);
      }
      kwnames.reset();
      for (Value* p = args; p < sp; ++p) decref(*p);
      sp = args;
      decref(POP());
      if (!extra) decref(POP());
      if (!r) ERROR();
      PUSH(r.release());
      DISPATCH();
    }
    CASE(CALL_FUNCTION_EX) {
      Value kwargs = (oparg & 1) ? POP() : Value();
      Value args = POP();
      Value callable = TOP();
      Ref args_tuple;
      if (is_tuple(args)) {
        args_tuple = ref(args);
      } else {
        Ref list = list_from_iterable(args);
        if (!list) {
          if (exception_matches(&type_error_type) && args.type()->m_iter == nullptr &&
              args.type()->m_getitem == nullptr) {
            clear_exception();
            raise_format(&type_error_type, "%s argument after * must be an iterable, not %s",
                         function_str(callable).c_str(), value_type_name(args).data());
          }
          decref(kwargs);
          decref(args);
          ERROR();
        }
        auto& items = as_list(list)->m_items;
        args_tuple = make_tuple(items.size());
        for (size_t i = 0; i < items.size(); ++i) tuple_set(args_tuple, i, items[i]);
      }
      Ref kwargs_dict;
      if (kwargs) {
        if (is_exact_dict(kwargs)) {
          kwargs_dict = ref(kwargs);
        } else {
          kwargs_dict = make_dict();
          if (!dict_merge(kwargs_dict, kwargs, true)) {
            decref(kwargs);
            decref(args);
            ERROR();
          }
        }
      }
      SAVE_FRAME();
      Ref r;
      if constexpr (kTracing) {
        r = call_profiled(frame, callable, [&] { return call_with_tuple(callable, args_tuple, kwargs_dict); });
      } else {
        r = call_with_tuple(callable, args_tuple, kwargs_dict);
      }
      decref(kwargs);
      decref(args);
      decref(POP());  // callable
      decref(POP());  // NULL
      if (!r) ERROR();
      PUSH(r.release());
      DISPATCH();
    }
    CASE(MAKE_FUNCTION) {
      Value code_value = POP();
      Ref function = make_function(code_value, frame->globals);
      decref(code_value);
      if (!function) ERROR();
      FunctionObject* f = function.as<FunctionObject>();
      if (oparg & 8) f->m_closure = Ref::steal(POP());
      if (oparg & 4) f->m_annotations = Ref::steal(POP());
      if (oparg & 2) f->m_kwdefaults = Ref::steal(POP());
      if (oparg & 1) f->m_defaults = Ref::steal(POP());
      f->m_builtins = frame->builtins;
      PUSH(function.release());
      DISPATCH();
    }
    CASE(RETURN_VALUE) {
      Value result = POP();
      if constexpr (kTracing) {
        SAVE_FRAME();
        if (!trace_frame_left(frame, result, false) || !trace_generator_returned(frame, result)) {
          decref(result);
          ERROR();
        }
      }
      Frame* finished = frame;
      Frame* caller = frame->previous;
      ReturnKind kind = frame->return_kind;
      uint32_t target = frame->return_target;
      leave_recursive_call();
      g_thread.frame = caller;
      if (finished->generator != nullptr) {
        GeneratorObject* gen = finished->generator;
        gen->m_state = GeneratorState::Finished;
        std::swap(gen->m_handled_exception, g_thread.handled_exception);
        finished->stack_top = sp;
        generator_clear_frame(gen);
      } else {
        frame->stack_top = sp;
        clear_and_free_frame(finished);
      }
      if (kind == ReturnKind::Entry) {
        return_value = Ref::steal(result);
        goto exit;
      }
      frame = caller;
      LOAD_FRAME();
      if (kind == ReturnKind::ForIter) {
        decref(result);
        decref(POP());  // the exhausted generator
        JUMP_TO(target);
      } else if (kind == ReturnKind::Send) {
        decref(POP());  // the value sent
        decref(POP());  // the receiver
        PUSH(result);
        JUMP_TO(target);
      } else {
        PUSH(result);
      }
      DISPATCH();
    }
    CASE(YIELD_VALUE) {
      Value value = POP();
      if constexpr (kTracing) {
        SAVE_FRAME();
        if (!trace_frame_left(frame, value, true)) {
          decref(value);
          ERROR();
        }
      }
      GeneratorObject* gen = frame->generator;
      Frame* caller = frame->previous;
      ReturnKind kind = frame->return_kind;
      SAVE_FRAME();
      gen->m_state = GeneratorState::Suspended;
      std::swap(gen->m_handled_exception, g_thread.handled_exception);
      leave_recursive_call();
      g_thread.frame = caller;
      if (kind == ReturnKind::Entry) {
        return_value = Ref::steal(value);
        goto exit;
      }
      frame = caller;
      LOAD_FRAME();
      // FOR_ITER: the yielded value is the loop's item; SEND: it is the
      // value the caller yields on (receiver stays below it).
      if (kind == ReturnKind::Send) {
        decref(POP());  // the value that was sent
      }
      PUSH(value);
      DISPATCH();
    }
    CASE(SEND) {
      Value value = TOP();
      Value receiver = SECOND();
      if (receiver.type() == &generator_type || receiver.type() == &coroutine_type) {
        GeneratorObject* gen = receiver.as<GeneratorObject>();
        if (gen->m_state == GeneratorState::Created || gen->m_state == GeneratorState::Suspended) {
          if (gen->m_state == GeneratorState::Created && !is_none(value)) {
            raise_format(&type_error_type, "can't send non-None value to a just-started %s",
                         receiver.type() == &generator_type ? "generator" : "coroutine");
            ERROR();
          }
          Frame* gen_frame = gen->m_frame;
          if (gen->m_state == GeneratorState::Suspended) {
            incref(value);
            *gen_frame->stack_top++ = value;
          }
          if (!enter_recursive_call("")) ERROR();
          gen->m_state = GeneratorState::Running;
          std::swap(gen->m_handled_exception, g_thread.handled_exception);
          gen_frame->return_kind = ReturnKind::Send;
          gen_frame->return_target = oparg;
          SAVE_FRAME();
          gen_frame->previous = frame;
          frame = gen_frame;
          g_thread.frame = frame;
          LOAD_FRAME();
          CHECK_SIGNALS();
          DISPATCH();
        }
      }
      Ref r;
      bool returned = false;
      if (is_generator_like(receiver)) {
        r = generator_resume(receiver.as<GeneratorObject>(), value, returned);
      } else if (is_none(value)) {
        r = next(receiver);
        if (!r && !error_pending()) {
          returned = true;
          r = new_none();
        }
      } else {
        r = call_method(receiver, "send", {value});
      }
      if (!r) {
        if (exception_matches(&stop_iteration_type)) {
          if constexpr (kTracing) {
            if (!trace_exception_raised(frame)) ERROR();
          }
          Ref e = fetch_exception();
          Ref v = getattr(e, "value");
          if (!v) ERROR();
          r = std::move(v);
          returned = true;
        } else {
          ERROR();
        }
      }
      decref(POP());  // value
      if (returned) {
        decref(POP());  // receiver
        PUSH(r.release());
        JUMP_TO(oparg);
      } else {
        PUSH(r.release());
      }
      DISPATCH();
    }
    CASE(GET_AWAITABLE) {
      Value v = TOP();
      Ref awaitable = get_awaitable_iterator(v, int(oparg));
      if (!awaitable) ERROR();
      decref(v);
      TOP() = awaitable.release();
      DISPATCH();
    }
    CASE(GET_AITER) {
      Value v = TOP();
      Ref it = get_async_iterator(v);
      if (!it) ERROR();
      decref(v);
      TOP() = it.release();
      DISPATCH();
    }
    CASE(GET_ANEXT) {
      Ref awaitable = get_async_next(TOP());
      if (!awaitable) ERROR();
      PUSH(awaitable.release());
      DISPATCH();
    }
    CASE(END_ASYNC_FOR) {
      Value exc = POP();
      if (isinstance(exc, &stop_async_iteration_type)) {
        decref(exc);
        decref(POP());
        DISPATCH();
      }
      restore_exception(Ref::steal(exc));
      goto exception_unwind;
    }
    CASE(ASYNC_GEN_WRAP) {
      Value v = TOP();
      Ref wrapped = async_gen_wrap(v);
      if (!wrapped) ERROR();
      decref(v);
      TOP() = wrapped.release();
      DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH) {
      Ref exit_bound;
      Ref enter_result = enter_context(TOP(), true, exit_bound);
      if (!enter_result) ERROR();
      Ref awaitable = get_awaitable_iterator(enter_result, 1);
      if (!awaitable) ERROR();
      decref(TOP());
      TOP() = exit_bound.release();
      PUSH(awaitable.release());
      DISPATCH();
    }
    CASE(IMPORT_NAME) {
      Value fromlist = POP();
      Value level = TOP();
      SAVE_FRAME();
      Ref module = import_name(code->m_names[oparg], frame->globals, fromlist, level);
      decref(fromlist);
      if (!module) ERROR();
      decref(level);
      TOP() = module.release();
      DISPATCH();
    }
    CASE(IMPORT_FROM) {
      Ref v = import_from(TOP(), code->m_names[oparg]);
      if (!v) ERROR();
      PUSH(v.release());
      DISPATCH();
    }
    CASE(IMPORT_STAR) {
      Value module = TOP();
      if (!frame->locals) {
        raise(&system_error_type, "no locals found during 'import *'");
        ERROR();
      }
      if (!import_star(module, frame->locals)) ERROR();
      decref(POP());
      DISPATCH();
    }
    CASE(RAISE_VARARGS) {
      if (oparg == 0) {
        Value handled = g_thread.handled_exception.get();
        if (!handled) {
          raise(&runtime_error_type, "No active exception to reraise");
          ERROR();
        }
        restore_exception(ref(handled));
        goto exception_unwind;
      }
      Value cause = oparg == 2 ? POP() : Value();
      Value exc = POP();
      do_raise(exc, cause);
      decref(cause);
      decref(exc);
      ERROR();
    }
    CASE(RERAISE) {
      // With oparg, CPython also resets the frame's current line to the
      // saved lasti below the exception; the handler search still starts
      // from this instruction, and no traceback entry is added, so coil
      // leaves the position alone.
      Value exc = POP();
      restore_exception(Ref::steal(exc));
      SAVE_FRAME();
      goto exception_unwind;
    }
    CASE(PUSH_EXC_INFO) {
      Value exc = POP();
      Ref previous = std::move(g_thread.handled_exception);
      PUSH(previous ? previous.release() : new_none().release());
      g_thread.handled_exception = ref(exc);
      PUSH(exc);
      DISPATCH();
    }
    CASE(POP_EXCEPT) {
      Value previous = POP();
      if (is_none(previous)) {
        g_thread.handled_exception.reset();
        decref(previous);
      } else {
        g_thread.handled_exception = Ref::steal(previous);
      }
      DISPATCH();
    }
    CASE(CHECK_EXC_MATCH) {
      Value type = TOP();
      Value exc = SECOND();
      if (!exception_class_check(type)) ERROR();
      bool match = exception_match(exc, type);
      decref(type);
      TOP() = py_bool(match);
      DISPATCH();
    }
    CASE(CHECK_EG_MATCH) {
      Value type = POP();
      Value exc = TOP();
      if (!exception_class_check(type)) {
        decref(type);
        ERROR();
      }
      for (size_t i = 0, n = is_tuple(type) ? tuple_size(type) : 1; i < n; ++i) {
        Value t = is_tuple(type) ? tuple_item(type, i) : type;
        if (is_subtype(t.as<Type>(), &base_exception_group_type)) {
          decref(type);
          raise(&type_error_type, "catching ExceptionGroup with except* is not allowed. Use except instead.");
          ERROR();
        }
      }
      Ref match, rest;
      bool ok = exception_group_match(exc, type, match, rest);
      decref(type);
      if (!ok) ERROR();
      if (is_none(match)) {
        PUSH(match.release());
        DISPATCH();
      }
      decref(exc);
      TOP() = rest.release();
      // The matched part is what `except*` handles (sys.exc_info()).
      g_thread.handled_exception = match;
      PUSH(match.release());
      DISPATCH();
    }
    CASE(PREP_RERAISE_STAR) {
      Value raised = POP();
      Value original = TOP();
      Ref r = prep_reraise_star(original, raised);
      decref(raised);
      if (!r) ERROR();
      decref(original);
      TOP() = r.release();
      DISPATCH();
    }
    CASE(WITH_EXCEPT_START) {
      Value exc = TOP();
      Value exit = PEEK(4);
      auto* e = exc.as<BaseExceptionObject>();
      Value tb = e->m_traceback ? e->m_traceback.get() : none();
      Ref r = call(exit, {Value(exc.type()), exc, tb});
      if (!r) ERROR();
      PUSH(r.release());
      DISPATCH();
    }
    CASE(BEFORE_WITH) {
      Ref exit_bound;
      Ref enter_result = enter_context(TOP(), false, exit_bound);
      if (!enter_result) ERROR();
      decref(TOP());
      TOP() = exit_bound.release();
      PUSH(enter_result.release());
      DISPATCH();
    }
    CASE(MATCH_CLASS) {
      Value names = POP();
      Value cls = POP();
      Value subject = TOP();
      Ref r = match_class(subject, cls, oparg, names);
      decref(names);
      decref(cls);
      if (!r) ERROR();
      decref(subject);
      TOP() = r.release();
      DISPATCH();
    }
    CASE(MATCH_MAPPING) {
      bool is_mapping = (TOP().type()->m_flags & kTypeMapping) != 0;
      PUSH(py_bool(is_mapping));
      DISPATCH();
    }
    CASE(MATCH_SEQUENCE) {
      bool is_sequence = (TOP().type()->m_flags & kTypeSequence) != 0;
      PUSH(py_bool(is_sequence));
      DISPATCH();
    }
    CASE(MATCH_KEYS) {
      Ref r = match_keys(SECOND(), TOP());
      if (!r) ERROR();
      PUSH(r.release());
      DISPATCH();
    }
    CASE(GET_LEN) {
      std::optional<int64_t> n = length(TOP());
      if (!n) ERROR();
      Ref len = make_int(*n);
      PUSH(len.release());
      DISPATCH();
    }
    CASE(COPY_DICT_WITHOUT_KEYS) {
      Value keys = TOP();
      Value subject = SECOND();
      Ref rest = make_dict();
      if (!rest || !dict_update(rest, subject)) ERROR();
      for (size_t i = 0; i < tuple_size(keys); ++i) {
        if (dict_delitem(rest, tuple_item(keys, i)) < 0) ERROR();
      }
      decref(keys);
      TOP() = rest.release();
      DISPATCH();
    }
    CASE(PRINT_EXPR) {
      Value v = POP();
      Ref r = display_hook(v);
      decref(v);
      if (!r) ERROR();
      DISPATCH();
    }
    default:
      raise_format(&system_error_type, "unknown opcode %d", int(opcode));
      ERROR();
  }

error:
  // A new exception in this frame: record where.
  {
    SAVE_FRAME();
    Value exception = g_thread.current_exception.get();
    if (exception) {
      uint32_t lasti = frame->lasti();
      // Raised before the first instruction (a signal as the frame starts):
      // the function's own line, as CPython's RESUME.
      int line = frame->ip == code->m_code.data() ? code->m_firstlineno : code_line_at(code, lasti);
      exception_add_traceback(exception, Value(code), int(lasti), line);
      if constexpr (kTracing) {
        traced_frame = frame;
        trace_exception_raised(frame);
      }
    }
  }
exception_unwind:
  SAVE_FRAME();
  kwnames.reset();
  while (true) {
    const ExceptionTableEntry* handler = find_handler(code, frame->lasti());
    if (handler != nullptr) {
      Value* base = frame->stack_base();
      while (sp > base + handler->depth) decref(POP());
      if (handler->push_lasti) PUSH(Value::small_int(frame->lasti()));
      PUSH(fetch_exception().release());
      JUMP_TO(handler->handler);
      DISPATCH();
    }
    // No handler: the frame is done; the caller sees the exception.
    if constexpr (kTracing) trace_frame_left(frame, Value(), false);
    Frame* finished = frame;
    Frame* caller = frame->previous;
    ReturnKind kind = frame->return_kind;
    leave_recursive_call();
    g_thread.frame = caller;
    frame->stack_top = sp;
    if (finished->generator != nullptr) {
      GeneratorObject* gen = finished->generator;
      gen->m_state = GeneratorState::Finished;
      std::swap(gen->m_handled_exception, g_thread.handled_exception);
      generator_clear_frame(gen);
      // PEP 479: StopIteration leaving a generator becomes RuntimeError.
      convert_stop_iteration(gen);
    } else {
      free_frame(finished);
    }
    if (kind == ReturnKind::Entry) goto exit;
    frame = caller;
    LOAD_FRAME();
    // The caller's instruction (CALL, FOR_ITER, SEND) failed: it gets a
    // traceback entry too.
    {
      Value exception = g_thread.current_exception.get();
      uint32_t lasti = frame->lasti();
      exception_add_traceback(exception, Value(code), int(lasti), code_line_at(code, lasti));
      if constexpr (kTracing) {
        traced_frame = frame;
        trace_exception_raised(frame);
      }
    }
    if (kind == ReturnKind::ForIter || kind == ReturnKind::Send) {
      // The generator was resumed inline: its caller's stack still has the
      // receiver (and nothing else from the resumption).
    }
  }

exit:
  return return_value;

switch_loop_instance:
  // The frames are saved; run_frame hands them to the other instance.
  SAVE_FRAME();
  g_switch_loop = true;
  return {};
}

}  // namespace run_loop

namespace {

// run_frame's loop over the two instances, once tracing is or was wanted:
// each hand-over resumes the innermost frame in the other instance.
[[gnu::noinline]] Ref run_frames_switching(Frame* frame, bool throwing, Frame* traced_frame, bool outer_tracing) {
  Ref result;
  while (true) {
    g_thread.loop_tracing = tracing_wanted();
    if (g_thread.loop_tracing) {
      run_loop::g_traced_frame_start = traced_frame;
      result = run_loop::run_frames<true>(frame, throwing);
    } else {
      result = run_loop::run_frames<false>(frame, throwing);
    }
    if (!run_loop::g_switch_loop) break;
    run_loop::g_switch_loop = false;
    // The other instance continues the innermost frame; one that has not
    // run an instruction yet has just been called.
    frame = g_thread.frame;
    throwing = false;
    traced_frame = frame->ip == frame->code->m_code.data() ? frame->previous : frame;
  }
  g_thread.loop_tracing = outer_tracing;
  return result;
}

}  // namespace

Ref run_frame(Frame* entry, bool throwing) {
  // Every frame counts towards the recursion limit from when it starts
  // running until it returns, yields or unwinds.
  if (!enter_recursive_call("")) {
    if (entry->generator == nullptr) free_frame(entry);
    return {};
  }
  Frame* frame = entry;
  frame->previous = g_thread.frame;
  g_thread.frame = frame;
  // Without tracing, the plain instance runs it all, unless tracing starts
  // meanwhile. Else the entry frame starts (or a generator resumes) in the
  // switching loop: it gets its 'call' event.
  if (!g_thread.loop_tracing && !tracing_wanted()) [[likely]] {
    Ref result = run_loop::run_frames<false>(frame, throwing);
    if (!run_loop::g_switch_loop) [[likely]] return result;
    run_loop::g_switch_loop = false;
    frame = g_thread.frame;
    Frame* traced_frame = frame->ip == frame->code->m_code.data() ? frame->previous : frame;
    return run_frames_switching(frame, false, traced_frame, false);
  }
  return run_frames_switching(frame, throwing, frame->previous, g_thread.loop_tracing);
}

}  // namespace coil
