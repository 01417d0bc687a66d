// coil's Python 3.11 grammar, for Bison's C++ LALR(1) skeleton.
//
// The rules follow CPython's Grammar/python.gram, reshaped to be LALR(1) the
// way CPython's own LL(1) grammar was before 3.9:
//   - assignment, del, for and with targets are parsed as expressions and
//     checked afterwards (parser/targets.cpp), which is also where CPython's
//     "cannot assign to …" messages come from;
//   - a keyword argument is `expression '=' expression`, a parameter list is a
//     flat list of parameter items, a parenthesized group is a flat list of
//     items: the helpers that build the node check the order and the forms
//     (parser/arguments.cpp, parser/builder.cpp);
//   - `match` and `case` arrive as SOFT_MATCH / SOFT_CASE only where the lexer
//     saw them begin a match statement or a case block.
// Each action builds one node through a ParseContext helper; the Python rule
// it implements stands above it. No check lives here: a helper that finds an
// error records CPython's message, and the parse then stops (see
// ParseContext::next_token). Where the grammar itself rejects a token,
// parser/errors.cpp reads the parser's stack to word CPython's message.
//
// Locations are CPython's: a rule spans from its first to its last token.
// YYLLOC_DEFAULT skips empty right-hand-side symbols so that optional parts
// do not stretch a node.

%require "3.8"
%language "c++"
%skeleton "lalr1.cc"
%define api.namespace {coil::grammar}
%define api.parser.class {Parser}
%define api.value.type variant
// $k is moved from: list values are handed on, not copied.
%define api.value.automove
%define api.token.constructor
%define api.token.raw
%define api.token.prefix {TOK_}
%define api.location.type {coil::ast::Location}
%define parse.error custom
// Reduce by default only where the state leaves no choice, and check that a
// lookahead can be shifted before reducing on it (LAC): on a syntax error the
// stack is the one the offending token met, which parser/errors.cpp reads to
// word CPython's messages. LAC costs about 15% of the parse.
%define lr.default-reduction consistent
%define parse.lac full
%locations
%param {coil::parsing::ParseContext& ctx}

%code requires {
#include "parser/parse_context.h"
}

%code {
namespace coil::grammar {
// The token source: parser/parser.cpp.
Parser::symbol_type yylex(parsing::ParseContext& ctx);
}

// A node spans from its first to its last non-empty right-hand-side symbol; an
// empty rule sits, empty, at the end of what precedes it.
#define YYLLOC_DEFAULT(Current, Rhs, N)                                        \
  do {                                                                         \
    int first_ = 1, last_ = (N);                                               \
    while (first_ <= last_ && coil::parsing::is_empty(YYRHSLOC(Rhs, first_))) \
      ++first_;                                                                \
    while (last_ >= first_ && coil::parsing::is_empty(YYRHSLOC(Rhs, last_)))  \
      --last_;                                                                 \
    if (first_ <= last_) {                                                     \
      (Current) = coil::parsing::span(YYRHSLOC(Rhs, first_), YYRHSLOC(Rhs, last_)); \
    } else {                                                                   \
      (Current) = coil::parsing::empty_after(YYRHSLOC(Rhs, 0));               \
    }                                                                          \
  } while (0)
}

// ---------------------------------------------------------------------------
// Tokens, in lexer/tokens.def's order (parser.cpp maps TokenKind to these by
// name, so a token missing here fails to compile there).

// Only the tokens whose text or value an action reads carry a value: keeping
// the others bare spares the parser moving them through its stack.
%token <Token> ENDMARKER 0 "<end of file>"
%token <Token> NAME NUMBER STRING FSTRING_START FSTRING_MIDDLE
%token FSTRING_END NEWLINE INDENT DEDENT
%token <Token> ERRORTOKEN
%token KW_FALSE "False" KW_NONE "None" KW_TRUE "True" KW_AND "and" KW_AS "as"
%token KW_ASSERT "assert" KW_ASYNC "async" KW_AWAIT "await" KW_BREAK "break"
%token KW_CLASS "class" KW_CONTINUE "continue" KW_DEF "def" KW_DEL "del"
%token KW_ELIF "elif" KW_ELSE "else" KW_EXCEPT "except" KW_FINALLY "finally"
%token KW_FOR "for" KW_FROM "from" KW_GLOBAL "global" KW_IF "if"
%token KW_IMPORT "import" KW_IN "in" KW_IS "is" KW_LAMBDA "lambda"
%token KW_NONLOCAL "nonlocal" KW_NOT "not" KW_OR "or" KW_PASS "pass"
%token KW_RAISE "raise" KW_RETURN "return" KW_TRY "try" KW_WHILE "while"
%token KW_WITH "with" KW_YIELD "yield"
%token SOFT_MATCH "match" SOFT_CASE "case"
%token LPAR "(" RPAR ")" LSQB "[" RSQB "]" LBRACE "{" RBRACE "}"
%token COLON ":" COMMA "," SEMI ";" PLUS "+" MINUS "-" STAR "*" SLASH "/"
%token VBAR "|" AMPER "&" LESS "<" GREATER ">"
// '=' carries the debug text of `f"{x=}"`.
%token <Token> EQUAL "="
%token DOT "." PERCENT "%"
%token EQEQUAL "==" NOTEQUAL "!=" LESSEQUAL "<=" GREATEREQUAL ">="
%token TILDE "~" CIRCUMFLEX "^" LEFTSHIFT "<<" RIGHTSHIFT ">>" DOUBLESTAR "**"
%token PLUSEQUAL "+=" MINEQUAL "-=" STAREQUAL "*=" SLASHEQUAL "/="
%token PERCENTEQUAL "%=" AMPEREQUAL "&=" VBAREQUAL "|=" CIRCUMFLEXEQUAL "^="
%token LEFTSHIFTEQUAL "<<=" RIGHTSHIFTEQUAL ">>=" DOUBLESTAREQUAL "**="
%token DOUBLESLASH "//" DOUBLESLASHEQUAL "//=" AT "@" ATEQUAL "@="
%token RARROW "->" ELLIPSIS "..." COLONEQUAL ":=" EXCLAMATION "!"
// Not tokens of tokens.def: the first token of a sub-parse that reads one
// expression or star_expressions (parser/errors.cpp uses them to measure an
// expression it did not expect, for "Perhaps you forgot a comma?" and the
// like).
%token EXPRESSION_MODE STAR_EXPRESSIONS_MODE

