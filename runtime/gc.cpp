// The cycle collector (runtime/gc.h).
//
// Three generations, as CPython's: a new container joins generation 0; one
// that survives a collection of its generation moves to the next. Each
// generation has a count and a threshold: generation 0 counts container
// allocations minus deallocations, an older one the collections of the
// generation below it. When generation 0's count passes its threshold the
// collector collects the oldest generation whose count passed its own (the
// oldest only once the objects waiting for a full collection are a quarter
// of those that survived the last one, as CPython limits full collections).
//
// When. CPython collects inside the allocation that passes the threshold.
// coil cannot: its native functions allocate while holding raw pointers
// into objects (an entry of a dict being resized, the items of a list
// being sorted), and a collection runs finalizers — Python code — and
// frees objects. So allocation only records the request and sets the eval
// breaker the interpreter already tests at its safe points (backward jumps,
// calls of Python functions; the event loop tests the request each turn),
// and the collection runs there, on whichever thread holds the GIL
// (handle_eval_breaker and run_pending_signals call gc_collect_requested()): at an
// instruction boundary where any Python code may run anyway (a signal
// handler, a __del__), every frame's values are on its stack and owned, and
// native code below on the C stack is only code that calls Python and must
// already expect anything of it.
//
// The phases of one collection, numbered as in collect() below:
//  1. the generations younger than the one collected join it;
//  2. update_refs: each object's count is copied into its head;
//  3. subtract_refs: each reference from an object of the set to another
//     is subtracted — what remains counts references from outside;
//  4. move_unreachable: objects with a count left are roots; what they
//     reach moves back with them; the rest is (tentatively) unreachable;
//  5. the survivors move on to the next generation;
//  6. weak references to unreachable objects are cleared, and the callbacks
//     of those that are not garbage themselves are called;
//  7. finalizers run (once per object: the head's finalized flag);
//  8. finalizers may have made objects reachable again: the counts are
//     computed again over the unreachable set, and what is reachable now
//     (with all it reaches) survives;
//  9. each remaining object's references are cleared (its prefix words,
//     then its type's clear slot), which breaks the cycles; reference
//     counting frees the objects.
// No Python code runs during phases 2-4 and 8's recount, which is what lets
// the heads hold counts instead of back links meanwhile.
#include "runtime/gc.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/gc_visit.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/signals.h"
#include "runtime/threads.h"
#include "runtime/slots.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/weakref.h"

