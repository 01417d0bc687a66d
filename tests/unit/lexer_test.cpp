// Tests for the lexer (lexer/lexer.re and lexer/*.cpp). Every expected
// error — message and position — is CPython 3.11's answer for the same source
// (ast.parse of the text, or running the file where ast.parse cannot say).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "lexer/lexer.h"
#include "lexer/unicode_names.h"

namespace coil {
namespace {

struct Lexed {
  Arena arena;  // owns the texts and values the tokens point to
  std::vector<Token> tokens;
  bool ok = true;
  SyntaxErrorInfo error;
};

// All tokens up to ENDMARKER, or up to the first ERRORTOKEN.
void lex_into(Lexed& out, std::string_view source) {
  Lexer lexer(source, out.arena);
  for (int guard = 0; guard < 100000; ++guard) {
    Token token = lexer.next();
    out.tokens.push_back(token);
    if (token.kind == TokenKind::ERRORTOKEN) {
      out.ok = false;
      out.error = lexer.error();
      return;
    }
    if (token.kind == TokenKind::ENDMARKER) return;
  }
  ADD_FAILURE() << "the lexer does not stop";
}

// "NAME EQUAL NUMBER NEWLINE ENDMARKER"
std::string kinds(std::string_view source) {
  Lexed lexed;
  lex_into(lexed, source);
  std::string out;
  for (const Token& token : lexed.tokens) {
    if (!out.empty()) out += ' ';
    out += name_of(token.kind);
  }
  return out;
}


std::string describe(const SyntaxErrorInfo& error) {
  return std::string(name_of(error.kind)) + ": " + error.message + " @ " +
         std::to_string(error.lineno) + ":" + std::to_string(error.offset) + "-" +
         std::to_string(error.end_lineno) + ":" + std::to_string(error.end_offset);
}

// "SyntaxError: message @ line:offset-end_line:end_offset", or "no error".
std::string error_of(std::string_view source) {
  Lexed lexed;
  lex_into(lexed, source);
  return lexed.ok ? "no error" : describe(lexed.error);
}

// The tokens of a source that must lex without error.
void lex_ok(Lexed& lexed, std::string_view source) {
  lex_into(lexed, source);
  ASSERT_TRUE(lexed.ok) << describe(lexed.error);
}

std::string value_of_string(std::string_view source) {
  Lexed lexed;
  lex_into(lexed, source);
  if (!lexed.ok) return "error: " + describe(lexed.error);
  if (lexed.tokens.empty() || lexed.tokens[0].kind != TokenKind::STRING) return "not a string";
  return std::string(lexed.tokens[0].value);
}

std::string location(const Token& token) {
  return std::to_string(token.loc.lineno) + ":" + std::to_string(token.loc.col_offset) + "-" +
         std::to_string(token.loc.end_lineno) + ":" + std::to_string(token.loc.end_col_offset);
}

// ---------------------------------------------------------------------------
// Tokens

TEST(LexerTokens, SimpleStatement) {
  EXPECT_EQ(kinds("x = 1\n"), "NAME EQUAL NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("print('hi')"), "NAME LPAR STRING RPAR NEWLINE ENDMARKER");
}

TEST(LexerTokens, EmptyAndBlankSources) {
  EXPECT_EQ(kinds(""), "ENDMARKER");
  EXPECT_EQ(kinds("\n\n"), "ENDMARKER");
  EXPECT_EQ(kinds("# only a comment"), "ENDMARKER");
  EXPECT_EQ(kinds("   \n\t\n  # c\n\f\n"), "ENDMARKER");
}

TEST(LexerTokens, EndmarkerRepeats) {
  Arena arena;
  Lexer lexer("x", arena);
  for (int i = 0; i < 3; ++i) lexer.next();
  EXPECT_EQ(lexer.next().kind, TokenKind::ENDMARKER);
  EXPECT_EQ(lexer.next().kind, TokenKind::ENDMARKER);
}

TEST(LexerTokens, EveryOperator) {
  const char* source =
      "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= "
      "<<= >>= **= // //= @ @= -> ... :=\n";
  EXPECT_EQ(kinds(source),
            "LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER "
            "LESS GREATER EQUAL DOT PERCENT EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE "
            "CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL "
            "PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL "
            "DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL "
            "NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a..b"), "NAME DOT DOT NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a....b"), "NAME ELLIPSIS DOT NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a->b"), "NAME RARROW NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a<<=b>>c"), "NAME LEFTSHIFTEQUAL NAME RIGHTSHIFT NAME NEWLINE ENDMARKER");
}

TEST(LexerTokens, EveryKeyword) {
  const char* source =
      "False None True and as assert async await break class continue def del elif else except "
      "finally for from global if import in is lambda nonlocal not or pass raise return try "
      "while with yield\n";
  EXPECT_EQ(kinds(source),
            "KW_FALSE KW_NONE KW_TRUE KW_AND KW_AS KW_ASSERT KW_ASYNC KW_AWAIT KW_BREAK KW_CLASS "
            "KW_CONTINUE KW_DEF KW_DEL KW_ELIF KW_ELSE KW_EXCEPT KW_FINALLY KW_FOR KW_FROM "
            "KW_GLOBAL KW_IF KW_IMPORT KW_IN KW_IS KW_LAMBDA KW_NONLOCAL KW_NOT KW_OR KW_PASS "
            "KW_RAISE KW_RETURN KW_TRY KW_WHILE KW_WITH KW_YIELD NEWLINE ENDMARKER");
  // Prefixes and extensions of keywords are names.
  EXPECT_EQ(kinds("iff classy Trues _if if_ await_"),
            "NAME NAME NAME NAME NAME NAME NEWLINE ENDMARKER");
}

TEST(LexerTokens, NameSpellingAndTable) {
  EXPECT_STREQ(name_of(TokenKind::NAME), "NAME");
  EXPECT_STREQ(name_of(TokenKind::KW_DEF), "KW_DEF");
  EXPECT_STREQ(spelling_of(TokenKind::KW_DEF), "def");
  EXPECT_STREQ(spelling_of(TokenKind::DOUBLESLASHEQUAL), "//=");
  EXPECT_STREQ(spelling_of(TokenKind::NAME), "<name>");
}

TEST(LexerTokens, Positions) {
  Lexed lexed;
  lex_ok(lexed, "def f(x):\n    return x  # done\n");
  std::vector<std::string> got;
  for (const Token& token : lexed.tokens) got.push_back(location(token));
  std::vector<std::string> want = {
      "1:0-1:3",  "1:4-1:5",  "1:5-1:6", "1:6-1:7", "1:7-1:8", "1:8-1:9",
      "1:9-1:9",    // NEWLINE: ends before the newline character, as CPython's
      "2:0-2:4",    // INDENT
      "2:4-2:10", "2:11-2:12",
      "2:14-2:20",  // NEWLINE after a comment starts at the comment
      "3:0-3:0",    // DEDENT
      "3:0-3:0"};   // ENDMARKER
  EXPECT_EQ(got, want);
  EXPECT_EQ(lexed.tokens[0].text, "def");
  EXPECT_EQ(lexed.tokens[8].text, "return");
}

TEST(LexerTokens, ColumnsAreBytes) {
  Lexed lexed;
  lex_ok(lexed, "é = 'ü'\n");
  EXPECT_EQ(location(lexed.tokens[0]), "1:0-1:2");
  EXPECT_EQ(location(lexed.tokens[1]), "1:3-1:4");
  EXPECT_EQ(location(lexed.tokens[2]), "1:5-1:9");
}

TEST(LexerTokens, FinalNewlineIsAdded) {
  EXPECT_EQ(kinds("x"), "NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("if x:\n  y"), "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("x # comment"), "NAME NEWLINE ENDMARKER");
}

