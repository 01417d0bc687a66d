// Slots and dunder methods (runtime/slots.h).
//
// One table, kSlotDefs, lists each dunder name with the slot it stands for
// and how a call from Python maps onto the slot's C++ signature. Two things
// are derived from it:
//   - the slot wrappers in built-in types' dicts (`int.__add__`), whose
//     call unpacks Python arguments and invokes the slot;
//   - for classes made in Python, generic slot functions that look the
//     dunder up on the instance's type and call it (`slot_binary<Add>`
//     implements CPython's SLOT1BINFULL: the reflected method of a subclass
//     operand first, NotImplemented falling through).
#include "runtime/slots.h"

#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

enum class SlotId : uint8_t {
  Repr, Str, Hash, RichCompare, GetAttr, SetAttr, DescrGet, DescrSet, Call, Iter, IterNext,
  Init, Power, InplacePower, Negative, Positive, Absolute, Invert, Bool, Int, Float, Index,
  Length, GetItem, SetItem, Contains, Binary,
};

// How a slot wrapper turns a Python call into the slot's call.
enum class Wrap : uint8_t {
  Unary,         // f(self)
  Binary,        // f(self, other)
  BinaryRight,   // f(other, self): __radd__
  Ternary,       // __pow__(self, other, mod=None)
  TernaryRight,  // __rpow__(self, other, mod=None)
  Compare,       // f(self, other, op)
  Hash, Length, Bool, Contains,
  IterNext,
  GetAttr, SetAttr, DelAttr,
  DescrGet, DescrSet, DescrDelete,
  Call, Init,
  SetItem, DelItem,
};

struct SlotDef {
  const char* name;
  SlotId id;
  Wrap wrap;
  int index;  // the BinaryOp for Binary slots, the CompareOp for comparisons
};

#define B(name, op) {name, SlotId::Binary, Wrap::Binary, int(BinaryOp::op)}
#define BR(name, op) {name, SlotId::Binary, Wrap::BinaryRight, int(BinaryOp::op)}
#define C(name, op) {name, SlotId::RichCompare, Wrap::Compare, int(CompareOp::op)}
const SlotDef kSlotDefs[] = {
    {"__repr__", SlotId::Repr, Wrap::Unary, 0},
    {"__str__", SlotId::Str, Wrap::Unary, 0},
    {"__hash__", SlotId::Hash, Wrap::Hash, 0},
    {"__call__", SlotId::Call, Wrap::Call, 0},
    {"__getattribute__", SlotId::GetAttr, Wrap::GetAttr, 0},
    {"__getattr__", SlotId::GetAttr, Wrap::GetAttr, 1},
    {"__setattr__", SlotId::SetAttr, Wrap::SetAttr, 0},
    {"__delattr__", SlotId::SetAttr, Wrap::DelAttr, 0},
    C("__lt__", Lt), C("__le__", Le), C("__eq__", Eq), C("__ne__", Ne), C("__gt__", Gt),
    C("__ge__", Ge),
    {"__iter__", SlotId::Iter, Wrap::Unary, 0},
    {"__next__", SlotId::IterNext, Wrap::IterNext, 0},
    {"__get__", SlotId::DescrGet, Wrap::DescrGet, 0},
    {"__set__", SlotId::DescrSet, Wrap::DescrSet, 0},
    {"__delete__", SlotId::DescrSet, Wrap::DescrDelete, 0},
    {"__init__", SlotId::Init, Wrap::Init, 0},
    B("__add__", Add), BR("__radd__", Add), B("__sub__", Subtract), BR("__rsub__", Subtract),
    B("__mul__", Multiply), BR("__rmul__", Multiply), B("__mod__", Remainder),
    BR("__rmod__", Remainder),
    {"__pow__", SlotId::Power, Wrap::Ternary, 0}, {"__rpow__", SlotId::Power, Wrap::TernaryRight, 0},
    {"__neg__", SlotId::Negative, Wrap::Unary, 0}, {"__pos__", SlotId::Positive, Wrap::Unary, 0},
    {"__abs__", SlotId::Absolute, Wrap::Unary, 0}, {"__bool__", SlotId::Bool, Wrap::Bool, 0},
    {"__invert__", SlotId::Invert, Wrap::Unary, 0}, B("__lshift__", LShift),
    BR("__rlshift__", LShift), B("__rshift__", RShift), BR("__rrshift__", RShift),
    B("__and__", And), BR("__rand__", And), B("__xor__", Xor), BR("__rxor__", Xor),
    B("__or__", Or), BR("__ror__", Or), {"__int__", SlotId::Int, Wrap::Unary, 0},
    {"__float__", SlotId::Float, Wrap::Unary, 0}, B("__iadd__", InplaceAdd),
    B("__isub__", InplaceSubtract), B("__imul__", InplaceMultiply),
    B("__imod__", InplaceRemainder), {"__ipow__", SlotId::InplacePower, Wrap::Ternary, 0},
    B("__ilshift__", InplaceLShift), B("__irshift__", InplaceRShift), B("__iand__", InplaceAnd),
    B("__ixor__", InplaceXor), B("__ior__", InplaceOr), B("__floordiv__", FloorDivide),
    BR("__rfloordiv__", FloorDivide), B("__truediv__", TrueDivide), BR("__rtruediv__", TrueDivide),
    B("__ifloordiv__", InplaceFloorDivide), B("__itruediv__", InplaceTrueDivide),
    {"__index__", SlotId::Index, Wrap::Unary, 0}, B("__matmul__", MatrixMultiply),
    BR("__rmatmul__", MatrixMultiply), B("__imatmul__", InplaceMatrixMultiply),
    {"__len__", SlotId::Length, Wrap::Length, 0},
    {"__getitem__", SlotId::GetItem, Wrap::Binary, 0},
    {"__setitem__", SlotId::SetItem, Wrap::SetItem, 0},
    {"__delitem__", SlotId::SetItem, Wrap::DelItem, 0},
    {"__contains__", SlotId::Contains, Wrap::Contains, 0},
};
#undef B
#undef BR
#undef C

