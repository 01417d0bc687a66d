// A bump allocator for data that lives and dies together, such as one parse's
// syntax tree. Everything allocated from an Arena must be trivially
// destructible: the arena frees its blocks wholesale and runs no destructors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coil {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(m_cursor) + align - 1) & ~(uintptr_t(align) - 1);
    if (m_cursor == nullptr || p + size > reinterpret_cast<uintptr_t>(m_end)) {
      grow(size + align);
      p = (reinterpret_cast<uintptr_t>(m_cursor) + align - 1) & ~(uintptr_t(align) - 1);
    }
    m_cursor = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  // Copies `text` into the arena; the view stays valid as long as the arena.
  std::string_view copy(std::string_view text) {
    if (text.empty()) return std::string_view("", 0);
    char* p = static_cast<char*>(allocate(text.size(), 1));
    std::memcpy(p, text.data(), text.size());
    return std::string_view(p, text.size());
  }

 private:
  void grow(size_t at_least) {
    size_t size = at_least > kBlockSize ? at_least : kBlockSize;
    m_blocks.push_back(std::make_unique<char[]>(size));
    m_cursor = m_blocks.back().get();
    m_end = m_cursor + size;
  }

  // 64 KiB blocks: large enough that a typical module needs a handful.
  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> m_blocks;
  char* m_cursor = nullptr;
  char* m_end = nullptr;
};

}  // namespace coil
