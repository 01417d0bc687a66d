// Wording the syntax errors the grammar finds, as CPython 3.11 words them.
//
// CPython finds its specific messages in a second parse through the
// `invalid_*` rules of Grammar/python.gram; without a match it says "invalid
// syntax" at the token where its first parse failed. Here the Bison parser
// stops at that token (default reductions happen only in states that leave no
// choice, so the stack shows where it stood), and report_syntax_error reads
// the stack to recognise the situations of those rules:
//   - "expected an indented block after …", "unexpected indent";
//   - "expected ':'", "expected '('", "expected 'except' or 'finally' block";
//   - "invalid syntax. Perhaps you forgot a comma?" (two expressions side by
//     side within brackets), "Missing parentheses in call to 'print'",
//     "expected 'else' after 'if' expression", "Maybe you meant '==' …";
// measuring, where it needs to, the expression after the failing token with
// a sub-parse of the grammar's EXPRESSION_MODE / STAR_EXPRESSIONS_MODE entries.
#include "parser/errors.h"

#include <algorithm>
#include <string>
#include <vector>

#include "grammar.tab.hpp"

namespace coil::grammar {

namespace {

using S = Parser::symbol_kind;
using Kind = Parser::symbol_kind_type;
using parsing::ParseContext;
using parsing::empty_after;

// A stack entry: its symbol, its location, and for terminals the token and
// for expression nonterminals the node.
struct Entry {
  Kind kind = S::S_YYEMPTY;
  ast::Location loc;
  ast::ExprNode* expr = nullptr;
  const std::vector<ast::ExprNode*>* exprs = nullptr;  // assign_chain, star_named_seq, target_seq
  const std::vector<parsing::ParamItem>* params = nullptr;
  const parsing::ParamItem* param = nullptr;
  const std::vector<parsing::ArgItem>* args = nullptr;
  const std::vector<parsing::ClassPatternArg>* class_args = nullptr;
  const parsing::ClassPatternArg* class_arg = nullptr;
  size_t count = 0;           // the items of a list nonterminal
  bool trailing_comma = false;  // opt_comma
};

bool is_terminal(Kind kind) { return kind < S::YYNTOKENS; }

// The nonterminals whose value is an ast::ExprNode* (grammar.y's %type
// lines); keep in step with them.
bool holds_expr(Kind kind) {
  switch (kind) {
    case S::S_decorator: case S::S_star_expressions: case S::S_star_expression:
    case S::S_star_named_expression: case S::S_named_expression: case S::S_expression:
    case S::S_disjunction: case S::S_conjunction: case S::S_inversion: case S::S_comparison:
    case S::S_bitwise_or: case S::S_factor: case S::S_power:
    case S::S_primary: case S::S_atom: case S::S_slices: case S::S_slice_item: case S::S_slice:
    case S::S_opt_expression: case S::S_lambdef: case S::S_yield_expr: case S::S_rhs:
    case S::S_returns_opt: case S::S_target_item: case S::S_for_targets: case S::S_strings:
    case S::S_fstring_expression: case S::S_subject: case S::S_guard_opt:
    case S::S_signed_number: case S::S_complex_number: case S::S_literal_expression:
    case S::S_attr: case S::S_except_types_error:
      return true;
    default: return false;
  }
}

// Parts of an expression of disjunction level or below.
bool is_operand(Kind kind) {
  switch (kind) {
    case S::S_disjunction: case S::S_conjunction: case S::S_inversion: case S::S_comparison:
    case S::S_bitwise_or: case S::S_factor: case S::S_power:
    case S::S_primary: case S::S_atom: case S::S_strings: case S::S_string_pieces:
    case S::S_compare_tail: case S::S_or_seq: case S::S_and_seq:
      return true;
    default: return false;
  }
}

// Operators that take a left operand.
bool is_binary_operator(Kind kind) {
  switch (kind) {
    case S::S_VBAR: case S::S_CIRCUMFLEX: case S::S_AMPER: case S::S_LEFTSHIFT:
    case S::S_RIGHTSHIFT: case S::S_PLUS: case S::S_MINUS: case S::S_STAR: case S::S_SLASH:
    case S::S_DOUBLESLASH: case S::S_PERCENT: case S::S_AT: case S::S_DOUBLESTAR:
    case S::S_KW_AND: case S::S_KW_OR: case S::S_compare_op: case S::S_EQEQUAL:
    case S::S_NOTEQUAL: case S::S_LESS: case S::S_LESSEQUAL: case S::S_GREATER:
    case S::S_GREATEREQUAL: case S::S_KW_IN: case S::S_KW_IS: case S::S_KW_NOT:
      return true;
    default: return false;
  }
}

// Operators above bitwise_or: an expression holding one is not a bitwise_or.
bool is_boolean_or_comparison(Kind kind) {
  switch (kind) {
    case S::S_disjunction: case S::S_conjunction: case S::S_inversion: case S::S_comparison:
    case S::S_compare_tail: case S::S_or_seq: case S::S_and_seq: case S::S_KW_AND:
    case S::S_KW_OR: case S::S_compare_op: case S::S_EQEQUAL: case S::S_NOTEQUAL:
    case S::S_LESS: case S::S_LESSEQUAL: case S::S_GREATER: case S::S_GREATEREQUAL:
    case S::S_KW_IN: case S::S_KW_IS: case S::S_KW_NOT:
      return true;
    default: return false;
  }
}

bool is_prefix_operator(Kind kind) {
  return kind == S::S_TILDE || kind == S::S_KW_NOT || kind == S::S_KW_AWAIT ||
         kind == S::S_PLUS || kind == S::S_MINUS;
}

bool starts_expression(Kind kind) {
  switch (kind) {
    case S::S_NAME: case S::S_NUMBER: case S::S_STRING: case S::S_FSTRING_START:
    case S::S_LPAR: case S::S_LSQB: case S::S_LBRACE: case S::S_MINUS: case S::S_PLUS:
    case S::S_TILDE: case S::S_KW_NOT: case S::S_KW_AWAIT: case S::S_KW_LAMBDA:
    case S::S_KW_NONE: case S::S_KW_TRUE: case S::S_KW_FALSE: case S::S_ELLIPSIS:
      return true;
    default: return false;
  }
}

// The expression the parser was in the middle of when it stopped: the
// topmost run of stack entries that belong to one disjunction.
struct Segment {
  bool found = false;
  size_t first = 0;  // index of the lowest entry
  size_t last = 0;   // index of the top entry
  ast::Location loc;
  // The node when the segment is one reduced expression, else null.
  ast::ExprNode* expr = nullptr;
  bool is_bitwise_or = true;  // no comparison or boolean operator in it
  // The entry below the segment (its context), or null at the stack bottom.
  const Entry* context = nullptr;
};

Segment top_segment(const std::vector<Entry>& stack) {
  Segment segment;
  if (stack.empty() || !is_operand(stack.back().kind)) return segment;
  size_t k = stack.size();
  size_t first = stack.size() - 1;
  while (k > 0) {
    const Entry& entry = stack[k - 1];
    bool operand_below = k >= 2 && is_operand(stack[k - 2].kind);
    if (is_operand(entry.kind)) {
      first = k - 1;
    } else if (is_binary_operator(entry.kind) && operand_below) {
      // continue to the left operand
    } else if (is_prefix_operator(entry.kind)) {
      first = k - 1;
    } else {
      break;
    }
    --k;
  }
  segment.found = true;
  segment.first = first;
  segment.last = stack.size() - 1;
  segment.loc = parsing::span(stack[first].loc, stack.back().loc);
  if (first == segment.last) segment.expr = stack.back().expr;
  for (size_t i = first; i <= segment.last; ++i) {
    Kind kind = stack[i].kind;
    if (is_boolean_or_comparison(kind)) segment.is_bitwise_or = false;
    if (stack[i].expr && stack[i].expr->parenthesized == 0) {
      ast::ExprKind node = stack[i].expr->node_kind;
      if (node == ast::ExprKind::Compare || node == ast::ExprKind::BoolOp ||
          (node == ast::ExprKind::UnaryOp &&
           static_cast<ast::UnaryOp*>(stack[i].expr)->op == ast::UnaryOperator::Not)) {
        segment.is_bitwise_or = false;
      }
    }
  }
  if (first > 0) segment.context = &stack[first - 1];
  return segment;
}

// The name CPython would give the segment as an expression node.
std::string segment_name(const std::vector<Entry>& stack, const Segment& segment) {
  if (segment.expr) return ParseContext::expr_name(segment.expr);
  if (stack[segment.first].kind == S::S_KW_AWAIT && segment.first + 1 == segment.last) {
    return "await expression";
  }
  return "expression";
}

// _PyPegen_soft_keyword_token compares only as many characters as the name
// has, so every prefix of a soft keyword ("c", "ma", …) counts as one.
bool is_soft_keyword(std::string_view name) {
  if (name.empty()) return false;
  for (std::string_view keyword : {"_", "case", "match"}) {
    if (keyword.substr(0, name.size()) == name) return true;
  }
  return false;
}

bool is_legacy_name(const ast::ExprNode* expr) {
  if (!expr || expr->node_kind != ast::ExprKind::Name || expr->parenthesized != 0) return false;
  std::string_view id = static_cast<const ast::Name*>(expr)->id;
  return id == "print" || id == "exec";
}

// What a sub-parse measured: the expression read from the tokens after the
// failure point, and where it ended.
struct Measured {
  bool ok = false;
  ast::ExprNode* expr = nullptr;
  ast::Location loc;  // from its first to its last token
  Token stop;         // the token after it
};

// Reads one expression (or star_expressions) from the token stream, starting
// with `first` when given. Tokens it reads are gone from the stream; error
// reporting needs no more than what it measures.
Measured measure(ParseContext& ctx, const Token* first, ParseContext::SubParse mode) {
  Measured result;
  if (first) ctx.tokens().push_front(*first);
  ParseContext sub(ctx.tokens(), ctx.arena(), mode);
  int status = Parser(sub).parse();
  if (ctx.tokens().tokenizer_error()) {
    // CPython's error pass reads the same tokens, and its tokenizer's error
    // stands.
    ctx.record_lexer_error();
    return result;
  }
  std::vector<Token> consumed = sub.consumed_tokens();
  ParseContext* parsed = &sub;
  ParseContext replay(ctx.tokens(), ctx.arena(), mode);
  if (status != 0) {
    if (!sub.sub_parse_complete() || consumed.size() < 2) return result;
    // The tokens before the one that stopped it form an expression: parse
    // them again, ended by an ENDMARKER, to have its node.
    result.stop = consumed.back();
    consumed.pop_back();
    Token end;
    end.kind = TokenKind::ENDMARKER;
    end.loc = empty_after(consumed.back().loc);
    ctx.tokens().push_front(end);
    for (size_t i = consumed.size(); i > 0; --i) ctx.tokens().push_front(consumed[i - 1]);
    if (Parser(replay).parse() != 0 || !replay.sub_expression()) return result;
    parsed = &replay;
  } else {
    result.stop = sub.last_token();
    consumed.pop_back();  // the ENDMARKER
  }
  if (consumed.empty()) return result;
  result.ok = true;
  result.expr = parsed->sub_expression();
  result.loc = parsing::span(consumed.front().loc, consumed.back().loc);
  return result;
}

class Diagnosis {
 public:
  Diagnosis(ParseContext& ctx, const std::vector<Entry>& stack, const Token& lookahead,
            Kind lookahead_kind, const std::vector<Kind>& expected)
      : m_ctx(ctx), m_stack(stack), m_token(lookahead), m_kind(lookahead_kind),
        m_expected(expected) {}

