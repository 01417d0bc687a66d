// The compiler's core: code units (one per code object), the name and
// constant tables, and the statements — CPython 3.11's compile.c, function
// for function (the names of CPython's functions are given where they help
// to compare). Expressions are in vm/compile_expr.cpp, `match` in
// vm/compile_pattern.cpp, and the step from instruction graph to code object
// in vm/compile_assemble.cpp.
//
// Locations. Every instruction records the location of the node being
// compiled when it was emitted (set_loc); "artificial" instructions — the
// cleanup code the compiler invents — have none (unset_loc) and get their
// line from the instruction before them during assembly, as in CPython.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "parser/parser.h"
#include "runtime/abstract.h"
#include "runtime/str.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/tuple.h"
#include "runtime/warnings.h"
#include "vm/compiler_internal.h"

namespace coil {

using namespace ast;

namespace compiler {

// --- Instruction properties ---------------------------------------------------

bool is_jump_op(int op) {
  switch (op) {
    case JUMP:
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE:
    case JUMP_IF_FALSE_OR_POP:
    case JUMP_IF_TRUE_OR_POP:
    case FOR_ITER:
    case SEND:
      return true;
    default:
      return false;
  }
}

bool is_conditional_jump(int op) { return is_jump_op(op) && op != JUMP; }

bool is_scope_exit(int op) { return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE; }

bool is_terminator(int op) { return op == JUMP || is_scope_exit(op); }

int stack_effect(int op, uint32_t oparg, bool jump) {
  switch (op) {
    case kSetupFinally: return jump ? 1 : 0;
    case kSetupCleanup: return jump ? 2 : 0;
    case kSetupWith: return jump ? 1 : 0;
    case kPopBlock:
    case kResume: return 0;
    // Jumps whose target sees a different stack than the fall-through path.
    case FOR_ITER: return jump ? -1 : 1;  // exhausted: the iterator is popped
    case SEND: return jump ? -1 : 0;      // returned: the result replaces the receiver
    case JUMP_IF_FALSE_OR_POP:
    case JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    default: break;
  }
  switch (op) {
#define OP(name, operand, pops, pushes, caches) \
  case name:                                    \
    return int(pushes) - int(pops);
#include "vm/opcodes.def"
#undef OP
    default: return 0;
  }
}

bool Block::falls_through() const {
  if (instrs.empty()) return true;
  return !is_terminator(instrs.back().op);
}

BinaryOp binary_op_of(Operator op, bool inplace) {
  BinaryOp result = BinaryOp::Add;
  switch (op) {
    case Operator::Add: result = BinaryOp::Add; break;
    case Operator::Sub: result = BinaryOp::Subtract; break;
    case Operator::Mult: result = BinaryOp::Multiply; break;
    case Operator::MatMult: result = BinaryOp::MatrixMultiply; break;
    case Operator::Div: result = BinaryOp::TrueDivide; break;
    case Operator::Mod: result = BinaryOp::Remainder; break;
    case Operator::Pow: result = BinaryOp::Power; break;
    case Operator::LShift: result = BinaryOp::LShift; break;
    case Operator::RShift: result = BinaryOp::RShift; break;
    case Operator::BitOr: result = BinaryOp::Or; break;
    case Operator::BitXor: result = BinaryOp::Xor; break;
    case Operator::BitAnd: result = BinaryOp::And; break;
    case Operator::FloorDiv: result = BinaryOp::FloorDivide; break;
  }
  return inplace ? BinaryOp(uint8_t(result) + kInplaceOffset) : result;
}

// --- Setup ------------------------------------------------------------------------

Compiler::Compiler(const SymbolTable& symbols, std::string_view filename, std::string_view source,
                   bool top_level_await, bool interactive, SyntaxErrorInfo& error)
    : m_symbols(symbols),
      m_filename(filename),
      m_source(source),
      m_top_level_await(top_level_await),
      m_interactive(interactive),
      m_error(error) {}

namespace {

// CPython's find_ann: does the body (outside nested functions and classes)
// hold an annotated assignment, so that the module or class needs
// __annotations__?
bool find_annotations(const Seq<StmtNode*>& body) {
  for (StmtNode* stmt : body) {
    switch (stmt->node_kind) {
      case StmtKind::AnnAssign: return true;
      case StmtKind::For: {
        auto* s = static_cast<For*>(stmt);
        if (find_annotations(s->body) || find_annotations(s->orelse)) return true;
        break;
      }
      case StmtKind::AsyncFor: {
        auto* s = static_cast<AsyncFor*>(stmt);
        if (find_annotations(s->body) || find_annotations(s->orelse)) return true;
        break;
      }
      case StmtKind::While: {
        auto* s = static_cast<While*>(stmt);
        if (find_annotations(s->body) || find_annotations(s->orelse)) return true;
        break;
      }
      case StmtKind::If: {
        auto* s = static_cast<If*>(stmt);
        if (find_annotations(s->body) || find_annotations(s->orelse)) return true;
        break;
      }
      case StmtKind::With:
        if (find_annotations(static_cast<With*>(stmt)->body)) return true;
        break;
      case StmtKind::AsyncWith:
        if (find_annotations(static_cast<AsyncWith*>(stmt)->body)) return true;
        break;
      case StmtKind::Try: {
        auto* s = static_cast<Try*>(stmt);
        for (ExceptHandler* handler : s->handlers)
          if (find_annotations(handler->body)) return true;
        if (find_annotations(s->body) || find_annotations(s->finalbody) ||
            find_annotations(s->orelse))
          return true;
        break;
      }
      case StmtKind::TryStar: {
        auto* s = static_cast<TryStar*>(stmt);
        for (ExceptHandler* handler : s->handlers)
          if (find_annotations(handler->body)) return true;
        if (find_annotations(s->body) || find_annotations(s->finalbody) ||
            find_annotations(s->orelse))
          return true;
        break;
      }
      default: break;
    }
  }
  return false;
}

// The docstring of a body: its first statement, if that is a str constant.
const ast::Constant* docstring_of(const Seq<StmtNode*>& body) {
  if (body.empty() || body[0]->node_kind != StmtKind::Expr) return nullptr;
  ExprNode* value = static_cast<Expr*>(body[0])->value;
  if (value->node_kind != ExprKind::Constant) return nullptr;
  auto* constant = static_cast<ast::Constant*>(value);
  return constant->value.kind == ConstantValue::Kind::Str ? constant : nullptr;
}

}  // namespace

Ref Compiler::compile(const Module& module, CompileMode mode) {
  m_future_annotations = m_symbols.future_annotations;
  m_filename_object = make_str(m_filename);
  if (!m_filename_object) return {};
  if (!enter_scope("<module>", ScopeType::Module, &module, 1)) return {};
  bool add_none = true;
  bool ok = true;
  switch (mode) {
    case CompileMode::Exec:
      ok = compile_body(module.body);
      break;
    case CompileMode::Single:
      if (!check_single_input(module)) return {};
      if (find_annotations(module.body)) emit(SETUP_ANNOTATIONS);
      m_interactive = true;
      ok = visit_stmts(module.body);
      break;
    case CompileMode::Eval:
      // The parser reads modules: an expression is a module of one
      // expression statement.
      if (!check_eval_input(module)) return {};
      ok = visit_expr(static_cast<Expr*>(module.body[0])->value);
      add_none = false;
      break;
  }
  if (!ok || m_failed) return {};
  Ref code = assemble(add_none);
  exit_scope();
  if (m_failed) return {};
  return code;
}

// --- Errors ---------------------------------------------------------------------

namespace {

// The byte offset in `source` of column `col` of line `lineno`.
size_t offset_of(std::string_view source, int lineno, int col) {
  size_t start = 0;
  for (int line = 1; line < lineno; ++line) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return source.size();
    start = newline + 1;
  }
  return std::min(source.size(), start + size_t(col < 0 ? 0 : col));
}

bool is_horizontal_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Past spaces and backslash continuations: to the next token or newline.
size_t skip_blanks(std::string_view source, size_t at) {
  while (at < source.size()) {
    if (is_horizontal_space(source[at])) ++at;
    else if (source[at] == '\\' && at + 1 < source.size() && source[at + 1] == '\n') at += 2;
    else if (source[at] == '\\' && source.substr(at + 1, 2) == "\r\n") at += 3;
    else break;
  }
  return at;
}

// The end of the token that starts at `at`: a name or number runs on, any
// other token is taken as one character (enough for an error's extent).
size_t token_end(std::string_view source, size_t at) {
  auto is_name_char = [](char c) {
    return c == '_' || std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
  };
  if (at >= source.size()) return at;
  if (!is_name_char(source[at])) return at + 1;
  while (at < source.size() && is_name_char(source[at])) ++at;
  return at;
}

bool is_compound(const StmtNode* stmt) {
  switch (stmt->node_kind) {
    case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: case StmtKind::ClassDef:
    case StmtKind::For: case StmtKind::AsyncFor: case StmtKind::While: case StmtKind::If:
    case StmtKind::With: case StmtKind::AsyncWith: case StmtKind::Match: case StmtKind::Try:
    case StmtKind::TryStar:
      return true;
    default: return false;
  }
}

}  // namespace

bool Compiler::input_error(std::string message, size_t start, size_t end) {
  if (m_failed) return false;
  m_failed = true;
  m_error = SyntaxErrorInfo{};
  m_error.message = std::move(message);
  // Line and byte column of each end; set_error_location counts characters.
  auto position = [&](size_t at, int& lineno, int& col) {
    lineno = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at && i < m_source.size(); ++i) {
      if (m_source[i] == '\n') {
        ++lineno;
        line_start = i + 1;
      }
    }
    col = int(at - line_start);
  };
  int lineno, col, end_lineno, end_col;
  position(start, lineno, col);
  position(end, end_lineno, end_col);
  set_error_location(m_error, m_source, lineno, col, end_lineno, end_col);
  return false;
}

