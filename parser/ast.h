// The syntax tree: C++ types that mirror CPython 3.11's `ast` module node for
// node and field for field, generated from parser/ast.def.
//
// Every node lives in an Arena and is trivially destructible: lists are Seq<T>
// (a pointer and a length into the arena), identifiers and string constants
// are string_views into the arena or the source text. Positions follow
// CPython: lines count from 1, columns are 0-based byte offsets into the UTF-8
// source line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/arena.h"

namespace coil::ast {

struct Location {
  int32_t lineno = 0;
  int32_t col_offset = 0;
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
};

// An immutable list in the arena.
template <class T>
struct Seq {
  T* items = nullptr;
  uint32_t size = 0;

  T* begin() const { return items; }
  T* end() const { return items + size; }
  T& operator[](uint32_t i) const { return items[i]; }
  bool empty() const { return size == 0; }
};

template <class T>
Seq<T> make_seq(Arena& arena, const std::vector<T>& values) {
  Seq<T> seq;
  seq.size = static_cast<uint32_t>(values.size());
  if (seq.size != 0) {
    seq.items = static_cast<T*>(arena.allocate(sizeof(T) * seq.size, alignof(T)));
    for (uint32_t i = 0; i < seq.size; ++i) seq.items[i] = values[i];
  }
  return seq;
}

// An identifier; an empty view stands for None in optional fields.
using Identifier = std::string_view;

// The value of a Constant node or a MatchSingleton.
struct ConstantValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Kind kind = Kind::None;
  // Float: the value; Complex: the imaginary part (literals are pure imaginary).
  double number = 0;
  // Int: the value in decimal digits, without sign or leading zeros;
  // Str: the text as UTF-8 (lone surrogates encoded as 3-byte sequences);
  // Bytes: the raw bytes.
  std::string_view text;
};

#define AST_ENUM(Type, values) enum class Type : uint8_t { values };
#define V(Name) Name,
#include "parser/ast.def"
#undef V

enum class ExprKind : uint8_t {
#define AST_EXPR(Name, fields) Name,
#include "parser/ast.def"
};
enum class StmtKind : uint8_t {
#define AST_STMT(Name, fields) Name,
#include "parser/ast.def"
};
enum class PatternKind : uint8_t {
#define AST_PATTERN(Name, fields) Name,
#include "parser/ast.def"
};

// The bases name their tag `node_kind`: Constant has a field `kind` of its own.
struct ExprNode {
  ExprKind node_kind;
  // Parser bookkeeping, not part of CPython's tree: how many pairs of
  // parentheses enclosed this expression in the source (capped at 255).
  uint8_t parenthesized = 0;
  Location loc;
};
struct StmtNode {
  StmtKind node_kind;
  Location loc;
};
struct PatternNode {
  PatternKind node_kind;
  Location loc;
};

// Forward declarations of every node type, so fields can name any of them.
#define AST_EXPR(Name, fields) struct Name;
#define AST_STMT(Name, fields) struct Name;
#define AST_PATTERN(Name, fields) struct Name;
#define AST_PRODUCT(Name, pyname, fields) struct Name;
#include "parser/ast.def"

#define F(type, name) type name{};
#define O(type, name) type name{};
#define AST_EXPR(Name, fields) \
  struct Name : ExprNode {     \
    fields                     \
  };
#define AST_STMT(Name, fields) \
  struct Name : StmtNode {     \
    fields                     \
  };
#define AST_PATTERN(Name, fields) \
  struct Name : PatternNode {     \
    fields                        \
  };
#define AST_PRODUCT(Name, pyname, fields) \
  struct Name {                           \
    Location loc;                         \
    fields                                \
  };
#include "parser/ast.def"
#undef F
#undef O

// Allocates a node of kind T in the arena with its kind tag set; the caller
// fills the fields. Example: auto* n = ast::make<ast::Name>(arena, loc);
template <class T>
T* make(Arena& arena, const Location& loc) {
  T* node = arena.make<T>();
  node->loc = loc;
  if constexpr (std::is_base_of_v<ExprNode, T>) node->node_kind = kind_of(static_cast<T*>(nullptr));
  if constexpr (std::is_base_of_v<StmtNode, T>) node->node_kind = kind_of(static_cast<T*>(nullptr));
  if constexpr (std::is_base_of_v<PatternNode, T>) node->node_kind = kind_of(static_cast<T*>(nullptr));
  return node;
}

// kind_of(T*) maps each node type to its kind tag (used by make<T>).
#define AST_EXPR(Name, fields) \
  constexpr ExprKind kind_of(Name*) { return ExprKind::Name; }
#define AST_STMT(Name, fields) \
  constexpr StmtKind kind_of(Name*) { return StmtKind::Name; }
#define AST_PATTERN(Name, fields) \
  constexpr PatternKind kind_of(Name*) { return PatternKind::Name; }
#include "parser/ast.def"

// Names as Python spells them, for dumps and messages.
const char* name_of(ExprKind kind);
const char* name_of(StmtKind kind);
const char* name_of(PatternKind kind);
#define AST_ENUM(Type, values) const char* name_of(Type value);
#include "parser/ast.def"

// The depth of the tree (a module alone is 1), measured without recursion;
// the walk stops once it passes `limit`. Every recursive pass over a tree
// (the dump, the symbol table, the compiler) relies on the parser having
// rejected trees deeper than kMaxDepth.
int depth(const Module& module, int limit);

// How deep a tree may nest. CPython's compiler gives up at three times its
// recursion limit of 1000 ("maximum recursion depth exceeded during
// compilation"); its parser, at 6000 nested rules.
constexpr int kMaxDepth = 3000;

// What ast.dump(node) prints in CPython 3.11 (annotate_fields=True,
// include_attributes=False), or with include_attributes=True the positions too.
std::string dump(const Module& module, bool include_attributes = false);

}  // namespace coil::ast
