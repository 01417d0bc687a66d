// The warnings coil itself issues ("coroutine 'f' was never awaited"),
// printed as CPython's default filters and warnings.showwarning print them.
#pragma once

#include <string>

#include "runtime/type.h"

namespace coil {

// Prints "FILE:LINE: Category: message" and the source line for the
// innermost running Python frame ("sys:1:" when none runs), once per
// location and message, as the "default" action does. With `from_object`,
// adds CPython's hint about tracemalloc (the warning names an object).
void warn_at_current_frame(Type* category, const std::string& message, bool from_object);

}  // namespace coil