// CPython's eval_input: expressions NEWLINE* ENDMARKER.
bool Compiler::check_eval_input(const Module& module) {
  if (module.body.empty()) {
    // Nothing but blanks and comments: CPython's parser fails at the end,
    // column 0 of the last line (line 0 for an empty string).
    m_failed = true;
    m_error = SyntaxErrorInfo{};
    m_error.message = "invalid syntax";
    int lines = int(std::count(m_source.begin(), m_source.end(), '\n'));
    if (!m_source.empty() && m_source.back() != '\n') ++lines;
    m_error.lineno = m_error.end_lineno = lines;
    return false;
  }
  const StmtNode* first = module.body[0];
  size_t start = offset_of(m_source, first->loc.lineno, first->loc.col_offset);
  if (first->node_kind != StmtKind::Expr) {
    // An assignment fails at its '=' (or augmented operator), another
    // statement at its first token.
    if (first->node_kind == StmtKind::Assign || first->node_kind == StmtKind::AugAssign ||
        first->node_kind == StmtKind::AnnAssign) {
      const ExprNode* target = first->node_kind == StmtKind::Assign
                                   ? static_cast<const Assign*>(first)->targets[0]
                               : first->node_kind == StmtKind::AugAssign
                                   ? static_cast<const AugAssign*>(first)->target
                                   : static_cast<const AnnAssign*>(first)->target;
      start = skip_blanks(m_source, offset_of(m_source, target->loc.end_lineno, target->loc.end_col_offset));
      // The operator ends with its '=' ("=", "+=", "//=", ":" of x: int = 1).
      size_t end = start;
      while (end < m_source.size() && m_source[end] != '=' && m_source[end] != ':') ++end;
      return input_error("invalid syntax", start, std::min(end + 1, m_source.size()));
    }
    return input_error("invalid syntax", start, token_end(m_source, start));
  }
  const ExprNode* value = static_cast<const Expr*>(first)->value;
  // A bare `yield` or starred expression is a statement, not an expression.
  if ((value->node_kind == ExprKind::Yield || value->node_kind == ExprKind::YieldFrom ||
       value->node_kind == ExprKind::Starred) &&
      offset_of(m_source, value->loc.lineno, value->loc.col_offset) == start) {
    return input_error("invalid syntax", start, token_end(m_source, start));
  }
  size_t after = skip_blanks(m_source, offset_of(m_source, first->loc.end_lineno, first->loc.end_col_offset));
  if (after < m_source.size() && m_source[after] == ';') return input_error("invalid syntax", after, after + 1);
  if (module.body.size > 1) {
    const StmtNode* next = module.body[1];
    size_t at = offset_of(m_source, next->loc.lineno, next->loc.col_offset);
    return input_error("invalid syntax", at, token_end(m_source, at));
  }
  return true;
}

// CPython's single_input: one simple_stmts line or one compound statement;
// more is "multiple statements found", reported at the first line's end.
bool Compiler::check_single_input(const Module& module) {
  if (module.body.empty()) return check_eval_input(module);
  const StmtNode* first = module.body[0];
  if (is_compound(first)) {
    if (module.body.size == 1) return true;
    const StmtNode* next = module.body[1];
    size_t at = offset_of(m_source, next->loc.lineno, next->loc.col_offset);
    return input_error("invalid syntax", at, token_end(m_source, at));
  }
  for (uint32_t i = 1; i < module.body.size; ++i) {
    const StmtNode* previous = module.body[i - 1];
    size_t end = offset_of(m_source, previous->loc.end_lineno, previous->loc.end_col_offset);
    size_t next = offset_of(m_source, module.body[i]->loc.lineno, module.body[i]->loc.col_offset);
    size_t at = skip_blanks(m_source, end);
    if (at < next && m_source[at] == ';' && skip_blanks(m_source, at + 1) == next) continue;
    // The NEWLINE token that ends the first line: it starts after a last
    // ';' and takes in a comment.
    if (at < m_source.size() && m_source[at] == ';') at = skip_blanks(m_source, at + 1);
    size_t newline = m_source.find('\n', at);
    if (newline == std::string_view::npos) newline = m_source.size();
    if (at >= m_source.size() || m_source[at] != '#') at = newline;
    if (at > 0 && newline == at && m_source[at - 1] == '\r') at = newline = at - 1;
    return input_error("multiple statements found while compiling a single statement", at, newline);
  }
  return true;
}

bool Compiler::error(std::string message) {
  Position loc = m_unit ? m_unit->loc : Position{};
  return error_at(std::move(message),
                  Location{loc.lineno, loc.col, loc.end_lineno, loc.end_col});
}

bool Compiler::error_at(std::string message, const Location& loc) {
  if (m_failed) return false;
  m_failed = true;
  m_error = SyntaxErrorInfo{};
  m_error.after_parse = true;
  m_error.message = std::move(message);
  if (loc.lineno > 0) {
    set_error_location(m_error, m_source, loc.lineno, loc.col_offset < 0 ? 0 : loc.col_offset,
                       loc.end_lineno, loc.end_col_offset < 0 ? 0 : loc.end_col_offset);
    if (loc.end_col_offset < 0 || loc.end_lineno < 0) m_error.end_lineno = m_error.end_offset = 0;
  }
  return false;
}

namespace {

// Line `lineno` of `source`, stripped as str.strip() does.
std::string_view source_line(std::string_view source, int lineno) {
  size_t start = 0;
  for (int line = 1; line < lineno; ++line) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  size_t end = source.find('\n', start);
  std::string_view line = source.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                             : end - start);
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  return line;
}

bool print_compile_warning(std::string_view filename, int lineno, std::string_view message,
                           std::string_view line) {
  // Once the program has imported `warnings` its filters decide, as for
  // CPython's compiler_warn: "ignore" shows nothing, "error" makes the
  // warning a SyntaxError. (CPython lets an exception other than the
  // SyntaxWarning itself propagate; here any failure becomes the
  // SyntaxError.)
  switch (warn_explicit_if_imported(&syntax_warning_type, message, filename, lineno)) {
    case ExplicitWarning::Handled: return true;
    case ExplicitWarning::Error: clear_exception(); return false;
    case ExplicitWarning::NoWarningsModule: break;
  }
  std::string text;
  text += filename;
  text += ':';
  text += std::to_string(lineno);
  text += ": SyntaxWarning: ";
  text += message;
  text += '\n';
  if (!line.empty()) {
    text += "  ";
    text += line;
    text += '\n';
  }
  std::fflush(stdout);
  std::fwrite(text.data(), 1, text.size(), stderr);
  return true;
}

CompileWarningHandler g_warning_handler = print_compile_warning;

}  // namespace

bool Compiler::warn(std::string message) {
  int lineno = m_unit ? m_unit->loc.lineno : -1;
  std::string_view line;
  if (!m_filename.empty() && m_filename[0] != '<') line = source_line(m_source, lineno);
  if (g_warning_handler(m_filename, lineno, message, line)) return true;
  return error(std::move(message));
}

// --- Units and scopes --------------------------------------------------------------

