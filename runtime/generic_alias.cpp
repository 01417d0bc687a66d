// types.GenericAlias (runtime/generic_alias.h), as CPython's
// Objects/genericaliasobject.c in the parts annotations use: `list[int]`
// prints as `list[int]`, exposes __origin__/__args__/__parameters__, calls
// the class it parameterizes, compares by origin and arguments, and
// forwards any other attribute to the class (`list[int].__name__`).
#include "runtime/generic_alias.h"

#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/errors.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/union.h"

namespace coil {

Type generic_alias_type;
const char* const kClassGetitemDoc = "See PEP 585";

namespace {

GenericAliasObject* as_alias(Value v) { return v.as<GenericAliasObject>(); }

}  // namespace

bool append_type_repr(std::string& out, Value item) {
  if (item.is(ellipsis())) {
    out += "...";
    return true;
  }
  auto use_repr = [&]() {
    Ref text = repr(item);
    if (!text) return false;
    out += str_view(text);
    return true;
  };
  bool found = false;
  Ref origin = lookup_attr(item, intern_static("__origin__"), found);
  if (!origin && error_pending()) return false;
  if (found) {
    Ref args = lookup_attr(item, intern_static("__args__"), found);
    if (!args && error_pending()) return false;
    if (found) return use_repr();
  }
  Ref qualname = lookup_attr(item, intern_static("__qualname__"), found);
  if (!qualname && error_pending()) return false;
  if (!found) return use_repr();
  Ref module = lookup_attr(item, intern_static("__module__"), found);
  if (!module && error_pending()) return false;
  if (!found || is_none(module)) return use_repr();
  Ref qualname_text = str(qualname);
  if (!qualname_text) return false;
  if (is_str(module) && str_view(module) == "builtins") {
    out += str_view(qualname_text);
    return true;
  }
  Ref module_text = str(module);
  if (!module_text) return false;
  out += str_view(module_text);
  out += '.';
  out += str_view(qualname_text);
  return true;
}

namespace {

bool append_item_repr(std::string& out, Value item) { return append_type_repr(out, item); }

Ref alias_repr(Value self) {
  GenericAliasObject* alias = as_alias(self);
  std::string text;
  if (!append_item_repr(text, alias->m_origin)) return {};
  text += '[';
  size_t count = tuple_size(alias->m_args);
  if (count == 0) text += "()";  // tuple[()]
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) text += ", ";
    if (!append_item_repr(text, tuple_item(alias->m_args, i))) return {};
  }
  text += ']';
  return make_str(text);
}

}  // namespace

Ref make_type_parameters(Value args) {
  Ref parameters = TRY(make_list());
  auto add = [&](Value parameter) -> bool {
    int present = contains(parameters, parameter);
    if (present < 0) return false;
    if (!present) list_append(parameters, ref(parameter));
    return true;
  };
  for (size_t i = 0; i < tuple_size(args); ++i) {
    Value item = tuple_item(args, i);
    if (is_type(item)) continue;
    bool found = false;
    Ref substitute = lookup_attr(item, intern_static("__typing_subst__"), found);
    if (!substitute && error_pending()) return {};
    if (found) {
      if (!add(item)) return {};
      continue;
    }
    Ref nested = lookup_attr(item, intern_static("__parameters__"), found);
    if (!nested && error_pending()) return {};
    if (found && is_tuple(nested)) {
      for (size_t j = 0; j < tuple_size(nested); ++j) {
        if (!add(tuple_item(nested, j))) return {};
      }
    }
  }
  return tuple_from_iterable(parameters);
}

