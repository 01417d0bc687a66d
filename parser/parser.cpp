// The parser's driver: the token source Bison pulls from, the error state,
// and parse_module, which runs the Bison parser and settles which error CPython
// would report.
#include "parser/parser.h"

#include "grammar.tab.hpp"
#include "parser/errors.h"
#include "parser/parse_context.h"

namespace coil {

namespace grammar {

namespace {

// TokenKind → the grammar's token kinds, matched by name: a token of
// tokens.def that grammar.y does not declare fails to compile here.
const Parser::token_kind_type kGrammarToken[] = {
#define TOKEN(kind, spelling) Parser::token::TOK_##kind,
#include "lexer/tokens.def"
#undef TOKEN
};

}  // namespace

// Whether the grammar gives the token a value (grammar.y's `%token <Token>`).
bool carries_value(TokenKind kind) {
  switch (kind) {
    case TokenKind::ENDMARKER: case TokenKind::NAME: case TokenKind::NUMBER:
    case TokenKind::STRING: case TokenKind::FSTRING_START: case TokenKind::FSTRING_MIDDLE:
    case TokenKind::ERRORTOKEN: case TokenKind::EQUAL:
      return true;
    default: return false;
  }
}

Parser::symbol_type yylex(parsing::ParseContext& ctx) {
  if (ctx.take_mode_token()) {
    Token start = ctx.tokens().peek_location_token();
    return ctx.mode_is_star_expressions()
               ? Parser::make_STAR_EXPRESSIONS_MODE(start.loc)
               : Parser::make_EXPRESSION_MODE(start.loc);
  }
  Token token = ctx.next_token();
  ast::Location loc = token.loc;
  Parser::token_kind_type kind = kGrammarToken[static_cast<int>(token.kind)];
  if (carries_value(token.kind)) return Parser::symbol_type(kind, std::move(token), loc);
  return Parser::symbol_type(kind, loc);
}

// Errors other than syntax errors (which report_syntax_error words): Bison
// calls this only when its stack cannot grow.
void Parser::error(const location_type& loc, const std::string& message) {
  ctx.record_error(message, loc, SyntaxErrorKind::SyntaxError,
                   parsing::ParseContext::ErrorSource::Grammar);
}

}  // namespace grammar

namespace parsing {

// --- TokenStream -------------------------------------------------------------

TokenStream::TokenStream(std::string_view source, Arena& arena, bool byte_offsets)
    : m_source(source), m_byte_offsets(byte_offsets), m_lexer(source, arena, byte_offsets) {
  // Lines as the lexer counts them (its newlines are normalized).
  m_source = m_lexer.text();
}

Token TokenStream::next() {
  if (!m_replay.empty()) {
    Token token = m_replay.front();
    m_replay.pop_front();
    return token;
  }
  if (m_at_end) return m_end_token;
  Token token = m_lexer.next();
  switch (token.kind) {
    case TokenKind::LPAR:
    case TokenKind::LSQB:
    case TokenKind::LBRACE: ++m_depth; break;
    case TokenKind::RPAR:
    case TokenKind::RSQB:
    case TokenKind::RBRACE:
      if (m_depth > 0) --m_depth;
      break;
    case TokenKind::ERRORTOKEN:
      m_lexer_failed = true;
      m_lexer_error = m_lexer.error();
      m_at_end = true;
      // A character CPython's tokenizer passes on as an operator is a token
      // one character wide there.
      if (parsing::is_empty(token.loc) && m_lexer_error.message == "invalid syntax") {
        size_t at = line_offset(token.loc.lineno) + token.loc.col_offset;
        size_t end = at + 1;
        while (end < m_source.size() && (static_cast<unsigned char>(m_source[end]) & 0xC0) == 0x80) {
          ++end;
        }
        if (at < m_source.size()) token.loc.end_col_offset += static_cast<int>(end - at);
      }
      m_end_token = token;
      break;
    case TokenKind::ENDMARKER:
      m_at_end = true;
      m_end_token = token;
      break;
    default: break;
  }
  return token;
}

size_t TokenStream::line_offset(int lineno) const {
  size_t offset = 0;
  for (int line = 1; line < lineno; ++line) {
    size_t newline = m_source.find('\n', offset);
    if (newline == std::string_view::npos) return m_source.size();
    offset = newline + 1;
  }
  return offset;
}

Token TokenStream::peek_location_token() {
  Token token = next();
  m_replay.push_front(token);
  return token;
}

SyntaxErrorInfo TokenStream::check_rest_for_errors(const SyntaxErrorInfo& parser_error) {
  if (m_at_end) return parser_error;
  m_at_end = true;
  return m_lexer.check_rest_for_errors(parser_error);
}

// --- ParseContext --------------------------------------------------------------

ParseContext::ParseContext(TokenStream& tokens, Arena& arena, SubParse sub_parse)
    : m_tokens(tokens), m_arena(arena), m_sub_parse(sub_parse),
      m_mode_token_pending(sub_parse != SubParse::None) {}

bool ParseContext::take_mode_token() {
  bool pending = m_mode_token_pending;
  m_mode_token_pending = false;
  return pending;
}

Token ParseContext::next_token() {
  Token token;
  if (m_failed && m_sub_parse == SubParse::None) {
    // An error is recorded: end the parse with a token no rule accepts.
    token.kind = TokenKind::ERRORTOKEN;
    token.loc = m_last_token.loc;
    m_stopped = true;
  } else {
    token = m_tokens.next();
    track_fstring(token);
    if (m_sub_parse != SubParse::None) m_consumed.push_back(token);
    if (token.kind == TokenKind::LPAR && m_last_token.kind == TokenKind::KW_WITH) {
      m_with_lpar = token.loc;
    }
  }
  m_previous_token = m_last_token;
  m_last_token = token;
  return token;
}

// Follows f-strings through the token stream, to know when the parser is
// inside a replacement field's expression (CPython 3.11 prefixes errors there
// with "f-string: " and measures their columns from the field's '{').
void ParseContext::track_fstring(const Token& token) {
  switch (token.kind) {
    case TokenKind::FSTRING_START: m_fstring_modes.push_back({FStringMode::Text, {}, 0}); break;
    case TokenKind::FSTRING_END:
      if (!m_fstring_modes.empty()) m_fstring_modes.pop_back();
      break;
    case TokenKind::LBRACE:
    case TokenKind::LPAR:
    case TokenKind::LSQB:
      if (m_fstring_modes.empty()) break;
      if (m_fstring_modes.back().mode != FStringMode::Field && token.kind == TokenKind::LBRACE) {
        m_fstring_modes.push_back({FStringMode::Field, token.loc, 0});
        m_field_lbraces.push_back(token.loc);
      } else if (m_fstring_modes.back().mode == FStringMode::Field) {
        ++m_fstring_modes.back().brackets;
      }
      break;
    case TokenKind::RBRACE:
    case TokenKind::RPAR:
    case TokenKind::RSQB: {
      if (m_fstring_modes.empty()) break;
      FStringState& state = m_fstring_modes.back();
      if (state.mode == FStringMode::Field && state.brackets > 0) {
        --state.brackets;
        break;
      }
      if (token.kind != TokenKind::RBRACE) break;
      // The end of a replacement field (after its format spec, if any).
      if (state.mode == FStringMode::Spec) m_fstring_modes.pop_back();
      if (!m_fstring_modes.empty() && m_fstring_modes.back().mode == FStringMode::Field) {
        m_fstring_modes.pop_back();
      }
      break;
    }
    case TokenKind::COLON:
      if (!m_fstring_modes.empty() && m_fstring_modes.back().mode == FStringMode::Field &&
          m_fstring_modes.back().brackets == 0) {
        m_fstring_modes.push_back({FStringMode::Spec, {}, 0});
      }
      break;
    default: break;
  }
}

const ast::Location* ParseContext::fstring_field_start() const {
  return m_field_lbraces.empty() ? nullptr : &m_field_lbraces.back();
}

void ParseContext::end_fstring_field() {
  if (!m_field_lbraces.empty()) m_field_lbraces.pop_back();
}

namespace {

// The text CPython 3.11 parses for a replacement field whose '{' ends at
// `start` of `line`: the expression up to its '=', '!', ':' or '}' at bracket
// depth 0 (string literals skipped), in parentheses — as fstring_find_expr
// delimits it.
std::string fstring_expression_text(std::string_view line, size_t start) {
  if (start > line.size()) start = line.size();
  int depth = 0;
  char quote = 0;
  size_t i = start;
  // The lexer may have put a NUL where the field's expression ends.
  for (; i < line.size() && line[i] != '\n' && line[i] != '\0'; ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
      --depth;
    } else if (depth == 0) {
      char next = i + 1 < line.size() ? line[i + 1] : 0;
      if (c == '}' || c == ':' || (c == '!' && next != '=')) break;
      if (c == '=' && next != '=' && (i == start || std::strchr("=!<>", line[i - 1]) == nullptr))
        break;
      if (c == '=' && next == '=') ++i;
    }
  }
  std::string text = "(";
  text.append(line.substr(start, i - start));
  text += ')';
  return text;
}

}  // namespace

void ParseContext::record_error(std::string message, const ast::Location& loc,
                                SyntaxErrorKind kind, ErrorSource source) {
  if (m_failed) return;
  m_failed = true;
  m_error_source = source;
  ast::Location where = loc;
  if (const ast::Location* lbrace = fstring_field_start()) {
    // CPython 3.11 parses a replacement field as the text "(expr)" on its
    // own: the message says so, and columns count from that '('.
    message = "f-string: " + message;
    where.col_offset = loc.col_offset - lbrace->col_offset;
    where.end_col_offset = loc.end_col_offset - lbrace->col_offset;
    m_error = to_error_info(message, where, kind);
    m_error.offset = where.col_offset + 1;
    m_error.end_offset = where.end_col_offset + 1;
    m_error.text = fstring_expression_text(line_text(lbrace->lineno), lbrace->end_col_offset);
    return;
  }
  m_error = to_error_info(message, where, kind);
}

void ParseContext::record_error(std::string message, const ast::Location& first,
                                const ast::Location& last, SyntaxErrorKind kind,
                                ErrorSource source) {
  record_error(std::move(message), span(first, last), kind, source);
}

void ParseContext::record_error_info(const SyntaxErrorInfo& info, ErrorSource source) {
  if (m_failed) return;
  m_failed = true;
  m_error_source = source;
  m_error = info;
}

void ParseContext::record_lexer_error() {
  if (m_failed) return;
  m_failed = true;
  m_error_source = ErrorSource::Lexer;
  m_error = m_tokens.lexer_error();
}

void ParseContext::replace_error(const SyntaxErrorInfo& info, ErrorSource source) {
  m_failed = true;
  m_error_source = source;
  m_error = info;
}

std::string_view ParseContext::line_text(int lineno) const {
  std::string_view source = m_tokens.source();
  if (m_line_starts.empty()) {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n') m_line_starts.push_back(i + 1);
    }
  }
  if (lineno < 1 || static_cast<size_t>(lineno) > m_line_starts.size()) return {};
  size_t start = m_line_starts[lineno - 1];
  size_t end = static_cast<size_t>(lineno) < m_line_starts.size() ? m_line_starts[lineno]
                                                                  : source.size();
  return source.substr(start, end - start);
}

