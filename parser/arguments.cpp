// Call arguments and parameter lists.
//
// The grammar reads both as flat lists of items; the order CPython's grammar
// enforces (positional before keyword arguments, defaults after non-defaults,
// `/` before `*`, nothing after `**kwargs`, …) is checked here, with the
// messages of CPython's invalid_arguments, invalid_kwarg, invalid_parameters,
// invalid_star_etc and invalid_kwds rules.
#include "parser/parse_context.h"

namespace coil::parsing {

using namespace coil::ast;

// --- Call arguments ----------------------------------------------------------

ArgItem ParseContext::positional_argument(ExprNode* value) {
  ArgItem item;
  item.kind = ArgKind::Positional;
  item.value = value;
  item.loc = value->loc;
  return item;
}

ExprNode* ParseContext::argument_named_expr(ExprNode* target, ExprNode* value,
                                            const Location& colon_equal, const Location& loc) {
  if (target->node_kind != ExprKind::Name || target->parenthesized != 0) {
    record_error("invalid syntax", colon_equal);
  }
  return named_expr(target, value, loc);
}

// An unparenthesized generator expression, `f(x for x in y)`: valid only as
// the sole argument (checked by call_arguments).
ArgItem ParseContext::generator_argument(ExprNode* elt, std::vector<Comprehension*> generators,
                                         const Location& for_loc, const Location& loc) {
  ArgItem item;
  item.kind = ArgKind::Generator;
  item.for_loc = Location{for_loc.lineno, for_loc.col_offset, for_loc.lineno,
                          for_loc.col_offset + 3};
  // _PyPegen_get_last_comprehension_item: the last `if`, else the iterable.
  const Comprehension* last = generators.back();
  item.last_comprehension_loc =
      last->ifs.empty() ? last->iter->loc : last->ifs[last->ifs.size - 1]->loc;
  item.value = make_genexp(elt, std::move(generators), loc);
  item.loc = loc;
  return item;
}

ArgItem ParseContext::starred_argument(ExprNode* value, const Location& loc) {
  ArgItem item;
  item.kind = ArgKind::Starred;
  item.value = starred(value, loc);
  item.loc = loc;
  return item;
}

ArgItem ParseContext::double_starred_argument(ExprNode* value, const Location& loc) {
  ArgItem item;
  item.kind = ArgKind::DoubleStarred;
  item.keyword = m_arena.make<Keyword>();
  item.keyword->loc = loc;
  item.keyword->value = value;
  item.loc = loc;
  return item;
}

// kwarg_or_starred: NAME '=' expression
// invalid_kwarg:
//     | a=('True'|'False'|'None') b='='     "cannot assign to %s"
//     | !(NAME '=') a=expression b='='
//         "expression cannot contain assignment, perhaps you meant \"==\"?"
ArgItem ParseContext::keyword_argument(ExprNode* target, ExprNode* value,
                                       const Location& equal_loc, const Location& loc) {
  if (target->node_kind != ExprKind::Name || target->parenthesized != 0) {
    bool keyword_constant = false;
    if (target->node_kind == ExprKind::Constant && target->parenthesized == 0) {
      auto kind = static_cast<Constant*>(target)->value.kind;
      keyword_constant = kind == ConstantValue::Kind::True || kind == ConstantValue::Kind::False ||
                         kind == ConstantValue::Kind::None;
    }
    if (keyword_constant) {
      record_error(std::string("cannot assign to ") + expr_name(target), target->loc, equal_loc);
    } else {
      record_error("expression cannot contain assignment, perhaps you meant \"==\"?", target->loc,
                   equal_loc);
    }
  }
  ArgItem item;
  item.kind = ArgKind::Keyword;
  item.keyword = m_arena.make<Keyword>();
  item.keyword->loc = loc;
  if (target->node_kind == ExprKind::Name) item.keyword->arg = static_cast<Name*>(target)->id;
  item.keyword->value = value;
  item.loc = loc;
  return item;
}

// invalid_kwarg: a=NAME b='=' expression for_if_clauses
ArgItem ParseContext::keyword_generator_argument(ExprNode* target, const Location& equal_loc) {
  record_error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", target->loc,
               equal_loc);
  return positional_argument(target);
}

