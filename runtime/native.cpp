// Native functions and the descriptors of built-in types' tables
// (runtime/native.h).
#include "runtime/native.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

size_t Args::keyword_count() const { return kwnames ? kwnames->m_size : 0; }

bool bind_arguments(const ArgSpec& spec, Args args, Value* bound) {
  // As CPython's Argument Clinic (_PyArg_UnpackKeywords), with its messages.
  const char* name = spec.function_name;
  const char* const* names = spec.names.begin();
  size_t total = spec.names.size();
  size_t max_positional = std::min(spec.keyword_only_from, total);
  size_t nkw = args.keyword_count();
  for (size_t i = 0; i < total; ++i) bound[i] = Value();
  if (args.count + nkw > total) {
    raise_format(&type_error_type, "%s() takes at most %zu %sargument%s (%zu given)", name, total,
                 args.count == 0 ? "keyword " : "", total == 1 ? "" : "s", args.count + nkw);
    return false;
  }
  if (args.count > max_positional) {
    if (max_positional == 0) {
      raise_format(&type_error_type, "%s() takes no positional arguments", name);
    } else {
      size_t min_positional = std::min(spec.required, max_positional);
      raise_format(&type_error_type, "%s() takes %s %zu positional argument%s (%zu given)", name,
                   min_positional < max_positional ? "at most" : "exactly", max_positional,
                   max_positional == 1 ? "" : "s", args.count);
    }
    return false;
  }
  for (size_t i = 0; i < args.count; ++i) bound[i] = args.items[i];
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_item(Value(args.kwnames), k);
    std::string_view key_text = str_view(key);
    size_t index = total;
    for (size_t i = spec.positional_only; i < total; ++i) {
      if (key_text == names[i]) {
        index = i;
        break;
      }
    }
    if (index == total) {
      raise_format(&type_error_type, "'%s' is an invalid keyword argument for %s()",
                   std::string(key_text).c_str(), name);
      return false;
    }
    if (bound[index]) {
      raise_format(&type_error_type, "argument for %s() given by name ('%s') and position (%zu)",
                   name, names[index], index + 1);
      return false;
    }
    bound[index] = args.items[args.count + k];
  }
  for (size_t i = 0; i < spec.required; ++i) {
    if (bound[i]) continue;
    if (i < spec.positional_only) {
      size_t min_positional = std::min(spec.required, max_positional);
      raise_format(&type_error_type, "%s() takes %s %zu positional argument%s (%zu given)", name,
                   min_positional < max_positional ? "at least" : "exactly", min_positional,
                   min_positional == 1 ? "" : "s", args.count);
    } else if (i < max_positional) {
      raise_format(&type_error_type, "%s() missing required argument '%s' (pos %zu)", name, names[i], i + 1);
    } else {
      raise_format(&type_error_type, "%s() missing required keyword-only argument '%s'", name, names[i]);
    }
    return false;
  }
  return true;
}

bool check_positional(const char* function_name, Args args, size_t min, size_t max) {
  if (args.keyword_count() != 0) {
    raise_format(&type_error_type, "%s() takes no keyword arguments", function_name);
    return false;
  }
  if (args.count < min) {
    if (min == max) {
      raise_format(&type_error_type, "%s expected %zu argument%s, got %zu", function_name, min,
                   min == 1 ? "" : "s", args.count);
    } else {
      raise_format(&type_error_type, "%s expected at least %zu argument%s, got %zu", function_name,
                   min, min == 1 ? "" : "s", args.count);
    }
    return false;
  }
  if (args.count > max) {
    if (min == max) {
      raise_format(&type_error_type, "%s expected %zu argument%s, got %zu", function_name, max,
                   max == 1 ? "" : "s", args.count);
    } else {
      raise_format(&type_error_type, "%s expected at most %zu argument%s, got %zu", function_name,
                   max, max == 1 ? "" : "s", args.count);
    }
    return false;
  }
  return true;
}

