// The object protocols (runtime/abstract.h), dispatching through type slots
// as CPython's Objects/abstract.c and Objects/object.c do.
#include "runtime/abstract.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/function.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/interpreter.h"
#include "runtime/iterators.h"

namespace coil {

// --- str(), repr()

Ref repr(Value v) {
  UnaryFn f = v.type()->m_repr;
  if (f == nullptr) return raise_format(&type_error_type, "'%s' object has no repr", value_type_name(v).data());
  RecursionGuard guard(" while getting the repr of an object");
  if (!guard.ok) return {};
  Ref result = f(v);
  if (result && !is_str(result)) {
    return raise_format(&type_error_type, "__repr__ returned non-string (type %s)",
                        value_type_name(result).data());
  }
  return result;
}

Ref str(Value v) {
  if (is_exact_str(v)) return ref(v);
  UnaryFn f = v.type()->m_str;
  if (f == nullptr) return repr(v);
  RecursionGuard guard(" while getting the str of an object");
  if (!guard.ok) return {};
  Ref result = f(v);
  if (result && !is_str(result)) {
    return raise_format(&type_error_type, "__str__ returned non-string (type %s)",
                        value_type_name(result).data());
  }
  return result;
}

Ref ascii(Value v) {
  Ref r = repr(v);
  if (!r) return {};
  std::string_view text = str_view(r);
  bool all_ascii = true;
  for (unsigned char c : text) all_ascii &= c < 0x80;
  if (all_ascii) return r;
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = decode_utf8(text, pos);
    if (c < 0x80) {
      out += char(c);
    } else {
      char buffer[16];
      if (c <= 0xFF) std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(c));
      else if (c <= 0xFFFF) std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(c));
      else std::snprintf(buffer, sizeof buffer, "\\U%08x", unsigned(c));
      out += buffer;
    }
  }
  return make_str(out);
}

Ref format(Value v, Value spec) {
  Ref empty;
  if (!spec) {
    empty = make_str("");
    spec = empty;
  }
  if (!is_str(spec)) {
    return raise_format(&type_error_type, "format() argument 2 must be str, not %s",
                        value_type_name(spec).data());
  }
  // Fast paths: format(s, '') is s for a str, str(x) for an int.
  if (str_view(spec).empty()) {
    if (is_exact_str(v)) return ref(v);
    if (v.is_small_int()) return str(v);
  } else if (v.is_small_int()) {
    // int.__format__ (int_format_method), which no class can replace.
    std::string out;
    FormatError error;
    if (!format_int(v.as_small_int(), str_view(spec), out, error)) return raise_format_error(error);
    return make_str(out);
  }
  bool found;
  Ref result = call_special(v, "__format__", {spec}, found);
  if (!found) return raise_type_error_for("Type %s doesn't define __format__", v);
  if (result && !is_str(result)) {
    return raise_format(&type_error_type, "__format__ must return a str, not %s",
                        value_type_name(result).data());
  }
  return result;
}

// --- hash, truth

std::optional<int64_t> hash(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    // As CPython's long_hash for values below the modulus 2**61 - 1.
    constexpr int64_t kModulus = (int64_t(1) << 61) - 1;
    int64_t h = i >= 0 ? i % kModulus : -((-i) % kModulus);
    return h == -1 ? -2 : h;
  }
  HashFn f = v.type()->m_hash;
  if (f == nullptr) {
    // CPython names the type by its tp_name: 'collections.deque'.
    Type* t = v.type();
    const char* name = (t->m_flags & kTypeHeapType) || t->m_tp_name == nullptr ? value_type_name(v).data() : t->m_tp_name;
    return raise_format(&type_error_type, "unhashable type: '%s'", name);
  }
  return f(v);
}

int is_true(Value v) {
  if (v.is(py_bool(true))) return 1;
  if (v.is(py_bool(false)) || is_none(v)) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  Type* type = v.type();
  if (type->m_bool != nullptr) return type->m_bool(v);
  if (type->m_length != nullptr) {
    std::optional<int64_t> n = type->m_length(v);
    if (!n) return -1;
    return *n != 0;
  }
  return 1;
}

// --- comparisons