using AnySlot = void (*)();

AnySlot get_slot(const Type* type, const SlotDef& def) {
  switch (def.id) {
    case SlotId::Repr: return AnySlot(type->m_repr);
    case SlotId::Str: return AnySlot(type->m_str);
    case SlotId::Hash: return AnySlot(type->m_hash);
    case SlotId::RichCompare: return AnySlot(type->m_richcompare);
    case SlotId::GetAttr: return AnySlot(type->m_getattr);
    case SlotId::SetAttr: return AnySlot(type->m_setattr);
    case SlotId::DescrGet: return AnySlot(type->m_descr_get);
    case SlotId::DescrSet: return AnySlot(type->m_descr_set);
    case SlotId::Call: return AnySlot(type->m_call);
    case SlotId::Iter: return AnySlot(type->m_iter);
    case SlotId::IterNext: return AnySlot(type->m_iternext);
    case SlotId::Init: return AnySlot(type->m_init);
    case SlotId::Power: return AnySlot(type->m_power);
    case SlotId::InplacePower: return AnySlot(type->m_inplace_power);
    case SlotId::Negative: return AnySlot(type->m_negative);
    case SlotId::Positive: return AnySlot(type->m_positive);
    case SlotId::Absolute: return AnySlot(type->m_absolute);
    case SlotId::Invert: return AnySlot(type->m_invert);
    case SlotId::Bool: return AnySlot(type->m_bool);
    case SlotId::Int: return AnySlot(type->m_int);
    case SlotId::Float: return AnySlot(type->m_float);
    case SlotId::Index: return AnySlot(type->m_index);
    case SlotId::Length: return AnySlot(type->m_length);
    case SlotId::GetItem: return AnySlot(type->m_getitem);
    case SlotId::SetItem: return AnySlot(type->m_setitem);
    case SlotId::Contains: return AnySlot(type->m_contains);
    case SlotId::Binary: return AnySlot(type->m_binary[def.index]);
  }
  return nullptr;
}

void set_slot(Type* type, const SlotDef& def, AnySlot f) {
  switch (def.id) {
    case SlotId::Repr: type->m_repr = UnaryFn(f); break;
    case SlotId::Str: type->m_str = UnaryFn(f); break;
    case SlotId::Hash: type->m_hash = HashFn(f); break;
    case SlotId::RichCompare: type->m_richcompare = RichCompareFn(f); break;
    case SlotId::GetAttr: type->m_getattr = BinaryFn(f); break;
    case SlotId::SetAttr: type->m_setattr = SetAttrFn(f); break;
    case SlotId::DescrGet: type->m_descr_get = DescrGetFn(f); break;
    case SlotId::DescrSet: type->m_descr_set = DescrSetFn(f); break;
    case SlotId::Call: type->m_call = CallFn(f); break;
    case SlotId::Iter: type->m_iter = UnaryFn(f); break;
    case SlotId::IterNext: type->m_iternext = IterNextFn(f); break;
    case SlotId::Init: type->m_init = InitFn(f); break;
    case SlotId::Power: type->m_power = TernaryFn(f); break;
    case SlotId::InplacePower: type->m_inplace_power = TernaryFn(f); break;
    case SlotId::Negative: type->m_negative = UnaryFn(f); break;
    case SlotId::Positive: type->m_positive = UnaryFn(f); break;
    case SlotId::Absolute: type->m_absolute = UnaryFn(f); break;
    case SlotId::Invert: type->m_invert = UnaryFn(f); break;
    case SlotId::Bool: type->m_bool = InquiryFn(f); break;
    case SlotId::Int: type->m_int = UnaryFn(f); break;
    case SlotId::Float: type->m_float = UnaryFn(f); break;
    case SlotId::Index: type->m_index = UnaryFn(f); break;
    case SlotId::Length: type->m_length = LengthFn(f); break;
    case SlotId::GetItem: type->m_getitem = BinaryFn(f); break;
    case SlotId::SetItem: type->m_setitem = SetItemFn(f); break;
    case SlotId::Contains: type->m_contains = reinterpret_cast<int (*)(Value, Value)>(f); break;
    case SlotId::Binary: type->m_binary[def.index] = BinaryFn(f); break;
  }
}

// The interned names of the table, made once.
Value slot_name(const SlotDef& def) {
  static Value names[std::size(kSlotDefs)];
  size_t i = size_t(&def - kSlotDefs);
  if (!names[i]) names[i] = intern_static(def.name);
  return names[i];
}