namespace {

Ref make_parameters(Value args) { return make_type_parameters(args); }

Ref alias_get_origin(Value self) { return as_alias(self)->m_origin; }
Ref alias_get_args(Value self) { return as_alias(self)->m_args; }
Ref alias_get_parameters(Value self) {
  GenericAliasObject* alias = as_alias(self);
  if (!alias->m_parameters) alias->m_parameters = TRY(make_parameters(alias->m_args));
  return alias->m_parameters;
}
Ref alias_get_unpacked(Value) { return new_bool(false); }

// The names looked up on the alias itself; every other attribute comes
// from the origin class.
constexpr const char* kOwnAttributes[] = {
    "__class__",      "__origin__",  "__args__",  "__unpacked__",
    "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
    "__reduce_ex__",  "__reduce__",  "__copy__",  "__deepcopy__",
};

Ref alias_getattr(Value self, Value name) {
  if (is_str(name)) {
    std::string_view text = str_view(name);
    bool own = false;
    for (const char* attribute : kOwnAttributes) {
      if (text == attribute) {
        own = true;
        break;
      }
    }
    if (!own) return getattr(as_alias(self)->m_origin, name);
  }
  return generic_getattr(self, name);
}

Ref alias_call(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  Ref result = TRY(call(as_alias(self)->m_origin, args, nargs, kwnames));
  // Records the alias on the instance when it can take attributes.
  if (!setattr(result, "__orig_class__", self)) {
    if (!exception_matches(&attribute_error_type) && !exception_matches(&type_error_type)) {
      return {};
    }
    clear_exception();
  }
  return result;
}

Ref alias_richcompare(Value a, Value b, CompareOp op) {
  if (!b.is_object() || b.type() != &generic_alias_type ||
      (op != CompareOp::Eq && op != CompareOp::Ne)) {
    return ref(not_implemented());
  }
  int same = equal(as_alias(a)->m_origin, as_alias(b)->m_origin);
  if (same < 0) return {};
  if (same) {
    same = equal(as_alias(a)->m_args, as_alias(b)->m_args);
    if (same < 0) return {};
  }
  return new_bool((same != 0) == (op == CompareOp::Eq));
}

std::optional<int64_t> alias_hash(Value self) {
  std::optional<int64_t> origin = hash(as_alias(self)->m_origin);
  if (!origin) return std::nullopt;
  std::optional<int64_t> args = hash(as_alias(self)->m_args);
  if (!args) return std::nullopt;
  int64_t result = *origin ^ *args;
  return result == -1 ? -2 : result;
}

Ref alias_getitem(Value self, Value) {
  // Substituting type variables is typing's business; a concrete alias
  // has none to substitute.
  Ref alias_text = TRY(repr(self));
  return raise_format(&type_error_type, "There are no type variables left in %s",
                      str_cstr(alias_text));
}

Ref alias_mro_entries(Value self, Args) { return make_tuple({as_alias(self)->m_origin.get()}); }

Ref alias_instancecheck(Value, Args) {
  return raise(&type_error_type, "isinstance() argument 2 cannot be a parameterized generic");
}

Ref alias_subclasscheck(Value, Args) {
  return raise(&type_error_type, "issubclass() argument 2 cannot be a parameterized generic");
}

Ref alias_reduce(Value self, Args) {
  GenericAliasObject* alias = as_alias(self);
  Ref arguments = TRY(make_tuple({alias->m_origin.get(), alias->m_args.get()}));
  return make_tuple({Value(&generic_alias_type), arguments.get()});
}

Ref make_alias_of_type(Type* type, Value origin, Value args) {
  Ref arguments = is_tuple(args) ? ref(args) : make_tuple({args});
  if (!arguments) return {};
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* alias = static_cast<GenericAliasObject*>(object);
  new (&alias->m_origin) Ref(ref(origin));
  new (&alias->m_args) Ref(std::move(arguments));
  new (&alias->m_parameters) Ref();
  return Ref::steal(object);
}

// GenericAlias(origin, args), or a subclass's (collections.abc's Callable alias).
Ref alias_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_positional("GenericAlias", Args{args, nargs, kwnames}, 2, 2)) return {};
  return make_alias_of_type(type, args[0], args[1]);
}

void alias_destroy(Object* object) {
  static_cast<GenericAliasObject*>(object)->~GenericAliasObject();
}

void alias_traverse(Object* object, VisitFn visit, void* context) {
  auto* alias = static_cast<GenericAliasObject*>(object);
  visit(alias->m_origin, context);
  visit(alias->m_args, context);
  visit(alias->m_parameters, context);
}

const MethodDef alias_methods[] = {
    {"__mro_entries__", alias_mro_entries, ArgKind::OneArg},
    {"__instancecheck__", alias_instancecheck, ArgKind::OneArg},
    {"__subclasscheck__", alias_subclasscheck, ArgKind::OneArg},
    {"__reduce__", alias_reduce, ArgKind::NoArgs},
    {},
};

const GetSetDef alias_getset[] = {
    {"__origin__", alias_get_origin},
    {"__args__", alias_get_args},
    {"__parameters__", alias_get_parameters, nullptr, "Type variables in the GenericAlias."},
    {"__unpacked__", alias_get_unpacked},
    {},
};

struct GenericAliasSetup {
  GenericAliasSetup() {
    Type& t = generic_alias_type;
    t.m_tp_name = "types.GenericAlias";
    t.m_doc =
        "Represent a PEP 585 generic type\n\n"
        "E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
    t.m_size = sizeof(GenericAliasObject);
    t.m_flags = kTypeBaseType | kTypeHasGC;
    t.m_destroy = alias_destroy;
    t.m_traverse = alias_traverse;
    t.m_new = alias_new;
    t.m_repr = alias_repr;
    t.m_hash = alias_hash;
    t.m_richcompare = alias_richcompare;
    t.m_getattr = alias_getattr;
    t.m_call = alias_call;
    t.m_getitem = alias_getitem;
    t.m_binary[int(BinaryOp::Or)] = type_or;  // list[int] | None
    t.m_methods = alias_methods;
    t.m_getset = alias_getset;
  }
} generic_alias_setup;

}  // namespace

Ref make_generic_alias(Value origin, Value args) { return make_alias_of_type(&generic_alias_type, origin, args); }

Ref generic_alias_class_getitem(Value cls, Args args) { return make_generic_alias(cls, args[0]); }

COIL_REGISTER_TYPE(generic_alias_type, "types");

}  // namespace coil
