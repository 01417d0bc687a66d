// The native deque (stdlib/collections.cpp) as other C++ code uses it:
// asyncio's Queue keeps its items in one (runtime/loop/queues.cpp).
#pragma once

#include <cstddef>

#include "runtime/object.h"

namespace coil {

bool is_exact_deque(Value v);
Ref make_deque();
// deque.append(item) and deque.popleft() on a deque (is_exact_deque holds);
// popleft returns null with IndexError when it is empty.
void deque_push_back(Value deque, Ref item);
Ref deque_pop_front(Value deque);
size_t deque_size(Value deque);

}  // namespace coil
