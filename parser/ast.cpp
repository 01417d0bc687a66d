// Names of the node kinds and ast.dump, generated from parser/ast.def.
//
// The dump follows CPython 3.11's ast.dump(node) with annotate_fields=True:
// every field as name=value in declaration order, except that an optional
// field holding None is left out; lists print as [a, b]; enum values as
// Load(); constants and identifiers with their repr().
#include "parser/ast.h"

#include "runtime/repr.h"

namespace coil::ast {

const char* name_of(ExprKind kind) {
  switch (kind) {
#define AST_EXPR(Name, fields) \
  case ExprKind::Name:         \
    return #Name;
#include "parser/ast.def"
  }
  return "?";
}

const char* name_of(StmtKind kind) {
  switch (kind) {
#define AST_STMT(Name, fields) \
  case StmtKind::Name:         \
    return #Name;
#include "parser/ast.def"
  }
  return "?";
}

const char* name_of(PatternKind kind) {
  switch (kind) {
#define AST_PATTERN(Name, fields) \
  case PatternKind::Name:         \
    return #Name;
#include "parser/ast.def"
  }
  return "?";
}

#define V(Name)   \
  case Name:      \
    return #Name;
#define AST_ENUM(Type, values)     \
  const char* name_of(Type value) { \
    using enum Type;               \
    switch (value) { values }      \
    return "?";                    \
  }
#include "parser/ast.def"
#undef V

namespace {

class Dumper {
 public:
  Dumper(std::string& out, bool include_attributes)
      : m_out(out), m_include_attributes(include_attributes) {}

  void put(const ExprNode* node);
  void put(const StmtNode* node);
  void put(const PatternNode* node);
#define AST_PRODUCT(Name, pyname, fields) void put(const Name* node);
#include "parser/ast.def"

  void put(Identifier name) { m_out += str_repr(name); }
  void put(int value) { m_out += std::to_string(value); }
#define AST_ENUM(Type, values)      \
  void put(Type value) {            \
    m_out += name_of(value);        \
    m_out += "()";                  \
  }
#include "parser/ast.def"

  void put(const ConstantValue& value) {
    using Kind = ConstantValue::Kind;
    switch (value.kind) {
      case Kind::None: m_out += "None"; break;
      case Kind::True: m_out += "True"; break;
      case Kind::False: m_out += "False"; break;
      case Kind::Ellipsis: m_out += "Ellipsis"; break;
      case Kind::Int: m_out += value.text; break;
      case Kind::Float: m_out += float_repr(value.number); break;
      case Kind::Complex: m_out += imaginary_repr(value.number); break;
      case Kind::Str: m_out += str_repr(value.text); break;
      case Kind::Bytes: m_out += bytes_repr(value.text); break;
    }
  }

  template <class T>
  void put(const Seq<T>& seq) {
    m_out += '[';
    for (uint32_t i = 0; i < seq.size; ++i) {
      if (i) m_out += ", ";
      put(seq[i]);
    }
    m_out += ']';
  }

 private:
  static bool present(const void* pointer) { return pointer != nullptr; }
  static bool present(Identifier name) { return !name.empty(); }

  // Starts a field: writes the separator and `name=`.
  void field(const char* name, bool& first) {
    if (!first) m_out += ", ";
    first = false;
    m_out += name;
    m_out += '=';
  }

  void attributes(const Location& loc, bool& first) {
    if (!m_include_attributes) return;
    field("lineno", first);
    put(loc.lineno);
    field("col_offset", first);
    put(loc.col_offset);
    field("end_lineno", first);
    put(loc.end_lineno);
    field("end_col_offset", first);
    put(loc.end_col_offset);
  }

