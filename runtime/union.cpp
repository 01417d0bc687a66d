// types.UnionType: what `int | str` makes (PEP 604), as CPython 3.11's
// Objects/unionobject.c.
//
// `|` between classes, None, generic aliases (list[int]) and unions builds a
// union of their arguments, flattened and without repeats; a union of one
// argument is that argument (`int | int` is int). isinstance and issubclass
// accept a union as they accept a tuple, and == ignores the order.
#include "runtime/union.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/exception.h"
#include "runtime/generic_alias.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type union_type;

namespace {

struct UnionObject : Object {
  Ref m_args;        // tuple
  Ref m_parameters;  // tuple, made on first use
};

UnionObject* as_union(Value v) { return v.as<UnionObject>(); }
bool is_union(Value v) { return v.is_object() && v.type() == &union_type; }
bool is_alias(Value v) { return v.is_object() && v.type() == &generic_alias_type; }

// What `|` accepts on both sides (CPython's is_unionable).
bool is_unionable(Value v) { return is_none(v) || is_type(v) || is_alias(v) || is_union(v); }

// Appends the arguments `v` contributes: a union's own, None as NoneType.
bool add_arguments(Value list, Value v) {
  if (is_union(v)) {
    Value args = as_union(v)->m_args;
    for (size_t i = 0; i < tuple_size(args); ++i) {
      if (!add_arguments(list, tuple_item(args, i))) return false;
    }
    return true;
  }
  Value item = is_none(v) ? Value(&none_type) : v;
  // Repeats are dropped: aliases compare with ==, anything else by identity.
  for (const Ref& present : as_list(list)->m_items) {
    if (present.get().is(item)) return true;
    if (is_alias(present) && is_alias(item)) {
      int equal = compare_bool(present, item, CompareOp::Eq);
      if (equal < 0) return false;
      if (equal) return true;
    }
  }
  list_append(list, ref(item));
  return true;
}

// One argument as CPython's union_repr_item writes it: None for NoneType.
bool append_argument_repr(std::string& out, Value item) {
  if (item.is(Value(&none_type))) {
    out += "None";
    return true;
  }
  return append_type_repr(out, item);
}

Ref union_repr(Value self) {
  Value args = as_union(self)->m_args;
  std::string text;
  for (size_t i = 0; i < tuple_size(args); ++i) {
    if (i > 0) text += " | ";
    if (!append_argument_repr(text, tuple_item(args, i))) return {};
  }
  return make_str(text);
}

Ref union_or(Value a, Value b) {
  if (!is_unionable(a) || !is_unionable(b)) return ref(not_implemented());
  return make_union(a, b);
}

// Two unions are equal when they have the same arguments in any order.
Ref union_richcompare(Value a, Value b, CompareOp op) {
  if (!is_union(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return ref(not_implemented());
  Ref left = make_frozenset(as_union(a)->m_args);
  if (!left) return {};
  Ref right = make_frozenset(as_union(b)->m_args);
  if (!right) return {};
  return compare(left, right, op);
}

std::optional<int64_t> union_hash(Value self) {
  Ref set = make_frozenset(as_union(self)->m_args);
  if (!set) return std::nullopt;
  return hash(set);
}

// isinstance(x, A | B) and issubclass(C, A | B): as for the tuple (A, B),
// but a parameterized generic among the arguments is refused.
Ref union_check(Value self, Value object, bool instance) {
  Value args = as_union(self)->m_args;
  for (size_t i = 0; i < tuple_size(args); ++i) {
    if (is_alias(tuple_item(args, i))) {
      return raise_format(&type_error_type, "%s() argument 2 cannot be a parameterized generic",
                          instance ? "isinstance" : "issubclass");
    }
  }
  for (size_t i = 0; i < tuple_size(args); ++i) {
    int r = instance ? object_isinstance(object, tuple_item(args, i)) : object_issubclass(object, tuple_item(args, i));
    if (r < 0) return {};
    if (r) return new_bool(true);
  }
  return new_bool(false);
}

Ref union_instancecheck(Value self, Args args) { return union_check(self, args[0], true); }
Ref union_subclasscheck(Value self, Args args) { return union_check(self, args[0], false); }

Ref union_getitem(Value self, Value) {
  // Substituting type variables is typing's business; coil's unions have none.
  Ref text = repr(self);
  if (!text) return {};
  return raise_format(&type_error_type, "%s is not a generic class", str_cstr(text));
}

Ref union_get_args(Value self) { return as_union(self)->m_args; }
Ref union_get_parameters(Value self) {
  UnionObject* u = as_union(self);
  if (!u->m_parameters) {
    u->m_parameters = make_type_parameters(u->m_args);
    if (!u->m_parameters) return {};
  }
  return u->m_parameters;
}

void union_destroy(Object* object) { static_cast<UnionObject*>(object)->~UnionObject(); }
void union_traverse(Object* object, VisitFn visit, void* context) {
  auto* u = static_cast<UnionObject*>(object);
  if (u->m_args) visit(u->m_args, context);
  if (u->m_parameters) visit(u->m_parameters, context);
}
void union_clear(Object* object) {
  auto* u = static_cast<UnionObject*>(object);
  u->m_args = Ref();
  u->m_parameters = Ref();
}

const MethodDef kUnionMethods[] = {
    {"__instancecheck__", union_instancecheck, ArgKind::OneArg},
    {"__subclasscheck__", union_subclasscheck, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kUnionGetSet[] = {
    {"__args__", union_get_args},
    {"__parameters__", union_get_parameters, nullptr, "Type variables in the types.UnionType."},
    {nullptr, nullptr},
};

struct UnionSetup {
  UnionSetup() {
    Type& t = union_type;
    t.m_tp_name = "types.UnionType";
    t.m_doc = "Represent a PEP 604 union type\n\nE.g. for int | str";
    t.m_size = sizeof(UnionObject);
    t.m_flags = kTypeHasGC | kTypeImmutable;
    t.m_destroy = union_destroy;
    t.m_traverse = union_traverse;
    t.m_clear = union_clear;
    t.m_repr = union_repr;
    t.m_hash = union_hash;
    t.m_richcompare = union_richcompare;
    t.m_getitem = union_getitem;
    t.m_binary[int(BinaryOp::Or)] = union_or;
    t.m_methods = kUnionMethods;
    t.m_getset = kUnionGetSet;
  }
} union_setup;

}  // namespace

COIL_REGISTER_TYPE(union_type);

Ref make_union(Value a, Value b) {
  Ref list = make_list();
  if (!list || !add_arguments(list, a) || !add_arguments(list, b)) return {};
  if (as_list(list)->m_items.size() == 1) return as_list(list)->m_items[0];
  Ref args = tuple_from_iterable(list);
  if (!args) return {};
  Object* object = allocate_object(&union_type);
  if (object == nullptr) return raise_no_memory();
  auto* u = static_cast<UnionObject*>(object);  // zeroed: its Refs start null
  u->m_args = std::move(args);
  return Ref::steal(object);
}

Ref type_or(Value a, Value b) {
  if (!is_unionable(a) || !is_unionable(b)) return ref(not_implemented());
  return make_union(a, b);
}

}  // namespace coil
