// asyncio's Queue, PriorityQueue and LifoQueue in C++ (CPython writes them
// in Python, asyncio/queues.py), with CPython 3.11's behaviour.
//
// A get() on an empty queue (a put() on a full one) parks its wait object
// (runtime/loop/wait_object.h) in the getters (putters) list, as CPython
// parks a future in its deque. put_nowait() takes the first getter out of
// the list and wakes it, get_nowait() the first putter; the woken waiter
// looks at the queue again when it runs, and parks anew at the end of the
// list if another took the item first. A waiter that leaves with an
// exception after it was woken passes the wake-up on.
//
// CPython's subclasses override _init, _put and _get, and user code does the
// same: for the three classes themselves, with their own storage, the
// operations run natively; for any other class every `self.method()` of
// CPython's code is a real method call, so overrides are seen.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/loop.h"
#include "runtime/loop/wait_object.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/collections.h"

namespace coil {

namespace {

struct QueueObject : WaitOwner {
  Ref m_queue;     // the items: what _init set (a deque; a list for PriorityQueue and LifoQueue)
  Ref m_maxsize;   // as given
  Ref m_finished;  // the Event join() waits on
  WaiterList m_getters;
  WaiterList m_putters;
  int64_t m_unfinished_tasks = 0;
};

QueueObject* as_queue(Value v) { return v.as<QueueObject>(); }

// The classes whose methods are all native.
bool is_exact_queue(Value self) {
  Type* type = self.type();
  return type == &queue_type || type == &priority_queue_type || type == &lifo_queue_type;
}

// The storage the native operations handle directly.
enum class Storage : uint8_t { Fifo, Heap, Stack, Other };

Storage storage_of(Value self) {
  Type* type = self.type();
  Value items = as_queue(self)->m_queue.get();
  if (type == &queue_type && items && is_exact_deque(items)) return Storage::Fifo;
  if (type == &priority_queue_type && items && is_exact_list(items)) return Storage::Heap;
  if (type == &lifo_queue_type && items && is_exact_list(items)) return Storage::Stack;
  return Storage::Other;
}

Raised raise_missing(Value self, const char* name) {
  return raise(&attribute_error_type, "'" + std::string(type_name(self.type())) + "' object has no attribute '" +
                                          name + "'");
}

// --- heapq's push and pop, for PriorityQueue ---------------------------------------
//
// heapq's algorithm step for step (siftdown, and the bottom-up siftup), so
// items of equal priority come out in CPython's order. A comparison runs
// Python code that may resize the list: then, as heapq, RuntimeError.

// 1 if a < b, 0 if not, -1 with the error (or the list resized).
int heap_less(Value list, size_t expected_size, Value a, Value b) {
  Ref keep_a = ref(a), keep_b = ref(b);
  int less = compare_bool(a, b, CompareOp::Lt);
  if (less < 0) return -1;
  if (as_list(list)->m_items.size() != expected_size) {
    raise(&runtime_error_type, "list changed size during iteration");
    return -1;
  }
  return less;
}

bool heap_sift_down(Value list, size_t start, size_t pos) {
  std::vector<Ref>& heap = as_list(list)->m_items;
  size_t size = heap.size();
  Ref item = heap[pos];
  while (pos > start) {
    size_t parent_pos = (pos - 1) >> 1;
    Ref parent = heap[parent_pos];
    int less = heap_less(list, size, item, parent);
    if (less < 0) return false;
    if (!less) break;
    heap[pos] = std::move(parent);
    pos = parent_pos;
  }
  heap[pos] = std::move(item);
  return true;
}

bool heap_sift_up(Value list, size_t pos) {
  std::vector<Ref>& heap = as_list(list)->m_items;
  size_t end = heap.size();
  size_t start = pos;
  Ref item = heap[pos];
  size_t child = 2 * pos + 1;
  while (child < end) {
    size_t right = child + 1;
    if (right < end) {
      int less = heap_less(list, end, heap[child], heap[right]);
      if (less < 0) return false;
      if (!less) child = right;
    }
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = std::move(item);
  return heap_sift_down(list, start, pos);
}

bool heap_push(Value list, Ref item) {
  list_append(list, std::move(item));
  return heap_sift_down(list, 0, as_list(list)->m_items.size() - 1);
}

Ref heap_pop(Value list) {
  std::vector<Ref>& heap = as_list(list)->m_items;
  if (heap.empty()) return raise(&index_error_type, "index out of range");
  Ref last = std::move(heap.back());
  heap.pop_back();
  if (heap.empty()) return last;
  Ref smallest = std::move(heap[0]);
  heap[0] = std::move(last);
  if (!heap_sift_up(list, 0)) return {};
  return smallest;
}

// --- The storage: _init, _put, _get, and what reads it ---------------------------

Ref fifo_init(Value self, Args) {
  Ref items = make_deque();
  if (!items) return {};
  as_queue(self)->m_queue = std::move(items);
  return new_none();
}
Ref list_init(Value self, Args) {
  Ref items = make_list();
  if (!items) return {};
  as_queue(self)->m_queue = std::move(items);
  return new_none();
}

Ref fifo_put(Value self, Args args) {
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  if (is_exact_deque(items)) {
    deque_push_back(items, ref(args[0]));
    return new_none();
  }
  return call_method(items, "append", {args[0]});
}
Ref fifo_get(Value self, Args) {
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  if (is_exact_deque(items)) return deque_pop_front(items);
  return call_method(items, "popleft", {});
}
Ref heap_put(Value self, Args args) {
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  if (!is_list(items)) return raise(&type_error_type, "heappush() argument 1 must be list, not " +
                                                          std::string(type_name(items.type())));
  return heap_push(items, ref(args[0])) ? new_none() : Ref();
}
Ref heap_get(Value self, Args) {
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  if (!is_list(items)) return raise(&type_error_type, "heappop() argument 1 must be list, not " +
                                                          std::string(type_name(items.type())));
  return heap_pop(items);
}
Ref stack_put(Value self, Args args) {
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  if (is_exact_list(items)) {
    list_append(items, ref(args[0]));
    return new_none();
  }
  return call_method(items, "append", {args[0]});
}
Ref stack_get(Value self, Args) {
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  return call_method(items, "pop", {});
}

// self._put(item) and self._get().
bool queue_put_item(Value self, Value item) {
  switch (storage_of(self)) {
    case Storage::Fifo:
      deque_push_back(as_queue(self)->m_queue, ref(item));
      return true;
    case Storage::Heap:
      return heap_push(as_queue(self)->m_queue, ref(item));
    case Storage::Stack:
      list_append(as_queue(self)->m_queue, ref(item));
      return true;
    case Storage::Other:
      break;
  }
  return static_cast<bool>(call_method(self, "_put", {item}));
}

Ref queue_get_item(Value self) {
  Value items = as_queue(self)->m_queue.get();
  switch (storage_of(self)) {
    case Storage::Fifo:
      return deque_pop_front(items);
    case Storage::Heap:
      return heap_pop(items);
    case Storage::Stack: {
      std::vector<Ref>& stack = as_list(items)->m_items;
      Ref item = std::move(stack.back());  // not empty: get_nowait() looked
      stack.pop_back();
      return item;
    }
    case Storage::Other:
      break;
  }
  return call_method(self, "_get", {});
}

// Queue.qsize(): len(self._queue).
std::optional<int64_t> native_qsize(Value self) {
  switch (storage_of(self)) {
    case Storage::Fifo:
      return int64_t(deque_size(as_queue(self)->m_queue));
    case Storage::Heap:
    case Storage::Stack:
      return int64_t(as_list(as_queue(self)->m_queue)->m_items.size());
    case Storage::Other:
      break;
  }
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue");
  return length(items);
}

// Queue.empty(): not self._queue. 1, 0, or -1 with the error.
int native_empty(Value self) {
  switch (storage_of(self)) {
    case Storage::Fifo:
      return deque_size(as_queue(self)->m_queue) == 0;
    case Storage::Heap:
    case Storage::Stack:
      return as_list(as_queue(self)->m_queue)->m_items.empty();
    case Storage::Other:
      break;
  }
  Value items = as_queue(self)->m_queue.get();
  if (!items) return raise_missing(self, "_queue"), -1;
  int truth = is_true(items);
  return truth < 0 ? -1 : !truth;
}

// A method's truth: self.empty(), self.full().
int call_predicate(Value self, const char* name) {
  Ref result = call_method(self, name, {});
  return result ? is_true(result) : -1;
}

int queue_empty(Value self) { return is_exact_queue(self) ? native_empty(self) : call_predicate(self, "empty"); }

// Queue.full(): maxsize > 0 and self.qsize() >= maxsize.
int native_full(Value self) {
  QueueObject* queue = as_queue(self);
  Value maxsize = queue->m_maxsize.get();
  if (!maxsize) return raise_missing(self, "_maxsize"), -1;
  if (maxsize.is_small_int()) {
    int64_t limit = maxsize.as_small_int();
    if (limit <= 0) return 0;
    if (is_exact_queue(self)) {
      std::optional<int64_t> size = native_qsize(self);
      if (!size) return -1;
      return *size >= limit;
    }
  } else {
    int unbounded = compare_bool(maxsize, Value::small_int(0), CompareOp::Le);
    if (unbounded != 0) return unbounded < 0 ? -1 : 0;
  }
  Ref size;
  if (is_exact_queue(self)) {
    std::optional<int64_t> count = native_qsize(self);
    if (!count) return -1;
    size = make_int(*count);
  } else {
    size = call_method(self, "qsize", {});
  }
  if (!size) return -1;
  return compare_bool(size, maxsize, CompareOp::Ge);
}

int queue_full(Value self) { return is_exact_queue(self) ? native_full(self) : call_predicate(self, "full"); }

// Wakes the first waiter of `list` that is not done yet, taking it (and
// any done one before it) out of the list, as CPython's _wakeup_next.
bool wakeup_next(WaiterList* list) {
  while (list->m_first != nullptr) {
    WaitObject* waiter = list->m_first;
    Ref keep = ref(Value(waiter));
    unlink_waiter(waiter);
    if (!waiter_done(waiter)) return wake_waiter(waiter);
  }
  return true;
}

Ref native_put_nowait(Value self, Value item) {
  int full = queue_full(self);
  if (full < 0) return {};
  if (full) return raise_with(g_queue_full_type, Value());
  if (!queue_put_item(self, item)) return {};
  QueueObject* queue = as_queue(self);
  ++queue->m_unfinished_tasks;
  if (queue->m_finished) event_clear_flag(queue->m_finished);
  if (!wakeup_next(&queue->m_getters)) return {};
  return new_none();
}

Ref native_get_nowait(Value self) {
  int empty = queue_empty(self);
  if (empty < 0) return {};
  if (empty) return raise_with(g_queue_empty_type, Value());
  Ref item = queue_get_item(self);
  if (!item) return {};
  if (!wakeup_next(&as_queue(self)->m_putters)) return {};
  return item;
}

Ref queue_put_nowait(Value self, Value item) {
  return is_exact_queue(self) ? native_put_nowait(self, item) : call_method(self, "put_nowait", {item});
}
Ref queue_get_nowait(Value self) {
  return is_exact_queue(self) ? native_get_nowait(self) : call_method(self, "get_nowait", {});
}

// The `except:` of CPython's get() and put(): the waiter leaves with
// `error`; if it had been woken and the queue can still serve, the
// wake-up goes to the next waiter.
Ref leave_with_error(WaitObject* waiter, WaiterList* list, Ref error, bool woken) {
  Value self = waiter->m_owner;
  cancel_waiter_future(waiter);  // "putter.cancel()": in case it was not woken yet
  finish_wait(waiter);
  waiter->m_item.reset();
  if (woken) {
    int blocked = waiter->m_kind == WaitKind::QueueGet ? queue_empty(self) : queue_full(self);
    if (blocked < 0) return {};
    if (!blocked && !wakeup_next(list)) return {};
  }
  raise_value(error);
  return {};
}

// --- Queue ----------------------------------------------------------------------------

Ref queue_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<QueueObject>(object);
  return Ref::steal(object);
}

void queue_clear_references(Object* object) {
  auto* queue = static_cast<QueueObject*>(object);
  unlink_all(&queue->m_getters);
  unlink_all(&queue->m_putters);
  queue->m_loop.reset();
  queue->m_queue.reset();
  queue->m_maxsize.reset();
  queue->m_finished.reset();
}

void queue_destroy(Object* object) {
  auto* queue = static_cast<QueueObject*>(object);
  unlink_all(&queue->m_getters);
  unlink_all(&queue->m_putters);
  queue->~QueueObject();
}

void queue_traverse(Object* object, VisitFn visit, void* context) {
  auto* queue = static_cast<QueueObject*>(object);
  for (const Ref* field : {&queue->m_loop, &queue->m_queue, &queue->m_maxsize, &queue->m_finished}) {
    if (*field) visit(field->get(), context);
  }
  traverse_waiters(queue->m_getters, visit, context);
  traverse_waiters(queue->m_putters, visit, context);
}

bool queue_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  Value given;
  if (!bind_init_argument("Queue", "maxsize", args, nargs, kwnames, given)) return false;
  QueueObject* queue = as_queue(self);
  Ref maxsize = given ? ref(given) : Ref::small_int(0);
  Ref finished = make_native_event();
  if (!finished || !event_set_flag(finished)) return false;
  queue->m_maxsize = maxsize;
  unlink_all(&queue->m_getters);
  unlink_all(&queue->m_putters);
  queue->m_unfinished_tasks = 0;
  queue->m_finished = std::move(finished);
  Type* type = self.type();
  if (type == &queue_type) return static_cast<bool>(fifo_init(self, Args{}));
  if (type == &priority_queue_type || type == &lifo_queue_type) return static_cast<bool>(list_init(self, Args{}));
  return static_cast<bool>(call_method(self, "_init", {maxsize.get()}));
}

// CPython's _format: what repr() and str() show after the class name.
Ref native_format(Value self) {
  QueueObject* queue = as_queue(self);
  if (!queue->m_maxsize) return raise_missing(self, "_maxsize");
  Ref maxsize = repr(queue->m_maxsize);
  if (!maxsize) return {};
  std::string text = "maxsize=" + std::string(str_view(maxsize));
  if (queue->m_queue) {
    int truth = is_true(queue->m_queue);
    if (truth < 0) return {};
    if (truth) {
      Ref items = list_from_iterable(queue->m_queue);
      Ref shown = items ? repr(items) : Ref();
      if (!shown) return {};
      text += " _queue=" + std::string(str_view(shown));
    }
  }
  if (queue->m_getters.m_count > 0) text += " _getters[" + std::to_string(queue->m_getters.m_count) + "]";
  if (queue->m_putters.m_count > 0) text += " _putters[" + std::to_string(queue->m_putters.m_count) + "]";
  if (queue->m_unfinished_tasks != 0) text += " tasks=" + std::to_string(queue->m_unfinished_tasks);
  return make_str(text);
}

Ref queue_format(Value self) { return is_exact_queue(self) ? native_format(self) : call_method(self, "_format", {}); }

Ref queue_repr(Value self) {
  Ref format = queue_format(self);
  if (!format) return {};
  if (!is_str(format)) return raise(&type_error_type, "_format() must return a str");
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(self.as_object()));
  return make_str("<" + std::string(type_name(self.type())) + " at " + address + " " + std::string(str_view(format)) +
                  ">");
}

