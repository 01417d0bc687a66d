// Match statements: the subject, the case blocks and every kind of pattern,
// with the checks of CPython's pattern rules (capture targets, complex
// literals, mapping `**rest`, class pattern argument order).
#include "parser/parse_context.h"

namespace coil::parsing {

using namespace coil::ast;

namespace {

template <class T>
Seq<T> seq(Arena& arena, const std::vector<T>& values) {
  return make_seq(arena, values);
}

bool is_wildcard(std::string_view name) { return name == "_"; }

}  // namespace

StmtNode* ParseContext::match_stmt(ExprNode* subject, std::vector<MatchCase*> cases,
                                   const Location& loc) {
  auto* node = make<Match>(m_arena, loc);
  node->subject = subject;
  node->cases = seq(m_arena, cases);
  return node;
}

// subject_expr:
//     | star_named_expression ',' star_named_expressions?   → a tuple
//     | named_expression
ExprNode* ParseContext::match_subject(std::vector<ExprNode*> items, bool trailing_comma,
                                      const Location& loc) {
  if (items.size() == 1 && !trailing_comma) {
    // CPython's parse fails at the token after the subject.
    if (items[0]->node_kind == ExprKind::Starred) {
      record_error("invalid syntax", token_error_location(m_last_token));
    }
    return items[0];
  }
  return tuple(std::move(items), loc);
}

MatchCase* ParseContext::match_case(PatternNode* pattern, ExprNode* guard,
                                    std::vector<StmtNode*> body) {
  auto* node = m_arena.make<MatchCase>();
  node->pattern = pattern;
  node->guard = guard;
  node->body = seq(m_arena, body);
  return node;
}

// patterns: open_sequence_pattern → MatchSequence | pattern
PatternNode* ParseContext::top_pattern(std::vector<PatternNode*> items, bool trailing_comma,
                                       const Location& loc) {
  if (items.size() == 1 && !trailing_comma) {
    if (items[0]->node_kind == PatternKind::MatchStar) {
      record_error("invalid syntax", token_error_location(m_last_token));
    }
    return items[0];
  }
  return match_sequence(std::move(items), loc);
}

// group_pattern: '(' pattern ')'
// sequence_pattern: '(' open_sequence_pattern? ')'
PatternNode* ParseContext::group_or_sequence_pattern(std::vector<PatternNode*> items,
                                                     bool trailing_comma, const Location& loc) {
  if (items.size() == 1 && !trailing_comma) {
    if (items[0]->node_kind == PatternKind::MatchStar) record_error("invalid syntax", items[0]->loc);
    return items[0];
  }
  return match_sequence(std::move(items), loc);
}

PatternNode* ParseContext::match_sequence(std::vector<PatternNode*> items, const Location& loc) {
  auto* node = make<MatchSequence>(m_arena, loc);
  node->patterns = seq(m_arena, items);
  return node;
}

// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
PatternNode* ParseContext::match_star(const Token& name, const Location& loc) {
  auto* node = make<MatchStar>(m_arena, loc);
  Identifier id = identifier(name);
  if (!is_wildcard(id)) node->name = id;
  return node;
}

// as_pattern: or_pattern 'as' pattern_capture_target
// invalid_as_pattern: or_pattern 'as' a="_" → "cannot use '_' as a target"
PatternNode* ParseContext::match_as(PatternNode* pattern, const Token& name, const Location& loc) {
  Identifier id = identifier(name);
  if (is_wildcard(id)) record_error("cannot use '_' as a target", name.loc);
  auto* node = make<MatchAs>(m_arena, loc);
  node->pattern = pattern;
  node->name = id;
  return node;
}

PatternNode* ParseContext::match_or(std::vector<PatternNode*> alternatives, const Location& loc) {
  auto* node = make<MatchOr>(m_arena, loc);
  node->patterns = seq(m_arena, alternatives);
  return node;
}

// capture_pattern: pattern_capture_target ; wildcard_pattern: "_"
PatternNode* ParseContext::capture_pattern(const Token& name, const Location& loc) {
  auto* node = make<MatchAs>(m_arena, loc);
  Identifier id = identifier(name);
  if (!is_wildcard(id)) node->name = id;
  return node;
}

PatternNode* ParseContext::match_value(ExprNode* value, const Location& loc) {
  auto* node = make<MatchValue>(m_arena, loc);
  node->value = value;
  return node;
}

PatternNode* ParseContext::match_singleton(ConstantValue::Kind kind, const Location& loc) {
  auto* node = make<MatchSingleton>(m_arena, loc);
  node->value.kind = kind;
  return node;
}

// complex_number: signed_real_number ('+' | '-') imaginary_number
// _PyPegen_ensure_real / _PyPegen_ensure_imaginary
ExprNode* ParseContext::complex_literal(ExprNode* real, Operator op, ExprNode* imag,
                                        const Location& loc) {
  const ExprNode* real_number = real;
  if (real_number->node_kind == ExprKind::UnaryOp) {
    real_number = static_cast<const UnaryOp*>(real_number)->operand;
  }
  if (static_cast<const Constant*>(real_number)->value.kind == ConstantValue::Kind::Complex) {
    record_error("real number required in complex literal", real_number->loc);
  } else if (static_cast<const Constant*>(imag)->value.kind != ConstantValue::Kind::Complex) {
    record_error("imaginary number required in complex literal", imag->loc);
  }
  return bin_op(real, op, imag, loc);
}

// mapping_pattern: '{' [items_pattern] [',' double_star_pattern] ','? '}'
PatternNode* ParseContext::match_mapping(std::vector<MappingPatternItem> items,
                                         const Location& loc) {
  auto* node = make<MatchMapping>(m_arena, loc);
  std::vector<ExprNode*> keys;
  std::vector<PatternNode*> patterns;
  for (size_t i = 0; i < items.size(); ++i) {
    const MappingPatternItem& item = items[i];
    if (item.key == nullptr) {
      // double_star_pattern comes last, once.
      if (i + 1 != items.size()) {
        const MappingPatternItem& next = items[i + 1];
        record_error("invalid syntax", next.key ? next.key->loc : next.loc);
      }
      node->rest = item.rest;
    } else {
      keys.push_back(item.key);
      patterns.push_back(item.pattern);
    }
  }
  node->keys = seq(m_arena, keys);
  node->patterns = seq(m_arena, patterns);
  return node;
}

MappingPatternItem ParseContext::mapping_item(ExprNode* key, PatternNode* pattern) {
  MappingPatternItem item;
  item.key = key;
  item.pattern = pattern;
  item.loc = span(key->loc, pattern->loc);
  return item;
}

// double_star_pattern: '**' pattern_capture_target (not "_")
MappingPatternItem ParseContext::mapping_rest(const Token& name, const Location& loc) {
  MappingPatternItem item;
  item.rest = identifier(name);
  if (is_wildcard(item.rest)) record_error("invalid syntax", name.loc);
  item.loc = loc;
  return item;
}

// class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns] ','? ')'
// invalid_class_pattern: "positional patterns follow keyword patterns", from
// the first to the last positional pattern after a keyword pattern.
PatternNode* ParseContext::match_class(ExprNode* cls, std::vector<ClassPatternArg> args,
                                       const Location& loc) {
  auto* node = make<MatchClass>(m_arena, loc);
  std::vector<PatternNode*> patterns, kwd_patterns;
  std::vector<Identifier> kwd_attrs;
  check_class_pattern_order(args);
  for (const ClassPatternArg& arg : args) {
    if (arg.keyword.empty()) {
      patterns.push_back(arg.pattern);
    } else {
      kwd_attrs.push_back(arg.keyword);
      kwd_patterns.push_back(arg.pattern);
    }
  }
  node->cls = cls;
  node->patterns = seq(m_arena, patterns);
  node->kwd_attrs = seq(m_arena, kwd_attrs);
  node->kwd_patterns = seq(m_arena, kwd_patterns);
  return node;
}

// The range is the first run of positional patterns after a keyword one
// (CPython's `a=positional_patterns`).
bool ParseContext::check_class_pattern_order(const std::vector<ClassPatternArg>& args) {
  bool seen_keyword = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i].keyword.empty()) {
      seen_keyword = true;
      continue;
    }
    if (!seen_keyword) continue;
    size_t last = i;
    while (last + 1 < args.size() && args[last + 1].keyword.empty()) ++last;
    record_error("positional patterns follow keyword patterns", args[i].pattern->loc,
                 args[last].pattern->loc);
    return false;
  }
  return true;
}

ClassPatternArg ParseContext::class_positional(PatternNode* pattern) {
  ClassPatternArg arg;
  arg.pattern = pattern;
  return arg;
}

ClassPatternArg ParseContext::class_keyword(const Token& name, PatternNode* pattern) {
  ClassPatternArg arg;
  arg.keyword = identifier(name);
  arg.keyword_loc = name.loc;
  arg.pattern = pattern;
  return arg;
}

}  // namespace coil::parsing