// `with (a, b): …` reads its parenthesis as a list of with-items, as CPython's
// first `with_stmt` alternative; anywhere else the same tokens are an atom.
// The choice falls on the ':' after ')': shift it (with-items) rather than
// reduce the atom.
%precedence PAREN_ATOM
%precedence ":"

// The binary operators of bitwise_or, loosest first (see that rule).
%left "|"
%left "^"
%left "&"
%left "<<" ">>"
%left "+" "-"
%left "*" "/" "//" "%" "@"

// (parser/errors.cpp reads some of these values off the stack on a syntax
// error: its holds_expr lists the ast::ExprNode* ones; keep them in step.)
%type <std::vector<ast::StmtNode*>> statements statement_list simple_stmts simple_stmt_seq
%type <std::vector<ast::StmtNode*>> block else_block else_opt elif_tail finally_opt
%type <ast::StmtNode*> simple_stmt compound_stmt assignment_or_expression
%type <ast::StmtNode*> function_def function_def_raw class_def class_def_raw if_stmt
%type <ast::StmtNode*> while_stmt for_stmt with_stmt try_stmt match_stmt
%type <ast::StmtNode*> import_name import_from
%type <std::vector<ast::ExprNode*>> decorators assign_chain star_expression_seq
%type <std::vector<ast::ExprNode*>> star_named_seq target_seq del_seq slice_seq or_seq and_seq
%type <ast::ExprNode*> decorator star_expressions star_expression star_named_expression
%type <ast::ExprNode*> named_expression expression disjunction conjunction inversion
%type <ast::ExprNode*> comparison bitwise_or
%type <ast::ExprNode*> factor power primary atom slices slice_item slice
%type <ast::ExprNode*> opt_expression lambdef yield_expr rhs returns_opt target_item
%type <ast::ExprNode*> for_targets strings fstring_expression subject guard_opt
%type <ast::ExprNode*> except_types_error
%type <ast::Operator> augassign
%type <ast::CmpOperator> compare_op
%type <parsing::CompareTail> compare_tail
%type <bool> opt_comma
%type <std::vector<parsing::ParenItem>> paren_seq
%type <parsing::ParenItem> paren_item
%type <std::vector<parsing::DictItem>> dict_seq
%type <parsing::DictItem> dict_item
%type <std::vector<ast::Comprehension*>> comp_fors
%type <ast::Comprehension*> comp_for
%type <std::vector<ast::ExprNode*>> comp_ifs
%type <std::vector<parsing::ArgItem>> arg_seq
%type <parsing::ArgItem> argument
%type <std::vector<parsing::ParamItem>> param_seq lambda_param_seq
%type <parsing::ParamItem> param_item param_target lambda_param_item lambda_param_target
%type <ast::Arguments*> params_opt lambda_params_opt
%type <std::vector<parsing::StringPiece>> string_pieces
%type <parsing::StringPiece> string_piece fstring
%type <std::vector<parsing::FStringPart>> fstring_parts format_spec_parts
%type <parsing::FStringPart> fstring_part format_spec_part
%type <parsing::ReplacementField> replacement_field
%type <Token> fstring_debug_opt
%type <Token> fstring_conversion_opt
%type <parsing::FormatSpec> fstring_format_spec_opt
%type <std::vector<ast::WithItem*>> with_item_seq
%type <ast::WithItem*> with_item
%type <std::vector<parsing::Handler>> except_blocks
%type <parsing::Handler> except_block
%type <std::vector<ast::Alias*>> dotted_as_names import_targets import_as_names
%type <ast::Alias*> dotted_as_name import_as_name
%type <ast::Identifier> dotted_name
%type <int> dots
%type <std::vector<ast::Identifier>> name_seq
%type <std::vector<ast::MatchCase*>> case_blocks
%type <ast::MatchCase*> case_block
%type <ast::PatternNode*> patterns pattern or_pattern closed_pattern literal_pattern
%type <ast::PatternNode*> maybe_star_pattern class_pattern mapping_pattern
%type <std::vector<ast::PatternNode*>> pattern_seq or_pattern_seq
%type <ast::ExprNode*> signed_number complex_number literal_expression attr
%type <std::vector<parsing::ClassPatternArg>> class_arg_seq
%type <parsing::ClassPatternArg> class_arg
%type <std::vector<parsing::MappingPatternItem>> mapping_seq
%type <parsing::MappingPatternItem> mapping_item

%start start

%%

// The real start rule is `file`; EXPRESSION_MODE and STAR_EXPRESSIONS_MODE
// enter the sub-parses that error reporting runs.
start
  : file
  | EXPRESSION_MODE expression { ctx.set_sub_expression($2, @2); }
  | STAR_EXPRESSIONS_MODE star_expressions { ctx.set_sub_expression($2, @2); }
  ;

// file: [statements] ENDMARKER
file
  : statements { ctx.set_module($1); }
  ;

// statements: statement+
statements
  : %empty { }
  | statement_list { $$ = $1; }
  ;

// statement: compound_stmt | simple_stmts
statement_list
  : compound_stmt { $$.push_back($1); }
  | simple_stmts { $$ = $1; }
  | statement_list compound_stmt { $$ = $1; $$.push_back($2); }
  | statement_list simple_stmts { $$ = $1; parsing::append($$, $2); }
  ;

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
// The location ends with the last ';' (CPython's blocks end at the last token
// that is not NEWLINE, INDENT or DEDENT).
simple_stmts
  : simple_stmt_seq NEWLINE { $$ = $1; @$ = @1; }
  | simple_stmt_seq ";" NEWLINE { $$ = $1; @$ = parsing::span(@1, @2); }
  ;

simple_stmt_seq
  : simple_stmt { $$.push_back($1); }
  | simple_stmt_seq ";" simple_stmt { $$ = $1; $$.push_back($3); }
  ;

