// Functions and methods written in C++, and the binding of their arguments.
//
// A built-in type lists its methods in a MethodDef table; a module lists its
// functions the same way. Every native function has one signature — it gets
// `self` (the instance for a method, the module for a module function) and
// the call's arguments as CPython's vectorcall passes them — and declares in
// `kind` how many arguments it takes, so that the common shapes get
// CPython's exact error messages without code in each function:
//
//   kNoArgs    "list.clear() takes no arguments (1 given)"
//   kOneArg    "list.append() takes exactly one argument (0 given)"
//   kVarArgs   positional only, any number (the function checks)
//   kKeywords  anything; the function binds with ArgParser
//
// ArgParser binds positional and keyword arguments to named parameters with
// CPython's messages ("print() got an unexpected keyword argument 'x'",
// "sorted expected 1 argument, got 0"…).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct Args {
  const Value* items = nullptr;
  size_t count = 0;                // positional arguments
  TupleObject* kwnames = nullptr;  // names of the keyword arguments after them, or null
  Value operator[](size_t i) const { return items[i]; }
  size_t keyword_count() const;
};

using NativeFn = Ref (*)(Value self, Args args);

enum class ArgKind : uint8_t { NoArgs, OneArg, VarArgs, Keywords };

enum MethodFlag : uint8_t {
  kMethodClass = 1,   // a classmethod (dict.fromkeys): self is the type
  kMethodStatic = 2,  // a staticmethod (str.maketrans): self is null
};

struct MethodDef {
  const char* name;  // null ends a table
  NativeFn function;
  ArgKind kind;
  const char* doc = nullptr;
  uint8_t flags = 0;
};

// CPython's convention for the doc of a built-in: "NAME(SIGNATURE)\n--\n\n"
// ahead of the text when it has a text signature. `name` is the function's
// name, or the last part of a type's. The text after the signature (all of
// `doc` when it has none), as __doc__ shows it: None when null or empty.
Ref doc_without_signature(std::string_view name, const char* doc);
// The "(SIGNATURE)" of the doc, as __text_signature__ shows it, or None.
Ref doc_text_signature(std::string_view name, const char* doc);

// A field of a built-in object exposed as an attribute (read-only unless
// `writable`). `offset` is from the object header (negative for __slots__
// values, which live in the prefix). The field is a Ref for Object (an
// AttributeError when null) and ObjectOrNone (None when null).
enum class MemberType : uint8_t { Object, ObjectOrNone, Bool, Int64 };
struct MemberDef {
  const char* name;
  MemberType type;
  ptrdiff_t offset;
  bool writable = false;
  const char* doc = nullptr;
};

// A computed attribute (a C++ property). A null setter makes it read-only;
// the setter gets a null value for `del`.
struct GetSetDef {
  const char* name;
  Ref (*get)(Value self);
  bool (*set)(Value self, Value value) = nullptr;
  const char* doc = nullptr;
};

// Binds a call's arguments to named parameters.
//
//   static const ArgSpec spec{"sorted", {"iterable", "key", "reverse"},
//                             /*positional_only=*/1, /*keyword_only_from=*/1, /*required=*/1};
//   Value bound[3];
//   if (!bind_arguments(spec, args, bound)) return {};
//
// Parameters before `positional_only` cannot be passed by keyword; those from
// `keyword_only_from` on cannot be passed by position; the first `required`
// must be given. Unbound optional parameters are left null.
struct ArgSpec {
  const char* function_name;  // as it appears in messages: "sorted", "str.split"
  std::initializer_list<const char*> names;
  size_t positional_only = 0;
  size_t keyword_only_from = SIZE_MAX;
  size_t required = 0;
};
bool bind_arguments(const ArgSpec& spec, Args args, Value* bound);

// Checks arity for functions taking only positional arguments: between
// `min` and `max`, and no keywords. Messages as CPython's "func expected at
// most 2 arguments, got 3" / "func() takes no keyword arguments".
bool check_positional(const char* function_name, Args args, size_t min, size_t max);

// The argument checks shared by the ArgKind shapes; `qualified` is
// "list.append" or "len".
bool check_arg_kind(ArgKind kind, const char* qualified, Args args);

// A bound native function: builtins like len, and methods looked up on an
// instance (`[].append`).
struct BuiltinFunctionObject : Object {
  const MethodDef* m_def;
  Ref m_self;        // the instance or module, or null
  Ref m_module;      // __module__ (a str) or null
  Type* m_owner;     // for methods: the type that defines it (for __qualname__)
};
extern Type builtin_function_type;
Ref make_builtin_function(const MethodDef* def, Value self, Value module_name = Value(),
                          Type* owner = nullptr);

// The descriptor a built-in type's dict holds for each method
// (`str.upper` is one): bound on access through an instance, and callable
// unbound with the instance first (`str.upper("a")`).
struct MethodDescriptorObject : Object {
  const MethodDef* m_def;
  Type* m_owner;
};
extern Type method_descriptor_type, classmethod_descriptor_type;

// Adds the descriptors for a built-in type's MethodDef, MemberDef and
// GetSetDef tables to its dict (runtime/native.cpp).
bool add_native_members(Type* type);
Ref make_member_descriptor(const MemberDef* def, Type* owner);
// A getset_descriptor for `def` (which must outlive it) on `owner`.
Ref make_getset_descriptor(const GetSetDef* def, Type* owner);
// `T.__new__`, the built-in function a type's dict holds (runtime/object.cpp).
Ref make_new_wrapper(Type* type);

// Calls a native method directly, for the interpreter's LOAD_METHOD path.
Ref call_method_descriptor(MethodDescriptorObject* descriptor, Value self, Args args);

// The native function a call of `callable` with `args` (no keywords) can go
// straight to, or null: a method descriptor — what LOAD_METHOD leaves for
// `s.upper()` — of an ordinary method, called on an instance of exactly its
// type with as many arguments as it takes (the rest is call()'s: checks and
// their messages).
inline const MethodDef* direct_method(Value callable, const Value* args, size_t nargs) {
  if (callable.type() != &method_descriptor_type || nargs == 0) return nullptr;
  auto* descriptor = callable.as<MethodDescriptorObject>();
  const MethodDef* def = descriptor->m_def;
  if (def->flags != 0 || args[0].type() != descriptor->m_owner) return nullptr;
  switch (def->kind) {
    case ArgKind::NoArgs: return nargs == 1 ? def : nullptr;
    case ArgKind::OneArg: return nargs == 2 ? def : nullptr;
    default: return def;
  }
}

// Descriptors for MemberDef and GetSetDef entries.
struct MemberDescriptorObject : Object {
  const MemberDef* m_def;
  Type* m_owner;
};
struct GetSetDescriptorObject : Object {
  const GetSetDef* m_def;
  Type* m_owner;
};
extern Type member_descriptor_type, getset_descriptor_type;

}  // namespace coil
