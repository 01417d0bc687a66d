// Type objects: what every object's header points to.
//
// A Type holds its Python-visible parts (name, bases, MRO, dict) and the
// slots the runtime calls directly — repr, hash, comparison, attribute
// access, calling, iteration, the number, sequence and mapping operations —
// as CPython's PyTypeObject does. A built-in type fills the slots with C++
// functions and lists its methods in a table (runtime/native.h); a class
// made in Python gets slot functions that look up and call its dunder
// methods (runtime/slots.cpp), so `a + b` costs one indirect call whatever
// the type.
//
// Each built-in type is a global `Type` defined in its own file
// (`list_type` in runtime/list.cpp) and registered with COIL_REGISTER_TYPE;
// `init_runtime()` builds their dicts and MROs at start-up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string_view>
#include <vector>

#include "runtime/object.h"

namespace coil {

struct TupleObject;
struct DictObject;
struct StrObject;
struct MethodDef;
struct MemberDef;
struct GetSetDef;

// Calling convention ("vectorcall"): positional arguments in args[0..nargs),
// then one value per keyword, whose names are the strs of `kwnames` (a tuple,
// or null when there are none).
using CallFn = Ref (*)(Value callable, const Value* args, size_t nargs, TupleObject* kwnames);
using UnaryFn = Ref (*)(Value);
using BinaryFn = Ref (*)(Value, Value);
using TernaryFn = Ref (*)(Value, Value, Value);
// Rich comparison; CompareOp as CPython's Py_LT … Py_GE.
enum class CompareOp : int { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };
// a <op> b for two values of one C++ type (numbers, lengths), as CPython's
// Py_RETURN_RICHCOMPARE; a NaN compares unequal to everything.
template <class T>
inline bool compare_values(CompareOp op, T a, T b) {
  switch (op) {
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Gt: return a > b;
    case CompareOp::Ge: return a >= b;
  }
  return false;
}
using RichCompareFn = Ref (*)(Value, Value, CompareOp);
// Returns the hash, or nullopt with an exception pending.
using HashFn = std::optional<int64_t> (*)(Value);
using LengthFn = std::optional<int64_t> (*)(Value);
// Returns 1/0 for true/false, -1 with an exception pending.
using InquiryFn = int (*)(Value);
// `value` null means delete. Returns false with an exception pending.
using SetAttrFn = bool (*)(Value self, Value name, Value value);
using SetItemFn = bool (*)(Value self, Value key, Value value);
using DescrGetFn = Ref (*)(Value descriptor, Value instance, Value owner);
using DescrSetFn = bool (*)(Value descriptor, Value instance, Value value);
// Returns the next item; null with no exception pending when exhausted.
using IterNextFn = Ref (*)(Value);
using NewFn = Ref (*)(Type* type, const Value* args, size_t nargs, TupleObject* kwnames);
using InitFn = bool (*)(Value self, const Value* args, size_t nargs, TupleObject* kwnames);
// Visits each reference the object owns, once, for the cycle collector
// (runtime/gc.h says what it may and may not visit); the prefix words
// (__slots__, __dict__) are the collector's own business.
using VisitFn = void (*)(Value, void* context);
using TraverseFn = void (*)(Object*, VisitFn, void* context);
// Drops the references the object holds, breaking a cycle, and leaves the
// object valid for its destruction.
using ClearFn = void (*)(Object*);
// Runs the C++ destructor of the object's body in place; the memory itself
// is freed by dealloc().
using DestroyFn = void (*)(Object*);
// Runs as the last reference goes, before destruction, with the object still
// alive (one reference held): it may call Python code (a Future reporting
// "exception was never retrieved"). A reference it keeps resurrects the object.
using FinalizeFn = void (*)(Object*);

// The binary operators, in the order of CPython's NB_* oparg of BINARY_OP
// (the in-place forms follow at +kInplaceOffset).
enum class BinaryOp : uint8_t {
  Add, And, FloorDivide, LShift, MatrixMultiply, Multiply, Remainder, Or, Power, RShift,
  Subtract, TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLShift, InplaceMatrixMultiply,
  InplaceMultiply, InplaceRemainder, InplaceOr, InplacePower, InplaceRShift,
  InplaceSubtract, InplaceTrueDivide, InplaceXor,
};
inline constexpr int kBinaryOpCount = 13;
inline constexpr int kInplaceOffset = 13;

enum TypeFlag : uint64_t {
  kTypeHeapType = 1 << 0,          // made by a class statement or type(); mutable
  kTypeBaseType = 1 << 1,          // may be subclassed
  kTypeHasGC = 1 << 2,             // instances are tracked by the cycle collector
  kTypeIsAbstract = 1 << 3,
  kTypeImmutable = 1 << 4,         // attributes cannot be set (built-in types)
  kTypeLongSubclass = 1 << 5,      // fast isinstance checks, as CPython's Py_TPFLAGS_*_SUBCLASS
  kTypeListSubclass = 1 << 6,
  kTypeTupleSubclass = 1 << 7,
  kTypeBytesSubclass = 1 << 8,
  kTypeUnicodeSubclass = 1 << 9,
  kTypeDictSubclass = 1 << 10,
  kTypeBaseExcSubclass = 1 << 11,
  kTypeTypeSubclass = 1 << 12,
  kTypeSequence = 1 << 13,         // for `match` (collections.abc.Sequence)
  kTypeMapping = 1 << 14,          // for `match` (collections.abc.Mapping)
  kTypeMethodDescriptor = 1 << 15, // calls unbound methods without a bound object
  kTypeHasDict = 1 << 16,          // a built-in whose instances have a __dict__: type_ready puts it in the prefix
  kTypeReady = 1 << 17,
  kTypeWeakrefable = 1 << 18,      // instances can be weakly referenced (runtime/weakref.cpp)
  // A built-in type standing for what CPython writes as a Python class
  // (asyncio's Handle, the event loop…): messages name it by its short
  // name, as CPython's do for heap types.
  kTypePythonClass = 1 << 19,
};

struct Type : Object {
  const char* m_tp_name = nullptr;  // as CPython's tp_name: "int", "collections.OrderedDict"
  Type* m_base = nullptr;           // the "solid" base whose layout this type extends
  Object* m_bases = nullptr;        // tuple
  Object* m_mro = nullptr;          // tuple
  Object* m_dict = nullptr;         // dict
  Object* m_name = nullptr;         // str: __name__
  Object* m_qualname = nullptr;     // str: __qualname__
  // Classes made in Python keep their name's storage, their subclasses and
  // their __slots__ here (runtime/class.cpp); null for built-in types.
  struct HeapTypeData* m_heap = nullptr;
  const char* m_doc = nullptr;
  uint64_t m_flags = 0;
  // Bumped whenever the type or a base changes: attribute caches compare it.
  uint32_t m_version = 0;
  // How many instances have weak references now (runtime/weakref.cpp): while
  // none has, freeing an instance needs no look in the weak-reference table.
  uint32_t m_weakly_referenced = 0;
  size_t m_size = sizeof(Object);  // bytes from the header on (fixed part)
  size_t m_item_size = 0;          // per item, for variable-sized types
  size_t m_prefix = 0;             // bytes before the header (see object.h)
  // Where an instance's __dict__ pointer is, from the header (negative:
  // in the prefix), or 0 if instances have none.
  ptrdiff_t m_dict_offset = 0;
  // Instances without a __dict__ that still take attributes, kept in a dict
  // elsewhere (a Future's, in its rare block): the dict's slot, made when
  // `create`, else null if there is none yet.
  Ref* (*m_extra_dict)(Object* object, bool create) = nullptr;

