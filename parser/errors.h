// Syntax errors the grammar finds (as opposed to the helpers' checks): their
// CPython wording, and the final choice between a syntax error and a
// tokenizer error further in the source.
#pragma once

#include "parser/parse_context.h"

namespace coil::parsing {

// After a failed parse: as CPython's _PyPegen_tokenize_full_source_to_check_for_errors,
// reads the rest of the source and lets a tokenizer error there win over the
// syntax error (an unclosed bracket only when it opened before the error's
// line).
void settle_error(ParseContext& ctx);

}  // namespace coil::parsing