namespace coil {

GCState g_gc;
bool g_gc_requested = false;

namespace {

// Flags in the low bits of GCHead::m_previous (heads are 16-byte aligned).
constexpr uintptr_t kFinalized = 1;    // the finalizer ran (PEP 442)
constexpr uintptr_t kCollecting = 2;   // in the set being collected
constexpr uintptr_t kUnreachable = 4;  // tentatively unreachable (phase 4)
constexpr uintptr_t kFlagMask = 7;
constexpr int kCountShift = 3;
constexpr uintptr_t kCountOne = uintptr_t(1) << kCountShift;
// Counts kept in a head are capped: an immortal object's is only "many".
constexpr int64_t kCountCap = int64_t(1) << 40;

constexpr int kGenerations = 3;
constexpr int kPermanent = 3;  // gc.freeze()'s list
// Constant-initialized, so that allocations made by other files' static
// constructors find them ready.
GCHead g_lists[kGenerations + 1] = {
    {&g_lists[0], &g_lists[0]},
    {&g_lists[1], &g_lists[1]},
    {&g_lists[2], &g_lists[2]},
    {&g_lists[3], &g_lists[3]},
};

bool g_collecting = false;
// Objects that survived the last full collection, and those that reached
// the oldest generation since (CPython's long_lived_total/_pending).
int64_t g_long_lived_total = 0;
int64_t g_long_lived_pending = 0;

// ---- heads and lists

GCHead* next_of(const GCHead* head) { return head->m_next; }
GCHead* previous_of(const GCHead* head) { return reinterpret_cast<GCHead*>(head->bits() & ~kFlagMask); }
uintptr_t flags_of(const GCHead* head) { return head->bits() & kFlagMask; }
void set_next(GCHead* head, GCHead* next) { head->m_next = next; }
void set_previous(GCHead* head, GCHead* previous) {
  head->set_bits(reinterpret_cast<uintptr_t>(previous) | flags_of(head));
}
uintptr_t address(GCHead* head) { return reinterpret_cast<uintptr_t>(head); }
Object* object_of(GCHead* head) { return reinterpret_cast<Object*>(head + 1); }

void list_init(GCHead* list) {
  list->m_next = list;
  list->m_previous = list;
}
bool list_is_empty(const GCHead* list) { return next_of(list) == list; }
void list_append(GCHead* node, GCHead* list) {
  GCHead* last = previous_of(list);
  set_previous(node, last);
  set_next(node, list);
  set_next(last, node);
  set_previous(list, node);
}
void list_remove(GCHead* node) {
  GCHead* previous = previous_of(node);
  GCHead* next = next_of(node);
  set_next(previous, next);
  set_previous(next, previous);
}
void list_move(GCHead* node, GCHead* list) {
  list_remove(node);
  list_append(node, list);
}
// Appends every node of `from` to `to`, leaving `from` empty.
void list_merge(GCHead* from, GCHead* to) {
  if (list_is_empty(from)) return;
  GCHead* first = next_of(from);
  GCHead* last = previous_of(from);
  GCHead* to_last = previous_of(to);
  set_next(to_last, first);
  set_previous(first, to_last);
  set_next(last, to);
  set_previous(to, last);
  list_init(from);
}
int64_t list_size(const GCHead* list) {
  int64_t n = 0;
  for (GCHead* node = next_of(list); node != list; node = next_of(node)) ++n;
  return n;
}

// The head of `v` if it is a container the collector may look at: static
// objects (the built-in types, None's kind) and immortal ones have no
// head, or one that must stay out of every count.
GCHead* head_if_container(Value v) {
  if (!v.is_object()) return nullptr;
  Object* object = v.as_object();
  if (!(object->m_type->m_flags & kTypeHasGC) || object->m_refcount >= kImmortalRefcount / 2) return nullptr;
  return gc_head(object);
}

// Visits every reference `object` owns with `visit` (a callable taking a
// Value): for the containers collections meet most, with runtime/
// gc_visit.h's templates, the visit inlined; for the others (and
// subclasses, whose prefix words need visiting too), through gc_traverse.
template <class Visit>
void traverse_inline(Object* object, Visit& visit) {
  Type* type = object->m_type;
  if (type == &list_type) {
    visit_list(static_cast<ListObject*>(object), visit);
  } else if (type == &tuple_type) {
    visit_tuple(static_cast<TupleObject*>(object), visit);
  } else if (type == &dict_type) {
    visit_dict(static_cast<DictObject*>(object), visit);
  } else if (type == &coroutine_type || type == &generator_type) {
    visit_generator(static_cast<GeneratorObject*>(object), visit);
  } else if (type == &task_type || type == &future_type) {
    visit_future(static_cast<FutureObject*>(object), visit);
  } else {
    gc_traverse(
        object, [](Value v, void* context) { (*static_cast<Visit*>(context))(v); }, &visit);
  }
}

// ---- the count computation (phases 2-4); no Python code runs here

// Phase 2: each object's count into its head, and the collecting flag.
// The list is linked forwards only from here until move_unreachable.
void update_refs(GCHead* list) {
  for (GCHead* node = next_of(list); node != list; node = next_of(node)) {
    int64_t count = object_of(node)->m_refcount;
    if (count > kCountCap) count = kCountCap;
    node->set_bits((uintptr_t(count) << kCountShift) | (flags_of(node) & kFinalized) | kCollecting);
  }
}

inline void visit_decref(Value v) {
  GCHead* head = head_if_container(v);
  if (head == nullptr) return;
  uintptr_t bits = head->bits();
  // An object outside the set (an older generation) is left alone. A
  // count never goes below zero unless a traverse slot visits a reference
  // its object does not own; the check keeps such a bug from wrapping.
  if ((bits & kCollecting) && (bits >> kCountShift) > 0) head->set_bits(bits - kCountOne);
}

// Phase 3.
void subtract_refs(GCHead* list) {
  auto visit = [](Value v) { visit_decref(v); };
  for (GCHead* node = next_of(list); node != list; node = next_of(node)) traverse_inline(object_of(node), visit);
}

// Phase 4's walk: `young` is being scanned front to back; objects found
// reachable are appended at its end (`tail`), so the scan reaches them.
struct ReachState {
  GCHead* young;
  GCHead* tail;
};

inline void visit_reachable(Value v, ReachState* state) {
  GCHead* head = head_if_container(v);
  if (head == nullptr) return;
  uintptr_t bits = head->bits();
  if (!(bits & kCollecting)) return;  // outside the set, or already scanned as reachable
  if (bits & kUnreachable) {
    // Taken for unreachable earlier: back into the young list, to be
    // scanned (and its own references followed) when the walk gets there.
    GCHead* previous = reinterpret_cast<GCHead*>(bits & ~kFlagMask);
    GCHead* next = next_of(head);
    set_next(previous, next);
    set_previous(next, previous);
    set_next(state->tail, head);
    set_next(head, state->young);
    state->tail = head;
    head->set_bits(kCountOne | (bits & kFinalized) | kCollecting);
  } else if ((bits >> kCountShift) == 0) {
    // Not scanned yet: it will be, as reachable.
    head->set_bits(kCountOne | (bits & kFlagMask));
  }
}

// Phase 4: splits `young` (counts computed) into what is reachable from
// its roots, left in `young` with its back links restored and its flags
// cleared, and the rest, moved to `unreachable` (a normal list; its nodes
// keep the collecting and unreachable flags).
void move_unreachable(GCHead* young, GCHead* unreachable) {
  ReachState state{young, previous_of(young)};
  auto visit = [&state](Value v) { visit_reachable(v, &state); };
  GCHead* kept = young;  // the last node known reachable
  GCHead* node = next_of(young);
  while (node != young) {
    uintptr_t bits = node->bits();
    if ((bits >> kCountShift) > 0) {
      traverse_inline(object_of(node), visit);
      node->set_bits(address(kept) | (bits & kFinalized));
      kept = node;
      node = next_of(node);
    } else {
      GCHead* following = next_of(node);
      set_next(kept, following);
      if (state.tail == node) state.tail = kept;
      GCHead* last = previous_of(unreachable);
      node->set_bits(address(last) | (bits & kFinalized) | kCollecting | kUnreachable);
      set_next(node, unreachable);
      set_next(last, node);
      set_previous(unreachable, node);
      node = following;
    }
  }
  set_previous(young, kept);
}

// ---- finalizers, weak references, clearing (phases 6-9)

bool has_finalizer(Object* object) {
  Type* type = object->m_type;
  if (type->m_finalize != nullptr) return true;
  return (type->m_flags & kTypeHeapType) && type_lookup(type, "__del__");
}

// Runs the object's finalizers: a class's __del__, then its type's
// finalize slot (as dealloc() does), the caller holding a reference.
void run_finalizers(Object* object) {
  Type* type = object->m_type;
  if (type->m_flags & kTypeHeapType) call_del(object);
  if (type->m_finalize != nullptr) type->m_finalize(object);
}

// Phase 6, as CPython's handle_weakrefs: every weak reference to an
// unreachable object is cleared first; then the callbacks of those that
// are not garbage themselves run (a callback of a garbage reference could
// see garbage). Returns how many of the references whose callbacks ran
// were freed afterwards, which CPython counts among the collected.
int64_t handle_weakrefs(GCHead* unreachable) {
  std::vector<Ref> with_callbacks;
  std::vector<Object*> cleared;
  for (GCHead* node = next_of(unreachable); node != unreachable; node = next_of(node)) {
    Object* object = object_of(node);
    if (!(object->m_type->m_flags & kTypeWeakrefable)) continue;
    cleared.clear();
    detach_weakrefs(object, cleared);
    for (Object* weak : cleared) {
      GCHead* head = head_if_container(Value(weak));
      if (head != nullptr && (head->bits() & kCollecting)) continue;
      with_callbacks.push_back(ref(Value(weak)));
    }
  }
  if (with_callbacks.empty()) return 0;
  int64_t freed = 0;
  Ref saved = fetch_exception();
  for (Ref& weak : with_callbacks) {
    call_weakref_callback(weak);
    if (weak.object()->m_refcount == 1) ++freed;
    weak.reset();
  }
  restore_exception(std::move(saved));
  return freed;
}

// Phase 7, as CPython's finalize_garbage: each object is moved to a list
// of its own before its finalizer runs, which may free other objects of
// the set (they leave the list as they go).
void finalize_garbage(GCHead* unreachable) {
  GCHead seen;
  list_init(&seen);
  while (!list_is_empty(unreachable)) {
    GCHead* node = next_of(unreachable);
    list_move(node, &seen);
    Object* object = object_of(node);
    if ((node->bits() & kFinalized) || !has_finalizer(object)) continue;
    node->set_bits(node->bits() | kFinalized);
    incref(object);
    run_finalizers(object);
    decref(object);
  }
  list_merge(&seen, unreachable);
}

// Phase 8, as CPython's handle_resurrected_objects: what a finalizer made
// reachable again, and everything it reaches, goes to `old`; the rest
// stays garbage, in `still_unreachable`.
void handle_resurrected(GCHead* unreachable, GCHead* still_unreachable, GCHead* old) {
  update_refs(unreachable);
  subtract_refs(unreachable);
  move_unreachable(unreachable, still_unreachable);
  list_merge(unreachable, old);
}

// Drops the references `object` owns: its prefix words (__slots__ values,
// __dict__), then its type's clear slot.
void clear_object(Object* object) {
  Type* type = object->m_type;
  size_t words = (type->m_prefix - kGCHeadSize) / sizeof(Value);
  Ref* start = reinterpret_cast<Ref*>(reinterpret_cast<char*>(object) - type->m_prefix);
  for (size_t i = 0; i < words; ++i) {
    Ref old = std::move(start[i]);
  }
  if (type->m_clear != nullptr) type->m_clear(object);
}

// Phase 9. An object still alive after its clear (something it does not
// own a reference to keeps it) waits in `old` for a later collection.
void delete_garbage(GCHead* collectable, GCHead* old) {
  while (!list_is_empty(collectable)) {
    GCHead* node = next_of(collectable);
    Object* object = object_of(node);
    if (g_gc.debug & kDebugSaveAll) {
      if (g_gc.garbage) list_append(g_gc.garbage, ref(Value(object)));
    } else {
      incref(object);
      clear_object(object);
      if (error_pending()) {
        Ref error = fetch_exception();
        write_unraisable(Value(object->m_type), error);
      }
      decref(object);
    }
    if (next_of(collectable) == node) {
      node->set_bits(node->bits() & ~(kCollecting | kUnreachable));
      list_move(node, old);
    }
  }
}

// CPython counts instance attributes kept in the object itself (3.11's
// inline values), not in a dict of their own: an unreachable instance's
// __dict__, if the instance alone refers to it and it is unreachable too,
// is not counted as a second object.
int64_t count_garbage(GCHead* list) {
  int64_t n = 0;
  for (GCHead* node = next_of(list); node != list; node = next_of(node)) {
    ++n;
    Object* object = object_of(node);
    Type* type = object->m_type;
    if (!(type->m_flags & kTypeHeapType) || type->m_dict_offset == 0) continue;
    if ((type->m_flags & kTypeTypeSubclass)) continue;
    Value dict = instance_dict_slot(object)->get();
    GCHead* head = head_if_container(dict);
    if (head != nullptr && (head->bits() & kCollecting) && dict.as_object()->m_refcount == 1 &&
        dict.type() == &dict_type) {
      --n;
    }
  }
  return n;
}

void print_collectable(GCHead* list, const char* what) {
  for (GCHead* node = next_of(list); node != list; node = next_of(node)) {
    Object* object = object_of(node);
    std::fprintf(stderr, "gc: %s <%s %p>\n", what, object->m_type->m_tp_name, static_cast<void*>(object));
  }
}

// One collection of `generation` (and the younger ones). Returns the
// number of unreachable objects found; `uncollectable` is always 0 in
// coil (no type has a legacy tp_del finalizer).
int64_t collect(int generation, int64_t& uncollectable) {
  auto started = std::chrono::steady_clock::now();
  if (g_gc.debug & kDebugStats) {
    std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
    std::fprintf(stderr, "gc: objects in each generation: %lld %lld %lld\n", (long long)list_size(&g_lists[0]),
                 (long long)list_size(&g_lists[1]), (long long)list_size(&g_lists[2]));
    std::fprintf(stderr, "gc: objects in permanent generation: %lld\n", (long long)list_size(&g_lists[kPermanent]));
  }
  // 1.
  if (generation + 1 < kGenerations) ++g_gc.count[generation + 1];
  for (int i = 0; i <= generation; ++i) g_gc.count[i] = 0;
  for (int i = 0; i < generation; ++i) list_merge(&g_lists[i], &g_lists[generation]);
  GCHead* young = &g_lists[generation];
  GCHead* old = generation + 1 < kGenerations ? &g_lists[generation + 1] : young;
  // 2-4.
  update_refs(young);
  subtract_refs(young);
  GCHead unreachable;
  list_init(&unreachable);
  move_unreachable(young, &unreachable);
  // 5.
  if (young != old) {
    if (generation == kGenerations - 2) g_long_lived_pending += list_size(young);
    list_merge(young, old);
  } else {
    g_long_lived_pending = 0;
    g_long_lived_total = list_size(young);
  }
  // 6-8.
  int64_t collected = handle_weakrefs(&unreachable);
  finalize_garbage(&unreachable);
  GCHead final_unreachable;
  list_init(&final_unreachable);
  handle_resurrected(&unreachable, &final_unreachable, old);
  collected += count_garbage(&final_unreachable);
  if (g_gc.debug & kDebugCollectable) print_collectable(&final_unreachable, "collectable");
  // 9.
  delete_garbage(&final_unreachable, old);
  uncollectable = 0;
  if (g_gc.debug & kDebugStats) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "gc: done, %lld unreachable, %lld uncollectable, %.4fs elapsed\n", (long long)collected,
                 (long long)uncollectable, seconds);
  }
  ++g_gc.collections[generation];
  g_gc.collected[generation] += collected;
  g_gc.uncollectable[generation] += uncollectable;
  return collected;
}

