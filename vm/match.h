// Run-time support for `match` statements and `except*` (vm/match.cpp).
#pragma once

#include "runtime/object.h"

namespace coil {

// MATCH_CLASS: the attributes a class pattern extracts from `subject`, as a
// tuple, or None when the subject does not match; null on error.
Ref match_class(Value subject, Value cls, uint32_t positional_count, Value keyword_names);
// MATCH_KEYS: the values of `keys` in the mapping `subject` as a tuple, or
// None if one is missing.
Ref match_keys(Value subject, Value keys);

// CHECK_EG_MATCH: splits `exception` by `type`; `match` is None when
// nothing matched (then `rest` is unused).
bool exception_group_match(Value exception, Value type, Ref& match, Ref& rest);
// PREP_RERAISE_STAR: what leaves a try/except* block: None, or the
// exception (group) combining the unhandled part of `original` with what
// the handlers raised.
Ref prep_reraise_star(Value original, Value raised_list);

// PRINT_EXPR: sys.displayhook(value).
Ref display_hook(Value value);

}  // namespace coil
