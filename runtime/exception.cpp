// The built-in exception classes (runtime/exception.h), as CPython 3.11's
// Objects/exceptions.c defines them: BaseException and its attributes, the
// classes with extra constructor arguments (OSError and its errno map,
// SyntaxError, ImportError, the UnicodeError family, StopIteration,
// SystemExit, NameError, AttributeError) and exception groups with
// split/subgroup/derive. Every message and every str()/repr() is CPython's.
//
// All classes share BaseExceptionObject's layout. BaseException's slots
// (new, init, str, repr, traverse) are inherited by the classes that do not
// override them, as CPython's SimpleExtendsException does.
#include "runtime/exception.h"

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/errors.h"
#include "runtime/function.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

BaseExceptionObject* exc(Value v) { return v.as<BaseExceptionObject>(); }

Ref or_none(const Ref& r) { return r ? r : new_none(); }

size_t keyword_count(TupleObject* kwnames) { return kwnames ? kwnames->m_size : 0; }

std::string text_of(Value str_value) { return std::string(str_view(str_value)); }

// str(v) as a std::string; false with an exception pending on failure.
bool str_of(Value v, std::string& out) {
  Ref s = str(v);
  if (!s) return false;
  out = text_of(s);
  return true;
}
bool repr_of(Value v, std::string& out) {
  Ref s = repr(v);
  if (!s) return false;
  out = text_of(s);
  return true;
}

// PySequence_Check: has item access and is not a dict.
bool is_sequence(Value v) {
  if (is_dict(v)) return false;
  return v.type()->m_getitem != nullptr;
}

// PySequence_Tuple: tuple(v).
Ref to_tuple(Value v) {
  if (v.is_object() && v.type() == &tuple_type) return ref(v);
  return call(Value(&tuple_type), {v});
}

// "X() takes no keyword arguments", as _PyArg_NoKeywords with the type's tp_name.
bool check_no_keywords(Value self_or_type, bool is_type, TupleObject* kwnames) {
  if (keyword_count(kwnames) == 0) return true;
  const Type* type = is_type ? self_or_type.as<Type>() : self_or_type.type();
  return raise_format(&type_error_type, "%s() takes no keyword arguments", message_type_name(type).data());
}

Ref* dict_slot_of(Value self) {
  if (self.type()->m_dict_offset == 0) return nullptr;
  return instance_dict_slot(self.as_object());
}

// --- BaseException ----------------------------------------------------------

void exception_destroy(Object* object) { static_cast<BaseExceptionObject*>(object)->~BaseExceptionObject(); }

#define COIL_EXCEPTION_REFS(e)                                                                      \
  {&e->m_args,        &e->m_traceback, &e->m_cause,     &e->m_context,    &e->m_notes,            \
   &e->m_value,       &e->m_message,   &e->m_exceptions, &e->m_name,      &e->m_obj,              \
   &e->m_errno,       &e->m_strerror,  &e->m_filename,  &e->m_filename2,  &e->m_lineno,           \
   &e->m_offset,      &e->m_text,      &e->m_end_lineno, &e->m_end_offset, &e->m_print_file_and_line, \
   &e->m_encoding,    &e->m_object,    &e->m_reason}

// The instance dict, in the prefix, is visited and cleared by the
// collector itself (runtime/gc.h).
void exception_traverse(Object* object, VisitFn visit, void* context) {
  auto* e = static_cast<BaseExceptionObject*>(object);
  for (const Ref* r : COIL_EXCEPTION_REFS(e)) {
    if (*r) visit(r->get(), context);
  }
}

// `args` stays a tuple (an empty one), as code reading it expects.
void exception_clear(Object* object) {
  auto* e = static_cast<BaseExceptionObject*>(object);
  for (Ref* r : COIL_EXCEPTION_REFS(e)) {
    Ref old = std::move(*r);
  }
  e->m_args = ref(empty_tuple());
}

// BaseException.__new__: stores the positional arguments; keywords are left
// for __init__ to accept or reject.
Ref base_exception_new(Type* type, const Value* args, size_t nargs, TupleObject*) {
  // ExceptionGroup's MRO must be complete before an instance can be matched.
  if (!init_exception_types()) return {};
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  // The zeroed memory is a valid BaseExceptionObject: null Refs, no
  // context suppression; only characters_written needs its "unset" mark.
  Ref self = Ref::steal(object);
  auto* e = exc(self);
  e->m_written = -1;
  e->m_args = make_tuple(args, nargs);
  if (!e->m_args) return {};
  return self;
}

bool base_exception_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_keywords(self, false, kwnames)) return false;
  Ref tuple = make_tuple(args, nargs);
  if (!tuple) return false;
  exc(self)->m_args = std::move(tuple);
  return true;
}

Value args_of(Value self) {
  const Ref& args = exc(self)->m_args;
  return args ? args.get() : empty_tuple();
}

Ref base_exception_str(Value self) {
  Value args = args_of(self);
  switch (tuple_size(args)) {
    case 0: return make_str("");
    case 1: return str(tuple_item(args, 0));
    default: return str(args);
  }
}

Ref base_exception_repr(Value self) {
  Value args = args_of(self);
  std::string text(type_name(self.type()));
  std::string inner;
  if (tuple_size(args) == 1) {
    if (!repr_of(tuple_item(args, 0), inner)) return {};
    text += "(" + inner + ")";
  } else {
    if (!repr_of(args, inner)) return {};
    text += inner;
  }
  return make_str(text);
}

Ref base_exception_reduce(Value self, Args) {
  Ref* dict = dict_slot_of(self);
  if (dict && *dict) return make_tuple({Value(self.type()), args_of(self), dict->get()});
  return make_tuple({Value(self.type()), args_of(self)});
}

Ref base_exception_setstate(Value self, Args args) {
  Value state = args[0];
  if (!is_none(state)) {
    if (!is_dict(state)) return raise(&type_error_type, "state is not a dictionary");
    // Copy the entries first: setting attributes may change the dict.
    std::vector<std::pair<Ref, Ref>> items;
    for (const DictEntry& entry : as_dict(state)->m_entries) {
      if (entry.key) items.emplace_back(ref(entry.key), ref(entry.value));
    }
    for (auto& [key, value] : items) {
      if (!setattr(self, key.get(), value.get())) return {};
    }
  }
  return new_none();
}

bool set_traceback(Value self, Value tb) {
  if (!tb) return raise(&type_error_type, "__traceback__ may not be deleted");
  if (is_none(tb)) {
    exc(self)->m_traceback.reset();
  } else if (tb.is_object() && tb.type() == &traceback_type) {
    exc(self)->m_traceback = ref(tb);
  } else {
    return raise(&type_error_type, "__traceback__ must be a traceback or None");
  }
  return true;
}

Ref base_exception_with_traceback(Value self, Args args) {
  if (!set_traceback(self, args[0])) return {};
  return ref(self);
}

Ref base_exception_add_note(Value self, Args args) {
  Value note = args[0];
  if (!is_str(note)) {
    return raise_format(&type_error_type, "note must be a str, not '%s'", value_type_name(note).data());
  }
  bool found = false;
  Ref notes = lookup_attr(self, intern_static("__notes__"), found);
  if (!found) {
    if (error_pending()) return {};
    notes = make_list();
    if (!notes || !setattr(self, "__notes__", notes)) return {};
    notes = getattr(self, "__notes__");
    if (!notes) return {};
  }
  if (!is_list(notes)) return raise(&type_error_type, "Cannot add note: __notes__ is not a list");
  list_append(notes, ref(note));
  return new_none();
}