  void run() {
    if (unexpected_indent()) return;
    if (indented_block_expected()) return;
    if (forced_token()) return;
    if (colon_expected()) return;
    if (except_or_finally_expected()) return;
    if (statement_prefix_errors()) return;
    if (parameter_errors()) return;
    if (argument_errors()) return;
    if (class_pattern_errors()) return;
    if (for_target_errors()) return;
    if (double_starred_group()) return;
    if (operator_in_for_target()) return;
    if (misplaced_as()) return;
    if (comprehension_after_elements()) return;
    if (else_expected()) return;
    if (dict_value_expected()) return;
    if (starred_dict_value()) return;
    if (exception_types_expected()) return;
    if (invalid_pattern_target()) return;
    if (expression_errors()) return;
    generic();
  }

 private:
  bool expects(Kind kind) const {
    for (Kind k : m_expected)
      if (k == kind) return true;
    return false;
  }
  const Entry* top(size_t depth = 0) const {
    return m_stack.size() > depth ? &m_stack[m_stack.size() - 1 - depth] : nullptr;
  }
  void error_at(const std::string& message, const ast::Location& loc,
                SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError) {
    m_ctx.record_error(message, loc, kind, ParseContext::ErrorSource::Grammar);
  }
  ast::Location token_loc() const { return parsing::token_error_location(m_token); }