// arguments: args [','] &')'
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//     | kwargs
// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | … 
// invalid_arguments:
//     | a=args ',' '*'  "iterable argument unpacking follows keyword argument unpacking"
//     | a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
//         "Generator expression must be parenthesized"
//     | a=args ',' args  "positional argument follows keyword argument [unpacking]"
CallArguments ParseContext::call_arguments(std::vector<ArgItem> items, bool trailing_comma,
                                           const Location& lpar, const Location& rpar,
                                           bool class_bases) {
  CallArguments result;
  for (size_t i = 0; i < items.size(); ++i) {
    const ArgItem& item = items[i];
    if (item.kind != ArgKind::Generator) continue;
    auto* genexp = static_cast<GeneratorExp*>(item.value);
    if (genexp->elt->node_kind == ExprKind::Starred && i == 0 && !class_bases) {
      // invalid_comprehension: the call's '(' opens `(*a for a in b)`.
      record_error("iterable unpacking cannot be used in comprehension", genexp->elt->loc);
    } else if (items.size() == 1 && !trailing_comma && class_bases) {
      // class_def_raw takes `arguments`, not `genexp`: CPython's parse fails
      // at the `for` (its first pass got no further).
      record_error("invalid syntax", item.for_loc);
    } else if (items.size() == 1 && !trailing_comma) {
      // primary genexp: the generator's parentheses are the call's.
      item.value->loc = span(lpar, rpar);
      item.value->parenthesized = 1;
    } else {
      record_error("Generator expression must be parenthesized", genexp->elt->loc,
                   item.last_comprehension_loc);
    }
    break;
  }
  bool seen_keyword = false;
  bool seen_double_star = false;
  for (size_t i = 0; i < items.size(); ++i) {
    const ArgItem& item = items[i];
    switch (item.kind) {
      case ArgKind::Positional:
      case ArgKind::Generator:
        if (seen_keyword || seen_double_star) {
          // RAISE_SYNTAX_ERROR: CPython points at the last token it read,
          // which is the one after the argument list's end.
          record_error(seen_double_star ? "positional argument follows keyword argument unpacking"
                                        : "positional argument follows keyword argument",
                       m_last_token.loc);
        }
        result.args.push_back(item.value);
        break;
      case ArgKind::Starred:
        if (seen_double_star) {
          // CPython points at the '*'.
          record_error("iterable argument unpacking follows keyword argument unpacking",
                       Location{item.loc.lineno, item.loc.col_offset, item.loc.lineno,
                                item.loc.col_offset + 1});
        }
        result.args.push_back(item.value);
        break;
      case ArgKind::Keyword:
        seen_keyword = true;
        result.keywords.push_back(item.keyword);
        break;
      case ArgKind::DoubleStarred:
        seen_double_star = true;
        result.keywords.push_back(item.keyword);
        break;
    }
  }
  return result;
}

ExprNode* ParseContext::call(ExprNode* func, CallArguments arguments, const Location& loc) {
  auto* node = make<Call>(m_arena, loc);
  node->func = func;
  node->args = make_seq(m_arena, arguments.args);
  node->keywords = make_seq(m_arena, arguments.keywords);
  return node;
}

// --- Parameters --------------------------------------------------------------

// param: NAME annotation?
ParamItem ParseContext::param(ParamKind kind, const Token& name, ExprNode* annotation,
                              const Location& loc) {
  ParamItem item;
  item.kind = kind;
  item.arg = m_arena.make<Arg>();
  // The arg node spans the name and its annotation, not the `*` or `**`.
  item.arg->loc = kind == ParamKind::Plain ? loc : span(name.loc, loc);
  item.arg->arg = identifier(name);
  item.arg->annotation = annotation;
  item.loc = loc;
  return item;
}

ParamItem ParseContext::param_marker(ParamKind kind, const Location& loc) {
  ParamItem item;
  item.kind = kind;
  item.loc = loc;
  return item;
}

ParamItem ParseContext::param_default(ParamItem item, ExprNode* value, const Location& equal_loc) {
  item.default_value = value;
  item.equal_loc = equal_loc;
  return item;
}

