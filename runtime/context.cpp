// Context, ContextVar and Token (runtime/context.h), with the behaviour,
// messages and reprs of CPython 3.11's _contextvars.
#include "runtime/context.h"

#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

Ref g_base_slot;                // the thread's own context, current at first
uint64_t g_next_stamp = 1;      // 0 is never a stamp: a new var's cache misses
Ref g_empty_data;               // shared by every context made empty

ContextObject* as_context(Value v) { return v.as<ContextObject>(); }
ContextDataObject* as_data(Value v) { return v.as<ContextDataObject>(); }
ContextVarObject* as_var(Value v) { return v.as<ContextVarObject>(); }
TokenObject* as_token(Value v) { return v.as<TokenObject>(); }
ContextDataObject* data_of(Value context) { return as_data(as_context(context)->m_data); }

std::string address_text(Value v) {
  char text[32];
  std::snprintf(text, sizeof text, "%p", static_cast<void*>(v.as_object()));
  return text;
}

// --- ContextData ---------------------------------------------------------------

Ref new_data() {
  Object* object = allocate_object(&context_data_type);
  if (object == nullptr) return raise_no_memory();
  construct_body<ContextDataObject>(object)->m_stamp = g_next_stamp++;
  return Ref::steal(object);
}

Ref empty_data() {
  if (!g_empty_data) g_empty_data = new_data();
  return g_empty_data;
}

const ContextEntry* find_entry(ContextDataObject* data, Value var) {
  for (const ContextEntry& entry : data->m_entries) {
    if (entry.var.get().is(var)) return &entry;
  }
  return nullptr;
}

// The data of `context`, unshared so that it may be changed, with a new
// stamp (the change about to be made invalidates lookup caches).
ContextDataObject* writable_data(ContextObject* context) {
  ContextDataObject* data = as_data(context->m_data);
  if (data->m_refcount == 1) {
    data->m_stamp = g_next_stamp++;
    return data;
  }
  Ref copy = new_data();
  if (!copy) return nullptr;
  as_data(copy)->m_entries = data->m_entries;
  context->m_data = std::move(copy);
  return as_data(context->m_data);
}

bool data_set(ContextObject* context, Value var, Value value) {
  ContextDataObject* data = writable_data(context);
  if (data == nullptr) return false;
  for (ContextEntry& entry : data->m_entries) {
    if (entry.var.get().is(var)) {
      entry.value = ref(value);
      return true;
    }
  }
  data->m_entries.push_back({ref(var), ref(value)});
  return true;
}

bool data_delete(ContextObject* context, Value var) {
  ContextDataObject* data = writable_data(context);
  if (data == nullptr) return false;
  for (size_t i = 0; i < data->m_entries.size(); ++i) {
    if (data->m_entries[i].var.get().is(var)) {
      // The value goes (maybe running a __del__ that sets variables) only
      // once the entry is out of the vector.
      ContextEntry removed = std::move(data->m_entries[i]);
      data->m_entries.erase(data->m_entries.begin() + ptrdiff_t(i));
      break;
    }
  }
  return true;
}

void data_destroy(Object* object) { static_cast<ContextDataObject*>(object)->~ContextDataObject(); }
void data_traverse(Object* object, VisitFn visit, void* context) {
  for (const ContextEntry& entry : static_cast<ContextDataObject*>(object)->m_entries) {
    visit(entry.var, context);
    visit(entry.value, context);
  }
}
void data_clear(Object* object) {
  auto* data = static_cast<ContextDataObject*>(object);
  std::vector<ContextEntry> entries;
  entries.swap(data->m_entries);
  data->m_stamp = g_next_stamp++;
}

}  // namespace

// --- The current context -----------------------------------------------------------

Ref* g_context_slot = &g_base_slot;

void swap_context_state(ContextThreadState& state) {
  Ref* slot = g_context_slot;
  g_context_slot = state.slot != nullptr ? state.slot : &g_base_slot;
  state.slot = slot == &g_base_slot ? nullptr : slot;
  std::swap(g_base_slot, state.base);
}

void release_context_state() {
  g_context_slot = &g_base_slot;
  g_base_slot.reset();
}

namespace {

Ref new_context(Ref data, bool entered) {
  Object* object = allocate_object(&context_type);
  if (object == nullptr) return raise_no_memory();
  auto* context = construct_body<ContextObject>(object);
  context->m_data = std::move(data);
  context->m_entered = entered;
  return Ref::steal(object);
}

}  // namespace

