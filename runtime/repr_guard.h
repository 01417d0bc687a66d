// Guards for the container operations that recurse into their items.
//
// check_native_stack stops recursion that would overflow the C++ stack.
//
// repr_enter/repr_leave are CPython's Py_ReprEnter/Py_ReprLeave: a container
// whose repr is already being built further up the stack prints as `[...]`,
// `{...}` or `(...)` instead of recursing forever (`l.append(l)`).
//
// TrashcanScope is CPython's trashcan: freeing a container frees its items,
// which may be containers, so dropping a list nested a million deep would
// recurse a million times through dealloc. Past a modest depth a container's
// destroy parks its items instead of dropping them, and the outermost destroy
// drops the parked items in a loop.
#pragma once

#include <utility>
#include <vector>

#include "runtime/errors.h"
#include "runtime/object.h"

namespace coil {

// For native recursion that CPython does not count against the recursion
// limit (hashing a tuple of tuples…): fails with RecursionError only when
// the C++ stack itself runs short, so depths CPython handles still work.
inline bool check_native_stack(const char* where) {
  char probe;
  if (g_thread.stack_limit != nullptr && &probe < g_thread.stack_limit) {
    raise_format(&recursion_error_type, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

namespace repr_guard_detail {
inline std::vector<const Object*> g_stack;
}  // namespace repr_guard_detail

// True if the caller should build the repr of `container` (and must call
// repr_leave after); false if it is already being built further up.
inline bool repr_enter(Value container) {
  auto& stack = repr_guard_detail::g_stack;
  for (const Object* object : stack) {
    if (object == container.as_object()) return false;
  }
  stack.push_back(container.as_object());
  return true;
}

inline void repr_leave(Value container) {
  auto& stack = repr_guard_detail::g_stack;
  for (size_t i = stack.size(); i-- > 0;) {
    if (stack[i] == container.as_object()) {
      stack.erase(stack.begin() + ptrdiff_t(i));
      return;
    }
  }
}

class TrashcanScope {
 public:
  // CPython's limit (Py_TRASHCAN_HEADROOM aside): 50 nested destroys.
  static constexpr int kDepthLimit = 50;

  TrashcanScope() { ++s_depth; }
  ~TrashcanScope() {
    if (--s_depth == 0 && !s_draining) {
      s_draining = true;
      while (!s_parked.empty()) {
        Ref item = std::move(s_parked.back());
        s_parked.pop_back();
        item.reset();  // may park more, which this loop then drops
      }
      s_draining = false;
    }
  }
  TrashcanScope(const TrashcanScope&) = delete;
  TrashcanScope& operator=(const TrashcanScope&) = delete;

  // Whether the destroy in progress should park its items.
  bool too_deep() const { return s_depth > kDepthLimit; }
  // Takes over one owned reference, to be dropped by the outermost scope.
  void park(Ref item) {
    if (item.get().is_object()) s_parked.push_back(std::move(item));
  }

 private:
  static inline int s_depth = 0;
  static inline bool s_draining = false;
  static inline std::vector<Ref> s_parked;
};

}  // namespace coil
