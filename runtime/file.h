// File objects (runtime/file.cpp): what open() returns and what sys.stdin,
// sys.stdout and sys.stderr are — text files that encode and decode UTF-8
// (or latin-1/ascii), and binary files, over a C stdio stream.
#pragma once

#include <cstdio>
#include <string_view>

#include "runtime/native.h"
#include "runtime/object.h"

namespace coil {

extern Type text_file_type, binary_file_type;

// A file object over `stream` (not closed by the object when `borrowed`).
Ref make_std_file(std::FILE* stream, const char* name, const char* mode);
// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)
Ref file_open(Args args);
// True for coil's own text files (open() in text mode, sys.std*).
bool is_native_text_file(Value file);
// Writes `text` to a file object: directly for coil's own files, through
// its write() method otherwise.
bool file_write_text(Value file, std::string_view text);
// Flushes sys.stdout and sys.stderr (at exit).
void flush_std_streams();

}  // namespace coil