Ref make_context() {
  Ref data = empty_data();
  if (!data) return {};
  return new_context(std::move(data), false);
}

Value context_of_slot(Ref& slot, bool entered) {
  if (!slot) {
    Ref data = empty_data();
    if (!data) return Value();
    slot = new_context(std::move(data), entered);
  }
  return slot.get();
}

ContextObject* context_current() {
  // A slot made current by context_enter is entered; the base slot is not
  // (as CPython's thread context, which no one enters).
  Value context = context_of_slot(*g_context_slot, g_context_slot != &g_base_slot);
  return context ? as_context(context) : nullptr;
}

bool context_snapshot_slow(Ref& out) {
  out = new_context(as_context(*g_context_slot)->m_data, false);
  return static_cast<bool>(out);
}

bool context_mark_entered(Value slot) {
  if (!is_context(slot)) {
    // A context= that is not a Context, as CPython's Handle._run finds.
    raise_format(&attribute_error_type, "'%s' object has no attribute 'run'", value_type_name(slot).data());
    return false;
  }
  ContextObject* context = as_context(slot);
  if (context->m_entered) {
    Ref text = repr(slot);
    if (!text) return false;
    raise_format(&runtime_error_type, "cannot enter context: %s is already entered", str_cstr(text));
    return false;
  }
  context->m_entered = true;
  return true;
}

Ref context_var_get(ContextVarObject* var, Value fallback) {
  Value current = *g_context_slot;
  if (current) {
    ContextDataObject* data = data_of(current);
    if (var->m_cache_stamp != data->m_stamp) {
      const ContextEntry* entry = find_entry(data, Value(var));
      var->m_cache_stamp = data->m_stamp;
      var->m_cache_value = entry ? entry->value.get() : Value();
    }
    if (var->m_cache_value) return ref(var->m_cache_value);
  }
  if (fallback) return ref(fallback);
  if (var->m_default) return var->m_default;
  return raise_with(&lookup_error_type, Value(var)), Ref();
}

namespace {

// --- Context ------------------------------------------------------------------------

Ref context_new(Type*, const Value*, size_t nargs, TupleObject* kwnames) {
  if (nargs != 0 || (kwnames && tuple_size(Value(kwnames)) != 0)) {
    return raise(&type_error_type, "Context() does not accept any arguments");
  }
  return make_context();
}

bool check_var_key(Value key) {
  if (is_context_var(key)) return true;
  Ref text = repr(key);
  if (!text) return false;
  raise_format(&type_error_type, "a ContextVar key was expected, got %s", str_cstr(text));
  return false;
}

Ref context_getitem(Value self, Value key) {
  if (!check_var_key(key)) return {};
  const ContextEntry* entry = find_entry(data_of(self), key);
  if (!entry) return raise_with(&key_error_type, key), Ref();
  return entry->value;
}

int context_contains(Value self, Value key) {
  if (!check_var_key(key)) return -1;
  return find_entry(data_of(self), key) ? 1 : 0;
}

std::optional<int64_t> context_length(Value self) { return int64_t(data_of(self)->m_entries.size()); }

Ref context_get(Value self, Args args) {
  if (args.keyword_count() != 0) return raise(&type_error_type, "Context.get() takes no keyword arguments");
  if (!check_positional("get", args, 1, 2)) return {};
  if (!check_var_key(args[0])) return {};
  const ContextEntry* entry = find_entry(data_of(self), args[0]);
  if (entry) return entry->value;
  return args.count > 1 ? ref(args[1]) : new_none();
}

Ref context_copy(Value self, Args) { return new_context(as_context(self)->m_data, false); }

// Context.run(callable, *args, **kwargs): calls it with this context current.
// The current slot points at a local for the call only: context_exit puts
// the saved one back before it goes (which GCC cannot see).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
Ref context_run(Value self, Args args) {
  if (args.count < 1) return raise(&type_error_type, "run() missing 1 required positional argument");
  Ref slot = ref(self);
  Ref* saved;
  if (!context_enter(slot, saved)) return {};
  Ref result = call(args[0], args.items + 1, args.count - 1, args.kwnames);
  context_exit(slot, saved);
  return result;
}
#pragma GCC diagnostic pop

// As CPython's: equal when they hold the same variables with equal values.
Ref context_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_context(b)) return ref(not_implemented());
  bool equal = true;
  Ref keep_a = as_context(a)->m_data;
  Ref keep_b = as_context(b)->m_data;
  ContextDataObject* x = as_data(keep_a);
  ContextDataObject* y = as_data(keep_b);
  if (x != y) {
    if (x->m_entries.size() != y->m_entries.size()) {
      equal = false;
    } else {
      for (const ContextEntry& entry : x->m_entries) {
        const ContextEntry* other = find_entry(y, entry.var);
        if (!other) {
          equal = false;
          break;
        }
        int same = compare_bool(entry.value, other->value, CompareOp::Eq);
        if (same < 0) return {};
        if (!same) {
          equal = false;
          break;
        }
      }
    }
  }
  return new_bool(op == CompareOp::Eq ? equal : !equal);
}

