// The symbol table: which names each scope binds, uses and declares, and
// the scope every name resolves to (local, global, free or cell). The
// compiler's first pass over a module's tree, as CPython's symtable.c:
// one visit records what each block does with each name, then an analysis
// walks the blocks top-down deciding scopes, bottom-up collecting free
// variables. `coil --symtable FILE` prints it; tests/corpus/symtable_corpus.py
// compares that with CPython's `symtable` module over the standard library.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/ast.h"
#include "parser/syntax_error.h"

namespace coil {

// What a block does with a name: CPython's DEF_* bits, same values, so that
// dumps compare with CPython's symtable directly.
enum SymbolFlag : uint32_t {
  kDefGlobal = 1,        // `global` statement
  kDefLocal = 2,         // assigned in this block
  kDefParam = 4,         // a parameter
  kDefNonlocal = 8,      // `nonlocal` statement
  kUse = 16,             // read in this block
  kDefFree = 32,         // (unused, as in CPython)
  kDefFreeClass = 64,    // free in a method, bound in the class body too
  kDefImport = 128,      // bound by import
  kDefAnnot = 256,       // annotated
  kDefCompIter = 512,    // a comprehension's iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

// Where a name resolves, stored in a symbol's flags at kScopeShift.
enum class NameScope : uint32_t {
  Unknown = 0,
  Local = 1,
  GlobalExplicit = 2,
  GlobalImplicit = 3,
  Free = 4,
  Cell = 5,
};
constexpr int kScopeShift = 11;
constexpr uint32_t kScopeMask = 7;

enum class BlockType : uint8_t { Function = 0, Class = 1, Module = 2, Annotation = 3 };
enum class ComprehensionType : uint8_t { None, List, Set, Dict, Generator };

struct SymbolTableEntry {
  BlockType type = BlockType::Module;
  std::string name;  // "top", the def/class name, "lambda", "listcomp", "genexpr", …
  int lineno = 0;
  int col_offset = 0;
  const void* node = nullptr;  // the AST node that opened the block

  // Names in the order the block first mentioned them, with their flags
  // (after analysis, with the scope at kScopeShift).
  std::vector<std::pair<std::string, uint32_t>> symbols;
  std::unordered_map<std::string, size_t> index;
  std::vector<std::string> varnames;  // the parameters, in order
  std::vector<std::unique_ptr<SymbolTableEntry>> children;

  bool nested = false;           // inside a function
  bool generator = false;        // contains yield
  bool coroutine = false;        // async def, or contains await / async comprehension
  bool varargs = false;
  bool varkeywords = false;
  bool returns_value = false;
  bool free = false;             // has free variables
  bool child_free = false;       // a child block has free variables
  bool needs_class_closure = false;  // a class whose methods use __class__
  ComprehensionType comprehension = ComprehensionType::None;
  bool comp_iter_target = false;  // visiting a comprehension's target
  int comp_iter_expr = 0;         // visiting a comprehension's iterable

  // Where each global/nonlocal directive stood, for error positions.
  std::unordered_map<std::string, ast::Location> directives;

  uint32_t flags_of(std::string_view name) const;
  NameScope scope_of(std::string_view name) const {
    return static_cast<NameScope>((flags_of(name) >> kScopeShift) & kScopeMask);
  }
};

struct SymbolTable {
  std::unique_ptr<SymbolTableEntry> top;
  bool future_annotations = false;  // from __future__ import annotations
  // The line of the last future import at the top of the module (CPython's
  // ff_lineno): the compiler rejects one found below it.
  int future_lineno = 0;
  // The entry each block-opening node (FunctionDef, Lambda, comprehension…) made.
  std::unordered_map<const void*, SymbolTableEntry*> by_node;
};

// Builds and analyses the symbol table of a module. Returns false and fills
// `error` with CPython's SyntaxError (for instance "name 'x' is parameter
// and global") on failure.
bool build_symtable(const ast::Module& module, std::string_view source, SymbolTable& table,
                    SyntaxErrorInfo& error);

// The private-name mangling of class bodies: `__x` inside class `C` is `_C__x`.
std::string mangle(std::string_view class_name, std::string_view name);

// `coil --symtable`: each block, its parameters and its symbols with their
// flags, nested by indentation; the same text tests/corpus/symtable_corpus.py
// produces from CPython's symtable module.
std::string dump_symtable(const SymbolTable& table);

}  // namespace coil
