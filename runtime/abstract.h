// The object protocols: what Python's operators and built-ins do to any
// value, dispatching through the type slots (runtime/type.h). These are the
// functions the interpreter and the built-in types call; each follows the
// CPython function of the same role (PyObject_Repr, PyNumber_Add…),
// including its exact error messages.
//
// All return null / false / nullopt with an exception pending on failure.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

// The singletons (runtime/singletons.cpp).
extern Object none_object, not_implemented_object, ellipsis_object;
extern Type none_type, not_implemented_type, ellipsis_type;
inline Value none() { return Value(&none_object); }
inline Value not_implemented() { return Value(&not_implemented_object); }
inline Value ellipsis() { return Value(&ellipsis_object); }
inline Value py_bool(bool b) { return Value(b ? &true_object : &false_object); }
inline bool is_none(Value v) { return v.is(none()); }
inline Ref new_none() { return Ref::borrow(none()); }
inline Ref new_bool(bool b) { return Ref::borrow(py_bool(b)); }

// repr(), str(), ascii(), format(); the result is a str.
Ref repr(Value v);
Ref str(Value v);
Ref ascii(Value v);
Ref format(Value v, Value spec);  // spec: a str, or null for ''

// hash(); nullopt on error ("unhashable type: 'list'").
std::optional<int64_t> hash(Value v);

// Truth value: 1, 0, or -1 with an exception pending.
int is_true(Value v);

// Comparisons. compare() returns the result object (== may return anything);
// compare_bool() its truth value: 1, 0, or -1 on error.
Ref compare(Value a, Value b, CompareOp op);
int compare_bool(Value a, Value b, CompareOp op);
// ==, with the identity shortcut containers use (x is y implies x == y).
int equal(Value a, Value b);

// Arithmetic: a op b with reflected operands and NotImplemented, and the
// in-place forms falling back to the binary ones. `op` may be an in-place op.
Ref binary_op(Value a, Value b, BinaryOp op);
Ref power(Value base, Value exponent, Value modulus);  // modulus: None for 2-arg pow
Ref negative(Value v);
Ref positive(Value v);
Ref invert(Value v);
Ref absolute(Value v);
// The operator's symbol as messages print it: "+", "//", "+=".
const char* binary_op_symbol(BinaryOp op);

// operator.index(): an int, or TypeError "'x' object cannot be interpreted as an integer".
Ref index(Value v);
// index() as a C++ integer; OverflowError past int64 with CPython's wording
// ("cannot fit 'int' into an index-sized integer").
std::optional<int64_t> index_as_int64(Value v);
// int(v) and float(v) as the constructors compute them from one argument.
Ref number_int(Value v);
Ref number_float(Value v);

// Attributes. `name` is a str.
Ref getattr(Value object, Value name);
Ref getattr(Value object, std::string_view name);
// getattr(object, name, None-ish): null with no exception if missing
// (AttributeError swallowed); null with an exception for other errors.
Ref lookup_attr(Value object, Value name, bool& found);
bool setattr(Value object, Value name, Value value);
bool setattr(Value object, std::string_view name, Value value);
bool delattr(Value object, Value name);
// The default attribute protocol (object.__getattribute__/__setattr__).
Ref generic_getattr(Value object, Value name);
bool generic_setattr(Value object, Value name, Value value);

// Calls. `kwnames` names the trailing keyword arguments (a tuple of str).
Ref call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames = nullptr);
Ref call(Value callable, std::initializer_list<Value> args);
// Calls with a tuple of positional arguments and a dict of keywords (f(*a, **k)).
Ref call_with_tuple(Value callable, Value args_tuple, Value kwargs_dict);
// Looks up `name` on the object's type (a special method, skipping the
// instance dict, as CPython's _PyObject_LookupSpecial) and calls it bound.
// `found` is false if the type has no such method.
Ref call_special(Value object, std::string_view name, std::initializer_list<Value> args,
                 bool& found);
// Calls `method`, an attribute of `object`'s type (type_lookup), bound to
// `object`: a plain method is called with `object` first, without making
// the bound method; anything else through its __get__.
Ref call_type_attribute(Value method, Value object, std::initializer_list<Value> args);
extern Type function_type;
// A Python function or a native method descriptor: called with the
// instance as first argument, it does what the bound method would.
inline bool is_plain_method(Value attribute) {
  Type* type = attribute.type();
  return type == &function_type || (type->m_flags & kTypeMethodDescriptor) != 0;
}
// obj.name(*args), looking the name up as an attribute.
Ref call_method(Value object, std::string_view name, std::initializer_list<Value> args);
bool is_callable(Value v);

// Containers.
std::optional<int64_t> length(Value v);
Ref getitem(Value container, Value key);
bool setitem(Value container, Value key, Value value);
bool delitem(Value container, Value key);
// `item in container`: 1, 0, or -1 on error.
int contains(Value container, Value item);

// Iteration. next() returns null with no exception when exhausted, or with
// the StopIteration the iterator raised (a generator returning a value).
Ref iter(Value v);
Ref next(Value iterator);
// next() for code that only consumes items, as CPython's PyIter_Next: a
// StopIteration is the end too, and is cleared.
Ref iterator_next(Value iterator);
// Calls `visit(item)` for each item; stops early if it returns false.
template <class F>
bool for_each(Value iterable, F&& visit);

// An int's value, when it fits; nullopt with OverflowError (or TypeError
// for a non-int) pending otherwise.
std::optional<int64_t> int_as_int64(Value v);

// The name Python messages give a value's type: "int", "NoneType".
// The name error messages give v's type (message_type_name).
inline std::string_view value_type_name(Value v) { return message_type_name(v.type()); }

template <class F>
bool for_each(Value iterable, F&& visit) {
  Ref iterator = iter(iterable);
  if (!iterator) return false;
  while (true) {
    Ref item = iterator_next(iterator);
    if (!item) return !error_pending();
    if (!visit(item.get())) return false;
  }
}

// isinstance(object, cls) and issubclass(derived, cls) as the built-ins
// compute them (stdlib/builtins.cpp): 1, 0, or -1 with an exception pending.
int object_isinstance(Value object, Value cls);
int object_issubclass(Value derived, Value cls);

}  // namespace coil