void context_destroy(Object* object) { static_cast<ContextObject*>(object)->~ContextObject(); }
void context_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<ContextObject*>(object)->m_data, context);
}
void context_clear(Object* object) {
  // A context always has data: a cleared one is left empty.
  auto* context = static_cast<ContextObject*>(object);
  Ref old = std::move(context->m_data);
  context->m_data = empty_data();
  if (!context->m_data) clear_exception();
}

// --- The iterators over a Context: keys (iter(ctx) too), values, items ------------

enum class IterKind : uint8_t { Keys, Values, Items };

struct ContextIterObject : Object {
  Ref m_data;  // shared, so unchanged while iterated
  size_t m_index = 0;
};

Type context_keys_type, context_values_type, context_items_type;

Ref make_iterator(Value context, Type* type) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  construct_body<ContextIterObject>(object)->m_data = as_context(context)->m_data;
  return Ref::steal(object);
}

Ref context_iter(Value self) { return make_iterator(self, &context_keys_type); }
Ref context_keys(Value self, Args) { return make_iterator(self, &context_keys_type); }
Ref context_values(Value self, Args) { return make_iterator(self, &context_values_type); }
Ref context_items(Value self, Args) { return make_iterator(self, &context_items_type); }

Ref iter_self(Value self) { return ref(self); }

Ref iter_next(Value self) {
  auto* it = self.as<ContextIterObject>();
  if (!it->m_data) return {};
  std::vector<ContextEntry>& entries = as_data(it->m_data)->m_entries;
  if (it->m_index >= entries.size()) {
    it->m_data.reset();
    return {};
  }
  const ContextEntry& entry = entries[it->m_index++];
  Type* type = self.type();
  if (type == &context_keys_type) return entry.var;
  if (type == &context_values_type) return entry.value;
  return make_tuple({entry.var.get(), entry.value.get()});
}

// As CPython's: the size of the context iterated, whatever was consumed.
std::optional<int64_t> iter_length(Value self) {
  auto* it = self.as<ContextIterObject>();
  return int64_t(it->m_data ? as_data(it->m_data)->m_entries.size() : 0);
}

void iter_destroy(Object* object) { static_cast<ContextIterObject*>(object)->~ContextIterObject(); }
void iter_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<ContextIterObject*>(object)->m_data, context);
}

// --- ContextVar -------------------------------------------------------------------

// ContextVar(name, /, *, default=<none>), with CPython's messages, checked
// in its order: the count, the positional argument, the keywords.
Ref context_var_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  size_t keywords = kwnames ? tuple_size(Value(kwnames)) : 0;
  if (nargs + keywords > 2) {
    return raise_format(&type_error_type, "ContextVar() takes at most 2 arguments (%zu given)", nargs + keywords);
  }
  if (nargs == 0) return raise(&type_error_type, "ContextVar() takes exactly 1 positional argument (0 given)");
  if (nargs > 1) {
    return raise_format(&type_error_type, "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
  }
  Value default_value;
  for (size_t i = 0; i < keywords; ++i) {
    Value name = tuple_item(Value(kwnames), i);
    if (!str_equal(name, "default")) {
      return raise_format(&type_error_type, "'%s' is an invalid keyword argument for ContextVar()", str_cstr(name));
    }
    default_value = args[nargs + i];
  }
  if (!is_str(args[0])) return raise(&type_error_type, "context variable name must be a str");
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* var = construct_body<ContextVarObject>(object);
  var->m_name = ref(args[0]);
  if (default_value) var->m_default = ref(default_value);
  return Ref::steal(object);
}

Ref context_var_repr(Value self) {
  ContextVarObject* var = as_var(self);
  Ref name = repr(var->m_name);
  if (!name) return {};
  std::string text = "<ContextVar name=" + std::string(str_view(name));
  if (var->m_default) {
    Ref value = repr(var->m_default);
    if (!value) return {};
    text += " default=" + std::string(str_view(value));
  }
  return make_str(text + " at " + address_text(self) + ">");
}