simple_stmt
  : assignment_or_expression { $$ = $1; }
  // return_stmt: 'return' [star_expressions]
  | "return" { $$ = ctx.return_stmt(nullptr, @$); }
  | "return" star_expressions { $$ = ctx.return_stmt($2, @$); }
  | import_name { $$ = $1; }
  | import_from { $$ = $1; }
  // raise_stmt: 'raise' expression ['from' expression] | 'raise'
  | "raise" { $$ = ctx.raise_stmt(nullptr, nullptr, @$); }
  | "raise" expression { $$ = ctx.raise_stmt($2, nullptr, @$); }
  | "raise" expression "from" expression { $$ = ctx.raise_stmt($2, $4, @$); }
  // 'pass'
  | "pass" { $$ = ctx.simple_keyword_stmt(ast::StmtKind::Pass, @$); }
  // del_stmt: 'del' del_targets &(';' | NEWLINE)
  | "del" del_seq opt_comma { $$ = ctx.delete_stmt($2, @$); }
  // assert_stmt: 'assert' expression [',' expression]
  | "assert" expression { $$ = ctx.assert_stmt($2, nullptr, @$); }
  | "assert" expression "," expression { $$ = ctx.assert_stmt($2, $4, @$); }
  // 'break' | 'continue'
  | "break" { $$ = ctx.simple_keyword_stmt(ast::StmtKind::Break, @$); }
  | "continue" { $$ = ctx.simple_keyword_stmt(ast::StmtKind::Continue, @$); }
  // global_stmt: 'global' ','.NAME+
  | "global" name_seq { $$ = ctx.global_stmt($2, @$); }
  // nonlocal_stmt: 'nonlocal' ','.NAME+
  | "nonlocal" name_seq { $$ = ctx.nonlocal_stmt($2, @$); }
  ;

name_seq
  : NAME { $$.push_back(ctx.identifier($1)); }
  | name_seq "," NAME { $$ = $1; $$.push_back(ctx.identifier($3)); }
  ;

del_seq
  : star_expression { $$.push_back($1); }
  | del_seq "," star_expression { $$ = $1; $$.push_back($3); }
  ;

// assignment and expression statements. Targets are parsed as expressions
// (star_expressions) and checked when the statement is built.
assignment_or_expression
  // star_expressions
  : star_expressions { $$ = ctx.expression_stmt($1, @$); }
  // yield_stmt: yield_expr
  | yield_expr { $$ = ctx.expression_stmt($1, @$); }
  // (star_targets '=')+ (yield_expr | star_expressions)
  | assign_chain rhs { $$ = ctx.assign_stmt($1, $2, @$); }
  // single_target augassign (yield_expr | star_expressions)
  | star_expressions augassign rhs { $$ = ctx.aug_assign_stmt($1, $2, $3, @$); }
  // NAME ':' expression ['=' annotated_rhs]
  // | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  | star_expressions ":" expression { $$ = ctx.ann_assign_stmt($1, $3, nullptr, @$); }
  | star_expressions ":" expression "=" rhs { $$ = ctx.ann_assign_stmt($1, $3, $5, @$); }
  ;

assign_chain
  : rhs "=" { $$.push_back($1); }
  | assign_chain rhs "=" { $$ = $1; $$.push_back($2); }
  ;

// annotated_rhs: yield_expr | star_expressions
rhs
  : yield_expr { $$ = $1; }
  | star_expressions { $$ = $1; }
  ;

augassign
  : "+=" { $$ = ast::Operator::Add; }
  | "-=" { $$ = ast::Operator::Sub; }
  | "*=" { $$ = ast::Operator::Mult; }
  | "@=" { $$ = ast::Operator::MatMult; }
  | "/=" { $$ = ast::Operator::Div; }
  | "%=" { $$ = ast::Operator::Mod; }
  | "&=" { $$ = ast::Operator::BitAnd; }
  | "|=" { $$ = ast::Operator::BitOr; }
  | "^=" { $$ = ast::Operator::BitXor; }
  | "<<=" { $$ = ast::Operator::LShift; }
  | ">>=" { $$ = ast::Operator::RShift; }
  | "**=" { $$ = ast::Operator::Pow; }
  | "//=" { $$ = ast::Operator::FloorDiv; }
  ;

// ---------------------------------------------------------------------------
// Imports

// import_name: 'import' dotted_as_names
import_name
  : "import" dotted_as_names { $$ = ctx.import_stmt($2, @$); }
  ;

dotted_as_names
  : dotted_as_name { $$.push_back($1); }
  | dotted_as_names "," dotted_as_name { $$ = $1; $$.push_back($3); }
  ;

// dotted_as_name: dotted_name ['as' NAME]
dotted_as_name
  : dotted_name { $$ = ctx.alias($1, {}, @$); }
  | dotted_name "as" NAME { $$ = ctx.alias($1, ctx.identifier($3), @$); }
  ;

// dotted_name: dotted_name '.' NAME | NAME
dotted_name
  : NAME { $$ = ctx.identifier($1); }
  | dotted_name "." NAME { $$ = ctx.join_dotted($1, ctx.identifier($3)); }
  ;

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
import_from
  : "from" dotted_name "import" import_targets { $$ = ctx.import_from_stmt($2, 0, $4, @$); }
  | "from" dots dotted_name "import" import_targets { $$ = ctx.import_from_stmt($3, $2, $5, @$); }
  | "from" dots "import" import_targets { $$ = ctx.import_from_stmt({}, $2, $4, @$); }
  ;

dots
  : "." { $$ = 1; }
  | "..." { $$ = 3; }
  | dots "." { $$ = $1 + 1; }
  | dots "..." { $$ = $1 + 3; }
  ;

// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
import_targets
  : "(" import_as_names opt_comma ")" { $$ = $2; }
  | import_as_names { $$ = $1; }
  | import_as_names "," { $$ = ctx.import_trailing_comma($1, @2); }
  | "*" { $$.push_back(ctx.alias(ctx.star_name(), {}, @$)); }
  ;

import_as_names
  : import_as_name { $$.push_back($1); }
  | import_as_names "," import_as_name { $$ = $1; $$.push_back($3); }
  ;

// import_from_as_name: NAME ['as' NAME]
import_as_name
  : NAME { $$ = ctx.alias(ctx.identifier($1), {}, @$); }
  | NAME "as" NAME { $$ = ctx.alias(ctx.identifier($1), ctx.identifier($3), @$); }
  ;

// ---------------------------------------------------------------------------
// Compound statements

compound_stmt
  : function_def { $$ = $1; }
  | if_stmt { $$ = $1; }
  | class_def { $$ = $1; }
  | with_stmt { $$ = $1; }
  | for_stmt { $$ = $1; }
  | try_stmt { $$ = $1; }
  | while_stmt { $$ = $1; }
  | match_stmt { $$ = $1; }
  ;