namespace {

constexpr CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                  CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace

Ref compare(Value a, Value b, CompareOp op) {
  // Two small ints: no dispatch.
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = x < y; break;
      case CompareOp::Le: r = x <= y; break;
      case CompareOp::Eq: r = x == y; break;
      case CompareOp::Ne: r = x != y; break;
      case CompareOp::Gt: r = x > y; break;
      case CompareOp::Ge: r = x >= y; break;
    }
    return new_bool(r);
  }
  RecursionGuard guard(" in comparison");
  if (!guard.ok) return {};
  // As CPython's do_richcompare: a subclass's reflected method first.
  Type* ta = a.type();
  Type* tb = b.type();
  bool checked_reverse = false;
  if (ta != tb && is_subtype(tb, ta) && tb->m_richcompare != nullptr) {
    checked_reverse = true;
    Ref result = tb->m_richcompare(b, a, kSwapped[int(op)]);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  if (ta->m_richcompare != nullptr) {
    Ref result = ta->m_richcompare(a, b, op);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  if (!checked_reverse && tb->m_richcompare != nullptr) {
    Ref result = tb->m_richcompare(b, a, kSwapped[int(op)]);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  switch (op) {
    case CompareOp::Eq: return new_bool(a.is(b));
    case CompareOp::Ne: return new_bool(!a.is(b));
    default:
      return raise_format(&type_error_type, "'%s' not supported between instances of '%s' and '%s'",
                          kCompareSymbols[int(op)], message_type_name(ta).data(), message_type_name(tb).data());
  }
}

int compare_bool(Value a, Value b, CompareOp op) {
  // Two small ints, exact strs or exact floats: their comparison methods
  // cannot be replaced, so the answer needs no bool made (sorts, tuple
  // comparisons and `in` come here for each pair).
  if (a.is_small_int() && b.is_small_int()) return compare_values(op, a.as_small_int(), b.as_small_int());
  if (a.is_object() && b.is_object() && a.as_object()->m_type == b.as_object()->m_type) {
    Type* type = a.as_object()->m_type;
    if (type == &str_type) return compare_values(op, str_view(a).compare(str_view(b)), 0);
    if (type == &float_type) return compare_values(op, float_value(a), float_value(b));
  }
  Ref result = compare(a, b, op);
  if (!result) return -1;
  if (result.get().is(py_bool(true))) return 1;
  if (result.get().is(py_bool(false))) return 0;
  return is_true(result);
}

int equal(Value a, Value b) {
  if (a.is(b)) return 1;
  return compare_bool(a, b, CompareOp::Eq);
}

// --- arithmetic

const char* binary_op_symbol(BinaryOp op) {
  static const char* const kSymbols[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
                                         "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  return kSymbols[int(op)];
}

namespace {

// a op b without the in-place step: a's slot, then b's (a subclass of a's
// type first), as CPython's binary_op1.
Ref binary_op1(Value a, Value b, int op) {
  Type* ta = a.type();
  Type* tb = b.type();
  BinaryFn fa = ta->m_binary[op];
  BinaryFn fb = tb != ta ? tb->m_binary[op] : nullptr;
  if (fb == fa) fb = nullptr;
  if (fa != nullptr) {
    if (fb != nullptr && is_subtype(tb, ta)) {
      Ref result = fb(a, b);
      if (!result || !result.get().is(not_implemented())) return result;
      fb = nullptr;
    }
    Ref result = fa(a, b);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  if (fb != nullptr) return fb(a, b);
  return ref(not_implemented());
}

Ref binary_type_error(Value a, Value b, BinaryOp op) {
  return raise_format(&type_error_type, "unsupported operand type(s) for %s: '%s' and '%s'",
                      binary_op_symbol(op), value_type_name(a).data(), value_type_name(b).data());
}

}  // namespace

Ref binary_op(Value a, Value b, BinaryOp op) {
  int index = int(op);
  if (op == BinaryOp::Power) return power(a, b, none());
  if (op == BinaryOp::InplacePower) {
    Type* ta = a.type();
    if (ta->m_inplace_power != nullptr) {
      Ref result = ta->m_inplace_power(a, b, none());
      if (!result || !result.get().is(not_implemented())) return result;
    }
    Ref result = power(a, b, none());
    if (!result && exception_matches(&type_error_type)) {
      Ref e = fetch_exception();
      return raise_format(&type_error_type, "unsupported operand type(s) for **=: '%s' and '%s'",
                          value_type_name(a).data(), value_type_name(b).data());
    }
    return result;
  }
  if (index >= kInplaceOffset) {
    BinaryFn f = a.type()->m_binary[index];
    if (f != nullptr) {
      Ref result = f(a, b);
      if (!result || !result.get().is(not_implemented())) return result;
    }
    index -= kInplaceOffset;
  }
  Ref result = binary_op1(a, b, index);
  if (!result || !result.get().is(not_implemented())) return result;
  // Sequence concatenation and repetition reach here only for types whose
  // slots do not handle them; the message names the original operator.
  if ((op == BinaryOp::Add || op == BinaryOp::InplaceAdd) && is_str(a)) {
    return raise_format(&type_error_type, "can only concatenate str (not \"%s\") to str",
                        value_type_name(b).data());
  }
  if ((op == BinaryOp::Add || op == BinaryOp::InplaceAdd) && is_list(a)) {
    return raise_format(&type_error_type, "can only concatenate list (not \"%s\") to list",
                        value_type_name(b).data());
  }
  if ((op == BinaryOp::Add || op == BinaryOp::InplaceAdd) && is_tuple(a)) {
    return raise_format(&type_error_type, "can only concatenate tuple (not \"%s\") to tuple",
                        value_type_name(b).data());
  }
  if (op == BinaryOp::Multiply || op == BinaryOp::InplaceMultiply) {
    bool a_seq = is_str(a) || is_list(a) || is_tuple(a) || a.type()->m_tp_name == std::string_view("bytes");
    bool b_seq = is_str(b) || is_list(b) || is_tuple(b) || b.type()->m_tp_name == std::string_view("bytes");
    if ((a_seq && !is_int(b) && b.type()->m_index == nullptr) ||
        (b_seq && !is_int(a) && a.type()->m_index == nullptr && !a_seq)) {
      Value other = a_seq ? b : a;
      return raise_format(&type_error_type, "can't multiply sequence by non-int of type '%s'",
                          value_type_name(other).data());
    }
  }
  return binary_type_error(a, b, op);
}

Ref power(Value base, Value exponent, Value modulus) {
  Type* ta = base.type();
  Type* tb = exponent.type();
  TernaryFn fa = ta->m_power;
  TernaryFn fb = tb != ta ? tb->m_power : nullptr;
  if (fb == fa) fb = nullptr;
  if (fa != nullptr) {
    if (fb != nullptr && is_subtype(tb, ta)) {
      Ref result = fb(base, exponent, modulus);
      if (!result || !result.get().is(not_implemented())) return result;
      fb = nullptr;
    }
    Ref result = fa(base, exponent, modulus);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  if (fb != nullptr) {
    Ref result = fb(base, exponent, modulus);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  if (!is_none(modulus)) {
    TernaryFn fc = modulus.type()->m_power;
    if (fc != nullptr && fc != fa && fc != fb) {
      Ref result = fc(base, exponent, modulus);
      if (!result || !result.get().is(not_implemented())) return result;
    }
    return raise_format(&type_error_type, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                        message_type_name(ta).data(), message_type_name(tb).data(), value_type_name(modulus).data());
  }
  return raise_format(&type_error_type, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                      message_type_name(ta).data(), message_type_name(tb).data());
}

#define UNARY(name, slot, message)                                              \
  Ref name(Value v) {                                                           \
    UnaryFn f = v.type()->slot;                                                 \
    if (f == nullptr) return raise_type_error_for(message, v);                  \
    return f(v);                                                                \
  }
UNARY(negative, m_negative, "bad operand type for unary -: '%s'")
UNARY(positive, m_positive, "bad operand type for unary +: '%s'")
UNARY(invert, m_invert, "bad operand type for unary ~: '%s'")
UNARY(absolute, m_absolute, "bad operand type for abs(): '%s'")
#undef UNARY

Ref index(Value v) {
  if (is_int(v)) {
    if (is_exact_int(v)) return ref(v);
    mpz_t value;
    mpz_init(value);
    int_to_mpz(v, value);
    Ref result = make_int(value);
    mpz_clear(value);
    return result;
  }
  UnaryFn f = v.type()->m_index;
  if (f == nullptr) {
    return raise_type_error_for("'%s' object cannot be interpreted as an integer", v);
  }
  Ref result = f(v);
  if (result && !is_int(result)) {
    return raise_format(&type_error_type, "__index__ returned non-int (type %s)", value_type_name(result).data());
  }
  return result;
}

std::optional<int64_t> index_as_int64(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  Ref i = index(v);
  if (!i) return std::nullopt;
  int64_t out;
  if (!int_fits_int64(i, out)) {
    return raise_format(&index_error_type, "cannot fit '%s' into an index-sized integer",
                        value_type_name(v).data());
  }
  return out;
}

std::optional<int64_t> int_as_int64(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  if (!is_int(v)) {
    Ref i = index(v);
    if (!i) return std::nullopt;
    return int_as_int64(i);
  }
  int64_t out;
  if (!int_fits_int64(v, out)) return raise(&overflow_error_type, "Python int too large to convert to C long");
  return out;
}

Ref number_int(Value v) { return call(Value(&int_type), {v}); }
Ref number_float(Value v) { return call(Value(&float_type), {v}); }

// --- attributes

Ref getattr(Value object, Value name) {
  BinaryFn f = object.type()->m_getattr;
  if (f == nullptr) f = generic_getattr;
  return f(object, name);
}

Ref getattr(Value object, std::string_view name) { return getattr(object, intern_static(name)); }

Ref lookup_attr(Value object, Value name, bool& found) {
  Ref result = getattr(object, name);
  found = bool(result);
  if (!result && exception_matches(&attribute_error_type)) clear_exception();
  return result;
}

bool setattr(Value object, Value name, Value value) {
  SetAttrFn f = object.type()->m_setattr;
  if (f == nullptr) {
    Type* type = object.type();
    bool has = type->m_getattr != nullptr && type_lookup(type, name);
    raise_format(&attribute_error_type,
                 has ? "'%s' object attribute '%s' is read-only" : "'%s' object has no attribute '%s'",
                 message_type_name(type).data(), str_cstr(name));
    return false;
  }
  return f(object, name, value);
}

bool setattr(Value object, std::string_view name, Value value) {
  return setattr(object, intern_static(name), value);
}

bool delattr(Value object, Value name) { return setattr(object, name, Value()); }

// --- calls

Ref call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  Type* type = callable.type();
  if (type == &function_type) return call_function(callable, args, nargs, kwnames);
  CallFn f = type->m_call;
  if (f == nullptr) return raise_type_error_for("'%s' object is not callable", callable);
  // A bound method calls its function, whose own call is checked (as
  // CPython's method_vectorcall, which adds no check of its own).
  if (type == &method_type) return f(callable, args, nargs, kwnames);
  // `s.upper()`, `d.get(k)`: the method's own function, unchecked as
  // CPython's vectorcall of a method descriptor.
  if (type == &method_descriptor_type && kwnames == nullptr) {
    if (const MethodDef* def = direct_method(callable, args, nargs)) {
      return def->function(args[0], Args{args + 1, nargs - 1, nullptr});
    }
  }
  RecursionGuard guard(" while calling a Python object");
  if (!guard.ok) return {};
  return f(callable, args, nargs, kwnames);
}

Ref call(Value callable, std::initializer_list<Value> args) {
  return call(callable, args.begin(), args.size(), nullptr);
}

Ref call_with_tuple(Value callable, Value args_tuple, Value kwargs_dict) {
  size_t nargs = tuple_size(args_tuple);
  size_t nkw = kwargs_dict ? dict_size(kwargs_dict) : 0;
  if (nkw == 0) return call(callable, tuple_item_pointer(args_tuple), nargs, nullptr);
  std::vector<Value> stack(nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) stack[i] = tuple_item(args_tuple, i);
  Ref names = make_tuple(nkw);
  size_t k = 0;
  for (const DictEntry& entry : as_dict(kwargs_dict)->m_entries) {
    if (!entry.key) continue;
    if (!is_str(entry.key)) return raise(&type_error_type, "keywords must be strings");
    tuple_set(names, k, ref(entry.key));
    stack[nargs + k] = entry.value;
    ++k;
  }
  // The dict cannot change under us: the values are held by `kwargs_dict`,
  // which the caller keeps alive for the call.
  return call(callable, stack.data(), nargs, names.as<TupleObject>());
}

Ref call_special(Value object, std::string_view name, std::initializer_list<Value> args, bool& found) {
  Value method = type_lookup(object.type(), intern_static(name));
  found = bool(method);
  if (!method) return {};
  return call_type_attribute(method, object, args);
}

Ref call_type_attribute(Value method, Value object, std::initializer_list<Value> args) {
  Ref held = ref(method);  // the call may change the class
  constexpr size_t kMaxDirect = 4;
  if (is_plain_method(method) && args.size() < kMaxDirect) {
    Value with_self[kMaxDirect];
    with_self[0] = object;
    std::copy(args.begin(), args.end(), with_self + 1);
    return call(method, with_self, args.size() + 1, nullptr);
  }
  DescrGetFn get = method.type()->m_descr_get;
  Ref bound = get ? get(method, object, Value(object.type())) : std::move(held);
  if (!bound) return {};
  return call(bound, args.begin(), args.size(), nullptr);
}

Ref call_method(Value object, std::string_view name, std::initializer_list<Value> args) {
  Ref method = getattr(object, name);
  if (!method) return {};
  return call(method, args);
}

bool is_callable(Value v) { return v.type()->m_call != nullptr || v.type() == &function_type; }

// --- containers

std::optional<int64_t> length(Value v) {
  LengthFn f = v.type()->m_length;
  if (f == nullptr) return raise_type_error_for("object of type '%s' has no len()", v);
  return f(v);
}

Ref getitem(Value container, Value key) {
  BinaryFn f = container.type()->m_getitem;
  if (f != nullptr) return f(container, key);
  if (is_type(container)) {
    // `type[int]` is special, as in CPython: type has no __class_getitem__
    // (which every class would find through its metaclass).
    if (container.is(Value(&type_type))) return make_generic_alias(container, key);
    // `list[int]`: __class_getitem__.
    Type* type = container.as<Type>();
    Value class_getitem = type_lookup(type, "__class_getitem__");
    if (class_getitem) {
      Ref bound = getattr(container, "__class_getitem__");
      if (!bound) return {};
      return call(bound, {key});
    }
    return raise_format(&type_error_type, "type '%s' is not subscriptable", str_cstr(Value(type->m_name)));
  }
  return raise_type_error_for("'%s' object is not subscriptable", container);
}

bool setitem(Value container, Value key, Value value) {
  SetItemFn f = container.type()->m_setitem;
  if (f == nullptr) {
    raise_type_error_for("'%s' object does not support item assignment", container);
    return false;
  }
  return f(container, key, value);
}

bool delitem(Value container, Value key) {
  SetItemFn f = container.type()->m_setitem;
  if (f == nullptr) {
    raise_type_error_for("'%s' object doesn't support item deletion", container);
    return false;
  }
  return f(container, key, Value());
}

int contains(Value container, Value item) {
  auto f = container.type()->m_contains;
  if (f != nullptr) return f(container, item);
  if (container.type()->m_iter == nullptr && container.type()->m_getitem == nullptr) {
    raise_type_error_for("argument of type '%s' is not iterable", container);
    return -1;
  }
  int hit = 0;
  bool ok = for_each(container, [&](Value element) {
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

Ref iter(Value v) {
  UnaryFn f = v.type()->m_iter;
  if (f != nullptr) {
    Ref result = f(v);
    if (result && result.type()->m_iternext == nullptr) {
      return raise_format(&type_error_type, "iter() returned non-iterator of type '%s'",
                          value_type_name(result).data());
    }
    return result;
  }
  if (v.type()->m_getitem != nullptr && !is_dict(v)) return make_sequence_iterator(v);
  return raise_type_error_for("'%s' object is not iterable", v);
}

Ref next(Value iterator) {
  IterNextFn f = iterator.type()->m_iternext;
  if (f == nullptr) return raise_type_error_for("'%s' object is not an iterator", iterator);
  return f(iterator);
}

Ref iterator_next(Value iterator) {
  Ref item = next(iterator);
  if (!item && error_pending() && exception_matches(&stop_iteration_type)) clear_exception();
  return item;
}

}  // namespace coil