// gc.callbacks: each is called with "start" or "stop" and an info dict,
// as CPython's invoke_gc_callback; an error is reported as unraisable.
void invoke_callbacks(const char* phase, int generation, int64_t collected, int64_t uncollectable) {
  if (!g_gc.callbacks || !is_list(g_gc.callbacks) || as_list(g_gc.callbacks)->m_items.empty()) return;
  Ref saved = fetch_exception();
  Ref info = make_dict();
  Ref phase_name = make_str(phase);
  if (info && phase_name && dict_setitem_str(info, "generation", Value::small_int(generation)) &&
      dict_setitem_str(info, "collected", make_int(collected)) &&
      dict_setitem_str(info, "uncollectable", make_int(uncollectable))) {
    for (size_t i = 0; i < as_list(g_gc.callbacks)->m_items.size(); ++i) {
      Ref callback = as_list(g_gc.callbacks)->m_items[i];  // the list may change meanwhile
      if (!call(callback, {phase_name.get(), info.get()})) {
        Ref error = fetch_exception();
        write_unraisable(callback, error);
      }
    }
  }
  if (error_pending()) clear_exception();
  restore_exception(std::move(saved));
}

int64_t collect_with_callbacks(int generation) {
  invoke_callbacks("start", generation, 0, 0);
  int64_t uncollectable = 0;
  int64_t collected = collect(generation, uncollectable);
  invoke_callbacks("stop", generation, collected, uncollectable);
  return collected + uncollectable;
}

}  // namespace

