// Python functions, cells and bound methods (runtime/function.h).
#include "runtime/function.h"

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace coil {

namespace {

std::string address_of(Value v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%p", static_cast<void*>(v.as_object()));
  return buffer;
}

// --- function

Ref function_repr(Value self) {
  auto* f = self.as<FunctionObject>();
  return make_str("<function " + std::string(str_view(f->m_qualname)) + " at " + address_of(self) + ">");
}

Ref function_get(Value self, Value instance, Value) {
  if (!instance) return ref(self);
  return make_method(self, instance);
}

void function_destroy(Object* object) { static_cast<FunctionObject*>(object)->~FunctionObject(); }

void function_traverse(Object* object, VisitFn visit, void* context) {
  auto* f = static_cast<FunctionObject*>(object);
  for (const Ref* r : {&f->m_code, &f->m_globals, &f->m_defaults, &f->m_kwdefaults, &f->m_closure,
                       &f->m_doc, &f->m_module, &f->m_annotations, &f->m_name, &f->m_qualname}) {
    visit(r->get(), context);
  }
}

Ref function_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  return call_function(callable, args, nargs, kwnames);
}

Ref get_code(Value self) { return self.as<FunctionObject>()->m_code; }
Ref get_globals(Value self) { return self.as<FunctionObject>()->m_globals; }
Ref get_name(Value self) { return self.as<FunctionObject>()->m_name; }
bool set_name(Value self, Value value) {
  if (!value || !is_str(value)) {
    raise(&type_error_type, "__name__ must be set to a string object");
    return false;
  }
  self.as<FunctionObject>()->m_name = ref(value);
  return true;
}
Ref get_qualname(Value self) { return self.as<FunctionObject>()->m_qualname; }
bool set_qualname(Value self, Value value) {
  if (!value || !is_str(value)) {
    raise(&type_error_type, "__qualname__ must be set to a string object");
    return false;
  }
  self.as<FunctionObject>()->m_qualname = ref(value);
  return true;
}
Ref get_defaults(Value self) {
  auto* f = self.as<FunctionObject>();
  return f->m_defaults ? f->m_defaults : new_none();
}
bool set_defaults(Value self, Value value) {
  if (value && !is_none(value) && !is_tuple(value)) {
    raise(&type_error_type, "__defaults__ must be set to a tuple object");
    return false;
  }
  self.as<FunctionObject>()->m_defaults = value && !is_none(value) ? ref(value) : Ref();
  return true;
}
Ref get_kwdefaults(Value self) {
  auto* f = self.as<FunctionObject>();
  return f->m_kwdefaults ? f->m_kwdefaults : new_none();
}
bool set_kwdefaults(Value self, Value value) {
  if (value && !is_none(value) && !is_dict(value)) {
    raise(&type_error_type, "__kwdefaults__ must be set to a dict object");
    return false;
  }
  self.as<FunctionObject>()->m_kwdefaults = value && !is_none(value) ? ref(value) : Ref();
  return true;
}
Ref get_closure(Value self) {
  auto* f = self.as<FunctionObject>();
  return f->m_closure ? f->m_closure : new_none();
}
Ref get_doc(Value self) {
  auto* f = self.as<FunctionObject>();
  return f->m_doc ? f->m_doc : new_none();
}
bool set_doc(Value self, Value value) {
  self.as<FunctionObject>()->m_doc = value ? ref(value) : new_none();
  return true;
}
Ref get_module(Value self) {
  auto* f = self.as<FunctionObject>();
  return f->m_module ? f->m_module : new_none();
}
bool set_module(Value self, Value value) {
  self.as<FunctionObject>()->m_module = value ? ref(value) : Ref();
  return true;
}
Ref get_annotations(Value self) {
  auto* f = self.as<FunctionObject>();
  if (!f->m_annotations) {
    f->m_annotations = make_dict();
  } else if (is_tuple(f->m_annotations)) {
    // The compiler may store (name, value, name, value…) pairs.
    Ref dict = make_dict();
    Value t = f->m_annotations;
    for (size_t i = 0; i + 1 < tuple_size(t); i += 2) {
      if (!dict_setitem(dict, tuple_item(t, i), tuple_item(t, i + 1))) return {};
    }
    f->m_annotations = dict;
  }
  return f->m_annotations;
}
bool set_annotations(Value self, Value value) {
  if (value && !is_none(value) && !is_dict(value)) {
    raise(&type_error_type, "__annotations__ must be set to a dict object");
    return false;
  }
  self.as<FunctionObject>()->m_annotations = value && !is_none(value) ? ref(value) : Ref();
  return true;
}
Ref get_builtins(Value self) { return self.as<FunctionObject>()->m_builtins; }

// __code__ = code: as CPython's, the number of free variables must match
// the closure. A frame of the function may still run the old code, which
// it does not own (vm/interpreter.h: the function holds it): replaced code
// objects are kept for the rest of the run.
bool set_code(Value self, Value value) {
  if (!value || !is_code(value)) {
    raise(&type_error_type, "__code__ must be set to a code object");
    return false;
  }
  auto* f = self.as<FunctionObject>();
  size_t closure = f->m_closure ? tuple_size(f->m_closure) : 0;
  size_t free = value.as<CodeObject>()->m_nfreevars;
  if (closure != free) {
    Ref name = ref(f->m_name);
    raise_format(&value_error_type, "%s() requires a code object with %zu free vars, not %zu",
                 str_cstr(name), closure, free);
    return false;
  }
  static std::vector<Ref>* retired = new std::vector<Ref>();
  retired->push_back(std::move(f->m_code));
  f->m_code = ref(value);
  return true;
}

const GetSetDef kFunctionGetSet[] = {
    {"__code__", get_code, set_code},
    {"__globals__", get_globals},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__closure__", get_closure},
    {"__doc__", get_doc, set_doc},
    {"__module__", get_module, set_module},
    {"__annotations__", get_annotations, set_annotations},
    {"__builtins__", get_builtins},
    {nullptr, nullptr},
};

// --- cell

Ref cell_repr(Value self) {
  auto* c = self.as<CellObject>();
  if (!c->m_value) return make_str("<cell at " + address_of(self) + ": empty>");
  return make_str("<cell at " + address_of(self) + ": " + std::string(value_type_name(c->m_value)) +
                  " object at " + address_of(c->m_value) + ">");
}
void cell_destroy(Object* object) { static_cast<CellObject*>(object)->~CellObject(); }
void cell_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<CellObject*>(object)->m_value, context);
}
// An emptied cell reads as an unbound variable.
void cell_clear(Object* object) { Ref old = std::move(static_cast<CellObject*>(object)->m_value); }

