// coil's command line: argument handling and the front-end stages that can
// be looked at on their own (DESIGN §6).
//
//   coil --tokens FILE        the token stream
//   coil --ast FILE           the syntax tree, as CPython's ast.dump prints it
//   coil --ast-positions FILE the same with every node's position
//   coil --symtable FILE      the scopes and the names in each
//   coil --parse FILE…        parse each file and report only errors (for benchmarks)
//   coil                      the REPL (cli/repl.cpp) when stdin is a terminal
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/syntax_error.h"
#include "vm/symtable.h"
#include "cli/commands.h"
#include "runtime/loop/clock.h"

namespace coil {
extern std::vector<std::string> g_sys_orig_argv;  // stdlib/sys.cpp
}

namespace {

const char kUsage[] =
    "usage: coil [option] [file]\n"
    "  (no arguments)        the interactive REPL; with stdin not a terminal, run stdin\n"
    "  --tokens FILE         print the token stream of FILE\n"
    "  --ast FILE            print the syntax tree of FILE as ast.dump() prints it\n"
    "  --ast-positions FILE  the same, with line and column of every node\n"
    "  --symtable FILE       print the symbol table of FILE: scopes and their names\n"
    "  --dis FILE            disassemble FILE's bytecode, as CPython's dis module shows it\n"
    "  --parse FILE...       parse each FILE, printing only syntax errors\n"
    "  -c CODE               run CODE as the program (sys.argv[0] is '-c')\n"
    "  -m MODULE             run MODULE (a package's __main__) as the program\n"
    "  -                     run the program read from stdin\n"
    "  --virtual-time        a simulated clock: sleeps and timers take no real time\n"
    "  NOTEBOOK.ipynb        run a notebook's code cells in order, printing their output\n"
    "  --check NOTEBOOK      run it and compare each cell's output with the stored one\n"
    "  --execute NOTEBOOK    run it and store the outputs in it\n"
    "  --settle SECONDS      loop time tasks may run on after each cell (default 60)\n"
    "  -h, --help            show this help\n";

bool read_file(const std::string& path, std::string& bytes) {
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  char chunk[65536];
  size_t count;
  while ((count = std::fread(chunk, 1, sizeof chunk, file)) > 0) bytes.append(chunk, count);
  bool ok = !std::ferror(file);  // reading a directory fails here, with EISDIR
  std::fclose(file);
  return ok;
}

// A source file, decoded.
struct Source {
  std::string text;
  // No BOM or coding declaration: CPython then counts its parser's error
  // offsets in bytes (see parse_module).
  bool byte_offsets = false;
};

// Reads and decodes FILE. Returns 0, or the exit status after printing
// CPython's message: 2 when the file cannot be read, 1 for a decoding error.
int load_source(const std::string& path, Source& source) {
  std::string bytes;
  if (!read_file(path, bytes)) {
    std::fprintf(stderr, "coil: can't open file '%s': [Errno %d] %s\n", path.c_str(), errno,
                 std::strerror(errno));
    return 2;
  }
  coil::SyntaxErrorInfo error;
  bool declared = false;
  if (!coil::decode_source(bytes, source.text, error, &declared)) {
    std::fputs(coil::format_syntax_error(error, path, bytes).c_str(), stderr);
    return 1;
  }
  source.byte_offsets = !declared;
  return 0;
}

// Parses `source`; on a SyntaxError prints it and returns null.
coil::ast::Module* parse(const std::string& path, const Source& source, coil::Arena& arena) {
  coil::ParseResult result = coil::parse_module(source.text, arena, source.byte_offsets);
  if (!result.ok) {
    std::fputs(coil::format_syntax_error(result.error, path, source.text).c_str(), stderr);
    return nullptr;
  }
  return result.module;
}

int show_tokens(const std::string& path) {
  Source source;
  if (int status = load_source(path, source)) return status;
  std::string out;
  coil::SyntaxErrorInfo error;
  bool ok = coil::dump_tokens(source.text, out, error);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!ok) {
    std::fflush(stdout);
    std::fputs(coil::format_syntax_error(error, path, source.text).c_str(), stderr);
    return 1;
  }
  return 0;
}