// Runs at every container allocation: the list's head carries no flags,
// nor does the new node, so the links are written directly.
void gc_track(Object* object) {
  GCHead* head = gc_head(object);
  GCHead* list = &g_lists[0];
  GCHead* last = list->m_previous;
  head->m_next = list;
  head->m_previous = last;
  last->m_next = head;
  list->m_previous = head;
  if (++g_gc.count[0] > g_gc.threshold[0]) [[unlikely]] {
    if (g_gc.threshold[0] != 0 && g_gc.enabled && !g_collecting) {
      // Collected at the next safe point (see the top of this file).
      g_gc_requested = true;
      g_eval_breaker.store(1, std::memory_order_relaxed);
    }
  }
}

void gc_untrack(Object* object) {
  GCHead* head = gc_head(object);
  if (GCHead* next = head->m_next) [[likely]] {
    GCHead* previous = previous_of(head);
    previous->m_next = next;
    next->set_bits(address(previous) | flags_of(next));
    head->m_next = nullptr;
  }
  g_gc.count[0] -= g_gc.count[0] > 0;
}

bool gc_is_tracked(Value v) {
  GCHead* head = head_if_container(v);
  return head != nullptr && head->m_next != nullptr;
}

bool gc_is_finalized(Object* object) {
  if (!(object->m_type->m_flags & kTypeHasGC)) return false;
  return gc_head(object)->bits() & kFinalized;
}

