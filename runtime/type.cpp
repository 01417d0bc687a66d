// Type objects: allocation and freeing of instances, readying built-in
// types (slot inheritance, dicts from method tables), attribute lookup along
// the MRO with a global cache, and the `type` type itself. Classes made in
// Python are built in runtime/class.cpp; the dunder-method slots in
// runtime/slots.cpp.
#include "runtime/type.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/weakref.h"
#include "runtime/native.h"
#include "runtime/slots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

struct Registered {
  Type* type;
  const char* module;
};
std::vector<Registered>& registered_types() {
  static std::vector<Registered> types;
  return types;
}

uint32_t g_next_version = 1;

}  // namespace

method_cache::Entry method_cache::g_entries[method_cache::kSize];

TypeRegistration::TypeRegistration(Type* type, const char* module_name) {
  registered_types().push_back({type, module_name});
}

// Objects of fixed-size types small enough for runtime/alloc.h come from its
// free lists; dealloc gives them back by the same rule.
static bool is_small_fixed_size(const Type* type) {
  return type->m_item_size == 0 && type->m_prefix + type->m_size <= kSmallObjectMax;
}

namespace {
Object* allocate_memory(Type* type, size_t total, bool small, bool zeroed = true) {
  void* block = small ? (zeroed ? small_alloc(total) : small_alloc_uninitialized(total))
                      : (zeroed ? std::calloc(1, total) : std::malloc(total));
  char* memory = static_cast<char*>(block);
  if (memory == nullptr) return nullptr;
  Object* object = reinterpret_cast<Object*>(memory + type->m_prefix);
  object->m_refcount = 1;
  object->m_type = type;
  if (type->m_flags & kTypeHeapType) incref(type);
  if (type->m_flags & kTypeHasGC) gc_track(object);
  return object;
}

// Whether an object of `total` bytes comes from the free lists (dealloc
// applies the same rule). A variable-sized object small enough does too
// when its type can tell dealloc its size again (m_instance_size): short
// strs and tuples are made and dropped as often as floats.
bool from_free_lists(Type* type, size_t total) {
  return type->m_item_size == 0 ? is_small_fixed_size(type)
                                : type->m_instance_size != nullptr && total <= kSmallObjectMax;
}
}  // namespace

Object* allocate_object(Type* type, size_t extra_items) {
  size_t total = type->m_prefix + type->m_size + extra_items * type->m_item_size;
  return allocate_memory(type, total, from_free_lists(type, total));
}

Object* allocate_object_uninitialized(Type* type, size_t extra_items) {
  size_t total = type->m_prefix + type->m_size + extra_items * type->m_item_size;
  return allocate_memory(type, total, from_free_lists(type, total), /*zeroed=*/false);
}

Object* allocate_sized_object(Type* type, size_t size) {
  size_t total = type->m_prefix + size;
  return allocate_memory(type, total, total <= kSmallObjectMax);
}

// A dying object's finalizers: a class's __del__, then its type's finalize
// slot, each with the object alive (one reference). They run once in an
// object's life (PEP 442): a container that one resurrected, or that the
// cycle collector finalized, is marked so. Returns false if the object was
// resurrected.
static bool run_finalizers(Object* object) {
  Type* type = object->m_type;
  bool has_del = (type->m_flags & kTypeHeapType) && type_lookup(type, "__del__");
  if (!has_del && type->m_finalize == nullptr) return true;
  if (type->m_flags & kTypeHasGC) {
    if (gc_is_finalized(object)) return true;
    gc_set_finalized(object);
  }
  if (has_del && !call_finalizer(object)) return false;
  if (type->m_finalize != nullptr) {
    object->m_refcount = 1;
    type->m_finalize(object);
    if (--object->m_refcount != 0) return false;
    object->m_refcount = 1;
  }
  return true;
}

