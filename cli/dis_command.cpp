// `coil --dis FILE`: the file compiled as a script would be (top-level
// await allowed), then its code objects listed as CPython's dis.dis lists
// them (vm/disassembler.cpp).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "lexer/lexer.h"
#include "parser/syntax_error.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/type.h"
#include "vm/compiler.h"
#include "vm/disassembler.h"

namespace coil {

int dis_main(const char* path) {
  // Constants are runtime objects, and folding them may raise: the
  // runtime must be up before compiling.
  if (!init_runtime()) {
    print_exception(fetch_exception());
    return 1;
  }
  std::string bytes;
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "coil: can't open file '%s': [Errno %d] %s\n", path, errno,
                 std::strerror(errno));
    return 2;
  }
  char chunk[65536];
  size_t count;
  while ((count = std::fread(chunk, 1, sizeof chunk, file)) > 0) bytes.append(chunk, count);
  bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) {
    std::fprintf(stderr, "coil: can't open file '%s': [Errno %d] %s\n", path, EISDIR,
                 std::strerror(EISDIR));
    return 2;
  }
  SyntaxErrorInfo error;
  std::string text;
  if (!decode_source(bytes, text, error)) {
    std::fputs(format_syntax_error(error, path, bytes).c_str(), stderr);
    return 1;
  }
  Ref code = compile_source(text, path, CompileMode::Exec, true, error);
  if (!code) {
    if (error_pending()) {
      print_exception(fetch_exception());
      return 1;
    }
    std::fputs(format_syntax_error(error, path, text).c_str(), stderr);
    return 1;
  }
  // COIL_DIS_POSITIONS=1 adds each instruction's source span
  // (tests/dis/compare_cpython.py compares them with CPython's).
  const char* positions = std::getenv("COIL_DIS_POSITIONS");
  std::string listing = disassemble(code, positions != nullptr && *positions == '1');
  std::fwrite(listing.data(), 1, listing.size(), stdout);
  return 0;
}

}  // namespace coil
