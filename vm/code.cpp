// Code objects (vm/code.h): the type, its Python-visible attributes
// (co_name, co_consts, co_varnames… as CPython 3.11 names them), and the
// opcode table expanded from vm/opcodes.def.
#include "vm/code.h"

#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type code_type;

Opcode specialized_opcode(Opcode op, uint32_t arg) {
  if (op != BINARY_OP || arg >= uint32_t(2 * kBinaryOpCount)) return op;
  switch (BinaryOp(arg % kInplaceOffset)) {
    case BinaryOp::Add: return BINARY_OP_ADD;
    case BinaryOp::Subtract: return BINARY_OP_SUBTRACT;
    case BinaryOp::Multiply: return BINARY_OP_MULTIPLY;
    case BinaryOp::TrueDivide: return BINARY_OP_TRUE_DIVIDE;
    default: return op;
  }
}

Ref make_code() {
  Object* object = allocate_object(&code_type);
  if (object == nullptr) return raise_no_memory();
  new (static_cast<CodeObject*>(object)) CodeObject();
  // The placement-new above rewrote the header; restore what allocate_object set.
  object->m_refcount = 1;
  object->m_type = &code_type;
  return Ref::steal(object);
}

int code_line_at(const CodeObject* code, uint32_t index) {
  if (index >= code->m_positions.size()) return -1;
  return code->m_positions[index].lineno;
}

void code_set_source(Value code, std::string_view source) {
  auto* co = code.as<CodeObject>();
  co->m_source = std::string(source);
  for (const Ref& constant : co->m_consts)
    if (is_code(constant)) code_set_source(constant, source);
}

namespace {

CodeObject* as_code(Value v) { return v.as<CodeObject>(); }

void code_destroy(Object* object) { static_cast<CodeObject*>(object)->~CodeObject(); }

// <code object f at 0x7f…, file "x.py", line 3>
Ref code_repr(Value self) {
  CodeObject* code = as_code(self);
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(code));
  std::string text = "<code object ";
  text += code->m_name ? str_view(code->m_name) : std::string_view("?");
  text += " at ";
  text += address;
  text += ", file \"";
  text += code->m_filename ? str_view(code->m_filename) : std::string_view("???");
  text += "\", line ";
  text += std::to_string(code->m_firstlineno);
  text += '>';
  return make_str(text);
}

Ref tuple_of(const std::vector<Ref>& items, size_t begin, size_t end) {
  Ref tuple = make_tuple(end - begin);
  if (!tuple) return {};
  for (size_t i = begin; i < end; ++i) tuple_set(tuple, i - begin, items[i]);
  return tuple;
}

// The localsplus names of one kind, in order: co_varnames (plain locals and
// parameters, including those that are also cells), co_cellvars (every
// cell), co_freevars.
Ref names_of_kind(const CodeObject* code, uint8_t kind) {
  std::vector<Ref> names;
  for (size_t i = 0; i < code->m_localsplus_names.size(); ++i) {
    uint8_t k = code->m_localsplus_kinds[i];
    if ((k & kind) != 0) names.push_back(code->m_localsplus_names[i]);
  }
  return tuple_of(names, 0, names.size());
}