  // Methods, members and properties of a built-in type, turned into
  // descriptors in its dict when the runtime starts.
  const MethodDef* m_methods = nullptr;
  const MemberDef* m_members = nullptr;
  const GetSetDef* m_getset = nullptr;

  DestroyFn m_destroy = nullptr;
  // The bytes, from the header on, an instance was allocated with: set by
  // types whose instances vary in size without items (allocate_sized_object),
  // and by variable-sized types whose small instances should come from the
  // small-object free lists (allocate_object).
  size_t (*m_instance_size)(const Object*) = nullptr;
  FinalizeFn m_finalize = nullptr;
  TraverseFn m_traverse = nullptr;
  ClearFn m_clear = nullptr;

  UnaryFn m_repr = nullptr;
  UnaryFn m_str = nullptr;
  HashFn m_hash = nullptr;
  RichCompareFn m_richcompare = nullptr;
  BinaryFn m_getattr = nullptr;  // name is a str
  SetAttrFn m_setattr = nullptr;
  DescrGetFn m_descr_get = nullptr;
  DescrSetFn m_descr_set = nullptr;
  CallFn m_call = nullptr;
  UnaryFn m_iter = nullptr;
  IterNextFn m_iternext = nullptr;
  NewFn m_new = nullptr;
  InitFn m_init = nullptr;

  // Numbers. m_binary[op] for op < kBinaryOpCount, in-place forms after.
  // Power goes through m_power (it takes the optional modulus).
  BinaryFn m_binary[2 * kBinaryOpCount] = {};
  TernaryFn m_power = nullptr;
  TernaryFn m_inplace_power = nullptr;
  UnaryFn m_negative = nullptr;
  UnaryFn m_positive = nullptr;
  UnaryFn m_absolute = nullptr;
  UnaryFn m_invert = nullptr;
  InquiryFn m_bool = nullptr;
  UnaryFn m_int = nullptr;
  UnaryFn m_float = nullptr;
  UnaryFn m_index = nullptr;

