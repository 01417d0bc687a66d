// The compiler's internal types, shared by vm/compiler.cpp,
// vm/compile_expr.cpp, vm/compile_pattern.cpp and vm/compile_assemble.cpp.
//
// Code is generated as CPython 3.11 generates it: into a control-flow graph
// of basic blocks holding instructions whose jumps name blocks, with four
// pseudo-instructions that never reach the bytecode —
//   SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH  push an exception handler
//     (the target block) for the instructions that follow in program flow;
//   POP_BLOCK  pops it.
// Assembly (vm/compile_assemble.cpp) then walks the graph: it optimizes,
// computes the stack depth, resolves the pseudo-instructions into each
// instruction's innermost handler (the exception table), lays the blocks out
// and writes the code object.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parser/ast.h"
#include "parser/syntax_error.h"
#include "runtime/object.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/symtable.h"

namespace coil::compiler {

// Pseudo-instructions, numbered past the real opcodes.
enum PseudoOp : int {
  kSetupFinally = 240,  // handler gets: the stack cut to here, then the exception
  kSetupCleanup,        // the same, with the instruction's index pushed first
  kSetupWith,           // as kSetupCleanup, cutting the __enter__ result too
  kPopBlock,
  // Where CPython's RESUME stands, at the start of a function's code with
  // the location (firstlineno, firstlineno, 0, 0): it takes part in the
  // line-number passes as CPython's does, and is dropped from the code.
  kResume,
};
static_assert(int(kOpcodeCount) < int(kSetupFinally), "opcodes and pseudo-ops overlap");

inline bool is_block_push(int op) {
  return op == kSetupFinally || op == kSetupCleanup || op == kSetupWith;
}
bool is_jump_op(int op);
bool is_conditional_jump(int op);
// Ends a block with no fall-through: JUMP, RETURN_VALUE, RAISE_VARARGS, RERAISE.
bool is_terminator(int op);
bool is_scope_exit(int op);
// The stack effect of an instruction on its fall-through path, or (`jump`)
// on the path to its target.
int stack_effect(int op, uint32_t oparg, bool jump);

struct Block;

struct Instr {
  int op = NOP;
  uint32_t arg = 0;
  Block* target = nullptr;  // jumps and SETUP_*
  Position loc;             // lineno -1: none (filled from neighbours later)
  Block* handler = nullptr; // the innermost exception handler, after labelling
};

struct Block {
  std::vector<Instr> instrs;
  Block* next = nullptr;  // the block that follows in the code (fall-through)
  int id = 0;
  // Assembly state.
  int start_depth = -1;
  int predecessors = 0;
  bool visited = false;
  bool preserve_lasti = false;  // a SETUP_CLEANUP/SETUP_WITH handler
  bool except_handler = false;  // reached only through the exception table
  uint32_t offset = 0;
  std::shared_ptr<std::vector<Block*>> except_stack;

  bool empty() const { return instrs.empty(); }
  Instr* last() { return instrs.empty() ? nullptr : &instrs.back(); }
  bool falls_through() const;
};

// A constant of one code object and the key it is deduplicated by: CPython
// merges constants that are equal and of the same type (1 and 1.0 and True
// stay apart, and so do 0.0 and -0.0).
struct ConstEntry {
  Ref value;
  std::string key;
};

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// What an enclosing statement needs done when `break`, `continue` or
// `return` leaves it (CPython's fblockinfo).
enum class FrameBlockType {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
};

struct FrameBlock {
  FrameBlock() = default;
  explicit FrameBlock(FrameBlockType type, Block* block = nullptr, Block* exit = nullptr)
      : type(type), block(block), exit(exit) {}

  FrameBlockType type = FrameBlockType::WhileLoop;
  Block* block = nullptr;  // loops: where `continue` goes
  Block* exit = nullptr;   // loops: where `break` goes
  // FinallyTry: the finally body; With/AsyncWith: the statement;
  // HandlerCleanup: the bound name (or null).
  const ast::Seq<ast::StmtNode*>* final_body = nullptr;
  const ast::StmtNode* statement = nullptr;
  std::string_view name;
  bool has_name = false;
};

// One code object being compiled (CPython's compiler_unit).
struct Unit {
  const SymbolTableEntry* ste = nullptr;
  ScopeType scope = ScopeType::Module;
  std::string name;
  std::string qualname;
  std::string private_name;  // the enclosing class, for mangling (empty: none)

