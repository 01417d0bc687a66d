// The import system (vm/import.cpp): sys.modules, native modules
// (stdlib/), modules compiled in from lib/, and .py modules and packages found on sys.path — the script's
// folder, then COILPATH's entries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"  // Value::type(), used inline by what includes this

namespace coil {

// sys.modules (a dict), made on first use.
Value modules_dict();
// sys.modules[name], or null.
Value lookup_module(std::string_view name);

// IMPORT_NAME / __import__(name, globals, locals, fromlist, level).
Ref import_name(Value name, Value globals, Value fromlist, Value level);
// Imports the absolute dotted `name` and returns the leaf module.
Ref import_module(std::string_view name);
// `module.name` after importing `module`: how native code reaches the parts
// of a module written in Python.
Ref import_attribute(std::string_view module, std::string_view name);

// A module written in Python and compiled into the binary (lib/, turned
// into a table by lib/embed.py at build time); the table ends with a null name.
struct EmbeddedModule {
  const char* name;  // dotted: "asyncio", "asyncio.tasks"
  bool package;
  const char* source;
};
extern const EmbeddedModule kEmbeddedModules[];

// The same modules compiled at build time (lib/freeze.cpp): each one's code
// object serialized (vm/marshal.h). A program that links the generated
// table registers it from a static initializer; the importer then runs
// these code objects instead of compiling the sources above (which stay,
// for COIL_LIB_DIR and for a table from another build, which the importer
// ignores). The table ends with a null name.
struct FrozenModule {
  const char* name;
  const char* data;
  size_t size;
};
void register_frozen_modules(const FrozenModule* table);
// The registered blob of the module `name` (any build's), or null.
const FrozenModule* find_frozen_module(std::string_view name);

// What `coil -m NAME` runs (runpy's _get_module_details): the code of the
// module NAME, or of NAME.__main__ when NAME is a package, found as an
// import would find it (its parent packages are imported) but not run.
struct MainModuleSource {
  std::string name;     // the module whose code it is: NAME or NAME.__main__
  std::string file;     // its path, or "<frozen NAME>" for a module of lib/
  std::string text;     // its source, decoded
  std::string package;  // __package__: the package it is in, or ""
  bool from_file = false;
};
// False with an exception pending (ImportError with runpy's messages).
bool find_main_module(std::string_view name, MainModuleSource& out);

// Runs `source` (the text of `path`) as the module `name` in `module`'s
// namespace. Used for the main script and for .py modules.
Ref exec_source_in_module(std::string_view source, std::string_view path, Value module);
// Runs the compiled module `code` in `module`'s namespace.
Ref exec_code_in_module(Value code, Value module);

}  // namespace coil

namespace coil {
struct SyntaxErrorInfo;
// Where the compiled source came from, which decides SyntaxError.text as in
// CPython: a module's file, or a string given to compile()/exec()/eval() —
// in "exec" mode CPython's tokenizer ends that string with a newline, so
// the text of an error on its last line has one.
enum class SyntaxErrorSource { File, ExecString, OtherString };

// Raises a SyntaxError (or IndentationError/TabError) instance for a
// front-end error, with CPython's attributes (filename, lineno, offset,
// text, end_lineno, end_offset).
void raise_syntax_error(const SyntaxErrorInfo& error, std::string_view filename, std::string_view source,
                        SyntaxErrorSource origin = SyntaxErrorSource::File);
}  // namespace coil