Ref get_args(Value self) { return ref(args_of(self)); }
bool set_args(Value self, Value value) {
  if (!value) return raise(&type_error_type, "args may not be deleted");
  Ref tuple = to_tuple(value);
  if (!tuple) return false;
  exc(self)->m_args = std::move(tuple);
  return true;
}

Ref get_traceback(Value self) { return or_none(exc(self)->m_traceback); }

Ref get_context(Value self) { return or_none(exc(self)->m_context); }
bool set_context(Value self, Value value) {
  if (!value) return raise(&type_error_type, "__context__ may not be deleted");
  if (is_none(value)) {
    exc(self)->m_context.reset();
  } else if (is_exception_instance(value)) {
    exc(self)->m_context = ref(value);
  } else {
    return raise(&type_error_type, "exception context must be None or derive from BaseException");
  }
  return true;
}

Ref get_cause(Value self) { return or_none(exc(self)->m_cause); }
bool set_cause(Value self, Value value) {
  if (!value) return raise(&type_error_type, "__cause__ may not be deleted");
  if (is_none(value)) {
    exc(self)->m_cause.reset();
  } else if (is_exception_instance(value)) {
    exc(self)->m_cause = ref(value);
  } else {
    return raise(&type_error_type, "exception cause must be None or derive from BaseException");
  }
  // As PyException_SetCause: setting a cause, even None, hides the context.
  exc(self)->m_suppress_context = true;
  return true;
}

Ref get_suppress_context(Value self) { return new_bool(exc(self)->m_suppress_context); }
bool set_suppress_context(Value self, Value value) {
  // A T_BOOL member in CPython.
  if (!value) return raise(&type_error_type, "can't delete numeric/char attribute");
  if (!is_bool(value)) return raise(&type_error_type, "attribute value type must be bool");
  exc(self)->m_suppress_context = value.is(py_bool(true));
  return true;
}

// __dict__, made on first use (PyObject_GenericGetDict/SetDict).
Ref get_dict(Value self) {
  Ref* slot = dict_slot_of(self);
  if (slot == nullptr) return raise(&attribute_error_type, "This object has no __dict__");
  if (!*slot) {
    *slot = make_dict();
    if (!*slot) return {};
  }
  return *slot;
}
bool set_dict(Value self, Value value) {
  Ref* slot = dict_slot_of(self);
  if (slot == nullptr) return raise(&attribute_error_type, "This object has no __dict__");
  if (!value) return raise(&type_error_type, "cannot delete __dict__");
  if (!is_dict(value)) {
    return raise_format(&type_error_type, "__dict__ must be set to a dictionary, not a '%s'",
                        value_type_name(value).data());
  }
  *slot = ref(value);
  return true;
}

Raised no_notes(Value self) {
  return raise_format(&attribute_error_type, "'%s' object has no attribute '__notes__'",
                      value_type_name(self).data());
}
Ref get_notes(Value self) {
  if (!exc(self)->m_notes) return no_notes(self);
  return exc(self)->m_notes;
}
bool set_notes(Value self, Value value) {
  if (!value) {
    if (!exc(self)->m_notes) return no_notes(self);
    exc(self)->m_notes.reset();
    return true;
  }
  exc(self)->m_notes = ref(value);
  return true;
}

// A writable object attribute (CPython's T_OBJECT member): None when unset,
// `del` unsets it.
template <Ref BaseExceptionObject::*Field>
Ref get_member(Value self) {
  return or_none(exc(self)->*Field);
}
template <Ref BaseExceptionObject::*Field>
bool set_member(Value self, Value value) {
  exc(self)->*Field = value ? ref(value) : Ref();
  return true;
}
template <Ref BaseExceptionObject::*Field>
constexpr GetSetDef member(const char* name, const char* doc) {
  return GetSetDef{name, get_member<Field>, set_member<Field>, doc};
}
bool set_readonly(Value, Value) { return raise(&attribute_error_type, "readonly attribute"); }

const MethodDef kBaseExceptionMethods[] = {
    {"__reduce__", base_exception_reduce, ArgKind::NoArgs},
    {"__setstate__", base_exception_setstate, ArgKind::OneArg},
    {"with_traceback", base_exception_with_traceback, ArgKind::OneArg,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", base_exception_add_note, ArgKind::OneArg,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kBaseExceptionGetSet[] = {
    {"args", get_args, set_args},
    {"__traceback__", get_traceback, set_traceback},
    {"__context__", get_context, set_context, "exception context"},
    {"__cause__", get_cause, set_cause, "exception cause"},
    {"__suppress_context__", get_suppress_context, set_suppress_context},
    {"__notes__", get_notes, set_notes},
    {"__dict__", get_dict, set_dict},
    {nullptr, nullptr},
};

// --- StopIteration, SystemExit ----------------------------------------------

bool stop_iteration_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, kwnames)) return false;
  exc(self)->m_value = nargs > 0 ? ref(args[0]) : Ref();
  return true;
}

const GetSetDef kStopIterationGetSet[] = {
    member<&BaseExceptionObject::m_value>("value", "generator return value"),
    {nullptr, nullptr},
};

bool system_exit_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, kwnames)) return false;
  auto* e = exc(self);
  if (nargs == 0) {
    e->m_value.reset();
  } else if (nargs == 1) {
    e->m_value = ref(args[0]);
  } else {
    e->m_value = e->m_args;
  }
  return true;
}

const GetSetDef kSystemExitGetSet[] = {
    member<&BaseExceptionObject::m_value>("code", "exception code"),
    {nullptr, nullptr},
};

// --- ImportError, NameError, AttributeError ----------------------------------

// Binds the keyword-only arguments `names` of an exception's __init__ (as
// PyArg_ParseTupleAndKeywords with "|$OO:Class"). `bound` gets one value per
// name, null when absent.
bool bind_exception_keywords(const char* class_name, std::initializer_list<const char*> names,
                             const Value* args, size_t nargs, TupleObject* kwnames, Value* bound) {
  size_t count = keyword_count(kwnames);
  for (size_t i = 0; i < count; ++i) {
    Value key = kwnames->m_items[i];
    size_t index = 0;
    bool known = false;
    for (const char* name : names) {
      if (str_view(key) == name) {
        known = true;
        break;
      }
      ++index;
    }
    if (!known) {
      return raise_format(&type_error_type, "'%s' is an invalid keyword argument for %s()", str_cstr(key),
                          class_name);
    }
    bound[index] = args[nargs + i];
  }
  return true;
}

bool import_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, nullptr)) return false;
  Value bound[2] = {};
  if (!bind_exception_keywords("ImportError", {"name", "path"}, args, nargs, kwnames, bound)) return false;
  auto* e = exc(self);
  e->m_name = bound[0] ? ref(bound[0]) : Ref();
  e->m_obj = bound[1] ? ref(bound[1]) : Ref();
  e->m_message = nargs == 1 ? ref(args[0]) : Ref();
  return true;
}

Ref import_error_str(Value self) {
  const Ref& message = exc(self)->m_message;
  if (message && is_exact_str(message)) return message;
  return base_exception_str(self);
}