Ref queue_str(Value self) {
  Ref format = queue_format(self);
  if (!format) return {};
  if (!is_str(format)) return raise(&type_error_type, "_format() must return a str");
  return make_str("<" + std::string(type_name(self.type())) + " " + std::string(str_view(format)) + ">");
}

Ref queue_format_method(Value self, Args) { return native_format(self); }

Ref queue_qsize(Value self, Args) {
  std::optional<int64_t> size = native_qsize(self);
  return size ? make_int(*size) : Ref();
}
Ref queue_empty_method(Value self, Args) {
  int empty = native_empty(self);
  return empty < 0 ? Ref() : new_bool(empty);
}
Ref queue_full_method(Value self, Args) {
  int full = native_full(self);
  return full < 0 ? Ref() : new_bool(full);
}
Ref queue_put_nowait_method(Value self, Args args) { return native_put_nowait(self, args[0]); }
Ref queue_get_nowait_method(Value self, Args) { return native_get_nowait(self); }

Ref queue_put(Value self, Args args) {
  Ref wait = new_wait(self, WaitKind::QueuePut);
  if (wait) wait.as<WaitObject>()->m_item = ref(args[0]);
  return wait;
}
Ref queue_get(Value self, Args) { return new_wait(self, WaitKind::QueueGet); }