  // CPython's DEDENT and ENDMARKER tokens have no column; an error reported
  // at one takes its tokenizer's position instead: at the end of the source,
  // the end of the last line read (its newline counted, real or not); within
  // it, the indentation of the DEDENT's line.
  void tokenizer_position(const Token& token, int& lineno, int& column) const {
    std::string_view source = m_ctx.tokens().source();
    int last_line = 1;
    size_t last_start = 0;
    for (size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n' && i + 1 < source.size()) {
        ++last_line;
        last_start = i + 1;
      }
    }
    if (token.kind == TokenKind::DEDENT && token.loc.lineno <= last_line &&
        !(token.loc.lineno == last_line && m_ctx.line_text(last_line).empty())) {
      lineno = token.loc.lineno;
      column = token.loc.col_offset;
      return;
    }
    lineno = last_line;
    std::string_view line = source.substr(last_start);
    column = static_cast<int>(line.size());
    if (line.empty() || line.back() != '\n') ++column;
  }

  // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR at such a token: the
  // position is a 1-based offset already, and there is no end.
  void error_at_tokenizer_position(const std::string& message, SyntaxErrorKind kind) {
    int lineno = 0, column = 0;
    tokenizer_position(m_token, lineno, column);
    SyntaxErrorInfo info;
    info.kind = kind;
    info.message = message;
    info.lineno = info.end_lineno = lineno;
    info.offset = m_ctx.character_offset(m_ctx.line_text(lineno), column);
    info.end_offset = -1;
    m_ctx.record_error_info(info, ParseContext::ErrorSource::Grammar);
  }

