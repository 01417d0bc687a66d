// Memory for small objects of fixed size (floats, bound methods, instances,
// cells, dicts' and lists' headers…), which Python programs allocate and
// free at a high rate.
//
// Blocks come in size classes 16 bytes apart up to kSmallObjectMax. A freed
// block goes on its class's free list and is handed out again by the next
// allocation of that class; new blocks are cut from 64 KB slabs. Memory
// once used by a class stays with it for the rest of the run (CPython's
// float and tuple free lists behave the same way). The caller gives the size
// back when freeing: objects of fixed-size types know it from their type.
//
// Sanitizer builds use calloc/free for every block, so that a use after
// free is still caught.
#pragma once

#include <cstddef>

namespace coil {

inline constexpr size_t kSmallObjectMax = 512;

// A zeroed block of `size` bytes (size <= kSmallObjectMax), or null when out
// of memory.
void* small_alloc(size_t size);

#if defined(__SANITIZE_ADDRESS__)

// The same, not zeroed: for callers that set every byte themselves.
void* small_alloc_uninitialized(size_t size);

// Returns a block small_alloc gave for the same `size`.
void small_free(void* block, size_t size);

#else

// Taking a block from its free list and putting it back are inline (floats
// are made and dropped at nearly every arithmetic instruction); a new slab
// is alloc.cpp's business.
namespace small_alloc_detail {
struct FreeBlock {
  FreeBlock* next;
};
inline constexpr size_t kGranule = 16;
inline constexpr size_t kClasses = kSmallObjectMax / kGranule;
extern FreeBlock* g_free[kClasses];
constexpr size_t size_class(size_t size) { return (size + kGranule - 1) / kGranule - 1; }
void* allocate_from_slab(size_t size_class);
}  // namespace small_alloc_detail

// The same, not zeroed: for callers that set every byte themselves.
[[gnu::always_inline]] inline void* small_alloc_uninitialized(size_t size) {
  using namespace small_alloc_detail;
  size_t c = size_class(size);
  if (FreeBlock* block = g_free[c]) [[likely]] {
    g_free[c] = block->next;
    return block;
  }
  return allocate_from_slab(c);
}

// Returns a block small_alloc gave for the same `size`.
[[gnu::always_inline]] inline void small_free(void* block, size_t size) {
  using namespace small_alloc_detail;
  size_t c = size_class(size);
  auto* free_block = static_cast<FreeBlock*>(block);
  free_block->next = g_free[c];
  g_free[c] = free_block;
}

#endif

}  // namespace coil