const SlotDef* find_def(Value name) {
  std::string_view text = str_view(name);
  for (const SlotDef& def : kSlotDefs) {
    if (text == def.name) return &def;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Calling dunders of Python classes.

// Looks `name` up on type(self) and calls it bound to self. `found` is
// false (and nothing is raised) if the type has no such attribute.
Ref call_dunder(Value self, Value name, const Value* args, size_t nargs, bool& found) {
  Value method = type_lookup(self.type(), name);
  found = bool(method);
  if (!method) return {};
  // Python functions: call with self prepended, no bound-method object.
  if (is_function(method)) {
    Value stack[8];
    if (nargs + 1 <= std::size(stack)) {
      stack[0] = self;
      for (size_t i = 0; i < nargs; ++i) stack[i + 1] = args[i];
      return call(method, stack, nargs + 1);
    }
  }
  DescrGetFn get = method.type()->m_descr_get;
  Ref bound = get ? get(method, self, Value(self.type())) : ref(method);
  if (!bound) return {};
  return call(bound, args, nargs);
}

Ref call_dunder(Value self, const char* name, std::initializer_list<Value> args, bool& found) {
  return call_dunder(self, intern_static(name), args.begin(), args.size(), found);
}

Ref call_dunder_or_missing(Value self, const char* name, std::initializer_list<Value> args) {
  bool found;
  Ref result = call_dunder(self, name, args, found);
  if (!found) {
    return raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                        value_type_name(self).data(), name);
  }
  return result;
}

Ref slot_repr(Value self) { return call_dunder_or_missing(self, "__repr__", {}); }
Ref slot_str(Value self) { return call_dunder_or_missing(self, "__str__", {}); }

std::optional<int64_t> slot_hash(Value self) {
  bool found;
  Ref result = call_dunder(self, "__hash__", {}, found);
  if (!found || (!result && !error_pending())) {
    return raise_format(&type_error_type, "unhashable type: '%s'", value_type_name(self).data());
  }
  if (!result) return std::nullopt;
  if (!is_int(result)) return raise(&type_error_type, "__hash__ method should return an integer");
  int64_t h;
  if (!int_fits_int64(result, h)) {
    // As CPython: a big hash is reduced by the int hash algorithm.
    std::optional<int64_t> reduced = hash(result);
    return reduced;
  }
  return h == -1 ? -2 : h;
}

Ref slot_richcompare(Value self, Value other, CompareOp op) {
  static const char* const kNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  bool found;
  Ref result = call_dunder(self, kNames[int(op)], {other}, found);
  if (!found) return ref(not_implemented());
  return result;
}

Ref slot_getattr(Value self, Value name) {
  // __getattribute__ (the default unless overridden), then __getattr__ on
  // AttributeError, as CPython's slot_tp_getattr_hook.
  static Value getattribute_name = intern_static("__getattribute__");
  static Value getattr_name = intern_static("__getattr__");
  Type* type = self.type();
  Value getattribute = type_lookup(type, getattribute_name);
  Ref result;
  if (getattribute && !(getattribute.type() == &wrapper_descriptor_type)) {
    bool found;
    result = call_dunder(self, getattribute_name, &name, 1, found);
  } else {
    result = generic_getattr(self, name);
  }
  if (result || !exception_matches(&attribute_error_type)) return result;
  Value getattr_method = type_lookup(type, getattr_name);
  if (!getattr_method) return result;
  clear_exception();
  bool found;
  return call_dunder(self, getattr_name, &name, 1, found);
}

bool slot_setattr(Value self, Value name, Value value) {
  bool found;
  Ref result = value ? call_dunder(self, "__setattr__", {name, value}, found)
                     : call_dunder(self, "__delattr__", {name}, found);
  if (!found) return value ? generic_setattr(self, name, value) : generic_setattr(self, name, Value());
  return bool(result);
}

Ref slot_descr_get(Value self, Value instance, Value owner) {
  bool found;
  Ref result = call_dunder(self, "__get__", {instance ? instance : none(), owner ? owner : none()}, found);
  if (!found) return ref(self);
  return result;
}

bool slot_descr_set(Value self, Value instance, Value value) {
  bool found;
  Ref result = value ? call_dunder(self, "__set__", {instance, value}, found)
                     : call_dunder(self, "__delete__", {instance}, found);
  if (!found) {
    raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                 value_type_name(self).data(), value ? "__set__" : "__delete__");
    return false;
  }
  return bool(result);
}

Ref slot_call(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static Value name = intern_static("__call__");
  Value method = type_lookup(self.type(), name);
  if (!method) return raise_type_error_for("'%s' object is not callable", self);
  DescrGetFn get = method.type()->m_descr_get;
  Ref bound = get ? get(method, self, Value(self.type())) : ref(method);
  if (!bound) return {};
  return call(bound, args, nargs, kwnames);
}

Ref slot_iter(Value self) {
  bool found;
  Ref result = call_dunder(self, "__iter__", {}, found);
  if (!found) return raise_type_error_for("'%s' object is not iterable", self);
  return result;
}

Ref slot_iternext(Value self) {
  bool found;
  Ref result = call_dunder(self, "__next__", {}, found);
  if (!result && exception_matches(&stop_iteration_type)) clear_exception();
  return result;
}