  // `_Pypegen_set_syntax_error`: a first parse failing on an INDENT is an
  // IndentationError "unexpected indent", placed where the tokenizer stood.
  bool unexpected_indent() {
    if (m_kind != S::S_INDENT) return false;
    std::string_view line = m_ctx.line_text(m_token.loc.lineno);
    int indent = 0;
    while (indent < static_cast<int>(line.size()) &&
           (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f')) {
      ++indent;
    }
    SyntaxErrorInfo info;
    info.kind = SyntaxErrorKind::IndentationError;
    info.message = "unexpected indent";
    info.lineno = info.end_lineno = m_token.loc.lineno;
    info.offset = indent;
    info.end_offset = -1;
    m_ctx.record_error_info(info, ParseContext::ErrorSource::Grammar);
    return true;
  }

  // The header keyword of the compound statement whose ':' is at `colon`.
  const Entry* header_keyword(size_t colon) const {
    for (size_t k = colon; k > 0; --k) {
      switch (m_stack[k - 1].kind) {
        case S::S_KW_IF: case S::S_KW_ELIF: case S::S_KW_ELSE: case S::S_KW_WHILE:
        case S::S_KW_FOR: case S::S_KW_WITH: case S::S_KW_TRY: case S::S_KW_EXCEPT:
        case S::S_KW_FINALLY: case S::S_KW_DEF: case S::S_KW_CLASS: case S::S_SOFT_MATCH:
        case S::S_SOFT_CASE:
          return &m_stack[k - 1];
        default: break;
      }
    }
    return nullptr;
  }

  // invalid_*_stmt: a=KEYWORD … ':' NEWLINE !INDENT
  //     "expected an indented block after 'if' statement on line %d", …
  bool indented_block_expected() {
    const Entry* newline = top(0);
    const Entry* colon = top(1);
    if (!newline || !colon || newline->kind != S::S_NEWLINE || colon->kind != S::S_COLON) {
      return false;
    }
    const Entry* keyword = header_keyword(m_stack.size() - 2);
    if (!keyword) return false;
    std::string what;
    switch (keyword->kind) {
      case S::S_KW_DEF: what = "function definition"; break;
      case S::S_KW_CLASS: what = "class definition"; break;
      case S::S_KW_EXCEPT: {
        const Entry& after = *(keyword + 1);
        what = after.kind == S::S_STAR ? "'except*' statement" : "'except' statement";
        break;
      }
      default:
        what.append("'").append(keyword_text(*keyword)).append("' statement");
        break;
    }
    std::string message = "expected an indented block after " + what + " on line " +
                          std::to_string(keyword->loc.lineno);
    if (m_kind == S::S_YYEOF || m_kind == S::S_DEDENT) {
      error_at_tokenizer_position(message, SyntaxErrorKind::IndentationError);
    } else {
      error_at(message, token_loc(), SyntaxErrorKind::IndentationError);
    }
    return true;
  }

  // Forced tokens (`&&':'`, `&&'('`): 'else', 'try', 'finally' and a def's
  // parameters and return annotation must be followed by ':', a def's name by
  // '(' — whatever comes instead is reported, at once.
  bool forced_token() {
    const Entry* t = top(0);
    if (!t) return false;
    switch (t->kind) {
      case S::S_KW_TRY:
      case S::S_KW_FINALLY:
        break;
      case S::S_KW_ELSE: {
        // Not the `else` of a conditional expression.
        const Entry* below = top(1);
        if (below && is_operand(below->kind)) return false;
        break;
      }
      case S::S_RPAR: {
        // def NAME '(' [params] ')'
        size_t n = m_stack.size();
        bool def = (n >= 4 && m_stack[n - 4].kind == S::S_KW_DEF) ||
                   (n >= 5 && m_stack[n - 5].kind == S::S_KW_DEF &&
                    m_stack[n - 3].kind == S::S_LPAR);
        if (!def || m_kind == S::S_RARROW) return false;
        break;
      }
      case S::S_NAME: {
        const Entry* below = top(1);
        if (!below || below->kind != S::S_KW_DEF) return false;
        error_at("expected '('", token_loc());
        return true;
      }
      default: {
        // def … '->' expression, complete or not.
        Segment segment = top_segment(m_stack);
        if (!segment.found || !segment.context || segment.context->kind != S::S_RARROW) {
          if (t->kind == S::S_RARROW && m_stack.size() >= 2 && m_stack[m_stack.size() - 2].kind == S::S_RPAR) {
            error_at("expected ':'", t->loc);
            return true;
          }
          return false;
        }
        break;
      }
    }
    error_at("expected ':'", token_loc());
    return true;
  }

  // invalid_if_stmt, invalid_while_stmt, invalid_for_stmt, invalid_with_stmt,
  // invalid_class_def_raw, invalid_match_stmt, invalid_case_block,
  // invalid_except_stmt: the header, then NEWLINE → "expected ':'".
  bool colon_expected() {
    if (m_kind != S::S_NEWLINE || !expects(S::S_COLON)) return false;
    const Entry* keyword = header_keyword(m_stack.size());
    if (!keyword) return false;
    switch (keyword->kind) {
      case S::S_KW_IF: case S::S_KW_ELIF: case S::S_KW_WHILE: case S::S_KW_FOR:
      case S::S_KW_WITH: case S::S_KW_CLASS: case S::S_SOFT_MATCH: case S::S_SOFT_CASE:
      case S::S_KW_EXCEPT:
        error_at("expected ':'", token_loc());
        return true;
      default: return false;
    }
  }

  // invalid_try_stmt: 'try' ':' block !('except' | 'finally')
  bool except_or_finally_expected() {
    const Entry* block = top(0);
    const Entry* colon = top(1);
    const Entry* keyword = top(2);
    if (!block || !colon || !keyword || block->kind != S::S_block || colon->kind != S::S_COLON ||
        keyword->kind != S::S_KW_TRY) {
      return false;
    }
    error_at_lookahead("expected 'except' or 'finally' block");
    return true;
  }

  // RAISE_SYNTAX_ERROR: at the last token read, the lookahead.
  void error_at_lookahead(const std::string& message,
                          SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError) {
    if (m_kind == S::S_YYEOF || m_kind == S::S_DEDENT || m_kind == S::S_INDENT) {
      error_at_tokenizer_position(message, kind);
    } else {
      error_at(message, token_loc());
    }
  }

  // The source text of a keyword's stack entry.
  std::string_view keyword_text(const Entry& entry) const {
    std::string_view line = m_ctx.line_text(entry.loc.lineno);
    size_t start = static_cast<size_t>(entry.loc.col_offset);
    size_t end = static_cast<size_t>(entry.loc.end_col_offset);
    if (start > line.size() || end < start) return {};
    return line.substr(start, end - start);
  }

  // Whether the stack entry at `index` begins a statement.
  bool at_statement_start(size_t index) const {
    if (index == 0) return true;
    switch (m_stack[index - 1].kind) {
      case S::S_NEWLINE: case S::S_SEMI: case S::S_INDENT: case S::S_statement_list:
        return true;
      default: return false;
    }
  }

  // CPython's invalid_parameters, invalid_default, invalid_star_etc and
  // invalid_kwds (and their lambda twins) look at the parameters read so
  // far: they speak before whatever made the list's parse fail further on.
  bool parameter_errors() {
    // The innermost open parameter list: after `def NAME (` or `lambda`.
    size_t start = 0;
    bool is_lambda = false;
    for (size_t k = m_stack.size(); k > 0; --k) {
      Kind kind = m_stack[k - 1].kind;
      if (kind == S::S_KW_LAMBDA) {
        start = k;
        is_lambda = true;
        break;
      }
      if (kind == S::S_LPAR && k >= 3 && m_stack[k - 2].kind == S::S_NAME &&
          m_stack[k - 3].kind == S::S_KW_DEF) {
        start = k;
        break;
      }
      if (kind == S::S_params_opt || kind == S::S_lambda_params_opt) return false;
    }
    if (start == 0) return false;
    std::vector<parsing::ParamItem> items;
    size_t i = start;
    if (i < m_stack.size() && m_stack[i].params) items = *m_stack[i++].params;
    bool trailing_comma = false;
    const Entry* equal = nullptr;
    if (i < m_stack.size() && m_stack[i].kind == S::S_COMMA) {
      trailing_comma = true;
      ++i;
    }
    if (i < m_stack.size() && m_stack[i].param) {
      items.push_back(*m_stack[i].param);
      trailing_comma = false;
      if (i + 1 < m_stack.size() && m_stack[i + 1].kind == S::S_EQUAL) {
        equal = &m_stack[i + 1];
        items.back().equal_loc = equal->loc;
        if (!items.back().default_value) {
          // A default being read: give the item one, for the order checks.
          items.back().default_value = reinterpret_cast<ast::ExprNode*>(1);
        }
      }
    }
    if (!m_ctx.check_parameters(items, trailing_comma, is_lambda, false)) return true;
    // invalid_default: a='=' &(')'|',') "expected default value expression"
    if (equal && equal == top(0) && (m_kind == S::S_RPAR || m_kind == S::S_COMMA)) {
      error_at("expected default value expression", equal->loc);
      return true;
    }
    // invalid_parameters: param_maybe_default+ '/' a='*' "expected comma between / and *"
    if (m_kind == S::S_STAR && !items.empty() && items.back().kind == parsing::ParamKind::Slash &&
        items.size() >= 2 && !trailing_comma && top(0)->param) {
      error_at("expected comma between / and *", token_loc());
      return true;
    }
    // invalid_parameters: param_no_default* a='(' param_no_default+ ','? b=')'
    //     "Function parameters cannot be parenthesized" (lambda: "Lambda
    //     expression parameters cannot be parenthesized")
    if (m_kind == S::S_LPAR && top(0) &&
        (top(0)->kind == S::S_COMMA || top(0)->kind == S::S_LPAR ||
         top(0)->kind == S::S_KW_LAMBDA)) {
      for (const parsing::ParamItem& item : items) {
        if (item.kind != parsing::ParamKind::Plain || item.default_value) return false;
      }
      Token token;
      bool name_expected = true;
      int names = 0;
      for (;;) {
        token = m_ctx.tokens().next();
        if (name_expected && token.kind == TokenKind::NAME) {
          ++names;
          name_expected = false;
        } else if (!name_expected && token.kind == TokenKind::COMMA) {
          name_expected = true;
        } else {
          break;
        }
      }
      if (token.kind != TokenKind::RPAR || names == 0) return false;
      error_at(is_lambda ? "Lambda expression parameters cannot be parenthesized"
                         : "Function parameters cannot be parenthesized",
               parsing::span(m_token.loc, token.loc));
      return true;
    }
    return false;
  }

  // invalid_arguments: a=args ',' '*'
  //     "iterable argument unpacking follows keyword argument unpacking"
  bool argument_errors() {
    const Entry* star = top(0);
    const Entry* comma = top(1);
    const Entry* args = top(2);
    if (!star || !comma || !args || star->kind != S::S_STAR || comma->kind != S::S_COMMA ||
        !args->args) {
      return false;
    }
    for (const parsing::ArgItem& item : *args->args) {
      if (item.kind == parsing::ArgKind::DoubleStarred) {
        error_at("iterable argument unpacking follows keyword argument unpacking", star->loc);
        return true;
      }
    }
    return false;
  }

  // invalid_class_pattern: name_or_attr '(' [positional_patterns ','] keyword_patterns ','
  //     a=positional_patterns → "positional patterns follow keyword patterns"
  bool class_pattern_errors() {
    for (size_t k = m_stack.size(); k > 0; --k) {
      if (!m_stack[k - 1].class_args) continue;
      std::vector<parsing::ClassPatternArg> args = *m_stack[k - 1].class_args;
      if (k + 1 < m_stack.size() && m_stack[k].kind == S::S_COMMA && m_stack[k + 1].class_arg) {
        args.push_back(*m_stack[k + 1].class_arg);
      }
      m_ctx.check_class_pattern_order(args);
      return m_ctx.failed();
    }
    return false;
  }

  // invalid_for_target: ASYNC? 'for' a=star_expressions → the invalid target,
  // even when no `in` follows.
  bool for_target_errors() {
    size_t k = m_stack.size();
    while (k > 0 && m_stack[k - 1].kind != S::S_KW_FOR) {
      Kind kind = m_stack[k - 1].kind;
      if (kind == S::S_KW_IN || kind == S::S_for_targets) return false;
      --k;
    }
    if (k == 0 || m_kind == S::S_KW_IN || !top(0) || !is_operand(top(0)->kind)) return false;
    std::vector<ast::ExprNode*> targets;
    for (size_t i = k; i < m_stack.size(); ++i) {
      const Entry& entry = m_stack[i];
      if (entry.exprs) {
        targets.insert(targets.end(), entry.exprs->begin(), entry.exprs->end());
      } else if (entry.expr) {
        targets.push_back(entry.expr);
      } else if (entry.kind != S::S_COMMA) {
        return false;
      }
    }
    return m_ctx.report_invalid_for_targets(targets);
  }

  // invalid_group: '(' a='**' expression ')' "cannot use double starred expression here"
  bool double_starred_group() {
    const Entry* open = top(0);
    if (m_kind != S::S_DOUBLESTAR || !open) return false;
    bool group = open->kind == S::S_LPAR && !(m_stack.size() >= 2 && is_operand(top(1)->kind));
    bool field = open->kind == S::S_LBRACE && m_ctx.fstring_field_start() &&
                 m_ctx.fstring_field_start()->col_offset == open->loc.col_offset &&
                 m_ctx.fstring_field_start()->lineno == open->loc.lineno;
    if (!group && !field) return false;
    error_at("cannot use double starred expression here", token_loc());
    return true;
  }

  // A for target is a star_target to CPython, whose first parse stops at an
  // operator outside brackets there; the grammar reads a bitwise_or.
  bool operator_in_for_target() {
    size_t k = m_stack.size();
    while (k > 0 && m_stack[k - 1].kind != S::S_KW_FOR) {
      if (m_stack[k - 1].kind == S::S_KW_IN) return false;
      --k;
    }
    if (k == 0) return false;
    int depth = 0;
    for (size_t i = k; i < m_stack.size(); ++i) {
      Kind kind = m_stack[i].kind;
      if (kind == S::S_LPAR || kind == S::S_LSQB || kind == S::S_LBRACE) ++depth;
      if (kind == S::S_RPAR || kind == S::S_RSQB || kind == S::S_RBRACE) --depth;
      if (depth == 0 && is_binary_operator(kind) && i > k && is_operand(m_stack[i - 1].kind)) {
        error_at("invalid syntax", m_stack[i].loc);
        return true;
      }
    }
    return false;
  }

  // Statements the grammar reads more widely than CPython's first pass, whose
  // checks did not run because the parse failed further on:
  //   `target: <bad annotation>` — CPython's parse failed at the ':' when the
  //   target cannot be annotated;
  //   `f() = <bad value>` — invalid_assignment reports the target first.
  bool statement_prefix_errors() {
    for (size_t i = 0; i + 1 < m_stack.size(); ++i) {
      const Entry& entry = m_stack[i];
      if (!at_statement_start(i)) continue;
      if (entry.kind == S::S_star_expressions && m_stack[i + 1].kind == S::S_COLON &&
          entry.expr && !ParseContext::is_annotation_target(entry.expr)) {
        // invalid_assignment needs `':' expression`: with an annotation read
        // (its PEG parse backs off to the longest complete one), the target's
        // message; without, "invalid syntax" where CPython's first parse
        // stopped, at the ':'.
        bool annotation_read = i + 2 < m_stack.size() && m_stack[i + 2].expr != nullptr;
        if (annotation_read) {
          m_ctx.check_annotation_target(entry.expr);
        } else {
          error_at("invalid syntax", m_stack[i + 1].loc);
        }
        return true;
      }
      if (entry.kind == S::S_assign_chain) {
        // The value's first operand, when one was read and is a bitwise_or.
        const ast::ExprNode* value_start = nullptr;
        if (i + 1 < m_stack.size() && m_stack[i + 1].expr &&
            !is_boolean_or_comparison(m_stack[i + 1].kind)) {
          value_start = parsing::leading_bitwise_or(m_stack[i + 1].expr);
        }
        if (m_ctx.report_invalid_targets(*entry.exprs, value_start)) return true;
      }
    }
    return false;
  }

  // invalid_double_starred_kvpairs / invalid_kvpair:
  //     expression a=':' &('}'|',') "expression expected after dictionary key and ':'"
  bool dict_value_expected() {
    const Entry* colon = top(0);
    if (!colon || colon->kind != S::S_COLON || (m_kind != S::S_RBRACE && m_kind != S::S_COMMA)) {
      return false;
    }
    const Entry* key = top(1);
    const Entry* before = top(2);
    if (!key || !before || key->kind != S::S_expression ||
        (before->kind != S::S_LBRACE && before->kind != S::S_COMMA)) {
      return false;
    }
    error_at("expression expected after dictionary key and ':'", colon->loc);
    return true;
  }

  // invalid_double_starred_kvpairs: expression ':' a='*' bitwise_or
  //     "cannot use a starred expression in a dictionary value", from the '*'
  bool starred_dict_value() {
    const Entry* colon = top(0);
    const Entry* key = top(1);
    const Entry* before = top(2);
    if (m_kind != S::S_STAR || !colon || !key || !before || colon->kind != S::S_COLON ||
        key->kind != S::S_expression ||
        (before->kind != S::S_LBRACE && before->kind != S::S_COMMA)) {
      return false;
    }
    Measured value = measure(m_ctx, nullptr, ParseContext::SubParse::Expression);
    const ast::ExprNode* lead = value.ok && value.expr ? parsing::leading_bitwise_or(value.expr)
                                                       : nullptr;
    if (!lead) return false;
    error_at("cannot use a starred expression in a dictionary value",
             parsing::span(m_token.loc, lead->loc));
    return true;
  }

  // invalid_except_stmt: a='except' '*' (NEWLINE | ':')
  //     "expected one or more exception types"
  bool exception_types_expected() {
    const Entry* star = top(0);
    const Entry* keyword = top(1);
    if (!star || !keyword || star->kind != S::S_STAR || keyword->kind != S::S_KW_EXCEPT ||
        (m_kind != S::S_COLON && m_kind != S::S_NEWLINE)) {
      return false;
    }
    error_at("expected one or more exception types", token_loc());
    return true;
  }

  // invalid_as_pattern: or_pattern 'as' !NAME a=expression "invalid pattern target"
  bool invalid_pattern_target() {
    const Entry* as = top(0);
    const Entry* pattern = top(1);
    if (!as || !pattern || as->kind != S::S_KW_AS || pattern->kind != S::S_or_pattern) {
      return false;
    }
    Measured target = measure(m_ctx, &m_token, ParseContext::SubParse::Expression);
    if (!target.ok) return false;
    error_at("invalid pattern target", target.loc);
    return true;
  }

  bool in_named_expression_context(const Segment& segment) const {
    const Entry* context = segment.context;
    if (!context) return false;
    size_t index = static_cast<size_t>(context - m_stack.data());
    auto operand_before = [&](size_t i) { return i > 0 && is_operand(m_stack[i - 1].kind); };
    switch (context->kind) {
      case S::S_KW_IF:
        return !operand_before(index) && !(index > 0 && m_stack[index - 1].kind == S::S_comp_ifs);
      case S::S_KW_ELIF: case S::S_KW_WHILE: case S::S_AT: case S::S_SOFT_MATCH:
      case S::S_LSQB: case S::S_LBRACE:
        return true;
      case S::S_LPAR: return !operand_before(index);
      case S::S_COMMA:
        // Within a display: the innermost open bracket is not a call's.
        for (size_t i = index; i > 0; --i) {
          Kind kind = m_stack[i - 1].kind;
          if (kind == S::S_LSQB || kind == S::S_LBRACE) return true;
          if (kind == S::S_LPAR) return !operand_before(i - 1);
        }
        return false;
      default: return false;
    }
  }

  // Where CPython parses an `expression` (so its invalid_expression and
  // invalid_legacy_expression rules apply), as opposed to a bare
  // disjunction or bitwise_or.
  bool in_expression_context(const Segment& segment) const {
    const Entry* context = segment.context;
    if (!context) return true;
    switch (context->kind) {
      case S::S_KW_IF: {
        // A statement's or a guard's `if`, not a conditional expression's or a
        // comprehension's (which take a disjunction).
        size_t index = static_cast<size_t>(context - m_stack.data());
        return !(index > 0 && (is_operand(m_stack[index - 1].kind) ||
                               m_stack[index - 1].kind == S::S_comp_ifs));
      }
      case S::S_STAR: case S::S_DOUBLESTAR: case S::S_DOT: case S::S_KW_IN:
      case S::S_KW_FOR: case S::S_KW_AS: case S::S_KW_IMPORT: case S::S_KW_FROM:
      case S::S_KW_DEF: case S::S_KW_CLASS: case S::S_KW_GLOBAL: case S::S_KW_NONLOCAL:
      case S::S_KW_LAMBDA: case S::S_SOFT_CASE:
        return false;
      default: return true;
    }
  }

  int level_before_lookahead() const {
    int depth = m_ctx.tokens().depth();
    if (m_kind == S::S_LPAR || m_kind == S::S_LSQB || m_kind == S::S_LBRACE) --depth;
    return depth;
  }

  bool expression_errors() {
    Segment segment = top_segment(m_stack);
    if (!segment.found) return false;
    const Entry& top_entry = m_stack[segment.last];
    if (!is_operand(top_entry.kind)) return false;

    // invalid_named_expression, where a named_expression is read and '='
    // follows a bitwise_or:
    //   a=NAME '=' b=bitwise_or !('='|':=')
    //       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
    //   !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    //       "cannot assign to %s here. Maybe you meant '==' instead of '='?"
    if (m_kind == S::S_EQUAL && segment.is_bitwise_or && in_named_expression_context(segment)) {
      Measured b = measure(m_ctx, nullptr, ParseContext::SubParse::Expression);
      const ast::ExprNode* lead = b.ok && b.expr ? parsing::leading_bitwise_or(b.expr) : nullptr;
      bool lead_is_all = lead == b.expr;
      bool followed_by_equal =
          lead_is_all && (b.stop.kind == TokenKind::EQUAL || b.stop.kind == TokenKind::COLONEQUAL);
      if (lead && !followed_by_equal) {
        const ast::ExprNode* a = segment.expr;
        if (a && a->node_kind == ast::ExprKind::Name && a->parenthesized == 0) {
          error_at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                   parsing::span(segment.loc, lead->loc));
          return true;
        }
        const Entry& first = m_stack[segment.first];
        bool excluded = first.expr && parsing::starts_with_excluded_atom(first.expr);
        if (!excluded) {
          error_at("cannot assign to " + segment_name(m_stack, segment) +
                       " here. Maybe you meant '==' instead of '='?",
                   segment.loc);
          return true;
        }
      }
      return false;
    }

    // invalid_named_expression: a=expression ':=' expression, reached at the
    // start of a statement through invalid_assignment (elsewhere the grammar
    // took `expression ':=' expression` and its check spoke).
    //   "cannot use assignment expressions with %s"
    if (m_kind == S::S_COLONEQUAL && at_statement_start(segment.first) &&
        !(segment.expr && segment.expr->node_kind == ast::ExprKind::Name &&
          segment.expr->parenthesized == 0)) {
      error_at("cannot use assignment expressions with " + segment_name(m_stack, segment),
               segment.loc);
      return true;
    }

    // invalid_expression:
    //   !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    //       "invalid syntax. Perhaps you forgot a comma?", within brackets
    //   a=disjunction 'if' b=disjunction !('else'|':')
    //       "expected 'else' after 'if' expression"
    // invalid_legacy_expression: a=NAME !'(' b=star_expressions
    //       "Missing parentheses in call to 'print'. Did you mean print(...)?"
    bool expression_follows = starts_expression(m_kind) && in_expression_context(segment);
    const Entry& first = m_stack[segment.first];
    bool soft_keyword_start = false;
    if (first.expr && first.expr->node_kind == ast::ExprKind::Name &&
        first.expr->parenthesized == 0) {
      soft_keyword_start = is_soft_keyword(static_cast<ast::Name*>(first.expr)->id);
    }
    bool name_string = segment.expr && segment.expr->node_kind == ast::ExprKind::Name &&
                       segment.expr->parenthesized == 0 &&
                       (m_kind == S::S_STRING || m_kind == S::S_FSTRING_START);
    bool legacy = is_legacy_name(segment.expr);
    // CPython reads b before it looks at the bracket level (and its
    // tokenizer may fail on the way, an unclosed bracket for one).
    if (expression_follows && !soft_keyword_start && !name_string && !legacy &&
        segment.context != nullptr) {
      int level = level_before_lookahead();
      Measured b = measure(m_ctx, &m_token, ParseContext::SubParse::Expression);
      if (m_ctx.failed()) return true;
      if (b.ok && level > 0) {
        error_at("invalid syntax. Perhaps you forgot a comma?", parsing::span(segment.loc, b.loc));
        return true;
      }
    }
    // invalid_kvpair: a=expression !(':') "':' expected after dictionary key",
    // for a key after the first item of a dict, at the key's last character.
    if (m_kind != S::S_COLON && segment.context && segment.context->kind == S::S_COMMA &&
        segment.first >= 2 && m_stack[segment.first - 2].kind == S::S_dict_seq) {
      // RAISE_ERROR_KNOWN_LOCATION(a->lineno, a->end_col_offset - 1,
      // a->end_lineno, -1): the key's first line with its last column.
      SyntaxErrorInfo info = m_ctx.to_error_info(
          "':' expected after dictionary key",
          ast::Location{segment.loc.lineno, segment.loc.end_col_offset - 1,
                        segment.loc.end_lineno, segment.loc.end_col_offset},
          SyntaxErrorKind::SyntaxError);
      info.end_offset = 0;
      m_ctx.record_error_info(info, ParseContext::ErrorSource::Grammar);
      return true;
    }
    if (expression_follows && legacy && m_kind != S::S_LPAR) {
      Measured b = measure(m_ctx, &m_token, ParseContext::SubParse::StarExpressions);
      if (b.ok) {
        std::string id(static_cast<ast::Name*>(segment.expr)->id);
        error_at("Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?",
                 parsing::span(segment.loc, b.loc));
        return true;
      }
    }
    return false;
  }

