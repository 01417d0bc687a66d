// Weak references: the `_weakref` module's `ref` type and the bookkeeping
// that clears references when their object dies (the `weakref` module in
// lib/ builds WeakValueDictionary, WeakSet, finalize… on top).
//
// Objects carry no weak-reference list: a side table maps each object that
// has weak references to them, newest last. Only instances of types marked
// kTypeWeakrefable can be referenced, and only their deallocation looks in
// the table (dealloc() calls clear_weakrefs), so objects of other types pay
// nothing. As CPython's, `ref(obj)` without a callback returns the existing
// plain reference if there is one, and when the object dies every reference
// is cleared first, then the callbacks run, newest reference first.
#include "runtime/weakref.h"

#include <cstdio>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/errors.h"
#include "runtime/descriptors.h"
#include "runtime/file.h"
#include "runtime/function.h"
#include "runtime/generator.h"
#include "runtime/generic_alias.h"
#include "runtime/set.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/loop.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"

namespace coil {

Type weakref_type;

namespace {

struct WeakRefObject : Object {
  Object* m_referent;  // not owned; null once the object died
  Ref m_callback;
  std::optional<int64_t> m_hash;
};

using WeakTable = std::unordered_map<Object*, std::vector<WeakRefObject*>>;

WeakTable& table() {
  static WeakTable* weak_table = new WeakTable();  // never destroyed: deallocs run until exit
  return *weak_table;
}

WeakRefObject* as_weakref(Value v) { return v.as<WeakRefObject>(); }

bool is_weakref(Value v) { return v.is_object() && is_subtype(v.type(), &weakref_type); }

// The types CPython's objects of which can be weakly referenced, besides
// classes made in Python (class.cpp marks those).
void mark_weakrefable_types() {
  for (Type* type : {&type_type, &function_type, &method_type, &builtin_function_type, &set_type,
                     &frozenset_type, &generator_type, &coroutine_type, &async_generator_type, &module_type,
                     &code_type, &base_exception_type, &future_type, &task_type, &event_loop_type,
                     &text_file_type, &binary_file_type, &property_type}) {
    type->m_flags |= kTypeWeakrefable;
  }
}

void unlink(WeakRefObject* weak) {
  if (weak->m_referent == nullptr) return;
  auto found = table().find(weak->m_referent);
  weak->m_referent = nullptr;
  if (found == table().end()) return;
  std::vector<WeakRefObject*>& list = found->second;
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] == weak) {
      list.erase(list.begin() + ptrdiff_t(i));
      break;
    }
  }
  if (list.empty()) {
    --found->first->m_type->m_weakly_referenced;
    table().erase(found);
  }
}

void weakref_destroy(Object* object) {
  auto* weak = static_cast<WeakRefObject*>(object);
  unlink(weak);
  weak->~WeakRefObject();
}

void weakref_traverse(Object* object, VisitFn visit, void* context) {
  auto* weak = static_cast<WeakRefObject*>(object);
  if (weak->m_callback) visit(weak->m_callback.get(), context);
}

void weakref_clear(Object* object) { static_cast<WeakRefObject*>(object)->m_callback = Ref(); }

Ref weakref_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  // Subclasses may take more arguments (their __init__ reads them).
  if (type == &weakref_type && kwnames != nullptr && kwnames->m_size > 0) {
    return raise(&type_error_type, "ref() takes no keyword arguments");
  }
  if (nargs < 1 || (type == &weakref_type && nargs > 2)) {
    return raise_format(&type_error_type, "__new__ expected at most 2 arguments, got %zu", nargs);
  }
  Value referent = args[0];
  Value callback = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
  if (!referent.is_object() || !(referent.type()->m_flags & kTypeWeakrefable)) {
    return raise_format(&type_error_type, "cannot create weak reference to '%s' object",
                        value_type_name(referent).data());
  }
  Object* target = referent.as_object();
  if (type == &weakref_type && !callback) {
    auto found = table().find(target);
    if (found != table().end()) {
      for (WeakRefObject* existing : found->second) {
        if (existing->m_type == &weakref_type && !existing->m_callback) return ref(Value(existing));
      }
    }
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* weak = construct_body<WeakRefObject>(object);
  Ref owned = Ref::steal(object);
  weak->m_referent = target;
  if (callback) weak->m_callback = ref(callback);
  auto [entry, first] = table().try_emplace(target);
  if (first) ++target->m_type->m_weakly_referenced;
  entry->second.push_back(weak);
  return owned;
}