  std::vector<std::string> names;
  std::unordered_map<std::string, uint32_t> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, uint32_t> varname_index;
  std::vector<std::string> cellvars;  // sorted, as CPython's dictbytype
  std::unordered_map<std::string, uint32_t> cellvar_index;
  std::vector<std::string> freevars;  // sorted
  std::unordered_map<std::string, uint32_t> freevar_index;
  std::vector<ConstEntry> consts;
  std::unordered_map<std::string, uint32_t> const_index;

  uint32_t argcount = 0;
  uint32_t posonlyargcount = 0;
  uint32_t kwonlyargcount = 0;
  int firstlineno = 1;
  // Set when module code awaits at top level (async for, async with, await,
  // an asynchronous comprehension).
  bool top_level_coroutine = false;

  std::vector<std::unique_ptr<Block>> blocks;
  Block* entry = nullptr;
  Block* current = nullptr;
  std::vector<FrameBlock> frame_blocks;
  Position loc;  // the location new instructions get
};

// CPython's limit on statically nested blocks (CO_MAXBLOCKS).
inline constexpr size_t kMaxFrameBlocks = 20;
// CPython's STACK_USE_GUIDELINE: past this many items a display or call is
// built incrementally rather than all on the stack.
inline constexpr int kStackUseGuideline = 30;

// An error the compiler raises. Compilation stops at the first one; the
// functions below return false to unwind.
class Compiler {
 public:
  Compiler(const SymbolTable& symbols, std::string_view filename, std::string_view source,
           bool top_level_await, bool interactive, SyntaxErrorInfo& error);

  Ref compile(const ast::Module& module, CompileMode mode);

  // --- vm/compiler.cpp: units, names, constants, statements ---------------
  bool enter_scope(std::string_view name, ScopeType scope, const void* node, int lineno);
  void exit_scope();
  Unit& unit() { return *m_unit; }

  Block* new_block();
  void use_block(Block* block);  // makes `block` follow the current one
  void emit(int op, uint32_t arg = 0);
  void emit_noline(int op, uint32_t arg = 0);
  void emit_jump(int op, Block* target);
  void emit_jump_noline(int op, Block* target);
  void emit_const(Value value);
  void emit_const_new(Ref value) { emit_const(value.get()); }
  void emit_none() ;
  // LOAD_ATTR, LOAD_METHOD, STORE_ATTR, DELETE_ATTR, IMPORT_NAME, IMPORT_FROM: the name mangled.
  void emit_name(int op, std::string_view name);
  void emit_name_unmangled(int op, std::string_view name);
  void set_loc(const ast::Location& loc);
  void set_loc(const ast::ExprNode* e) { set_loc(e->loc); }
  void set_loc(const ast::StmtNode* s) { set_loc(s->loc); }
  // Marks what follows as artificial (no location): CPython's UNSET_LOC.
  void unset_loc() { m_unit->loc = Position{}; }

  uint32_t add_const(Value value);
  uint32_t add_name(std::string_view name);
  std::string mangled(std::string_view name) const;

  bool error(std::string message);  // at the current location
  // Issues a SyntaxWarning at the current line; false if it became an error.
  bool warn(std::string message);
  bool error_at(std::string message, const ast::Location& loc);
  // What CPython's parser rejects in the "eval" and "single" modes, which
  // coil parses as a module and checks here (the error is the parser's,
  // not after_parse).
  bool check_eval_input(const ast::Module& module);
  bool check_single_input(const ast::Module& module);
  bool input_error(std::string message, size_t start, size_t end);

  bool name_op(std::string_view name, ast::ExprContext ctx);
  NameScope scope_of(const std::string& mangled_name) const;
  bool forbidden_name(std::string_view name, ast::ExprContext ctx);

  bool push_frame_block(FrameBlock block);
  void pop_frame_block();
  bool unwind_frame_block(const FrameBlock& block, bool preserve_tos);
  bool unwind_frame_block_stack(bool preserve_tos, FrameBlock* loop, bool& found_loop);

