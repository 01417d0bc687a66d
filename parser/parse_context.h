// The parser's working state and the helpers grammar.y's actions call.
//
// grammar.y says which node each rule builds; ParseContext builds it, and
// holds every check CPython makes while parsing (targets, argument order,
// parameter order, string concatenation, f-string assembly, …). A helper
// that finds an error records CPython's message with record_error() and
// returns a usable node; the token source then hands the parser an
// ERRORTOKEN, so the parse stops at once with the first error recorded.
//
// The helpers live in builder.cpp (most nodes), targets.cpp (assignment,
// del and for targets), arguments.cpp (calls and parameter lists),
// strings.cpp (string concatenation and f-strings) and patterns.cpp (match
// statements). errors.cpp words the syntax errors the grammar itself finds.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "lexer/lexer.h"
#include "lexer/token.h"
#include "parser/ast.h"
#include "parser/syntax_error.h"
#include "runtime/arena.h"

namespace coil::parsing {

// --- Locations --------------------------------------------------------------

inline bool is_empty(const ast::Location& loc) {
  return loc.lineno == loc.end_lineno && loc.col_offset == loc.end_col_offset;
}
inline ast::Location span(const ast::Location& first, const ast::Location& last) {
  return ast::Location{first.lineno, first.col_offset, last.end_lineno, last.end_col_offset};
}
inline ast::Location empty_after(const ast::Location& loc) {
  return ast::Location{loc.end_lineno, loc.end_col_offset, loc.end_lineno, loc.end_col_offset};
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

// Where CPython places an error at a token: its location (a NEWLINE's leaves
// the '\n' out, and covers a comment before it, as the lexer gives it).
inline ast::Location token_error_location(const Token& token) { return token.loc; }

// The bitwise_or that CPython's PEG parser reads first when it parses `e` as
// a named_expression (e itself when it is one; null when e cannot start with
// one, as `not x` or `lambda: x`).
const ast::ExprNode* leading_bitwise_or(const ast::ExprNode* e);
// `!(list|tuple|genexp|'True'|'None'|'False')`: whether `e`'s source begins
// with a list display, a parenthesized tuple or generator, or one of the
// three keyword constants.
bool starts_with_excluded_atom(const ast::ExprNode* e);

// --- Semantic values of the grammar's helper rules --------------------------

// The `op b op c …` part of a comparison.
struct CompareTail {
  std::vector<ast::CmpOperator> ops;
  std::vector<ast::ExprNode*> comparators;
};

// One item of a parameter list, as written; ParseContext::parameters checks
// the order.
enum class ParamKind : uint8_t { Plain, Star, DoubleStar, BareStar, Slash };
struct ParamItem {
  ParamKind kind = ParamKind::Plain;
  ast::Arg* arg = nullptr;  // null for the markers `*` and `/`
  ast::ExprNode* default_value = nullptr;
  ast::Location loc;        // the parameter, without its default
  ast::Location equal_loc;  // the '=' before the default
};

// One item of a call's argument list, as written; ParseContext::call_arguments
// checks the order.
enum class ArgKind : uint8_t { Positional, Generator, Starred, DoubleStarred, Keyword };
struct ArgItem {
  ArgKind kind = ArgKind::Positional;
  ast::ExprNode* value = nullptr;    // the expression (Starred for `*a`)
  ast::Keyword* keyword = nullptr;   // Keyword and DoubleStarred
  ast::Location loc;
  ast::Location last_comprehension_loc;  // Generator: the last `for`/`if` part
  ast::Location for_loc;                 // Generator: its first `for`
};

// What a call's parentheses hold: args and keywords, checked.
struct CallArguments {
  std::vector<ast::ExprNode*> args;
  std::vector<ast::Keyword*> keywords;
};

// One `key: value` or `**value` of a dict display.
struct DictItem {
  ast::ExprNode* key = nullptr;  // null for `**value`
  ast::ExprNode* value = nullptr;
};

// One item between parentheses: an expression, or `expr as target` (valid only
// as a with-item, `with (a as b, c):`).
struct ParenItem {
  ast::ExprNode* expr = nullptr;
  ast::ExprNode* as_target = nullptr;
  ast::Location as_loc;
};

struct Handler {
  ast::ExceptHandler* handler = nullptr;
  bool star = false;
  ast::Location except_loc;  // the `except` keyword
  ast::Location star_loc;    // the `*` of `except*`
};

// A piece of an f-string: literal text, or a replacement field's node.
struct FStringPart {
  std::string_view text;
  ast::ExprNode* value = nullptr;  // a FormattedValue; null for text
};

// `{expr=!r:spec}`: the debug text ("expr=") goes before the value.
struct ReplacementField {
  std::string_view debug_text;
  bool has_debug = false;
  ast::ExprNode* value = nullptr;
};

struct FormatSpec {
  bool present = false;
  std::vector<FStringPart> parts;
  ast::Location loc;
};

// One literal of a run of adjacent string literals: a STRING token or a whole
// f-string.
struct StringPiece {
  Token token;  // the STRING, or the FSTRING_START
  bool is_fstring = false;
  std::vector<FStringPart> parts;  // f-strings only
  ast::Location loc;
};

// A class pattern's argument: positional, or keyword `name=pattern`.
struct ClassPatternArg {
  ast::Identifier keyword;  // empty for a positional pattern
  ast::Location keyword_loc;
  ast::PatternNode* pattern = nullptr;
};

// A mapping pattern's item: `key: pattern`, or `**rest`.
struct MappingPatternItem {
  ast::ExprNode* key = nullptr;  // null for `**rest`
  ast::PatternNode* pattern = nullptr;
  ast::Identifier rest;
  ast::Location loc;
};

// --- Tokens -----------------------------------------------------------------

// The lexer's tokens as the parser (and error reporting's sub-parses) pull
// them, with the bracket depth CPython's tokenizer calls `level`, and the
// first lexical error seen.
class TokenStream {
 public:
  TokenStream(std::string_view source, Arena& arena, bool byte_offsets);

  Token next();
  // Tokens handed out again before the lexer's, in order.
  void push_front(const Token& token) { m_replay.push_front(token); }
  // The next token, left to be handed out again.
  Token peek_location_token();

  // The bracket depth after the last token read from the lexer.
  int depth() const { return m_depth; }
  bool lexer_failed() const { return m_lexer_failed; }
  // A lexical error CPython's tokenizer raises itself, as opposed to a
  // character it hands to its parser as an operator ('$', '?'), for which the
  // lexer says just "invalid syntax".
  bool tokenizer_error() const {
    return m_lexer_failed && m_lexer_error.message != "invalid syntax";
  }
  const SyntaxErrorInfo& lexer_error() const { return m_lexer_error; }
  const std::vector<LexWarning>& lexer_warnings() const { return m_lexer.warnings(); }
  // After a syntax error: the error to report once the rest of the source is
  // tokenized, as CPython does (see Lexer::check_rest_for_errors).
  SyntaxErrorInfo check_rest_for_errors(const SyntaxErrorInfo& parser_error);
  std::string_view source() const { return m_source; }
  // Whether error offsets stay in bytes (see parse_module).
  bool byte_offsets() const { return m_byte_offsets; }

 private:
  // The byte offset of line `lineno` in the source.
  size_t line_offset(int lineno) const;

  std::string_view m_source;
  bool m_byte_offsets;
  Lexer m_lexer;
  std::deque<Token> m_replay;
  int m_depth = 0;
  bool m_lexer_failed = false;
  bool m_at_end = false;
  Token m_end_token;  // ENDMARKER or ERRORTOKEN, handed out again and again
  SyntaxErrorInfo m_lexer_error;
};

// --- The context ------------------------------------------------------------

class ParseContext {
 public:
  // A sub-parse of error reporting reads one expression (or
  // star_expressions) from where the main parse failed, reports nothing and
  // only measures how far the expression goes.
  enum class SubParse : uint8_t { None, Expression, StarExpressions };
  ParseContext(TokenStream& tokens, Arena& arena, SubParse sub_parse = SubParse::None);

  // The token source of yylex. After an error was recorded it returns
  // ERRORTOKEN, which no rule accepts.
  Token next_token();
  // A sub-parse starts with a token choosing its start rule.
  bool take_mode_token();
  bool mode_is_star_expressions() const { return m_sub_parse == SubParse::StarExpressions; }
  const Token& last_token() const { return m_last_token; }
  const Token& previous_token() const { return m_previous_token; }
  TokenStream& tokens() { return m_tokens; }
  Arena& arena() { return m_arena; }
  bool is_sub_parse() const { return m_sub_parse != SubParse::None; }
  // Whether next_token handed out the ERRORTOKEN that ends a parse after a
  // recorded error.
  bool stopped() const { return m_stopped; }

  // Results.
  void set_module(std::vector<ast::StmtNode*> body);
  ast::Module* module() const { return m_module; }
  void set_sub_expression(ast::ExprNode* expr, const ast::Location& loc);
  ast::ExprNode* sub_expression() const { return m_sub_expression_result; }

  // Errors. The first one recorded wins; offsets are converted from the
  // location's byte columns to CPython's 1-based character offsets.
  bool failed() const { return m_failed; }
  const SyntaxErrorInfo& error() const { return m_error; }
  // What made the error: a helper's check, the lexer, or the grammar.
  enum class ErrorSource : uint8_t { None, Check, Lexer, Grammar };
  ErrorSource error_source() const { return m_error_source; }
  void record_error(std::string message, const ast::Location& loc,
                    SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError,
                    ErrorSource source = ErrorSource::Check);
  // A range from the start of `first` to the end of `last`.
  void record_error(std::string message, const ast::Location& first, const ast::Location& last,
                    SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError,
                    ErrorSource source = ErrorSource::Check);
  void record_error_info(const SyntaxErrorInfo& info, ErrorSource source);
  void record_lexer_error();
  // Whether the grammar failed on the token that ends the source (see
  // ParseResult::error_at_end).
  void set_failed_at_end(bool at_end) { m_failed_at_end = at_end; }
  bool failed_at_end() const { return m_failed_at_end; }
  // Overrides the recorded error (a tokenizer error found further on wins
  // over a syntax error, as in CPython).
  void replace_error(const SyntaxErrorInfo& info, ErrorSource source);
  // For a sub-parse: where the expression stopped, and whether what came
  // before that point was a complete expression.
  void set_sub_parse_stop(const Token& at, bool expression_complete) {
    m_sub_stop = at;
    m_sub_complete = expression_complete;
  }
  bool sub_parse_complete() const { return m_sub_complete; }
  // The tokens a sub-parse read, the one it stopped at included.
  const std::vector<Token>& consumed_tokens() const { return m_consumed; }
  const Token& sub_parse_stop() const { return m_sub_stop; }
  SyntaxErrorInfo to_error_info(const std::string& message, const ast::Location& loc,
                                SyntaxErrorKind kind) const;
  // Line `lineno` of the source, with its newline.
  std::string_view line_text(int lineno) const;
  int character_offset(std::string_view line, int offset) const;
  // The '{' of the replacement field being parsed, or null outside f-strings.
  const ast::Location* fstring_field_start() const;
  void end_fstring_field();
  // Whether `loc` starts at the '(' of `with (`.
  bool is_with_parenthesis(const ast::Location& loc) const {
    return loc.lineno == m_with_lpar.lineno && loc.col_offset == m_with_lpar.col_offset;
  }

  // --- Names and constants (builder.cpp) ---
  ast::Identifier identifier(const Token& name);
  ast::Identifier join_dotted(ast::Identifier left, ast::Identifier right);
  ast::Identifier star_name();
  ast::ExprNode* name(const Token& name);
  ast::ExprNode* number(const Token& number);
  ast::ExprNode* constant(ast::ConstantValue::Kind kind, const ast::Location& loc);

  // --- Expressions (builder.cpp) ---
  ast::ExprNode* tuple_or_single(std::vector<ast::ExprNode*> elts, bool trailing_comma,
                                 const ast::Location& loc);
  ast::ExprNode* tuple(std::vector<ast::ExprNode*> elts, const ast::Location& loc);
  // `()`: a tuple within its own parentheses.
  ast::ExprNode* empty_tuple(const ast::Location& loc);
  ast::ExprNode* list(std::vector<ast::ExprNode*> elts, const ast::Location& loc);
  ast::ExprNode* set(std::vector<ast::ExprNode*> elts, const ast::Location& loc);
  ast::ExprNode* dict(std::vector<DictItem> items, const ast::Location& loc);
  DictItem dict_item(ast::ExprNode* key, ast::ExprNode* value);
  ast::ExprNode* starred(ast::ExprNode* value, const ast::Location& loc);
  ast::ExprNode* named_expr(ast::ExprNode* target, ast::ExprNode* value, const ast::Location& loc);
  ast::ExprNode* if_exp(ast::ExprNode* test, ast::ExprNode* body, ast::ExprNode* orelse,
                        const ast::Location& loc);
  ast::ExprNode* bool_op(ast::BoolOperator op, std::vector<ast::ExprNode*> values,
                         const ast::Location& loc);
  ast::ExprNode* unary_op(ast::UnaryOperator op, ast::ExprNode* operand, const ast::Location& loc);
  ast::ExprNode* bin_op(ast::ExprNode* left, ast::Operator op, ast::ExprNode* right,
                        const ast::Location& loc);
  ast::ExprNode* compare(ast::ExprNode* left, CompareTail tail, const ast::Location& loc);
  ast::ExprNode* await_expr(ast::ExprNode* value, const ast::Location& loc);
  ast::ExprNode* yield_expr(ast::ExprNode* value, const ast::Location& loc);
  ast::ExprNode* yield_from(ast::ExprNode* value, const ast::Location& loc);
  ast::ExprNode* attribute(ast::ExprNode* value, const Token& attr, const ast::Location& loc);
  ast::ExprNode* subscript(ast::ExprNode* value, ast::ExprNode* slice, const ast::Location& loc);
  ast::ExprNode* slices(std::vector<ast::ExprNode*> items, bool trailing_comma,
                        const ast::Location& loc);
  ast::ExprNode* slice(ast::ExprNode* lower, ast::ExprNode* upper, ast::ExprNode* step,
                       const ast::Location& loc);
  ast::ExprNode* lambda(ast::Arguments* args, ast::ExprNode* body, const ast::Location& loc);
  // `( … )`: a group, a tuple, or with-items used where they are not allowed.
  ast::ExprNode* group(ast::ExprNode* inner);
  ParenItem paren_item(ast::ExprNode* expr);
  ParenItem paren_with_item(ast::ExprNode* expr, ast::ExprNode* target, const ast::Location& as_loc);
  ast::ExprNode* paren_atom(std::vector<ParenItem> items, bool trailing_comma,
                            const ast::Location& loc);
  // Comprehensions; the element lists are checked ("did you forget
  // parentheses around the comprehension target?", …).
  ast::Comprehension* comprehension(bool is_async, ast::ExprNode* target, ast::ExprNode* iter,
                                    std::vector<ast::ExprNode*> ifs);
  ast::ExprNode* paren_comprehension(std::vector<ParenItem> items, bool trailing_comma,
                                     std::vector<ast::Comprehension*> generators,
                                     const ast::Location& for_loc, const ast::Location& loc);
  ast::ExprNode* list_comprehension(std::vector<ast::ExprNode*> elts, bool trailing_comma,
                                    const ast::Location& comma,
                                    std::vector<ast::Comprehension*> generators,
                                    const ast::Location& loc);
  ast::ExprNode* set_comprehension(std::vector<ast::ExprNode*> elts, bool trailing_comma,
                                   const ast::Location& comma,
                                   std::vector<ast::Comprehension*> generators,
                                   const ast::Location& loc);
  ast::ExprNode* dict_comprehension(std::vector<DictItem> items, bool trailing_comma,
                                    std::vector<ast::Comprehension*> generators,
                                    const ast::Location& for_loc, const ast::Location& loc);

  // --- Calls and parameters (arguments.cpp) ---
  ArgItem positional_argument(ast::ExprNode* value);
  ArgItem generator_argument(ast::ExprNode* elt, std::vector<ast::Comprehension*> generators,
                             const ast::Location& for_loc, const ast::Location& loc);
  ArgItem starred_argument(ast::ExprNode* value, const ast::Location& loc);
  ArgItem double_starred_argument(ast::ExprNode* value, const ast::Location& loc);
  ArgItem keyword_argument(ast::ExprNode* target, ast::ExprNode* value,
                           const ast::Location& equal_loc, const ast::Location& loc);
  // `f(a=x for x in y)`: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
  ArgItem keyword_generator_argument(ast::ExprNode* target, const ast::Location& equal_loc);
  CallArguments call_arguments(std::vector<ArgItem> items, bool trailing_comma,
                               const ast::Location& lpar, const ast::Location& rpar,
                               bool class_bases = false);
  ast::ExprNode* call(ast::ExprNode* func, CallArguments arguments, const ast::Location& loc);
  // `f(a.b := 1)`: CPython's `args` reads assignment_expression (NAME ':='
  // …) only, so anything else before ':=' is "invalid syntax" at the ':='.
  ast::ExprNode* argument_named_expr(ast::ExprNode* target, ast::ExprNode* value,
                                     const ast::Location& colon_equal, const ast::Location& loc);
  ParamItem param(ParamKind kind, const Token& name, ast::ExprNode* annotation,
                  const ast::Location& loc);
  ParamItem param_marker(ParamKind kind, const ast::Location& loc);
  ParamItem param_default(ParamItem item, ast::ExprNode* value, const ast::Location& equal_loc);
  ast::Arguments* parameters(std::vector<ParamItem> items, bool trailing_comma, bool is_lambda,
                             const ast::Location& loc);
  // Records CPython's message for a parameter list out of order; returns
  // whether it is in order. `complete` false: `items` is what was read before
  // the list's parse failed, and only what it decides is reported.
  bool check_parameters(const std::vector<ParamItem>& items, bool trailing_comma, bool is_lambda,
                        bool complete);

  // --- Targets (targets.cpp) ---
  // A for loop's or comprehension's target list, checked, with Store context.
  ast::ExprNode* target_list(std::vector<ast::ExprNode*> items, bool trailing_comma,
                             const ast::Location& loc);

  // --- Statements (builder.cpp, targets.cpp) ---
  ast::StmtNode* expression_stmt(ast::ExprNode* value, const ast::Location& loc);
  ast::StmtNode* assign_stmt(std::vector<ast::ExprNode*> targets, ast::ExprNode* value,
                             const ast::Location& loc);
  // After a syntax error in an assignment's value: invalid_assignment's
  // `(star_targets '=')* a=star_expressions '='` reports an invalid target
  // before the value is read. Returns whether it found one.
  // `value_start`, when not null, is the part of the value that was read
  // (for invalid_named_expression's "… here. Maybe you meant '==' …").
  bool report_invalid_targets(const std::vector<ast::ExprNode*>& targets,
                              const ast::ExprNode* value_start);
  // invalid_for_target, after a syntax error within a for target: reports the
  // first invalid target; returns whether there was one.
  bool report_invalid_for_targets(const std::vector<ast::ExprNode*>& targets);
  // Whether `target` can be annotated (NAME, `(NAME)`, an attribute or a
  // subscript).
  static bool is_annotation_target(const ast::ExprNode* target);
  // Records invalid_assignment's message for a target that cannot be
  // annotated; returns whether it can.
  bool check_annotation_target(const ast::ExprNode* target);
  ast::StmtNode* aug_assign_stmt(ast::ExprNode* target, ast::Operator op, ast::ExprNode* value,
                                 const ast::Location& loc);
  ast::StmtNode* ann_assign_stmt(ast::ExprNode* target, ast::ExprNode* annotation,
                                 ast::ExprNode* value, const ast::Location& loc);
  ast::StmtNode* delete_stmt(std::vector<ast::ExprNode*> targets, const ast::Location& loc);
  ast::StmtNode* return_stmt(ast::ExprNode* value, const ast::Location& loc);
  ast::StmtNode* raise_stmt(ast::ExprNode* exc, ast::ExprNode* cause, const ast::Location& loc);
  ast::StmtNode* assert_stmt(ast::ExprNode* test, ast::ExprNode* msg, const ast::Location& loc);
  ast::StmtNode* simple_keyword_stmt(ast::StmtKind kind, const ast::Location& loc);
  ast::StmtNode* global_stmt(std::vector<ast::Identifier> names, const ast::Location& loc);
  ast::StmtNode* nonlocal_stmt(std::vector<ast::Identifier> names, const ast::Location& loc);
  ast::StmtNode* import_stmt(std::vector<ast::Alias*> names, const ast::Location& loc);
  ast::StmtNode* import_from_stmt(ast::Identifier module, int level, std::vector<ast::Alias*> names,
                                  const ast::Location& loc);
  std::vector<ast::Alias*> import_trailing_comma(std::vector<ast::Alias*> names,
                                                 const ast::Location& comma);
  ast::Alias* alias(ast::Identifier name, ast::Identifier asname, const ast::Location& loc);
  ast::StmtNode* decorate(ast::StmtNode* def, std::vector<ast::ExprNode*> decorators);
  ast::StmtNode* class_def(const Token& name, const CallArguments* arguments,
                           std::vector<ast::StmtNode*> body, const ast::Location& loc);
  ast::StmtNode* class_def(const Token& name, CallArguments arguments,
                           std::vector<ast::StmtNode*> body, const ast::Location& loc) {
    return class_def(name, &arguments, std::move(body), loc);
  }
  ast::StmtNode* function_def(bool is_async, const Token& name, ast::Arguments* args,
                              ast::ExprNode* returns, std::vector<ast::StmtNode*> body,
                              const ast::Location& loc);
  ast::StmtNode* if_stmt(ast::ExprNode* test, std::vector<ast::StmtNode*> body,
                         std::vector<ast::StmtNode*> orelse, const ast::Location& loc);
  ast::StmtNode* while_stmt(ast::ExprNode* test, std::vector<ast::StmtNode*> body,
                            std::vector<ast::StmtNode*> orelse, const ast::Location& loc);
  ast::StmtNode* for_stmt(bool is_async, ast::ExprNode* target, ast::ExprNode* iter,
                          std::vector<ast::StmtNode*> body, std::vector<ast::StmtNode*> orelse,
                          const ast::Location& loc);
  ast::WithItem* with_item(ast::ExprNode* context_expr, ast::ExprNode* target);
  std::vector<ast::WithItem*> parenthesized_with_items(std::vector<ParenItem> items,
                                                       bool trailing_comma,
                                                       const ast::Location& lpar,
                                                       const ast::Location& rpar);
  ast::StmtNode* with_stmt(bool is_async, std::vector<ast::WithItem*> items,
                           std::vector<ast::StmtNode*> body, const ast::Location& loc);
  // invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME] ':'
  //     "multiple exception types must be parenthesized"
  // The range ends where the ':' begins.
  ast::ExprNode* unparenthesized_exception_types(ast::ExprNode* first, const ast::Location& colon);
  // `star` is the location of the `*` of `except*`, or null; `name` is absent
  // when its kind is not NAME.
  Handler except_handler(const ast::Location* star, ast::ExprNode* type, const Token& name,
                         std::vector<ast::StmtNode*> body, const ast::Location& loc);
  ast::StmtNode* try_stmt(std::vector<ast::StmtNode*> body, std::vector<Handler> handlers,
                          std::vector<ast::StmtNode*> orelse, std::vector<ast::StmtNode*> finalbody,
                          const ast::Location& loc);

  // --- Match statements (patterns.cpp) ---
  ast::StmtNode* match_stmt(ast::ExprNode* subject, std::vector<ast::MatchCase*> cases,
                            const ast::Location& loc);
  ast::ExprNode* match_subject(std::vector<ast::ExprNode*> items, bool trailing_comma,
                               const ast::Location& loc);
  ast::MatchCase* match_case(ast::PatternNode* pattern, ast::ExprNode* guard,
                             std::vector<ast::StmtNode*> body);
  ast::PatternNode* top_pattern(std::vector<ast::PatternNode*> items, bool trailing_comma,
                                const ast::Location& loc);
  ast::PatternNode* group_or_sequence_pattern(std::vector<ast::PatternNode*> items,
                                              bool trailing_comma, const ast::Location& loc);
  ast::PatternNode* match_sequence(std::vector<ast::PatternNode*> items, const ast::Location& loc);
  ast::PatternNode* match_star(const Token& name, const ast::Location& loc);
  ast::PatternNode* match_as(ast::PatternNode* pattern, const Token& name, const ast::Location& loc);
  ast::PatternNode* match_or(std::vector<ast::PatternNode*> alternatives, const ast::Location& loc);
  ast::PatternNode* capture_pattern(const Token& name, const ast::Location& loc);
  ast::PatternNode* match_value(ast::ExprNode* value, const ast::Location& loc);
  ast::PatternNode* match_singleton(ast::ConstantValue::Kind kind, const ast::Location& loc);
  ast::ExprNode* complex_literal(ast::ExprNode* real, ast::Operator op, ast::ExprNode* imag,
                                 const ast::Location& loc);
  ast::PatternNode* match_mapping(std::vector<MappingPatternItem> items, const ast::Location& loc);
  MappingPatternItem mapping_item(ast::ExprNode* key, ast::PatternNode* pattern);
  MappingPatternItem mapping_rest(const Token& name, const ast::Location& loc);
  ast::PatternNode* match_class(ast::ExprNode* cls, std::vector<ClassPatternArg> args,
                                const ast::Location& loc);
  // "positional patterns follow keyword patterns"; returns whether in order.
  bool check_class_pattern_order(const std::vector<ClassPatternArg>& args);
  ClassPatternArg class_positional(ast::PatternNode* pattern);
  ClassPatternArg class_keyword(const Token& name, ast::PatternNode* pattern);

  // --- Strings (strings.cpp) ---
  StringPiece string_piece(const Token& token);
  StringPiece fstring_piece(const Token& start, std::vector<FStringPart> parts,
                            const ast::Location& loc);
  FStringPart fstring_text(const Token& middle);
  FStringPart fstring_field(ReplacementField field);
  ReplacementField replacement_field(ast::ExprNode* value, const Token& debug,
                                     const Token& conversion, FormatSpec spec,
                                     const ast::Location& loc);
  ast::ExprNode* fstring_expression(std::vector<ParenItem> items, bool trailing_comma,
                                    const ast::Location& loc);
  ast::ExprNode* fstring_comprehension(std::vector<ParenItem> items, bool trailing_comma,
                                       std::vector<ast::Comprehension*> generators,
                                       const ast::Location& for_loc, const ast::Location& loc);
  FormatSpec format_spec(std::vector<FStringPart> parts, const ast::Location& loc);
  ast::ExprNode* concatenate_strings(std::vector<StringPiece> pieces, const ast::Location& loc);

  // --- Shared checks ---
  // CPython's _PyPegen_get_expr_name: "function call", "literal", …
  static const char* expr_name(const ast::ExprNode* expr);

 private:
  // Gives `expr` (and, for tuples and lists, its elements) the context
  // `ctx`; the expression must be a valid target.
  void set_context(ast::ExprNode* expr, ast::ExprContext ctx);
  enum class TargetsType { Star, Del, For };
  // CPython's _PyPegen_get_invalid_target: the first part of `expr` that
  // cannot be a target, or null.
  static ast::ExprNode* invalid_target(ast::ExprNode* expr, TargetsType type);
  // Records "cannot assign to X" / "cannot delete X" for the invalid part of
  // `expr`; returns false then.
  bool check_target(ast::ExprNode* expr, TargetsType type);
  static ast::Location first_keyword(const ast::Location& loc, bool is_async);
  ast::ExprNode* make_genexp(ast::ExprNode* elt, std::vector<ast::Comprehension*> generators,
                             const ast::Location& loc);
  bool check_comprehension_element(ast::ExprNode* first, size_t count, bool trailing_comma,
                                   ast::ExprNode* last, const ast::Location& comma_loc);
  ast::ExprNode* joined_str(std::vector<FStringPart> parts, const ast::Location& loc);
  std::string_view concat(std::string_view a, std::string_view b);

  void track_fstring(const Token& token);

  TokenStream& m_tokens;
  Arena& m_arena;
  SubParse m_sub_parse;
  bool m_mode_token_pending;
  bool m_stopped = false;
  ast::Module* m_module = nullptr;
  ast::ExprNode* m_sub_expression_result = nullptr;
  Token m_last_token;
  Token m_previous_token;
  // Where the token stream stands within f-strings: in literal text, in a
  // replacement field's expression (with its open brackets), or in a
  // format spec.
  enum class FStringMode : uint8_t { Text, Field, Spec };
  struct FStringState {
    FStringMode mode;
    ast::Location lbrace;
    int brackets;
  };
  std::vector<FStringState> m_fstring_modes;
  // An error CPython 3.11's f-string scanner finds (a bad conversion
  // character): reported at the token after the string, as CPython does.
  std::string m_deferred_fstring_error;

  bool m_failed = false;
  bool m_failed_at_end = false;
  ErrorSource m_error_source = ErrorSource::None;
  SyntaxErrorInfo m_error;

  bool m_sub_complete = false;
  Token m_sub_stop;
  std::vector<Token> m_consumed;
  // The '{' of each replacement field being parsed: pushed when the lexer
  // hands it out, popped when the field's node is built.
  std::vector<ast::Location> m_field_lbraces;
  // The '(' of `with (`, which may hold with-items.
  ast::Location m_with_lpar{-1, -1, -1, -1};
  mutable std::vector<size_t> m_line_starts;
};

}  // namespace coil::parsing