bool slot_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  static Value name = intern_static("__init__");
  Value method = type_lookup(self.type(), name);
  if (!method) return true;
  DescrGetFn get = method.type()->m_descr_get;
  Ref bound = get ? get(method, self, Value(self.type())) : ref(method);
  if (!bound) return false;
  Ref result = call(bound, args, nargs, kwnames);
  if (!result) return false;
  if (!is_none(result)) {
    raise_format(&type_error_type, "__init__() should return None, not '%s'",
                 value_type_name(result).data());
    return false;
  }
  return true;
}

template <SlotId id>
Ref slot_unary(Value self) {
  const char* name = id == SlotId::Negative   ? "__neg__"
                     : id == SlotId::Positive ? "__pos__"
                     : id == SlotId::Absolute ? "__abs__"
                     : id == SlotId::Invert   ? "__invert__"
                     : id == SlotId::Int      ? "__int__"
                     : id == SlotId::Float    ? "__float__"
                                              : "__index__";
  return call_dunder_or_missing(self, name, {});
}

int slot_bool(Value self) {
  bool found;
  Ref result = call_dunder(self, "__bool__", {}, found);
  if (found) {
    if (!result) return -1;
    if (!is_bool(result)) {
      raise_format(&type_error_type, "__bool__ should return bool, returned %s",
                   value_type_name(result).data());
      return -1;
    }
    return result.get().is(py_bool(true)) ? 1 : 0;
  }
  result = call_dunder(self, "__len__", {}, found);
  if (!found) return 1;
  if (!result) return -1;
  Ref n = index(result);
  if (!n) return -1;
  int64_t length;
  if (!int_fits_int64(n, length)) {
    raise(&overflow_error_type, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (length < 0) {
    raise(&value_error_type, "__len__() should return >= 0");
    return -1;
  }
  return length != 0;
}

std::optional<int64_t> slot_length(Value self) {
  bool found;
  Ref result = call_dunder(self, "__len__", {}, found);
  if (!found) return raise_type_error_for("object of type '%s' has no len()", self);
  if (!result) return std::nullopt;
  Ref n = index(result);
  if (!n) return std::nullopt;
  int64_t length;
  if (!int_fits_int64(n, length)) {
    return raise(&overflow_error_type, "cannot fit 'int' into an index-sized integer");
  }
  if (length < 0) return raise(&value_error_type, "__len__() should return >= 0");
  return length;
}

Ref slot_getitem(Value self, Value key) { return call_dunder_or_missing(self, "__getitem__", {key}); }

bool slot_setitem(Value self, Value key, Value value) {
  Ref result = value ? call_dunder_or_missing(self, "__setitem__", {key, value})
                     : call_dunder_or_missing(self, "__delitem__", {key});
  return bool(result);
}

int slot_contains(Value self, Value item) {
  bool found;
  Ref result = call_dunder(self, "__contains__", {item}, found);
  if (!found) {
    // Fall back to iteration, as CPython's _PySequence_IterSearch.
    int hit = 0;
    bool ok = for_each(self, [&](Value element) {
      int eq = equal(element, item);
      if (eq < 0) return false;
      if (eq) {
        hit = 1;
        return false;
      }
      return true;
    });
    if (!ok && error_pending()) return -1;
    return hit;
  }
  if (!result) return -1;
  return is_true(result);
}

// The names of each binary operator's methods.
struct BinaryNames {
  const char* op;
  const char* reflected;
};
constexpr BinaryNames kBinaryNames[2 * kBinaryOpCount] = {
    {"__add__", "__radd__"}, {"__and__", "__rand__"}, {"__floordiv__", "__rfloordiv__"},
    {"__lshift__", "__rlshift__"}, {"__matmul__", "__rmatmul__"}, {"__mul__", "__rmul__"},
    {"__mod__", "__rmod__"}, {"__or__", "__ror__"}, {"__pow__", "__rpow__"},
    {"__rshift__", "__rrshift__"}, {"__sub__", "__rsub__"}, {"__truediv__", "__rtruediv__"},
    {"__xor__", "__rxor__"},
    {"__iadd__", nullptr}, {"__iand__", nullptr}, {"__ifloordiv__", nullptr},
    {"__ilshift__", nullptr}, {"__imatmul__", nullptr}, {"__imul__", nullptr},
    {"__imod__", nullptr}, {"__ior__", nullptr}, {"__ipow__", nullptr}, {"__irshift__", nullptr},
    {"__isub__", nullptr}, {"__itruediv__", nullptr}, {"__ixor__", nullptr},
};

template <int op>
Ref slot_binary(Value a, Value b) {
  // As CPython's SLOT1BINFULL.
  constexpr BinaryNames names = kBinaryNames[op];
  if constexpr (op >= kInplaceOffset) {
    bool found;
    Ref result = call_dunder(a, names.op, {b}, found);
    if (!found) return ref(not_implemented());
    return result;
  } else {
    Type* ta = a.type();
    Type* tb = b.type();
    BinaryFn self_slot = &slot_binary<op>;
    bool do_other = ta != tb && tb->m_binary[op] == self_slot;
    if (ta->m_binary[op] == self_slot) {
      if (do_other && is_subtype(tb, ta)) {
        Value reflected = type_lookup(tb, intern_static(names.reflected));
        Value base_reflected = type_lookup(ta, intern_static(names.reflected));
        if (reflected && !reflected.is(base_reflected)) {
          bool found;
          Ref result = call_dunder(b, names.reflected, {a}, found);
          if (!found || !result || !result.get().is(not_implemented())) {
            if (found) return result;
          }
          do_other = false;
        }
      }
      bool found;
      Ref result = call_dunder(a, names.op, {b}, found);
      if (found && (!result || !result.get().is(not_implemented()) || ta == tb)) return result;
    }
    if (do_other) {
      bool found;
      Ref result = call_dunder(b, names.reflected, {a}, found);
      if (found) return result;
    }
    return ref(not_implemented());
  }
}

Ref slot_power(Value a, Value b, Value modulus) {
  if (!is_none(modulus)) {
    // Three-argument pow only calls a's __pow__ (CPython does the same).
    if (a.type()->m_power == &slot_power) {
      bool found;
      Ref result = call_dunder(a, "__pow__", {b, modulus}, found);
      if (found) return result;
    }
    return ref(not_implemented());
  }
  Type* ta = a.type();
  Type* tb = b.type();
  bool do_other = ta != tb && tb->m_power == &slot_power;
  if (ta->m_power == &slot_power) {
    bool found;
    Ref result = call_dunder(a, "__pow__", {b}, found);
    if (found && (!result || !result.get().is(not_implemented()) || ta == tb)) return result;
  }
  if (do_other) {
    bool found;
    Ref result = call_dunder(b, "__rpow__", {a}, found);
    if (found) return result;
  }
  return ref(not_implemented());
}

Ref slot_inplace_power(Value a, Value b, Value modulus) {
  bool found;
  Ref result = call_dunder(a, "__ipow__", {b}, found);
  if (!found) return ref(not_implemented());
  return result;
}

template <int... ops>
constexpr AnySlot binary_slot_for(int op, std::integer_sequence<int, ops...>) {
  AnySlot table[] = {AnySlot(&slot_binary<ops>)...};
  return table[op];
}

AnySlot generic_slot(const SlotDef& def) {
  switch (def.id) {
    case SlotId::Repr: return AnySlot(&slot_repr);
    case SlotId::Str: return AnySlot(&slot_str);
    case SlotId::Hash: return AnySlot(&slot_hash);
    case SlotId::RichCompare: return AnySlot(&slot_richcompare);
    case SlotId::GetAttr: return AnySlot(&slot_getattr);
    case SlotId::SetAttr: return AnySlot(&slot_setattr);
    case SlotId::DescrGet: return AnySlot(&slot_descr_get);
    case SlotId::DescrSet: return AnySlot(&slot_descr_set);
    case SlotId::Call: return AnySlot(&slot_call);
    case SlotId::Iter: return AnySlot(&slot_iter);
    case SlotId::IterNext: return AnySlot(&slot_iternext);
    case SlotId::Init: return AnySlot(&slot_init);
    case SlotId::Power: return AnySlot(&slot_power);
    case SlotId::InplacePower: return AnySlot(&slot_inplace_power);
    case SlotId::Negative: return AnySlot(&slot_unary<SlotId::Negative>);
    case SlotId::Positive: return AnySlot(&slot_unary<SlotId::Positive>);
    case SlotId::Absolute: return AnySlot(&slot_unary<SlotId::Absolute>);
    case SlotId::Invert: return AnySlot(&slot_unary<SlotId::Invert>);
    case SlotId::Bool: return AnySlot(&slot_bool);
    case SlotId::Int: return AnySlot(&slot_unary<SlotId::Int>);
    case SlotId::Float: return AnySlot(&slot_unary<SlotId::Float>);
    case SlotId::Index: return AnySlot(&slot_unary<SlotId::Index>);
    case SlotId::Length: return AnySlot(&slot_length);
    case SlotId::GetItem: return AnySlot(&slot_getitem);
    case SlotId::SetItem: return AnySlot(&slot_setitem);
    case SlotId::Contains: return AnySlot(&slot_contains);
    case SlotId::Binary:
      return binary_slot_for(def.index, std::make_integer_sequence<int, 2 * kBinaryOpCount>());
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Slot wrappers: `int.__add__` and friends.

struct SlotWrapperObject : Object {
  const SlotDef* m_def;
  Type* m_owner;
};
struct MethodWrapperObject : Object {
  const SlotDef* m_def;
  Type* m_owner;
  Ref m_self;
};

Ref make_method_wrapper(const SlotDef* def, Type* owner, Value self) {
  Object* object = allocate_object(&method_wrapper_type);
  if (object == nullptr) return raise_no_memory();
  auto* wrapper = static_cast<MethodWrapperObject*>(object);
  new (&wrapper->m_self) Ref(ref(self));
  wrapper->m_def = def;
  wrapper->m_owner = owner;
  return Ref::steal(object);
}

bool check_args(const SlotDef* def, Args args, size_t min, size_t max) {
  if (args.kwnames != nullptr && tuple_size(args.kwnames) != 0) {
    raise_format(&type_error_type, "%s() takes no keyword arguments", def->name);
    return false;
  }
  if (args.count < min || args.count > max) {
    if (min == max) {
      raise_format(&type_error_type, "expected %zu argument%s, got %zu", min, min == 1 ? "" : "s",
                   args.count);
    } else {
      raise_format(&type_error_type, "expected at most %zu arguments, got %zu", max, args.count);
    }
    return false;
  }
  return true;
}

// Calls the slot of `owner` that `def` names, for `self` with `args`.
Ref call_wrapped(const SlotDef* def, Type* owner, Value self, Args args) {
  AnySlot f = get_slot(owner, *def);
  if (f == nullptr) return raise_format(&type_error_type, "'%s' has no %s", message_type_name(owner).data(), def->name);
  switch (def->wrap) {
    case Wrap::Unary:
      if (!check_args(def, args, 0, 0)) return {};
      return UnaryFn(f)(self);
    case Wrap::Binary:
      if (!check_args(def, args, 1, 1)) return {};
      return BinaryFn(f)(self, args[0]);
    case Wrap::BinaryRight:
      if (!check_args(def, args, 1, 1)) return {};
      return BinaryFn(f)(args[0], self);
    case Wrap::Ternary:
      if (!check_args(def, args, 1, 2)) return {};
      return TernaryFn(f)(self, args[0], args.count > 1 ? args[1] : none());
    case Wrap::TernaryRight:
      if (!check_args(def, args, 1, 2)) return {};
      return TernaryFn(f)(args[0], self, args.count > 1 ? args[1] : none());
    case Wrap::Compare:
      if (!check_args(def, args, 1, 1)) return {};
      return RichCompareFn(f)(self, args[0], CompareOp(def->index));
    case Wrap::Hash: {
      if (!check_args(def, args, 0, 0)) return {};
      std::optional<int64_t> h = HashFn(f)(self);
      if (!h) return {};
      return make_int(*h);
    }
    case Wrap::Length: {
      if (!check_args(def, args, 0, 0)) return {};
      std::optional<int64_t> n = LengthFn(f)(self);
      if (!n) return {};
      return make_int(*n);
    }
    case Wrap::Bool: {
      if (!check_args(def, args, 0, 0)) return {};
      int b = InquiryFn(f)(self);
      if (b < 0) return {};
      return new_bool(b != 0);
    }
    case Wrap::Contains: {
      if (!check_args(def, args, 1, 1)) return {};
      int b = reinterpret_cast<int (*)(Value, Value)>(f)(self, args[0]);
      if (b < 0) return {};
      return new_bool(b != 0);
    }
    case Wrap::IterNext: {
      if (!check_args(def, args, 0, 0)) return {};
      Ref item = IterNextFn(f)(self);
      if (!item && !error_pending()) return raise_with(&stop_iteration_type, Value());
      return item;
    }
    case Wrap::GetAttr:
      if (!check_args(def, args, 1, 1)) return {};
      if (!is_str(args[0])) {
        return raise_format(&type_error_type, "attribute name must be string, not '%s'",
                            value_type_name(args[0]).data());
      }
      return BinaryFn(f)(self, args[0]);
    case Wrap::SetAttr:
    case Wrap::DelAttr: {
      size_t n = def->wrap == Wrap::SetAttr ? 2 : 1;
      if (!check_args(def, args, n, n)) return {};
      if (!is_str(args[0])) {
        return raise_format(&type_error_type, "attribute name must be string, not '%s'",
                            value_type_name(args[0]).data());
      }
      if (!SetAttrFn(f)(self, args[0], n == 2 ? args[1] : Value())) return {};
      return new_none();
    }
    case Wrap::DescrGet: {
      if (!check_args(def, args, 1, 2)) return {};
      Value instance = is_none(args[0]) ? Value() : args[0];
      Value owner_arg = args.count > 1 && !is_none(args[1]) ? args[1] : Value();
      if (!instance && !owner_arg) return raise(&type_error_type, "__get__(None, None) is invalid");
      return DescrGetFn(f)(self, instance, owner_arg);
    }
    case Wrap::DescrSet:
    case Wrap::DescrDelete: {
      size_t n = def->wrap == Wrap::DescrSet ? 2 : 1;
      if (!check_args(def, args, n, n)) return {};
      if (!DescrSetFn(f)(self, args[0], n == 2 ? args[1] : Value())) return {};
      return new_none();
    }
    case Wrap::Call:
      return CallFn(f)(self, args.items, args.count, args.kwnames);
    case Wrap::Init:
      if (!InitFn(f)(self, args.items, args.count, args.kwnames)) return {};
      return new_none();
    case Wrap::SetItem:
      if (!check_args(def, args, 2, 2)) return {};
      if (!SetItemFn(f)(self, args[0], args[1])) return {};
      return new_none();
    case Wrap::DelItem:
      if (!check_args(def, args, 1, 1)) return {};
      if (!SetItemFn(f)(self, args[0], Value())) return {};
      return new_none();
  }
  return {};
}

bool check_self(const SlotDef* def, Type* owner, Value self) {
  if (!isinstance(self, owner)) {
    raise_format(&type_error_type, "descriptor '%s' requires a '%s' object but received a '%s'",
                 def->name, message_type_name(owner).data(), value_type_name(self).data());
    return false;
  }
  return true;
}

Ref slot_wrapper_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  auto* wrapper = callable.as<SlotWrapperObject>();
  if (nargs < 1) {
    return raise_format(&type_error_type, "descriptor '%s' of '%s' object needs an argument",
                        wrapper->m_def->name, message_type_name(wrapper->m_owner).data());
  }
  if (!check_self(wrapper->m_def, wrapper->m_owner, args[0])) return {};
  return call_wrapped(wrapper->m_def, wrapper->m_owner, args[0], Args{args + 1, nargs - 1, kwnames});
}

Ref slot_wrapper_get(Value descriptor, Value instance, Value owner) {
  if (!instance) return ref(descriptor);
  auto* wrapper = descriptor.as<SlotWrapperObject>();
  if (!check_self(wrapper->m_def, wrapper->m_owner, instance)) return {};
  return make_method_wrapper(wrapper->m_def, wrapper->m_owner, instance);
}

Ref slot_wrapper_repr(Value self) {
  auto* wrapper = self.as<SlotWrapperObject>();
  std::string text = "<slot wrapper '";
  text += wrapper->m_def->name;
  text += "' of '";
  text += message_type_name(wrapper->m_owner);
  text += "' objects>";
  return make_str(text);
}

Ref method_wrapper_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  auto* wrapper = callable.as<MethodWrapperObject>();
  return call_wrapped(wrapper->m_def, wrapper->m_owner, wrapper->m_self, Args{args, nargs, kwnames});
}

Ref method_wrapper_repr(Value self) {
  auto* wrapper = self.as<MethodWrapperObject>();
  Value target = wrapper->m_self;
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(target.as_object()));
  std::string text = "<method-wrapper '";
  text += wrapper->m_def->name;
  text += "' of ";
  text += value_type_name(target);
  text += " object at ";
  text += address;
  text += ">";
  return make_str(text);
}

void method_wrapper_destroy(Object* object) {
  static_cast<MethodWrapperObject*>(object)->~MethodWrapperObject();
}

void method_wrapper_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<MethodWrapperObject*>(object)->m_self, context);
}

