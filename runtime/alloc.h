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

// The same, not zeroed: for callers that set every byte themselves.
void* small_alloc_uninitialized(size_t size);

// Returns a block small_alloc gave for the same `size`.
void small_free(void* block, size_t size);

}  // namespace coil