  std::string& m_out;
  bool m_include_attributes;
};

// The product types CPython gives positions (`attributes (...)` in the asdl).
template <class T>
constexpr bool kHasAttributes = std::is_same_v<T, ExceptHandler> || std::is_same_v<T, Arg> ||
                                std::is_same_v<T, Keyword> || std::is_same_v<T, Alias>;

#define F(type, name)      \
  field(#name, first);     \
  put(node.name);
#define O(type, name)      \
  if (present(node.name)) { \
    field(#name, first);   \
    put(node.name);        \
  }

void Dumper::put(const ExprNode* base) {
  if (base == nullptr) {
    m_out += "None";  // a keyword-only parameter without default, a `**` in a dict
    return;
  }
  bool first = true;
  switch (base->node_kind) {
#define AST_EXPR(Name, fields)                            \
  case ExprKind::Name: {                                  \
    [[maybe_unused]] auto& node = static_cast<const Name&>(*base); \
    m_out += #Name "(";                                   \
    fields break;                                         \
  }
#include "parser/ast.def"
  }
  attributes(base->loc, first);
  m_out += ')';
}

void Dumper::put(const StmtNode* base) {
  bool first = true;
  switch (base->node_kind) {
#define AST_STMT(Name, fields)                            \
  case StmtKind::Name: {                                  \
    [[maybe_unused]] auto& node = static_cast<const Name&>(*base); \
    m_out += #Name "(";                                   \
    fields break;                                         \
  }
#include "parser/ast.def"
  }
  attributes(base->loc, first);
  m_out += ')';
}

void Dumper::put(const PatternNode* base) {
  bool first = true;
  switch (base->node_kind) {
#define AST_PATTERN(Name, fields)                         \
  case PatternKind::Name: {                               \
    [[maybe_unused]] auto& node = static_cast<const Name&>(*base); \
    m_out += #Name "(";                                   \
    fields break;                                         \
  }
#include "parser/ast.def"
  }
  attributes(base->loc, first);
  m_out += ')';
}

#define AST_PRODUCT(Name, pyname, fields)                       \
  [[maybe_unused]] void Dumper::put(const Name* pointer) {                       \
    if (pointer == nullptr) {                                   \
      m_out += "None";                                          \
      return;                                                   \
    }                                                           \
    [[maybe_unused]] const Name& node = *pointer;               \
    bool first = true;                                          \
    m_out += pyname "(";                                        \
    fields if constexpr (kHasAttributes<Name>) attributes(node.loc, first); \
    m_out += ')';                                               \
  }
#include "parser/ast.def"

#undef F
#undef O

}  // namespace

namespace {

// Walks the tree with an explicit stack, so that no depth of nesting can
// exhaust the C++ stack while measuring it.
class DepthMeter {
 public:
  int measure(const Module& module, int limit) {
    m_depth = 1;
    push(&module);
    int deepest = 0;
    while (!m_stack.empty()) {
      Item item = m_stack.back();
      m_stack.pop_back();
      if (item.depth > deepest) {
        deepest = item.depth;
        if (deepest > limit) break;
      }
      m_depth = item.depth + 1;
      expand(item);
    }
    m_stack.clear();
    return deepest;
  }

 private:
  enum class Tag : uint8_t {
    Expr,
    Stmt,
    Pattern,
#define AST_PRODUCT(Name, pyname, fields) Name,
#include "parser/ast.def"
  };
  struct Item {
    Tag tag;
    const void* node;
    int depth;
  };

  void push(const ExprNode* node) {
    if (node) m_stack.push_back({Tag::Expr, node, m_depth});
  }
  void push(const StmtNode* node) {
    if (node) m_stack.push_back({Tag::Stmt, node, m_depth});
  }
  void push(const PatternNode* node) {
    if (node) m_stack.push_back({Tag::Pattern, node, m_depth});
  }
#define AST_PRODUCT(Name, pyname, fields)                     \
  void push(const Name* node) {                               \
    if (node) m_stack.push_back({Tag::Name, node, m_depth});  \
  }
#include "parser/ast.def"
  void push(Identifier) {}
  void push(int) {}
  void push(const ConstantValue&) {}
#define AST_ENUM(Type, values) \
  void push(Type) {}
#include "parser/ast.def"
  template <class T>
  void push(const Seq<T>& seq) {
    for (const T& item : seq) push(item);
  }

#define F(type, name) push(node.name);
#define O(type, name) push(node.name);
  void expand(const Item& item) {
    switch (item.tag) {
      case Tag::Expr: {
        auto* base = static_cast<const ExprNode*>(item.node);
        switch (base->node_kind) {
#define AST_EXPR(Name, fields)                                         \
  case ExprKind::Name: {                                               \
    [[maybe_unused]] auto& node = static_cast<const Name&>(*base);     \
    fields break;                                                      \
  }
#include "parser/ast.def"
        }
        break;
      }
      case Tag::Stmt: {
        auto* base = static_cast<const StmtNode*>(item.node);
        switch (base->node_kind) {
#define AST_STMT(Name, fields)                                         \
  case StmtKind::Name: {                                               \
    [[maybe_unused]] auto& node = static_cast<const Name&>(*base);     \
    fields break;                                                      \
  }
#include "parser/ast.def"
        }
        break;
      }
      case Tag::Pattern: {
        auto* base = static_cast<const PatternNode*>(item.node);
        switch (base->node_kind) {
#define AST_PATTERN(Name, fields)                                      \
  case PatternKind::Name: {                                            \
    [[maybe_unused]] auto& node = static_cast<const Name&>(*base);     \
    fields break;                                                      \
  }
#include "parser/ast.def"
        }
        break;
      }
#define AST_PRODUCT(Name, pyname, fields)                                 \
  case Tag::Name: {                                                       \
    [[maybe_unused]] auto& node = *static_cast<const Name*>(item.node);   \
    fields break;                                                         \
  }
#include "parser/ast.def"
    }
  }
#undef F
#undef O

  std::vector<Item> m_stack;
  int m_depth = 0;
};

}  // namespace

int depth(const Module& module, int limit) { return DepthMeter().measure(module, limit); }

std::string dump(const Module& module, bool include_attributes) {
  std::string out;
  Dumper(out, include_attributes).put(&module);
  return out;
}

}  // namespace coil::ast