// A 1-based byte offset in `line` as a 1-based character offset: the number
// of characters that start within its first `offset` bytes, each byte past
// the line's end counting as one (CPython compiling bytes leaves offsets in
// bytes, so this is the same on ASCII lines).
int ParseContext::character_offset(std::string_view line, int offset) const {
  if (m_tokens.byte_offsets()) return offset;
  int length = static_cast<int>(line.size());
  int characters = 0;
  for (int i = 0; i < offset; ++i) {
    if (i >= length || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++characters;
  }
  return characters;
}

// Each column counted in characters of its own line. (CPython converts the
// end column with the first line's text when it parses a str, and does not
// convert at all when it compiles bytes; this agrees with the second on ASCII
// and with the first's intent elsewhere.)
SyntaxErrorInfo ParseContext::to_error_info(const std::string& message, const ast::Location& loc,
                                            SyntaxErrorKind kind) const {
  SyntaxErrorInfo info;
  info.kind = kind;
  info.message = message;
  info.lineno = loc.lineno;
  info.end_lineno = loc.end_lineno;
  info.offset = character_offset(line_text(loc.lineno), loc.col_offset + 1);
  info.end_offset = loc.end_col_offset < 0
                        ? -1
                        : character_offset(line_text(loc.end_lineno), loc.end_col_offset + 1);
  return info;
}

}  // namespace parsing

