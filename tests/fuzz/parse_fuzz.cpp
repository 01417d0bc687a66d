// libFuzzer target: any bytes given to coil's front end end in a tree or a
// SyntaxError — never a crash, a hang or a leak. `make fuzz` builds it with
// clang and runs it; each crash it finds becomes a file in tests/corpus/extra/
// or tests/syntax_errors/.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string source;
  coil::SyntaxErrorInfo error;
  if (!coil::decode_source(bytes, source, error)) return 0;
  coil::Arena arena;
  coil::ParseResult result = coil::parse_module(source, arena);
  if (result.ok) (void)coil::ast::dump(*result.module, true);
  std::string tokens;
  (void)coil::dump_tokens(source, tokens, error);
  return 0;
}