Ref import_error_reduce(Value self, Args) {
  auto* e = exc(self);
  Ref* dict_slot = dict_slot_of(self);
  Ref state;
  if (e->m_name || e->m_obj) {
    state = dict_slot && *dict_slot ? dict_copy(dict_slot->get()) : make_dict();
    if (!state) return {};
    if (e->m_name && !dict_setitem_str(state, "name", e->m_name)) return {};
    if (e->m_obj && !dict_setitem_str(state, "path", e->m_obj)) return {};
  } else if (dict_slot && *dict_slot) {
    state = *dict_slot;
  }
  if (!state) return make_tuple({Value(self.type()), args_of(self)});
  return make_tuple({Value(self.type()), args_of(self), state.get()});
}

const MethodDef kImportErrorMethods[] = {
    {"__reduce__", import_error_reduce, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kImportErrorGetSet[] = {
    member<&BaseExceptionObject::m_message>("msg", "exception message"),
    member<&BaseExceptionObject::m_name>("name", "module name"),
    member<&BaseExceptionObject::m_obj>("path", "module path"),
    {nullptr, nullptr},
};

bool name_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, nullptr)) return false;
  Value bound[1] = {};
  if (!bind_exception_keywords("NameError", {"name"}, args, nargs, kwnames, bound)) return false;
  exc(self)->m_name = bound[0] ? ref(bound[0]) : Ref();
  return true;
}

const GetSetDef kNameErrorGetSet[] = {
    member<&BaseExceptionObject::m_name>("name", "name"),
    {nullptr, nullptr},
};

bool attribute_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, nullptr)) return false;
  Value bound[2] = {};
  if (!bind_exception_keywords("AttributeError", {"name", "obj"}, args, nargs, kwnames, bound)) return false;
  exc(self)->m_name = bound[0] ? ref(bound[0]) : Ref();
  exc(self)->m_obj = bound[1] ? ref(bound[1]) : Ref();
  return true;
}

const GetSetDef kAttributeErrorGetSet[] = {
    member<&BaseExceptionObject::m_name>("name", "attribute name"),
    member<&BaseExceptionObject::m_obj>("obj", "object"),
    {nullptr, nullptr},
};

// --- KeyError ------------------------------------------------------------------

// str(KeyError(k)) is repr(k): a missing '' key must not print as nothing.
Ref key_error_str(Value self) {
  Value args = args_of(self);
  if (tuple_size(args) == 1) return repr(tuple_item(args, 0));
  return base_exception_str(self);
}

}  // namespace

// --- OSError -----------------------------------------------------------------

extern Type blocking_io_error_type;

namespace {

Ref os_error_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames);
bool os_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames);

// CPython's errnomap: OSError(errno, …) makes the subclass for that errno.
Type* os_error_subclass_for(int64_t code) {
  switch (code) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return &blocking_io_error_type;
    case ECHILD: return &child_process_error_type;
    case EPIPE:
    case ESHUTDOWN: return &broken_pipe_error_type;
    case ECONNABORTED: return &connection_aborted_error_type;
    case ECONNREFUSED: return &connection_refused_error_type;
    case ECONNRESET: return &connection_reset_error_type;
    case EEXIST: return &file_exists_error_type;
    case ENOENT: return &file_not_found_error_type;
    case EISDIR: return &is_a_directory_error_type;
    case ENOTDIR: return &not_a_directory_error_type;
    case EINTR: return &interrupted_error_type;
    case EACCES:
    case EPERM: return &permission_error_type;
    case ESRCH: return &process_lookup_error_type;
    case ETIMEDOUT: return &timeout_error_type;
    default: return nullptr;
  }
}

// A Python subclass that defines __init__ but not __new__ gets its
// arguments parsed by __init__ instead (CPython's oserror_use_init), so
// that extra constructor arguments are not misread as errno/strerror.
bool os_error_use_init(const Type* type) {
  return type->m_init != os_error_init && type->m_new == os_error_new;
}

struct OSErrorArgs {
  Value errno_value, strerror, filename, filename2;
};

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): only read
// when there are 2 to 5 arguments.
OSErrorArgs parse_os_error_args(const Value* args, size_t nargs) {
  OSErrorArgs parsed{};
  if (nargs >= 2 && nargs <= 5) {
    parsed.errno_value = args[0];
    parsed.strerror = args[1];
    if (nargs >= 3) parsed.filename = args[2];
    if (nargs >= 5) parsed.filename2 = args[4];
  }
  return parsed;
}

bool is_number(Value v) {
  if (is_int(v) || is_float(v) || is_complex(v)) return true;
  Type* type = v.type();
  return type->m_index != nullptr || type->m_int != nullptr || type->m_float != nullptr;
}

bool os_error_fill(Value self, const Value* args, size_t nargs, const OSErrorArgs& parsed) {
  auto* e = exc(self);
  Ref args_tuple = make_tuple(args, nargs);
  if (!args_tuple) return false;
  if (parsed.filename && !is_none(parsed.filename)) {
    if (self.type() == &blocking_io_error_type && is_number(parsed.filename)) {
      // BlockingIOError's third argument is the number of characters written.
      Ref number = index(parsed.filename);
      if (!number) return false;
      int64_t written;
      if (!int_fits_int64(number, written)) {
        return raise_format(&value_error_type, "cannot fit '%s' into an index-sized integer",
                            value_type_name(parsed.filename).data());
      }
      e->m_written = written;
    } else {
      e->m_filename = ref(parsed.filename);
      if (parsed.filename2 && !is_none(parsed.filename2)) e->m_filename2 = ref(parsed.filename2);
      // The file names are not part of args (CPython keeps only the first two).
      args_tuple = make_tuple(args, 2);
      if (!args_tuple) return false;
    }
  }
  e->m_errno = parsed.errno_value ? ref(parsed.errno_value) : Ref();
  e->m_strerror = parsed.strerror ? ref(parsed.strerror) : Ref();
  e->m_args = std::move(args_tuple);
  return true;
}

Ref os_error_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  bool use_init = os_error_use_init(type);
  OSErrorArgs parsed{};
  if (!use_init) {
    if (!check_no_keywords(Value(type), true, kwnames)) return {};
    parsed = parse_os_error_args(args, nargs);
    int64_t code;
    if (type == &os_error_type && parsed.errno_value && is_int(parsed.errno_value) &&
        int_fits_int64(parsed.errno_value, code)) {
      if (Type* subclass = os_error_subclass_for(code)) type = subclass;
    }
  }
  Ref self = base_exception_new(type, nullptr, 0, nullptr);
  if (!self) return {};
  if (!use_init) {
    if (!os_error_fill(self, args, nargs, parsed)) return {};
  }
  return self;
}

bool os_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  // Everything was done by __new__ unless a subclass's __init__ takes over.
  if (!os_error_use_init(self.type())) return true;
  if (!check_no_keywords(self, false, kwnames)) return false;
  return os_error_fill(self, args, nargs, parse_os_error_args(args, nargs));
}