Ref context_var_get_method(Value self, Args args) {
  if (args.keyword_count() != 0) return raise(&type_error_type, "ContextVar.get() takes no keyword arguments");
  if (!check_positional("get", args, 0, 1)) return {};
  return context_var_get(as_var(self), args.count ? args[0] : Value());
}

Ref make_token(Value context, Value var, Value old_value) {
  Object* object = allocate_object(&token_type);
  if (object == nullptr) return raise_no_memory();
  auto* token = construct_body<TokenObject>(object);
  token->m_context = ref(context);
  token->m_var = ref(var);
  if (old_value) token->m_old_value = ref(old_value);
  return Ref::steal(object);
}

Ref context_var_set(Value self, Args args) {
  ContextObject* context = context_current();
  if (context == nullptr) return {};
  const ContextEntry* entry = find_entry(as_data(context->m_data), self);
  Ref token = make_token(Value(context), self, entry ? entry->value.get() : Value());
  if (!token || !data_set(context, self, args[0])) return {};
  return token;
}

Ref context_var_reset(Value self, Args args) {
  Value argument = args[0];
  if (!argument.is_object() || argument.type() != &token_type) {
    Ref text = repr(argument);
    if (!text) return {};
    return raise_format(&type_error_type, "expected an instance of Token, got %s", str_cstr(text));
  }
  TokenObject* token = as_token(argument);
  Type* failure = nullptr;
  const char* message = nullptr;
  if (token->m_used) {
    failure = &runtime_error_type;
    message = "%s has already been used once";
  } else if (!token->m_var.get().is(self)) {
    failure = &value_error_type;
    message = "%s was created by a different ContextVar";
  } else if (!token->m_context.get().is(*g_context_slot)) {
    failure = &value_error_type;
    message = "%s was created in a different Context";
  }
  if (failure) {
    Ref text = repr(argument);
    if (!text) return {};
    return raise_format(failure, message, str_cstr(text));
  }
  token->m_used = true;
  ContextObject* context = as_context(token->m_context);
  bool ok = token->m_old_value ? data_set(context, self, token->m_old_value) : data_delete(context, self);
  if (!ok) return {};
  return new_none();
}

Ref context_var_name(Value self) { return as_var(self)->m_name; }
bool set_readonly(Value, Value) { return raise(&attribute_error_type, "readonly attribute"); }

void context_var_destroy(Object* object) { static_cast<ContextVarObject*>(object)->~ContextVarObject(); }
void context_var_traverse(Object* object, VisitFn visit, void* context) {
  auto* var = static_cast<ContextVarObject*>(object);
  visit(var->m_name, context);
  visit(var->m_default, context);
}
void context_var_clear(Object* object) {
  auto* var = static_cast<ContextVarObject*>(object);
  var->m_default.reset();
  var->m_cache_stamp = 0;
  var->m_cache_value = Value();
}

// --- Token ------------------------------------------------------------------------

Ref token_new(Type*, const Value*, size_t, TupleObject*) {
  return raise(&runtime_error_type, "Tokens can only be created by ContextVars");
}

Ref token_repr(Value self) {
  TokenObject* token = as_token(self);
  Ref var = repr(token->m_var);
  if (!var) return {};
  return make_str(std::string("<Token") + (token->m_used ? " used" : "") + " var=" + std::string(str_view(var)) +
                  " at " + address_text(self) + ">");
}

// Comparison by identity; defined so that tokens are unhashable, as CPython's.
Ref token_richcompare(Value, Value, CompareOp) { return ref(not_implemented()); }

Ref token_var(Value self) { return as_token(self)->m_var; }
Ref token_old_value(Value self) {
  TokenObject* token = as_token(self);
  return token->m_old_value ? token->m_old_value : ref(Value(&g_token_missing));
}

void token_destroy(Object* object) { static_cast<TokenObject*>(object)->~TokenObject(); }
void token_traverse(Object* object, VisitFn visit, void* context) {
  auto* token = static_cast<TokenObject*>(object);
  visit(token->m_context, context);
  visit(token->m_var, context);
  visit(token->m_old_value, context);
}
void token_clear(Object* object) {
  auto* token = static_cast<TokenObject*>(object);
  token->m_context.reset();
  token->m_old_value.reset();
}

Ref token_missing_repr(Value) { return make_str("<Token.MISSING>"); }
Ref token_missing_new(Type*, const Value*, size_t, TupleObject*) {
  return raise(&type_error_type, "cannot create 'Token.MISSING' instances");
}