  // Containers.
  LengthFn m_length = nullptr;
  BinaryFn m_getitem = nullptr;
  SetItemFn m_setitem = nullptr;
  // Returns 1/0, or -1 with an exception pending.
  int (*m_contains)(Value container, Value item) = nullptr;

  // Python-level: __init_subclass__ handled through the dict; __class_getitem__ too.
};

extern Type type_type;
extern Type object_type;
extern Type int_type;
extern Type bool_type;

inline Type* Value::type() const {
  return is_small_int() ? &int_type : as_object()->m_type;
}

// Allocates an object of `type` with `extra_items` trailing items (for
// variable-sized types), its prefix zeroed, its header set (one reference)
// and its body zeroed; the caller placement-constructs the body's C++ members.
Object* allocate_object(Type* type, size_t extra_items = 0);
// The same for a type with m_instance_size: `size` bytes from the header on.
Object* allocate_sized_object(Type* type, size_t size);
// allocate_object for a built-in type with no prefix, not tracked by the
// cycle collector, whose every body byte the caller writes (str's text):
// the body is left as the allocator hands it out.
Object* allocate_object_uninitialized(Type* type, size_t extra_items);
// Constructs the C++ body of a just-allocated object in place (a body with
// members that need constructors: vectors, containers), keeping its header.
template <class T>
T* construct_body(Object* object) {
  Object header = *object;
  T* body = new (static_cast<void*>(object)) T;
  *static_cast<Object*>(body) = header;
  return body;
}

// The __dict__ pointer of an instance whose type has one (m_dict_offset
// != 0); the dict itself is made on first use, so the pointer may be null.
inline Ref* instance_dict_slot(Object* object) {
  return reinterpret_cast<Ref*>(reinterpret_cast<char*>(object) + object->m_type->m_dict_offset);
}

// True if `type` is `base` or derives from it (walks the MRO).
bool is_subtype(const Type* type, const Type* base);
inline bool isinstance(Value v, const Type* base) {
  Type* type = v.type();
  return type == base || is_subtype(type, base);
}

// Looks NAME (a str) up along the MRO of `type`, without descriptors.
// Returns a borrowed value, or null if absent (no exception).
Value type_lookup(Type* type, Value name);
Value type_lookup(Type* type, std::string_view name);

// The method cache behind type_lookup, as CPython's: (type version,
// interned name) -> what the lookup found. A type's version changes when it
// or a base changes, which makes its entries stale.
namespace method_cache {
struct Entry {
  uint32_t version;
  const Object* name;
  Value value;  // borrowed: the type's dict keeps it alive while the version holds
};
inline constexpr size_t kSize = 4096;
extern Entry g_entries[kSize];
inline size_t slot(uint32_t version, Value name) {
  return ((uintptr_t(name.as_object()) >> 3) ^ (version * 2654435761u)) & (kSize - 1);
}
}  // namespace method_cache

// type_lookup with the cache's hit inline, for the interpreter loop.
[[gnu::always_inline]] inline Value type_lookup_inline(Type* type, Value name) {
  uint32_t version = type->m_version;
  if (version != 0) {
    const method_cache::Entry& entry = method_cache::g_entries[method_cache::slot(version, name)];
    if (entry.version == version && entry.name == name.as_object()) return entry.value;
  }
  return type_lookup(type, name);
}

// Marks `type` and its subclasses as changed (their attribute caches stale).
void type_modified(Type* type);

// The "type.__name__" text, for messages.
std::string_view type_name(const Type* type);
// The name error messages give a type, as CPython's tp_name: "int",
// "_asyncio.Task" (a built-in type of a module), "MyClass" (a class).
std::string_view message_type_name(const Type* type);

// Registers a built-in type to be readied by init_runtime().
struct TypeRegistration {
  TypeRegistration(Type* type, const char* module_name = nullptr);
};
#define COIL_REGISTER_TYPE(type, ...) \
  static ::coil::TypeRegistration coil_register_##type(&type __VA_OPT__(, ) __VA_ARGS__)

// The registered built-in types, and the one whose m_tp_name is `name`.
const std::vector<Type*>& registered_type_list();
Type* find_registered_type(std::string_view name);

// Readies every registered type (builds dicts, MROs, inherits slots).
// Returns false with an exception pending if a type cannot be readied.
bool init_runtime();

// Readies one type: inherits slots from its base, fills its dict from the
// method tables. Done for built-ins at start-up and for every new class.
bool type_ready(Type* type);

}  // namespace coil
