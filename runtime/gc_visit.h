// The references of the containers a collection meets most often — lists,
// tuples, dicts, generators and coroutines, Futures and Tasks — written
// once as templates over the visit: each of these types' traverse slot is
// its template with the slot's visit function, and the collector
// (runtime/gc.cpp) instantiates the same templates with its own visits
// inlined, which saves an indirect call per reference on the young
// collections a busy event loop runs. What each visits follows the rules
// of runtime/gc.h.
#pragma once

#include "runtime/dict.h"
#include "runtime/generator.h"
#include "runtime/list.h"
#include "runtime/loop/loop.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/interpreter.h"

namespace coil {

// Last item first, as CPython's list_traverse (gc.get_referents shows it).
template <class Visit>
inline void visit_list(ListObject* list, Visit&& visit) {
  const std::vector<Ref>& items = list->m_items;
  for (size_t i = items.size(); i-- > 0;) visit(items[i].get());
}

// Last item first, as CPython's tupletraverse. A tuple being filled may
// hold null items.
template <class Visit>
inline void visit_tuple(TupleObject* tuple, Visit&& visit) {
  for (size_t i = tuple->m_size; i-- > 0;) {
    if (tuple->m_items[i]) visit(tuple->m_items[i]);
  }
}

// str keys are left out (they hold no references), as CPython leaves out
// the keys of its str-keyed tables.
template <class Visit>
inline void visit_dict(DictObject* dict, Visit&& visit) {
  for (const DictEntry& entry : dict->m_entries) {
    if (!entry.key) continue;
    if (entry.key.type() != &str_type) visit(entry.key);
    visit(entry.value);
  }
}

// What can never be part of a cycle is left out: the code and the names
// (not containers), the frame's builtins dict (the builtins module holds
// it for the whole run). A running frame's stack pointer lives in the
// interpreter's registers, not in the frame: nothing of a running frame is
// visited (its values count as referred to from outside, which only keeps
// them alive).
template <class Visit>
inline void visit_generator(GeneratorObject* g, Visit&& visit) {
  if (g->m_type == &async_generator_type) {
    AsyncGenHooks& hooks = async_gen_hooks(g);
    if (hooks.finalizer) visit(hooks.finalizer.get());
    if (hooks.tracking_loop) visit(hooks.tracking_loop.get());
  }
  if (g->m_handled_exception) visit(g->m_handled_exception.get());
  if (g->m_frame != nullptr && g->m_state != GeneratorState::Running) {
    Frame* f = g->m_frame;
    if (f->function) visit(f->function.get());
    if (f->globals) visit(f->globals.get());
    if (f->locals) visit(f->locals.get());
    Value* end = f->stack_base();
    for (Value* p = f->slots; p < end; ++p) {
      if (p->is_object()) visit(*p);
    }
    for (Value* p = end; p < f->stack_top; ++p) {
      if (p->is_object()) visit(*p);
    }
  }
}

template <class Visit>
inline void visit_future(FutureObject* f, Visit&& visit) {
  for (const Ref* r : {&f->m_loop, &f->m_result, &f->m_exception}) {
    if (*r) visit(r->get());
  }
  if (const FutureRare* rare = f->m_rare) {
    for (const Ref* r : {&rare->exception_traceback, &rare->cancel_message, &rare->cancelled_exception, &rare->dict}) {
      if (*r) visit(r->get());
    }
  }
  for (size_t i = 0; i < f->m_callbacks.size(); ++i) {
    const FutureCallback& cb = f->m_callbacks[i];
    if (cb.function) visit(cb.function.get());
    if (cb.context) visit(cb.context.get());
  }
  if (f->m_is_task) {
    TaskObject* t = static_cast<TaskObject*>(f);
    // The name slot holds the default name's number until the name is asked for.
    if (t->m_name && !t->m_name.get().is_small_int()) visit(t->m_name.get());
    for (const Ref* r : {&t->m_coro, &t->m_fut_waiter, &t->m_context}) {
      if (*r) visit(r->get());
    }
  }
}

}  // namespace coil