  // The location of the f-string the lookahead starts, read to its end.
  ast::Location whole_fstring() {
    int depth = 1;
    for (;;) {
      Token token = m_ctx.tokens().next();
      if (token.kind == TokenKind::FSTRING_START) ++depth;
      if (token.kind == TokenKind::FSTRING_END && --depth == 0) {
        return parsing::span(m_token.loc, token.loc);
      }
      if (token.kind == TokenKind::ENDMARKER || token.kind == TokenKind::ERRORTOKEN) {
        return m_token.loc;
      }
    }
  }

  // invalid_expression: a=disjunction 'if' b=disjunction !('else'|':')
  //     "expected 'else' after 'if' expression"
  // b is the longest complete disjunction after 'if' (PEG backs off an
  // operator left without its right operand).
  bool else_expected() {
    size_t k = m_stack.size();
    while (k > 0 && (is_operand(m_stack[k - 1].kind) || is_binary_operator(m_stack[k - 1].kind) ||
                     is_prefix_operator(m_stack[k - 1].kind))) {
      --k;
    }
    // m_stack[k - 1] should be the conditional's 'if', after its body.
    if (k < 2 || m_stack[k - 1].kind != S::S_KW_IF || !is_operand(m_stack[k - 2].kind)) {
      return false;
    }
    size_t last = m_stack.size();
    while (last > k && !is_operand(m_stack[last - 1].kind)) --last;
    if (last == k) return false;
    bool backed_off = last != m_stack.size();
    if (!backed_off && (m_kind == S::S_KW_ELSE || m_kind == S::S_COLON)) return false;
    std::vector<Entry> lower(m_stack.begin(), m_stack.begin() + (k - 1));
    Segment body = top_segment(lower);
    ast::Location start = body.found ? body.loc : m_stack[k - 2].loc;
    error_at("expected 'else' after 'if' expression", parsing::span(start, m_stack[last - 1].loc));
    return true;
  }