Ref os_error_str(Value self) {
  auto* e = exc(self);
  auto text = [](const Ref& r, std::string& out) { return str_of(r ? r.get() : none(), out); };
  std::string errno_text, strerror_text, filename, filename2;
  if (e->m_filename) {
    if (!text(e->m_errno, errno_text) || !text(e->m_strerror, strerror_text) ||
        !repr_of(e->m_filename, filename)) {
      return {};
    }
    std::string result = "[Errno " + errno_text + "] " + strerror_text + ": " + filename;
    if (e->m_filename2) {
      if (!repr_of(e->m_filename2, filename2)) return {};
      result += " -> " + filename2;
    }
    return make_str(result);
  }
  if (e->m_errno && e->m_strerror) {
    if (!text(e->m_errno, errno_text) || !text(e->m_strerror, strerror_text)) return {};
    return make_str("[Errno " + errno_text + "] " + strerror_text);
  }
  return base_exception_str(self);
}

Ref os_error_reduce(Value self, Args) {
  auto* e = exc(self);
  Ref args = ref(args_of(self));
  // args holds only errno and strerror when a file name was given: put the
  // names back so that OSError(*args) rebuilds the same exception.
  if (tuple_size(args) == 2 && e->m_filename) {
    if (e->m_filename2) {
      args = make_tuple({tuple_item(args, 0), tuple_item(args, 1), e->m_filename.get(), none(),
                         e->m_filename2.get()});
    } else {
      args = make_tuple({tuple_item(args, 0), tuple_item(args, 1), e->m_filename.get()});
    }
    if (!args) return {};
  }
  Ref* dict = dict_slot_of(self);
  if (dict && *dict) return make_tuple({Value(self.type()), args.get(), dict->get()});
  return make_tuple({Value(self.type()), args.get()});
}

Ref get_characters_written(Value self) {
  if (exc(self)->m_written == -1) return raise(&attribute_error_type, "characters_written");
  return make_int(exc(self)->m_written);
}
bool set_characters_written(Value self, Value value) {
  auto* e = exc(self);
  if (!value) {
    if (e->m_written == -1) return raise(&attribute_error_type, "characters_written");
    e->m_written = -1;
    return true;
  }
  Ref number = index(value);
  if (!number) return false;
  int64_t written;
  if (!int_fits_int64(number, written)) {
    return raise_format(&value_error_type, "cannot fit '%s' into an index-sized integer",
                        value_type_name(value).data());
  }
  e->m_written = written;
  return true;
}

const MethodDef kOSErrorMethods[] = {
    {"__reduce__", os_error_reduce, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kOSErrorGetSet[] = {
    member<&BaseExceptionObject::m_errno>("errno", "POSIX exception code"),
    member<&BaseExceptionObject::m_strerror>("strerror", "exception strerror"),
    member<&BaseExceptionObject::m_filename>("filename", "exception filename"),
    member<&BaseExceptionObject::m_filename2>("filename2", "second exception filename"),
    {"characters_written", get_characters_written, set_characters_written},
    {nullptr, nullptr},
};

// --- SyntaxError ---------------------------------------------------------------

bool syntax_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, kwnames)) return false;
  auto* e = exc(self);
  if (nargs >= 1) e->m_message = ref(args[0]);
  if (nargs == 2) {
    // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
    Ref info = to_tuple(args[1]);
    if (!info) return false;
    size_t size = tuple_size(info);
    if (size < 4) return raise_format(&type_error_type, "function takes at least 4 arguments (%zu given)", size);
    if (size > 6) return raise_format(&type_error_type, "function takes at most 6 arguments (%zu given)", size);
    e->m_filename = ref(tuple_item(info, 0));
    e->m_lineno = ref(tuple_item(info, 1));
    e->m_offset = ref(tuple_item(info, 2));
    e->m_text = ref(tuple_item(info, 3));
    e->m_end_lineno = size > 4 ? ref(tuple_item(info, 4)) : Ref();
    e->m_end_offset = size > 5 ? ref(tuple_item(info, 5)) : Ref();
    if (e->m_end_lineno && !e->m_end_offset) {
      return raise(&type_error_type, "end_offset must be provided when end_lineno is provided");
    }
  }
  return true;
}

// "msg (file.py, line 3)", with only the file's base name.
Ref syntax_error_str(Value self) {
  auto* e = exc(self);
  std::string filename;
  bool have_filename = e->m_filename && is_str(e->m_filename);
  if (have_filename) {
    std::string_view full = str_view(e->m_filename);
    size_t slash = full.rfind('/');
    filename = std::string(slash == std::string_view::npos ? full : full.substr(slash + 1));
  }
  bool have_lineno = e->m_lineno && is_exact_int(e->m_lineno);
  std::string message;
  if (!str_of(e->m_message ? e->m_message.get() : none(), message)) return {};
  if (!have_filename && !have_lineno) return make_str(message);
  // Overflowing line numbers print as -1 (CPython ignores the overflow).
  int64_t lineno = -1;
  if (have_lineno && !int_fits_int64(e->m_lineno, lineno)) lineno = -1;
  std::string result = message;
  if (have_filename && have_lineno) {
    result += " (" + filename + ", line " + std::to_string(lineno) + ")";
  } else if (have_filename) {
    result += " (" + filename + ")";
  } else {
    result += " (line " + std::to_string(lineno) + ")";
  }
  return make_str(result);
}

const GetSetDef kSyntaxErrorGetSet[] = {
    member<&BaseExceptionObject::m_message>("msg", "exception msg"),
    member<&BaseExceptionObject::m_filename>("filename", "exception filename"),
    member<&BaseExceptionObject::m_lineno>("lineno", "exception lineno"),
    member<&BaseExceptionObject::m_offset>("offset", "exception offset"),
    member<&BaseExceptionObject::m_text>("text", "exception text"),
    member<&BaseExceptionObject::m_end_lineno>("end_lineno", "exception end lineno"),
    member<&BaseExceptionObject::m_end_offset>("end_offset", "exception end offset"),
    member<&BaseExceptionObject::m_print_file_and_line>("print_file_and_line", "exception print_file_and_line"),
    {nullptr, nullptr},
};

// --- UnicodeError and its subclasses -------------------------------------------

// One PyArg_ParseTuple field: 'U' (a str), 'O' (anything), 'n' (an index).
bool parse_unicode_field(char kind, Value arg, size_t position, Ref* object, int64_t* number) {
  switch (kind) {
    case 'U':
      if (!is_str(arg)) {
        return raise_format(&type_error_type, "argument %zu must be str, not %s", position,
                            value_type_name(arg).data());
      }
      *object = ref(arg);
      return true;
    case 'O':
      *object = ref(arg);
      return true;
    default: {
      Ref i = index(arg);
      if (!i) return false;
      if (!int_fits_int64(i, *number)) {
        return raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
      }
      return true;
    }
  }
}

// Parses args by `format` into the fields named in `targets` order:
// encoding/object/start/end/reason as the format lists them.
bool unicode_error_parse(Value self, const Value* args, size_t nargs, const char* format) {
  auto* e = exc(self);
  size_t expected = std::char_traits<char>::length(format);
  if (nargs != expected) {
    return raise_format(&type_error_type, "function takes exactly %zu arguments (%zu given)", expected, nargs);
  }
  // The formats are "UOnnU" (decode), "UUnnU" (encode), "UnnU" (translate).
  bool has_encoding = expected == 5;
  Ref encoding, object, reason;
  int64_t start = 0, end = 0;
  size_t i = 0;
  if (has_encoding) {
    if (!parse_unicode_field(format[i], args[i], i + 1, &encoding, nullptr)) return false;
    ++i;
  }
  if (!parse_unicode_field(format[i], args[i], i + 1, &object, nullptr)) return false;
  ++i;
  if (!parse_unicode_field('n', args[i], i + 1, nullptr, &start)) return false;
  ++i;
  if (!parse_unicode_field('n', args[i], i + 1, nullptr, &end)) return false;
  ++i;
  if (!parse_unicode_field('U', args[i], i + 1, &reason, nullptr)) return false;
  e->m_encoding = std::move(encoding);
  e->m_object = std::move(object);
  e->m_reason = std::move(reason);
  e->m_start = start;
  e->m_end = end;
  return true;
}