bool check_arg_kind(ArgKind kind, const char* qualified, Args args) {
  switch (kind) {
    case ArgKind::NoArgs:
      if (args.keyword_count() != 0) {
        raise_format(&type_error_type, "%s() takes no keyword arguments", qualified);
        return false;
      }
      if (args.count != 0) {
        raise_format(&type_error_type, "%s() takes no arguments (%zu given)", qualified, args.count);
        return false;
      }
      return true;
    case ArgKind::OneArg:
      if (args.keyword_count() != 0) {
        raise_format(&type_error_type, "%s() takes no keyword arguments", qualified);
        return false;
      }
      if (args.count != 1) {
        raise_format(&type_error_type, "%s() takes exactly one argument (%zu given)", qualified,
                     args.count);
        return false;
      }
      return true;
    case ArgKind::VarArgs:
      if (args.keyword_count() != 0) {
        raise_format(&type_error_type, "%s() takes no keyword arguments", qualified);
        return false;
      }
      return true;
    case ArgKind::Keywords:
      return true;
  }
  return true;
}

namespace {

constexpr std::string_view kSignatureEnd = ")\n--\n\n";

// Where the signature of `doc` starts (its '('), as CPython's
// find_signature, and the text after it, as skip_signature; npos when
// `doc` has none.
size_t signature_start(std::string_view name, std::string_view doc) {
  if (doc.substr(0, name.size()) != name || doc.size() <= name.size() || doc[name.size()] != '(') {
    return std::string_view::npos;
  }
  return name.size();
}
size_t signature_end(std::string_view doc, size_t start) {
  for (size_t i = start; i < doc.size(); ++i) {
    if (doc.substr(i, kSignatureEnd.size()) == kSignatureEnd) return i + kSignatureEnd.size();
    if (doc[i] == '\n' && i + 1 < doc.size() && doc[i + 1] == '\n') return std::string_view::npos;
  }
  return std::string_view::npos;
}

}  // namespace

Ref doc_without_signature(std::string_view name, const char* doc) {
  if (doc == nullptr) return new_none();
  std::string_view text = doc;
  size_t start = signature_start(name, text);
  if (start != std::string_view::npos) {
    size_t end = signature_end(text, start);
    if (end != std::string_view::npos) text.remove_prefix(end);
  }
  if (text.empty()) return new_none();
  return make_str(text);
}

Ref doc_text_signature(std::string_view name, const char* doc) {
  if (doc == nullptr) return new_none();
  std::string_view text = doc;
  size_t start = signature_start(name, text);
  if (start == std::string_view::npos) return new_none();
  size_t end = signature_end(text, start);
  if (end == std::string_view::npos) return new_none();
  // Up to and with the closing ')'.
  return make_str(text.substr(start, end - kSignatureEnd.size() + 1 - start));
}

namespace {

std::string qualified_name(const MethodDef* def, Type* owner) {
  if (owner == nullptr) return def->name;
  return std::string(type_name(owner)) + "." + def->name;
}

// Whether `args` fit `kind`; check_arg_kind says why not. The name for its
// message is only built when it is needed.
bool fits_arg_kind(ArgKind kind, Args args) {
  switch (kind) {
    case ArgKind::NoArgs: return args.count == 0 && args.keyword_count() == 0;
    case ArgKind::OneArg: return args.count == 1 && args.keyword_count() == 0;
    case ArgKind::VarArgs: return args.keyword_count() == 0;
    case ArgKind::Keywords: return true;
  }
  return true;
}

Ref call_native(const MethodDef* def, Type* owner, Value self, Args args) {
  if (!fits_arg_kind(def->kind, args)) [[unlikely]] {
    check_arg_kind(def->kind, qualified_name(def, owner).c_str(), args);
    return {};
  }
  return def->function(self, args);
}

// --- builtin_function_or_method

Ref builtin_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  auto* f = callable.as<BuiltinFunctionObject>();
  Args call_args{args, nargs, kwnames};
  if (!fits_arg_kind(f->m_def->kind, call_args)) [[unlikely]] {
    // A module's function is named with its module in the message
    // ("sys.intern() takes…"), as CPython's, except builtins'.
    std::string name = qualified_name(f->m_def, f->m_owner);
    if (f->m_owner == nullptr && f->m_module && is_str(f->m_module) && str_view(f->m_module) != "builtins") {
      name = std::string(str_view(f->m_module)) + "." + name;
    }
    check_arg_kind(f->m_def->kind, name.c_str(), call_args);
    return {};
  }
  return f->m_def->function(f->m_self, call_args);
}