// block: NEWLINE INDENT statements DEDENT | simple_stmts
block
  : NEWLINE INDENT statement_list DEDENT { $$ = $3; @$ = @3; }
  | simple_stmts { $$ = $1; }
  ;

// decorators: ('@' named_expression NEWLINE)+
decorators
  : decorator { $$.push_back($1); }
  | decorators decorator { $$ = $1; $$.push_back($2); }
  ;

decorator
  : "@" named_expression NEWLINE { $$ = $2; }
  ;

// class_def: decorators class_def_raw | class_def_raw
class_def
  : decorators class_def_raw { $$ = ctx.decorate($2, $1); }
  | class_def_raw { $$ = $1; }
  ;

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
class_def_raw
  : "class" NAME ":" block { $$ = ctx.class_def($2, nullptr, $4, @$); }
  | "class" NAME "(" ")" ":" block { $$ = ctx.class_def($2, nullptr, $6, @$); }
  | "class" NAME "(" arg_seq opt_comma ")" ":" block {
      $$ = ctx.class_def($2, ctx.call_arguments($4, $5, @3, @6, true), $8, @$); }
  ;

// function_def: decorators function_def_raw | function_def_raw
function_def
  : decorators function_def_raw { $$ = ctx.decorate($2, $1); }
  | function_def_raw { $$ = $1; }
  ;

// function_def_raw:
//     | 'def' NAME '(' [params] ')' ['->' expression] ':' block
//     | ASYNC 'def' NAME '(' [params] ')' ['->' expression] ':' block
function_def_raw
  : "def" NAME "(" params_opt ")" returns_opt ":" block {
      $$ = ctx.function_def(false, $2, $4, $6, $8, @$); }
  | "async" "def" NAME "(" params_opt ")" returns_opt ":" block {
      $$ = ctx.function_def(true, $3, $5, $7, $9, @$); }
  ;

returns_opt
  : %empty { $$ = nullptr; }
  | "->" expression { $$ = $2; }
  ;

// params: parameters — a flat list here; ParseContext::parameters checks the
// order of the parts and builds the arguments node.
params_opt
  : %empty { $$ = ctx.parameters({}, false, false, @$); }
  | param_seq opt_comma { $$ = ctx.parameters($1, $2, false, @$); }
  ;

param_seq
  : param_item { $$.push_back($1); }
  | param_seq "," param_item { $$ = $1; $$.push_back($3); }
  ;

// param_no_default / param_with_default / param_maybe_default: param [default]
param_item
  : param_target { $$ = $1; }
  | param_target "=" expression { $$ = ctx.param_default($1, $3, @2); }
  ;

// param: NAME annotation? ; star_etc: '*' [param | param_star_annotation] ; kwds: '**' param ; '/'
param_target
  : NAME { $$ = ctx.param(parsing::ParamKind::Plain, $1, nullptr, @$); }
  | NAME ":" expression { $$ = ctx.param(parsing::ParamKind::Plain, $1, $3, @$); }
  | "*" { $$ = ctx.param_marker(parsing::ParamKind::BareStar, @$); }
  | "*" NAME { $$ = ctx.param(parsing::ParamKind::Star, $2, nullptr, @$); }
  | "*" NAME ":" star_expression { $$ = ctx.param(parsing::ParamKind::Star, $2, $4, @$); }
  | "**" NAME { $$ = ctx.param(parsing::ParamKind::DoubleStar, $2, nullptr, @$); }
  | "**" NAME ":" expression { $$ = ctx.param(parsing::ParamKind::DoubleStar, $2, $4, @$); }
  | "/" { $$ = ctx.param_marker(parsing::ParamKind::Slash, @$); }
  ;

// if_stmt:
//     | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
if_stmt
  : "if" named_expression ":" block elif_tail { $$ = ctx.if_stmt($2, $4, $5, @$); }
  ;

// elif_stmt:
//     | 'elif' named_expression ':' block elif_stmt
//     | 'elif' named_expression ':' block [else_block]
elif_tail
  : %empty { }
  | else_block { $$ = $1; }
  | "elif" named_expression ":" block elif_tail {
      $$.push_back(ctx.if_stmt($2, $4, $5, @$)); }
  ;

// else_block: 'else' ':' block
else_block
  : "else" ":" block { $$ = $3; }
  ;

else_opt
  : %empty { }
  | else_block { $$ = $1; }
  ;

// while_stmt: 'while' named_expression ':' block [else_block]
while_stmt
  : "while" named_expression ":" block else_opt { $$ = ctx.while_stmt($2, $4, $5, @$); }
  ;

// for_stmt:
//     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
for_stmt
  : "for" for_targets "in" star_expressions ":" block else_opt {
      $$ = ctx.for_stmt(false, $2, $4, $6, $7, @$); }
  | "async" "for" for_targets "in" star_expressions ":" block else_opt {
      $$ = ctx.for_stmt(true, $3, $5, $7, $8, @$); }
  ;

// star_targets, read as a comma-separated list of (starred) bitwise_or
// expressions; ParseContext::for_targets checks them and gives them Store.
for_targets
  : target_seq opt_comma { $$ = ctx.target_list($1, $2, @$); }
  ;

target_seq
  : target_item { $$.push_back($1); }
  | target_seq "," target_item { $$ = $1; $$.push_back($3); }
  ;

target_item
  : bitwise_or { $$ = $1; }
  | "*" bitwise_or { $$ = ctx.starred($2, @$); }
  ;

// with_stmt:
//     | 'with' '(' ','.with_item+ ','? ')' ':' block
//     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
with_stmt
  : "with" with_item_seq ":" block { $$ = ctx.with_stmt(false, $2, $4, @$); }
  | "with" "(" paren_seq opt_comma ")" ":" block {
      $$ = ctx.with_stmt(false, ctx.parenthesized_with_items($3, $4, @2, @5), $7, @$); }
  | "async" "with" with_item_seq ":" block { $$ = ctx.with_stmt(true, $3, $5, @$); }
  | "async" "with" "(" paren_seq opt_comma ")" ":" block {
      $$ = ctx.with_stmt(true, ctx.parenthesized_with_items($4, $5, @3, @6), $8, @$); }
  ;