bool weakref_init(Value, const Value*, size_t, TupleObject*) { return true; }

Ref weakref_call(Value self, const Value*, size_t nargs, TupleObject* kwnames) {
  if (nargs > 0 || (kwnames != nullptr && kwnames->m_size > 0)) {
    return raise_format(&type_error_type, "weakref() takes no arguments");
  }
  Object* referent = as_weakref(self)->m_referent;
  return referent ? ref(Value(referent)) : new_none();
}

std::optional<int64_t> weakref_hash(Value self) {
  WeakRefObject* weak = as_weakref(self);
  if (weak->m_hash) return weak->m_hash;
  if (weak->m_referent == nullptr) {
    raise(&type_error_type, "weak object has gone away");
    return std::nullopt;
  }
  std::optional<int64_t> h = hash(Value(weak->m_referent));
  if (h) weak->m_hash = h;
  return h;
}

// As CPython: two live references compare their objects; otherwise a
// reference equals only itself.
Ref weakref_richcompare(Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_weakref(other)) return ref(not_implemented());
  Object* a = as_weakref(self)->m_referent;
  Object* b = as_weakref(other)->m_referent;
  if (a == nullptr || b == nullptr) {
    bool same = self.is(other);
    return new_bool(op == CompareOp::Eq ? same : !same);
  }
  return compare(Value(a), Value(b), op);
}

Ref weakref_repr(Value self) {
  char text[160];
  Object* referent = as_weakref(self)->m_referent;
  if (referent == nullptr) {
    std::snprintf(text, sizeof text, "<weakref at %p; dead>", static_cast<void*>(self.as_object()));
    return make_str(text);
  }
  std::snprintf(text, sizeof text, "<weakref at %p; to '%s' at %p", static_cast<void*>(self.as_object()),
                referent->m_type->m_tp_name, static_cast<void*>(referent));
  std::string result = text;
  bool found = false;
  Ref name = lookup_attr(Value(referent), intern_static("__name__"), found);
  if (!name && error_pending()) clear_exception();
  if (name && is_str(name)) result += " (" + std::string(str_view(name)) + ")";
  return make_str(result + ">");
}

Ref weakref_get_callback(Value self) {
  const Ref& callback = as_weakref(self)->m_callback;
  return callback ? callback : new_none();
}

const MethodDef kWeakrefMethods[] = {
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, nullptr, kMethodClass},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kWeakrefGetSet[] = {
    {"__callback__", weakref_get_callback},
    {nullptr, nullptr},
};

// The __weakref__ attribute of instances of classes: the first weak
// reference to the instance, or None.
Ref weakref_attribute_get(Value instance) {
  auto found = table().find(instance.as_object());
  if (found == table().end() || found->second.empty()) return new_none();
  return ref(Value(found->second.front()));
}

const GetSetDef kWeakrefAttribute = {"__weakref__", weakref_attribute_get};

// --- The module ---------------------------------------------------------------------------

Ref weakref_getweakrefcount(Value, Args args) {
  if (!args[0].is_object()) return make_int(int64_t(0));
  auto found = table().find(args[0].as_object());
  return make_int(int64_t(found == table().end() ? 0 : found->second.size()));
}

Ref weakref_getweakrefs(Value, Args args) {
  Ref list = make_list();
  if (!list || !args[0].is_object()) return list;
  auto found = table().find(args[0].as_object());
  if (found == table().end()) return list;
  for (WeakRefObject* weak : found->second) {
    list_append(list, ref(Value(weak)));
  }
  return list;
}

