// `dis.dis` for coil's code objects: the same columns as CPython 3.11's
// (line, jump-target marker, offset, opname, argument, what the argument
// means), the same blank line before each new source line, the same
// exception table listing — with offsets in code units rather than bytes.
#include "vm/disassembler.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "vm/code.h"

namespace coil {

namespace {

// The widths of dis's columns (_OPNAME_WIDTH, _OPARG_WIDTH).
constexpr size_t kOpnameWidth = 20;
constexpr size_t kOpargWidth = 5;

const char* const kBinaryOpSymbols[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};
const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

std::string code_title(const CodeObject* code) {
  std::string text = "<code object ";
  text += code->m_name ? str_view(code->m_name) : std::string_view("?");
  text += ", file \"";
  text += code->m_filename ? str_view(code->m_filename) : std::string_view("???");
  text += "\", line ";
  text += std::to_string(code->m_firstlineno);
  text += '>';
  return text;
}

std::string constant_repr(Value value) {
  if (is_code(value)) return code_title(value.as<CodeObject>());
  Ref text = repr(value);
  if (!text) {
    clear_exception();
    return "<?>";
  }
  return std::string(str_view(text));
}

std::string local_name(const CodeObject* code, uint32_t index) {
  if (index < code->m_localsplus_names.size())
    return std::string(str_view(code->m_localsplus_names[index]));
  return "<" + std::to_string(index) + ">";
}

std::string global_name(const CodeObject* code, uint32_t index) {
  if (index < code->m_names.size()) return std::string(str_view(code->m_names[index]));
  return "<" + std::to_string(index) + ">";
}

// What an instruction's argument means, for the last column.
std::string describe_argument(const CodeObject* code, Opcode op, uint32_t arg) {
  switch (op) {
    case LOAD_GLOBAL: {
      std::string name = global_name(code, arg >> 1);
      return (arg & 1) ? "NULL + " + name : name;
    }
    case FORMAT_VALUE: {
      static const char* const kConversions[] = {"", "str", "repr", "ascii"};
      std::string text = kConversions[arg & 3];
      if (arg & 4) text += text.empty() ? "with format" : ", with format";
      return text;
    }
    case MAKE_FUNCTION: {
      static const char* const kFlags[] = {"defaults", "kwdefaults", "annotations", "closure"};
      std::string text;
      for (int i = 0; i < 4; ++i) {
        if (arg & (1u << i)) {
          if (!text.empty()) text += ", ";
          text += kFlags[i];
        }
      }
      return text;
    }
    default:
      break;
  }
  switch (kOpcodeInfo[op].operand) {
    case OperandKind::Const:
      if (arg < code->m_consts.size()) return constant_repr(code->m_consts[arg]);
      return "<" + std::to_string(arg) + ">";
    case OperandKind::Name: return global_name(code, arg);
    case OperandKind::Local: return local_name(code, arg);
    case OperandKind::Jump: return "to " + std::to_string(arg);
    case OperandKind::Compare: return arg < 6 ? kCompareSymbols[arg] : "?";
    case OperandKind::Binary:
      return arg < sizeof kBinaryOpSymbols / sizeof kBinaryOpSymbols[0] ? kBinaryOpSymbols[arg]
                                                                        : "?";
    default: return {};
  }
}

void disassemble_one(const CodeObject* code, bool positions, std::string& out) {
  const auto& units = code->m_code;
  // Lines start where the line changes (ignoring instructions without one).
  int max_line = -1;
  for (const Position& p : code->m_positions) max_line = std::max(max_line, int(p.lineno));
  bool show_lines = max_line >= 0;
  size_t line_width = 0;
  if (show_lines) line_width = max_line >= 1000 ? std::to_string(max_line).size() : 3;
  size_t offset_width = units.size() >= 10000 ? std::to_string(units.size() - 1).size() : 4;

  std::set<uint32_t> labels;
  uint32_t carry = 0;
  for (size_t i = 0; i < units.size();) {
    Opcode op = unit_opcode(units[i]);
    uint32_t arg = unit_arg(units[i]) | carry;
    if (op >= kOpcodeCount) {
      ++i;
      continue;
    }
    if (kOpcodeInfo[op].operand == OperandKind::Jump) labels.insert(arg);
    carry = op == EXTENDED_ARG ? arg << 24 : 0;
    i += 1 + kOpcodeInfo[op].caches;
  }
  for (const ExceptionTableEntry& entry : code->m_exception_table) labels.insert(entry.handler);

  int last_line = -1;
  uint32_t extended = 0;
  for (size_t i = 0; i < units.size();) {
    Opcode op = unit_opcode(units[i]);
    uint32_t arg = unit_arg(units[i]) | extended;
    if (op >= kOpcodeCount) {
      out += "  <invalid opcode " + std::to_string(int(op)) + ">\n";
      ++i;
      continue;
    }
    int line = i < code->m_positions.size() ? code->m_positions[i].lineno : -1;
    bool starts_line = show_lines && line >= 0 && line != last_line;
    if (starts_line && i > 0) out += '\n';
    if (starts_line) last_line = line;

    std::string text;
    if (show_lines) {
      std::string number = starts_line ? std::to_string(line) : "";
      text += std::string(line_width > number.size() ? line_width - number.size() : 0, ' ');
      text += number;
      text += ' ';
    }
    text += "   ";  // the current-instruction marker column
    text += labels.count(uint32_t(i)) ? ">>" : "  ";
    text += ' ';
    std::string offset = std::to_string(i);
    text += std::string(offset_width > offset.size() ? offset_width - offset.size() : 0, ' ');
    text += offset;
    text += ' ';
    std::string name = kOpcodeInfo[generic_opcode(op)].name;
    text += name;
    if (kOpcodeInfo[op].operand != OperandKind::None) {
      text += std::string(kOpnameWidth > name.size() ? kOpnameWidth - name.size() : 0, ' ');
      text += ' ';
      std::string number = std::to_string(arg);
      text += std::string(kOpargWidth > number.size() ? kOpargWidth - number.size() : 0, ' ');
      text += number;
      std::string meaning = op == EXTENDED_ARG ? "" : describe_argument(code, op, arg);
      if (!meaning.empty()) {
        text += " (";
        text += meaning;
        text += ')';
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (positions && i < code->m_positions.size()) {
      const Position& p = code->m_positions[i];
      auto number = [](int32_t v) { return v < 0 ? std::string("?") : std::to_string(v); };
      text += "  @" + number(p.lineno) + ":" + number(p.col) + "-" + number(p.end_lineno) + ":" +
              number(p.end_col);
    }
    out += text;
    out += '\n';
    extended = op == EXTENDED_ARG ? arg << 24 : 0;
    i += 1 + kOpcodeInfo[op].caches;
  }
  if (positions) out += "StackSize: " + std::to_string(code->m_stacksize) + "\n";
  if (!code->m_exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionTableEntry& entry : code->m_exception_table) {
      out += "  " + std::to_string(entry.start) + " to " + std::to_string(entry.end - 1) + " -> " +
             std::to_string(entry.handler) + " [" + std::to_string(entry.depth) + "]";
      if (entry.push_lasti) out += " lasti";
      out += '\n';
    }
  }
}

void disassemble_recursive(const CodeObject* code, bool positions, std::string& out) {
  disassemble_one(code, positions, out);
  for (const Ref& constant : code->m_consts) {
    if (!is_code(constant)) continue;
    out += "\nDisassembly of ";
    out += code_title(constant.as<CodeObject>());
    out += ":\n";
    disassemble_recursive(constant.as<CodeObject>(), positions, out);
  }
}

}  // namespace

std::string disassemble(Value code, bool positions) {
  std::string out;
  if (!is_code(code)) return out;
  disassemble_recursive(code.as<CodeObject>(), positions, out);
  return out;
}

}  // namespace coil