  // `[a, b for …`: a display of several items is no comprehension to
  // CPython's first parse, which stops at the `for` (or `async`). Its
  // invalid_comprehension says more once a first `for … in x` was read:
  //   ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
  //   ('[' | '{') a=star_named_expression b=',' for_if_clauses
  //       "did you forget parentheses around the comprehension target?"
  bool comprehension_after_elements() {
    for (size_t o = 0; o + 3 < m_stack.size(); ++o) {
      Kind opener = m_stack[o].kind;
      if (opener != S::S_LSQB && opener != S::S_LBRACE && opener != S::S_LPAR) continue;
      const Entry& items = m_stack[o + 1];
      const Entry& comma = m_stack[o + 2];
      const Entry& clause = m_stack[o + 3];
      if ((items.kind != S::S_star_named_seq && items.kind != S::S_paren_seq &&
           items.kind != S::S_dict_seq) ||
          comma.kind != S::S_opt_comma ||
          (clause.kind != S::S_KW_FOR && clause.kind != S::S_KW_ASYNC &&
           clause.kind != S::S_comp_fors)) {
        continue;
      }
      if (items.count == 1 && !comma.trailing_comma) continue;
      // The rest of the stack must be this comprehension's.
      bool first_clause_read = clause.kind == S::S_comp_fors;
      for (size_t i = o + 3; i + 1 < m_stack.size(); ++i) {
        if (m_stack[i].kind == S::S_KW_IN && is_operand(m_stack[i + 1].kind)) {
          first_clause_read = true;
        }
      }
      if (first_clause_read && opener != S::S_LPAR && items.kind == S::S_star_named_seq) {
        const std::vector<ast::ExprNode*>& elts = *items.exprs;
        ast::Location end = elts.size() == 1 ? comma.loc : elts.back()->loc;
        error_at("did you forget parentheses around the comprehension target?",
                 parsing::span(elts.front()->loc, end));
        return true;
      }
      ast::Location at = clause.loc;
      if (clause.kind == S::S_comp_fors) {
        at.end_lineno = at.lineno;
        at.end_col_offset = at.col_offset + 3;
      }
      error_at("invalid syntax", at);
      return true;
    }
    return false;
  }