void dealloc(Object* object) {
  Type* type = object->m_type;
  // Floats are the objects freed most often, and need nothing but their memory back.
  if (type == &float_type) [[likely]] {
    small_free(object, sizeof(FloatObject));
    return;
  }
  // Keep the object alive through its own destruction (a __del__ or a
  // destructor might look at it).
  object->m_refcount = 1;
  if ((type->m_flags & kTypeHeapType) || type->m_finalize != nullptr) {
    if (!run_finalizers(object)) return;  // resurrected
  }
  if (type->m_flags & kTypeWeakrefable) clear_weakrefs(object);
  if (type->m_flags & kTypeHasGC) gc_untrack(object);
  // Heap-type instances: their __slots__ values and __dict__ live in the prefix.
  if (type->m_heap != nullptr) clear_heap_instance(object);
  if (type->m_dict_offset != 0) instance_dict_slot(object)->reset();
  // What the memory was allocated with, if not by the fixed-size rule below.
  size_t sized = type->m_instance_size != nullptr ? type->m_prefix + type->m_instance_size(object) : 0;
  if (type->m_destroy != nullptr) {
    type->m_destroy(object);
  } else {
    // Python classes derived from object have no C++ body to destroy.
  }
  char* memory = reinterpret_cast<char*>(object) - type->m_prefix;
  if (sized != 0) {
    if (sized <= kSmallObjectMax) {
      small_free(memory, sized);
    } else {
      std::free(memory);
    }
  } else if (is_small_fixed_size(type)) {
    small_free(memory, type->m_prefix + type->m_size);
  } else {
    std::free(memory);
  }
  if (type->m_flags & kTypeHeapType) decref(type);
}

bool is_subtype(const Type* type, const Type* base) {
  if (type == base) return true;
  if (type->m_mro != nullptr) {
    const TupleObject* mro = static_cast<const TupleObject*>(type->m_mro);
    for (size_t i = 0; i < mro->m_size; ++i) {
      if (mro->m_items[i].as_object() == base) return true;
    }
    return false;
  }
  for (const Type* t = type; t != nullptr; t = t->m_base) {
    if (t == base) return true;
  }
  return false;
}

Value type_lookup(Type* type, Value name) {
  uint32_t version = type->m_version;
  size_t slot = 0;
  if (version != 0) {
    slot = method_cache::slot(version, name);
    const method_cache::Entry& entry = method_cache::g_entries[slot];
    if (entry.version == version && entry.name == name.as_object()) return entry.value;
  }
  Value found;
  Object* mro = type->m_mro;
  if (mro == nullptr) return Value();
  TupleObject* tuple = static_cast<TupleObject*>(mro);
  for (size_t i = 0; i < tuple->m_size; ++i) {
    Type* base = tuple->m_items[i].as<Type>();
    if (base->m_dict == nullptr) continue;
    found = dict_lookup_str(base->m_dict, name);
    if (found) break;
  }
  if (version != 0 && static_cast<StrObject*>(name.as_object())->m_interned) {
    method_cache::g_entries[slot] = {version, name.as_object(), found};
  }
  return found;
}

Value type_lookup(Type* type, std::string_view name) {
  return type_lookup(type, intern_static(name));
}

void type_modified(Type* type) {
  // Stale every cache entry of this type and its subclasses by giving them
  // fresh versions.
  type->m_version = g_next_version++;
  if (type->m_heap != nullptr) {
    for (Type* sub : heap_subclasses(type)) type_modified(sub);
  } else {
    for (Type* sub : builtin_subclasses(type)) type_modified(sub);
  }
}

std::string_view type_name(const Type* type) {
  const char* name = type->m_tp_name;
  if (type->m_flags & kTypeHeapType) return name;
  const char* dot = std::strrchr(name, '.');
  return dot ? dot + 1 : name;
}

std::string_view message_type_name(const Type* type) {
  if (type->m_flags & kTypePythonClass) return type_name(type);
  return type->m_tp_name;
}

// Fills the slots a built-in type leaves empty from its base, as CPython's
// inherit_slots: each slot separately, except that comparison and hashing go
// together (a type that defines == without a hash is unhashable).
void inherit_slots(Type* type, const Type* base) {
#define INHERIT(slot) \
  if (type->slot == nullptr) type->slot = base->slot
  INHERIT(m_repr);
  INHERIT(m_str);
  INHERIT(m_getattr);
  INHERIT(m_setattr);
  INHERIT(m_descr_get);
  INHERIT(m_descr_set);
  INHERIT(m_call);
  INHERIT(m_iter);
  INHERIT(m_iternext);
  INHERIT(m_init);
  INHERIT(m_power);
  INHERIT(m_inplace_power);
  INHERIT(m_negative);
  INHERIT(m_positive);
  INHERIT(m_absolute);
  INHERIT(m_invert);
  INHERIT(m_bool);
  INHERIT(m_int);
  INHERIT(m_float);
  INHERIT(m_index);
  INHERIT(m_length);
  INHERIT(m_getitem);
  INHERIT(m_setitem);
  INHERIT(m_contains);
  INHERIT(m_traverse);
  INHERIT(m_clear);
  INHERIT(m_destroy);
  INHERIT(m_finalize);
  INHERIT(m_extra_dict);
#undef INHERIT
  for (int i = 0; i < 2 * kBinaryOpCount; ++i) {
    if (type->m_binary[i] == nullptr) type->m_binary[i] = base->m_binary[i];
  }
  if (type->m_richcompare == nullptr && type->m_hash == nullptr) {
    type->m_richcompare = base->m_richcompare;
    type->m_hash = base->m_hash;
  }
  // tp_new is inherited by built-ins only when they share the base's layout.
  if (type->m_new == nullptr && type->m_size == base->m_size && type->m_item_size == base->m_item_size) {
    type->m_new = base->m_new;
  }
  constexpr uint64_t kInherited = kTypeLongSubclass | kTypeListSubclass | kTypeTupleSubclass |
                                  kTypeBytesSubclass | kTypeUnicodeSubclass | kTypeDictSubclass |
                                  kTypeBaseExcSubclass | kTypeTypeSubclass | kTypeSequence |
                                  kTypeMapping;
  type->m_flags |= base->m_flags & kInherited;
}

