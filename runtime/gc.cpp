// The list of container objects (runtime/gc.h).
#include "runtime/gc.h"

#include "runtime/type.h"

namespace coil {

namespace {
GCHead g_list{&g_list, &g_list};
size_t g_count = 0;
}  // namespace

void gc_track(Object*, char* memory) {
  GCHead* head = reinterpret_cast<GCHead*>(memory);
  head->previous = g_list.previous;
  head->next = &g_list;
  g_list.previous->next = head;
  g_list.previous = head;
  ++g_count;
}

void gc_untrack(Object*, char* memory) {
  GCHead* head = reinterpret_cast<GCHead*>(memory);
  head->previous->next = head->next;
  head->next->previous = head->previous;
  --g_count;
}

size_t gc_tracked_count() { return g_count; }

}  // namespace coil