// As CPython's func_clear, less what calling the function needs (its code,
// globals, builtins, closure): a cycle through those is broken by clearing
// the dict or cell it runs through.
void function_clear(Object* object) {
  auto* f = static_cast<FunctionObject*>(object);
  Ref defaults = std::move(f->m_defaults);
  Ref kwdefaults = std::move(f->m_kwdefaults);
  Ref annotations = std::move(f->m_annotations);
  Ref module = std::exchange(f->m_module, ref(none()));
  Ref doc = std::exchange(f->m_doc, ref(none()));
}
Ref cell_get_contents(Value self) {
  auto* c = self.as<CellObject>();
  if (!c->m_value) return raise(&value_error_type, "Cell is empty");
  return c->m_value;
}
bool cell_set_contents(Value self, Value value) {
  self.as<CellObject>()->m_value = value ? ref(value) : Ref();
  return true;
}
const GetSetDef kCellGetSet[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {nullptr, nullptr},
};

// --- method

Ref method_repr(Value self) {
  auto* m = self.as<MethodObject>();
  Ref name = getattr(m->m_function, "__qualname__");
  if (!name) {
    clear_exception();
    name = getattr(m->m_function, "__name__");
    if (!name) {
      clear_exception();
      name = make_str("?");
    }
  }
  Ref self_repr = repr(m->m_self);
  if (!self_repr) return {};
  return make_str("<bound method " + std::string(is_str(name) ? str_view(name) : "?") + " of " +
                  std::string(str_view(self_repr)) + ">");
}

Ref method_call(Value callable, const Value* args, size_t nargs, TupleObject* kwnames) {
  auto* m = callable.as<MethodObject>();
  size_t total = nargs + (kwnames ? kwnames->m_size : 0);
  Value small[8];
  std::vector<Value> large;
  Value* stack = small;
  if (total + 1 > std::size(small)) {
    large.resize(total + 1);
    stack = large.data();
  }
  stack[0] = m->m_self;
  for (size_t i = 0; i < total; ++i) stack[i + 1] = args[i];
  return call(m->m_function, stack, nargs + 1, kwnames);
}

void method_destroy(Object* object) { static_cast<MethodObject*>(object)->~MethodObject(); }
void method_traverse(Object* object, VisitFn visit, void* context) {
  auto* m = static_cast<MethodObject*>(object);
  visit(m->m_function, context);
  visit(m->m_self, context);
}

Ref method_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b.type() != &method_type) return ref(not_implemented());
  auto* x = a.as<MethodObject>();
  auto* y = b.as<MethodObject>();
  int eq = equal(x->m_function, y->m_function);
  if (eq < 0) return {};
  bool same = eq && x->m_self.get().is(y->m_self.get());
  return new_bool(op == CompareOp::Eq ? same : !same);
}

