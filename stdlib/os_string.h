// Arguments bound for the C side of a child process (stdlib/subprocess.cpp,
// stdlib/asyncio_subprocess.cpp): program names, arguments, paths and
// environment entries.
#pragma once

#include <string>
#include <vector>

#include "runtime/object.h"

namespace coil {

// A str (as UTF-8) or bytes; as CPython, no NUL inside. False with
// TypeError or ValueError pending otherwise.
bool os_string(Value v, std::string& out);
// Each item of an iterable, as os_string takes it.
bool os_string_list(Value v, std::vector<std::string>& out);

}  // namespace coil