Ref builtin_repr(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  std::string text;
  Value target = f->m_self;
  if (!target || (target.is_object() && target.type()->m_tp_name != nullptr &&
                  std::strcmp(target.type()->m_tp_name, "module") == 0)) {
    text = "<built-in function ";
    text += f->m_def->name;
    text += ">";
  } else {
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<void*>(target.as_object()));
    text = "<built-in method ";
    text += f->m_def->name;
    text += " of ";
    if (target.is_object() && (target.type()->m_flags & kTypeTypeSubclass)) {
      text += "type object at ";
    } else {
      text += value_type_name(target);
      text += " object at ";
    }
    text += address;
    text += ">";
  }
  return make_str(text);
}

void builtin_destroy(Object* object) { static_cast<BuiltinFunctionObject*>(object)->~BuiltinFunctionObject(); }
void builtin_traverse(Object* object, VisitFn visit, void* context) {
  auto* f = static_cast<BuiltinFunctionObject*>(object);
  visit(f->m_self, context);
  visit(f->m_module, context);
}

Ref builtin_get_name(Value self) { return make_str(self.as<BuiltinFunctionObject>()->m_def->name); }
Ref builtin_get_qualname(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  Value target = f->m_self;
  if (!target || f->m_owner == nullptr) return make_str(f->m_def->name);
  return make_str(qualified_name(f->m_def, f->m_owner));
}
Ref builtin_get_self(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  return f->m_self ? f->m_self : new_none();
}
Ref builtin_get_module(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  return f->m_module ? f->m_module : new_none();
}
Ref builtin_get_doc(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  return doc_without_signature(f->m_def->name, f->m_def->doc);
}
Ref builtin_get_text_signature(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  return doc_text_signature(f->m_def->name, f->m_def->doc);
}
const GetSetDef kBuiltinGetSet[] = {
    {"__name__", builtin_get_name},     {"__qualname__", builtin_get_qualname},
    {"__self__", builtin_get_self},     {"__module__", builtin_get_module},
    {"__doc__", builtin_get_doc},       {"__text_signature__", builtin_get_text_signature},
    {nullptr, nullptr},
};

Ref builtin_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b.type() != &builtin_function_type) {
    return ref(not_implemented());
  }
  auto* x = a.as<BuiltinFunctionObject>();
  auto* y = b.as<BuiltinFunctionObject>();
  bool same = x->m_def == y->m_def && x->m_self.get().is(y->m_self.get());
  return new_bool(op == CompareOp::Eq ? same : !same);
}

std::optional<int64_t> builtin_hash(Value self) {
  auto* f = self.as<BuiltinFunctionObject>();
  return int64_t(reinterpret_cast<uintptr_t>(f->m_def) >> 4) ^ int64_t(f->m_self.get().bits() >> 4);
}

// --- method_descriptor: `str.upper`

bool check_descriptor_self(const MethodDef* def, Type* owner, Value self) {
  if (!isinstance(self, owner)) {
    raise_format(&type_error_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                 def->name, message_type_name(owner).data(), value_type_name(self).data());
    return false;
  }
  return true;
}