Ref code_get_name(Value self) { return as_code(self)->m_name; }
Ref code_get_qualname(Value self) { return as_code(self)->m_qualname; }
Ref code_get_filename(Value self) { return as_code(self)->m_filename; }
Ref code_get_firstlineno(Value self) { return make_int(int64_t(as_code(self)->m_firstlineno)); }
Ref code_get_argcount(Value self) { return make_int(int64_t(as_code(self)->m_argcount)); }
Ref code_get_posonlyargcount(Value self) {
  return make_int(int64_t(as_code(self)->m_posonlyargcount));
}
Ref code_get_kwonlyargcount(Value self) {
  return make_int(int64_t(as_code(self)->m_kwonlyargcount));
}
Ref code_get_nlocals(Value self) { return make_int(int64_t(as_code(self)->m_nlocals)); }
Ref code_get_flags(Value self) { return make_int(int64_t(as_code(self)->m_flags)); }
Ref code_get_stacksize(Value self) { return make_int(int64_t(as_code(self)->m_stacksize)); }
Ref code_get_consts(Value self) {
  const auto& consts = as_code(self)->m_consts;
  return tuple_of(consts, 0, consts.size());
}
Ref code_get_names(Value self) {
  const auto& names = as_code(self)->m_names;
  return tuple_of(names, 0, names.size());
}
Ref code_get_varnames(Value self) {
  CodeObject* code = as_code(self);
  return tuple_of(code->m_localsplus_names, 0, code->m_nlocals);
}
Ref code_get_cellvars(Value self) { return names_of_kind(as_code(self), kLocalCell); }
Ref code_get_freevars(Value self) { return names_of_kind(as_code(self), kLocalFree); }
Ref code_get_code(Value self) {
  // The instruction words, little-endian, four bytes each.
  // The inline caches after an instruction read as zeros, whatever the
  // interpreter has stored in them.
  const auto& units = as_code(self)->m_code;
  std::string bytes;
  bytes.reserve(units.size() * 4);
  size_t caches = 0;
  for (CodeUnit unit : units) {
    if (caches > 0) {
      --caches;
      unit = 0;
    } else {
      caches = kOpcodeInfo[unit_opcode(unit)].caches;
    }
    for (int i = 0; i < 4; ++i) bytes += char((unit >> (8 * i)) & 0xFF);
  }
  return make_bytes(bytes);
}

// co_lines(): (start, end, line) for each run of code units on one line,
// offsets in code units.
Ref code_lines(Value self, Args) {
  CodeObject* code = as_code(self);
  std::vector<Ref> entries;
  size_t n = code->m_positions.size();
  size_t start = 0;
  while (start < n) {
    size_t end = start + 1;
    while (end < n && code->m_positions[end].lineno == code->m_positions[start].lineno) ++end;
    int line = code->m_positions[start].lineno;
    Ref start_ref = make_int(int64_t(start));
    Ref end_ref = make_int(int64_t(end));
    Ref line_ref = line < 0 ? new_none() : make_int(int64_t(line));
    if (!start_ref || !end_ref || !line_ref) return {};
    Ref entry = make_tuple({start_ref.get(), end_ref.get(), line_ref.get()});
    if (!entry) return {};
    entries.push_back(std::move(entry));
    start = end;
  }
  Ref tuple = tuple_of(entries, 0, entries.size());
  if (!tuple) return {};
  return iter(tuple);
}

// co_positions(): (lineno, end_lineno, col, end_col) per code unit.
Ref code_positions(Value self, Args) {
  CodeObject* code = as_code(self);
  std::vector<Ref> entries;
  auto number = [](int32_t v) { return v < 0 ? new_none() : make_int(int64_t(v)); };
  for (const Position& p : code->m_positions) {
    Ref a = number(p.lineno), b = number(p.end_lineno), c = number(p.col), d = number(p.end_col);
    if (!a || !b || !c || !d) return {};
    Ref entry = make_tuple({a.get(), b.get(), c.get(), d.get()});
    if (!entry) return {};
    entries.push_back(std::move(entry));
  }
  Ref tuple = tuple_of(entries, 0, entries.size());
  if (!tuple) return {};
  return iter(tuple);
}

