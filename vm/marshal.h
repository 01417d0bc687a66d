// The serialized form of code objects (vm/marshal.cpp): how the build
// freezes the modules of lib/ into the binary as compiled code (lib/freeze.cpp
// writes them, vm/import.cpp reads them back), so that importing one does not
// lex, parse and compile its source at every start. The role of CPython's
// marshal and .pyc files, in coil's own format.
//
// A blob is a header — the magic "coil", the format version and a hash of
// the instruction set (vm/opcodes.def as this binary was compiled) — then
// one value: a code object with everything a fresh compile gives it, and its
// constants of every kind the compiler emits (None, Ellipsis, bool, int of
// any size, float, complex, str, bytes, tuple, frozenset, code). Objects
// that occur more than once are written once and referred to after that, so
// the read value shares what the written one shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil {

// Bumped whenever the layout below the header changes.
inline constexpr uint32_t kMarshalVersion = 2;

// The hash of the instruction table this binary was compiled with: a blob
// written by a binary with other opcodes is refused.
uint64_t marshal_opcode_hash();

// Appends `value`'s blob (header included) to `out`. False with a TypeError
// pending for a value of a kind the format does not hold.
bool marshal_value(Value value, std::string& out);

// The value a blob holds, or null with a ValueError pending when `data` is
// not a whole, well-formed blob of this format, version and instruction set.
Ref unmarshal_value(std::string_view data);

// True if `data` starts with the header this binary writes.
bool marshal_header_matches(std::string_view data);

}  // namespace coil
