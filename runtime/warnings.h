// The warnings coil itself issues ("coroutine 'f' was never awaited"),
// printed as CPython's default filters and warnings.showwarning print them.
#pragma once

#include <string>

#include "runtime/type.h"

namespace coil {

// Issues a warning at the innermost running Python frame. Once the
// `warnings` module is imported it goes through warnings.warn (its filters,
// catch_warnings, showwarning), with `source` the object it is about;
// before that it is printed as the "default" action prints it: "FILE:LINE:
// Category: message" and the source line ("sys:1:" when no frame runs),
// once per location and message, with CPython's hint about tracemalloc
// when there is a source object.
void warn_at_current_frame(Type* category, const std::string& message, Value source = Value());

// A warning that may become an exception, as CPython's PyErr_WarnEx: through
// warnings.warn (imported if need be), its filters deciding. False with the
// exception pending when a filter turned it into an error.
bool warn(Type* category, const std::string& message);

// What became of a warning given to warn_explicit_if_imported.
enum class ExplicitWarning { Handled, Error, NoWarningsModule };

// A warning at an explicit place, as CPython's PyErr_WarnExplicitObject with
// no registry (what the compiler issues for `x is 1`): through
// warnings.warn_explicit, its filters deciding, when the warnings module has
// been imported. Error leaves the exception pending. NoWarningsModule tells
// the caller to apply the default action itself: no filter can have been
// set without the module.
ExplicitWarning warn_explicit_if_imported(Type* category, std::string_view message,
                                          std::string_view filename, int lineno);

}  // namespace coil