Ref queue_task_done(Value self, Args) {
  QueueObject* queue = as_queue(self);
  if (queue->m_unfinished_tasks <= 0) return raise(&value_error_type, "task_done() called too many times");
  if (--queue->m_unfinished_tasks == 0 && queue->m_finished && !event_set_flag(queue->m_finished)) return {};
  return new_none();
}

// join(): the wait of Event.wait() on _finished, done at once while no
// task is unfinished.
Ref queue_join(Value self, Args) {
  QueueObject* queue = as_queue(self);
  if (!queue->m_finished) return raise_missing(self, "_finished");
  Ref wait = new_wait(queue->m_finished, WaitKind::QueueJoin);
  if (wait) wait.as<WaitObject>()->m_item = ref(self);
  return wait;
}

Ref queue_get_loop_method(Value self, Args) {
  Value loop = bind_loop(self);
  return loop ? ref(loop) : Ref();
}

Ref queue_get_loop(Value self) { return as_queue(self)->m_loop ? as_queue(self)->m_loop : new_none(); }
bool queue_set_loop(Value self, Value value) {
  as_queue(self)->m_loop = value ? ref(value) : Ref();
  return true;
}

Ref queue_get_maxsize(Value self) {
  QueueObject* queue = as_queue(self);
  return queue->m_maxsize ? queue->m_maxsize : raise_missing(self, "_maxsize");
}
bool queue_set_maxsize(Value self, Value value) {
  as_queue(self)->m_maxsize = value ? ref(value) : Ref();
  return true;
}
Ref queue_get_items(Value self) {
  QueueObject* queue = as_queue(self);
  return queue->m_queue ? queue->m_queue : raise_missing(self, "_queue");
}
bool queue_set_items(Value self, Value value) {
  as_queue(self)->m_queue = value ? ref(value) : Ref();
  return true;
}
Ref queue_get_finished(Value self) {
  QueueObject* queue = as_queue(self);
  return queue->m_finished ? queue->m_finished : raise_missing(self, "_finished");
}
Ref queue_get_getters(Value self) { return waiters_deque(as_queue(self)->m_getters); }
Ref queue_get_putters(Value self) { return waiters_deque(as_queue(self)->m_putters); }
Ref queue_get_unfinished(Value self) { return make_int(as_queue(self)->m_unfinished_tasks); }
bool queue_set_unfinished(Value self, Value value) {
  if (!value) return raise(&attribute_error_type, "can't delete attribute"), false;
  std::optional<int64_t> count = index_as_int64(value);
  if (!count) return false;
  as_queue(self)->m_unfinished_tasks = *count;
  return true;
}

