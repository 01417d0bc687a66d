// The disassembler behind `coil --dis` (vm/disassembler.cpp): code objects
// printed as CPython 3.11's dis.dis prints them, reading everything it
// shows from vm/opcodes.def's table.
#pragma once

#include <string>

#include "runtime/object.h"

namespace coil {

// The listing of `code` (a CodeObject) and, after it, of every code object
// among its constants, recursively, each introduced by
// "Disassembly of <code object NAME, file "FILE", line N>:". Offsets and jump
// targets count code units (cache units included, though not shown). Code
// objects print without their address, so that the output is stable.
// With `positions`, each instruction line ends with its source span,
// "@line:col-end_line:end_col", and each listing tells its stack size (for
// comparing with CPython's co_positions and co_stacksize).
std::string disassemble(Value code, bool positions = false);

}  // namespace coil