const MethodDef kWeakrefModuleMethods[] = {
    {"getweakrefcount", weakref_getweakrefcount, ArgKind::OneArg},
    {"getweakrefs", weakref_getweakrefs, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_weakref(Value module) {
  mark_weakrefable_types();
  Value dict = module_dict(module);
  return module_add_functions(module, kWeakrefModuleMethods) && dict_setitem_str(dict, "ref", Value(&weakref_type)) &&
         dict_setitem_str(dict, "ReferenceType", Value(&weakref_type));
}

}  // namespace

Ref make_weakref_attribute(Type* owner) { return make_getset_descriptor(&kWeakrefAttribute, owner); }

namespace {
// Takes `object`'s weak references out of the table, each made dead.
std::vector<WeakRefObject*> take_weakrefs(Object* object) {
  std::vector<WeakRefObject*> list;
  if (object->m_type->m_weakly_referenced == 0) return list;
  auto found = table().find(object);
  if (found == table().end()) return list;
  list = std::move(found->second);
  table().erase(found);
  --object->m_type->m_weakly_referenced;
  for (WeakRefObject* weak : list) weak->m_referent = nullptr;
  return list;
}
}  // namespace

void clear_weakrefs(Object* object) {
  std::vector<WeakRefObject*> list = take_weakrefs(object);
  // Every reference is dead before any callback runs; the references with
  // a callback are held meanwhile, so a callback dropping one is safe.
  std::vector<Ref> with_callbacks;
  for (WeakRefObject* weak : list) {
    if (weak->m_callback && weak->m_refcount > 0) with_callbacks.push_back(ref(Value(weak)));
  }
  if (with_callbacks.empty()) return;
  Ref saved = fetch_exception();
  for (size_t i = with_callbacks.size(); i-- > 0;) {
    WeakRefObject* weak = as_weakref(with_callbacks[i]);
    Ref callback = std::move(weak->m_callback);
    if (!callback) continue;
    Ref result = call(callback, {with_callbacks[i].get()});
    if (!result) {
      Ref error = fetch_exception();
      write_unraisable(callback, error);
    }
  }
  restore_exception(std::move(saved));
}

void detach_weakrefs(Object* object, std::vector<Object*>& with_callbacks) {
  std::vector<WeakRefObject*> list = take_weakrefs(object);
  for (size_t i = list.size(); i-- > 0;) {
    if (list[i]->m_callback && list[i]->m_refcount > 0) with_callbacks.push_back(list[i]);
  }
}

void call_weakref_callback(Value weak) {
  Ref callback = as_weakref(weak)->m_callback;
  if (!callback) return;
  if (!call(callback, {weak})) {
    Ref error = fetch_exception();
    write_unraisable(callback, error);
  }
}

static struct WeakrefTypeSetup {
  WeakrefTypeSetup() {
    weakref_type.m_tp_name = "weakref.ReferenceType";
    weakref_type.m_size = sizeof(WeakRefObject);
    weakref_type.m_flags = kTypeBaseType | kTypeHasGC;
    weakref_type.m_new = weakref_new;
    weakref_type.m_init = weakref_init;
    weakref_type.m_destroy = weakref_destroy;
    weakref_type.m_traverse = weakref_traverse;
    weakref_type.m_clear = weakref_clear;
    weakref_type.m_call = weakref_call;
    weakref_type.m_hash = weakref_hash;
    weakref_type.m_richcompare = weakref_richcompare;
    weakref_type.m_repr = weakref_repr;
    weakref_type.m_methods = kWeakrefMethods;
    weakref_type.m_getset = kWeakrefGetSet;
  }
} weakref_type_setup;
COIL_REGISTER_TYPE(weakref_type);
COIL_REGISTER_MODULE("_weakref", init_weakref);

void weakrefs_change_type(Object* object, Type* old_type, Type* new_type) {
  if (old_type->m_weakly_referenced == 0 || table().find(object) == table().end()) return;
  --old_type->m_weakly_referenced;
  ++new_type->m_weakly_referenced;
}

}  // namespace coil
