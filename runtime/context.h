// Context variables (PEP 567): the Context, ContextVar and Token types that
// the `_contextvars` module exposes (stdlib/contextvars.cpp), and the current
// context, which the event loop switches for every callback and task step.
//
// Storage. A Context holds its variables in a ContextData: a small map from
// ContextVar to value, shared between copies. copy_context() makes a new
// Context pointing at the same ContextData, so copying costs one allocation
// whatever the number of variables. Setting a variable in a context whose
// data is shared copies the data first (copy on write); data held by one
// context only is changed in place. Each ContextData state carries a stamp
// never used before, with which a ContextVar caches its last lookup.
//
// The current context. What is current is a *slot*: a Ref that holds a
// Context, or null, which stands for a new empty context not made yet.
// `g_context_slot` points at the current slot — at first the thread's base
// slot. Entering a context (Context.run, a task step, a callback) is saving
// and replacing that one pointer; a task or Handle is entered through its own
// `m_context` field. A null slot gets its Context only when something needs
// the object: ContextVar.set(), Task.get_context(). A program that never
// sets a context variable thus never makes a Context, and the loop hands
// callbacks and tasks "a copy of the current context" as a null slot for as
// long as the current context is empty.
//
// Invariants: a Context is marked entered while a slot holding it is current
// or saved by an enclosing enter (CPython forbids entering it twice); slots
// are entered and left in strict nesting; an entered slot's owner stays
// alive while it is entered (its enterer holds a reference).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct ContextEntry {
  Ref var;    // a ContextVar
  Ref value;
};

// The variables of one or more Contexts. Never changed once shared (its
// reference count above one), except by its own clear at collection.
struct ContextDataObject : Object {
  std::vector<ContextEntry> m_entries;  // in the order of first set
  uint64_t m_stamp = 0;                 // unique per state, for lookup caches
};

struct ContextObject : Object {
  Ref m_data;  // ContextDataObject, never null
  bool m_entered = false;
};

struct ContextVarObject : Object {
  Ref m_name;     // str
  Ref m_default;  // or null
  // The last lookup: the value (borrowed, or null if absent) in the
  // ContextData whose stamp is m_cache_stamp. Valid only while that data is
  // unchanged, which the stamp proves, so the borrowed value is alive.
  uint64_t m_cache_stamp = 0;
  Value m_cache_value;
};

struct TokenObject : Object {
  Ref m_context;    // the Context the var was set in
  Ref m_var;
  Ref m_old_value;  // or null: the var had no value (Token.MISSING)
  bool m_used = false;
};

extern Type context_type, context_var_type, token_type, token_missing_type, context_data_type;
extern Object g_token_missing;  // Token.MISSING

inline bool is_context(Value v) { return v.is_object() && v.type() == &context_type; }
inline bool is_context_var(Value v) { return v.is_object() && v.type() == &context_var_type; }

// The current slot (see above). Never null.
extern Ref* g_context_slot;

// A thread's current slot and its own context while another thread holds
// the GIL (runtime/threads.h); a null slot stands for the base slot.
struct ContextThreadState {
  Ref base;
  Ref* slot = nullptr;
};
void swap_context_state(ContextThreadState& state);
// Drops the running thread's own context (its thread ends).
void release_context_state();

// The current Context, made (empty) if its slot is still null.
ContextObject* context_current();
// A new empty Context.
Ref make_context();
// `copy_context()` for native code that keeps a context for later work (a
// Task, a Handle, a done callback), into `out` (null on entry): false with
// an exception pending on failure, else `out` holds a new Context with the
// current one's variables — or stays null, a slot standing for an empty
// context, when the current context has no variables.
bool context_snapshot_slow(Ref& out);
inline bool context_snapshot(Ref& out) {
  Value current = *g_context_slot;
  if (!current || current.as<ContextObject>()->m_data.as<ContextDataObject>()->m_entries.empty()) return true;
  return context_snapshot_slow(out);
}

// Marks the Context in `slot` entered; false with an exception pending if
// it already is, or is not a Context.
bool context_mark_entered(Value slot);

// Makes `slot` current, saving the current slot in `saved`; false with
// RuntimeError pending if its Context is already entered. Inline: every
// task step and callback goes through it, and a null slot costs only the
// pointer swap.
inline bool context_enter(Ref& slot, Ref*& saved) {
  if (slot && !context_mark_entered(slot)) return false;
  saved = g_context_slot;
  g_context_slot = &slot;
  return true;
}
// Undoes context_enter(slot, saved). The slot may have been filled while
// current (a set() made its Context): that Context is left too.
inline void context_exit(Ref& slot, Ref* saved) {
  if (slot) slot.as<ContextObject>()->m_entered = false;
  g_context_slot = saved;
}

// The Context held by a slot that is not current, made if it is null.
// `entered` says whether the slot is entered (a running task's).
Value context_of_slot(Ref& slot, bool entered);

// ContextVar.get() without a default argument: the value, the var's
// default, or null with LookupError pending.
Ref context_var_get(ContextVarObject* var, Value fallback);

}  // namespace coil