Ref method_descriptor_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  auto* d = callable.as<MethodDescriptorObject>();
  if (d->m_def->flags & kMethodStatic) return call_native(d->m_def, d->m_owner, Value(), Args{args, nargs, kwnames});
  if (nargs < 1) {
    return raise_format(&type_error_type, "unbound method %s() needs an argument",
                        qualified_name(d->m_def, d->m_owner).c_str());
  }
  if (!check_descriptor_self(d->m_def, d->m_owner, args[0])) return {};
  return call_native(d->m_def, d->m_owner, args[0], Args{args + 1, nargs - 1, kwnames});
}

Ref method_descriptor_get(Value descriptor, Value instance, Value owner) {
  auto* d = descriptor.as<MethodDescriptorObject>();
  if (d->m_def->flags & kMethodStatic) return make_builtin_function(d->m_def, Value(), Value(), d->m_owner);
  if (!instance) return ref(descriptor);
  if (!check_descriptor_self(d->m_def, d->m_owner, instance)) return {};
  return make_builtin_function(d->m_def, instance, Value(), d->m_owner);
}

Ref classmethod_descriptor_get(Value descriptor, Value instance, Value owner) {
  auto* d = descriptor.as<MethodDescriptorObject>();
  Value type = owner ? owner : Value(instance.type());
  return make_builtin_function(d->m_def, type, Value(), d->m_owner);
}

Ref classmethod_descriptor_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  auto* d = callable.as<MethodDescriptorObject>();
  if (nargs < 1) {
    return raise_format(&type_error_type, "descriptor '%s' of '%s' object needs an argument",
                        d->m_def->name, message_type_name(d->m_owner).data());
  }
  return call_native(d->m_def, d->m_owner, args[0], Args{args + 1, nargs - 1, kwnames});
}

Ref method_descriptor_repr(Value self) {
  auto* d = self.as<MethodDescriptorObject>();
  std::string text = "<method '";
  text += d->m_def->name;
  text += "' of '";
  text += message_type_name(d->m_owner);
  text += "' objects>";
  return make_str(text);
}

Ref descriptor_get_name(Value self) { return make_str(self.as<MethodDescriptorObject>()->m_def->name); }
Ref descriptor_get_qualname(Value self) {
  auto* d = self.as<MethodDescriptorObject>();
  return make_str(qualified_name(d->m_def, d->m_owner));
}
Ref descriptor_get_objclass(Value self) { return ref(Value(self.as<MethodDescriptorObject>()->m_owner)); }
Ref descriptor_get_doc(Value self) {
  auto* d = self.as<MethodDescriptorObject>();
  return doc_without_signature(d->m_def->name, d->m_def->doc);
}
Ref descriptor_get_text_signature(Value self) {
  auto* d = self.as<MethodDescriptorObject>();
  return doc_text_signature(d->m_def->name, d->m_def->doc);
}
const GetSetDef kDescriptorGetSet[] = {
    {"__name__", descriptor_get_name},
    {"__qualname__", descriptor_get_qualname},
    {"__objclass__", descriptor_get_objclass},
    {"__doc__", descriptor_get_doc},
    {"__text_signature__", descriptor_get_text_signature},
    {nullptr, nullptr},
};

// --- member_descriptor and getset_descriptor

Ref member_get(Value descriptor, Value instance, Value owner) {
  auto* d = descriptor.as<MemberDescriptorObject>();
  if (!instance) return ref(descriptor);
  if (!isinstance(instance, d->m_owner)) {
    return raise_format(&type_error_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        d->m_def->name, message_type_name(d->m_owner).data(), value_type_name(instance).data());
  }
  char* address = reinterpret_cast<char*>(instance.as_object()) + d->m_def->offset;
  switch (d->m_def->type) {
    case MemberType::Object: {
      Value v = *reinterpret_cast<Value*>(address);
      if (!v) {
        return raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                            value_type_name(instance).data(), d->m_def->name);
      }
      return ref(v);
    }
    case MemberType::ObjectOrNone: {
      Value v = *reinterpret_cast<Value*>(address);
      return v ? ref(v) : new_none();
    }
    case MemberType::Bool:
      return new_bool(*reinterpret_cast<bool*>(address));
    case MemberType::Int64:
      return make_int(*reinterpret_cast<int64_t*>(address));
  }
  return {};
}

