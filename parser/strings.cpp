// String literals: runs of adjacent literals concatenated into one Constant
// or JoinedStr, and f-strings assembled from the lexer's pieces.
//
// As CPython 3.11 (Parser/string_parser.c): adjacent literal text merges into
// one Constant and empty text disappears; every Constant, FormattedValue and
// format-spec JoinedStr inside an f-string carries the location of the whole
// run of literals; `{x=}` puts the text "x=" before the value and, with no
// conversion and no format spec, converts with repr (`!r`, 114).
#include "parser/parse_context.h"

namespace coil::parsing {

using namespace coil::ast;

namespace {

// The conversion codes of FormattedValue: the character's code.
constexpr int kNoConversion = -1;

// CPython 3.11 builds a format spec with the token of the literal that holds
// it: the spec's JoinedStr, and the text after its last replacement field,
// carry that literal's location; what comes before, and the nested fields,
// carry the whole run's, like the f-string's top-level values. The
// recursion follows nested format specs, which nest at most two deep.
void locate_spec_in_piece(ExprNode* spec, const Location& piece) {
  spec->loc = piece;
  Seq<ExprNode*> values = static_cast<JoinedStr*>(spec)->values;
  for (uint32_t i = 0; i < values.size; ++i) {
    ExprNode* value = values[i];
    if (value->node_kind == ExprKind::FormattedValue) {
      auto* field = static_cast<FormattedValue*>(value);
      if (field->format_spec) locate_spec_in_piece(field->format_spec, piece);
    } else if (i + 1 == values.size) {
      value->loc = piece;
    }
  }
}

void locate_spec_in_run(ExprNode* spec, const Location& run) {
  Seq<ExprNode*> values = static_cast<JoinedStr*>(spec)->values;
  for (uint32_t i = 0; i < values.size; ++i) {
    ExprNode* value = values[i];
    if (value->node_kind == ExprKind::FormattedValue) {
      value->loc = run;
      auto* field = static_cast<FormattedValue*>(value);
      if (field->format_spec) locate_spec_in_run(field->format_spec, run);
    } else if (i + 1 != values.size) {
      value->loc = run;
    }
  }
}

}  // namespace

StringPiece ParseContext::string_piece(const Token& token) {
  StringPiece piece;
  piece.token = token;
  piece.loc = token.loc;
  return piece;
}

StringPiece ParseContext::fstring_piece(const Token& start, std::vector<FStringPart> parts,
                                        const Location& loc) {
  for (const FStringPart& part : parts) {
    if (part.value) {
      auto* field = static_cast<FormattedValue*>(part.value);
      if (field->format_spec) locate_spec_in_piece(field->format_spec, loc);
    }
  }
  StringPiece piece;
  piece.token = start;
  piece.is_fstring = true;
  piece.parts = std::move(parts);
  piece.loc = loc;
  return piece;
}

FStringPart ParseContext::fstring_text(const Token& middle) {
  FStringPart part;
  part.text = middle.value;
  return part;
}

FStringPart ParseContext::fstring_field(ReplacementField field) {
  FStringPart part;
  part.text = field.debug_text;
  part.value = field.value;
  return part;
}

// '{' expression ['='] ['!' NAME] [':' format_spec] '}'
ReplacementField ParseContext::replacement_field(ExprNode* value, const Token& debug,
                                                 const Token& conversion, FormatSpec spec,
                                                 const Location& loc) {
  end_fstring_field();
  int code = kNoConversion;
  if (conversion.kind == TokenKind::NAME) {
    std::string_view name = identifier(conversion);
    if (name == "s" || name == "r" || name == "a") {
      code = name[0];
    } else {
      // Found by CPython's f-string scanner, which reports it at the token
      // after the string.
      if (m_deferred_fstring_error.empty()) {
        m_deferred_fstring_error =
            "f-string: invalid conversion character: expected 's', 'r', or 'a'";
      }
    }
  }
  // CPython 3.11 parses the field's text as "(text)", with '(' at the '{'
  // and ')' where the text ends (at the '=', '!', ':' or '}' after it): a
  // tuple or generator without parentheses of its own spans both.
  if (value->parenthesized == 0 &&
      (value->node_kind == ExprKind::Tuple || value->node_kind == ExprKind::GeneratorExp)) {
    Location end{loc.end_lineno, loc.end_col_offset - 1, loc.end_lineno, loc.end_col_offset};
    if (debug.kind == TokenKind::EQUAL) {
      end = debug.loc;
    } else if (conversion.kind == TokenKind::NAME) {
      end = Location{conversion.loc.lineno, conversion.loc.col_offset - 1, 0, 0};
    } else if (spec.present) {
      end = spec.loc;
    }
    value->loc = Location{loc.lineno, loc.col_offset, end.lineno, end.col_offset + 1};
  }
  ReplacementField field;
  if (debug.kind == TokenKind::EQUAL) {
    field.has_debug = true;
    field.debug_text = debug.value;
    if (code == kNoConversion && !spec.present) code = 'r';
  }
  auto* node = make<FormattedValue>(m_arena, loc);
  node->value = value;
  node->conversion = code;
  if (spec.present) node->format_spec = joined_str(std::move(spec.parts), spec.loc);
  field.value = node;
  return field;
}

// The replacement field's expression, read as CPython 3.11 reads it: as if
// in parentheses, without counting them.
ExprNode* ParseContext::fstring_expression(std::vector<ParenItem> items, bool trailing_comma,
                                           const Location& loc) {
  ExprNode* expr = paren_atom(std::move(items), trailing_comma, loc);
  if (expr->parenthesized > 0) --expr->parenthesized;
  return expr;
}

ExprNode* ParseContext::fstring_comprehension(std::vector<ParenItem> items, bool trailing_comma,
                                              std::vector<Comprehension*> generators,
                                              const Location& for_loc, const Location& loc) {
  ExprNode* expr =
      paren_comprehension(std::move(items), trailing_comma, std::move(generators), for_loc, loc);
  if (expr->parenthesized > 0) --expr->parenthesized;
  return expr;
}

FormatSpec ParseContext::format_spec(std::vector<FStringPart> parts, const Location& loc) {
  FormatSpec spec;
  spec.present = true;
  spec.parts = std::move(parts);
  spec.loc = loc;
  return spec;
}

// A JoinedStr of `parts`: adjacent text merged into one Constant, empty text
// dropped.
ExprNode* ParseContext::joined_str(std::vector<FStringPart> parts, const Location& loc) {
  std::vector<ExprNode*> values;
  std::string pending;
  bool have_pending = false;
  auto flush = [&]() {
    if (have_pending && !pending.empty()) {
      auto* text = make<Constant>(m_arena, loc);
      text->value.kind = ConstantValue::Kind::Str;
      text->value.text = m_arena.copy(pending);
      values.push_back(text);
    }
    pending.clear();
    have_pending = false;
  };
  for (const FStringPart& part : parts) {
    if (!part.text.empty()) {
      pending.append(part.text);
      have_pending = true;
    }
    if (part.value) {
      flush();
      values.push_back(part.value);
    }
  }
  flush();
  auto* node = make<JoinedStr>(m_arena, loc);
  node->values = make_seq(m_arena, values);
  return node;
}

// strings: STRING+ — _PyPegen_concatenate_strings
ExprNode* ParseContext::concatenate_strings(std::vector<StringPiece> pieces, const Location& loc) {
  bool any_bytes = false, any_text = false, any_fstring = false;
  for (const StringPiece& piece : pieces) {
    if (piece.token.flags & kStringBytes) {
      any_bytes = true;
    } else {
      any_text = true;
    }
    if (piece.is_fstring) any_fstring = true;
  }
  if (!m_deferred_fstring_error.empty()) {
    record_error_info(to_error_info(m_deferred_fstring_error, token_error_location(m_last_token),
                                    SyntaxErrorKind::SyntaxError),
                      ErrorSource::Check);
  }
  if (any_bytes && any_text) {
    // RAISE_SYNTAX_ERROR: at the token after the literals.
    record_error("cannot mix bytes and nonbytes literals", token_error_location(m_last_token));
  }
  if (!any_fstring) {
    auto* node = make<Constant>(m_arena, loc);
    node->value.kind = any_bytes ? ConstantValue::Kind::Bytes : ConstantValue::Kind::Str;
    if (pieces.size() == 1) {
      node->value.text = pieces[0].token.value;
    } else {
      std::string text;
      for (const StringPiece& piece : pieces) text.append(piece.token.value);
      node->value.text = m_arena.copy(text);
    }
    // make_str_node_and_del: kind 'u' when the first literal starts with a
    // lowercase u.
    if (!pieces[0].token.text.empty() && pieces[0].token.text[0] == 'u') node->kind = "u";
    return node;
  }
  std::vector<FStringPart> parts;
  for (StringPiece& piece : pieces) {
    if (piece.is_fstring) {
      for (FStringPart& part : piece.parts) parts.push_back(part);
    } else {
      FStringPart part;
      part.text = piece.token.value;
      parts.push_back(part);
    }
  }
  ExprNode* node = joined_str(std::move(parts), loc);
  for (ExprNode* value : static_cast<JoinedStr*>(node)->values) {
    value->loc = loc;
    if (value->node_kind == ExprKind::FormattedValue) {
      auto* field = static_cast<FormattedValue*>(value);
      if (field->format_spec) locate_spec_in_run(field->format_spec, loc);
    }
  }
  return node;
}

}  // namespace coil::parsing