// __name__, __qualname__ and __objclass__ of both wrapper kinds, and a
// method-wrapper's __self__, as CPython's.
template <class Wrapper>
Ref wrapper_name(Value self) {
  return make_str(self.as<Wrapper>()->m_def->name);
}
template <class Wrapper>
Ref wrapper_qualname(Value self) {
  auto* wrapper = self.as<Wrapper>();
  Ref owner = getattr(Value(wrapper->m_owner), "__qualname__");
  if (!owner) return {};
  if (!is_str(owner)) return raise(&type_error_type, "<descriptor>.__objclass__.__qualname__ is not a unicode object");
  return make_str(std::string(str_view(owner)) + "." + wrapper->m_def->name);
}
template <class Wrapper>
Ref wrapper_objclass(Value self) {
  return ref(Value(self.as<Wrapper>()->m_owner));
}
Ref method_wrapper_self(Value self) { return self.as<MethodWrapperObject>()->m_self; }

const GetSetDef kSlotWrapperGetSet[] = {
    {"__name__", wrapper_name<SlotWrapperObject>},
    {"__qualname__", wrapper_qualname<SlotWrapperObject>},
    {"__objclass__", wrapper_objclass<SlotWrapperObject>},
    {nullptr, nullptr},
};

const GetSetDef kMethodWrapperGetSet[] = {
    {"__name__", wrapper_name<MethodWrapperObject>},
    {"__qualname__", wrapper_qualname<MethodWrapperObject>},
    {"__objclass__", wrapper_objclass<MethodWrapperObject>},
    {"__self__", method_wrapper_self},
    {nullptr, nullptr},
};

