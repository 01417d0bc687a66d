// The commands of coil's command line beyond the front-end dumps.
#pragma once

#include <string>
#include <vector>

#include "runtime/type.h"

namespace coil {

// `coil SCRIPT ARGS…`: runs the script as __main__ (cli/run.cpp). `path` is
// the absolute path, `as_given` what the user typed (sys.argv[0]), `text`
// the decoded source; `byte_offsets` as parse_module takes it.
int run_script(const std::string& path, const std::string& as_given, const std::string& text,
               bool byte_offsets, const std::vector<std::string>& args);
// `coil -m MODULE ARGS…`: runs the module (a package's __main__) as
// __main__, found on sys.path, which starts with the working directory.
int run_module(const std::string& name, const std::vector<std::string>& args);

// `coil NOTEBOOK.ipynb`, `coil --check NOTEBOOK.ipynb`, `coil --execute
// NOTEBOOK.ipynb` (cli/notebook.cpp). `settle`: seconds of loop time the
// loop may keep running after each cell for the tasks it left.
enum class NotebookMode { Run, Check, Execute };
int run_notebook(const std::string& path, NotebookMode mode, double settle);

// `coil` with a terminal on stdin: the interactive REPL (cli/repl.cpp).
// Returns the exit status.
int run_repl();

// The pieces of running a program that scripts and notebooks share
// (cli/run.cpp).
void set_stack_limit();
// Sets sys.argv and sys.path and makes the module __main__; its namespace
// in `main_dict`. sys.path[0] is the script's folder, or `path_entry` if
// given. False with an exception pending.
bool prepare_main(const std::string& path, const std::string& as_given, const std::vector<std::string>& args,
                  Ref& main_dict, const std::string* path_entry = nullptr);
// Runs top-level code in `dict`, awaiting on the top-level loop if it awaits.
Ref run_top_level(Value code, Value dict);
// Runs the top-level loop while it has work, for at most `seconds` of loop
// time; while a task still waits, that much loop time passes.
bool settle_top_level_loop(double seconds);
// Sets every name of __main__'s namespace to None as CPython does at exit,
// so that what only it held is finalized.
void clear_main_namespace(Value dict);
// The end of a run, as CPython's finalization: a collection if the
// collector is enabled; then __main__ leaves sys.modules and `main_dict`
// is dropped, and a collection (enabled or not) finalizes and frees what
// only the module's namespace kept; a namespace still alive after that
// has its names cleared (clear_main_namespace).
void finalize_main_module(Ref main_dict);
// Joins the non-daemon threads at exit, then runs the atexit callbacks, as
// CPython (cli/run.cpp).
void join_threads_at_exit();
// Prints the pending exception as an uncaught one; returns the exit status.
int report_uncaught_exception();

// `coil --dis FILE` (cli/dis_command.cpp).
int dis_main(const char* path);

}  // namespace coil