bool member_set(Value descriptor, Value instance, Value value) {
  auto* d = descriptor.as<MemberDescriptorObject>();
  if (!d->m_def->writable) {
    raise_format(&attribute_error_type, "readonly attribute");
    return false;
  }
  if (!isinstance(instance, d->m_owner)) {
    raise_format(&type_error_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                 d->m_def->name, message_type_name(d->m_owner).data(), value_type_name(instance).data());
    return false;
  }
  char* address = reinterpret_cast<char*>(instance.as_object()) + d->m_def->offset;
  switch (d->m_def->type) {
    case MemberType::Object:
    case MemberType::ObjectOrNone: {
      Ref* slot = reinterpret_cast<Ref*>(address);
      if (!value && d->m_def->type == MemberType::Object && !*slot) {
        raise_format(&attribute_error_type, "'%s' object has no attribute '%s'",
                     value_type_name(instance).data(), d->m_def->name);
        return false;
      }
      *slot = value ? ref(value) : Ref();
      return true;
    }
    case MemberType::Bool:
      if (!value || !is_bool(value)) {
        raise(&type_error_type, "attribute value type must be bool");
        return false;
      }
      *reinterpret_cast<bool*>(address) = value.is(py_bool(true));
      return true;
    case MemberType::Int64: {
      if (!value) {
        raise(&type_error_type, "can't delete numeric/char attribute");
        return false;
      }
      std::optional<int64_t> i = int_as_int64(value);
      if (!i) return false;
      *reinterpret_cast<int64_t*>(address) = *i;
      return true;
    }
  }
  return false;
}

Ref member_repr(Value self) {
  auto* d = self.as<MemberDescriptorObject>();
  return make_str("<member '" + std::string(d->m_def->name) + "' of '" +
                  std::string(message_type_name(d->m_owner)) + "' objects>");
}

Ref getset_get(Value descriptor, Value instance, Value owner) {
  auto* d = descriptor.as<GetSetDescriptorObject>();
  if (!instance) return ref(descriptor);
  if (!isinstance(instance, d->m_owner)) {
    return raise_format(&type_error_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        d->m_def->name, message_type_name(d->m_owner).data(), value_type_name(instance).data());
  }
  return d->m_def->get(instance);
}

bool getset_set(Value descriptor, Value instance, Value value) {
  auto* d = descriptor.as<GetSetDescriptorObject>();
  if (d->m_def->set == nullptr) {
    raise_format(&attribute_error_type, "attribute '%s' of '%s' objects is not writable",
                 d->m_def->name, message_type_name(d->m_owner).data());
    return false;
  }
  return d->m_def->set(instance, value);
}

// __name__, __qualname__, __objclass__ and __doc__ of member and getset
// descriptors.
template <class Descriptor>
Ref attribute_descriptor_name(Value self) {
  return make_str(self.as<Descriptor>()->m_def->name);
}
template <class Descriptor>
Ref attribute_descriptor_qualname(Value self) {
  auto* d = self.as<Descriptor>();
  return make_str(std::string(type_name(d->m_owner)) + "." + d->m_def->name);
}
template <class Descriptor>
Ref attribute_descriptor_objclass(Value self) {
  return ref(Value(self.as<Descriptor>()->m_owner));
}
template <class Descriptor>
Ref attribute_descriptor_doc(Value self) {
  const char* doc = self.as<Descriptor>()->m_def->doc;
  return doc ? make_str(doc) : new_none();
}