  bool visit_stmts(const ast::Seq<ast::StmtNode*>& body);
  bool visit_stmt(ast::StmtNode* stmt);
  bool compile_body(const ast::Seq<ast::StmtNode*>& body);  // docstring, annotations
  bool compile_function(ast::StmtNode* stmt, bool is_async);
  bool compile_class(ast::ClassDef* s);
  bool compile_return(ast::Return* s);
  bool compile_break();
  bool compile_continue();
  bool compile_if(ast::If* s);
  bool compile_for(ast::For* s);
  bool compile_async_for(ast::AsyncFor* s);
  bool compile_while(ast::While* s);
  bool compile_try(ast::Try* s);
  bool compile_try_except(ast::Try* s);
  bool compile_try_finally(ast::Try* s);
  bool compile_try_star(ast::TryStar* s);
  bool compile_try_star_except(ast::TryStar* s);
  bool compile_try_star_finally(ast::TryStar* s);
  bool compile_with(ast::With* s, uint32_t pos);
  bool compile_async_with(ast::AsyncWith* s, uint32_t pos);
  void compile_with_except_finish(Block* cleanup);
  void call_exit_with_nones();
  void pop_except_and_reraise();
  bool compile_import(ast::Import* s);
  bool compile_import_from(ast::ImportFrom* s);
  bool compile_assert(ast::Assert* s);
  bool compile_augassign(ast::AugAssign* s);
  bool compile_annassign(ast::AnnAssign* s);
  bool check_ann_expr(ast::ExprNode* e);
  bool check_ann_subscript(ast::ExprNode* e);
  bool compile_expr_stmt(ast::ExprNode* value);
  bool compile_delete(ast::Delete* s);

  bool check_debug_args(ast::Arguments* args);
  // Pushes defaults and keyword-only defaults; returns MAKE_FUNCTION flags or -1.
  int compile_default_arguments(ast::Arguments* args);
  // Pushes the annotations tuple; returns 1 if pushed, 0 if none, -1 on error.
  int compile_annotations(ast::Arguments* args, ast::ExprNode* returns);
  bool compile_annotation_value(ast::ExprNode* annotation);
  bool compile_decorators(const ast::Seq<ast::ExprNode*>& decorators);
  void apply_decorators(const ast::Seq<ast::ExprNode*>& decorators);
  // Emits the closure tuple (if any), LOAD_CONST code, MAKE_FUNCTION.
  bool make_closure(Ref code, uint32_t flags);

  // --- vm/compile_expr.cpp -------------------------------------------------
  bool visit_expr(ast::ExprNode* e);
  bool visit_expr_inner(ast::ExprNode* e);
  bool visit_exprs(const ast::Seq<ast::ExprNode*>& exprs);
  bool compile_jump_if(ast::ExprNode* e, Block* next, bool cond);
  bool compile_boolop(ast::BoolOp* e);
  bool compile_compare(ast::Compare* e);
  void emit_compare(ast::CmpOperator op);
  bool compile_call(ast::Call* e);
  bool maybe_method_call(ast::Call* e, bool& done);
  bool compile_call_helper(int pushed, const ast::Seq<ast::ExprNode*>& args,
                           const ast::Seq<ast::Keyword*>& keywords);
  bool validate_keywords(const ast::Seq<ast::Keyword*>& keywords);
  bool compile_subkwargs(const ast::Seq<ast::Keyword*>& keywords, uint32_t begin, uint32_t end);
  bool starunpack_helper(const ast::Seq<ast::ExprNode*>& elts, int pushed, int build, int add,
                         int extend, bool tuple);
  bool unpack_helper(const ast::Seq<ast::ExprNode*>& elts);
  bool assignment_helper(const ast::Seq<ast::ExprNode*>& elts);
  bool compile_dict(ast::Dict* e);
  bool compile_subdict(ast::Dict* e, uint32_t begin, uint32_t end);
  bool compile_lambda(ast::Lambda* e);
  bool compile_comprehension(ast::ExprNode* e, ComprehensionType type,
                             const ast::Seq<ast::Comprehension*>& generators,
                             ast::ExprNode* element, ast::ExprNode* value);
  bool compile_comprehension_generator(const ast::Seq<ast::Comprehension*>& generators,
                                       uint32_t index, int depth, ast::ExprNode* element,
                                       ast::ExprNode* value, ComprehensionType type);
  bool compile_sync_comprehension_generator(const ast::Seq<ast::Comprehension*>& generators,
                                            uint32_t index, int depth, ast::ExprNode* element,
                                            ast::ExprNode* value, ComprehensionType type);
  bool compile_async_comprehension_generator(const ast::Seq<ast::Comprehension*>& generators,
                                             uint32_t index, int depth, ast::ExprNode* element,
                                             ast::ExprNode* value, ComprehensionType type);
  bool compile_comprehension_element(ast::ExprNode* element, ast::ExprNode* value,
                                     ComprehensionType type, int depth);
  bool compile_joined_str(ast::JoinedStr* e);
  bool compile_formatted_value(ast::FormattedValue* e);
  bool compile_percent_format(ast::BinOp* e, bool& done);
  bool compile_slice(ast::Slice* e);
  void emit_yield();
  // SEND / YIELD_VALUE / JUMP loop of `yield from` and `await`.
  void emit_yield_from();
  void update_start_location_to_match_attr(ast::Attribute* attr);
  bool is_import_originated(ast::ExprNode* e) const;
  // CPython's compile-time SyntaxWarnings for code that will surely fail.
  bool check_caller(ast::ExprNode* func);
  bool check_subscripter(ast::ExprNode* e);
  bool check_index(ast::ExprNode* e, ast::ExprNode* index);
  bool check_compare(ast::Compare* e, bool inverted = false);
  // The type an expression certainly has (CPython's infer_type), or null.
  const char* inferred_type_name(ast::ExprNode* e);