namespace {

// The names of a block with the given scope (or, for free variables, also
// those a class body binds and a method uses freely), sorted: CPython's
// dictbytype.
std::vector<std::string> names_by_scope(const SymbolTableEntry& ste, NameScope scope,
                                        uint32_t also_flag) {
  std::vector<std::string> out;
  for (const auto& [name, flags] : ste.symbols) {
    auto symbol_scope = static_cast<NameScope>((flags >> kScopeShift) & kScopeMask);
    if (symbol_scope == scope || (flags & also_flag) != 0) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool Compiler::enter_scope(std::string_view name, ScopeType scope, const void* node, int lineno) {
  auto found = m_symbols.by_node.find(node);
  if (found == m_symbols.by_node.end()) {
    return error("internal compiler error: no symbol table entry for a block");
  }
  auto unit = std::make_unique<Unit>();
  unit->ste = found->second;
  unit->scope = scope;
  unit->name = std::string(name);
  unit->firstlineno = lineno;
  for (const std::string& param : unit->ste->varnames) {
    unit->varname_index.emplace(param, uint32_t(unit->varnames.size()));
    unit->varnames.push_back(param);
  }
  unit->cellvars = names_by_scope(*unit->ste, NameScope::Cell, 0);
  if (unit->ste->needs_class_closure) unit->cellvars.push_back("__class__");
  for (uint32_t i = 0; i < unit->cellvars.size(); ++i) unit->cellvar_index[unit->cellvars[i]] = i;
  unit->freevars = names_by_scope(*unit->ste, NameScope::Free, kDefFreeClass);
  for (uint32_t i = 0; i < unit->freevars.size(); ++i) unit->freevar_index[unit->freevars[i]] = i;
  if (m_unit) {
    unit->private_name = m_unit->private_name;
    m_stack.push_back(std::move(m_unit));
  }
  m_unit = std::move(unit);
  ++m_nest_level;

  // The qualified name (CPython's compiler_set_qualname): a function or
  // class declared global in its parent is named as if at module level;
  // inside a function, names continue "f.<locals>.".
  Unit& u = *m_unit;
  if (scope == ScopeType::Module) {
    u.qualname = u.name;
  } else {
    std::string base;
    bool has_base = false;
    if (m_stack.size() > 1) {
      const Unit& parent = *m_stack.back();
      bool force_global = false;
      if (scope == ScopeType::Function || scope == ScopeType::AsyncFunction ||
          scope == ScopeType::Class) {
        std::string mangled_name = mangle(parent.private_name, u.name);
        if (parent.ste->scope_of(mangled_name) == NameScope::GlobalExplicit) force_global = true;
      }
      if (!force_global) {
        has_base = true;
        base = parent.qualname;
        if (parent.scope == ScopeType::Function || parent.scope == ScopeType::AsyncFunction ||
            parent.scope == ScopeType::Lambda)
          base += ".<locals>";
      }
    }
    u.qualname = has_base ? base + "." + u.name : u.name;
  }

  Block* entry = new_block();
  u.entry = entry;
  u.current = entry;
  // Until a statement sets one, the location is the block's first line.
  u.loc = Position{lineno, lineno, 0, 0};
  if (scope == ScopeType::Module) u.loc = Position{};
  return true;
}

void Compiler::exit_scope() {
  --m_nest_level;
  if (m_stack.empty()) {
    m_unit.reset();
    return;
  }
  m_unit = std::move(m_stack.back());
  m_stack.pop_back();
}

Block* Compiler::new_block() {
  auto block = std::make_unique<Block>();
  block->id = int(m_unit->blocks.size());
  Block* raw = block.get();
  m_unit->blocks.push_back(std::move(block));
  return raw;
}

void Compiler::use_block(Block* block) {
  m_unit->current->next = block;
  m_unit->current = block;
}

void Compiler::set_loc(const Location& loc) {
  m_unit->loc = Position{loc.lineno, loc.end_lineno, loc.col_offset, loc.end_col_offset};
}

// Every jump and every scope exit ends its basic block: what follows goes
// in a new one (CPython's compiler_use_new_implicit_block_if_needed).
static void start_block_if_needed(Compiler& c) {
  Block* block = c.unit().current;
  if (!block->instrs.empty()) {
    int op = block->instrs.back().op;
    if (is_jump_op(op) || is_scope_exit(op)) c.use_block(c.new_block());
  }
}

void Compiler::emit(int op, uint32_t arg) {
  start_block_if_needed(*this);
  Instr instr;
  instr.op = op;
  instr.arg = arg;
  instr.loc = m_unit->loc;
  m_unit->current->instrs.push_back(instr);
}

void Compiler::emit_noline(int op, uint32_t arg) {
  start_block_if_needed(*this);
  Instr instr;
  instr.op = op;
  instr.arg = arg;
  m_unit->current->instrs.push_back(instr);
}

void Compiler::emit_jump(int op, Block* target) {
  start_block_if_needed(*this);
  Instr instr;
  instr.op = op;
  instr.target = target;
  instr.loc = m_unit->loc;
  m_unit->current->instrs.push_back(instr);
}

void Compiler::emit_jump_noline(int op, Block* target) {
  start_block_if_needed(*this);
  Instr instr;
  instr.op = op;
  instr.target = target;
  m_unit->current->instrs.push_back(instr);
}

// --- Constants and names --------------------------------------------------------------

uint32_t Compiler::add_const(Value value) {
  std::string key = constant_key(value);
  Unit& u = *m_unit;
  auto found = u.const_index.find(key);
  if (found != u.const_index.end()) return found->second;
  // One object per distinct constant across the whole compilation.
  Ref object;
  auto cached = m_const_cache.find(key);
  if (cached != m_const_cache.end()) {
    object = cached->second;
  } else {
    object = ref(value);
    m_const_cache.emplace(key, object);
  }
  uint32_t index = uint32_t(u.consts.size());
  u.const_index.emplace(key, index);
  u.consts.push_back(ConstEntry{std::move(object), std::move(key)});
  return index;
}

void Compiler::emit_const(Value value) { emit(LOAD_CONST, add_const(value)); }

void Compiler::emit_none() { emit_const(none()); }

uint32_t Compiler::add_name(std::string_view name) {
  Unit& u = *m_unit;
  std::string key(name);
  auto found = u.name_index.find(key);
  if (found != u.name_index.end()) return found->second;
  uint32_t index = uint32_t(u.names.size());
  u.name_index.emplace(key, index);
  u.names.push_back(std::move(key));
  return index;
}

std::string Compiler::mangled(std::string_view name) const {
  return mangle(m_unit->private_name, name);
}

void Compiler::emit_name(int op, std::string_view name) { emit(op, add_name(mangled(name))); }

void Compiler::emit_name_unmangled(int op, std::string_view name) { emit(op, add_name(name)); }

NameScope Compiler::scope_of(const std::string& mangled_name) const {
  return m_unit->ste->scope_of(mangled_name);
}

bool Compiler::forbidden_name(std::string_view name, ExprContext ctx) {
  if (name != "__debug__") return false;
  if (ctx == ExprContext::Store) {
    error("cannot assign to __debug__");
    return true;
  }
  if (ctx == ExprContext::Del) {
    error("cannot delete __debug__");
    return true;
  }
  return false;
}

// CPython's compiler_nameop: the instruction for a name follows from its
// scope in the symbol table and the kind of block.
bool Compiler::name_op(std::string_view name, ExprContext ctx) {
  if (forbidden_name(name, ctx)) return false;
  Unit& u = *m_unit;
  std::string mangled_name = mangled(name);
  enum { Fast, Global, Deref, ByName } type = ByName;
  NameScope scope = u.ste->scope_of(mangled_name);
  bool in_function = u.ste->type == BlockType::Function;
  uint32_t deref_index = 0;
  switch (scope) {
    case NameScope::Free: {
      type = Deref;
      auto found = u.freevar_index.find(mangled_name);
      if (found == u.freevar_index.end()) return error("internal compiler error: free variable");
      deref_index = uint32_t(u.cellvars.size()) + found->second;
      break;
    }
    case NameScope::Cell: {
      type = Deref;
      auto found = u.cellvar_index.find(mangled_name);
      if (found == u.cellvar_index.end()) return error("internal compiler error: cell variable");
      deref_index = found->second;
      break;
    }
    case NameScope::Local:
      if (in_function) type = Fast;
      break;
    case NameScope::GlobalImplicit:
      if (in_function) type = Global;
      break;
    case NameScope::GlobalExplicit:
      type = Global;
      break;
    default:
      break;
  }
  switch (type) {
    case Deref: {
      int op = ctx == ExprContext::Load
                   ? (u.ste->type == BlockType::Class ? LOAD_CLASSDEREF : LOAD_DEREF)
                   : ctx == ExprContext::Store ? STORE_DEREF : DELETE_DEREF;
      emit(op, deref_index);
      return true;
    }
    case Fast: {
      int op = ctx == ExprContext::Load ? LOAD_FAST
               : ctx == ExprContext::Store ? STORE_FAST : DELETE_FAST;
      uint32_t index;
      auto found = u.varname_index.find(mangled_name);
      if (found != u.varname_index.end()) {
        index = found->second;
      } else {
        index = uint32_t(u.varnames.size());
        u.varname_index.emplace(mangled_name, index);
        u.varnames.push_back(mangled_name);
      }
      emit(op, index);
      return true;
    }
    case Global: {
      uint32_t index = add_name(mangled_name);
      if (ctx == ExprContext::Load) emit(LOAD_GLOBAL, index << 1);
      else emit(ctx == ExprContext::Store ? STORE_GLOBAL : DELETE_GLOBAL, index);
      return true;
    }
    case ByName: {
      uint32_t index = add_name(mangled_name);
      emit(ctx == ExprContext::Load ? LOAD_NAME : ctx == ExprContext::Store ? STORE_NAME
                                                                             : DELETE_NAME,
           index);
      return true;
    }
  }
  return true;
}

// --- Frame blocks: what break, continue and return must undo ---------------------------

bool Compiler::push_frame_block(FrameBlock block) {
  if (m_unit->frame_blocks.size() >= kMaxFrameBlocks)
    return error("too many statically nested blocks");
  m_unit->frame_blocks.push_back(block);
  return true;
}

void Compiler::pop_frame_block() { m_unit->frame_blocks.pop_back(); }

void Compiler::call_exit_with_nones() {
  emit_none();
  emit_none();
  emit_none();
  emit(CALL, 2);
}

void Compiler::pop_except_and_reraise() {
  // [exc_info, lasti, exc]            COPY 3
  // [exc_info, lasti, exc, exc_info]  POP_EXCEPT
  // [exc_info, lasti, exc]            RERAISE 1
  emit(COPY, 3);
  emit(POP_EXCEPT);
  emit(RERAISE, 1);
}

// CPython's compiler_unwind_fblock: the code that leaving `block` early
// runs. With `preserve_tos`, the value on top of the stack (a return value)
// is kept above whatever is popped.
bool Compiler::unwind_frame_block(const FrameBlock& block, bool preserve_tos) {
  switch (block.type) {
    case FrameBlockType::WhileLoop:
    case FrameBlockType::ExceptionHandler:
    case FrameBlockType::ExceptionGroupHandler:
    case FrameBlockType::AsyncComprehensionGenerator:
      return true;
    case FrameBlockType::ForLoop:
      // Pop the iterator.
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_TOP);
      return true;
    case FrameBlockType::TryExcept:
      emit(kPopBlock);
      return true;
    case FrameBlockType::FinallyTry: {
      // This POP_BLOCK gets the line number of the unwinding statement.
      emit(kPopBlock);
      if (preserve_tos && !push_frame_block(FrameBlock{FrameBlockType::PopValue})) return false;
      if (!visit_stmts(*block.final_body)) return false;
      if (preserve_tos) pop_frame_block();
      // The finally body should appear to run after the statement that
      // leaves, so what follows is artificial.
      unset_loc();
      return true;
    }
    case FrameBlockType::FinallyEnd:
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_TOP);  // exc_value
      if (preserve_tos) emit(SWAP, 2);
      emit(kPopBlock);
      emit(POP_EXCEPT);
      return true;
    case FrameBlockType::With:
    case FrameBlockType::AsyncWith:
      set_loc(block.statement);
      emit(kPopBlock);
      if (preserve_tos) emit(SWAP, 2);
      call_exit_with_nones();
      if (block.type == FrameBlockType::AsyncWith) {
        emit(GET_AWAITABLE, 2);
        emit_none();
        emit_yield_from();
      }
      emit(POP_TOP);
      unset_loc();
      return true;
    case FrameBlockType::HandlerCleanup:
      if (block.has_name) emit(kPopBlock);
      if (preserve_tos) emit(SWAP, 2);
      emit(kPopBlock);
      emit(POP_EXCEPT);
      if (block.has_name) {
        emit_none();
        if (!name_op(block.name, ExprContext::Store)) return false;
        if (!name_op(block.name, ExprContext::Del)) return false;
      }
      return true;
    case FrameBlockType::PopValue:
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_TOP);
      return true;
  }
  return true;
}