ParseResult parse_module(std::string_view source, Arena& arena, bool byte_offsets) {
  parsing::TokenStream tokens(source, arena, byte_offsets);
  parsing::ParseContext ctx(tokens, arena);
  grammar::Parser parser(ctx);
  int status = parser.parse();
  ParseResult result;
  if (status == 0 && !ctx.failed() && ctx.module() != nullptr) {
    // Later passes recurse over the tree; CPython refuses such depths too.
    if (ast::depth(*ctx.module(), ast::kMaxDepth) > ast::kMaxDepth) {
      result.error.kind = SyntaxErrorKind::RecursionError;
      result.error.message = "maximum recursion depth exceeded during compilation";
      return result;
    }
    result.module = ctx.module();
    result.ok = true;
    result.warnings = tokens.lexer_warnings();
    return result;
  }
  if (!ctx.failed()) {
    ctx.record_error("invalid syntax", ctx.last_token().loc, SyntaxErrorKind::SyntaxError,
                     parsing::ParseContext::ErrorSource::Grammar);
  }
  parsing::settle_error(ctx);
  result.error = ctx.error();
  result.error_at_end = ctx.failed_at_end() && ctx.error_source() != parsing::ParseContext::ErrorSource::Lexer;
  return result;
}

}  // namespace coil