// replace(**changes): a copy with the named fields changed, as CPython's.
// The names, the filename, the first line number, and constants and names
// (tuples of the same length whose code objects stay code objects) may
// change; bytecode, counts and flags are coil's own format and can only be
// given as they are (tests/differences/code_replace.py).
Ref code_replace(Value self, Args args) {
  static const ArgSpec spec{
      "replace",
      {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
       "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
       "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable"},
      0, 0, 0};
  Value bound[18];
  if (!bind_arguments(spec, args, bound)) return {};
  CodeObject* code = as_code(self);
  Ref copy = make_code();
  if (!copy) return {};
  CodeObject* c = as_code(copy);
  c->m_code = code->m_code;
  c->m_positions = code->m_positions;
  c->m_exception_table = code->m_exception_table;
  c->m_consts = code->m_consts;
  c->m_names = code->m_names;
  c->m_localsplus_names = code->m_localsplus_names;
  c->m_localsplus_kinds = code->m_localsplus_kinds;
  c->m_argcount = code->m_argcount;
  c->m_posonlyargcount = code->m_posonlyargcount;
  c->m_kwonlyargcount = code->m_kwonlyargcount;
  c->m_flags = code->m_flags;
  c->m_stacksize = code->m_stacksize;
  c->m_nlocals = code->m_nlocals;
  c->m_ncellvars = code->m_ncellvars;
  c->m_nfreevars = code->m_nfreevars;
  c->m_firstlineno = code->m_firstlineno;
  c->m_name = code->m_name;
  c->m_qualname = code->m_qualname;
  c->m_filename = code->m_filename;
  c->m_source = code->m_source;
  const char* const names[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                               "co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts",
                               "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_filename",
                               "co_name", "co_qualname", "co_linetable", "co_exceptiontable"};
  for (size_t i = 0; i < 18; ++i) {
    Value given = bound[i];
    if (!given) continue;
    std::string_view name = names[i];
    if (name == "co_name" || name == "co_qualname" || name == "co_filename") {
      if (!is_str(given)) {
        return raise_format(&type_error_type, "replace() argument '%s' must be str, not %s", names[i],
                            type_name(given.type()).data());
      }
      (name == "co_name" ? c->m_name : name == "co_qualname" ? c->m_qualname : c->m_filename) = ref(given);
      continue;
    }
    if (name == "co_firstlineno") {
      int64_t line = 0;
      if (!is_int(given) || !int_fits_int64(given, line) || line < INT32_MIN || line > INT32_MAX) {
        return raise_type_error_for("'%s' object cannot be interpreted as an integer", given);
      }
      c->m_firstlineno = int32_t(line);
      continue;
    }
    if (name == "co_consts" || name == "co_names") {
      if (given.type() != &tuple_type) {
        return raise_format(&type_error_type, "replace() argument '%s' must be tuple, not %s", names[i],
                            type_name(given.type()).data());
      }
      std::vector<Ref>& items = name == "co_consts" ? c->m_consts : c->m_names;
      if (tuple_size(given) != items.size()) {
        return raise_format(&value_error_type, "coil's code.replace() keeps the number of %s", names[i]);
      }
      for (size_t k = 0; k < items.size(); ++k) {
        Value item = tuple_item(given, k);
        bool needs_code = is_code(items[k].get());
        if ((name == "co_names" && !is_str(item)) || needs_code != is_code(item)) {
          return raise_format(&value_error_type, "coil's code.replace() keeps the kinds of %s", names[i]);
        }
        items[k] = ref(item);
      }
      continue;
    }
    // The rest describe coil's own bytecode: only their present value is taken.
    Ref present = getattr(self, names[i]);
    if (!present) {
      clear_exception();
      return raise_format(&value_error_type, "coil's code.replace() cannot change %s", names[i]);
    }
    int same = compare_bool(present, given, CompareOp::Eq);
    if (same < 0) return {};
    if (!same) return raise_format(&value_error_type, "coil's code.replace() cannot change %s", names[i]);
  }
  return copy;
}

const MethodDef code_methods[] = {
    {"replace", code_replace, ArgKind::Keywords},
    {"co_lines", code_lines, ArgKind::NoArgs},
    {"co_positions", code_positions, ArgKind::NoArgs},
    {},
};

const GetSetDef code_getset[] = {
    {"co_name", code_get_name},
    {"co_qualname", code_get_qualname},
    {"co_filename", code_get_filename},
    {"co_firstlineno", code_get_firstlineno},
    {"co_argcount", code_get_argcount},
    {"co_posonlyargcount", code_get_posonlyargcount},
    {"co_kwonlyargcount", code_get_kwonlyargcount},
    {"co_nlocals", code_get_nlocals},
    {"co_flags", code_get_flags},
    {"co_stacksize", code_get_stacksize},
    {"co_consts", code_get_consts},
    {"co_names", code_get_names},
    {"co_varnames", code_get_varnames},
    {"co_cellvars", code_get_cellvars},
    {"co_freevars", code_get_freevars},
    {"co_code", code_get_code},
    {},
};

struct CodeTypeSetup {
  CodeTypeSetup() {
    Type& t = code_type;
    t.m_tp_name = "code";
    t.m_doc = "Create a code object.  Not for the faint of heart.";
    t.m_size = sizeof(CodeObject);
    t.m_flags = kTypeImmutable;
    t.m_destroy = code_destroy;
    t.m_repr = code_repr;
    t.m_methods = code_methods;
    t.m_getset = code_getset;
  }
} code_type_setup;

}  // namespace

COIL_REGISTER_TYPE(code_type);

}  // namespace coil