with_item_seq
  : with_item { $$.push_back($1); }
  | with_item_seq "," with_item { $$ = $1; $$.push_back($3); }
  ;

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
with_item
  : expression { $$ = ctx.with_item($1, nullptr); }
  | expression "as" star_expression { $$ = ctx.with_item($1, $3); }
  ;

// try_stmt:
//     | 'try' ':' block finally_block
//     | 'try' ':' block except_block+ [else_block] [finally_block]
//     | 'try' ':' block except_star_block+ [else_block] [finally_block]
try_stmt
  : "try" ":" block "finally" ":" block { $$ = ctx.try_stmt($3, {}, {}, $6, @$); }
  | "try" ":" block except_blocks else_opt finally_opt { $$ = ctx.try_stmt($3, $4, $5, $6, @$); }
  ;

finally_opt
  : %empty { }
  | "finally" ":" block { $$ = $3; }
  ;

except_blocks
  : except_block { $$.push_back($1); }
  | except_blocks except_block { $$ = $1; $$.push_back($2); }
  ;

// except_block:
//     | 'except' expression ['as' NAME] ':' block
//     | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
except_block
  : "except" ":" block { $$ = ctx.except_handler(nullptr, nullptr, Token(), $3, @$); }
  | "except" expression ":" block { $$ = ctx.except_handler(nullptr, $2, Token(), $4, @$); }
  | "except" expression "as" NAME ":" block {
      $$ = ctx.except_handler(nullptr, $2, $4, $6, @$); }
  | "except" "*" expression ":" block { $$ = ctx.except_handler(&@2, $3, Token(), $5, @$); }
  | "except" "*" expression "as" NAME ":" block {
      $$ = ctx.except_handler(&@2, $3, $5, $7, @$); }
  | except_types_error block { $$ = ctx.except_handler(nullptr, $1, Token(), $2, @$); }
  ;

// invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
// Reduced at the ':', so that the error comes before the block's.
except_types_error
  : "except" expression "," star_expressions ":" {
      $$ = ctx.unparenthesized_exception_types($2, @5); }
  | "except" expression "," star_expressions "as" NAME ":" {
      $$ = ctx.unparenthesized_exception_types($2, @7); }
  | "except" "*" expression "," star_expressions ":" {
      $$ = ctx.unparenthesized_exception_types($3, @6); }
  | "except" "*" expression "," star_expressions "as" NAME ":" {
      $$ = ctx.unparenthesized_exception_types($3, @8); }
  ;

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
match_stmt
  : "match" subject ":" NEWLINE INDENT case_blocks DEDENT { $$ = ctx.match_stmt($2, $6, @$); }
  ;

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
subject
  : star_named_seq opt_comma { $$ = ctx.match_subject($1, $2, @$); }
  ;

case_blocks
  : case_block { $$.push_back($1); }
  | case_blocks case_block { $$ = $1; $$.push_back($2); }
  ;

// case_block: "case" patterns guard? ':' block
case_block
  : "case" patterns guard_opt ":" block { $$ = ctx.match_case($2, $3, $5); }
  ;

// guard: 'if' named_expression
guard_opt
  : %empty { $$ = nullptr; }
  | "if" named_expression { $$ = $2; }
  ;

// ---------------------------------------------------------------------------
// Patterns

// patterns: open_sequence_pattern | pattern
patterns
  : pattern_seq opt_comma { $$ = ctx.top_pattern($1, $2, @$); }
  ;

pattern_seq
  : maybe_star_pattern { $$.push_back($1); }
  | pattern_seq "," maybe_star_pattern { $$ = $1; $$.push_back($3); }
  ;

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
maybe_star_pattern
  : pattern { $$ = $1; }
  | "*" NAME { $$ = ctx.match_star($2, @$); }
  ;

// pattern: as_pattern | or_pattern
// as_pattern: or_pattern 'as' pattern_capture_target
pattern
  : or_pattern { $$ = $1; }
  | or_pattern "as" NAME { $$ = ctx.match_as($1, $3, @$); }
  ;

// or_pattern: '|'.closed_pattern+
or_pattern
  : closed_pattern { $$ = $1; }
  | or_pattern_seq { $$ = ctx.match_or($1, @$); }
  ;

or_pattern_seq
  : closed_pattern "|" closed_pattern { $$.push_back($1); $$.push_back($3); }
  | or_pattern_seq "|" closed_pattern { $$ = $1; $$.push_back($3); }
  ;

closed_pattern
  : literal_pattern { $$ = $1; }
  // capture_pattern: pattern_capture_target ; wildcard_pattern: "_"
  | NAME { $$ = ctx.capture_pattern($1, @$); }
  // value_pattern: attr !('.' | '(' | '=')
  | attr { $$ = ctx.match_value($1, @$); }
  // group_pattern: '(' pattern ')' ; sequence_pattern: '(' open_sequence_pattern? ')'
  | "(" ")" { $$ = ctx.match_sequence({}, @$); }
  | "(" pattern_seq opt_comma ")" { $$ = ctx.group_or_sequence_pattern($2, $3, @$); }
  // sequence_pattern: '[' maybe_sequence_pattern? ']'
  | "[" "]" { $$ = ctx.match_sequence({}, @$); }
  | "[" pattern_seq opt_comma "]" { $$ = ctx.match_sequence($2, @$); }
  | mapping_pattern { $$ = $1; }
  | class_pattern { $$ = $1; }
  ;

// literal_pattern: signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
literal_pattern
  : signed_number { $$ = ctx.match_value($1, @$); }
  | complex_number { $$ = ctx.match_value($1, @$); }
  | strings { $$ = ctx.match_value($1, @$); }
  | "None" { $$ = ctx.match_singleton(ast::ConstantValue::Kind::None, @$); }
  | "True" { $$ = ctx.match_singleton(ast::ConstantValue::Kind::True, @$); }
  | "False" { $$ = ctx.match_singleton(ast::ConstantValue::Kind::False, @$); }
  ;

// literal_expr: the same, as expressions (mapping pattern keys)
literal_expression
  : signed_number { $$ = $1; }
  | complex_number { $$ = $1; }
  | strings { $$ = $1; }
  | "None" { $$ = ctx.constant(ast::ConstantValue::Kind::None, @$); }
  | "True" { $$ = ctx.constant(ast::ConstantValue::Kind::True, @$); }
  | "False" { $$ = ctx.constant(ast::ConstantValue::Kind::False, @$); }
  ;