const GetSetDef kMemberDescriptorGetSet[] = {
    {"__name__", attribute_descriptor_name<MemberDescriptorObject>},
    {"__qualname__", attribute_descriptor_qualname<MemberDescriptorObject>},
    {"__objclass__", attribute_descriptor_objclass<MemberDescriptorObject>},
    {"__doc__", attribute_descriptor_doc<MemberDescriptorObject>},
    {nullptr, nullptr},
};

const GetSetDef kGetSetDescriptorGetSet[] = {
    {"__name__", attribute_descriptor_name<GetSetDescriptorObject>},
    {"__qualname__", attribute_descriptor_qualname<GetSetDescriptorObject>},
    {"__objclass__", attribute_descriptor_objclass<GetSetDescriptorObject>},
    {"__doc__", attribute_descriptor_doc<GetSetDescriptorObject>},
    {nullptr, nullptr},
};

Ref getset_repr(Value self) {
  auto* d = self.as<GetSetDescriptorObject>();
  return make_str("<attribute '" + std::string(d->m_def->name) + "' of '" +
                  std::string(message_type_name(d->m_owner)) + "' objects>");
}

}  // namespace

Type builtin_function_type, method_descriptor_type, classmethod_descriptor_type,
    member_descriptor_type, getset_descriptor_type;

static struct NativeTypesSetup {
  NativeTypesSetup() {
    builtin_function_type.m_tp_name = "builtin_function_or_method";
    builtin_function_type.m_size = sizeof(BuiltinFunctionObject);
    builtin_function_type.m_flags = kTypeHasGC;
    builtin_function_type.m_call = builtin_call;
    builtin_function_type.m_repr = builtin_repr;
    builtin_function_type.m_destroy = builtin_destroy;
    builtin_function_type.m_traverse = builtin_traverse;
    builtin_function_type.m_getset = kBuiltinGetSet;
    builtin_function_type.m_richcompare = builtin_richcompare;
    builtin_function_type.m_hash = builtin_hash;

    method_descriptor_type.m_tp_name = "method_descriptor";
    method_descriptor_type.m_size = sizeof(MethodDescriptorObject);
    method_descriptor_type.m_flags = kTypeMethodDescriptor;
    method_descriptor_type.m_call = method_descriptor_call;
    method_descriptor_type.m_descr_get = method_descriptor_get;
    method_descriptor_type.m_repr = method_descriptor_repr;
    method_descriptor_type.m_getset = kDescriptorGetSet;

    classmethod_descriptor_type.m_tp_name = "classmethod_descriptor";
    classmethod_descriptor_type.m_size = sizeof(MethodDescriptorObject);
    classmethod_descriptor_type.m_call = classmethod_descriptor_call;
    classmethod_descriptor_type.m_descr_get = classmethod_descriptor_get;
    classmethod_descriptor_type.m_repr = method_descriptor_repr;
    classmethod_descriptor_type.m_getset = kDescriptorGetSet;

    member_descriptor_type.m_tp_name = "member_descriptor";
    member_descriptor_type.m_size = sizeof(MemberDescriptorObject);
    member_descriptor_type.m_descr_get = member_get;
    member_descriptor_type.m_descr_set = member_set;
    member_descriptor_type.m_repr = member_repr;
    member_descriptor_type.m_getset = kMemberDescriptorGetSet;

    getset_descriptor_type.m_tp_name = "getset_descriptor";
    getset_descriptor_type.m_size = sizeof(GetSetDescriptorObject);
    getset_descriptor_type.m_descr_get = getset_get;
    getset_descriptor_type.m_descr_set = getset_set;
    getset_descriptor_type.m_repr = getset_repr;
    getset_descriptor_type.m_getset = kGetSetDescriptorGetSet;
  }
} native_types_setup;
COIL_REGISTER_TYPE(builtin_function_type);
COIL_REGISTER_TYPE(method_descriptor_type);
COIL_REGISTER_TYPE(classmethod_descriptor_type);
COIL_REGISTER_TYPE(member_descriptor_type);
COIL_REGISTER_TYPE(getset_descriptor_type);

