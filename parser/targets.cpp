// Assignment, augmented and annotated assignment, del, for and with targets.
//
// The grammar reads every target as an expression; here it is checked and
// given Store or Del context. The messages are CPython's, and so is the
// choice among them: CPython finds them in its second, error-hunting pass
// through the `invalid_*` rules of Grammar/python.gram, whose order decides
// which message wins; each function names the rules it follows.
#include "parser/parse_context.h"

namespace coil::parsing {

using namespace coil::ast;

namespace {

bool is_plain(const ExprNode* e) { return e->parenthesized == 0; }

}  // namespace

// The bitwise_or that a PEG parse of `e` as a named_expression would read
// first, or null when `e` cannot start with one (`not x`, `lambda: x`, `*x`,
// `yield x`). Parenthesized expressions are atoms, so they are their own.
const ExprNode* leading_bitwise_or(const ExprNode* e) {
  for (;;) {
    if (!is_plain(e)) return e;
    switch (e->node_kind) {
      case ExprKind::Tuple: {
        auto* tuple = static_cast<const Tuple*>(e);
        if (tuple->elts.empty()) return nullptr;
        e = tuple->elts[0];
        break;
      }
      case ExprKind::Compare: e = static_cast<const Compare*>(e)->left; break;
      case ExprKind::BoolOp: e = static_cast<const BoolOp*>(e)->values[0]; break;
      case ExprKind::IfExp: e = static_cast<const IfExp*>(e)->body; break;
      case ExprKind::UnaryOp:
        if (static_cast<const UnaryOp*>(e)->op == UnaryOperator::Not) return nullptr;
        return e;
      case ExprKind::Lambda:
      case ExprKind::Starred:
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
      case ExprKind::NamedExpr: return nullptr;
      default: return e;
    }
  }
}

// `!(list|tuple|genexp|'True'|'None'|'False')`: whether the source of `e`
// begins with a list display, a parenthesized tuple or generator, or one of
// the three keyword constants.
bool starts_with_excluded_atom(const ExprNode* e) {
  for (;;) {
    if (!is_plain(e)) {
      return e->parenthesized == 1 &&
             (e->node_kind == ExprKind::Tuple || e->node_kind == ExprKind::GeneratorExp);
    }
    switch (e->node_kind) {
      case ExprKind::List: return true;
      case ExprKind::Constant: {
        auto kind = static_cast<const Constant*>(e)->value.kind;
        return kind == ConstantValue::Kind::True || kind == ConstantValue::Kind::False ||
               kind == ConstantValue::Kind::None;
      }
      case ExprKind::BinOp: e = static_cast<const BinOp*>(e)->left; break;
      case ExprKind::Call: e = static_cast<const Call*>(e)->func; break;
      case ExprKind::Attribute: e = static_cast<const Attribute*>(e)->value; break;
      case ExprKind::Subscript: e = static_cast<const Subscript*>(e)->value; break;
      default: return false;
    }
  }
}

namespace {

// Whether, in `… = part`, the bitwise_or read first from `part` is followed by
// something other than '=' or ':=' (`!('='|':=')`): true when it is only a
// prefix of `part`, or when `part` is the assigned value (last, followed by
// the end of the statement).
bool bitwise_or_not_followed_by_equal(const ExprNode* part, bool is_value) {
  const ExprNode* lead = leading_bitwise_or(part);
  if (lead == nullptr) return false;
  return lead != part || is_value;
}

}  // namespace

void ParseContext::set_context(ExprNode* expr, ExprContext ctx) {
  switch (expr->node_kind) {
    case ExprKind::Name: static_cast<Name*>(expr)->ctx = ctx; break;
    case ExprKind::Attribute: static_cast<Attribute*>(expr)->ctx = ctx; break;
    case ExprKind::Subscript: static_cast<Subscript*>(expr)->ctx = ctx; break;
    case ExprKind::Starred: {
      auto* starred = static_cast<Starred*>(expr);
      starred->ctx = ctx;
      set_context(starred->value, ctx);
      break;
    }
    case ExprKind::List: {
      auto* list = static_cast<List*>(expr);
      list->ctx = ctx;
      for (ExprNode* elt : list->elts) set_context(elt, ctx);
      break;
    }
    case ExprKind::Tuple: {
      auto* tuple = static_cast<Tuple*>(expr);
      tuple->ctx = ctx;
      for (ExprNode* elt : tuple->elts) set_context(elt, ctx);
      break;
    }
    default: break;
  }
}

// _PyPegen_get_invalid_target. Recursion only follows tuples, lists and
// starred expressions, whose nesting the lexer bounds (200 brackets).
ExprNode* ParseContext::invalid_target(ExprNode* e, TargetsType type) {
  switch (e->node_kind) {
    case ExprKind::List:
      for (ExprNode* elt : static_cast<List*>(e)->elts) {
        if (ExprNode* child = invalid_target(elt, type)) return child;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (ExprNode* elt : static_cast<Tuple*>(e)->elts) {
        if (ExprNode* child = invalid_target(elt, type)) return child;
      }
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(static_cast<Starred*>(e)->value, type);
    case ExprKind::Compare:
      // `for a in b` reads as a comparison when CPython hunts for the error;
      // the target is then the left side of the first `in`.
      if (type == TargetsType::For) {
        auto* compare = static_cast<Compare*>(e);
        if (compare->ops[0] == CmpOperator::In) return invalid_target(compare->left, type);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return e;
  }
}

// RAISE_SYNTAX_ERROR_INVALID_TARGET
bool ParseContext::check_target(ExprNode* expr, TargetsType type) {
  ExprNode* invalid = invalid_target(expr, type);
  if (invalid == nullptr) {
    // A starred expression in parentheses, `(*a) = 1`, is valid for
    // _PyPegen_get_invalid_target but not for the grammar.
    if (expr->node_kind == ExprKind::Starred && !is_plain(expr)) {
      record_error("cannot use starred expression here", expr->loc);
      return false;
    }
    return true;
  }
  const char* verb = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
  record_error(std::string(verb) + expr_name(invalid), invalid->loc);
  return false;
}

ExprNode* ParseContext::target_list(std::vector<ExprNode*> items, bool trailing_comma,
                                    const Location& loc) {
  ExprNode* target = tuple_or_single(std::move(items), trailing_comma, loc);
  if (check_target(target, TargetsType::For)) set_context(target, ExprContext::Store);
  return target;
}

// assignment: (star_targets '=')+ (yield_expr | star_expressions) !'='
// When a target is invalid, CPython's invalid_assignment decides the message:
//   alt 2 reads the first target as star_named_expressions, and on the way
//   invalid_named_expression may fire for the element just before the first
//   '=':
//     a=NAME '=' b=bitwise_or !('='|':=')
//         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
//     !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
//         "cannot assign to %s here. Maybe you meant '==' instead of '='?"
//   alt 4: (star_targets '=')* a=star_expressions '='  → the invalid target
//   alt 5: (star_targets '=')* a=yield_expr '='
//         "assignment to yield expression not possible"
StmtNode* ParseContext::assign_stmt(std::vector<ExprNode*> targets, ExprNode* value,
                                    const Location& loc) {
  bool all_valid = true;
  for (ExprNode* target : targets) {
    if (invalid_target(target, TargetsType::Star) != nullptr ||
        target->node_kind == ExprKind::Yield || target->node_kind == ExprKind::YieldFrom ||
        (target->node_kind == ExprKind::Starred && !is_plain(target))) {
      all_valid = false;
      break;
    }
  }
  if (!all_valid) {
    ExprNode* first = targets[0];
    ExprNode* after_first = targets.size() > 1 ? targets[1] : value;
    bool after_is_value = targets.size() == 1;
    ExprNode* last_element = first;
    if (first->node_kind == ExprKind::Tuple && is_plain(first)) {
      auto* tuple = static_cast<Tuple*>(first);
      last_element = tuple->elts.empty() ? nullptr : tuple->elts[tuple->elts.size - 1];
    }
    if (last_element != nullptr && last_element->node_kind != ExprKind::Starred &&
        bitwise_or_not_followed_by_equal(after_first, after_is_value)) {
      const ExprNode* lead = leading_bitwise_or(after_first);
      if (last_element->node_kind == ExprKind::Name && is_plain(last_element)) {
        record_error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                     last_element->loc, lead->loc);
      } else if (leading_bitwise_or(last_element) == last_element &&
                 !starts_with_excluded_atom(last_element)) {
        record_error(std::string("cannot assign to ") + expr_name(last_element) +
                         " here. Maybe you meant '==' instead of '='?",
                     last_element->loc);
      }
    }
    for (ExprNode* target : targets) {
      if (target->node_kind == ExprKind::Yield || target->node_kind == ExprKind::YieldFrom) {
        if (target->parenthesized == 0) {
          record_error("assignment to yield expression not possible", target->loc);
          break;
        }
      }
      if (!check_target(target, TargetsType::Star)) break;
    }
  }
  for (ExprNode* target : targets) set_context(target, ExprContext::Store);
  auto* node = make<Assign>(m_arena, loc);
  node->targets = make_seq(m_arena, targets);
  node->value = value;
  return node;
}

bool ParseContext::report_invalid_targets(const std::vector<ExprNode*>& targets,
                                          const ExprNode* value_start) {
  bool any_invalid = false;
  for (ExprNode* target : targets) {
    if (invalid_target(target, TargetsType::Star) != nullptr ||
        target->node_kind == ExprKind::Yield || target->node_kind == ExprKind::YieldFrom) {
      any_invalid = true;
    }
  }
  if (!any_invalid) return false;
  if (targets.size() == 1 && value_start != nullptr) {
    // The value's leading bitwise_or was read, and an error followed it.
    ExprNode* first = targets[0];
    ExprNode* last_element = first;
    if (first->node_kind == ExprKind::Tuple && is_plain(first)) {
      auto* tuple = static_cast<Tuple*>(first);
      last_element = tuple->elts.empty() ? nullptr : tuple->elts[tuple->elts.size - 1];
    }
    if (last_element != nullptr && last_element->node_kind != ExprKind::Starred) {
      if (last_element->node_kind == ExprKind::Name && is_plain(last_element)) {
        record_error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                     last_element->loc, value_start->loc);
        return true;
      }
      if (leading_bitwise_or(last_element) == last_element &&
          !starts_with_excluded_atom(last_element)) {
        record_error(std::string("cannot assign to ") + expr_name(last_element) +
                         " here. Maybe you meant '==' instead of '='?",
                     last_element->loc);
        return true;
      }
    }
  }
  for (ExprNode* target : targets) {
    if ((target->node_kind == ExprKind::Yield || target->node_kind == ExprKind::YieldFrom) &&
        target->parenthesized == 0) {
      record_error("assignment to yield expression not possible", target->loc);
      return true;
    }
    if (!check_target(target, TargetsType::Star)) return true;
  }
  return false;
}

bool ParseContext::report_invalid_for_targets(const std::vector<ExprNode*>& targets) {
  for (ExprNode* target : targets) {
    if (!check_target(target, TargetsType::For)) return true;
  }
  return false;
}

bool ParseContext::is_annotation_target(const ExprNode* target) {
  return target->node_kind == ExprKind::Name || target->node_kind == ExprKind::Attribute ||
         target->node_kind == ExprKind::Subscript;
}

// single_target augassign ~ (yield_expr | star_expressions)
// invalid_assignment: a=star_expressions augassign (yield_expr | star_expressions)
//     "'%s' is an illegal expression for augmented assignment"
StmtNode* ParseContext::aug_assign_stmt(ExprNode* target, Operator op, ExprNode* value,
                                        const Location& loc) {
  bool valid = target->node_kind == ExprKind::Name || target->node_kind == ExprKind::Attribute ||
               target->node_kind == ExprKind::Subscript;
  if (!valid) {
    record_error(std::string("'") + expr_name(target) +
                     "' is an illegal expression for augmented assignment",
                 target->loc);
  }
  set_context(target, ExprContext::Store);
  auto* node = make<AugAssign>(m_arena, loc);
  node->target = target;
  node->op = op;
  node->value = value;
  return node;
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]                       simple=1
//     | ('(' single_target ')' | single_subscript_attribute_target)
//           ':' expression ['=' annotated_rhs]                         simple=0
// invalid_assignment:
//     | a=invalid_ann_assign_target ':' expression
//         "only single target (not %s) can be annotated"
//     | a=star_named_expression ',' star_named_expressions* ':' expression
//         "only single target (not tuple) can be annotated"
//     | a=expression ':' expression   "illegal target for annotation"
StmtNode* ParseContext::ann_assign_stmt(ExprNode* target, ExprNode* annotation, ExprNode* value,
                                        const Location& loc) {
  check_annotation_target(target);
  set_context(target, ExprContext::Store);
  auto* node = make<AnnAssign>(m_arena, loc);
  node->target = target;
  node->annotation = annotation;
  node->value = value;
  node->simple = target->node_kind == ExprKind::Name && is_plain(target) ? 1 : 0;
  return node;
}

bool ParseContext::check_annotation_target(const ExprNode* target) {
  switch (target->node_kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return true;
    case ExprKind::List:
      record_error("only single target (not list) can be annotated", target->loc);
      return false;
    case ExprKind::Tuple:
      if (is_plain(target) && !static_cast<const Tuple*>(target)->elts.empty()) {
        auto* tuple = static_cast<const Tuple*>(target);
        record_error("only single target (not tuple) can be annotated", tuple->elts[0]->loc);
      } else {
        record_error("only single target (not tuple) can be annotated", target->loc);
      }
      return false;
    default: record_error("illegal target for annotation", target->loc); return false;
  }
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
// invalid_del_stmt: 'del' a=star_expressions → "cannot delete %s"
StmtNode* ParseContext::delete_stmt(std::vector<ExprNode*> targets, const Location& loc) {
  for (ExprNode* target : targets) {
    if (!check_target(target, TargetsType::Del)) break;
  }
  for (ExprNode* target : targets) set_context(target, ExprContext::Del);
  auto* node = make<Delete>(m_arena, loc);
  node->targets = make_seq(m_arena, targets);
  return node;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
// invalid_with_item: expression 'as' a=expression → "cannot assign to %s"
WithItem* ParseContext::with_item(ExprNode* context_expr, ExprNode* target) {
  if (target) {
    if (check_target(target, TargetsType::Star)) set_context(target, ExprContext::Store);
  }
  auto* node = m_arena.make<WithItem>();
  node->context_expr = context_expr;
  node->optional_vars = target;
  return node;
}

// 'with' '(' ','.with_item+ ','? ')' ':' block — when the items are not all
// with-items (`with (a, *b):`, `with (x := f()):`), CPython falls back to
// `'with' ','.with_item+`, reading the parentheses as one expression.
std::vector<WithItem*> ParseContext::parenthesized_with_items(std::vector<ParenItem> items,
                                                              bool trailing_comma,
                                                              const Location& lpar,
                                                              const Location& rpar) {
  bool all_items = true;
  for (const ParenItem& item : items) {
    if (item.as_target) continue;
    ExprKind kind = item.expr->node_kind;
    if ((kind == ExprKind::Starred || kind == ExprKind::NamedExpr) && is_plain(item.expr)) {
      all_items = false;
    }
  }
  std::vector<WithItem*> result;
  if (!all_items) {
    result.push_back(with_item(paren_atom(std::move(items), trailing_comma, span(lpar, rpar)),
                               nullptr));
    return result;
  }
  result.reserve(items.size());
  for (const ParenItem& item : items) result.push_back(with_item(item.expr, item.as_target));
  return result;
}

}  // namespace coil::parsing
