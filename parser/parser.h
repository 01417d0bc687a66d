// The parser's public face: UTF-8 source text in, a syntax tree (or CPython's
// SyntaxError) out. The work is split between parser/grammar.y (the Bison
// grammar, which only says what nodes to build) and parser/*.cpp (the
// helpers its actions call, where every check and CPython error message
// lives).
#pragma once

#include <string_view>
#include <vector>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/syntax_error.h"
#include "runtime/arena.h"

namespace coil {

struct ParseResult {
  ast::Module* module = nullptr;  // null when !ok
  bool ok = false;
  SyntaxErrorInfo error;          // when !ok: what CPython 3.11's ast.parse raises
  // When !ok: the grammar stopped at the end of the source (its ENDMARKER,
  // or a DEDENT the end makes), so more text might have completed it. The
  // REPL reads this as "incomplete input", as CPython's codeop reads its
  // parser's "incomplete input" error.
  bool error_at_end = false;
  // When ok: the DeprecationWarnings of its literals, for the compiler to
  // issue (CPython's parser issues them as it reads them).
  std::vector<LexWarning> warnings;
};

// Parses a module (CPython's `file` start rule, as ast.parse does). `source`
// is decoded UTF-8 text (see decode_source); the tree lives in `arena` and may
// point into `source`, so both must outlive it.
//
// `byte_offsets`: CPython counts the offsets of the errors its parser (rather
// than its tokenizer) raises in characters, except when it compiles bytes
// that declare no encoding — a source file without BOM or coding cookie —
// where it leaves them in bytes. Set it for such files to print the same.
ParseResult parse_module(std::string_view source, Arena& arena, bool byte_offsets = false);

}  // namespace coil