// Unwinds the frame blocks from the innermost out; with `loop`, stops at
// the first loop and stores it there.
bool Compiler::unwind_frame_block_stack(bool preserve_tos, FrameBlock* loop, bool& found_loop) {
  std::vector<FrameBlock>& blocks = m_unit->frame_blocks;
  if (blocks.empty()) return true;
  FrameBlock top = blocks.back();
  if (top.type == FrameBlockType::ExceptionGroupHandler)
    return error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop != nullptr &&
      (top.type == FrameBlockType::WhileLoop || top.type == FrameBlockType::ForLoop)) {
    *loop = top;
    found_loop = true;
    return true;
  }
  blocks.pop_back();
  bool ok = unwind_frame_block(top, preserve_tos) &&
            unwind_frame_block_stack(preserve_tos, loop, found_loop);
  m_unit->frame_blocks.push_back(top);
  return ok;
}

// --- Statements ----------------------------------------------------------------------

bool Compiler::visit_stmts(const Seq<StmtNode*>& body) {
  for (StmtNode* stmt : body)
    if (!visit_stmt(stmt)) return false;
  return true;
}

// CPython's compiler_body: a module's or class's statements, with the
// docstring stored as __doc__ and __annotations__ set up if needed.
bool Compiler::compile_body(const Seq<StmtNode*>& body) {
  // SETUP_ANNOTATIONS gets the line of the module's first statement.
  if (m_unit->scope == ScopeType::Module && !body.empty()) set_loc(body[0]);
  if (find_annotations(body)) emit(SETUP_ANNOTATIONS);
  if (body.empty()) return true;
  uint32_t i = 0;
  if (const ast::Constant* doc = docstring_of(body)) {
    i = 1;
    set_loc(body[0]);
    if (!visit_expr(const_cast<ast::Constant*>(doc))) return false;
    unset_loc();
    if (!name_op("__doc__", ExprContext::Store)) return false;
  }
  for (; i < body.size; ++i)
    if (!visit_stmt(body[i])) return false;
  return true;
}

bool Compiler::visit_stmt(StmtNode* stmt) {
  if (m_failed) return false;
  set_loc(stmt);
  switch (stmt->node_kind) {
    case StmtKind::FunctionDef: return compile_function(stmt, false);
    case StmtKind::AsyncFunctionDef: return compile_function(stmt, true);
    case StmtKind::ClassDef: return compile_class(static_cast<ClassDef*>(stmt));
    case StmtKind::Return: return compile_return(static_cast<Return*>(stmt));
    case StmtKind::Delete: return compile_delete(static_cast<Delete*>(stmt));
    case StmtKind::Assign: {
      auto* s = static_cast<Assign*>(stmt);
      if (!visit_expr(s->value)) return false;
      for (uint32_t i = 0; i < s->targets.size; ++i) {
        if (i + 1 < s->targets.size) emit(COPY, 1);
        if (!visit_expr(s->targets[i])) return false;
      }
      return true;
    }
    case StmtKind::AugAssign: return compile_augassign(static_cast<AugAssign*>(stmt));
    case StmtKind::AnnAssign: return compile_annassign(static_cast<AnnAssign*>(stmt));
    case StmtKind::For: return compile_for(static_cast<For*>(stmt));
    case StmtKind::AsyncFor: return compile_async_for(static_cast<AsyncFor*>(stmt));
    case StmtKind::While: return compile_while(static_cast<While*>(stmt));
    case StmtKind::If: return compile_if(static_cast<If*>(stmt));
    case StmtKind::With: return compile_with(static_cast<With*>(stmt), 0);
    case StmtKind::AsyncWith: return compile_async_with(static_cast<AsyncWith*>(stmt), 0);
    case StmtKind::Match: return compile_match(static_cast<Match*>(stmt));
    case StmtKind::Raise: {
      auto* s = static_cast<Raise*>(stmt);
      uint32_t n = 0;
      if (s->exc != nullptr) {
        if (!visit_expr(s->exc)) return false;
        ++n;
        if (s->cause != nullptr) {
          if (!visit_expr(s->cause)) return false;
          ++n;
        }
      }
      emit(RAISE_VARARGS, n);
      return true;
    }
    case StmtKind::Try: return compile_try(static_cast<Try*>(stmt));
    case StmtKind::TryStar: return compile_try_star(static_cast<TryStar*>(stmt));
    case StmtKind::Assert: return compile_assert(static_cast<Assert*>(stmt));
    case StmtKind::Import: return compile_import(static_cast<Import*>(stmt));
    case StmtKind::ImportFrom: return compile_import_from(static_cast<ImportFrom*>(stmt));
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      return true;
    case StmtKind::Expr: return compile_expr_stmt(static_cast<Expr*>(stmt)->value);
    case StmtKind::Pass:
      emit(NOP);
      return true;
    case StmtKind::Break: return compile_break();
    case StmtKind::Continue: return compile_continue();
  }
  return true;
}

bool Compiler::compile_expr_stmt(ExprNode* value) {
  if (m_interactive && m_nest_level <= 1) {
    if (!visit_expr(value)) return false;
    emit(PRINT_EXPR);
    return true;
  }
  if (is_constant(value)) {
    // A constant statement (a docstring-like string, `...`) does nothing.
    emit(NOP);
    return true;
  }
  if (!visit_expr(value)) return false;
  // The POP_TOP is artificial.
  unset_loc();
  emit(POP_TOP);
  return true;
}

bool Compiler::compile_delete(Delete* s) { return visit_exprs(s->targets); }

// --- Functions and classes ---------------------------------------------------------------

bool Compiler::check_debug_args(Arguments* args) {
  for (const Seq<Arg*>* params : {&args->posonlyargs, &args->args, &args->kwonlyargs})
    for (Arg* arg : *params)
      if (forbidden_name(arg->arg, ExprContext::Store)) return false;
  if (args->vararg != nullptr && forbidden_name(args->vararg->arg, ExprContext::Store))
    return false;
  if (args->kwarg != nullptr && forbidden_name(args->kwarg->arg, ExprContext::Store))
    return false;
  return true;
}

int Compiler::compile_default_arguments(Arguments* args) {
  int flags = 0;
  if (!args->defaults.empty()) {
    if (!visit_exprs(args->defaults)) return -1;
    emit(BUILD_TUPLE, args->defaults.size);
    flags |= 0x01;
  }
  // Keyword-only defaults: a dict of the ones given, by (mangled) name.
  std::vector<Value> keys;
  std::vector<Ref> key_refs;
  for (uint32_t i = 0; i < args->kwonlyargs.size; ++i) {
    ExprNode* default_value = i < args->kw_defaults.size ? args->kw_defaults[i] : nullptr;
    if (default_value == nullptr) continue;
    Ref key = intern(mangled(args->kwonlyargs[i]->arg));
    if (!key) return -1;
    key_refs.push_back(key);
    keys.push_back(key.get());
    if (!visit_expr(default_value)) return -1;
  }
  if (!keys.empty()) {
    Ref tuple = make_tuple(keys.data(), keys.size());
    if (!tuple) return -1;
    emit_const(tuple);
    emit(BUILD_CONST_KEY_MAP, uint32_t(keys.size()));
    flags |= 0x02;
  }
  return flags;
}

