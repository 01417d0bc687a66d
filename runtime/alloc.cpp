// The small-object allocator (runtime/alloc.h): per-class free lists over
// bump-allocated slabs. coil runs Python on one thread, so nothing here
// locks.
#include "runtime/alloc.h"

#include <cstdlib>
#include <cstring>

namespace coil {

#if defined(__SANITIZE_ADDRESS__)

void* small_alloc(size_t size) { return std::calloc(1, size); }
void* small_alloc_uninitialized(size_t size) { return std::malloc(size); }
void small_free(void* block, size_t) { std::free(block); }

#else

namespace small_alloc_detail {

FreeBlock* g_free[kClasses] = {};

namespace {

constexpr size_t kSlabBytes = 64 * 1024;

// The unused tail of the current slab, shared by every class.
char* g_slab_next = nullptr;
char* g_slab_end = nullptr;

}  // namespace

// A block of class `c` cut from the current slab (its free list is empty).
void* allocate_from_slab(size_t c) {
  size_t bytes = (c + 1) * kGranule;
  if (size_t(g_slab_end - g_slab_next) < bytes) {
    // The old slab's tail (under 512 bytes) is given to the free lists it fits.
    while (size_t left = size_t(g_slab_end - g_slab_next) / kGranule * kGranule) {
      size_t tail_class = (left < kSmallObjectMax ? left : kSmallObjectMax) / kGranule - 1;
      auto* tail = reinterpret_cast<FreeBlock*>(g_slab_next);
      tail->next = g_free[tail_class];
      g_free[tail_class] = tail;
      g_slab_next += (tail_class + 1) * kGranule;
    }
    char* slab = static_cast<char*>(std::malloc(kSlabBytes));
    if (slab == nullptr) return nullptr;
    g_slab_next = slab;
    g_slab_end = slab + kSlabBytes;
  }
  void* block = g_slab_next;
  g_slab_next += bytes;
  return block;
}

}  // namespace small_alloc_detail

void* small_alloc(size_t size) {
  using namespace small_alloc_detail;
  void* block = small_alloc_uninitialized(size);
  if (block != nullptr) std::memset(block, 0, (size_class(size) + 1) * kGranule);
  return block;
}

#endif

}  // namespace coil