bool is_wrapper_of(Value value, const SlotDef& def) {
  if (value.type() != &wrapper_descriptor_type) return false;
  const SlotDef* other = value.as<SlotWrapperObject>()->m_def;
  return other->id == def.id && other->index == def.index;
}

}  // namespace

Type wrapper_descriptor_type, method_wrapper_type;

static struct SlotTypesSetup {
  SlotTypesSetup() {
    wrapper_descriptor_type.m_tp_name = "wrapper_descriptor";
    wrapper_descriptor_type.m_size = sizeof(SlotWrapperObject);
    wrapper_descriptor_type.m_call = slot_wrapper_call;
    wrapper_descriptor_type.m_descr_get = slot_wrapper_get;
    wrapper_descriptor_type.m_repr = slot_wrapper_repr;
    wrapper_descriptor_type.m_flags = kTypeMethodDescriptor;
    wrapper_descriptor_type.m_getset = kSlotWrapperGetSet;
    method_wrapper_type.m_tp_name = "method-wrapper";
    method_wrapper_type.m_size = sizeof(MethodWrapperObject);
    method_wrapper_type.m_call = method_wrapper_call;
    method_wrapper_type.m_repr = method_wrapper_repr;
    method_wrapper_type.m_destroy = method_wrapper_destroy;
    method_wrapper_type.m_traverse = method_wrapper_traverse;
    method_wrapper_type.m_flags = kTypeHasGC;
    method_wrapper_type.m_getset = kMethodWrapperGetSet;
  }
} slot_types_setup;
COIL_REGISTER_TYPE(wrapper_descriptor_type);
COIL_REGISTER_TYPE(method_wrapper_type);

