// The cycle collector (runtime/gc.cpp), DESIGN §3 "Memory".
//
// Reference counting frees most objects; what it cannot free are groups of
// objects that refer to each other and to which nothing else refers (a
// task and its done callback, an exception, its traceback and the frame
// that holds the exception). Every object of a type with kTypeHasGC — a
// container — carries a GCHead in front of its header (runtime/object.h)
// and sits on the list of its generation. The collector works as CPython's
// gcmodule: for the generations it collects, it copies each object's
// reference count, subtracts the references that objects of the set hold
// to each other (found by their types' traverse slots), and what is left
// with a count above zero is referred to from outside: those objects, and
// everything they reach, live; the rest is garbage. Garbage with
// finalizers (`__del__`, a generator to close, a Future to report) is
// finalized first, as PEP 442 says; weak references to it are cleared;
// then each object's clear slot drops its references and reference
// counting frees the lot.
//
// Invariants the types keep:
//  - a traverse slot visits each reference its object owns at most once,
//    and never one it does not own (a borrowed reference counted as owned
//    lets the collector free a live object); leaving one out only keeps
//    the object from being collected;
//  - a clear slot leaves its object valid: later code (a finalizer that
//    still sees it, its own destruction) finds empty or None fields.
// The words of an object's prefix after the GCHead (__slots__ values and
// __dict__) are owned references visited and cleared by the collector
// itself, for every type; traverse and clear slots leave them alone.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/type.h"

namespace coil {

// Two words, as CPython's PyGC_Head: the generation list's links. The low
// bits of `m_previous` hold flags (the object was finalized; it is part of
// the collection under way; it was found unreachable); while a collection
// computes reference counts, the rest of `m_previous` holds the object's
// count instead of the link, and the list is walked forwards only.
struct GCHead {
  GCHead* m_next;      // null while the object is not tracked
  GCHead* m_previous;  // read through bits(): flags in the low bits
  uintptr_t bits() const { return reinterpret_cast<uintptr_t>(m_previous); }
  void set_bits(uintptr_t bits) { m_previous = reinterpret_cast<GCHead*>(bits); }
};
inline constexpr size_t kGCHeadSize = sizeof(GCHead);

inline GCHead* gc_head(Object* object) { return reinterpret_cast<GCHead*>(object) - 1; }
// allocate_object() puts every new container on the young generation's
// list, and dealloc() takes it off.
void gc_track(Object* object);
void gc_untrack(Object* object);

// Whether `v` is an object with a GCHead on a generation list (static
// objects and immortal ones have none that the collector may touch).
bool gc_is_tracked(Value v);
// Whether the object's finalizer has run (PEP 442: it runs once).
bool gc_is_finalized(Object* object);
// Marks the object finalized; dealloc() calls it before running a
// finalizer, so that a resurrected object is not finalized again.
void gc_set_finalized(Object* object);

// Visits every reference `object` owns: its prefix words, then its
// type's traverse slot (for gc.get_referents and the collector).
void gc_traverse(Object* object, VisitFn visit, void* context);

// Collects generation `generation` and the younger ones; returns how many
// unreachable objects were found, as CPython's gc.collect() counts them.
// Returns 0 at once when a collection is already running.
int64_t gc_collect(int generation);
// A collection was requested by allocation (the young generation passed
// its threshold); runs it. Called at the interpreter's safe points.
void gc_collect_requested();
extern bool g_gc_requested;

// The state gc's Python interface shows and sets (stdlib/gc.cpp).
struct GCState {
  bool enabled = true;
  int64_t threshold[3] = {700, 10, 10};
  int64_t count[3] = {0, 0, 0};
  int debug = 0;
  // gc.get_stats(): per generation.
  int64_t collections[3] = {0, 0, 0};
  int64_t collected[3] = {0, 0, 0};
  int64_t uncollectable[3] = {0, 0, 0};
  // gc.garbage and gc.callbacks, made with the gc module. Each holds a
  // reference never dropped: releasing them at static destruction could
  // run finalizers after the runtime is gone.
  Value garbage;
  Value callbacks;
};
extern GCState g_gc;

inline constexpr int kDebugStats = 1;
inline constexpr int kDebugCollectable = 2;
inline constexpr int kDebugUncollectable = 4;
inline constexpr int kDebugSaveAll = 32;

// gc.get_objects(): the objects of one generation, or of all (-1).
Ref gc_objects(int generation);
// gc.get_referrers(): the tracked objects that refer to any of `targets`.
Ref gc_referrers(const Value* targets, size_t count);
// gc.freeze(), gc.unfreeze(), gc.get_freeze_count().
void gc_freeze();
void gc_unfreeze();
size_t gc_freeze_count();

// The containers made while the runtime started (types' dicts, builtins,
// modules) will live as long as the program: they join the oldest
// generation at once, so that young collections do not scan them again
// and the program's own allocations start generation 0's count.
// With COIL_GC_STRESS set in the environment, generation 0's threshold
// starts at 1: a collection at nearly every safe point, to shake out
// traverse and clear slots that are wrong.
void gc_startup_done();

// Collections at exit (cli/run.cpp): as CPython's finalization, first an
// ordinary full collection when the collector is enabled, then, once the
// main module is gone, one that runs whether enabled or not.
void gc_collect_at_exit(bool only_if_enabled);

}  // namespace coil