TEST(LexerTokens, CarriageReturnsAreNewlines) {
  EXPECT_EQ(kinds("if 1:\r\n  x\r\n  y\r\n"),
            "KW_IF NUMBER COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("if 1:\r  x\r  y\r"),
            "KW_IF NUMBER COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("x = (1,\r 2)\r"), "NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = 1 \\\r\n + 2"), "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(value_of_string("'''a\r\nb\rc'''"), "a\nb\nc");
  // A backslash and a final \r\n: a continuation onto the blank line CPython
  // adds after a final \r\n.
  EXPECT_EQ(kinds("\\\r\n"), "ENDMARKER");
}

TEST(LexerTokens, Comments) {
  EXPECT_EQ(kinds("x = 1 # one\n# two\ny = 2 # type: ignore\n"),
            "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE ENDMARKER");
}

TEST(LexerTokens, FormFeed) {
  EXPECT_EQ(kinds("if 1:\n  x\n\f  y\n"),
            "KW_IF NUMBER COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("x\f=\f1"), "NAME EQUAL NUMBER NEWLINE ENDMARKER");
}

// ---------------------------------------------------------------------------
// Indentation and line joining

TEST(LexerIndentation, IndentAndDedent) {
  EXPECT_EQ(kinds("if a:\n    if b:\n        x\n    y\nz\n"),
            "KW_IF NAME COLON NEWLINE INDENT KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT "
            "NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("if a:\n  if b:\n    x\n"),
            "KW_IF NAME COLON NEWLINE INDENT KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT "
            "DEDENT ENDMARKER");
}

TEST(LexerIndentation, BlankAndCommentLinesAreIgnored) {
  EXPECT_EQ(kinds("if a:\n\n      # deeper comment\n  x\n# shallow\n  y\n"),
            "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
}

TEST(LexerIndentation, Tabs) {
  // A tab goes to the next multiple of 8, and agrees with 8 spaces only when
  // the alternate measure (a tab is 1 column) agrees too.
  EXPECT_EQ(kinds("if a:\n\tx\n\ty\n"),
            "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("if a:\n \tx\n\ty\n"), "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE ERRORTOKEN");
  EXPECT_EQ(kinds("if 1:\n x\n \ty\n"),
            "KW_IF NUMBER COLON NEWLINE INDENT NAME NEWLINE INDENT NAME NEWLINE DEDENT DEDENT "
            "ENDMARKER");
}

TEST(LexerIndentation, ContinuationAtLineStart) {
  // The first backslash decides the indentation of what follows.
  EXPECT_EQ(kinds("if 1:\n  \\\n  x\n"),
            "KW_IF NUMBER COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(kinds("  \\\nx = 1\n"), "INDENT NAME EQUAL NUMBER NEWLINE DEDENT ENDMARKER");
}

TEST(LexerIndentation, ImplicitLineJoining) {
  EXPECT_EQ(kinds("x = (1,\n   2,\n\n# c\n 3)\n"),
            "NAME EQUAL LPAR NUMBER COMMA NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = [\n]\ny"), "NAME EQUAL LSQB RSQB NEWLINE NAME NEWLINE ENDMARKER");
}

TEST(LexerIndentation, BackslashContinuation) {
  EXPECT_EQ(kinds("x = 1 + \\\n    2\n"), "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = 1 \\\n\n"), "NAME EQUAL NUMBER NEWLINE ENDMARKER");
}

TEST(LexerIndentation, NinetyNineLevelsAreAllowed) {
  std::string source;
  for (int i = 0; i < 99; ++i) source += std::string(size_t(i), ' ') + "if 1:\n";
  source += std::string(99, ' ') + "x\n";
  EXPECT_EQ(error_of(source), "no error");
}

// ---------------------------------------------------------------------------
// Errors: the table holds CPython 3.11's answer for each source, as
// ast.parse reports it.

struct ErrorCase {
  const char* source;
  SyntaxErrorKind kind;
  const char* message;
  int lineno, offset, end_lineno, end_offset;
};

const ErrorCase kErrorCases[] = {
    {"if 1:\n  x\n y\n",
     SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level", 3, 3, 3, -1},
    {"if 1:\n  \303\251\n \303\251\n",
     SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level", 3, 3, 3, -1},
    {"if 1:\n\tx\n        y\n",
     SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if 1:\n        x\n\ty\n",
     SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if 1:\n  x\n\t\ty\n",
     SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if 1:\n\tx\n \ty\n",
     SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if 1:\n        x\n\t \n\ty\n",
     SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 4, 1, 4, 0},
    {"if 1:\n if 1:\n  if 1:\n   if 1:\n    if 1:\n     if 1:\n      if 1:\n       if 1:\n        if 1:\n         if 1:\n          if 1:\n           if 1:\n            if 1:\n             if 1:\n              if 1:\n               if 1:\n                if 1:\n                 if 1:\n                  if 1:\n                   if 1:\n                    if 1:\n                     if 1:\n                      if 1:\n                       if 1:\n                        if 1:\n                         if 1:\n                          if 1:\n                           if 1:\n                            if 1:\n                             if 1:\n                              if 1:\n                               if 1:\n                                if 1:\n                                 if 1:\n                                  if 1:\n                                   if 1:\n                                    if 1:\n                                     if 1:\n                                      if 1:\n                                       if 1:\n                                        if 1:\n                                         if 1:\n                                          if 1:\n                                           if 1:\n                                            if 1:\n                                             if 1:\n                                              if 1:\n                                               if 1:\n                                                if 1:\n                                                 if 1:\n                                                  if 1:\n                                                   if 1:\n                                                    if 1:\n                                                     if 1:\n                                                      if 1:\n                                                       if 1:\n                                                        if 1:\n                                                         if 1:\n                                                          if 1:\n                                                           if 1:\n                                                            if 1:\n                                                             if 1:\n                                                              if 1:\n                                                               if 1:\n                                                                if 1:\n                                                                 if 1:\n                                                                  if 1:\n                                                                   if 1:\n                                                                    if 1:\n                                                                     if 1:\n                                                                      if 1:\n                                                                       if 1:\n                                                                        if 1:\n                                                                         if 1:\n                                                                          if 1:\n                                                                           if 1:\n                                                                            if 1:\n                                                                             if 1:\n                                                                              if 1:\n                                                                               if 1:\n                                                                                if 1:\n                                                                                 if 1:\n                                                                                  if 1:\n                                                                                   if 1:\n                                                                                    if 1:\n                                                                                     if 1:\n                                                                                      if 1:\n                                                                                       if 1:\n                                                                                        if 1:\n                                                                                         if 1:\n                                                                                          if 1:\n                                                                                           if 1:\n                                                                                            if 1:\n                                                                                             if 1:\n                                                                                              if 1:\n                                                                                               if 1:\n                                                                                                if 1:\n                                                                                                 if 1:\n                                                                                                  if 1:\n                                                                                                   if 1:\n                                                                                                    x\n",
     SyntaxErrorKind::IndentationError, "too many levels of indentation", 101, 1, 101, 0},
    {"x = 1 \\",
     SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", 1, 8, 1, -1},
    {"x = 1 \\\n",
     SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", 1, 8, 1, -1},
    {"x = 1\n\\",
     SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", 2, 2, 2, -1},
    {"\\\n",
     SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", 1, 2, 1, -1},
    {"if 1:\n  x = 1\n  \\\n",
     SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", 3, 4, 3, -1},
    {"\303\251 = 1 \\",
     SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", 1, 8, 1, -1},
    {"x = 1 \\ \n",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 1, 8, 1, 0},
    {"x = (1 \\ \n)",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 1, 9, 1, 0},
    {"\303\251 = (1 \\ \n)",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 1, 9, 1, 0},
    {"x = 1 + \\\n 2 \\ \n",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 2, 15, 2, 0},
    {"x = (1 + \\\n 2 \\ \n)",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 2, 16, 2, 0},
    {"x = (1, \\\303\251)",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 1, 10, 1, 0},
    {"if x:\n\\ \n",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 2, 2, 2, 0},
    {"x = 1\n  \\\n \\ \n",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 3, 3, 3, 0},
    {"x = 1 \\ \015\n",
     SyntaxErrorKind::SyntaxError, "unexpected character after line continuation character", 1, 8, 1, 0},
    {"x = (",
     SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 5, 1, 0},
    {"x = [1,\n 2,\n",
     SyntaxErrorKind::SyntaxError, "'[' was never closed", 1, 5, 1, 0},
    {"foo(\n  1,\n  2\n",
     SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 4, 1, 0},
    {"foo(\n  [1,\n  2\n",
     SyntaxErrorKind::SyntaxError, "'[' was never closed", 2, 3, 2, 0},
    {"\303\251 = (",
     SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 5, 1, 0},
    {"x = (1 \\\n",
     SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 5, 1, 0},
    {"x = (1 \\",
     SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 5, 1, 0},
    {"x = )",
     SyntaxErrorKind::SyntaxError, "unmatched ')'", 1, 5, 1, 5},
    {"x = ]",
     SyntaxErrorKind::SyntaxError, "unmatched ']'", 1, 5, 1, 5},
    {"x = }",
     SyntaxErrorKind::SyntaxError, "unmatched '}'", 1, 5, 1, 5},
    {"x = (1]",
     SyntaxErrorKind::SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 1, 7},
    {"x = (1,\n2]",
     SyntaxErrorKind::SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2},
    {"f(x\n+1]",
     SyntaxErrorKind::SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 3, 2, 3},
    {"foo(\n  1,\n  2\n)]",
     SyntaxErrorKind::SyntaxError, "unmatched ']'", 4, 2, 4, 2},
    {"(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1",
     SyntaxErrorKind::SyntaxError, "too many nested parentheses", 1, 201, 1, 201},
    {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
     SyntaxErrorKind::SyntaxError, "closing parenthesis '}' does not match opening parenthesis '['", 1, 400, 1, 400},
    {"x = \342\202\254",
     SyntaxErrorKind::SyntaxError, "invalid character '\342\202\254' (U+20AC)", 1, 5, 1, 5},
    {"x = a\302\240b",
     SyntaxErrorKind::SyntaxError, "invalid non-printable character U+00A0", 1, 6, 1, 6},
    {"x = a\001b",
     SyntaxErrorKind::SyntaxError, "invalid non-printable character U+0001", 1, 6, 1, 6},
    {"\357\273\277x=1",
     SyntaxErrorKind::SyntaxError, "invalid non-printable character U+FEFF", 1, 1, 1, 1},
    {"x = 1\342\202\254",
     SyntaxErrorKind::SyntaxError, "invalid character '\342\202\254' (U+20AC)", 1, 6, 1, 6},
    {"a\342\202\254b = 1",
     SyntaxErrorKind::SyntaxError, "invalid character '\342\202\254' (U+20AC)", 1, 2, 1, 2},
    {"x\342\200\213 = 1",
     SyntaxErrorKind::SyntaxError, "invalid non-printable character U+200B", 1, 2, 1, 2},
    {"x = \013",
     SyntaxErrorKind::SyntaxError, "invalid non-printable character U+000B", 1, 5, 1, 5},
    {"x = 1_",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1__0",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1_a",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1a",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 5, 1, 5},
    {"x = 0x",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 0x_",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 7, 1, 7},
    {"x = 0xg",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 0x1_",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 8, 1, 8},
    {"x = 0x1g",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 7, 1, 7},
    {"x = 0x\303\251",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 0o8",
     SyntaxErrorKind::SyntaxError, "invalid digit '8' in octal literal", 1, 7, 1, 7},
    {"x = 0o18",
     SyntaxErrorKind::SyntaxError, "invalid digit '8' in octal literal", 1, 8, 1, 8},
    {"x = 0o1_8",
     SyntaxErrorKind::SyntaxError, "invalid digit '8' in octal literal", 1, 9, 1, 9},
    {"x = 0o",
     SyntaxErrorKind::SyntaxError, "invalid octal literal", 1, 6, 1, 6},
    {"x = 0o_",
     SyntaxErrorKind::SyntaxError, "invalid octal literal", 1, 7, 1, 7},
    {"x = 0o1a",
     SyntaxErrorKind::SyntaxError, "invalid octal literal", 1, 7, 1, 7},
    {"\303\251 = 0o8",
     SyntaxErrorKind::SyntaxError, "invalid digit '8' in octal literal", 1, 7, 1, 7},
    {"x = 0b2",
     SyntaxErrorKind::SyntaxError, "invalid digit '2' in binary literal", 1, 7, 1, 7},
    {"x = 0b12",
     SyntaxErrorKind::SyntaxError, "invalid digit '2' in binary literal", 1, 8, 1, 8},
    {"x = 0b1_2",
     SyntaxErrorKind::SyntaxError, "invalid digit '2' in binary literal", 1, 9, 1, 9},
    {"x = 0b",
     SyntaxErrorKind::SyntaxError, "invalid binary literal", 1, 6, 1, 6},
    {"x = 0b1a",
     SyntaxErrorKind::SyntaxError, "invalid binary literal", 1, 7, 1, 7},
    {"x = 0b13",
     SyntaxErrorKind::SyntaxError, "invalid digit '3' in binary literal", 1, 8, 1, 8},
    {"x = 012",
     SyntaxErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6},
    {"x = 0_12",
     SyntaxErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 7},
    {"x = 09",
     SyntaxErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6},
    {"x = 0_7",
     SyntaxErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 7},
    {"x = 0777",
     SyntaxErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6},
    {"\303\251 = 012",
     SyntaxErrorKind::SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7},
    {"x = 0e",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 5, 1, 5},
    {"x = 1e",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 5, 1, 5},
    {"x = 1e+",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 7, 1, 7},
    {"x = 1e_1",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 5, 1, 5},
    {"x = 1.e",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1.5_",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 8, 1, 8},
    {"x = 1._5",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1_.5",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1.5j_",
     SyntaxErrorKind::SyntaxError, "invalid imaginary literal", 1, 8, 1, 8},
    {"x = 1jx",
     SyntaxErrorKind::SyntaxError, "invalid imaginary literal", 1, 6, 1, 6},
    {"x = 1.5x",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 7, 1, 7},
    {"x = 1not_",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 5, 1, 5},
    {"x = 0_",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 00_",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 7, 1, 7},
    {"x = 0__0",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1.__class__",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 6, 1, 6},
    {"'\303\251' + 1_a",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 8, 1, 8},
    {"x = 'abc",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = b'abc\ny",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = '''abc\ndef\n",
     SyntaxErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"x = '''abc\ndef",
     SyntaxErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"\303\251 = 'abc",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = r'\\'",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = 'a' 'b\n",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 9, 1, 9},
    {"x = '''a''' '''b\n",
     SyntaxErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 1)", 1, 13, 1, 13},
    {"x = \"\"\"\015\na\015\n",
     SyntaxErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5},
    {"x = \"\"\"\015a\015",
     SyntaxErrorKind::SyntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"x = '\\x1'",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, 1, 10},
    {"x = '\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 11, 1, 12},
    {"x = ('\\x1'\n  )",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 2, 3, 2, 4},
    {"x = '\303\251\\x1'",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape", 1, 11, 1, 11},
    {"\303\251 = ( '\303\251\\x1' + 1)",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape", 1, 14, 1, 15},
    {"x = '\\xg' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 11, 1, 12},
    {"x = '\\u12'",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 11, 1, 11},
    {"x = '\\u00g0' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 14, 1, 15},
    {"x = '\\U0011ffff'",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1, 17, 1, 17},
    {"x = '\\N{foo}'",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1, 14, 1, 14},
    {"x = '\\N{' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1, 11, 1, 12},
    {"x = '\\N' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 10, 1, 11},
    {"x = '\\N{}' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1, 12, 1, 13},
    {"x = '\\Nx' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 11, 1, 12},
    {"x = '\\x\303\251' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 11, 1, 12},
    {"x = '\\\303\251\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 16-18: truncated \\xXX escape", 1, 13, 1, 14},
    {"x = '\303\251\\\\\303\251\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 22-24: truncated \\xXX escape", 1, 15, 1, 16},
    {"x = '\\\n\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape", 2, 6, 2, 7},
    {"x = 'a\\x1' # c\n",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: truncated \\xXX escape", 1, 12, 1, 15},
    {"x = 'a\\x1' \\\n # c\n",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: truncated \\xXX escape", 2, 2, 2, 5},
    {"x = '\\x1' 'abc' '\\x2' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 23, 1, 24},
    {"x = 'abc' '\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 17, 1, 18},
    {"x = 'abc' \\\n '\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 2, 8, 2, 9},
    {"x = ('abc'\n\n # hi\n '\\x1' # c\n + 1)",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 5, 2, 5, 3},
    {"x = 'a\\x1' 'abc",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 12, 1, 12},
    {"x = 'a\\x1' \342\202\254",
     SyntaxErrorKind::SyntaxError, "invalid character '\342\202\254' (U+20AC)", 1, 12, 1, 12},
    {"x = 'a\\x1' $",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: truncated \\xXX escape", 1, 12, 1, 13},
    {"x = 'a\\x1' )",
     SyntaxErrorKind::SyntaxError, "unmatched ')'", 1, 12, 1, 12},
    {"x = 'a\\x1' 1_",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 13, 1, 13},
    {"x = b'\\x1'",
     SyntaxErrorKind::SyntaxError, "(value error) invalid \\x escape at position 0", 1, 11, 1, 11},
    {"x = b'\\xg' + 1",
     SyntaxErrorKind::SyntaxError, "(value error) invalid \\x escape at position 0", 1, 12, 1, 13},
    {"x = b'abc\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(value error) invalid \\x escape at position 3", 1, 15, 1, 16},
    {"x = b'\303\251'",
     SyntaxErrorKind::SyntaxError, "bytes can only contain ASCII literal characters", 1, 5, 1, 9},
    {"\303\251 = b'\303\251'",
     SyntaxErrorKind::SyntaxError, "bytes can only contain ASCII literal characters", 1, 5, 1, 9},
    {"x = 'a' b'\303\251'",
     SyntaxErrorKind::SyntaxError, "bytes can only contain ASCII literal characters", 1, 9, 1, 13},
    {"x = Rb'\342\202\254' + 1",
     SyntaxErrorKind::SyntaxError, "bytes can only contain ASCII literal characters", 1, 5, 1, 10},
    {"x = bu'' << Rb'''\\\n\303\251''' - 1\n",
     SyntaxErrorKind::SyntaxError, "bytes can only contain ASCII literal characters", 1, 13, 2, 6},
    {"x = 'abc' b'x' + 1",
     SyntaxErrorKind::SyntaxError, "cannot mix bytes and nonbytes literals", 1, 16, 1, 17},
    {"x = b'x' f'{y}' + 1",
     SyntaxErrorKind::SyntaxError, "cannot mix bytes and nonbytes literals", 1, 17, 1, 18},
    {"x = f'{x}' b'' + 1",
     SyntaxErrorKind::SyntaxError, "cannot mix bytes and nonbytes literals", 1, 16, 1, 17},
    {"x = b'x' f'{' + 1",
     SyntaxErrorKind::SyntaxError, "cannot mix bytes and nonbytes literals", 1, 15, 1, 16},
    {"x = '\\x1' + 1\ny = 'abc",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 2)", 2, 5, 2, 5},
    {"x = '\\x1' + (\n",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 11, 1, 12},
    {"f'{x'",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 6, 1, 6},
    {"f'{x' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 7, 1, 8},
    {"f'{x!z}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 10, 1, 11},
    {"f'{x!}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9, 1, 10},
    {"f'{x! r}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 11, 1, 12},
    {"f'{}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: empty expression not allowed", 1, 7, 1, 8},
    {"f'{ }' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: empty expression not allowed", 1, 8, 1, 9},
    {"f'{!r}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expression required before '!'", 1, 9, 1, 10},
    {"f'{=}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expression required before '='", 1, 8, 1, 9},
    {"f'{:}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expression required before ':'", 1, 8, 1, 9},
    {"f'}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: single '}' is not allowed", 1, 6, 1, 7},
    {"f'{x}}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: single '}' is not allowed", 1, 9, 1, 10},
    {"f'{a\\b}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string expression part cannot include a backslash", 1, 10, 1, 11},
    {"f'{a#b}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string expression part cannot include '#'", 1, 10, 1, 11},
    {"f'{a)}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: unmatched ')'", 1, 9, 1, 10},
    {"f'{a(]}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: closing parenthesis ']' does not match opening parenthesis '('", 1, 10, 1, 11},
    {"f'{a(}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 9, 1, 10},
    {"f'{a[}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: closing parenthesis '}' does not match opening parenthesis '['", 1, 9, 1, 10},
    {"f'{\"a}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: unterminated string", 1, 9, 1, 10},
    {"f'{x:{y:{z}}}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expressions nested too deeply", 1, 16, 1, 17},
    {"f'{a!r=}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 11, 1, 12},
    {"f'\\x1{a}' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 11, 1, 12},
    {"f'{a}\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 11, 1, 12},
    {"f'{a:}}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: single '}' is not allowed", 1, 10, 1, 11},
    {"f'{a:{{}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 11, 1, 12},
    {"f'{a!r' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 9, 1, 10},
    {"f'{a:' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 8, 1, 9},
    {"f'{a=' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 8, 1, 9},
    {"f'{' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 6, 1, 7},
    {"f'{x!r }' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 11, 1, 12},
    {"f'{x:{}}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: empty expression not allowed", 1, 11, 1, 12},
    {"f'{x:a}}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: single '}' is not allowed", 1, 11, 1, 12},
    {"f'{x:a{{' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: unmatched '{'", 1, 11, 1, 12},
    {"f'\\N{DASH}{x}' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name", 1, 16, 1, 17},
    {"f'\\N' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 7, 1, 8},
    {"f'{x!r}' 'a\\x1' + 1",
     SyntaxErrorKind::SyntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: truncated \\xXX escape", 1, 17, 1, 18},
    {"f'{' b'x' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: expecting '}'", 1, 11, 1, 12},
    {"f'{(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x'",
     SyntaxErrorKind::SyntaxError, "f-string: too many nested parenthesis", 1, 207, 1, 207},
    {"f'{0x}' + 1",
     SyntaxErrorKind::SyntaxError, "invalid hexadecimal literal", 1, 3, 1, 3},
    {"f'{x + 1_}' + 1",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 7, 1, 7},
    {"\nf'{1_a}' + 1",
     SyntaxErrorKind::SyntaxError, "invalid decimal literal", 2, 3, 2, 3},
    {"f'{\342\202\254}' + 1",
     SyntaxErrorKind::SyntaxError, "invalid character '\342\202\254' (U+20AC)", 1, 2, 1, 2},
    {"rf'{x!z}' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 11, 1, 12},
    {"f'''{x\n!z}''' + 1",
     SyntaxErrorKind::SyntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 2, 8, 2, 9},
    {"x = f'{a!z}' + 1\ny = 'abc",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 2)", 2, 5, 2, 5},
    {"x = $",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6},
    {"x = ?",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6},
    {"x = `",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6},
    {"x = !",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6},
    {"x = a!b",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 6, 1, 7},
    {"1 <> 2",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 3, 1, 5},
    {"x = $ + 'abc",
     SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 9, 1, 9},
    {"x = $\ny = (\n",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6},
    {"x = (\ny = $\n",
     SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 5, 1, 0},
    {"x = $\nif 1:\n  x\n y\n",
     SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 5, 1, 6},

};

TEST(LexerErrors, AsCPythonReportsThem) {
  for (const ErrorCase& error : kErrorCases) {
    SyntaxErrorInfo want;
    want.kind = error.kind;
    want.message = error.message;
    want.lineno = error.lineno;
    want.offset = error.offset;
    want.end_lineno = error.end_lineno;
    want.end_offset = error.end_offset;
    EXPECT_EQ(error_of(error.source), describe(want)) << "source: " << error.source;
  }
}

TEST(LexerErrors, ErrorIsSticky) {
  Arena arena;
  Lexer lexer("x = )\ny = 1\n", arena);
  lexer.next();
  lexer.next();
  EXPECT_EQ(lexer.next().kind, TokenKind::ERRORTOKEN);
  EXPECT_EQ(lexer.next().kind, TokenKind::ERRORTOKEN);
  EXPECT_EQ(lexer.error().message, "unmatched ')'");
}

TEST(LexerErrors, NullBytes) {
  // CPython reports a null byte when it reads the line that holds it (as
  // running the file shows; ast.parse raises ValueError instead).
  using namespace std::string_literals;
  const char* error = "SyntaxError: source code cannot contain null bytes @ 2:0-2:0";
  EXPECT_EQ(error_of("x = 1\ny = 2\0\n"s), error);
  EXPECT_EQ(error_of("x = (1,\n 2\0\n"s), error);
  EXPECT_EQ(error_of("x = \"\"\"\n 2\0\n"s), error);
  EXPECT_EQ(error_of("x = $\n 2\0\n"s), error);
  EXPECT_EQ(error_of("\0"s), "SyntaxError: source code cannot contain null bytes @ 1:0-1:0");
  // An error on an earlier line comes first.
  EXPECT_EQ(error_of("x = 1_\n\0"s), "SyntaxError: invalid decimal literal @ 1:6-1:6");
}

TEST(LexerErrors, InvalidUtf8) {
  // decode_source passes UTF-8 on unchecked; CPython finds bad bytes where it
  // decodes a name or a string literal, and ignores them in comments.
  EXPECT_EQ(error_of("x = 1 # \xf6\n"), "no error");
  EXPECT_EQ(error_of("x\xf6 = 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: "
            "invalid start byte @ 1:2-1:-1");
  EXPECT_EQ(error_of("x = 1 + \xf6\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: "
            "invalid start byte @ 1:9-1:-1");
  EXPECT_EQ(error_of("x = '\xf6' + 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: "
            "invalid start byte @ 1:9-1:10");
  EXPECT_EQ(error_of("x = 'ab\xe9\xc3' + 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: "
            "invalid continuation byte @ 1:12-1:13");
  EXPECT_EQ(error_of("x = 1\ny = ('\xe9\x80'\n)\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode bytes in position 0-1: "
            "unexpected end of data @ 3:1-3:2");
  EXPECT_EQ(error_of("x = '''\n\xf6''' + 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: "
            "invalid start byte @ 2:6-2:7");
  // With escapes, positions count from the run of non-ASCII bytes.
  EXPECT_EQ(error_of("x = 'a\\\xf6' + 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: "
            "invalid start byte @ 1:11-1:12");
  EXPECT_EQ(error_of("x = r'\xf6' + 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: "
            "invalid start byte @ 1:10-1:11");
  EXPECT_EQ(error_of("x = f'{x}\xf6' + 1\n"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: "
            "invalid start byte @ 1:13-1:14");
  EXPECT_EQ(error_of("x = b'\xf6'\n"),
            "SyntaxError: bytes can only contain ASCII literal characters @ 1:5-1:9");
}

TEST(LexerErrors, LaterTokenizerErrorWins) {
  // After an error the parser raises (here: one found while decoding a
  // literal), CPython tokenizes the rest of the source; an error its
  // tokenizer raises there is reported instead, an indentation error is not.
  EXPECT_EQ(error_of("x = b'é' + 1\ny = 1_\n"), "SyntaxError: invalid decimal literal @ 2:6-2:6");
  EXPECT_EQ(error_of("x = '\\x1'\nif 1:\n  x\n y\n"),
            "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position "
            "0-2: truncated \\xXX escape @ 1:10-1:10");
}

TEST(LexerErrors, CheckRestForParserErrors) {
  // What the parser does after an error of its own, found after reading
  // `tokens_read` tokens.
  auto after_error = [](std::string_view source, int tokens_read, int lineno) {
    Arena arena;
    Lexer lexer(source, arena);
    for (int i = 0; i < tokens_read; ++i) lexer.next();
    SyntaxErrorInfo generic;
    generic.message = "invalid syntax";
    generic.lineno = generic.end_lineno = lineno;
    generic.offset = 3;
    generic.end_offset = 4;
    return describe(lexer.check_rest_for_errors(generic));
  };
  // No error further on: the parser's error stands.
  EXPECT_EQ(after_error("1 2\nx = 1\n", 2, 1), "SyntaxError: invalid syntax @ 1:3-1:4");
  // A tokenizer error further on replaces it.
  EXPECT_EQ(after_error("1 2\nx = 'abc\n", 2, 1),
            "SyntaxError: unterminated string literal (detected at line 2) @ 2:5-2:5");
  // An indentation error does not.
  EXPECT_EQ(after_error("1 2\nif 1:\n  x\n y\n", 2, 1), "SyntaxError: invalid syntax @ 1:3-1:4");
  // A bracket left open on a line before the last token read does.
  EXPECT_EQ(after_error("x = (1,\n2,\nx = \\ == None\n", 8, 3),
            "SyntaxError: '(' was never closed @ 1:5-1:0");
  EXPECT_EQ(after_error("x = (1 2,\n", 5, 1), "SyntaxError: invalid syntax @ 1:3-1:4");
}

// ---------------------------------------------------------------------------
// Names

TEST(LexerNames, NonAsciiNamesAreNormalized) {
  Lexed lexed;
  lex_ok(lexed, "ﬁle = ℌ + x\n");
  EXPECT_EQ(lexed.tokens[0].kind, TokenKind::NAME);
  EXPECT_EQ(lexed.tokens[0].text, "ﬁle");
  EXPECT_EQ(lexed.tokens[0].value, "file");  // NFKC
  EXPECT_EQ(lexed.tokens[2].value, "H");
  EXPECT_EQ(lexed.tokens[4].value, "x");  // ASCII: the text itself
  EXPECT_EQ(error_of("café = naïve + Ωmega + 变量 + x\u0301 + _\u00b7\n"), "no error");
}

TEST(LexerNames, IdentifierCharacterClasses) {
  // Other_ID_Start, Other_ID_Continue, NFKC and pattern exclusions, as
  // CPython 3.11 decides them.
  EXPECT_EQ(error_of("\u2118 = 1\n"), "no error");
  EXPECT_EQ(error_of("a\u00b7b = 1\n"), "no error");
  EXPECT_EQ(error_of("\u00b7 = 1\n"), "SyntaxError: invalid character '\u00b7' (U+00B7) @ 1:1-1:1");
  EXPECT_EQ(error_of("x\u037a = 1\n"), "SyntaxError: invalid character '\u037a' (U+037A) @ 1:2-1:2");
  EXPECT_EQ(error_of("\u2e2f = 1\n"), "SyntaxError: invalid character '\u2e2f' (U+2E2F) @ 1:1-1:1");
  EXPECT_EQ(error_of("x = \u00a0\n"), "SyntaxError: invalid non-printable character U+00A0 @ 1:5-1:5");
  EXPECT_EQ(error_of("\ufeffx = 1\n"),
            "SyntaxError: invalid non-printable character U+FEFF @ 1:1-1:1");
}

// ---------------------------------------------------------------------------
// Soft keywords

TokenKind first_kind(std::string_view source) {
  Lexed lexed;
  lex_into(lexed, source);
  return lexed.tokens.empty() ? TokenKind::ERRORTOKEN : lexed.tokens[0].kind;
}

TEST(LexerSoftKeywords, MatchStatement) {
  EXPECT_EQ(kinds("match x:\n    case 1:\n        pass\n    case _:\n        pass\n"),
            "SOFT_MATCH NAME COLON NEWLINE INDENT SOFT_CASE NUMBER COLON NEWLINE INDENT KW_PASS "
            "NEWLINE DEDENT SOFT_CASE NAME COLON NEWLINE INDENT KW_PASS NEWLINE DEDENT DEDENT "
            "ENDMARKER");
  EXPECT_EQ(first_kind("match (x):\n pass\n"), TokenKind::SOFT_MATCH);
  EXPECT_EQ(first_kind("match [a, b]:\n pass\n"), TokenKind::SOFT_MATCH);
  EXPECT_EQ(first_kind("match -x:\n pass\n"), TokenKind::SOFT_MATCH);
  EXPECT_EQ(first_kind("match *a, b:\n pass\n"), TokenKind::SOFT_MATCH);
  EXPECT_EQ(first_kind("match {1: 2}[x]:\n pass\n"), TokenKind::SOFT_MATCH);
  EXPECT_EQ(first_kind("case (1, 2):\n pass\n"), TokenKind::SOFT_CASE);
  EXPECT_EQ(first_kind("case {'a': 1} | [x] if x > 0:\n pass\n"), TokenKind::SOFT_CASE);
  // Without the colon, a match is still seen where nothing else could be,
  // so that the parser can say "expected ':'" as CPython does.
  EXPECT_EQ(first_kind("match x\n"), TokenKind::SOFT_MATCH);
}

TEST(LexerSoftKeywords, OrdinaryNames) {
  EXPECT_EQ(first_kind("match = 1\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match.x = 1\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match(x)\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match[x] = 1\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match: int = 3\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("case: int = 3\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match += 1\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match, y = 1, 2\n"), TokenKind::NAME);
  EXPECT_EQ(first_kind("match\n"), TokenKind::NAME);
  EXPECT_EQ(kinds("print(match, case)\n"), "NAME LPAR NAME COMMA NAME RPAR NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = match\n"), "NAME EQUAL NAME NEWLINE ENDMARKER");
  // Only at the start of a logical line.
  EXPECT_EQ(kinds("if x: match = 1\n"), "KW_IF NAME COLON NAME EQUAL NUMBER NEWLINE ENDMARKER");
}

TEST(LexerSoftKeywords, LookaheadKeepsTokensInOrder) {
  EXPECT_EQ(kinds("match f'{x}' + (1,\n 2):\n pass\n"),
            "SOFT_MATCH FSTRING_START LBRACE NAME RBRACE FSTRING_END PLUS LPAR NUMBER COMMA "
            "NUMBER RPAR COLON NEWLINE INDENT KW_PASS NEWLINE DEDENT ENDMARKER");
  // An error further on the line leaves the name alone and comes in order.
  EXPECT_EQ(kinds("match x €:\n"), "NAME NAME ERRORTOKEN");
}

// ---------------------------------------------------------------------------
// Numbers

TEST(LexerNumbers, Forms) {
  const char* numbers[] = {"0",    "00",   "0_0",  "7",    "1_000", "0x1F", "0X_ff",
                           "0o17", "0O_7", "0b101", "0B_1", "1.",   ".5",   "1.5",
                           "1e5",  "1E-5", "1e+5", "1_0.0_1e-1_0",  "1j",   "1.5J",
                           "0j",   "09.5", "09e1", "09j",  "1.e5",  "0.0",  "00.5"};
  for (const char* number : numbers) {
    Lexed lexed;
    lex_into(lexed, number);
    ASSERT_TRUE(lexed.ok) << number << ": " << describe(lexed.error);
    EXPECT_EQ(lexed.tokens[0].kind, TokenKind::NUMBER) << number;
    EXPECT_EQ(lexed.tokens[0].text, number);
    EXPECT_EQ(lexed.tokens[1].kind, TokenKind::NEWLINE) << number;
  }
}

TEST(LexerNumbers, KeywordsMayFollowDirectly) {
  // CPython 3.11 only warns here.
  EXPECT_EQ(kinds("1if 1else 2"), "NUMBER KW_IF NUMBER KW_ELSE NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("[0x1for x in y]"),  // 0x1f or x in y
            "LSQB NUMBER KW_OR NAME KW_IN NAME RSQB NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1or 2"), "NUMBER KW_OR NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1and 2"), "NUMBER KW_AND NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1in y"), "NUMBER KW_IN NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1is y"), "NUMBER KW_IS NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1not in y"), "NUMBER KW_NOT KW_IN NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("0b1and 1"), "NUMBER KW_AND NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1.5if 1 else 2"), "NUMBER KW_IF NUMBER KW_ELSE NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1jif 1 else 2"), "NUMBER KW_IF NUMBER KW_ELSE NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1 if 1e1else 2"), "NUMBER KW_IF NUMBER KW_ELSE NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1..x"), "NUMBER DOT NAME NEWLINE ENDMARKER");
  // A non-ASCII letter right after a number starts a name, not an error.
  EXPECT_EQ(kinds("1é"), "NUMBER NAME NEWLINE ENDMARKER");
}

TEST(LexerNumbers, IntegerValues) {
  Arena arena;
  auto int_text = [&](std::string_view text) {
    ast::ConstantValue value = parse_number(text, arena);
    EXPECT_EQ(value.kind, ast::ConstantValue::Kind::Int) << text;
    return std::string(value.text);
  };
  EXPECT_EQ(int_text("0"), "0");
  EXPECT_EQ(int_text("00"), "0");
  EXPECT_EQ(int_text("0_0"), "0");
  EXPECT_EQ(int_text("42"), "42");
  EXPECT_EQ(int_text("1_000_000"), "1000000");
  EXPECT_EQ(int_text("0x1F"), "31");
  EXPECT_EQ(int_text("0X_ff"), "255");
  EXPECT_EQ(int_text("0o17"), "15");
  EXPECT_EQ(int_text("0b101"), "5");
  EXPECT_EQ(int_text("0x0"), "0");
  EXPECT_EQ(int_text("0xFFFFFFFFFFFFFFFF"), "18446744073709551615");
  EXPECT_EQ(int_text("0x1_0000_0000_0000_0000"), "18446744073709551616");
  EXPECT_EQ(int_text("0b" + std::string(100, '1')), "1267650600228229401496703205375");
  EXPECT_EQ(int_text("0o7777777777777777777777777"), "37778931862957161709567");
  EXPECT_EQ(int_text("123456789012345678901234567890"), "123456789012345678901234567890");
}

TEST(LexerNumbers, FloatAndComplexValues) {
  Arena arena;
  auto float_value = [&](std::string_view text) {
    ast::ConstantValue value = parse_number(text, arena);
    EXPECT_EQ(value.kind, ast::ConstantValue::Kind::Float) << text;
    return value.number;
  };
  EXPECT_EQ(float_value("1."), 1.0);
  EXPECT_EQ(float_value(".5"), 0.5);
  EXPECT_EQ(float_value("1_0.0_1e-1_0"), 10.01e-10);
  EXPECT_EQ(float_value("09.5"), 9.5);
  EXPECT_EQ(float_value("1E5"), 100000.0);
  EXPECT_EQ(float_value("0.1"), 0.1);
  EXPECT_TRUE(std::isinf(float_value("1e999")));
  EXPECT_EQ(float_value("1e-999"), 0.0);
  ast::ConstantValue imaginary = parse_number("1.5J", arena);
  EXPECT_EQ(imaginary.kind, ast::ConstantValue::Kind::Complex);
  EXPECT_EQ(imaginary.number, 1.5);
  EXPECT_EQ(parse_number("09j", arena).number, 9.0);
  EXPECT_EQ(parse_number("1_0j", arena).number, 10.0);
  EXPECT_EQ(parse_number("1e3j", arena).number, 1000.0);
}

// ---------------------------------------------------------------------------
// Strings

TEST(LexerStrings, PrefixesAndFlags) {
  struct Case {
    const char* source;
    int flags;
  } cases[] = {
      {"'a'", 0},
      {"\"a\"", 0},
      {"'''a'''", kStringTriple},
      {"\"\"\"a\"\"\"", kStringTriple},
      {"r'a'", kStringRaw},
      {"R'a'", kStringRaw},
      {"u'a'", kStringUnicode},
      {"U'a'", kStringUnicode},
      {"b'a'", kStringBytes},
      {"B'a'", kStringBytes},
      {"br'a'", kStringBytes | kStringRaw},
      {"rb'a'", kStringBytes | kStringRaw},
      {"Br'a'", kStringBytes | kStringRaw},
      {"bR'a'", kStringBytes | kStringRaw},
      {"RB'a'", kStringBytes | kStringRaw},
      {"rB'''a'''", kStringBytes | kStringRaw | kStringTriple},
  };
  for (const Case& c : cases) {
    Lexed lexed;
    lex_into(lexed, c.source);
    ASSERT_TRUE(lexed.ok) << c.source;
    EXPECT_EQ(lexed.tokens[0].kind, TokenKind::STRING) << c.source;
    EXPECT_EQ(lexed.tokens[0].flags, c.flags) << c.source;
    EXPECT_EQ(lexed.tokens[0].text, c.source);
  }
  const char* fstrings[] = {"f'a'", "F'a'", "rf'a'", "fr'a'", "Rf'a'", "fR'a'", "RF'a'", "FR'a'"};
  for (const char* source : fstrings) {
    Lexed lexed;
    lex_into(lexed, source);
    ASSERT_TRUE(lexed.ok) << source;
    EXPECT_EQ(lexed.tokens[0].kind, TokenKind::FSTRING_START) << source;
    EXPECT_TRUE(lexed.tokens[0].flags & kStringFormat) << source;
    EXPECT_EQ(bool(lexed.tokens[0].flags & kStringRaw), source[1] != '\'') << source;
  }
  // Not prefixes: a name, then a string.
  EXPECT_EQ(kinds("ur'a'"), "NAME STRING NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("bu'a'"), "NAME STRING NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("fb'a'"), "NAME STRING NEWLINE ENDMARKER");
}

TEST(LexerStrings, Values) {
  EXPECT_EQ(value_of_string("'abc'"), "abc");
  EXPECT_EQ(value_of_string("''"), "");
  EXPECT_EQ(value_of_string("''''''"), "");
  EXPECT_EQ(value_of_string("'''a\nb'''"), "a\nb");
  EXPECT_EQ(value_of_string("'''a''b'''"), "a''b");
  EXPECT_EQ(value_of_string("'a\\'b'"), "a'b");
  EXPECT_EQ(value_of_string("\"a\\\"b\""), "a\"b");
  EXPECT_EQ(value_of_string("'\\\\'"), "\\");
  EXPECT_EQ(value_of_string("'\\a\\b\\f\\n\\r\\t\\v'"), "\a\b\f\n\r\t\v");
  EXPECT_EQ(value_of_string("'\\0\\7\\101\\1234'"), std::string("\0\a", 2) + "AS4");
  EXPECT_EQ(value_of_string("'\\777'"), "\u01ff");
  EXPECT_EQ(value_of_string("'\\x41\\x4a'"), "AJ");
  EXPECT_EQ(value_of_string("'\\u00e9\\U0001F600'"), "é\U0001F600");
  EXPECT_EQ(value_of_string("'ab\\\ncd'"), "abcd");
  EXPECT_EQ(value_of_string("'\\q\\8\\{'"), "\\q\\8\\{");  // kept, as CPython does
  EXPECT_EQ(value_of_string("'é\\é'"), "é\\é");
  EXPECT_EQ(value_of_string("'\\N{BULLET}\\N{latin small letter a}\\N{NBSP}'"), "\u2022a\u00a0");
  EXPECT_EQ(value_of_string("'\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GAG}'"),
            "\u4e00\uac01");
  EXPECT_EQ(value_of_string("'\\ud800'"), "\xed\xa0\x80");  // a lone surrogate
  EXPECT_EQ(value_of_string("u'\\u00e9'"), "é");
}

TEST(LexerStrings, RawValues) {
  EXPECT_EQ(value_of_string("r'\\n\\x'"), "\\n\\x");
  EXPECT_EQ(value_of_string("r'\\''"), "\\'");
  EXPECT_EQ(value_of_string("r'a\\\nb'"), "a\\\nb");
  EXPECT_EQ(value_of_string("R'''\\N{x}'''"), "\\N{x}");
}

TEST(LexerStrings, BytesValues) {
  EXPECT_EQ(value_of_string("b'abc'"), "abc");
  EXPECT_EQ(value_of_string("b'\\x00\\xff\\n'"), std::string("\0\xff\n", 3));
  EXPECT_EQ(value_of_string("b'\\777'"), "\xff");
  EXPECT_EQ(value_of_string("b'\\u1234\\N{DASH}'"), "\\u1234\\N{DASH}");
  EXPECT_EQ(value_of_string("br'\\x00'"), "\\x00");
}

TEST(LexerStrings, ValuesLiveInTheArena) {
  Arena arena;
  std::string_view escaped, plain;
  {
    std::string source = "x = 'a\\tb' + 'plain'\n";
    Lexer lexer(source, arena);
    lexer.next();
    lexer.next();
    escaped = lexer.next().value;
    lexer.next();
    plain = lexer.next().value;
    source.assign(source.size(), '#');
  }
  EXPECT_EQ(escaped, "a\tb");
  EXPECT_EQ(plain, "plain");
}

TEST(LexerStrings, UnicodeNames) {
  char32_t code = 0;
  EXPECT_TRUE(lookup_unicode_name("EURO SIGN", code));
  EXPECT_EQ(code, U'\u20ac');
  EXPECT_TRUE(lookup_unicode_name("euro sign", code));
  EXPECT_TRUE(lookup_unicode_name("SPACE", code));
  EXPECT_EQ(code, U' ');
  EXPECT_TRUE(lookup_unicode_name("CJK COMPATIBILITY IDEOGRAPH-F900", code));
  EXPECT_EQ(code, U'\uf900');
  EXPECT_TRUE(lookup_unicode_name("CJK UNIFIED IDEOGRAPH-20000", code));
  EXPECT_EQ(code, U'\U00020000');
  EXPECT_TRUE(lookup_unicode_name("LATIN CAPITAL LETTER GHA", code));  // an alias
  EXPECT_EQ(code, U'\u01a2');
  EXPECT_TRUE(lookup_unicode_name("HANGUL SYLLABLE GA", code));
  EXPECT_EQ(code, U'\uac00');
  EXPECT_TRUE(lookup_unicode_name("hangul syllable", code) == false);
  // As in CPython, the algorithmic names only in capitals.
  EXPECT_FALSE(lookup_unicode_name("cjk unified ideograph-4E00", code));
  EXPECT_FALSE(lookup_unicode_name("CJK UNIFIED IDEOGRAPH-4e00", code));
  EXPECT_FALSE(lookup_unicode_name("hangul syllable ga", code));
  EXPECT_FALSE(lookup_unicode_name("CJK UNIFIED IDEOGRAPH-A000", code));
  EXPECT_FALSE(lookup_unicode_name("NO SUCH NAME", code));
  EXPECT_FALSE(lookup_unicode_name("", code));
  // Named sequences are not characters.
  EXPECT_FALSE(lookup_unicode_name("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", code));
}

// ---------------------------------------------------------------------------
// f-strings

struct TokenDump {
  std::string kinds;
  std::vector<std::string> values;  // of FSTRING_MIDDLE and debug EQUAL tokens
};

TokenDump fstring(std::string_view source) {
  Lexed lexed;
  lex_into(lexed, source);
  TokenDump dump;
  for (const Token& token : lexed.tokens) {
    if (!dump.kinds.empty()) dump.kinds += ' ';
    dump.kinds += name_of(token.kind);
    if (token.kind == TokenKind::FSTRING_MIDDLE ||
        (token.kind == TokenKind::EQUAL && !token.value.empty()))
      dump.values.emplace_back(token.value);
  }
  if (!lexed.ok) dump.kinds += " " + describe(lexed.error);
  return dump;
}

TEST(LexerFStrings, TextAndFields) {
  TokenDump dump = fstring("f'a{x}b{y!r}c'");
  EXPECT_EQ(dump.kinds,
            "FSTRING_START FSTRING_MIDDLE LBRACE NAME RBRACE FSTRING_MIDDLE LBRACE NAME "
            "EXCLAMATION NAME RBRACE FSTRING_MIDDLE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(dump.values, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(fstring("f''").kinds, "FSTRING_START FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(fstring("f'{x}'").kinds,
            "FSTRING_START LBRACE NAME RBRACE FSTRING_END NEWLINE ENDMARKER");
}

TEST(LexerFStrings, Positions) {
  Lexed lexed;
  lex_ok(lexed, "x = f'a{y}'\n");
  std::vector<std::string> got;
  for (const Token& token : lexed.tokens) got.push_back(location(token));
  EXPECT_EQ(got, (std::vector<std::string>{"1:0-1:1", "1:2-1:3", "1:4-1:6", "1:6-1:7", "1:7-1:8",
                                           "1:8-1:9", "1:9-1:10", "1:10-1:11", "1:11-1:11",
                                           "2:0-2:0"}));
  Lexed multiline;
  lex_ok(multiline, "f'''a\nb{\nx\n}'''\n");
  EXPECT_EQ(location(multiline.tokens[1]), "1:4-2:1");  // FSTRING_MIDDLE "a\nb"
  EXPECT_EQ(location(multiline.tokens[3]), "3:0-3:1");  // x
  EXPECT_EQ(location(multiline.tokens[4]), "4:0-4:1");  // }
  EXPECT_EQ(location(multiline.tokens[5]), "4:1-4:4");  // '''
}

TEST(LexerFStrings, DoubledBracesAndEscapes) {
  EXPECT_EQ(fstring("f'{{a}}'").values, std::vector<std::string>{"{a}"});
  EXPECT_EQ(fstring("f'{{'").values, std::vector<std::string>{"{"});
  EXPECT_EQ(fstring("f'a\\tb{{\\x41}}'").values, std::vector<std::string>{"a\tb{A}"});
  EXPECT_EQ(fstring("f'\\N{BULLET}{x}'").values, std::vector<std::string>{"\u2022"});
  EXPECT_EQ(fstring("rf'\\N{x}'").kinds,
            "FSTRING_START FSTRING_MIDDLE LBRACE NAME RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(fstring("rf'\\n{{'").values, std::vector<std::string>{"\\n{"});
  // A backslash does not escape a brace (CPython only warns).
  TokenDump escaped = fstring("f'\\{6}'");
  EXPECT_EQ(escaped.kinds,
            "FSTRING_START FSTRING_MIDDLE LBRACE NUMBER RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(escaped.values, std::vector<std::string>{"\\"});
}

TEST(LexerFStrings, ConversionAndFormatSpec) {
  TokenDump dump = fstring("f'{x!r:>{width}.{p}f}'");
  EXPECT_EQ(dump.kinds,
            "FSTRING_START LBRACE NAME EXCLAMATION NAME COLON FSTRING_MIDDLE LBRACE NAME RBRACE "
            "FSTRING_MIDDLE LBRACE NAME RBRACE FSTRING_MIDDLE RBRACE FSTRING_END NEWLINE "
            "ENDMARKER");
  EXPECT_EQ(dump.values, (std::vector<std::string>{">", ".", "f"}));
  EXPECT_EQ(fstring("f'{x:}'").kinds,
            "FSTRING_START LBRACE NAME COLON RBRACE FSTRING_END NEWLINE ENDMARKER");
  // In 3.11 a ':' at the top of a field always starts the spec.
  TokenDump walrus = fstring("f'{x:=5}'");
  EXPECT_EQ(walrus.kinds,
            "FSTRING_START LBRACE NAME COLON FSTRING_MIDDLE RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(walrus.values, std::vector<std::string>{"=5"});
  EXPECT_EQ(fstring("f'{(x:=5)}'").kinds,
            "FSTRING_START LBRACE LPAR NAME COLONEQUAL NUMBER RPAR RBRACE FSTRING_END NEWLINE "
            "ENDMARKER");
  // A field in a spec whose expression is {}, an empty dict.
  EXPECT_EQ(fstring("f'{x:{{}}}'").kinds,
            "FSTRING_START LBRACE NAME COLON LBRACE LBRACE RBRACE RBRACE RBRACE FSTRING_END "
            "NEWLINE ENDMARKER");
  EXPECT_EQ(fstring("f'{x:\\x41}'").values, std::vector<std::string>{"A"});
}

TEST(LexerFStrings, SelfDocumenting) {
  TokenDump dump = fstring("f'{x = }'");
  EXPECT_EQ(dump.kinds, "FSTRING_START LBRACE NAME EQUAL RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(dump.values, std::vector<std::string>{"x = "});
  EXPECT_EQ(fstring("f'{a+b=!r:>10}'").values, (std::vector<std::string>{"a+b=", ">10"}));
  EXPECT_EQ(fstring("f'''{\nx\n=}'''").values, std::vector<std::string>{"\nx\n="});
  // Comparisons are not the debug '='.
  EXPECT_EQ(fstring("f'{a==b}{a!=b}{a<=b}{a>=b}{a<b}'").kinds,
            "FSTRING_START LBRACE NAME EQEQUAL NAME RBRACE LBRACE NAME NOTEQUAL NAME RBRACE "
            "LBRACE NAME LESSEQUAL NAME RBRACE LBRACE NAME GREATEREQUAL NAME RBRACE LBRACE NAME "
            "LESS NAME RBRACE FSTRING_END NEWLINE ENDMARKER");
}

TEST(LexerFStrings, NestedStringsAndFStrings) {
  EXPECT_EQ(fstring("f'{a[\"]\"]}'").kinds,
            "FSTRING_START LBRACE NAME LSQB STRING RSQB RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(fstring("f'{f\"{x:{y}}\"!r}'").kinds,
            "FSTRING_START LBRACE FSTRING_START LBRACE NAME COLON LBRACE NAME RBRACE RBRACE "
            "FSTRING_END EXCLAMATION NAME RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(fstring("f'{x}' 'y' f'{z}'").kinds,
            "FSTRING_START LBRACE NAME RBRACE FSTRING_END STRING FSTRING_START LBRACE NAME "
            "RBRACE FSTRING_END NEWLINE ENDMARKER");
}

TEST(LexerFStrings, ExpressionsSpanLines) {
  // No NEWLINE inside a field, even in a triple-quoted f-string.
  EXPECT_EQ(fstring("f'''{\n  x\n  +\n  1\n}'''").kinds,
            "FSTRING_START LBRACE NAME PLUS NUMBER RBRACE FSTRING_END NEWLINE ENDMARKER");
  // In 3.11 the ':' ends the expression: "lambda", then the spec " 1".
  EXPECT_EQ(fstring("f'{lambda: 1}'").kinds,
            "FSTRING_START LBRACE KW_LAMBDA COLON FSTRING_MIDDLE RBRACE FSTRING_END NEWLINE "
            "ENDMARKER");
}

TEST(LexerFStrings, TokenizerErrorsInsideFields) {
  // CPython 3.11 tokenizes "(" + the expression on its own: columns count
  // from that "(".
  EXPECT_EQ(error_of("fr'\\\\a€{0x!r:{}}' + 1"),
            "SyntaxError: invalid hexadecimal literal @ 1:3-1:3");
  EXPECT_EQ(error_of("\nx = f'{1_a}' + 1"), "SyntaxError: invalid decimal literal @ 2:3-2:3");
}

// ---------------------------------------------------------------------------
// Characters no token starts with: the parser's "invalid syntax"

TEST(LexerInvalidSyntax, CharactersNoTokenStartsWith) {
  EXPECT_EQ(error_of("x = $"), "SyntaxError: invalid syntax @ 1:5-1:6");
  EXPECT_EQ(error_of("x = a!b"), "SyntaxError: invalid syntax @ 1:6-1:7");
  EXPECT_EQ(error_of("1 <> 2"), "SyntaxError: invalid syntax @ 1:3-1:5");
  EXPECT_EQ(error_of("x = 1 ! 2"), "SyntaxError: invalid syntax @ 1:7-1:8");
}

// ---------------------------------------------------------------------------
// decode_source

std::string decoded(std::string_view bytes) {
  std::string text;
  SyntaxErrorInfo error;
  if (!decode_source(bytes, text, error))
    return "error: " + error.message + " @ " + std::to_string(error.lineno) + ":" +
           std::to_string(error.offset);
  return text;
}

TEST(LexerDecodeSource, Utf8) {
  EXPECT_EQ(decoded("x = 'é'\n"), "x = 'é'\n");
  EXPECT_EQ(decoded("\xef\xbb\xbfx = 1\n"), "x = 1\n");
  EXPECT_EQ(decoded("\xef\xbb\xbf"), "");
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: utf-8\nx = 1\n"), "# coding: utf-8\nx = 1\n");
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: UTF-8\nx = 1\n"), "# coding: UTF-8\nx = 1\n");
  EXPECT_EQ(decoded("# coding: utf-8-unix\nx = 1\n"), "# coding: utf-8-unix\nx = 1\n");
  // Invalid UTF-8 is left for the lexer, which knows where CPython reports it.
  EXPECT_EQ(decoded("x = 1 # \xf6\n"), "x = 1 # \xf6\n");
}

TEST(LexerDecodeSource, CodingDeclarations) {
  EXPECT_EQ(decoded("# -*- coding: latin-1 -*-\nx = '\xe9'\n"),
            "# -*- coding: latin-1 -*-\nx = 'é'\n");
  EXPECT_EQ(decoded("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n\xe9"),
            "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\né");
  EXPECT_EQ(decoded("# coding=latin1\n\xe9"), "# coding=latin1\né");
  EXPECT_EQ(decoded("# coding: cp1252\nx = '\x80'\n"), "# coding: cp1252\nx = '€'\n");
  EXPECT_EQ(decoded("# coding: iso-8859-15\n\xa4"), "# coding: iso-8859-15\n€");
  EXPECT_EQ(decoded("# coding: ascii\nx = 1\n"), "# coding: ascii\nx = 1\n");
  EXPECT_EQ(decoded("# coding: latin-1\r\nx = '\xe9'\r\n"), "# coding: latin-1\r\nx = 'é'\r\n");
  // Only a comment alone on line 1, or on line 2 after a blank or comment line.
  EXPECT_EQ(decoded("x = 1\n# coding: uft-8\n"), "x = 1\n# coding: uft-8\n");
  EXPECT_EQ(decoded("x=1 # coding: uft-8\n"), "x=1 # coding: uft-8\n");
  EXPECT_EQ(decoded("\n\n# coding: uft-8\n"), "\n\n# coding: uft-8\n");
  EXPECT_EQ(decoded("# coding : uft-8\n"), "# coding : uft-8\n");
}

TEST(LexerDecodeSource, Errors) {
  EXPECT_EQ(decoded("# coding=uft-8\nx = 1\n"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("# coding: uft-8"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("\n# coding: uft-8\n"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("  \n# coding: uft-8\n"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("\f# coding: uft-8\n"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("#coding:uft-8\n"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("# encoding: uft-8\n"), "error: unknown encoding: uft-8 @ 0:-1");
  EXPECT_EQ(decoded("# coding: u\xe9\n"), "error: unknown encoding: u @ 0:-1");
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: utf8\nx = 1\n"),
            "error: encoding problem: utf8 with BOM @ 0:-1");
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: latin-1\nx = 1\n"),
            "error: encoding problem: iso-8859-1 with BOM @ 0:-1");
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: latin1\nx = 1\n"),
            "error: encoding problem: latin1 with BOM @ 0:-1");
  EXPECT_EQ(decoded("# coding: ascii\nx = '\xe9'\n"),
            "error: 'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in "
            "range(128) @ 0:-1");
  EXPECT_EQ(decoded("# coding=ascii\n# \xe9\n"),
            "error: 'ascii' codec can't decode byte 0xe9 in position 17: ordinal not in "
            "range(128) @ 0:-1");
  EXPECT_EQ(decoded("# coding: utf8\nx = '\xf6'\n"),
            "error: 'utf-8' codec can't decode byte 0xf6 in position 20: invalid start byte "
            "@ 0:-1");
}

TEST(LexerDecodeSource, DecodedTextLexes) {
  std::string text;
  SyntaxErrorInfo error;
  ASSERT_TRUE(decode_source("# coding: latin-1\n\xe9 = 1\n", text, error));
  Lexed lexed;
  lex_ok(lexed, text);
  EXPECT_EQ(lexed.tokens[0].value, "é");
  ASSERT_TRUE(decode_source("# coding: latin-1\nx = 1\n\xef\xbb\xbf", text, error));
  EXPECT_EQ(error_of(text), "SyntaxError: invalid character '\u00bb' (U+00BB) @ 3:2-3:2");
}

// ---------------------------------------------------------------------------
// dump_tokens

TEST(LexerDump, AsPythonTokenize) {
  std::string out;
  SyntaxErrorInfo error;
  ASSERT_TRUE(dump_tokens("print('hi')\n", out, error));
  EXPECT_EQ(out,
            "1,0-1,5:            NAME           'print'\n"
            "1,5-1,6:            LPAR           '('\n"
            "1,6-1,10:           STRING         \"'hi'\"\n"
            "1,10-1,11:          RPAR           ')'\n"
            "1,11-1,11:          NEWLINE        '\\n'\n"
            "2,0-2,0:            ENDMARKER      ''\n");
  out.clear();
  EXPECT_FALSE(dump_tokens("x = )\n", out, error));
  EXPECT_EQ(error.message, "unmatched ')'");
  EXPECT_EQ(out,
            "1,0-1,1:            NAME           'x'\n"
            "1,2-1,3:            EQUAL          '='\n");
}

// ---------------------------------------------------------------------------
// Robustness: no input crashes, hangs or reads out of bounds (the tests also
// run under AddressSanitizer).

TEST(LexerRobustness, EveryPrefixOfATrickySource) {
  const std::string source =
      "# coding: utf-8\nif x:\n\tmatch y:\n\t  case [1, *r] if f'{r!r:>{w}} {r=}' != b'\\x00':\n"
      "\t    z = (0x_1F + 1_0.5e-3j, r'\\N', '''\n\\N{BULLET}é\n''', \\\n 0o7)\n"
      "\t    w = f\"{'a' 'b'}{ {1: 2}[1]:{{}}}\" \"\\N{EM DASH}\"  # done\n";
  for (size_t length = 0; length <= source.size(); ++length) {
    Lexed lexed;
    lex_into(lexed, std::string_view(source.data(), length));
  }
  EXPECT_EQ(error_of(source), "no error");
}

TEST(LexerRobustness, RandomInputs) {
  const char* const pieces[] = {
      "f'", "f\"", "'",  "\"", "'''", "\"\"\"", "{",     "}",    "(",   ")",    "[",   "]",
      "!",  "=",   ":",  "\\", "\n",  "\r",     "\t",    " ",    "\f",  "#",    "x",   "1",
      "0x", "_",   ".",  "e",  "j",   "é",      "€",     "\xf6", "\xc3", "\\N{", "rb", "fr",
      "u",  "match", "case", "if", "\x01", "$", "<>",    "=!r",  ":{",  "}}",   "{{",  "\\x"};
  uint64_t state = 12345;
  auto random = [&]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return uint32_t(state >> 33);
  };
  for (int round = 0; round < 5000; ++round) {
    std::string source;
    int count = int(random() % 24);
    for (int i = 0; i < count; ++i) source += pieces[random() % (sizeof pieces / sizeof *pieces)];
    if (random() % 8 == 0) source += '\0';
    Lexed lexed;
    lex_into(lexed, source);
    std::string text;
    SyntaxErrorInfo error;
    decode_source(source, text, error);
  }
}

TEST(LexerRobustness, DeepNesting) {
  EXPECT_EQ(error_of(std::string(200, '(') + std::string(200, ')')), "no error");
  EXPECT_EQ(error_of(std::string(10000, '(')),
            "SyntaxError: too many nested parentheses @ 1:201-1:201");
  EXPECT_EQ(error_of("f'{" + std::string(199, '(') + "x" + std::string(199, ')') + "}'"),
            "no error");
  // Each level of nested f-strings needs another kind of quote.
  EXPECT_EQ(error_of("f\"\"\"{f'''{f\"{f'{x:{y}}'}\"}'''}\"\"\""), "no error");
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "f'{x!r:>{w}}' + ";
  EXPECT_EQ(error_of(many + "1"), "no error");
}

}  // namespace
}  // namespace coil