int show_symtable(const std::string& path) {
  Source source;
  if (int status = load_source(path, source)) return status;
  coil::Arena arena;
  coil::ast::Module* module = parse(path, source, arena);
  if (module == nullptr) return 1;
  coil::SymbolTable table;
  coil::SyntaxErrorInfo error;
  if (!coil::build_symtable(*module, source.text, table, error)) {
    std::fputs(coil::format_syntax_error(error, path, source.text).c_str(), stderr);
    return 1;
  }
  std::string out = coil::dump_symtable(table);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// Parses one file; prints its tree when `dump` is set. Returns the exit status.
int parse_file(const std::string& path, bool dump, bool positions) {
  Source source;
  if (int status = load_source(path, source)) return status;
  coil::Arena arena;
  coil::ast::Module* module = parse(path, source, arena);
  if (module == nullptr) return 1;
  if (dump) {
    std::string out = coil::ast::dump(*module, positions);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  coil::g_sys_orig_argv.assign(argv, argv + argc);
  // Options that combine with running a program come first.
  double settle = 60;
  while (!args.empty() && (args[0] == "--virtual-time" || args[0] == "--settle")) {
    if (args[0] == "--settle") {
      char* end = nullptr;
      if (args.size() < 2 || (settle = std::strtod(args[1].c_str(), &end), *end != '\0') || settle < 0) {
        std::fputs("coil: --settle takes a number of seconds\n", stderr);
        return 2;
      }
      args.erase(args.begin());
    } else {
      coil::clock_set_virtual(true);
    }
    args.erase(args.begin());
  }
  if (args.empty()) {
    // As CPython: the REPL on a terminal, else the program stdin holds.
    if (isatty(STDIN_FILENO)) return coil::run_repl();
    args.push_back("-");
  }
  const std::string& option = args[0];
  if (option == "-h" || option == "--help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if ((option == "--tokens" || option == "--ast" || option == "--ast-positions" ||
       option == "--symtable") &&
      args.size() == 2) {
    if (option == "--tokens") return show_tokens(args[1]);
    if (option == "--symtable") return show_symtable(args[1]);
    return parse_file(args[1], true, option == "--ast-positions");
  }
  if (option == "--dis" && args.size() == 2) return coil::dis_main(args[1].c_str());
  if (option == "--parse" && args.size() >= 2) {
    int status = 0;
    for (size_t i = 1; i < args.size(); ++i)
      if (parse_file(args[i], false, false) != 0) status = 1;
    return status;
  }
  if ((option == "--check" || option == "--execute") && args.size() == 2) {
    return coil::run_notebook(args[1], option == "--check" ? coil::NotebookMode::Check : coil::NotebookMode::Execute,
                              settle);
  }
  if (option.size() > 6 && option.compare(option.size() - 6, 6, ".ipynb") == 0) {
    return coil::run_notebook(option, coil::NotebookMode::Run, settle);
  }
  if (option == "-c") {
    if (args.size() < 2) {
      std::fputs("Argument expected for the -c option\n", stderr);
      return 2;
    }
    std::vector<std::string> script_args(args.begin() + 2, args.end());
    return coil::run_script("<string>", "-c", args[1], false, script_args);
  }
  if (option == "-m") {
    if (args.size() < 2) {
      std::fputs("Argument expected for the -m option\n", stderr);
      return 2;
    }
    std::vector<std::string> module_args(args.begin() + 2, args.end());
    return coil::run_module(args[1], module_args);
  }
  if (!option.empty() && option[0] == '-' && option != "-") {
    std::fprintf(stderr, "coil: unknown option %s\n%s", option.c_str(), kUsage);
    return 2;
  }
  // As CPython since 3.9, the script's path is made absolute (joined to
  // the working directory, not normalized).
  std::string script = option;
  if (script != "-" && !script.empty() && script[0] != '/') {
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(script, error);
    if (!error) script = absolute.string();
  }
  Source source;
  if (int status = load_source(script, source)) return status;
  std::vector<std::string> script_args(args.begin() + 1, args.end());
  if (script == "-") script = "<stdin>";
  return coil::run_script(script, option, source.text, source.byte_offsets, script_args);
}