  // Constant folding, as CPython's ast_opt.c does it before compiling.
  // Returns the value `e` folds to, or null (no exception) if it does not.
  Ref fold(ast::ExprNode* e);
  bool is_constant(ast::ExprNode* e) { return static_cast<bool>(fold(e)); }
  Ref make_constant(const ast::ConstantValue& value);
  // The constant's deduplication key, or empty if `value` cannot be a constant.
  static std::string constant_key(Value value);

  // --- vm/compile_pattern.cpp ----------------------------------------------
  bool compile_match(ast::Match* s);

  // --- vm/compile_assemble.cpp ---------------------------------------------
  // Finishes the current unit into a code object (adds the implicit
  // `return None` when `add_none`, else a bare RETURN_VALUE, if needed).
  Ref assemble(bool add_none);
  uint32_t code_flags() const;

  const SymbolTable& m_symbols;
  std::string m_filename;
  std::string_view m_source;
  bool m_top_level_await;
  bool m_interactive;
  SyntaxErrorInfo& m_error;
  bool m_failed = false;
  bool m_future_annotations = false;

  std::unique_ptr<Unit> m_unit;
  std::vector<std::unique_ptr<Unit>> m_stack;  // the enclosing units
  int m_nest_level = 0;
  // Constants shared between all code objects of one compilation, so that
  // equal constants are one object (CPython's c_const_cache).
  std::unordered_map<std::string, Ref> m_const_cache;
  // fold()'s results, by node (a null Ref: does not fold).
  std::unordered_map<const ast::ExprNode*, Ref> m_folded;
  // Lists and sets that are only iterated over (`for x in [a, b]`, `x in
  // [a, b]`, comprehension sources): as CPython's ast_opt (fold_iter), a
  // list becomes a tuple, and a set of constants a frozenset constant.
  std::unordered_set<const ast::ExprNode*> m_iterables;
  void mark_iterable(ast::ExprNode* e) { m_iterables.insert(e); }
  bool is_iterable_display(const ast::ExprNode* e) const { return m_iterables.count(e) != 0; }
  Ref m_filename_object;

  // Pattern-matching state (vm/compile_pattern.cpp).
  struct PatternContext;
};

// BINARY_OP's argument for an operator (or its augmented form).
BinaryOp binary_op_of(ast::Operator op, bool inplace);

// An expression as source text, as CPython's ast_unparse.c writes it: what
// annotations become under `from __future__ import annotations`
// (vm/unparse.cpp).
std::string unparse_expression(const ast::ExprNode* e);

}  // namespace coil::compiler