// signed_number: NUMBER | '-' NUMBER
signed_number
  : NUMBER { $$ = ctx.number($1); }
  | "-" NUMBER { $$ = ctx.unary_op(ast::UnaryOperator::USub, ctx.number($2), @$); }
  ;

// complex_number: signed_real_number ('+' | '-') imaginary_number
complex_number
  : signed_number "+" NUMBER { $$ = ctx.complex_literal($1, ast::Operator::Add, ctx.number($3), @$); }
  | signed_number "-" NUMBER { $$ = ctx.complex_literal($1, ast::Operator::Sub, ctx.number($3), @$); }
  ;

// attr: name_or_attr '.' NAME
attr
  : NAME "." NAME { $$ = ctx.attribute(ctx.name($1), $3, @$); }
  | attr "." NAME { $$ = ctx.attribute($1, $3, @$); }
  ;

// mapping_pattern: '{' [items_pattern [',' double_star_pattern] | double_star_pattern] ','? '}'
mapping_pattern
  : "{" "}" { $$ = ctx.match_mapping({}, @$); }
  | "{" mapping_seq opt_comma "}" { $$ = ctx.match_mapping($2, @$); }
  ;

mapping_seq
  : mapping_item { $$.push_back($1); }
  | mapping_seq "," mapping_item { $$ = $1; $$.push_back($3); }
  ;

// key_value_pattern: (literal_expr | attr) ':' pattern ; double_star_pattern: '**' pattern_capture_target
mapping_item
  : literal_expression ":" pattern { $$ = ctx.mapping_item($1, $3); }
  | attr ":" pattern { $$ = ctx.mapping_item($1, $3); }
  | "**" NAME { $$ = ctx.mapping_rest($2, @$); }
  ;

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')'
class_pattern
  : NAME "(" ")" { $$ = ctx.match_class(ctx.name($1), {}, @$); }
  | NAME "(" class_arg_seq opt_comma ")" { $$ = ctx.match_class(ctx.name($1), $3, @$); }
  | attr "(" ")" { $$ = ctx.match_class($1, {}, @$); }
  | attr "(" class_arg_seq opt_comma ")" { $$ = ctx.match_class($1, $3, @$); }
  ;

class_arg_seq
  : class_arg { $$.push_back($1); }
  | class_arg_seq "," class_arg { $$ = $1; $$.push_back($3); }
  ;

// positional pattern | keyword_pattern: NAME '=' pattern
class_arg
  : pattern { $$ = ctx.class_positional($1); }
  | NAME "=" pattern { $$ = ctx.class_keyword($1, $3); }
  ;

// ---------------------------------------------------------------------------
// Expressions

opt_comma
  : %empty { $$ = false; }
  | "," { $$ = true; }
  ;

// star_expressions:
//     | star_expression (',' star_expression)+ [',']
//     | star_expression ','
//     | star_expression
star_expressions
  : star_expression_seq { $$ = ctx.tuple_or_single($1, false, @$); }
  | star_expression_seq "," { $$ = ctx.tuple_or_single($1, true, @$); }
  ;

star_expression_seq
  : star_expression { $$.push_back($1); }
  | star_expression_seq "," star_expression { $$ = $1; $$.push_back($3); }
  ;

// star_expression: '*' bitwise_or | expression
star_expression
  : "*" bitwise_or { $$ = ctx.starred($2, @$); }
  | expression { $$ = $1; }
  ;

// star_named_expression: '*' bitwise_or | named_expression
star_named_expression
  : "*" bitwise_or { $$ = ctx.starred($2, @$); }
  | named_expression { $$ = $1; }
  ;

star_named_seq
  : star_named_expression { $$.push_back($1); }
  | star_named_seq "," star_named_expression { $$ = $1; $$.push_back($3); }
  ;

// named_expression: assignment_expression | expression !':='
// assignment_expression: NAME ':=' ~ expression
named_expression
  : expression { $$ = $1; }
  | expression ":=" expression { $$ = ctx.named_expr($1, $3, @$); }
  ;

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
expression
  : disjunction { $$ = $1; }
  | disjunction "if" disjunction "else" expression { $$ = ctx.if_exp($3, $1, $5, @$); }
  | lambdef { $$ = $1; }
  ;

// disjunction: conjunction ('or' conjunction)+ | conjunction
disjunction
  : conjunction { $$ = $1; }
  | or_seq { $$ = ctx.bool_op(ast::BoolOperator::Or, $1, @$); }
  ;

or_seq
  : conjunction "or" conjunction { $$.push_back($1); $$.push_back($3); }
  | or_seq "or" conjunction { $$ = $1; $$.push_back($3); }
  ;

// conjunction: inversion ('and' inversion)+ | inversion
conjunction
  : inversion { $$ = $1; }
  | and_seq { $$ = ctx.bool_op(ast::BoolOperator::And, $1, @$); }
  ;

and_seq
  : inversion "and" inversion { $$.push_back($1); $$.push_back($3); }
  | and_seq "and" inversion { $$ = $1; $$.push_back($3); }
  ;

// inversion: 'not' inversion | comparison
inversion
  : "not" inversion { $$ = ctx.unary_op(ast::UnaryOperator::Not, $2, @$); }
  | comparison { $$ = $1; }
  ;

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
comparison
  : bitwise_or { $$ = $1; }
  | bitwise_or compare_tail { $$ = ctx.compare($1, $2, @$); }
  ;

compare_tail
  : compare_op bitwise_or { $$.ops.push_back($1); $$.comparators.push_back($2); }
  | compare_tail compare_op bitwise_or { $$ = $1; $$.ops.push_back($2); $$.comparators.push_back($3); }
  ;