bool Compiler::compile_annotation_value(ExprNode* annotation) {
  if (m_future_annotations) {
    // `from __future__ import annotations`: the annotation's source text,
    // as ast.unparse writes it.
    Ref text = make_str(unparse_expression(annotation));
    if (!text) return false;
    emit_const(text);
    return true;
  }
  if (annotation->node_kind == ExprKind::Starred) {
    // `*args: *Ts`: [annotation] = [*Ts].
    if (!visit_expr(static_cast<Starred*>(annotation)->value)) return false;
    emit(UNPACK_SEQUENCE, 1);
    return true;
  }
  return visit_expr(annotation);
}

// CPython's compiler_visit_annotations: a flat tuple (name, value, name,
// value…) for MAKE_FUNCTION's flag 4, in CPython's order — note that the
// ordinary parameters come before the positional-only ones.
int Compiler::compile_annotations(Arguments* args, ExprNode* returns) {
  uint32_t count = 0;
  auto one = [&](std::string_view name, ExprNode* annotation) -> bool {
    if (annotation == nullptr) return true;
    Ref key = intern(mangled(name));
    if (!key) return false;
    emit_const(key);
    if (!compile_annotation_value(annotation)) return false;
    count += 2;
    return true;
  };
  for (Arg* arg : args->args)
    if (!one(arg->arg, arg->annotation)) return -1;
  for (Arg* arg : args->posonlyargs)
    if (!one(arg->arg, arg->annotation)) return -1;
  if (args->vararg != nullptr && !one(args->vararg->arg, args->vararg->annotation)) return -1;
  for (Arg* arg : args->kwonlyargs)
    if (!one(arg->arg, arg->annotation)) return -1;
  if (args->kwarg != nullptr && !one(args->kwarg->arg, args->kwarg->annotation)) return -1;
  if (!one("return", returns)) return -1;
  if (count == 0) return 0;
  emit(BUILD_TUPLE, count);
  return 1;
}

bool Compiler::compile_decorators(const Seq<ExprNode*>& decorators) {
  return visit_exprs(decorators);
}

// Each decorator, innermost first, is called with the function: CALL 0
// with the decorator in the "method" slot and the function as its "self".
void Compiler::apply_decorators(const Seq<ExprNode*>& decorators) {
  Position saved = m_unit->loc;
  for (uint32_t i = decorators.size; i-- > 0;) {
    set_loc(decorators[i]);
    emit(CALL, 0);
  }
  m_unit->loc = saved;
}

bool Compiler::make_closure(Ref code, uint32_t flags) {
  auto* co = code.as<CodeObject>();
  if (co->m_nfreevars > 0) {
    uint32_t total = co->localsplus_count();
    for (uint32_t i = total - co->m_nfreevars; i < total; ++i) {
      std::string name(str_view(co->m_localsplus_names[i]));
      // A class body's __class__ is its own cell; other names are cells
      // or free variables of this block.
      bool is_cell = (m_unit->scope == ScopeType::Class && name == "__class__") ||
                     scope_of(name) == NameScope::Cell;
      uint32_t arg;
      if (is_cell) {
        auto found = m_unit->cellvar_index.find(name);
        if (found == m_unit->cellvar_index.end())
          return error("internal compiler error: closure cell " + name);
        arg = found->second;
      } else {
        auto found = m_unit->freevar_index.find(name);
        if (found == m_unit->freevar_index.end())
          return error("internal compiler error: closure variable " + name);
        arg = uint32_t(m_unit->cellvars.size()) + found->second;
      }
      emit(LOAD_CLOSURE, arg);
    }
    flags |= 0x08;
    emit(BUILD_TUPLE, co->m_nfreevars);
  }
  emit_const(code);
  emit(MAKE_FUNCTION, flags);
  return true;
}

bool Compiler::compile_function(StmtNode* stmt, bool is_async) {
  Identifier name;
  Arguments* args;
  const Seq<StmtNode*>* body;
  const Seq<ExprNode*>* decorators;
  ExprNode* returns;
  if (is_async) {
    auto* s = static_cast<AsyncFunctionDef*>(stmt);
    name = s->name, args = s->args, body = &s->body, decorators = &s->decorator_list;
    returns = s->returns;
  } else {
    auto* s = static_cast<FunctionDef*>(stmt);
    name = s->name, args = s->args, body = &s->body, decorators = &s->decorator_list;
    returns = s->returns;
  }
  if (!check_debug_args(args)) return false;
  if (!compile_decorators(*decorators)) return false;
  int firstlineno = stmt->loc.lineno;
  if (!decorators->empty()) firstlineno = (*decorators)[0]->loc.lineno;

  int flags = compile_default_arguments(args);
  if (flags < 0) return false;
  int annotations = compile_annotations(args, returns);
  if (annotations < 0) return false;
  if (annotations > 0) flags |= 0x04;

  if (!enter_scope(name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, stmt,
                   firstlineno))
    return false;
  // The first constant of a function is its docstring, or None.
  const ast::Constant* doc = docstring_of(*body);
  if (doc != nullptr) {
    Ref text = make_constant(doc->value);
    if (!text) return false;
    add_const(text);
  } else {
    add_const(none());
  }
  m_unit->argcount = args->args.size;
  m_unit->posonlyargcount = args->posonlyargs.size;
  m_unit->kwonlyargcount = args->kwonlyargs.size;
  for (uint32_t i = doc != nullptr ? 1 : 0; i < body->size; ++i)
    if (!visit_stmt((*body)[i])) return false;
  Ref code = assemble(true);
  exit_scope();
  if (!code) return false;

  if (!make_closure(code, uint32_t(flags))) return false;
  apply_decorators(*decorators);
  return name_op(name, ExprContext::Store);
}

bool Compiler::compile_class(ClassDef* s) {
  if (!compile_decorators(s->decorator_list)) return false;
  int firstlineno = s->loc.lineno;
  if (!s->decorator_list.empty()) firstlineno = s->decorator_list[0]->loc.lineno;

  // 1. The class body becomes a function that fills the namespace.
  if (!enter_scope(s->name, ScopeType::Class, s, firstlineno)) return false;
  m_unit->private_name = std::string(s->name);
  if (!name_op("__name__", ExprContext::Load)) return false;
  if (!name_op("__module__", ExprContext::Store)) return false;
  Ref qualname = make_str(m_unit->qualname);
  if (!qualname) return false;
  emit_const(qualname);
  if (!name_op("__qualname__", ExprContext::Store)) return false;
  if (!compile_body(s->body)) return false;
  // What follows is artificial: return the __class__ cell (stored as
  // __classcell__ for type.__new__ to fill) if a method uses it, else None.
  unset_loc();
  if (m_unit->ste->needs_class_closure) {
    auto found = m_unit->cellvar_index.find("__class__");
    if (found == m_unit->cellvar_index.end())
      return error("internal compiler error: no __class__ cell");
    emit(LOAD_CLOSURE, found->second);
    emit(COPY, 1);
    if (!name_op("__classcell__", ExprContext::Store)) return false;
  } else {
    emit_none();
  }
  emit(RETURN_VALUE);
  Ref code = assemble(true);
  exit_scope();
  if (!code) return false;

  // 2. __build_class__(function, name, *bases, **keywords)
  emit(PUSH_NULL);
  emit(LOAD_BUILD_CLASS);
  if (!make_closure(code, 0)) return false;
  Ref class_name = make_str(s->name);
  if (!class_name) return false;
  emit_const(class_name);
  if (!compile_call_helper(2, s->bases, s->keywords)) return false;
  apply_decorators(s->decorator_list);
  return name_op(s->name, ExprContext::Store);
}

// --- Control flow ------------------------------------------------------------------------

bool Compiler::compile_return(Return* s) {
  bool preserve_tos = s->value != nullptr && !is_constant(s->value);
  if (m_unit->ste->type != BlockType::Function) return error("'return' outside function");
  if (s->value != nullptr && m_unit->ste->coroutine && m_unit->ste->generator)
    return error("'return' with value in async generator");
  if (preserve_tos) {
    if (!visit_expr(s->value)) return false;
  } else if (s->value != nullptr) {
    // An instruction with the value's line.
    set_loc(s->value);
    emit(NOP);
  }
  if (s->value == nullptr || s->value->loc.lineno != s->loc.lineno) {
    set_loc(s);
    emit(NOP);
  }
  bool found = false;
  if (!unwind_frame_block_stack(preserve_tos, nullptr, found)) return false;
  if (s->value == nullptr) {
    emit_none();
  } else if (!preserve_tos) {
    Ref value = fold(s->value);
    emit_const(value);
  }
  emit(RETURN_VALUE);
  return true;
}

bool Compiler::compile_break() {
  Position saved = m_unit->loc;
  emit(NOP);  // an instruction with the statement's line
  FrameBlock loop{};
  bool found = false;
  if (!unwind_frame_block_stack(false, &loop, found)) return false;
  if (!found) {
    m_unit->loc = saved;
    return error("'break' outside loop");
  }
  if (!unwind_frame_block(loop, false)) return false;
  emit_jump(JUMP, loop.exit);
  return true;
}