bool is_slot_name(Value name) { return find_def(name) != nullptr; }

bool add_type_attributes(Type* type) {
  Value dict = type->m_dict;
  if (!add_native_members(type)) return false;
  // A slot wrapper for each slot this type defines itself (not inherited
  // unchanged from its base).
  const Type* base = type->m_base;
  for (const SlotDef& def : kSlotDefs) {
    AnySlot f = get_slot(type, def);
    if (f == nullptr) continue;
    if (base != nullptr && get_slot(base, def) == f) continue;
    // __getattr__ has no wrapper of its own: __getattribute__ covers the slot.
    if (def.id == SlotId::GetAttr && def.index == 1) continue;
    // Only the comparison methods the type's richcompare implements are
    // exposed; CPython exposes all six. So do we.
    Value name = slot_name(def);
    if (dict_lookup_str(dict, name)) continue;  // a method table entry wins
    Object* object = allocate_object(&wrapper_descriptor_type);
    if (object == nullptr) return raise_no_memory();
    auto* wrapper = static_cast<SlotWrapperObject*>(object);
    wrapper->m_def = &def;
    wrapper->m_owner = type;
    Ref owned = Ref::steal(object);
    if (!dict_setitem(dict, name, owned)) return false;
  }
  // A type that defines comparison but no hash is unhashable: __hash__ = None.
  if (type->m_hash == nullptr && !dict_lookup_str(dict, "__hash__")) {
    if (!dict_setitem_str(dict, "__hash__", none())) return false;
  }
  return true;
}

