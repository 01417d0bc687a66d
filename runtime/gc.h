// The cycle collector's bookkeeping (runtime/gc.cpp).
//
// Every object of a type with kTypeHasGC carries a link in front of its
// header (runtime/object.h) and sits on one list of all such objects. The
// list is what a cycle collector walks (traverse slots find the references
// between containers, as in CPython's gcmodule); it also keeps every
// container reachable, so that LeakSanitizer does not report objects that
// only a cycle holds.
#pragma once

#include <cstddef>

#include "runtime/object.h"

namespace coil {

struct GCHead {
  GCHead* previous;
  GCHead* next;
};
inline constexpr size_t kGCHeadSize = sizeof(GCHead);

void gc_track(Object* object, char* memory);
void gc_untrack(Object* object, char* memory);
// Containers currently tracked.
size_t gc_tracked_count();

}  // namespace coil