  // `( … x as …`: `as` within brackets belongs to `with (`; elsewhere
  // CPython's first parse stopped at it.
  bool misplaced_as() {
    for (size_t k = m_stack.size(); k > 0; --k) {
      if (m_stack[k - 1].kind != S::S_KW_AS) continue;
      if (k < 2 || m_stack[k - 2].kind != S::S_expression) return false;
      int depth = 0;
      for (size_t i = k - 1; i > 0; --i) {
        Kind kind = m_stack[i - 1].kind;
        if (kind == S::S_RPAR || kind == S::S_RSQB || kind == S::S_RBRACE) ++depth;
        if (kind == S::S_LPAR || kind == S::S_LSQB || kind == S::S_LBRACE) {
          if (depth > 0) {
            --depth;
            continue;
          }
          if (kind == S::S_LPAR && m_ctx.is_with_parenthesis(m_stack[i - 1].loc)) return false;
          error_at("invalid syntax", m_stack[k - 1].loc);
          return true;
        }
      }
      return false;
    }
    return false;
  }

  // _Pypegen_set_syntax_error, when no rule had a message: "unexpected
  // unindent" at a DEDENT, else "invalid syntax" at the token (at the end of
  // the source, RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token whose columns are
  // -1: offsets 0).
  void generic() {
    if (m_kind == S::S_DEDENT) {
      error_at_tokenizer_position("unexpected unindent", SyntaxErrorKind::IndentationError);
      return;
    }
    // `f"{lambda x: 1}"`: the ':' began the format spec, so CPython 3.11 read
    // "(lambda x)" and failed at its ')', where the ':' stands.
    const Entry* t = top(0);
    if ((m_kind == S::S_FSTRING_MIDDLE || m_kind == S::S_RBRACE || m_kind == S::S_LBRACE) && t &&
        t->kind == S::S_COLON && m_ctx.fstring_field_start()) {
      error_at("invalid syntax", t->loc);
      return;
    }
    if (m_kind == S::S_FSTRING_START) {
      // To CPython 3.11 the whole f-string is one STRING token.
      error_at("invalid syntax", whole_fstring());
      return;
    }
    if (m_kind == S::S_YYEOF) {
      int lineno = 0, column = 0;
      tokenizer_position(m_token, lineno, column);
      SyntaxErrorInfo info;
      info.message = "invalid syntax";
      info.lineno = info.end_lineno = lineno;
      info.offset = info.end_offset = 0;
      m_ctx.record_error_info(info, ParseContext::ErrorSource::Grammar);
      return;
    }
    error_at("invalid syntax", token_loc());
  }