std::optional<int64_t> method_hash(Value self) {
  auto* m = self.as<MethodObject>();
  std::optional<int64_t> h = hash(m->m_function);
  if (!h) return std::nullopt;
  int64_t r = *h ^ int64_t(m->m_self.get().bits() >> 4);
  return r == -1 ? -2 : r;
}

Ref method_getattr(Value self, Value name) {
  // Attributes not on the method itself come from the function.
  Ref result = generic_getattr(self, name);
  if (result || !exception_matches(&attribute_error_type)) return result;
  clear_exception();
  return getattr(self.as<MethodObject>()->m_function, name);
}

Ref method_get_func(Value self) { return self.as<MethodObject>()->m_function; }
Ref method_get_self(Value self) { return self.as<MethodObject>()->m_self; }
// A method's __doc__ is its function's.
Ref method_get_doc(Value self) { return getattr(self.as<MethodObject>()->m_function, "__doc__"); }
const GetSetDef kMethodGetSet[] = {
    {"__func__", method_get_func},
    {"__doc__", method_get_doc},
    {"__self__", method_get_self},
    {nullptr, nullptr},
};

}  // namespace

Type function_type, cell_type, method_type;

// types.MethodType(function, instance), as CPython's method_new.
Ref method_new(Type*, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames != nullptr && kwnames->m_size > 0) return raise(&type_error_type, "method() takes no keyword arguments");
  if (nargs != 2) return raise_format(&type_error_type, "method expected 2 arguments, got %zu", nargs);
  if (!is_callable(args[0])) return raise(&type_error_type, "first argument must be callable");
  if (is_none(args[1])) return raise(&type_error_type, "instance must not be None");
  return make_method(args[0], args[1]);
}

static struct FunctionTypesSetup {
  FunctionTypesSetup() {
    function_type.m_tp_name = "function";
    function_type.m_size = sizeof(FunctionObject);
    function_type.m_flags = kTypeHasGC | kTypeHasDict | kTypeMethodDescriptor;
    function_type.m_repr = function_repr;
    function_type.m_descr_get = function_get;
    function_type.m_destroy = function_destroy;
    function_type.m_traverse = function_traverse;
    function_type.m_clear = function_clear;
    function_type.m_call = function_call;
    function_type.m_getset = kFunctionGetSet;

    cell_type.m_tp_name = "cell";
    cell_type.m_size = sizeof(CellObject);
    cell_type.m_flags = kTypeHasGC;
    cell_type.m_repr = cell_repr;
    cell_type.m_destroy = cell_destroy;
    cell_type.m_traverse = cell_traverse;
    cell_type.m_clear = cell_clear;
    cell_type.m_getset = kCellGetSet;

    method_type.m_tp_name = "method";
    method_type.m_size = sizeof(MethodObject);
    method_type.m_flags = kTypeHasGC;
    method_type.m_repr = method_repr;
    method_type.m_call = method_call;
    method_type.m_new = method_new;
    method_type.m_destroy = method_destroy;
    method_type.m_traverse = method_traverse;
    method_type.m_richcompare = method_richcompare;
    method_type.m_hash = method_hash;
    method_type.m_getattr = method_getattr;
    method_type.m_getset = kMethodGetSet;
  }
} function_types_setup;
COIL_REGISTER_TYPE(function_type);
COIL_REGISTER_TYPE(cell_type);
COIL_REGISTER_TYPE(method_type);

Ref make_function(Value code_value, Value globals) {
  Object* object = allocate_object(&function_type);
  if (object == nullptr) return raise_no_memory();
  auto* f = static_cast<FunctionObject*>(object);
  Ref owned = Ref::steal(object);
  CodeObject* code = code_value.as<CodeObject>();
  f->m_code = ref(code_value);
  f->m_globals = ref(globals);
  f->m_builtins = g_builtins_dict;
  f->m_name = code->m_name;
  f->m_qualname = code->m_qualname;
  Value module = dict_lookup_str(globals, "__name__");
  if (module) f->m_module = ref(module);
  // As CPython 3.11: the compiler makes a function's first constant its
  // docstring, or None when it has none.
  if (!code->m_consts.empty() && is_str(code->m_consts[0])) {
    f->m_doc = code->m_consts[0];
  } else {
    f->m_doc = new_none();
  }
  return owned;
}

Ref make_cell(Value contents) {
  Object* object = allocate_object(&cell_type);
  if (object == nullptr) return raise_no_memory();
  static_cast<CellObject*>(object)->m_value = ref(contents);
  return Ref::steal(object);
}

Ref make_method(Value function, Value self) {
  Object* object = allocate_object(&method_type);
  if (object == nullptr) return raise_no_memory();
  auto* m = static_cast<MethodObject*>(object);
  m->m_function = ref(function);
  m->m_self = ref(self);
  return Ref::steal(object);
}

}  // namespace coil
