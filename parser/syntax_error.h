// A syntax error found by the lexer, the parser or the compiler, carried as a
// value until it becomes a Python SyntaxError (or IndentationError/TabError).
#pragma once

#include <string>
#include <string_view>

namespace coil {

// What compiling source can raise. RecursionError is not a SyntaxError in
// Python, but it is what CPython raises for source nested too deeply to
// compile, and it travels the same way.
enum class SyntaxErrorKind { SyntaxError, IndentationError, TabError, RecursionError };

struct SyntaxErrorInfo {
  SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError;
  std::string message;
  // As in CPython's SyntaxError: lines count from 1; offsets count
  // characters (code points) from 1 within the line. An end of 0 means the
  // error marks a single point. lineno 0 means the error has no position
  // (encoding errors).
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  // The source text CPython shows for the error, when it is not line
  // `lineno` of the file: for an error inside an f-string's replacement
  // field, CPython 3.11 shows the field's expression as "(expr)".
  std::string text;
  // Found by the symbol table or the compiler rather than the parser.
  // CPython then takes SyntaxError.text from the file the filename names
  // (PyErr_ProgramTextObject), not from the source it compiled: compile()
  // of a string under a name that is no file gives text None.
  bool after_parse = false;
  // SyntaxError.end_offset is None (end_offset is then 0).
  bool no_end_offset = false;
};

const char* name_of(SyntaxErrorKind kind);

// Fills the error's position from a syntax-tree location (byte columns from
// 0) as CPython does: character offsets from 1 within their lines.
void set_error_location(SyntaxErrorInfo& error, std::string_view source, int lineno,
                        int col_offset, int end_lineno, int end_col_offset);

// Formats the error as CPython prints an uncaught SyntaxError:
//     File "f.py", line 3
//       x = (1,
//           ^
//   SyntaxError: '(' was never closed
// `source` is the decoded UTF-8 source text, for the offending line.
std::string format_syntax_error(const SyntaxErrorInfo& error, std::string_view filename,
                                std::string_view source);

}  // namespace coil
