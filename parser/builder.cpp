// Building the syntax tree: names, constants, expressions, displays,
// comprehensions and most statements, for grammar.y's actions. Each helper
// builds one node and makes the checks CPython makes at that point.
#include <cstring>

#include "parser/parse_context.h"

namespace coil::parsing {

using namespace coil::ast;

namespace {

template <class T>
Seq<T> seq(Arena& arena, const std::vector<T>& values) {
  return make_seq(arena, values);
}

void add_parenthesis(ExprNode* expr) {
  if (expr->parenthesized < 255) ++expr->parenthesized;
}

}  // namespace

// --- Names and constants ---------------------------------------------------

Identifier ParseContext::identifier(const Token& name) {
  return name.value.empty() ? name.text : name.value;
}

Identifier ParseContext::join_dotted(Identifier left, Identifier right) {
  size_t size = left.size() + 1 + right.size();
  char* p = static_cast<char*>(m_arena.allocate(size, 1));
  std::memcpy(p, left.data(), left.size());
  p[left.size()] = '.';
  std::memcpy(p + left.size() + 1, right.data(), right.size());
  return Identifier(p, size);
}

Identifier ParseContext::star_name() { return "*"; }

std::string_view ParseContext::concat(std::string_view a, std::string_view b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  size_t size = a.size() + b.size();
  char* p = static_cast<char*>(m_arena.allocate(size, 1));
  std::memcpy(p, a.data(), a.size());
  std::memcpy(p + a.size(), b.data(), b.size());
  return std::string_view(p, size);
}

ExprNode* ParseContext::name(const Token& token) {
  auto* node = make<Name>(m_arena, token.loc);
  node->id = identifier(token);
  node->ctx = ExprContext::Load;
  return node;
}

ExprNode* ParseContext::number(const Token& token) {
  auto* node = make<Constant>(m_arena, token.loc);
  node->value = parse_number(token.text, m_arena);
  return node;
}

ExprNode* ParseContext::constant(ConstantValue::Kind kind, const Location& loc) {
  auto* node = make<Constant>(m_arena, loc);
  node->value.kind = kind;
  return node;
}

// --- Expressions -----------------------------------------------------------

ExprNode* ParseContext::tuple_or_single(std::vector<ExprNode*> elts, bool trailing_comma,
                                        const Location& loc) {
  if (elts.size() == 1 && !trailing_comma) return elts[0];
  return tuple(std::move(elts), loc);
}

ExprNode* ParseContext::tuple(std::vector<ExprNode*> elts, const Location& loc) {
  auto* node = make<Tuple>(m_arena, loc);
  node->elts = seq(m_arena, elts);
  node->ctx = ExprContext::Load;
  return node;
}

ExprNode* ParseContext::empty_tuple(const Location& loc) {
  ExprNode* node = tuple({}, loc);
  add_parenthesis(node);
  return node;
}

ExprNode* ParseContext::list(std::vector<ExprNode*> elts, const Location& loc) {
  auto* node = make<List>(m_arena, loc);
  node->elts = seq(m_arena, elts);
  node->ctx = ExprContext::Load;
  return node;
}

ExprNode* ParseContext::set(std::vector<ExprNode*> elts, const Location& loc) {
  auto* node = make<Set>(m_arena, loc);
  node->elts = seq(m_arena, elts);
  return node;
}

ExprNode* ParseContext::dict(std::vector<DictItem> items, const Location& loc) {
  auto* node = make<Dict>(m_arena, loc);
  std::vector<ExprNode*> keys, values;
  keys.reserve(items.size());
  values.reserve(items.size());
  for (const DictItem& item : items) {
    keys.push_back(item.key);
    values.push_back(item.value);
  }
  node->keys = seq(m_arena, keys);
  node->values = seq(m_arena, values);
  return node;
}

DictItem ParseContext::dict_item(ExprNode* key, ExprNode* value) { return DictItem{key, value}; }

ExprNode* ParseContext::starred(ExprNode* value, const Location& loc) {
  auto* node = make<Starred>(m_arena, loc);
  node->value = value;
  node->ctx = ExprContext::Load;
  return node;
}

// assignment_expression: NAME ':=' ~ expression
// invalid_named_expression: a=expression ':=' expression
//     "cannot use assignment expressions with %s"
ExprNode* ParseContext::named_expr(ExprNode* target, ExprNode* value, const Location& loc) {
  if (target->node_kind != ExprKind::Name || target->parenthesized != 0) {
    record_error(std::string("cannot use assignment expressions with ") + expr_name(target),
                 target->loc);
  }
  set_context(target, ExprContext::Store);
  auto* node = make<NamedExpr>(m_arena, loc);
  node->target = target;
  node->value = value;
  return node;
}

ExprNode* ParseContext::if_exp(ExprNode* test, ExprNode* body, ExprNode* orelse,
                               const Location& loc) {
  auto* node = make<IfExp>(m_arena, loc);
  node->test = test;
  node->body = body;
  node->orelse = orelse;
  return node;
}

ExprNode* ParseContext::bool_op(BoolOperator op, std::vector<ExprNode*> values,
                                const Location& loc) {
  auto* node = make<BoolOp>(m_arena, loc);
  node->op = op;
  node->values = seq(m_arena, values);
  return node;
}

ExprNode* ParseContext::unary_op(UnaryOperator op, ExprNode* operand, const Location& loc) {
  auto* node = make<UnaryOp>(m_arena, loc);
  node->op = op;
  node->operand = operand;
  return node;
}

ExprNode* ParseContext::bin_op(ExprNode* left, Operator op, ExprNode* right, const Location& loc) {
  auto* node = make<BinOp>(m_arena, loc);
  node->left = left;
  node->op = op;
  node->right = right;
  return node;
}

ExprNode* ParseContext::compare(ExprNode* left, CompareTail tail, const Location& loc) {
  auto* node = make<Compare>(m_arena, loc);
  node->left = left;
  node->ops = seq(m_arena, tail.ops);
  node->comparators = seq(m_arena, tail.comparators);
  return node;
}

ExprNode* ParseContext::await_expr(ExprNode* value, const Location& loc) {
  auto* node = make<Await>(m_arena, loc);
  node->value = value;
  return node;
}

ExprNode* ParseContext::yield_expr(ExprNode* value, const Location& loc) {
  auto* node = make<Yield>(m_arena, loc);
  node->value = value;
  return node;
}

ExprNode* ParseContext::yield_from(ExprNode* value, const Location& loc) {
  auto* node = make<YieldFrom>(m_arena, loc);
  node->value = value;
  return node;
}

ExprNode* ParseContext::attribute(ExprNode* value, const Token& attr, const Location& loc) {
  auto* node = make<Attribute>(m_arena, loc);
  node->value = value;
  node->attr = identifier(attr);
  node->ctx = ExprContext::Load;
  return node;
}

ExprNode* ParseContext::subscript(ExprNode* value, ExprNode* slice, const Location& loc) {
  auto* node = make<Subscript>(m_arena, loc);
  node->value = value;
  node->slice = slice;
  node->ctx = ExprContext::Load;
  return node;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
// A lone starred item is not a `slice`, so `a[*b]` is a tuple too.
ExprNode* ParseContext::slices(std::vector<ExprNode*> items, bool trailing_comma,
                               const Location& loc) {
  if (items.size() == 1 && !trailing_comma && items[0]->node_kind != ExprKind::Starred) {
    return items[0];
  }
  return tuple(std::move(items), loc);
}

ExprNode* ParseContext::slice(ExprNode* lower, ExprNode* upper, ExprNode* step,
                              const Location& loc) {
  auto* node = make<Slice>(m_arena, loc);
  node->lower = lower;
  node->upper = upper;
  node->step = step;
  return node;
}

ExprNode* ParseContext::lambda(Arguments* args, ExprNode* body, const Location& loc) {
  auto* node = make<Lambda>(m_arena, loc);
  node->args = args;
  node->body = body;
  return node;
}

// --- Parenthesized forms -----------------------------------------------------

ExprNode* ParseContext::group(ExprNode* inner) {
  add_parenthesis(inner);
  return inner;
}

ParenItem ParseContext::paren_item(ExprNode* expr) { return ParenItem{expr, nullptr, {}}; }

ParenItem ParseContext::paren_with_item(ExprNode* expr, ExprNode* target, const Location& as_loc) {
  return ParenItem{expr, target, as_loc};
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' named_expression ')'
// invalid_group: '(' a=starred_expression ')' "cannot use starred expression here"
ExprNode* ParseContext::paren_atom(std::vector<ParenItem> items, bool trailing_comma,
                                   const Location& loc) {
  for (const ParenItem& item : items) {
    // `x as y` is a with-item; anywhere else `as` is out of place. After
    // `with (`, CPython read on to the token after ')' looking for ':'.
    if (item.as_target) {
      record_error("invalid syntax", is_with_parenthesis(loc)
                                         ? token_error_location(m_last_token)
                                         : item.as_loc);
    }
  }
  if (items.size() == 1 && !trailing_comma) {
    ExprNode* inner = items[0].expr;
    if (inner->node_kind == ExprKind::Starred) {
      record_error("cannot use starred expression here", inner->loc);
    }
    return group(inner);
  }
  std::vector<ExprNode*> elts;
  elts.reserve(items.size());
  for (const ParenItem& item : items) elts.push_back(item.expr);
  ExprNode* node = tuple(std::move(elts), loc);
  add_parenthesis(node);
  return node;
}

// --- Comprehensions --------------------------------------------------------

Comprehension* ParseContext::comprehension(bool is_async, ExprNode* target, ExprNode* iter,
                                           std::vector<ExprNode*> ifs) {
  auto* node = m_arena.make<Comprehension>();
  node->target = target;
  node->iter = iter;
  node->ifs = seq(m_arena, ifs);
  node->is_async = is_async ? 1 : 0;
  return node;
}

ExprNode* ParseContext::make_genexp(ExprNode* elt, std::vector<Comprehension*> generators,
                                    const Location& loc) {
  auto* node = make<GeneratorExp>(m_arena, loc);
  node->elt = elt;
  node->generators = seq(m_arena, generators);
  return node;
}

// invalid_comprehension:
//     | ('[' | '(' | '{') a=starred_expression for_if_clauses
//         "iterable unpacking cannot be used in comprehension"
//     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
//         "did you forget parentheses around the comprehension target?" (a to b's last)
//     | ('[' | '{') a=star_named_expression b=',' for_if_clauses
//         "did you forget parentheses around the comprehension target?" (a to ',')
bool ParseContext::check_comprehension_element(ExprNode* first, size_t count, bool trailing_comma,
                                               ExprNode* last, const Location& comma_loc) {
  if (count == 1 && !trailing_comma) {
    if (first->node_kind == ExprKind::Starred) {
      record_error("iterable unpacking cannot be used in comprehension", first->loc);
      return false;
    }
    return true;
  }
  if (count == 1) {
    record_error("did you forget parentheses around the comprehension target?", first->loc,
                 comma_loc);
  } else {
    record_error("did you forget parentheses around the comprehension target?", first->loc,
                 last->loc);
  }
  return false;
}

// The `for` or `async` that starts a comprehension at `loc`.
Location ParseContext::first_keyword(const Location& loc, bool is_async) {
  return Location{loc.lineno, loc.col_offset, loc.lineno, loc.col_offset + (is_async ? 5 : 3)};
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
ExprNode* ParseContext::paren_comprehension(std::vector<ParenItem> items, bool trailing_comma,
                                            std::vector<Comprehension*> generators,
                                            const Location& for_loc, const Location& loc) {
  for (const ParenItem& item : items) {
    if (item.as_target) record_error("invalid syntax", item.as_loc);
  }
  ExprNode* first = items[0].expr;
  if (items.size() == 1 && !trailing_comma && first->node_kind == ExprKind::Starred) {
    record_error("iterable unpacking cannot be used in comprehension", first->loc);
  } else if (items.size() != 1 || trailing_comma) {
    // CPython has no dedicated message for `(a, b for …)`: its parse fails at
    // the `for` (or `async`).
    record_error("invalid syntax", first_keyword(for_loc, generators[0]->is_async));
  }
  ExprNode* node = make_genexp(first, std::move(generators), loc);
  add_parenthesis(node);
  return node;
}

// listcomp: '[' named_expression for_if_clauses ']'
ExprNode* ParseContext::list_comprehension(std::vector<ExprNode*> elts, bool trailing_comma,
                                           const Location& comma,
                                           std::vector<Comprehension*> generators,
                                           const Location& loc) {
  check_comprehension_element(elts[0], elts.size(), trailing_comma, elts.back(), comma);
  auto* node = make<ListComp>(m_arena, loc);
  node->elt = elts[0];
  node->generators = seq(m_arena, generators);
  return node;
}

// setcomp: '{' named_expression for_if_clauses '}'
ExprNode* ParseContext::set_comprehension(std::vector<ExprNode*> elts, bool trailing_comma,
                                          const Location& comma,
                                          std::vector<Comprehension*> generators,
                                          const Location& loc) {
  check_comprehension_element(elts[0], elts.size(), trailing_comma, elts.back(), comma);
  auto* node = make<SetComp>(m_arena, loc);
  node->elt = elts[0];
  node->generators = seq(m_arena, generators);
  return node;
}

// dictcomp: '{' kvpair for_if_clauses '}'
// invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
//     "dict unpacking cannot be used in dict comprehension"
ExprNode* ParseContext::dict_comprehension(std::vector<DictItem> items, bool trailing_comma,
                                           std::vector<Comprehension*> generators,
                                           const Location& for_loc, const Location& loc) {
  const DictItem& first = items[0];
  if (first.key == nullptr) {
    // The location is the `**` token, just before the value.
    Location star{first.value->loc.lineno, first.value->loc.col_offset - 2,
                  first.value->loc.lineno, first.value->loc.col_offset};
    record_error("dict unpacking cannot be used in dict comprehension", star);
  } else if (items.size() != 1 || trailing_comma) {
    record_error("invalid syntax", first_keyword(for_loc, generators[0]->is_async));
  }
  auto* node = make<DictComp>(m_arena, loc);
  node->key = first.key ? first.key : first.value;
  node->value = first.value;
  node->generators = seq(m_arena, generators);
  return node;
}

// --- Simple statements ------------------------------------------------------

StmtNode* ParseContext::expression_stmt(ExprNode* value, const Location& loc) {
  auto* node = make<Expr>(m_arena, loc);
  node->value = value;
  return node;
}

StmtNode* ParseContext::return_stmt(ExprNode* value, const Location& loc) {
  auto* node = make<Return>(m_arena, loc);
  node->value = value;
  return node;
}

StmtNode* ParseContext::raise_stmt(ExprNode* exc, ExprNode* cause, const Location& loc) {
  auto* node = make<Raise>(m_arena, loc);
  node->exc = exc;
  node->cause = cause;
  return node;
}

StmtNode* ParseContext::assert_stmt(ExprNode* test, ExprNode* msg, const Location& loc) {
  auto* node = make<Assert>(m_arena, loc);
  node->test = test;
  node->msg = msg;
  return node;
}

StmtNode* ParseContext::simple_keyword_stmt(StmtKind kind, const Location& loc) {
  switch (kind) {
    case StmtKind::Break: return make<Break>(m_arena, loc);
    case StmtKind::Continue: return make<Continue>(m_arena, loc);
    default: return make<Pass>(m_arena, loc);
  }
}

StmtNode* ParseContext::global_stmt(std::vector<Identifier> names, const Location& loc) {
  auto* node = make<Global>(m_arena, loc);
  node->names = seq(m_arena, names);
  return node;
}

StmtNode* ParseContext::nonlocal_stmt(std::vector<Identifier> names, const Location& loc) {
  auto* node = make<Nonlocal>(m_arena, loc);
  node->names = seq(m_arena, names);
  return node;
}

StmtNode* ParseContext::import_stmt(std::vector<Alias*> names, const Location& loc) {
  auto* node = make<Import>(m_arena, loc);
  node->names = seq(m_arena, names);
  return node;
}

StmtNode* ParseContext::import_from_stmt(Identifier module, int level, std::vector<Alias*> names,
                                         const Location& loc) {
  auto* node = make<ImportFrom>(m_arena, loc);
  node->module = module;
  node->names = seq(m_arena, names);
  node->level = level;
  return node;
}

// invalid_import_from_targets: import_from_as_names ',' NEWLINE
//     "trailing comma not allowed without surrounding parentheses"
std::vector<Alias*> ParseContext::import_trailing_comma(std::vector<Alias*> names,
                                                        const Location& comma) {
  // CPython points at the token after the comma (the NEWLINE).
  record_error("trailing comma not allowed without surrounding parentheses",
               token_error_location(m_last_token));
  (void)comma;
  return names;
}

Alias* ParseContext::alias(Identifier name, Identifier asname, const Location& loc) {
  auto* node = m_arena.make<Alias>();
  node->loc = loc;
  node->name = name;
  node->asname = asname;
  return node;
}

// --- Compound statements ----------------------------------------------------

StmtNode* ParseContext::decorate(StmtNode* def, std::vector<ExprNode*> decorators) {
  Seq<ExprNode*> list = seq(m_arena, decorators);
  switch (def->node_kind) {
    case StmtKind::FunctionDef: static_cast<FunctionDef*>(def)->decorator_list = list; break;
    case StmtKind::AsyncFunctionDef:
      static_cast<AsyncFunctionDef*>(def)->decorator_list = list;
      break;
    case StmtKind::ClassDef: static_cast<ClassDef*>(def)->decorator_list = list; break;
    default: break;
  }
  return def;
}

StmtNode* ParseContext::class_def(const Token& name, const CallArguments* arguments,
                                  std::vector<StmtNode*> body, const Location& loc) {
  auto* node = make<ClassDef>(m_arena, loc);
  node->name = identifier(name);
  if (arguments) {
    node->bases = seq(m_arena, arguments->args);
    node->keywords = seq(m_arena, arguments->keywords);
  }
  node->body = seq(m_arena, body);
  return node;
}

StmtNode* ParseContext::function_def(bool is_async, const Token& name, Arguments* args,
                                     ExprNode* returns, std::vector<StmtNode*> body,
                                     const Location& loc) {
  if (is_async) {
    auto* node = make<AsyncFunctionDef>(m_arena, loc);
    node->name = identifier(name);
    node->args = args;
    node->body = seq(m_arena, body);
    node->returns = returns;
    return node;
  }
  auto* node = make<FunctionDef>(m_arena, loc);
  node->name = identifier(name);
  node->args = args;
  node->body = seq(m_arena, body);
  node->returns = returns;
  return node;
}

StmtNode* ParseContext::if_stmt(ExprNode* test, std::vector<StmtNode*> body,
                                std::vector<StmtNode*> orelse, const Location& loc) {
  auto* node = make<If>(m_arena, loc);
  node->test = test;
  node->body = seq(m_arena, body);
  node->orelse = seq(m_arena, orelse);
  return node;
}

StmtNode* ParseContext::while_stmt(ExprNode* test, std::vector<StmtNode*> body,
                                   std::vector<StmtNode*> orelse, const Location& loc) {
  auto* node = make<While>(m_arena, loc);
  node->test = test;
  node->body = seq(m_arena, body);
  node->orelse = seq(m_arena, orelse);
  return node;
}

StmtNode* ParseContext::for_stmt(bool is_async, ExprNode* target, ExprNode* iter,
                                 std::vector<StmtNode*> body, std::vector<StmtNode*> orelse,
                                 const Location& loc) {
  if (is_async) {
    auto* node = make<AsyncFor>(m_arena, loc);
    node->target = target;
    node->iter = iter;
    node->body = seq(m_arena, body);
    node->orelse = seq(m_arena, orelse);
    return node;
  }
  auto* node = make<For>(m_arena, loc);
  node->target = target;
  node->iter = iter;
  node->body = seq(m_arena, body);
  node->orelse = seq(m_arena, orelse);
  return node;
}

StmtNode* ParseContext::with_stmt(bool is_async, std::vector<WithItem*> items,
                                  std::vector<StmtNode*> body, const Location& loc) {
  if (is_async) {
    auto* node = make<AsyncWith>(m_arena, loc);
    node->items = seq(m_arena, items);
    node->body = seq(m_arena, body);
    return node;
  }
  auto* node = make<With>(m_arena, loc);
  node->items = seq(m_arena, items);
  node->body = seq(m_arena, body);
  return node;
}

ExprNode* ParseContext::unparenthesized_exception_types(ExprNode* first, const Location& colon) {
  record_error("multiple exception types must be parenthesized",
               Location{first->loc.lineno, first->loc.col_offset, colon.lineno, colon.col_offset});
  return first;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
Handler ParseContext::except_handler(const Location* star, ExprNode* type, const Token& name,
                                     std::vector<StmtNode*> body, const Location& loc) {
  auto* node = m_arena.make<ExceptHandler>();
  node->loc = loc;
  node->type = type;
  if (name.kind == TokenKind::NAME) node->name = identifier(name);
  node->body = seq(m_arena, body);
  Handler handler;
  handler.handler = node;
  handler.star = star != nullptr;
  handler.except_loc = Location{loc.lineno, loc.col_offset, loc.lineno, loc.col_offset + 6};
  if (star) handler.star_loc = *star;
  return handler;
}

// try_stmt, with invalid_try_stmt's
//     "cannot have both 'except' and 'except*' on the same 'try'"
StmtNode* ParseContext::try_stmt(std::vector<StmtNode*> body, std::vector<Handler> handlers,
                                 std::vector<StmtNode*> orelse, std::vector<StmtNode*> finalbody,
                                 const Location& loc) {
  bool star = !handlers.empty() && handlers[0].star;
  for (const Handler& handler : handlers) {
    if (handler.star == star) continue;
    if (handler.star) {
      // except_block+ a='except' b='*': the range of `except*`.
      record_error("cannot have both 'except' and 'except*' on the same 'try'",
                   handler.except_loc, handler.star_loc);
    } else {
      // except_star_block+ a='except': the `except` keyword.
      record_error("cannot have both 'except' and 'except*' on the same 'try'",
                   handler.except_loc);
    }
    break;
  }
  std::vector<ExceptHandler*> list;
  list.reserve(handlers.size());
  for (const Handler& handler : handlers) list.push_back(handler.handler);
  if (star) {
    auto* node = make<TryStar>(m_arena, loc);
    node->body = seq(m_arena, body);
    node->handlers = seq(m_arena, list);
    node->orelse = seq(m_arena, orelse);
    node->finalbody = seq(m_arena, finalbody);
    return node;
  }
  auto* node = make<Try>(m_arena, loc);
  node->body = seq(m_arena, body);
  node->handlers = seq(m_arena, list);
  node->orelse = seq(m_arena, orelse);
  node->finalbody = seq(m_arena, finalbody);
  return node;
}

// --- Results -----------------------------------------------------------------

void ParseContext::set_module(std::vector<StmtNode*> body) {
  m_module = m_arena.make<Module>();
  m_module->body = seq(m_arena, body);
}

void ParseContext::set_sub_expression(ExprNode* expr, const Location& loc) {
  (void)loc;
  m_sub_expression_result = expr;
}

// _PyPegen_get_expr_name
const char* ParseContext::expr_name(const ExprNode* e) {
  switch (e->node_kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstantValue::Kind::None: return "None";
        case ConstantValue::Kind::False: return "False";
        case ConstantValue::Kind::True: return "True";
        case ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

}  // namespace coil::parsing