compare_op
  : "==" { $$ = ast::CmpOperator::Eq; }
  | "!=" { $$ = ast::CmpOperator::NotEq; }
  | "<=" { $$ = ast::CmpOperator::LtE; }
  | "<" { $$ = ast::CmpOperator::Lt; }
  | ">=" { $$ = ast::CmpOperator::GtE; }
  | ">" { $$ = ast::CmpOperator::Gt; }
  | "not" "in" { $$ = ast::CmpOperator::NotIn; }
  | "in" { $$ = ast::CmpOperator::In; }
  | "is" "not" { $$ = ast::CmpOperator::IsNot; }
  | "is" { $$ = ast::CmpOperator::Is; }
  ;

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
// shift_expr: shift_expr ('<<' | '>>') sum | sum
// sum: sum ('+' | '-') term | term
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
// — six levels of left-associative operators, read as one rule whose
// operators' precedence (declared above) gives the same trees.
bitwise_or
  : bitwise_or "|" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::BitOr, $3, @$); }
  | bitwise_or "^" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::BitXor, $3, @$); }
  | bitwise_or "&" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::BitAnd, $3, @$); }
  | bitwise_or "<<" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::LShift, $3, @$); }
  | bitwise_or ">>" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::RShift, $3, @$); }
  | bitwise_or "+" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::Add, $3, @$); }
  | bitwise_or "-" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::Sub, $3, @$); }
  | bitwise_or "*" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::Mult, $3, @$); }
  | bitwise_or "/" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::Div, $3, @$); }
  | bitwise_or "//" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::FloorDiv, $3, @$); }
  | bitwise_or "%" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::Mod, $3, @$); }
  | bitwise_or "@" bitwise_or { $$ = ctx.bin_op($1, ast::Operator::MatMult, $3, @$); }
  | factor { $$ = $1; }
  ;

// factor: ('+' | '-' | '~') factor | power
factor
  : "+" factor { $$ = ctx.unary_op(ast::UnaryOperator::UAdd, $2, @$); }
  | "-" factor { $$ = ctx.unary_op(ast::UnaryOperator::USub, $2, @$); }
  | "~" factor { $$ = ctx.unary_op(ast::UnaryOperator::Invert, $2, @$); }
  | power { $$ = $1; }
  ;

// power: await_primary '**' factor | await_primary
// await_primary: AWAIT primary | primary
power
  : primary "**" factor { $$ = ctx.bin_op($1, ast::Operator::Pow, $3, @$); }
  | primary { $$ = $1; }
  | "await" primary "**" factor {
      $$ = ctx.bin_op(ctx.await_expr($2, parsing::span(@1, @2)), ast::Operator::Pow, $4, @$); }
  | "await" primary { $$ = ctx.await_expr($2, @$); }
  ;

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
primary
  : primary "." NAME { $$ = ctx.attribute($1, $3, @$); }
  | primary "(" ")" { $$ = ctx.call($1, ctx.call_arguments({}, false, @2, @3), @$); }
  | primary "(" arg_seq opt_comma ")" { $$ = ctx.call($1, ctx.call_arguments($3, $4, @2, @5), @$); }
  | primary "[" slices "]" { $$ = ctx.subscript($1, $3, @$); }
  | atom { $$ = $1; }
  ;

// arguments: args [','] &')' — a flat list; ParseContext::call_arguments
// checks the order of positional, keyword and unpacked arguments.
arg_seq
  : argument { $$.push_back($1); }
  | arg_seq "," argument { $$ = $1; $$.push_back($3); }
  ;

argument
  // assignment_expression | expression !':='
  : expression { $$ = ctx.positional_argument($1); }
  | expression ":=" expression {
      $$ = ctx.positional_argument(ctx.argument_named_expr($1, $3, @2, @$)); }
  // an unparenthesized generator expression: valid as the sole argument
  | named_expression comp_fors { $$ = ctx.generator_argument($1, $2, @2, @$); }
  // starred_expression: '*' expression
  | "*" expression { $$ = ctx.starred_argument($2, @$); }
  // invalid_comprehension / invalid_arguments: an unpacking generator
  // expression (call_arguments words the error)
  | "*" expression comp_fors {
      $$ = ctx.generator_argument(ctx.starred($2, parsing::span(@1, @2)), $3, @3, @$); }
  // '**' expression
  | "**" expression { $$ = ctx.double_starred_argument($2, @$); }
  // NAME '=' expression
  | expression "=" expression { $$ = ctx.keyword_argument($1, $3, @2, @$); }
  // invalid_kwarg: a=NAME b='=' expression for_if_clauses
  | expression "=" expression comp_fors { $$ = ctx.keyword_generator_argument($1, @2); }
  ;

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
slices
  : slice_seq opt_comma { $$ = ctx.slices($1, $2, @$); }
  ;

slice_seq
  : slice_item { $$.push_back($1); }
  | slice_seq "," slice_item { $$ = $1; $$.push_back($3); }
  ;

slice_item
  : named_expression { $$ = $1; }
  | slice { $$ = $1; }
  | "*" expression { $$ = ctx.starred($2, @$); }
  ;

// slice: [expression] ':' [expression] [':' [expression]]
slice
  : opt_expression ":" opt_expression { $$ = ctx.slice($1, $3, nullptr, @$); }
  | opt_expression ":" opt_expression ":" opt_expression { $$ = ctx.slice($1, $3, $5, @$); }
  ;

opt_expression
  : %empty { $$ = nullptr; }
  | expression { $$ = $1; }
  ;

// atom
atom
  : NAME { $$ = ctx.name($1); }
  | "True" { $$ = ctx.constant(ast::ConstantValue::Kind::True, @$); }
  | "False" { $$ = ctx.constant(ast::ConstantValue::Kind::False, @$); }
  | "None" { $$ = ctx.constant(ast::ConstantValue::Kind::None, @$); }
  | strings { $$ = $1; }
  | NUMBER { $$ = ctx.number($1); }
  | "..." { $$ = ctx.constant(ast::ConstantValue::Kind::Ellipsis, @$); }
  // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
  | "(" ")" { $$ = ctx.empty_tuple(@$); }
  // group: '(' (yield_expr | named_expression) ')'
  | "(" yield_expr ")" { $$ = ctx.group($2); }
  // group or tuple, told apart by ParseContext::paren_atom
  | "(" paren_seq opt_comma ")" %prec PAREN_ATOM { $$ = ctx.paren_atom($2, $3, @$); }
  // genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
  | "(" paren_seq opt_comma comp_fors ")" { $$ = ctx.paren_comprehension($2, $3, $4, @4, @$); }
  // list: '[' [star_named_expressions] ']'
  | "[" "]" { $$ = ctx.list({}, @$); }
  | "[" star_named_seq opt_comma "]" { $$ = ctx.list($2, @$); }
  // listcomp: '[' named_expression for_if_clauses ']'
  | "[" star_named_seq opt_comma comp_fors "]" { $$ = ctx.list_comprehension($2, $3, @3, $4, @$); }
  // dict: '{' [double_starred_kvpairs] '}'
  | "{" "}" { $$ = ctx.dict({}, @$); }
  | "{" dict_seq opt_comma "}" { $$ = ctx.dict($2, @$); }
  // dictcomp: '{' kvpair for_if_clauses '}'
  | "{" dict_seq opt_comma comp_fors "}" { $$ = ctx.dict_comprehension($2, $3, $4, @4, @$); }
  // set: '{' star_named_expressions '}'
  | "{" star_named_seq opt_comma "}" { $$ = ctx.set($2, @$); }
  // setcomp: '{' named_expression for_if_clauses '}'
  | "{" star_named_seq opt_comma comp_fors "}" { $$ = ctx.set_comprehension($2, $3, @3, $4, @$); }
  ;