void gc_set_finalized(Object* object) {
  if (object->m_type->m_flags & kTypeHasGC) gc_head(object)->set_bits(gc_head(object)->bits() | kFinalized);
}

void gc_traverse(Object* object, VisitFn visit, void* context) {
  Type* type = object->m_type;
  // An instance of a class made in Python holds its class.
  if (type->m_flags & kTypeHeapType) visit(Value(type), context);
  if (type->m_flags & kTypeHasGC) {
    size_t words = (type->m_prefix - kGCHeadSize) / sizeof(Value);
    const Value* start = reinterpret_cast<const Value*>(reinterpret_cast<char*>(object) - type->m_prefix);
    for (size_t i = 0; i < words; ++i) {
      if (start[i]) visit(start[i], context);
    }
  }
  if (type->m_traverse != nullptr) type->m_traverse(object, visit, context);
}

int64_t gc_collect(int generation) {
  if (g_collecting) return 0;
  g_collecting = true;
  int64_t n = collect_with_callbacks(generation);
  g_collecting = false;
  return n;
}

void gc_collect_requested() {
  g_gc_requested = false;
  if (g_collecting || !g_gc.enabled || g_gc.threshold[0] == 0 || g_gc.count[0] <= g_gc.threshold[0]) return;
  g_collecting = true;
  for (int i = kGenerations - 1; i >= 0; --i) {
    if (g_gc.count[i] <= g_gc.threshold[i]) continue;
    // A full collection waits until enough objects are new to the oldest
    // generation, as CPython's, so that collecting stays linear overall.
    if (i == kGenerations - 1 && g_long_lived_pending < g_long_lived_total / 4) continue;
    collect_with_callbacks(i);
    break;
  }
  g_collecting = false;
}

