// The compiler: a module's syntax tree and symbol table in, code objects
// (vm/code.h) out, as CPython 3.11's Python/compile.c makes them — the same
// instruction sequences, the same exception table, the same line numbers —
// so that `coil --dis` reads like `dis.dis` and tracebacks point where
// CPython's do.
//
// The work is split by phase (vm/compiler_internal.h holds the shared
// types):
//   vm/compiler.cpp          scopes, names, constants, statements
//   vm/compile_expr.cpp      expressions, calls, comprehensions, constant folding
//   vm/compile_pattern.cpp   `match` statements
//   vm/compile_assemble.cpp  the control-flow graph: optimization, stack depth,
//                            exception table, layout, the code object
#pragma once

#include <string_view>

#include "parser/ast.h"
#include "parser/syntax_error.h"
#include "runtime/object.h"
#include "vm/symtable.h"

namespace coil {

// What the source is compiled as, as the `mode` argument of compile():
//   Exec    a module (`exec`);
//   Eval    one expression whose value the code returns (`eval`): the parser
//           reads modules only, so the module must hold exactly one
//           expression statement;
//   Single  a REPL statement (`single`): expression statements at the top
//           level print their value (PRINT_EXPR, sys.displayhook).
enum class CompileMode { Exec, Eval, Single };

// Compiles a parsed module. Returns its CodeObject, or null with `error`
// filled with the SyntaxError CPython 3.11's compiler raises. `source` is
// the decoded text, for error positions. (Code compiled from a string may
// want it kept for tracebacks: see code_set_source in vm/code.h.)
//
// `top_level_await` allows `await`, `async for`, `async with` and
// asynchronous comprehensions in the module's own code (DESIGN §3), as
// CPython's PyCF_ALLOW_TOP_LEVEL_AWAIT; a module that uses them is then
// flagged kCodeTopLevelAwait and runs as a coroutine.
Ref compile_module(const ast::Module& module, const SymbolTable& symbols,
                   std::string_view filename, std::string_view source, CompileMode mode,
                   bool top_level_await, SyntaxErrorInfo& error);

// Parses, builds the symbol table and compiles in one step (what `compile()`,
// `exec` and the script runner need). Returns null with `error` filled on a
// SyntaxError from any of the three (or, rarely, with a Python exception
// pending instead, such as MemoryError). `byte_offsets` is parse_module's:
// set it for a source file that declares no encoding, as CPython reports
// its parser's error offsets in bytes there.
//
// Constant folding evaluates operations at compile time and may raise (and
// swallow) exceptions: the runtime must be initialized (init_runtime) first.
Ref compile_source(std::string_view source, std::string_view filename, CompileMode mode,
                   bool top_level_await, SyntaxErrorInfo& error, bool byte_offsets = false);

// What becomes of a SyntaxWarning the compiler issues ('"is" with a
// literal', "'tuple' object is not callable; perhaps you missed a comma?",
// …). `source_line` is the line's text, or empty when the source is not a
// file (CPython's linecache finds no line for "<string>"). The handler
// returns false to make the warning an error (warnings filtered to
// "error"): compilation then fails with a SyntaxError of the same message.
// The default hands it to warnings.warn_explicit once the program has
// imported `warnings` (its filters decide); before that it prints it to
// stderr as CPython's default action shows it, every time (compile-time
// warnings have no registry):
//     FILE:LINE: SyntaxWarning: MESSAGE
//       SOURCE LINE
using CompileWarningHandler = bool (*)(std::string_view filename, int lineno,
                                       std::string_view message, std::string_view source_line);
void set_compile_warning_handler(CompileWarningHandler handler);

}  // namespace coil