bool unicode_encode_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, kwnames)) return false;
  return unicode_error_parse(self, args, nargs, "UUnnU");
}

bool unicode_decode_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, kwnames)) return false;
  if (!unicode_error_parse(self, args, nargs, "UOnnU")) return false;
  auto* e = exc(self);
  // The object is kept as bytes, whatever bytes-like object was given.
  if (!(e->m_object.get().is_object() && e->m_object.type() == &bytes_type)) {
    Value object = e->m_object;
    if (is_bytes(object)) {
      e->m_object = make_bytes(bytes_view(object));
    } else if (is_bytearray(object)) {
      e->m_object = make_bytes(object.as<ByteArrayObject>()->m_data);
    } else {
      e->m_encoding.reset();
      e->m_object.reset();
      e->m_reason.reset();
      return raise_format(&type_error_type, "a bytes-like object is required, not '%s'",
                          value_type_name(object).data());
    }
    if (!e->m_object) return false;
  }
  return true;
}

bool unicode_translate_error_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!base_exception_init(self, args, nargs, kwnames)) return false;
  return unicode_error_parse(self, args, nargs, "UnnU");
}

// The encoding and reason as strs (they may have been replaced by anything).
bool unicode_error_texts(BaseExceptionObject* e, std::string* encoding, std::string& reason) {
  if (!str_of(e->m_reason ? e->m_reason.get() : none(), reason)) return false;
  if (encoding && !str_of(e->m_encoding ? e->m_encoding.get() : none(), *encoding)) return false;
  return true;
}

std::string format_bad_character(char32_t c) {
  char buffer[16];
  if (c <= 0xff) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(c));
  } else if (c <= 0xffff) {
    std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(c));
  } else {
    std::snprintf(buffer, sizeof buffer, "\\U%08x", unsigned(c));
  }
  return buffer;
}

// The code point at `index` of a str, if it has one.
bool str_char_at(Value s, int64_t index, char32_t& out) {
  if (!is_str(s) || index < 0 || size_t(index) >= s.as<StrObject>()->m_length) return false;
  std::string_view text = str_view(s);
  size_t pos = 0;
  for (int64_t i = 0; i < index; ++i) decode_utf8(text, pos);
  out = decode_utf8(text, pos);
  return true;
}

Ref unicode_encode_error_str(Value self) {
  auto* e = exc(self);
  if (!e->m_object) return make_str("");  // not initialized
  std::string encoding, reason;
  if (!unicode_error_texts(e, &encoding, reason)) return {};
  char32_t bad;
  if (e->m_end == e->m_start + 1 && str_char_at(e->m_object, e->m_start, bad)) {
    return make_str("'" + encoding + "' codec can't encode character '" + format_bad_character(bad) +
                    "' in position " + std::to_string(e->m_start) + ": " + reason);
  }
  return make_str("'" + encoding + "' codec can't encode characters in position " + std::to_string(e->m_start) +
                  "-" + std::to_string(e->m_end - 1) + ": " + reason);
}

Ref unicode_decode_error_str(Value self) {
  auto* e = exc(self);
  if (!e->m_object) return make_str("");
  std::string encoding, reason;
  if (!unicode_error_texts(e, &encoding, reason)) return {};
  Value object = e->m_object;
  if (is_bytes(object) && e->m_start >= 0 && size_t(e->m_start) < bytes_view(object).size() &&
      e->m_end == e->m_start + 1) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02x", unsigned(uint8_t(bytes_view(object)[e->m_start])));
    return make_str("'" + encoding + "' codec can't decode byte " + buffer + " in position " +
                    std::to_string(e->m_start) + ": " + reason);
  }
  return make_str("'" + encoding + "' codec can't decode bytes in position " + std::to_string(e->m_start) +
                  "-" + std::to_string(e->m_end - 1) + ": " + reason);
}

Ref unicode_translate_error_str(Value self) {
  auto* e = exc(self);
  if (!e->m_object) return make_str("");
  std::string reason;
  if (!unicode_error_texts(e, nullptr, reason)) return {};
  char32_t bad;
  if (e->m_end == e->m_start + 1 && str_char_at(e->m_object, e->m_start, bad)) {
    return make_str("can't translate character '" + format_bad_character(bad) + "' in position " +
                    std::to_string(e->m_start) + ": " + reason);
  }
  return make_str("can't translate characters in position " + std::to_string(e->m_start) + "-" +
                  std::to_string(e->m_end - 1) + ": " + reason);
}

// start and end are C integers in CPython (T_PYSSIZET members).
template <int64_t BaseExceptionObject::*Field>
Ref get_index_member(Value self) {
  return make_int(exc(self)->*Field);
}
template <int64_t BaseExceptionObject::*Field>
bool set_index_member(Value self, Value value) {
  if (!value) return raise(&type_error_type, "can't delete numeric/char attribute");
  if (!is_int(value)) return raise(&type_error_type, "an integer is required");
  int64_t n;
  if (!int_fits_int64(value, n)) return raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
  exc(self)->*Field = n;
  return true;
}

const GetSetDef kUnicodeErrorGetSet[] = {
    member<&BaseExceptionObject::m_encoding>("encoding", "exception encoding"),
    member<&BaseExceptionObject::m_object>("object", "exception object"),
    {"start", get_index_member<&BaseExceptionObject::m_start>, set_index_member<&BaseExceptionObject::m_start>,
     "exception start"},
    {"end", get_index_member<&BaseExceptionObject::m_end>, set_index_member<&BaseExceptionObject::m_end>,
     "exception end"},
    member<&BaseExceptionObject::m_reason>("reason", "exception reason"),
    {nullptr, nullptr},
};

// --- BaseExceptionGroup ----------------------------------------------------------