// The order of CPython's `parameters` rule —
//     [positional-only params '/'] [params] [params with defaults]
//     ['*' [NAME] | '*'] [keyword-only params] ['**' NAME]
// with the messages of invalid_parameters, invalid_star_etc, invalid_kwds and
// their lambda twins. On a prefix of a list (`complete` false: the list's
// parse failed further on), only what the prefix decides is reported.
bool ParseContext::check_parameters(const std::vector<ParamItem>& items, bool trailing_comma,
                                    bool is_lambda, bool complete) {
  enum { kPositional, kAfterSlash, kKeywordOnly, kAfterKwargs } state = kPositional;
  bool seen_default = false;
  size_t positional = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const ParamItem& item = items[i];
    bool last = i + 1 == items.size();
    bool comma_follows = !last || trailing_comma;
    if (state == kAfterKwargs) {
      // invalid_kwds: '**' param ',' a=param | '**' param ',' a=('*'|'**'|'/'):
      // the parameter, or the '*', '**' or '/' that starts it.
      Location at = item.loc;
      if (item.kind != ParamKind::Plain) {
        int width = item.kind == ParamKind::DoubleStar ? 2 : 1;
        at = Location{at.lineno, at.col_offset, at.lineno, at.col_offset + width};
      }
      record_error("arguments cannot follow var-keyword argument", at);
      return false;
    }
    switch (item.kind) {
      case ParamKind::Slash:
        if (state == kKeywordOnly) {
          record_error("/ must be ahead of *", item.loc);
          return false;
        }
        if (state == kAfterSlash) {
          record_error("/ may appear only once", item.loc);
          return false;
        }
        if (positional == 0) {
          // invalid_parameters: a="/" ','; without the comma CPython's parse
          // just fails at the '/'.
          if (comma_follows || complete) {
            record_error(comma_follows ? "at least one argument must precede /" : "invalid syntax",
                         item.loc);
            return false;
          }
        }
        if (item.default_value) {
          record_error("invalid syntax", item.equal_loc);
          return false;
        }
        state = kAfterSlash;
        break;
      case ParamKind::Plain:
        if (state == kKeywordOnly) break;
        if (item.default_value) {
          seen_default = true;
        } else if (seen_default) {
          record_error("non-default argument follows default argument", item.loc);
          return false;
        }
        ++positional;
        break;
      case ParamKind::Star:
      case ParamKind::BareStar:
        if (state == kKeywordOnly) {
          record_error("* argument may appear only once", Location{item.loc.lineno,
                       item.loc.col_offset, item.loc.lineno, item.loc.col_offset + 1});
          return false;
        }
        if (item.default_value) {
          record_error("var-positional argument cannot have default value", item.equal_loc);
          return false;
        }
        if (item.kind == ParamKind::BareStar &&
            ((last && complete) || (!last && items[i + 1].kind == ParamKind::DoubleStar))) {
          // invalid_star_etc: a='*' (')' | ',' (')' | '**')) points at the '*';
          // invalid_lambda_star_etc raises at the last token read, the ':'
          // or the '**' after the '*'.
          Location at = item.loc;
          if (is_lambda) {
            at = last ? token_error_location(m_last_token)
                      : Location{items[i + 1].loc.lineno, items[i + 1].loc.col_offset,
                                 items[i + 1].loc.lineno, items[i + 1].loc.col_offset + 2};
          }
          record_error("named arguments must follow bare *", at);
          return false;
        }
        state = kKeywordOnly;
        break;
      case ParamKind::DoubleStar:
        if (item.default_value) {
          record_error("var-keyword argument cannot have default value", item.equal_loc);
          return false;
        }
        state = kAfterKwargs;
        break;
    }
  }
  return true;
}

Arguments* ParseContext::parameters(std::vector<ParamItem> items, bool trailing_comma,
                                    bool is_lambda, const Location& loc) {
  (void)loc;
  check_parameters(items, trailing_comma, is_lambda, true);
  std::vector<Arg*> posonly, args, kwonly;
  std::vector<ExprNode*> defaults, kw_defaults;
  Arg* vararg = nullptr;
  Arg* kwarg = nullptr;
  bool keyword_only = false;
  for (const ParamItem& item : items) {
    switch (item.kind) {
      case ParamKind::Slash:
        posonly.insert(posonly.end(), args.begin(), args.end());
        args.clear();
        break;
      case ParamKind::Plain:
        if (keyword_only) {
          kwonly.push_back(item.arg);
          kw_defaults.push_back(item.default_value);
        } else {
          args.push_back(item.arg);
          if (item.default_value) defaults.push_back(item.default_value);
        }
        break;
      case ParamKind::Star:
      case ParamKind::BareStar:
        vararg = item.arg;
        keyword_only = true;
        break;
      case ParamKind::DoubleStar: kwarg = item.arg; break;
    }
  }
  auto* node = m_arena.make<Arguments>();
  node->posonlyargs = make_seq(m_arena, posonly);
  node->args = make_seq(m_arena, args);
  node->vararg = vararg;
  node->kwonlyargs = make_seq(m_arena, kwonly);
  node->kw_defaults = make_seq(m_arena, kw_defaults);
  node->kwarg = kwarg;
  node->defaults = make_seq(m_arena, defaults);
  return node;
}

}  // namespace coil::parsing
