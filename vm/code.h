// Code objects: what the compiler (vm/compiler.cpp) makes of a module, a
// function body, a class body or a comprehension, and what the interpreter
// (vm/interpreter.cpp) runs.
//
// The layout follows CPython 3.11's code objects so that the same ideas and
// the same `dis` reading apply: one array of "localsplus" slots per frame —
// the parameters and other locals (co_varnames), then the cell variables
// that are not also parameters, then the free variables — and a zero-cost
// exception table instead of a block stack.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

enum Opcode : uint8_t {
#define OP(name, operand, pops, pushes, caches) name,
#include "vm/opcodes.def"
#undef OP
  kOpcodeCount
};

enum class OperandKind : uint8_t { None, Int, Const, Name, Local, Jump, Compare, Binary, Special };

struct OpcodeInfo {
  const char* name;
  OperandKind operand;
  uint8_t caches;
};
// In the header, so that the interpreter's cache skips are constants.
inline constexpr OpcodeInfo kOpcodeInfo[kOpcodeCount] = {
#define OP(name, operand, pops, pushes, caches) {#name, OperandKind::operand, caches},
#include "vm/opcodes.def"
#undef OP
};

// The instruction the compiler writes for `op` with argument `arg`: one of
// the BINARY_OP forms for a single operator where there is one.
Opcode specialized_opcode(Opcode op, uint32_t arg);
// The instruction a specialized form stands for, as --dis shows it.
inline constexpr Opcode generic_opcode(Opcode op) {
  switch (op) {
    case BINARY_OP_ADD:
    case BINARY_OP_SUBTRACT:
    case BINARY_OP_MULTIPLY:
    case BINARY_OP_TRUE_DIVIDE:
      return BINARY_OP;
    default:
      return op;
  }
}

// One instruction word: opcode in the low 8 bits, argument in the high 24.
using CodeUnit = uint32_t;
inline constexpr uint32_t kMaxInlineArg = (1u << 24) - 1;
inline constexpr Opcode unit_opcode(CodeUnit unit) { return Opcode(unit & 0xFF); }
inline constexpr uint32_t unit_arg(CodeUnit unit) { return unit >> 8; }
inline constexpr CodeUnit make_unit(Opcode op, uint32_t arg) { return uint32_t(op) | (arg << 8); }

// co_flags, with CPython's values.
enum CodeFlag : uint32_t {
  kCodeOptimized = 0x1,
  kCodeNewLocals = 0x2,
  kCodeVarargs = 0x4,
  kCodeVarkeywords = 0x8,
  kCodeNested = 0x10,
  kCodeGenerator = 0x20,
  kCodeNoFree = 0x40,
  kCodeCoroutine = 0x80,
  kCodeIterableCoroutine = 0x100,
  kCodeAsyncGenerator = 0x200,
  // coil: module code that may `await` at top level (DESIGN §3).
  kCodeTopLevelAwait = 0x2000,
};

// What each localsplus slot is (CPython's CO_FAST_*).
enum LocalKind : uint8_t {
  kLocalPlain = 0x20,
  kLocalCell = 0x40,
  kLocalFree = 0x80,
  kLocalCellArg = 0x20 | 0x40,  // a parameter that is also a cell
};

// A range of instructions [start, end) whose exceptions go to `handler`
// with the value stack cut to `depth` (plus the offending instruction's
// index pushed first when `push_lasti`), then the exception.
struct ExceptionTableEntry {
  uint32_t start;
  uint32_t end;
  uint32_t handler;
  uint32_t depth;
  bool push_lasti;
};

// The source span of one instruction, for tracebacks (lines 1-based,
// columns 0-based UTF-8 byte offsets as in CPython's co_positions; -1 unknown).
struct Position {
  int32_t lineno = -1;
  int32_t end_lineno = -1;
  int32_t col = -1;
  int32_t end_col = -1;
};

struct CodeObject : Object {
  std::vector<CodeUnit> m_code;
  std::vector<Position> m_positions;  // one per code unit (caches repeat their instruction's)
  std::vector<ExceptionTableEntry> m_exception_table;
  std::vector<Ref> m_consts;
  std::vector<Ref> m_names;           // strs: globals, attributes, imports
  std::vector<Ref> m_localsplus_names;  // strs
  std::vector<uint8_t> m_localsplus_kinds;
  uint32_t m_argcount = 0;
  uint32_t m_posonlyargcount = 0;
  uint32_t m_kwonlyargcount = 0;
  uint32_t m_flags = 0;
  uint32_t m_stacksize = 0;
  // The localsplus slots are laid out as: m_nlocals variables (co_varnames:
  // the parameters first, then the other locals; a parameter that is also a
  // cell is kLocalCellArg and stays there), then the cells that are not
  // parameters, then the m_nfreevars free variables (always the last slots).
  // m_ncellvars counts every cell, parameters included (len(co_cellvars)).
  uint32_t m_nlocals = 0;
  uint32_t m_ncellvars = 0;
  uint32_t m_nfreevars = 0;
  int32_t m_firstlineno = 1;
  Ref m_name;      // str
  Ref m_qualname;  // str
  Ref m_filename;  // str
  // Source lines for tracebacks are read from the file, as CPython's
  // linecache does; code compiled from a string (exec, -c, notebook cells)
  // keeps its text here so tracebacks can still show the line.
  std::string m_source;

  uint32_t localsplus_count() const { return uint32_t(m_localsplus_names.size()); }
};

extern Type code_type;

Ref make_code();

inline bool is_code(Value v) { return v.is_object() && v.as_object()->m_type == &code_type; }

// The line of the instruction at `index` (-1 if none).
int code_line_at(const CodeObject* code, uint32_t index);

// Gives `code` and the code objects nested in its constants the source
// text, for tracebacks of code compiled from a string (see m_source).
void code_set_source(Value code, std::string_view source);

}  // namespace coil