Ref base_exception_group_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!init_exception_types()) return {};
  if (nargs != 2) {
    return raise_format(&type_error_type, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                        nargs);
  }
  Value message = args[0];
  if (!is_str(message)) {
    return raise_format(&type_error_type, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        value_type_name(message).data());
  }
  if (!is_sequence(args[1])) return raise(&type_error_type, "second argument (exceptions) must be a sequence");
  Ref exceptions = to_tuple(args[1]);
  if (!exceptions) return {};
  size_t count = tuple_size(exceptions);
  if (count == 0) return raise(&value_error_type, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base_exceptions = false;
  for (size_t i = 0; i < count; ++i) {
    Value item = tuple_item(exceptions, i);
    if (!is_exception_instance(item)) {
      return raise_format(&value_error_type, "Item %zu of second argument (exceptions) is not an exception", i);
    }
    if (!isinstance(item, &exception_type)) nested_base_exceptions = true;
  }
  Type* cls = type;
  if (cls == &exception_group_type) {
    if (nested_base_exceptions) return raise(&type_error_type, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls == &base_exception_group_type) {
    // All Exceptions: BaseExceptionGroup(...) makes an ExceptionGroup.
    if (!nested_base_exceptions) cls = &exception_group_type;
  } else if (nested_base_exceptions && is_subtype(cls, &exception_type)) {
    return raise_format(&type_error_type, "Cannot nest BaseExceptions in '%s'", cls->m_tp_name);
  }
  Ref self = base_exception_new(cls, args, nargs, kwnames);
  if (!self) return {};
  exc(self)->m_message = ref(message);
  exc(self)->m_exceptions = std::move(exceptions);
  return self;
}

bool base_exception_group_init(Value self, const Value* args, size_t nargs, TupleObject* kwnames) {
  return base_exception_init(self, args, nargs, kwnames);
}

Ref base_exception_group_str(Value self) {
  auto* e = exc(self);
  size_t count = e->m_exceptions ? tuple_size(e->m_exceptions) : 0;
  std::string message;
  if (!str_of(e->m_message ? e->m_message.get() : none(), message)) return {};
  return make_str(message + " (" + std::to_string(count) + " sub-exception" + (count > 1 ? "s" : "") + ")");
}

Ref base_exception_group_derive(Value self, Args args) {
  if (args.count != 1) {
    return raise_format(&type_error_type, "function takes exactly 1 argument (%zu given)", args.count);
  }
  auto* e = exc(self);
  return call(Value(&base_exception_group_type), {e->m_message ? e->m_message.get() : none(), args[0]});
}

enum class MatcherKind { ByType, ByPredicate };

bool matcher_kind(Value matcher, MatcherKind& kind) {
  if (is_function(matcher)) {
    kind = MatcherKind::ByPredicate;
    return true;
  }
  if (is_exception_type(matcher)) {
    kind = MatcherKind::ByType;
    return true;
  }
  if (matcher.is_object() && matcher.type() == &tuple_type) {
    bool all_types = true;
    for (size_t i = 0; i < tuple_size(matcher); ++i) all_types &= is_exception_type(tuple_item(matcher, i));
    if (all_types) {
      kind = MatcherKind::ByType;
      return true;
    }
  }
  return raise(&type_error_type, "expected a function, exception type or tuple of exception types");
}

// 1 if `exception` matches, 0 if not, -1 on error.
int split_matches(Value exception, MatcherKind kind, Value matcher) {
  if (kind == MatcherKind::ByType) return exception_given_matches(exception, matcher) ? 1 : 0;
  Ref result = call(matcher, {exception});
  if (!result) return -1;
  return is_true(result);
}

// A group like `original` holding `items` (null if there are none), made by
// original.derive() and given original's traceback, cause, context and a
// copy of its notes, as CPython's exceptiongroup_subset.
bool exception_group_subset(Value original, Value items, Ref& result) {
  result.reset();
  if (as_list(items)->m_items.empty()) return true;
  Ref group = call_method(original, "derive", {items});
  if (!group) return false;
  if (!is_exception_group(group)) {
    return raise(&type_error_type, "derive must return an instance of BaseExceptionGroup");
  }
  auto* from = exc(original);
  auto* to = exc(group);
  if (from->m_traceback) to->m_traceback = from->m_traceback;
  to->m_context = from->m_context;
  to->m_cause = from->m_cause;
  bool found = false;
  Ref notes = lookup_attr(original, intern_static("__notes__"), found);
  if (!found && error_pending()) return false;
  if (found && is_sequence(notes)) {
    // A copy, so that the parts have independent notes lists.
    Ref copy = list_from_iterable(notes);
    if (!copy || !setattr(group, "__notes__", copy)) return false;
  }
  result = std::move(group);
  return true;
}

bool exception_group_split_recursive(Value exception, MatcherKind kind, Value matcher, bool construct_rest,
                                     Ref& match, Ref& rest) {
  match.reset();
  rest.reset();
  int is_match = split_matches(exception, kind, matcher);
  if (is_match < 0) return false;
  if (is_match) {
    match = ref(exception);
    return true;
  }
  if (!is_exception_group(exception)) {
    if (construct_rest) rest = ref(exception);
    return true;
  }
  // A partial match: split each member.
  Value members = exc(exception)->m_exceptions;
  Ref match_list = make_list();
  Ref rest_list = construct_rest ? make_list() : Ref();
  if (!match_list || (construct_rest && !rest_list)) return false;
  for (size_t i = 0; members && i < tuple_size(members); ++i) {
    RecursionGuard guard(" in exceptiongroup_split_recursive");
    if (!guard.ok) return false;
    Ref member_match, member_rest;
    if (!exception_group_split_recursive(tuple_item(members, i), kind, matcher, construct_rest, member_match,
                                         member_rest)) {
      return false;
    }
    if (member_match) list_append(match_list, std::move(member_match));
    if (member_rest) list_append(rest_list, std::move(member_rest));
  }
  if (!exception_group_subset(exception, match_list, match)) return false;
  if (construct_rest && !exception_group_subset(exception, rest_list, rest)) {
    match.reset();
    return false;
  }
  return true;
}

Ref base_exception_group_split(Value self, Args args) {
  if (!check_positional("split", args, 1, 1)) return {};
  MatcherKind kind;
  if (!matcher_kind(args[0], kind)) return {};
  Ref match, rest;
  if (!exception_group_split_recursive(self, kind, args[0], true, match, rest)) return {};
  return make_tuple({match ? match.get() : none(), rest ? rest.get() : none()});
}

Ref base_exception_group_subgroup(Value self, Args args) {
  if (!check_positional("subgroup", args, 1, 1)) return {};
  MatcherKind kind;
  if (!matcher_kind(args[0], kind)) return {};
  Ref match, rest;
  if (!exception_group_split_recursive(self, kind, args[0], false, match, rest)) return {};
  return or_none(match);
}

const MethodDef kBaseExceptionGroupMethods[] = {
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc, kMethodClass},
    {"derive", base_exception_group_derive, ArgKind::VarArgs},
    {"split", base_exception_group_split, ArgKind::VarArgs},
    {"subgroup", base_exception_group_subgroup, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kBaseExceptionGroupGetSet[] = {
    {"message", get_member<&BaseExceptionObject::m_message>, set_readonly, "exception message"},
    {"exceptions", get_member<&BaseExceptionObject::m_exceptions>, set_readonly, "nested exceptions"},
    {nullptr, nullptr},
};

// --- The class table -----------------------------------------------------------

// A class of the hierarchy with BaseException's layout; everything not set
// here is inherited from its base when the runtime readies it.
Type exception_class(const char* name, Type* base, const char* doc) {
  Type type{};
  type.m_tp_name = name;
  type.m_base = base;
  type.m_doc = doc;
  type.m_size = sizeof(BaseExceptionObject);
  type.m_flags = kTypeBaseType | kTypeHasGC | kTypeBaseExcSubclass | kTypeHasDict;
  type.m_destroy = exception_destroy;
  return type;
}

}  // namespace

Type base_exception_type = [] {
  Type type = exception_class("BaseException", &object_type, "Common base class for all exceptions");
  type.m_new = base_exception_new;
  type.m_init = base_exception_init;
  type.m_str = base_exception_str;
  type.m_repr = base_exception_repr;
  type.m_traverse = exception_traverse;
  type.m_clear = exception_clear;
  type.m_methods = kBaseExceptionMethods;
  type.m_getset = kBaseExceptionGetSet;
  return type;
}();

#define COIL_EXCEPTION(variable, name, base, doc)        \
  Type variable = exception_class(name, &base, doc); \
  COIL_REGISTER_TYPE(variable)

COIL_REGISTER_TYPE(base_exception_type);
COIL_EXCEPTION(exception_type, "Exception", base_exception_type, "Common base class for all non-exit exceptions.");
COIL_EXCEPTION(generator_exit_type, "GeneratorExit", base_exception_type, "Request that a generator exit.");
COIL_EXCEPTION(keyboard_interrupt_type, "KeyboardInterrupt", base_exception_type, "Program interrupted by user.");

Type system_exit_type = [] {
  Type type = exception_class("SystemExit", &base_exception_type, "Request to exit from the interpreter.");
  type.m_init = system_exit_init;
  type.m_getset = kSystemExitGetSet;
  return type;
}();
COIL_REGISTER_TYPE(system_exit_type);

Type base_exception_group_type = [] {
  Type type = exception_class("BaseExceptionGroup", &base_exception_type,
                              "A combination of multiple unrelated exceptions.");
  type.m_new = base_exception_group_new;
  type.m_init = base_exception_group_init;
  type.m_str = base_exception_group_str;
  type.m_methods = kBaseExceptionGroupMethods;
  type.m_getset = kBaseExceptionGroupGetSet;
  return type;
}();
COIL_REGISTER_TYPE(base_exception_group_type);
// Its bases are (BaseExceptionGroup, Exception): see init_exception_types().
COIL_EXCEPTION(exception_group_type, "ExceptionGroup", base_exception_group_type, nullptr);

COIL_EXCEPTION(arithmetic_error_type, "ArithmeticError", exception_type, "Base class for arithmetic errors.");
COIL_EXCEPTION(floating_point_error_type, "FloatingPointError", arithmetic_error_type,
               "Floating point operation failed.");
COIL_EXCEPTION(overflow_error_type, "OverflowError", arithmetic_error_type, "Result too large to be represented.");
COIL_EXCEPTION(zero_division_error_type, "ZeroDivisionError", arithmetic_error_type,
               "Second argument to a division or modulo operation was zero.");
COIL_EXCEPTION(assertion_error_type, "AssertionError", exception_type, "Assertion failed.");

Type attribute_error_type = [] {
  Type type = exception_class("AttributeError", &exception_type, "Attribute not found.");
  type.m_init = attribute_error_init;
  type.m_getset = kAttributeErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(attribute_error_type);

COIL_EXCEPTION(buffer_error_type, "BufferError", exception_type, "Buffer error.");
COIL_EXCEPTION(eof_error_type, "EOFError", exception_type, "Read beyond end of file.");

Type import_error_type = [] {
  Type type = exception_class("ImportError", &exception_type,
                              "Import can't find module, or can't find name in module.");
  type.m_init = import_error_init;
  type.m_str = import_error_str;
  type.m_methods = kImportErrorMethods;
  type.m_getset = kImportErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(import_error_type);
COIL_EXCEPTION(module_not_found_error_type, "ModuleNotFoundError", import_error_type, "Module not found.");

COIL_EXCEPTION(lookup_error_type, "LookupError", exception_type, "Base class for lookup errors.");
COIL_EXCEPTION(index_error_type, "IndexError", lookup_error_type, "Sequence index out of range.");
Type key_error_type = [] {
  Type type = exception_class("KeyError", &lookup_error_type, "Mapping key not found.");
  type.m_str = key_error_str;
  return type;
}();
COIL_REGISTER_TYPE(key_error_type);

COIL_EXCEPTION(memory_error_type, "MemoryError", exception_type, "Out of memory.");

Type name_error_type = [] {
  Type type = exception_class("NameError", &exception_type, "Name not found globally.");
  type.m_init = name_error_init;
  type.m_getset = kNameErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(name_error_type);
COIL_EXCEPTION(unbound_local_error_type, "UnboundLocalError", name_error_type,
               "Local name referenced but not bound to a value.");

Type os_error_type = [] {
  Type type = exception_class("OSError", &exception_type, "Base class for I/O related errors.");
  type.m_new = os_error_new;
  type.m_init = os_error_init;
  type.m_str = os_error_str;
  type.m_methods = kOSErrorMethods;
  type.m_getset = kOSErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(os_error_type);
COIL_EXCEPTION(blocking_io_error_type, "BlockingIOError", os_error_type, "I/O operation would block.");
COIL_EXCEPTION(child_process_error_type, "ChildProcessError", os_error_type, "Child process error.");
COIL_EXCEPTION(connection_error_type, "ConnectionError", os_error_type, "Connection error.");
COIL_EXCEPTION(broken_pipe_error_type, "BrokenPipeError", connection_error_type, "Broken pipe.");
COIL_EXCEPTION(connection_aborted_error_type, "ConnectionAbortedError", connection_error_type,
               "Connection aborted.");
COIL_EXCEPTION(connection_refused_error_type, "ConnectionRefusedError", connection_error_type,
               "Connection refused.");
COIL_EXCEPTION(connection_reset_error_type, "ConnectionResetError", connection_error_type, "Connection reset.");
COIL_EXCEPTION(file_exists_error_type, "FileExistsError", os_error_type, "File already exists.");
COIL_EXCEPTION(file_not_found_error_type, "FileNotFoundError", os_error_type, "File not found.");
COIL_EXCEPTION(interrupted_error_type, "InterruptedError", os_error_type, "Interrupted by signal.");
COIL_EXCEPTION(is_a_directory_error_type, "IsADirectoryError", os_error_type,
               "Operation doesn't work on directories.");
COIL_EXCEPTION(not_a_directory_error_type, "NotADirectoryError", os_error_type,
               "Operation only works on directories.");
COIL_EXCEPTION(permission_error_type, "PermissionError", os_error_type, "Not enough permissions.");
COIL_EXCEPTION(process_lookup_error_type, "ProcessLookupError", os_error_type, "Process not found.");
COIL_EXCEPTION(timeout_error_type, "TimeoutError", os_error_type, "Timeout expired.");

COIL_EXCEPTION(reference_error_type, "ReferenceError", exception_type, "Weak ref proxy used after referent went away.");
COIL_EXCEPTION(runtime_error_type, "RuntimeError", exception_type, "Unspecified run-time error.");
COIL_EXCEPTION(not_implemented_error_type, "NotImplementedError", runtime_error_type,
               "Method or function hasn't been implemented yet.");
COIL_EXCEPTION(recursion_error_type, "RecursionError", runtime_error_type, "Recursion limit exceeded.");
COIL_EXCEPTION(stop_async_iteration_type, "StopAsyncIteration", exception_type,
               "Signal the end from iterator.__anext__().");

Type stop_iteration_type = [] {
  Type type = exception_class("StopIteration", &exception_type, "Signal the end from iterator.__next__().");
  type.m_init = stop_iteration_init;
  type.m_getset = kStopIterationGetSet;
  return type;
}();
COIL_REGISTER_TYPE(stop_iteration_type);

Type syntax_error_type = [] {
  Type type = exception_class("SyntaxError", &exception_type, "Invalid syntax.");
  type.m_init = syntax_error_init;
  type.m_str = syntax_error_str;
  type.m_getset = kSyntaxErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(syntax_error_type);
COIL_EXCEPTION(indentation_error_type, "IndentationError", syntax_error_type, "Improper indentation.");
COIL_EXCEPTION(tab_error_type, "TabError", indentation_error_type, "Improper mixture of spaces and tabs.");

COIL_EXCEPTION(system_error_type, "SystemError", exception_type,
               "Internal error in the Python interpreter.\n\n"
               "Please report this to the Python maintainer, along with the traceback,\n"
               "the Python version, and the hardware/OS platform and version.");
COIL_EXCEPTION(type_error_type, "TypeError", exception_type, "Inappropriate argument type.");
COIL_EXCEPTION(value_error_type, "ValueError", exception_type, "Inappropriate argument value (of correct type).");

// UnicodeError itself has none of its subclasses' attributes, as in CPython.
COIL_EXCEPTION(unicode_error_type, "UnicodeError", value_error_type, "Unicode related error.");

Type unicode_encode_error_type = [] {
  Type type = exception_class("UnicodeEncodeError", &unicode_error_type, "Unicode encoding error.");
  type.m_init = unicode_encode_error_init;
  type.m_str = unicode_encode_error_str;
  type.m_getset = kUnicodeErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(unicode_encode_error_type);

Type unicode_decode_error_type = [] {
  Type type = exception_class("UnicodeDecodeError", &unicode_error_type, "Unicode decoding error.");
  type.m_init = unicode_decode_error_init;
  type.m_str = unicode_decode_error_str;
  type.m_getset = kUnicodeErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(unicode_decode_error_type);

Type unicode_translate_error_type = [] {
  Type type = exception_class("UnicodeTranslateError", &unicode_error_type, "Unicode translation error.");
  type.m_init = unicode_translate_error_init;
  type.m_str = unicode_translate_error_str;
  type.m_getset = kUnicodeErrorGetSet;
  return type;
}();
COIL_REGISTER_TYPE(unicode_translate_error_type);

COIL_EXCEPTION(warning_type, "Warning", exception_type, "Base class for warning categories.");
COIL_EXCEPTION(bytes_warning_type, "BytesWarning", warning_type,
               "Base class for warnings about bytes and buffer related problems, mostly\n"
               "related to conversion from str or comparing to str.");
COIL_EXCEPTION(deprecation_warning_type, "DeprecationWarning", warning_type,
               "Base class for warnings about deprecated features.");
COIL_EXCEPTION(encoding_warning_type, "EncodingWarning", warning_type, "Base class for warnings about encodings.");
COIL_EXCEPTION(future_warning_type, "FutureWarning", warning_type,
               "Base class for warnings about constructs that will change semantically\nin the future.");
COIL_EXCEPTION(import_warning_type, "ImportWarning", warning_type,
               "Base class for warnings about probable mistakes in module imports");
COIL_EXCEPTION(pending_deprecation_warning_type, "PendingDeprecationWarning", warning_type,
               "Base class for warnings about features which will be deprecated\nin the future.");
COIL_EXCEPTION(resource_warning_type, "ResourceWarning", warning_type,
               "Base class for warnings about resource usage.");
COIL_EXCEPTION(runtime_warning_type, "RuntimeWarning", warning_type,
               "Base class for warnings about dubious runtime behavior.");
COIL_EXCEPTION(syntax_warning_type, "SyntaxWarning", warning_type, "Base class for warnings about dubious syntax.");
COIL_EXCEPTION(unicode_warning_type, "UnicodeWarning", warning_type,
               "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.");
COIL_EXCEPTION(user_warning_type, "UserWarning", warning_type, "Base class for warnings generated by user code.");

#undef COIL_EXCEPTION

// --- Functions for the rest of the runtime -----------------------------------------

bool init_exception_types() {
  static bool done = false;
  if (done) return true;
  Type* group = &exception_group_type;
  if (!(group->m_flags & kTypeReady)) return true;  // too early: the runtime is not up yet
  Ref bases = make_tuple({Value(&base_exception_group_type), Value(&exception_type)});
  Ref mro = make_tuple({Value(group), Value(&base_exception_group_type), Value(&exception_type),
                        Value(&base_exception_type), Value(&object_type)});
  if (!bases || !mro) return false;
  Object* old_bases = group->m_bases;
  Object* old_mro = group->m_mro;
  group->m_bases = bases.release().as_object();
  group->m_mro = mro.release().as_object();
  if (old_bases) decref(old_bases);
  if (old_mro) decref(old_mro);
  type_modified(group);
  done = true;
  return true;
}

Ref make_exception(Type* type, Value args_tuple) {
  // Classes made in Python may override __new__/__init__ at the Python
  // level: call them as Python would.
  if ((type->m_flags & kTypeHeapType) || type->m_new == nullptr) {
    return call_with_tuple(Value(type), args_tuple, Value());
  }
  const Value* items = args_tuple.as<TupleObject>()->m_items;
  size_t count = tuple_size(args_tuple);
  Ref self = type->m_new(type, items, count, nullptr);
  if (!self) return {};
  // As type.__call__: __init__ runs when __new__ made an instance of the
  // class (OSError(2, …) makes a FileNotFoundError, which is one).
  Type* made = self.type();
  if (isinstance(self, type) && made->m_init != nullptr && !made->m_init(self, items, count, nullptr)) return {};
  return self;
}

void exception_add_traceback(Value exception, Value code, int lasti, int lineno) {
  if (!is_exception_instance(exception)) return;
  auto* e = exc(exception);
  Ref entry = make_traceback(e->m_traceback.get(), code, lasti, lineno);
  if (entry) {
    e->m_traceback = std::move(entry);
  } else {
    clear_exception();  // out of memory: the traceback just misses an entry
  }
}

bool exception_given_matches(Value exception, Value matcher) {
  if (!exception || !matcher) return false;
  if (matcher.is_object() && is_tuple(matcher)) {
    for (size_t i = 0; i < tuple_size(matcher); ++i) {
      if (exception_given_matches(exception, tuple_item(matcher, i))) return true;
    }
    return false;
  }
  Value klass = is_exception_instance(exception) ? Value(exception.type()) : exception;
  if (is_exception_type(klass) && is_exception_type(matcher)) {
    return is_subtype(klass.as<Type>(), matcher.as<Type>());
  }
  return klass.is(matcher);
}

void augment_attribute_error(Value object, Value name) {
  Value pending = g_thread.current_exception.get();
  if (!pending || !isinstance(pending, &attribute_error_type)) return;
  auto* e = exc(pending);
  if (e->m_name || e->m_obj) return;  // already augmented
  e->m_name = ref(name);
  e->m_obj = ref(object);
}

void augment_name_error(Value name) {
  Value pending = g_thread.current_exception.get();
  if (!pending || pending.type() != &name_error_type) return;
  exc(pending)->m_name = ref(name);
}

Ref make_exception_group(std::string_view message, Value exceptions) {
  Ref text = make_str(message);
  if (!text) return {};
  return call(Value(&exception_group_type), {text, exceptions});
}

}  // namespace coil