Ref make_builtin_function(const MethodDef* def, Value self, Value module_name, Type* owner) {
  Object* object = allocate_object(&builtin_function_type);
  if (object == nullptr) return raise_no_memory();
  auto* f = static_cast<BuiltinFunctionObject*>(object);
  f->m_def = def;
  f->m_self = ref(self);
  f->m_module = ref(module_name);
  f->m_owner = owner;
  return Ref::steal(object);
}

Ref call_method_descriptor(MethodDescriptorObject* descriptor, Value self, Args args) {
  if (!check_descriptor_self(descriptor->m_def, descriptor->m_owner, self)) return {};
  return call_native(descriptor->m_def, descriptor->m_owner, self, args);
}

Ref make_member_descriptor(const MemberDef* def, Type* owner) {
  Object* object = allocate_object(&member_descriptor_type);
  if (object == nullptr) return raise_no_memory();
  auto* d = static_cast<MemberDescriptorObject*>(object);
  d->m_def = def;
  d->m_owner = owner;
  return Ref::steal(object);
}

Ref make_getset_descriptor(const GetSetDef* def, Type* owner) {
  Object* object = allocate_object(&getset_descriptor_type);
  if (object == nullptr) return raise_no_memory();
  auto* d = static_cast<GetSetDescriptorObject*>(object);
  d->m_def = def;
  d->m_owner = owner;
  return Ref::steal(object);
}

bool add_native_members(Type* type) {
  Value dict = type->m_dict;
  if (type->m_methods != nullptr) {
    for (const MethodDef* def = type->m_methods; def->name != nullptr; ++def) {
      Type* descriptor_type = (def->flags & kMethodClass) ? &classmethod_descriptor_type : &method_descriptor_type;
      Object* object = allocate_object(descriptor_type);
      if (object == nullptr) return raise_no_memory();
      auto* d = static_cast<MethodDescriptorObject*>(object);
      d->m_def = def;
      d->m_owner = type;
      Ref owned = Ref::steal(object);
      if (!dict_setitem_str(dict, def->name, owned)) return false;
    }
  }
  if (type->m_members != nullptr) {
    for (const MemberDef* def = type->m_members; def->name != nullptr; ++def) {
      Ref descriptor = make_member_descriptor(def, type);
      if (!descriptor || !dict_setitem_str(dict, def->name, descriptor)) return false;
    }
  }
  if (type->m_getset != nullptr) {
    for (const GetSetDef* def = type->m_getset; def->name != nullptr; ++def) {
      Ref descriptor = make_getset_descriptor(def, type);
      if (!descriptor || !dict_setitem_str(dict, def->name, descriptor)) return false;
    }
  }
  // Built-ins whose instances have a __dict__ (functions, modules,
  // exceptions) show it as an attribute.
  if ((type->m_flags & kTypeHasDict) && !dict_lookup_str(dict, "__dict__")) {
    Ref descriptor = make_instance_dict_descriptor(type);
    if (!descriptor || !dict_setitem_str(dict, "__dict__", descriptor)) return false;
  }
  if (type->m_doc != nullptr && !dict_lookup_str(dict, "__doc__")) {
    std::string_view name = type->m_tp_name;
    if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
    Ref doc = doc_without_signature(name, type->m_doc);
    if (!doc || !dict_setitem_str(dict, "__doc__", doc)) return false;
  }
  // __new__: a built-in function bound to the type, as CPython's tp_new_wrapper.
  if (type->m_new != nullptr && (type->m_base == nullptr || type->m_base->m_new != type->m_new) &&
      !dict_lookup_str(dict, "__new__")) {
    Ref wrapper = make_new_wrapper(type);
    if (!wrapper || !dict_setitem_str(dict, "__new__", wrapper)) return false;
  }
  return true;
}

}  // namespace coil