// A built-in's prefix: its __dict__ pointer, then the collector's link
// just before the header.
// Done for every built-in before any object is made, since allocation
// needs it (the very first str and dict are made while readying `object`).
static void prepare_layout(Type* type) {
  if (type->m_type == nullptr) type->m_type = &type_type;
  type->m_refcount = kImmortalRefcount;
  if (type != &object_type && type->m_base == nullptr) type->m_base = &object_type;
  if (type->m_base != nullptr && type->m_base != type) prepare_layout(type->m_base);
  size_t prefix = (type->m_flags & kTypeHasGC) ? kGCHeadSize : 0;
  if (type->m_flags & kTypeHasDict) {
    prefix += sizeof(Ref);
    type->m_dict_offset = -ptrdiff_t(prefix);
  }
  type->m_prefix = prefix;
}

bool type_ready(Type* type) {
  if (type->m_flags & kTypeReady) return true;
  if (type->m_type == nullptr) type->m_type = &type_type;
  if (!(type->m_flags & kTypeHeapType)) type->m_refcount = kImmortalRefcount;
  if (type != &object_type && type->m_base == nullptr) type->m_base = &object_type;
  Type* base = type->m_base;
  if (base != nullptr && !type_ready(base)) return false;
  type->m_flags |= kTypeReady;
  type->m_version = g_next_version++;

  if (!(type->m_flags & kTypeHeapType)) {
    prepare_layout(type);
    if (type->m_name == nullptr) type->m_name = intern(type_name(type)).release().as_object();
    if (type->m_qualname == nullptr) type->m_qualname = ref(type->m_name).release().as_object();
    if (base != nullptr) note_builtin_subclass(base, type);
  }
  if (base != nullptr) inherit_slots(type, base);

  if (type->m_bases == nullptr) {
    Ref bases = base ? make_tuple({Value(base)}) : Ref::borrow(empty_tuple());
    type->m_bases = bases.release().as_object();
  }
  if (type->m_mro == nullptr) {
    // Single inheritance: the type, then its base's MRO.
    size_t base_length = base ? tuple_size(base->m_mro) : 0;
    Ref mro = make_tuple(base_length + 1);
    tuple_set(mro, 0, ref(Value(type)));
    for (size_t i = 0; i < base_length; ++i) tuple_set(mro, i + 1, ref(tuple_item(base->m_mro, i)));
    type->m_mro = mro.release().as_object();
  }
  if (type->m_dict == nullptr) {
    Ref dict = make_dict();
    if (!dict) return false;
    type->m_dict = dict.release().as_object();
  }
  if (!(type->m_flags & kTypeHeapType)) {
    if (!add_type_attributes(type)) return false;
  }
  return true;
}

const std::vector<Type*>& registered_type_list() {
  static std::vector<Type*> list;
  if (list.size() != registered_types().size()) {
    list.clear();
    for (const Registered& entry : registered_types()) list.push_back(entry.type);
  }
  return list;
}

Type* find_registered_type(std::string_view name) {
  if (name == "object") return &object_type;
  if (name == "type") return &type_type;
  for (const Registered& entry : registered_types()) {
    if (name == entry.type->m_tp_name) return entry.type;
  }
  return nullptr;
}

bool init_runtime() {
  prepare_layout(&object_type);
  prepare_layout(&type_type);
  for (const Registered& entry : registered_types()) prepare_layout(entry.type);
  if (!type_ready(&object_type) || !type_ready(&type_type)) return false;
  for (const Registered& entry : registered_types()) {
    if (!type_ready(entry.type)) return false;
    if (entry.module != nullptr) {
      Ref module_name = intern(entry.module);
      if (!dict_setitem_str(entry.type->m_dict, "__module__", module_name)) return false;
    }
  }
  return true;
}

}  // namespace coil