  ParseContext& m_ctx;
  const std::vector<Entry>& m_stack;
  const Token& m_token;
  Kind m_kind;
  const std::vector<Kind>& m_expected;
};

}  // namespace

void Parser::report_syntax_error(const context& yyctx) const {
  parsing::ParseContext& c = ctx;
  // The lookahead is the token handed out last.
  const Token& token = c.last_token();
  if (c.is_sub_parse()) {
    Kind expected[YYNTOKENS];
    int count = yyctx.expected_tokens(expected, YYNTOKENS);
    bool complete = false;
    for (int i = 0; i < count; ++i) {
      if (expected[i] == S::S_YYEOF) complete = true;
    }
    c.set_sub_parse_stop(token, complete);
    return;
  }
  if (c.failed()) return;
  // The lexer's ERRORTOKEN for a character CPython's tokenizer hands to its
  // parser as an OP ('$', '?', a lone '!'): the parser words that error.
  if (yyctx.token() == S::S_ERRORTOKEN && c.tokens().tokenizer_error()) {
    c.record_lexer_error();
    return;
  }
  std::vector<Entry> stack;
  stack.reserve(yystack_.size());
  // yystack_[0] is the top; the bottom entry is the start state's.
  for (int i = static_cast<int>(yystack_.size()) - 2; i >= 0; --i) {
    const stack_symbol_type& symbol = yystack_[i];
    Entry entry;
    entry.kind = symbol.kind();
    entry.loc = symbol.location;
    if (is_terminal(entry.kind)) {
      // (Tokens' values are not needed: their kinds and locations are.)
    } else if (holds_expr(entry.kind)) {
      entry.expr = symbol.value.as<ast::ExprNode*>();
    } else if (entry.kind == S::S_param_seq || entry.kind == S::S_lambda_param_seq) {
      entry.params = &symbol.value.as<std::vector<parsing::ParamItem>>();
    } else if (entry.kind == S::S_param_target || entry.kind == S::S_param_item ||
               entry.kind == S::S_lambda_param_target || entry.kind == S::S_lambda_param_item) {
      entry.param = &symbol.value.as<parsing::ParamItem>();
    } else if (entry.kind == S::S_arg_seq) {
      entry.args = &symbol.value.as<std::vector<parsing::ArgItem>>();
    } else if (entry.kind == S::S_class_arg_seq) {
      entry.class_args = &symbol.value.as<std::vector<parsing::ClassPatternArg>>();
    } else if (entry.kind == S::S_class_arg) {
      entry.class_arg = &symbol.value.as<parsing::ClassPatternArg>();
    } else if (entry.kind == S::S_assign_chain || entry.kind == S::S_star_named_seq ||
               entry.kind == S::S_target_seq) {
      entry.exprs = &symbol.value.as<std::vector<ast::ExprNode*>>();
      entry.count = entry.exprs->size();
    } else if (entry.kind == S::S_paren_seq) {
      entry.count = symbol.value.as<std::vector<parsing::ParenItem>>().size();
    } else if (entry.kind == S::S_dict_seq) {
      entry.count = symbol.value.as<std::vector<parsing::DictItem>>().size();
    } else if (entry.kind == S::S_opt_comma) {
      entry.trailing_comma = symbol.value.as<bool>();
    }
    stack.push_back(entry);
  }
  Kind expected_buffer[YYNTOKENS];
  int count = yyctx.expected_tokens(expected_buffer, YYNTOKENS);
  std::vector<Kind> expected(expected_buffer, expected_buffer + count);
  // CPython 3.11 parses a replacement field's expression on its own, as
  // "(expr)", before anything around the f-string is judged: an error inside
  // a field is diagnosed from the field's '{' on.
  if (const ast::Location* field = c.fstring_field_start()) {
    for (size_t i = stack.size(); i-- > 0;) {
      if (stack[i].kind == S::S_LBRACE && stack[i].loc.lineno == field->lineno &&
          stack[i].loc.col_offset == field->col_offset) {
        stack.erase(stack.begin(), stack.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
  // The end of the source: its ENDMARKER, or a DEDENT placed where only
  // blank lines are left.
  bool at_end = yyctx.token() == S::S_YYEOF;
  if (yyctx.token() == S::S_DEDENT) {
    std::string_view source = c.tokens().source();
    size_t offset = 0;
    for (int line = 1; line < token.loc.lineno && offset < source.size(); ++line) {
      size_t newline = source.find('\n', offset);
      offset = newline == std::string_view::npos ? source.size() : newline + 1;
    }
    offset = std::min(source.size(), offset + size_t(std::max(0, token.loc.col_offset)));
    at_end = source.find_first_not_of(" \t\f\r\n", offset) == std::string_view::npos;
  }
  c.set_failed_at_end(at_end);
  Diagnosis(c, stack, token, yyctx.token(), expected).run();
}

}  // namespace coil::grammar

namespace coil::parsing {

void settle_error(ParseContext& ctx) {
  if (ctx.error_source() == ParseContext::ErrorSource::Lexer) return;
  // _Pypegen_set_syntax_error returns at once after "unexpected indent".
  if (ctx.error().kind == SyntaxErrorKind::IndentationError &&
      ctx.error().message.rfind("unexpected ", 0) == 0) {
    return;
  }
  SyntaxErrorInfo error = ctx.tokens().check_rest_for_errors(ctx.error());
  if (error.message != ctx.error().message || error.lineno != ctx.error().lineno ||
      error.offset != ctx.error().offset) {
    ctx.replace_error(error, ParseContext::ErrorSource::Lexer);
  }
}

}  // namespace coil::parsing