// The items of a parenthesized group: expressions, and — for
// `with (a as b, …):` only — with-items.
paren_seq
  : paren_item { $$.push_back($1); }
  | paren_seq "," paren_item { $$ = $1; $$.push_back($3); }
  ;

paren_item
  : star_named_expression { $$ = ctx.paren_item($1); }
  | expression "as" star_expression { $$ = ctx.paren_with_item($1, $3, @2); }
  ;

// double_starred_kvpair: '**' bitwise_or | kvpair ; kvpair: expression ':' expression
dict_seq
  : dict_item { $$.push_back($1); }
  | dict_seq "," dict_item { $$ = $1; $$.push_back($3); }
  ;

dict_item
  : expression ":" expression { $$ = ctx.dict_item($1, $3); }
  | "**" bitwise_or { $$ = ctx.dict_item(nullptr, $2); }
  ;

// for_if_clauses: for_if_clause+
comp_fors
  : comp_for { $$.push_back($1); }
  | comp_fors comp_for { $$ = $1; $$.push_back($2); }
  ;

// for_if_clause:
//     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
comp_for
  : "for" for_targets "in" disjunction comp_ifs { $$ = ctx.comprehension(false, $2, $4, $5); }
  | "async" "for" for_targets "in" disjunction comp_ifs { $$ = ctx.comprehension(true, $3, $5, $6); }
  ;

comp_ifs
  : %empty { }
  | comp_ifs "if" disjunction { $$ = $1; $$.push_back($3); }
  ;

// lambdef: 'lambda' [lambda_params] ':' expression
lambdef
  : "lambda" lambda_params_opt ":" expression { $$ = ctx.lambda($2, $4, @$); }
  ;

lambda_params_opt
  : %empty { $$ = ctx.parameters({}, false, true, @$); }
  | lambda_param_seq opt_comma { $$ = ctx.parameters($1, $2, true, @$); }
  ;

lambda_param_seq
  : lambda_param_item { $$.push_back($1); }
  | lambda_param_seq "," lambda_param_item { $$ = $1; $$.push_back($3); }
  ;

lambda_param_item
  : lambda_param_target { $$ = $1; }
  | lambda_param_target "=" expression { $$ = ctx.param_default($1, $3, @2); }
  ;

lambda_param_target
  : NAME { $$ = ctx.param(parsing::ParamKind::Plain, $1, nullptr, @$); }
  | "*" { $$ = ctx.param_marker(parsing::ParamKind::BareStar, @$); }
  | "*" NAME { $$ = ctx.param(parsing::ParamKind::Star, $2, nullptr, @$); }
  | "**" NAME { $$ = ctx.param(parsing::ParamKind::DoubleStar, $2, nullptr, @$); }
  | "/" { $$ = ctx.param_marker(parsing::ParamKind::Slash, @$); }
  ;

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
yield_expr
  : "yield" { $$ = ctx.yield_expr(nullptr, @$); }
  | "yield" star_expressions { $$ = ctx.yield_expr($2, @$); }
  | "yield" "from" expression { $$ = ctx.yield_from($3, @$); }
  ;

// ---------------------------------------------------------------------------
// Strings

// strings: STRING+ — each STRING here is a plain literal or a whole f-string.
strings
  : string_pieces { $$ = ctx.concatenate_strings($1, @$); }
  ;

string_pieces
  : string_piece { $$.push_back($1); }
  | string_pieces string_piece { $$ = $1; $$.push_back($2); }
  ;

string_piece
  : STRING { $$ = ctx.string_piece($1); }
  | fstring { $$ = $1; }
  ;

// An f-string, as the lexer splits it: its literal text and replacement fields.
fstring
  : FSTRING_START fstring_parts FSTRING_END { $$ = ctx.fstring_piece($1, $2, @$); }
  ;

fstring_parts
  : %empty { }
  | fstring_parts fstring_part { $$ = $1; $$.push_back($2); }
  ;

fstring_part
  : FSTRING_MIDDLE { $$ = ctx.fstring_text($1); }
  | replacement_field { $$ = ctx.fstring_field($1); }
  ;

// '{' expression ['='] ['!' NAME] [':' format_spec] '}'
replacement_field
  : "{" fstring_expression fstring_debug_opt fstring_conversion_opt fstring_format_spec_opt "}" {
      $$ = ctx.replacement_field($2, $3, $4, $5, @$); }
  ;

// CPython 3.11 compiles a replacement field's text as if it stood in
// parentheses: `f"{x for x in y}"` is a generator, `f"{a, b}"` a tuple.
fstring_expression
  : yield_expr { $$ = $1; }
  | paren_seq opt_comma { $$ = ctx.fstring_expression($1, $2, @$); }
  | paren_seq opt_comma comp_fors { $$ = ctx.fstring_comprehension($1, $2, $3, @3, @$); }
  ;

fstring_debug_opt
  : %empty { }
  | "=" { $$ = $1; }
  ;

fstring_conversion_opt
  : %empty { }
  | "!" NAME { $$ = $2; }
  ;

fstring_format_spec_opt
  : %empty { }
  | ":" format_spec_parts { $$ = ctx.format_spec($2, @$); }
  ;

format_spec_parts
  : %empty { }
  | format_spec_parts format_spec_part { $$ = $1; $$.push_back($2); }
  ;

format_spec_part
  : FSTRING_MIDDLE { $$ = ctx.fstring_text($1); }
  | replacement_field { $$ = ctx.fstring_field($1); }
  ;

%%