const MethodDef kContextMethods[] = {
    {"get", context_get, ArgKind::Keywords},
    {"keys", context_keys, ArgKind::NoArgs},
    {"values", context_values, ArgKind::NoArgs},
    {"items", context_items, ArgKind::NoArgs},
    {"copy", context_copy, ArgKind::NoArgs},
    {"run", context_run, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kContextVarMethods[] = {
    {"get", context_var_get_method, ArgKind::Keywords},
    {"set", context_var_set, ArgKind::OneArg},
    {"reset", context_var_reset, ArgKind::OneArg},
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, nullptr, kMethodClass},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kContextVarGetSet[] = {
    {"name", context_var_name, set_readonly},
    {nullptr, nullptr},
};

const MethodDef kTokenMethods[] = {
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, nullptr, kMethodClass},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kTokenGetSet[] = {
    {"var", token_var},
    {"old_value", token_old_value},
    {nullptr, nullptr},
};

void setup_iterator_type(Type& type, const char* name) {
  type.m_tp_name = name;
  type.m_size = sizeof(ContextIterObject);
  type.m_flags = kTypeHasGC;
  type.m_iter = iter_self;
  type.m_iternext = iter_next;
  type.m_length = iter_length;
  type.m_destroy = iter_destroy;
  type.m_traverse = iter_traverse;
}

}  // namespace

Type context_type, context_var_type, token_type, token_missing_type, context_data_type;
Object g_token_missing{kImmortalRefcount, &token_missing_type};

static struct ContextTypesSetup {
  ContextTypesSetup() {
    context_type.m_tp_name = "_contextvars.Context";
    context_type.m_size = sizeof(ContextObject);
    context_type.m_flags = kTypeHasGC | kTypeWeakrefable;
    context_type.m_new = context_new;
    context_type.m_richcompare = context_richcompare;
    context_type.m_getitem = context_getitem;
    context_type.m_contains = context_contains;
    context_type.m_length = context_length;
    context_type.m_iter = context_iter;
    context_type.m_destroy = context_destroy;
    context_type.m_traverse = context_traverse;
    context_type.m_clear = context_clear;
    context_type.m_methods = kContextMethods;

    context_var_type.m_tp_name = "_contextvars.ContextVar";
    context_var_type.m_size = sizeof(ContextVarObject);
    context_var_type.m_flags = kTypeHasGC;
    context_var_type.m_new = context_var_new;
    context_var_type.m_repr = context_var_repr;
    context_var_type.m_destroy = context_var_destroy;
    context_var_type.m_traverse = context_var_traverse;
    context_var_type.m_clear = context_var_clear;
    context_var_type.m_methods = kContextVarMethods;
    context_var_type.m_getset = kContextVarGetSet;

    token_type.m_tp_name = "_contextvars.Token";
    token_type.m_size = sizeof(TokenObject);
    token_type.m_flags = kTypeHasGC;
    token_type.m_new = token_new;
    token_type.m_repr = token_repr;
    token_type.m_richcompare = token_richcompare;
    token_type.m_destroy = token_destroy;
    token_type.m_traverse = token_traverse;
    token_type.m_clear = token_clear;
    token_type.m_methods = kTokenMethods;
    token_type.m_getset = kTokenGetSet;

    token_missing_type.m_tp_name = "Token.MISSING";
    token_missing_type.m_size = sizeof(Object);
    token_missing_type.m_repr = token_missing_repr;
    token_missing_type.m_new = token_missing_new;

    context_data_type.m_tp_name = "_contextvars.ContextData";
    context_data_type.m_size = sizeof(ContextDataObject);
    context_data_type.m_flags = kTypeHasGC;
    context_data_type.m_destroy = data_destroy;
    context_data_type.m_traverse = data_traverse;
    context_data_type.m_clear = data_clear;

    setup_iterator_type(context_keys_type, "keys");
    setup_iterator_type(context_values_type, "values");
    setup_iterator_type(context_items_type, "items");
  }
} context_types_setup;

COIL_REGISTER_TYPE(context_type);
COIL_REGISTER_TYPE(context_var_type);
COIL_REGISTER_TYPE(token_type);
COIL_REGISTER_TYPE(token_missing_type);
COIL_REGISTER_TYPE(context_data_type);
COIL_REGISTER_TYPE(context_keys_type);
COIL_REGISTER_TYPE(context_values_type);
COIL_REGISTER_TYPE(context_items_type);

}  // namespace coil