void fixup_slots(Type* type) {
  // Slots with one dunder each: a slot wrapper found along the MRO means
  // the built-in's C++ function can be used directly; anything else (a
  // Python function, any callable) needs the generic function that calls
  // the dunder. Slots shared by several dunders are settled after.
  for (const SlotDef& def : kSlotDefs) {
    switch (def.id) {
      case SlotId::RichCompare:
      case SlotId::Power:
      case SlotId::GetAttr:
      case SlotId::SetAttr:
      case SlotId::SetItem:
      case SlotId::DescrSet:
        continue;
      case SlotId::Binary:
        if (def.index < kInplaceOffset) continue;
        break;
      default:
        break;
    }
    Value found = type_lookup(type, slot_name(def));
    if (!found) continue;
    if (is_wrapper_of(found, def)) {
      set_slot(type, def, get_slot(found.as<SlotWrapperObject>()->m_owner, def));
    } else if (def.id == SlotId::Hash && is_none(found)) {
      set_slot(type, def, nullptr);  // __hash__ = None: unhashable
    } else {
      set_slot(type, def, generic_slot(def));
    }
  }
  // Comparisons: the six dunders share one slot keyed by index in kSlotDefs
  // (each with its own index), so the loop above compared only same-index
  // entries; settle the slot here.
  bool any_compare_generic = false;
  AnySlot native_compare = nullptr;
  bool any_compare = false;
  for (const SlotDef& def : kSlotDefs) {
    if (def.id != SlotId::RichCompare) continue;
    Value found = type_lookup(type, slot_name(def));
    if (!found) continue;
    any_compare = true;
    if (is_wrapper_of(found, def)) {
      native_compare = get_slot(found.as<SlotWrapperObject>()->m_owner, def);
    } else {
      any_compare_generic = true;
    }
  }
  if (any_compare) type->m_richcompare = any_compare_generic ? &slot_richcompare : RichCompareFn(native_compare);
  // Binary operators: generic if either the operator or its reflection is
  // defined in Python.
  for (int op = 0; op < kBinaryOpCount; ++op) {
    Value a = type_lookup(type, intern_static(kBinaryNames[op].op));
    Value b = type_lookup(type, intern_static(kBinaryNames[op].reflected));
    bool generic = (a && a.type() != &wrapper_descriptor_type) || (b && b.type() != &wrapper_descriptor_type);
    if (generic) type->m_binary[op] = BinaryFn(generic_slot(SlotDef{"", SlotId::Binary, Wrap::Binary, op}));
  }
  {
    Value a = type_lookup(type, "__pow__");
    Value b = type_lookup(type, "__rpow__");
    if ((a && a.type() != &wrapper_descriptor_type) || (b && b.type() != &wrapper_descriptor_type)) {
      type->m_power = &slot_power;
    }
  }
  // Attribute access: __getattr__ anywhere, or a Python __getattribute__.
  {
    Value a = type_lookup(type, "__getattribute__");
    Value b = type_lookup(type, "__getattr__");
    if (b || (a && a.type() != &wrapper_descriptor_type)) type->m_getattr = &slot_getattr;
    Value s = type_lookup(type, "__setattr__");
    Value d = type_lookup(type, "__delattr__");
    if ((s && s.type() != &wrapper_descriptor_type) || (d && d.type() != &wrapper_descriptor_type)) {
      type->m_setattr = &slot_setattr;
    }
    Value si = type_lookup(type, "__setitem__");
    Value di = type_lookup(type, "__delitem__");
    if ((si && si.type() != &wrapper_descriptor_type) || (di && di.type() != &wrapper_descriptor_type)) {
      type->m_setitem = &slot_setitem;
    }
    Value ds = type_lookup(type, "__set__");
    Value dd = type_lookup(type, "__delete__");
    if ((ds && ds.type() != &wrapper_descriptor_type) || (dd && dd.type() != &wrapper_descriptor_type)) {
      type->m_descr_set = &slot_descr_set;
    }
  }
}

void update_slots_for(Type* type, Value name) {
  if (!find_def(name)) return;
  fixup_slots(type);
  for (Type* sub : heap_subclasses(type)) update_slots_for(sub, name);
}

}  // namespace coil