const MethodDef kQueueMethods[] = {
    {"_init", fifo_init, ArgKind::OneArg},
    {"_put", fifo_put, ArgKind::OneArg},
    {"_get", fifo_get, ArgKind::NoArgs},
    {"_format", queue_format_method, ArgKind::NoArgs},
    {"qsize", queue_qsize, ArgKind::NoArgs, "Number of items in the queue."},
    {"empty", queue_empty_method, ArgKind::NoArgs, "Return True if the queue is empty, False otherwise."},
    {"full", queue_full_method, ArgKind::NoArgs, "Return True if there are maxsize items in the queue."},
    {"put", queue_put, ArgKind::OneArg, "Put an item into the queue."},
    {"put_nowait", queue_put_nowait_method, ArgKind::OneArg, "Put an item into the queue without blocking."},
    {"get", queue_get, ArgKind::NoArgs, "Remove and return an item from the queue."},
    {"get_nowait", queue_get_nowait_method, ArgKind::NoArgs, "Remove and return an item from the queue."},
    {"task_done", queue_task_done, ArgKind::NoArgs, "Indicate that a formerly enqueued task is complete."},
    {"join", queue_join, ArgKind::NoArgs, "Block until all items in the queue have been gotten and processed."},
    {"_get_loop", queue_get_loop_method, ArgKind::NoArgs},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc, kMethodClass},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kQueueGetSet[] = {
    {"maxsize", queue_get_maxsize},
    {"_maxsize", queue_get_maxsize, queue_set_maxsize},
    {"_queue", queue_get_items, queue_set_items},
    {"_finished", queue_get_finished},
    {"_getters", queue_get_getters},
    {"_putters", queue_get_putters},
    {"_unfinished_tasks", queue_get_unfinished, queue_set_unfinished},
    {"_loop", queue_get_loop, queue_set_loop},
    {nullptr, nullptr},
};