Ref gc_objects(int generation) {
  Ref result = make_list();
  if (!result) return {};
  for (int i = 0; i < kGenerations; ++i) {
    if (generation >= 0 && i != generation) continue;
    for (GCHead* node = next_of(&g_lists[i]); node != &g_lists[i]; node = next_of(node)) {
      Object* object = object_of(node);
      if (object == result.object()) continue;
      list_append(result, ref(Value(object)));
    }
  }
  return result;
}

namespace {
struct ReferrerSearch {
  const Value* targets;
  size_t count;
  bool found;
};
void visit_referrer(Value v, void* context) {
  auto* search = static_cast<ReferrerSearch*>(context);
  for (size_t i = 0; i < search->count; ++i) {
    if (v.is(search->targets[i])) search->found = true;
  }
}
}  // namespace

Ref gc_referrers(const Value* targets, size_t count) {
  Ref result = make_list();
  if (!result) return {};
  for (int i = 0; i < kGenerations; ++i) {
    for (GCHead* node = next_of(&g_lists[i]); node != &g_lists[i]; node = next_of(node)) {
      Object* object = object_of(node);
      if (object == result.object()) continue;
      ReferrerSearch search{targets, count, false};
      gc_traverse(object, visit_referrer, &search);
      if (search.found) list_append(result, ref(Value(object)));
    }
  }
  return result;
}

void gc_freeze() {
  for (int i = 0; i < kGenerations; ++i) {
    list_merge(&g_lists[i], &g_lists[kPermanent]);
    g_gc.count[i] = 0;
  }
}

void gc_unfreeze() { list_merge(&g_lists[kPermanent], &g_lists[kGenerations - 1]); }

size_t gc_freeze_count() { return size_t(list_size(&g_lists[kPermanent])); }

void gc_startup_done() {
  // The stress mode for testing the collector (and every type's traverse
  // and clear): a young collection at every safe point after an allocation.
  if (std::getenv("COIL_GC_STRESS") != nullptr) g_gc.threshold[0] = 1;
  for (int i = 0; i < kGenerations - 1; ++i) {
    list_merge(&g_lists[i], &g_lists[kGenerations - 1]);
    g_gc.count[i] = 0;
  }
  g_long_lived_total = list_size(&g_lists[kGenerations - 1]);
  g_long_lived_pending = 0;
  g_gc_requested = false;
}

void gc_collect_at_exit(bool only_if_enabled) {
  if (only_if_enabled) {
    if (g_gc.enabled) gc_collect(kGenerations - 1);
    return;
  }
  // As CPython's _PyGC_CollectNoFail: no callbacks.
  if (g_collecting) return;
  g_collecting = true;
  int64_t uncollectable = 0;
  collect(kGenerations - 1, uncollectable);
  g_collecting = false;
}

}  // namespace coil
