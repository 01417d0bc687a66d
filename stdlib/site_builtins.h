// What CPython's site module adds to builtins (stdlib/site_builtins.cpp):
// exit, quit, copyright, credits, license, help; and breakpoint() with
// sys.breakpointhook.
#pragma once

#include "runtime/native.h"
#include "runtime/object.h"

namespace coil {

// Puts exit, quit, copyright, credits, license and help in builtins' namespace.
bool add_site_builtins(Value builtins_dict);

// breakpoint(*args, **kws) and sys.breakpointhook(*args, **kws).
Ref builtin_breakpoint(Value, Args args);
Ref sys_breakpointhook(Value, Args args);

}  // namespace coil