const MethodDef kPriorityQueueMethods[] = {
    {"_init", list_init, ArgKind::OneArg},
    {"_put", heap_put, ArgKind::OneArg},
    {"_get", heap_get, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kLifoQueueMethods[] = {
    {"_init", list_init, ArgKind::OneArg},
    {"_put", stack_put, ArgKind::OneArg},
    {"_get", stack_get, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Ref queue_wait_resume(WaitObject* waiter, Value exception) {
  Value self = waiter->m_owner;
  QueueObject* queue = as_queue(self);
  bool getting = waiter->m_kind == WaitKind::QueueGet;
  WaiterList* list = getting ? &queue->m_getters : &queue->m_putters;
  if (waiter->m_state == WaitState::Created && exception) {
    finish_wait(waiter);
    raise_value(exception);
    return {};
  }
  if (waiter->m_state == WaitState::Parked) {
    bool done = waiter_done(waiter);
    bool cancelled = waiter_cancelled(waiter);
    Ref error = exception ? ref(exception) : Ref();
    if (!error && !done) {
      raise(&runtime_error_type, "await wasn't used with future");
      error = fetch_exception();
    } else if (!error && cancelled) {
      // The future's CancelledError (with its message), or a plain one.
      if (waiter->m_future) {
        future_result(waiter->m_future.as<FutureObject>());
        error = fetch_exception();
      } else {
        Ref no_args = make_tuple(size_t(0));
        error = no_args ? make_exception(g_cancelled_error_type, no_args) : Ref();
        if (!error) return {};
      }
    }
    if (error) return leave_with_error(waiter, list, std::move(error), done && !cancelled);
    // Woken: look at the queue again. (Still listed only when Python code
    // set the future's result itself.)
    Ref keep = ref(Value(waiter));
    unlink_waiter(waiter);
    waiter->m_future.reset();
    waiter->m_task.reset();
  }
  // `while self.empty(): await getter` / `while self.full(): await putter`
  waiter->m_state = WaitState::Done;
  int blocked = getting ? queue_empty(self) : queue_full(self);
  if (blocked < 0) return {};
  if (blocked) return park(waiter, list);
  if (getting) {
    Ref item = queue_get_nowait(self);
    if (!item) return {};
    raise_with(&stop_iteration_type, item);
    return {};
  }
  Ref item = std::move(waiter->m_item);
  Ref result = queue_put_nowait(self, item);
  if (!result) return {};
  raise_with(&stop_iteration_type, is_none(result) ? Value() : result.get());
  return {};
}

int64_t queue_unfinished_tasks(Value queue) { return as_queue(queue)->m_unfinished_tasks; }

Type queue_type, priority_queue_type, lifo_queue_type;

static struct QueueTypesSetup {
  QueueTypesSetup() {
    for (Type* t : {&queue_type, &priority_queue_type, &lifo_queue_type}) {
      t->m_size = sizeof(QueueObject);
      t->m_flags = kTypeBaseType | kTypeHasGC | kTypeHasDict | kTypeWeakrefable | kTypePythonClass;
      t->m_new = queue_new;
      t->m_init = queue_init;
      t->m_repr = queue_repr;
      t->m_str = queue_str;
      t->m_destroy = queue_destroy;
      t->m_traverse = queue_traverse;
      t->m_clear = queue_clear_references;
    }
    queue_type.m_tp_name = "asyncio.queues.Queue";
    queue_type.m_doc = "A queue, useful for coordinating producer and consumer coroutines.";
    queue_type.m_methods = kQueueMethods;
    queue_type.m_getset = kQueueGetSet;

    priority_queue_type.m_tp_name = "asyncio.queues.PriorityQueue";
    priority_queue_type.m_doc = "A subclass of Queue; retrieves entries in priority order (lowest first).";
    priority_queue_type.m_base = &queue_type;
    priority_queue_type.m_methods = kPriorityQueueMethods;

    lifo_queue_type.m_tp_name = "asyncio.queues.LifoQueue";
    lifo_queue_type.m_doc = "A subclass of Queue that retrieves most recently added entries first.";
    lifo_queue_type.m_base = &queue_type;
    lifo_queue_type.m_methods = kLifoQueueMethods;
  }
} queue_types_setup;

COIL_REGISTER_TYPE(queue_type);
COIL_REGISTER_TYPE(priority_queue_type);
COIL_REGISTER_TYPE(lifo_queue_type);

}  // namespace coil