bool Compiler::compile_continue() {
  Position saved = m_unit->loc;
  emit(NOP);
  FrameBlock loop{};
  bool found = false;
  if (!unwind_frame_block_stack(false, &loop, found)) return false;
  if (!found) {
    m_unit->loc = saved;
    return error("'continue' not properly in loop");
  }
  emit_jump(JUMP, loop.block);
  return true;
}

bool Compiler::compile_if(If* s) {
  Block* end = new_block();
  Block* next = s->orelse.empty() ? end : new_block();
  if (!compile_jump_if(s->test, next, false)) return false;
  if (!visit_stmts(s->body)) return false;
  if (!s->orelse.empty()) {
    emit_jump_noline(JUMP, end);
    use_block(next);
    if (!visit_stmts(s->orelse)) return false;
  }
  use_block(end);
  return true;
}

bool Compiler::compile_for(For* s) {
  Block* start = new_block();
  Block* body = new_block();
  Block* cleanup = new_block();
  Block* end = new_block();
  if (!push_frame_block(FrameBlock{FrameBlockType::ForLoop, start, end})) return false;
  mark_iterable(s->iter);
  if (!visit_expr(s->iter)) return false;
  emit(GET_ITER);
  use_block(start);
  emit_jump(FOR_ITER, cleanup);
  use_block(body);
  if (!visit_expr(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  // The jump back is artificial.
  unset_loc();
  emit_jump(JUMP, start);
  use_block(cleanup);
  pop_frame_block();
  if (!visit_stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::compile_async_for(AsyncFor* s) {
  bool top_level = m_top_level_await && m_unit->ste->type == BlockType::Module;
  if (top_level) {
    m_unit->top_level_coroutine = true;
  } else if (m_unit->scope != ScopeType::AsyncFunction) {
    return error("'async for' outside async function");
  }
  Block* start = new_block();
  Block* except = new_block();
  Block* end = new_block();
  if (!visit_expr(s->iter)) return false;
  emit(GET_AITER);
  use_block(start);
  if (!push_frame_block(FrameBlock{FrameBlockType::ForLoop, start, end})) return false;
  // SETUP_FINALLY guards the __anext__ call.
  emit_jump(kSetupFinally, except);
  emit(GET_ANEXT);
  emit_none();
  emit_yield_from();
  emit(kPopBlock);
  // Success: the body.
  if (!visit_expr(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  unset_loc();
  emit_jump(JUMP, start);
  pop_frame_block();
  // StopAsyncIteration ends the loop; it gets the iterable's line, as the
  // END_ASYNC_FOR follows the `for`, not the body.
  use_block(except);
  set_loc(s->iter);
  emit(END_ASYNC_FOR);
  if (!visit_stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

bool Compiler::compile_while(While* s) {
  Block* loop = new_block();
  Block* body = new_block();
  Block* anchor = new_block();
  Block* end = new_block();
  use_block(loop);
  if (!push_frame_block(FrameBlock{FrameBlockType::WhileLoop, loop, end})) return false;
  if (!compile_jump_if(s->test, anchor, false)) return false;
  use_block(body);
  if (!visit_stmts(s->body)) return false;
  set_loc(s);
  if (!compile_jump_if(s->test, body, true)) return false;
  pop_frame_block();
  use_block(anchor);
  if (!visit_stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

// --- try ---------------------------------------------------------------------------------

bool Compiler::compile_try(Try* s) {
  if (!s->finalbody.empty()) return compile_try_finally(s);
  return compile_try_except(s);
}

// try: body finally: final
//
//        SETUP_FINALLY end
//        <body>
//        POP_BLOCK
//        <final>
//        JUMP exit
//   end: SETUP_CLEANUP cleanup      (exception path: the finally body, then re-raise)
//        PUSH_EXC_INFO
//        <final>
//        RERAISE 0
//   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//   exit:
bool Compiler::compile_try_finally(Try* s) {
  Block* body = new_block();
  Block* end = new_block();
  Block* exit = new_block();
  Block* cleanup = new_block();
  emit_jump(kSetupFinally, end);
  use_block(body);
  FrameBlock finally_try{FrameBlockType::FinallyTry, body, end};
  finally_try.final_body = &s->finalbody;
  if (!push_frame_block(finally_try)) return false;
  if (!s->handlers.empty()) {
    if (!compile_try_except(s)) return false;
  } else {
    if (!visit_stmts(s->body)) return false;
  }
  emit_noline(kPopBlock);
  pop_frame_block();
  if (!visit_stmts(s->finalbody)) return false;
  emit_jump_noline(JUMP, exit);
  // The exception path.
  use_block(end);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(PUSH_EXC_INFO);
  if (!push_frame_block(FrameBlock{FrameBlockType::FinallyEnd, end})) return false;
  if (!visit_stmts(s->finalbody)) return false;
  pop_frame_block();
  emit(RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  return true;
}

// try: body except T as name: handler … else: orelse
//
//        SETUP_FINALLY except
//        <body>
//        POP_BLOCK
//        <orelse>
//        JUMP end
//   except: SETUP_CLEANUP cleanup
//        PUSH_EXC_INFO
//        <T>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next-handler
//        STORE name
//        SETUP_CLEANUP cleanup_end     (so that `name` is deleted however the handler ends)
//        <handler>
//        POP_BLOCK; POP_BLOCK; POP_EXCEPT
//        name = None; del name
//        JUMP end
//   cleanup_end: name = None; del name; RERAISE 1
//   next-handler: …
//        RERAISE 0                     (no handler matched)
//   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//   end:
bool Compiler::compile_try_except(Try* s) {
  Block* body = new_block();
  Block* except = new_block();
  Block* end = new_block();
  Block* cleanup = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body);
  if (!push_frame_block(FrameBlock{FrameBlockType::TryExcept, body})) return false;
  if (!visit_stmts(s->body)) return false;
  pop_frame_block();
  emit_noline(kPopBlock);
  if (!visit_stmts(s->orelse)) return false;
  emit_jump_noline(JUMP, end);
  uint32_t n = s->handlers.size;
  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(PUSH_EXC_INFO);
  // The runtime pushes the handled exception here.
  if (!push_frame_block(FrameBlock{FrameBlockType::ExceptionHandler})) return false;
  for (uint32_t i = 0; i < n; ++i) {
    ExceptHandler* handler = s->handlers[i];
    set_loc(handler->loc);
    if (handler->type == nullptr && i + 1 < n) return error("default 'except:' must be last");
    Block* next = new_block();
    if (handler->type != nullptr) {
      if (!visit_expr(handler->type)) return false;
      emit(CHECK_EXC_MATCH);
      emit_jump(POP_JUMP_IF_FALSE, next);
    }
    if (!handler->name.empty()) {
      Block* cleanup_end = new_block();
      Block* cleanup_body = new_block();
      if (!name_op(handler->name, ExprContext::Store)) return false;
      emit_jump(kSetupCleanup, cleanup_end);
      use_block(cleanup_body);
      FrameBlock frame{FrameBlockType::HandlerCleanup, cleanup_body};
      frame.name = handler->name;
      frame.has_name = true;
      if (!push_frame_block(frame)) return false;
      if (!visit_stmts(handler->body)) return false;
      pop_frame_block();
      // name = None; del name (artificial)
      unset_loc();
      emit(kPopBlock);
      emit(kPopBlock);
      emit(POP_EXCEPT);
      emit_none();
      if (!name_op(handler->name, ExprContext::Store)) return false;
      if (!name_op(handler->name, ExprContext::Del)) return false;
      emit_jump(JUMP, end);
      // The handler raised: delete the name and re-raise.
      use_block(cleanup_end);
      unset_loc();
      emit_none();
      if (!name_op(handler->name, ExprContext::Store)) return false;
      if (!name_op(handler->name, ExprContext::Del)) return false;
      emit(RERAISE, 1);
    } else {
      Block* cleanup_body = new_block();
      emit(POP_TOP);  // the exception
      use_block(cleanup_body);
      if (!push_frame_block(FrameBlock{FrameBlockType::HandlerCleanup, cleanup_body})) return false;
      if (!visit_stmts(handler->body)) return false;
      pop_frame_block();
      unset_loc();
      emit(kPopBlock);
      emit(POP_EXCEPT);
      emit_jump(JUMP, end);
    }
    use_block(next);
  }
  // No handler matched (artificial).
  unset_loc();
  pop_frame_block();
  emit(RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(end);
  return true;
}

bool Compiler::compile_try_star(TryStar* s) {
  if (!s->finalbody.empty()) return compile_try_star_finally(s);
  return compile_try_star_except(s);
}

bool Compiler::compile_try_star_finally(TryStar* s) {
  Block* body = new_block();
  Block* end = new_block();
  Block* exit = new_block();
  Block* cleanup = new_block();
  emit_jump(kSetupFinally, end);
  use_block(body);
  FrameBlock finally_try{FrameBlockType::FinallyTry, body, end};
  finally_try.final_body = &s->finalbody;
  if (!push_frame_block(finally_try)) return false;
  if (!s->handlers.empty()) {
    if (!compile_try_star_except(s)) return false;
  } else {
    if (!visit_stmts(s->body)) return false;
  }
  emit_noline(kPopBlock);
  pop_frame_block();
  if (!visit_stmts(s->finalbody)) return false;
  emit_jump_noline(JUMP, exit);
  use_block(end);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(PUSH_EXC_INFO);
  if (!push_frame_block(FrameBlock{FrameBlockType::FinallyEnd, end})) return false;
  if (!visit_stmts(s->finalbody)) return false;
  pop_frame_block();
  emit(RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  return true;
}

// try: body except* T as name: handler …   (CPython's compiler_try_star_except)
//
// The stack holds [orig, res, rest]: the original exception group, the
// list of exceptions the handlers raised or re-raised, and what no handler
// has matched yet. Each handler splits `rest` with CHECK_EG_MATCH; at the
// end PREP_RERAISE_STAR combines what is left to re-raise, if anything.
bool Compiler::compile_try_star_except(TryStar* s) {
  Block* body = new_block();
  Block* except = new_block();
  Block* orelse = new_block();
  Block* end = new_block();
  Block* cleanup = new_block();
  Block* reraise_star = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body);
  if (!push_frame_block(FrameBlock{FrameBlockType::TryExcept, body})) return false;
  if (!visit_stmts(s->body)) return false;
  pop_frame_block();
  emit_noline(kPopBlock);
  emit_jump_noline(JUMP, orelse);
  uint32_t n = s->handlers.size;
  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(PUSH_EXC_INFO);
  if (!push_frame_block(FrameBlock{FrameBlockType::ExceptionGroupHandler})) return false;
  for (uint32_t i = 0; i < n; ++i) {
    ExceptHandler* handler = s->handlers[i];
    set_loc(handler->loc);
    Block* next = new_block();
    Block* no_match = new_block();
    if (i == 0) {
      // [exc] -> [orig, [], exc]
      emit(COPY, 1);
      emit(BUILD_LIST, 0);
      emit(SWAP, 2);
    }
    if (handler->type != nullptr) {
      if (!visit_expr(handler->type)) return false;
      emit(CHECK_EG_MATCH);
      emit(COPY, 1);
      emit_jump(POP_JUMP_IF_NONE, no_match);
    }
    Block* cleanup_end = new_block();
    Block* cleanup_body = new_block();
    if (!handler->name.empty()) {
      if (!name_op(handler->name, ExprContext::Store)) return false;
    } else {
      emit(POP_TOP);  // the match
    }
    // try: handler finally: name = None; del name
    emit_jump(kSetupCleanup, cleanup_end);
    use_block(cleanup_body);
    FrameBlock frame{FrameBlockType::HandlerCleanup, cleanup_body};
    frame.name = handler->name;
    frame.has_name = !handler->name.empty();
    if (!push_frame_block(frame)) return false;
    if (!visit_stmts(handler->body)) return false;
    pop_frame_block();
    unset_loc();
    emit(kPopBlock);
    if (!handler->name.empty()) {
      emit_none();
      if (!name_op(handler->name, ExprContext::Store)) return false;
      if (!name_op(handler->name, ExprContext::Del)) return false;
    }
    Block* handled = new_block();
    emit_jump(JUMP, handled);
    // The handler raised: [orig, res, rest, lasti, exc]; add exc to res.
    use_block(cleanup_end);
    unset_loc();
    if (!handler->name.empty()) {
      emit_none();
      if (!name_op(handler->name, ExprContext::Store)) return false;
      if (!name_op(handler->name, ExprContext::Del)) return false;
    }
    emit(LIST_APPEND, 3);  // exc
    emit(POP_TOP);         // lasti
    emit_jump(JUMP, next);
    // The handler ran to its end; the NOP holds the location it passes on.
    use_block(handled);
    emit(NOP);
    emit_jump(JUMP, next);
    use_block(no_match);
    emit(POP_TOP);  // the match, None
    use_block(next);
    if (i + 1 == n) {
      // What no handler matched joins the list.
      emit(LIST_APPEND, 1);
      emit_jump(JUMP, reraise_star);
    }
  }
  // Artificial.
  unset_loc();
  pop_frame_block();
  Block* reraise = new_block();
  use_block(reraise_star);
  emit(PREP_RERAISE_STAR);
  emit(COPY, 1);
  emit_jump(POP_JUMP_IF_NOT_NONE, reraise);
  // Nothing to re-raise.
  emit(POP_TOP);
  emit(kPopBlock);
  emit(POP_EXCEPT);
  emit_jump(JUMP, end);
  use_block(reraise);
  emit(kPopBlock);
  emit(SWAP, 2);
  emit(POP_EXCEPT);
  emit(RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(orelse);
  if (!visit_stmts(s->orelse)) return false;
  use_block(end);
  return true;
}

// --- with ----------------------------------------------------------------------------------

// with EXPR as VAR: BLOCK
//
//        <EXPR>
//        BEFORE_WITH                   (pushes __exit__, then __enter__())
//        SETUP_WITH final
//        <VAR = result, or POP_TOP>
//        <BLOCK>
//        POP_BLOCK
//        __exit__(None, None, None); POP_TOP
//        JUMP exit
//   final: SETUP_CLEANUP cleanup
//        PUSH_EXC_INFO
//        WITH_EXCEPT_START             (calls __exit__ with the exception)
//        POP_JUMP_IF_TRUE suppress
//        RERAISE 2
//   suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
//   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//   exit:
bool Compiler::compile_with(With* s, uint32_t pos) {
  WithItem* item = s->items[pos];
  Block* block = new_block();
  Block* final = new_block();
  Block* exit = new_block();
  Block* cleanup = new_block();
  if (!visit_expr(item->context_expr)) return false;
  emit(BEFORE_WITH);
  emit_jump(kSetupWith, final);
  use_block(block);
  FrameBlock frame{FrameBlockType::With, block, final};
  frame.statement = s;
  if (!push_frame_block(frame)) return false;
  if (item->optional_vars != nullptr) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(POP_TOP);  // the __enter__ result
  }
  ++pos;
  if (pos == s->items.size) {
    if (!visit_stmts(s->body)) return false;
  } else if (!compile_with(s, pos)) {
    return false;
  }
  // Artificial from here.
  unset_loc();
  emit(kPopBlock);
  pop_frame_block();
  // The normal exit: __exit__(None, None, None).
  set_loc(s);
  call_exit_with_nones();
  emit(POP_TOP);
  emit_jump(JUMP, exit);
  // The exceptional exit.
  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(PUSH_EXC_INFO);
  emit(WITH_EXCEPT_START);
  compile_with_except_finish(cleanup);
  use_block(exit);
  return true;
}

void Compiler::compile_with_except_finish(Block* cleanup) {
  unset_loc();
  Block* exit = new_block();
  emit_jump(POP_JUMP_IF_TRUE, exit);
  emit(RERAISE, 2);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  emit(POP_TOP);  // exc_value
  emit(kPopBlock);
  emit(POP_EXCEPT);
  emit(POP_TOP);
  emit(POP_TOP);
}

bool Compiler::compile_async_with(AsyncWith* s, uint32_t pos) {
  WithItem* item = s->items[pos];
  bool top_level = m_top_level_await && m_unit->ste->type == BlockType::Module;
  if (top_level) {
    m_unit->top_level_coroutine = true;
  } else if (m_unit->scope != ScopeType::AsyncFunction) {
    return error("'async with' outside async function");
  }
  Block* block = new_block();
  Block* final = new_block();
  Block* exit = new_block();
  Block* cleanup = new_block();
  if (!visit_expr(item->context_expr)) return false;
  emit(BEFORE_ASYNC_WITH);
  emit(GET_AWAITABLE, 1);
  emit_none();
  emit_yield_from();
  emit_jump(kSetupWith, final);
  use_block(block);
  FrameBlock frame{FrameBlockType::AsyncWith, block, final};
  frame.statement = s;
  if (!push_frame_block(frame)) return false;
  if (item->optional_vars != nullptr) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(POP_TOP);
  }
  ++pos;
  if (pos == s->items.size) {
    if (!visit_stmts(s->body)) return false;
  } else if (!compile_async_with(s, pos)) {
    return false;
  }
  pop_frame_block();
  emit(kPopBlock);
  set_loc(s);
  call_exit_with_nones();
  emit(GET_AWAITABLE, 2);
  emit_none();
  emit_yield_from();
  emit(POP_TOP);
  emit_jump(JUMP, exit);
  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(PUSH_EXC_INFO);
  emit(WITH_EXCEPT_START);
  emit(GET_AWAITABLE, 2);
  emit_none();
  emit_yield_from();
  compile_with_except_finish(cleanup);
  use_block(exit);
  return true;
}

// --- Simple statements ----------------------------------------------------------------------

bool Compiler::compile_assert(Assert* s) {
  // A parenthesized message makes a tuple, which is always true.
  bool tuple_test = s->test->node_kind == ExprKind::Tuple && !static_cast<Tuple*>(s->test)->elts.empty();
  if (!tuple_test) {
    if (Ref value = fold(s->test)) tuple_test = is_tuple(value) && tuple_size(value) > 0;
  }
  if (tuple_test && !warn("assertion is always true, perhaps remove parentheses?")) return false;
  Block* end = new_block();
  if (!compile_jump_if(s->test, end, true)) return false;
  emit(LOAD_ASSERTION_ERROR);
  if (s->msg != nullptr) {
    if (!visit_expr(s->msg)) return false;
    emit(CALL, 0);
  }
  emit(RAISE_VARARGS, 1);
  use_block(end);
  return true;
}

bool Compiler::compile_import(Import* s) {
  for (Alias* alias : s->names) {
    emit_const_new(make_int(int64_t(0)));
    emit_none();
    emit_name(IMPORT_NAME, alias->name);
    if (!alias->asname.empty()) {
      // `import a.b.c as d` binds d to a.b.c: IMPORT_NAME returned `a`,
      // IMPORT_FROM walks down to `c`.
      std::string_view name = alias->name;
      size_t dot = name.find('.');
      if (dot != std::string_view::npos) {
        while (true) {
          size_t start = dot + 1;
          dot = name.find('.', start);
          std::string_view attr =
              name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
          emit_name_unmangled(IMPORT_FROM, attr);
          if (dot == std::string_view::npos) break;
          emit(SWAP, 2);
          emit(POP_TOP);
        }
        if (!name_op(alias->asname, ExprContext::Store)) return false;
        emit(POP_TOP);
      } else if (!name_op(alias->asname, ExprContext::Store)) {
        return false;
      }
    } else {
      // `import a.b.c` binds `a`.
      std::string_view bound = alias->name;
      size_t dot = bound.find('.');
      if (dot != std::string_view::npos) bound = bound.substr(0, dot);
      if (!name_op(bound, ExprContext::Store)) return false;
    }
  }
  return true;
}

bool Compiler::compile_import_from(ImportFrom* s) {
  // The symbol table saw only the future imports that open the module.
  if (s->module == "__future__" && s->loc.lineno > m_symbols.future_lineno) {
    return error("from __future__ imports must occur at the beginning of the file");
  }
  emit_const_new(make_int(int64_t(s->level)));
  std::vector<Ref> names;
  std::vector<Value> values;
  for (Alias* alias : s->names) {
    Ref name = intern(alias->name);
    if (!name) return false;
    values.push_back(name.get());
    names.push_back(std::move(name));
  }
  Ref fromlist = make_tuple(values.data(), values.size());
  if (!fromlist) return false;
  emit_const(fromlist);
  emit_name(IMPORT_NAME, s->module);
  for (uint32_t i = 0; i < s->names.size; ++i) {
    Alias* alias = s->names[i];
    if (i == 0 && alias->name == "*") {
      emit(IMPORT_STAR);
      return true;
    }
    emit_name(IMPORT_FROM, alias->name);
    std::string_view store = alias->asname.empty() ? alias->name : alias->asname;
    if (!name_op(store, ExprContext::Store)) return false;
  }
  emit(POP_TOP);  // the module
  return true;
}

bool Compiler::compile_augassign(AugAssign* s) {
  ExprNode* e = s->target;
  Position saved = m_unit->loc;
  set_loc(e);
  switch (e->node_kind) {
    case ExprKind::Attribute: {
      auto* target = static_cast<Attribute*>(e);
      if (!visit_expr(target->value)) return false;
      emit(COPY, 1);
      update_start_location_to_match_attr(target);
      emit_name(LOAD_ATTR, target->attr);
      break;
    }
    case ExprKind::Subscript: {
      auto* target = static_cast<Subscript*>(e);
      if (!visit_expr(target->value)) return false;
      if (!visit_expr(target->slice)) return false;
      emit(COPY, 2);
      emit(COPY, 2);
      emit(BINARY_SUBSCR);
      break;
    }
    case ExprKind::Name:
      if (!name_op(static_cast<Name*>(e)->id, ExprContext::Load)) return false;
      break;
    default:
      return error("invalid node type for augmented assignment");
  }
  m_unit->loc = saved;
  if (!visit_expr(s->value)) return false;
  emit(BINARY_OP, uint32_t(binary_op_of(s->op, true)));
  set_loc(e);
  switch (e->node_kind) {
    case ExprKind::Attribute: {
      auto* target = static_cast<Attribute*>(e);
      update_start_location_to_match_attr(target);
      emit(SWAP, 2);
      emit_name(STORE_ATTR, target->attr);
      break;
    }
    case ExprKind::Subscript:
      emit(SWAP, 3);
      emit(SWAP, 2);
      emit(STORE_SUBSCR);
      break;
    case ExprKind::Name:
      return name_op(static_cast<Name*>(e)->id, ExprContext::Store);
    default:
      break;
  }
  return true;
}

// Evaluates an expression for its side effects (annotated targets without
// a value still evaluate their parts).
bool Compiler::check_ann_expr(ExprNode* e) {
  if (!visit_expr(e)) return false;
  emit(POP_TOP);
  return true;
}

bool Compiler::check_ann_subscript(ExprNode* e) {
  switch (e->node_kind) {
    case ExprKind::Slice: {
      auto* slice = static_cast<Slice*>(e);
      if (slice->lower != nullptr && !check_ann_expr(slice->lower)) return false;
      if (slice->upper != nullptr && !check_ann_expr(slice->upper)) return false;
      if (slice->step != nullptr && !check_ann_expr(slice->step)) return false;
      return true;
    }
    case ExprKind::Tuple:
      for (ExprNode* elt : static_cast<Tuple*>(e)->elts)
        if (!check_ann_subscript(elt)) return false;
      return true;
    default:
      return check_ann_expr(e);
  }
}

bool Compiler::compile_annassign(AnnAssign* s) {
  ExprNode* target = s->target;
  // The assignment itself comes first.
  if (s->value != nullptr) {
    if (!visit_expr(s->value)) return false;
    if (!visit_expr(target)) return false;
  }
  bool module_or_class = m_unit->scope == ScopeType::Module || m_unit->scope == ScopeType::Class;
  switch (target->node_kind) {
    case ExprKind::Name: {
      auto* name = static_cast<Name*>(target);
      if (forbidden_name(name->id, ExprContext::Store)) return false;
      // A simple name in a module or class: __annotations__[name] = annotation.
      if (s->simple && module_or_class) {
        if (!compile_annotation_value(s->annotation)) return false;
        emit_name_unmangled(LOAD_NAME, "__annotations__");
        Ref key = make_str(mangled(name->id));
        if (!key) return false;
        emit_const(key);
        emit(STORE_SUBSCR);
      }
      break;
    }
    case ExprKind::Attribute: {
      auto* attribute = static_cast<Attribute*>(target);
      if (forbidden_name(attribute->attr, ExprContext::Store)) return false;
      if (s->value == nullptr && !check_ann_expr(attribute->value)) return false;
      break;
    }
    case ExprKind::Subscript: {
      auto* subscript = static_cast<Subscript*>(target);
      if (s->value == nullptr &&
          (!check_ann_expr(subscript->value) || !check_ann_subscript(subscript->slice)))
        return false;
      break;
    }
    default:
      return error("invalid node type for annotated assignment");
  }
  // The annotation of a complex target is evaluated (last), in a module or
  // class only, and not at all under `from __future__ import annotations`.
  if (!s->simple && !m_future_annotations && module_or_class) {
    if (!check_ann_expr(s->annotation)) return false;
  }
  return true;
}

}  // namespace compiler

// --- Entry points ---------------------------------------------------------------------------

void set_compile_warning_handler(CompileWarningHandler handler) {
  compiler::g_warning_handler = handler != nullptr ? handler : compiler::print_compile_warning;
}

Ref compile_module(const ast::Module& module, const SymbolTable& symbols,
                   std::string_view filename, std::string_view source, CompileMode mode,
                   bool top_level_await, SyntaxErrorInfo& error) {
  compiler::Compiler compiler(symbols, filename, source, top_level_await,
                              mode == CompileMode::Single, error);
  Ref code = compiler.compile(module, mode);
  if (!code && !compiler.m_failed) {
    // A runtime failure (out of memory) rather than a SyntaxError: leave it
    // pending for the caller, with no SyntaxError filled in.
    return {};
  }
  return code;
}

Ref compile_source(std::string_view source, std::string_view filename, CompileMode mode,
                   bool top_level_await, SyntaxErrorInfo& error, bool byte_offsets) {
  Arena arena;
  ParseResult parsed = parse_module(source, arena, byte_offsets);
  if (!parsed.ok) {
    error = parsed.error;
    return {};
  }
  // The literals' DeprecationWarnings go through the warnings filters once
  // the program has imported `warnings`; before that the default filters
  // would ignore them (they are not issued in __main__). A warning turned
  // into an error is a SyntaxError at the literal, as in CPython's parser.
  for (const LexWarning& warning : parsed.warnings) {
    ExplicitWarning outcome =
        warn_explicit_if_imported(&deprecation_warning_type, warning.message, filename, warning.loc.lineno);
    if (outcome != ExplicitWarning::Error) continue;
    clear_exception();
    error = SyntaxErrorInfo{};
    error.message = warning.message;
    set_error_location(error, source, warning.loc.lineno, warning.loc.col_offset, warning.loc.end_lineno,
                       warning.loc.end_col_offset);
    return {};
  }
  SymbolTable symbols;
  if (!build_symtable(*parsed.module, source, symbols, error)) return {};
  return compile_module(*parsed.module, symbols, filename, source, mode, top_level_await, error);
}

}  // namespace coil
