// Running Jupyter notebooks (DESIGN §6): `coil NOTEBOOK.ipynb` runs the code
// cells in order in one namespace, on one event loop that lives across
// cells; `--check` compares each cell's output with the one stored in the
// notebook; `--execute` stores the outputs in it.
//
// A cell runs as top-level code (its `await`s on the top-level loop); its
// last statement, when an expression, is echoed as Jupyter echoes it. After
// the cell the loop keeps running the tasks it left — until none is left or
// `settle` seconds of loop time pass — as if a person paused before the next
// cell, and what they print belongs to the cell too.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/syntax_error.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/loop/loop.h"
#include "runtime/module.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/import.h"

namespace coil {

namespace {

using nlohmann::json;

struct CellOutput {
  std::string stdout_text;
  std::string stderr_text;
  std::string result;      // the echoed value's repr, if any
  std::string error;       // "Name: message", if the cell raised
  std::string error_name;
  std::string error_value;
  std::vector<std::string> traceback;  // the error as printed, a line each
  bool raised = false;
};

std::string joined(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  std::string text;
  if (value.is_array()) {
    for (const json& part : value) {
      if (part.is_string()) text += part.get<std::string>();
    }
  }
  return text;
}

// A notebook's string field, or "" when it is missing or not a string: the
// outputs stored in a notebook are read as leniently as Jupyter shows them.
std::string string_field(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto field = object.find(key);
  return field != object.end() && field->is_string() ? field->get<std::string>() : "";
}

bool is_text(const json& value) {
  if (value.is_string()) return true;
  if (!value.is_array()) return false;
  return std::all_of(value.begin(), value.end(), [](const json& part) { return part.is_string(); });
}

// Why `notebook` is not an nbformat 4 notebook coil can run, or "" if it is
// one: the parts coil reads must have the types the format gives them.
std::string notebook_problem(const json& notebook) {
  if (!notebook.is_object()) return "it is not a JSON object";
  auto version = notebook.find("nbformat");
  if (version == notebook.end() || !version->is_number_integer()) return "it has no nbformat version";
  if (*version != 4) return "it is nbformat " + version->dump() + ", and coil runs nbformat 4";
  auto cells = notebook.find("cells");
  if (cells == notebook.end() || !cells->is_array()) return "it has no list of cells";
  size_t index = 0;
  for (const json& cell : *cells) {
    std::string which = "cell " + std::to_string(++index) + " of the notebook ";
    if (!cell.is_object()) return which + "is not an object";
    auto type = cell.find("cell_type");
    if (type == cell.end() || !type->is_string()) return which + "has no cell_type";
    auto source = cell.find("source");
    if (source == cell.end() || !is_text(*source)) return which + "has no source text";
    if (*type != "code") continue;
    auto outputs = cell.find("outputs");
    if (outputs == cell.end()) continue;
    if (!outputs->is_array()) return which + "has outputs that are not a list";
    for (const json& output : *outputs) {
      if (!output.is_object() || !output.contains("output_type")) return which + "has an output that is not one";
    }
  }
  return "";
}

bool has_tag(const json& cell, const char* tag) {
  auto metadata = cell.find("metadata");
  if (metadata == cell.end() || !metadata->is_object()) return false;
  auto tags = metadata->find("tags");
  if (tags == metadata->end() || !tags->is_array()) return false;
  for (const json& t : *tags) {
    if (t.is_string() && t.get<std::string>() == tag) return true;
  }
  return false;
}

// What the notebook stores for a cell, in the same shape as a run's.
CellOutput stored_output(const json& cell) {
  CellOutput out;
  auto outputs = cell.find("outputs");
  if (outputs == cell.end() || !outputs->is_array()) return out;
  for (const json& o : *outputs) {
    std::string type = string_field(o, "output_type");
    if (type == "stream") {
      std::string text = joined(o.value("text", json()));
      (string_field(o, "name") == "stderr" ? out.stderr_text : out.stdout_text) += text;
    } else if (type == "execute_result") {
      auto data = o.find("data");
      if (data != o.end() && data->is_object() && data->contains("text/plain")) {
        out.result = joined((*data)["text/plain"]);
      }
    } else if (type == "error") {
      out.raised = true;
      out.error_name = string_field(o, "ename");
      out.error_value = string_field(o, "evalue");
      out.error = out.error_name + ": " + out.error_value;
    }
  }
  return out;
}

// Captures what is written to file descriptors 1 and 2 while a cell runs.
class Capture {
 public:
  void start() {
    flush_std_streams();
    std::fflush(stdout);
    std::fflush(stderr);
    for (int i = 0; i < 2; ++i) {
      m_files[i] = std::tmpfile();
      m_saved[i] = dup(i + 1);
      if (m_files[i] != nullptr && m_saved[i] >= 0) dup2(fileno(m_files[i]), i + 1);
    }
  }
  void stop(std::string& out, std::string& err) {
    flush_std_streams();
    std::fflush(stdout);
    std::fflush(stderr);
    std::string* texts[2] = {&out, &err};
    for (int i = 0; i < 2; ++i) {
      if (m_saved[i] >= 0) {
        dup2(m_saved[i], i + 1);
        close(m_saved[i]);
        m_saved[i] = -1;
      }
      if (m_files[i] != nullptr) {
        std::rewind(m_files[i]);
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, m_files[i])) > 0) texts[i]->append(buffer, n);
        std::fclose(m_files[i]);
        m_files[i] = nullptr;
      }
    }
  }

 private:
  std::FILE* m_files[2] = {nullptr, nullptr};
  int m_saved[2] = {-1, -1};
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The byte offset in `text` of (line, column), both as the AST counts them.
size_t offset_of(std::string_view text, int line, int column) {
  size_t offset = 0;
  for (int l = 1; l < line && offset < text.size(); ++l) {
    size_t newline = text.find('\n', offset);
    if (newline == std::string_view::npos) return text.size();
    offset = newline + 1;
  }
  return std::min(text.size(), offset + size_t(column));
}

// Splits a cell into the statements to execute and its last statement when
// that is an expression to echo (not when it ends with ';', as Jupyter; but
// `a = 3; a` echoes a, as there).
void split_cell(const std::string& source, std::string& body, std::string& last_expression) {
  body = source;
  last_expression.clear();
  Arena arena;
  ParseResult parsed = parse_module(source, arena);
  if (!parsed.ok || parsed.module->body.empty()) return;
  ast::StmtNode* last = parsed.module->body[parsed.module->body.size - 1];
  if (last->node_kind != ast::StmtKind::Expr) return;
  size_t start = offset_of(source, last->loc.lineno, last->loc.col_offset);
  size_t end = offset_of(source, last->loc.end_lineno, last->loc.end_col_offset);
  std::string rest = source.substr(end);
  size_t semicolon = rest.find_first_not_of(" \t");
  if (semicolon != std::string::npos && rest[semicolon] == ';') return;
  // The body keeps its lines; the expression keeps its line numbers, and its
  // column too when statements precede it on its line: "(" and spaces stand
  // for them, as an expression to evaluate cannot start indented.
  body = source.substr(0, start);
  last_expression = std::string(size_t(std::count(body.begin(), body.end(), '\n')), '\n');
  if (last->loc.col_offset == 0) {
    last_expression += source.substr(start);
  } else {
    last_expression += "(" + std::string(size_t(last->loc.col_offset) - 1, ' ') + source.substr(start, end - start) + ")";
  }
}

Ref compile_cell(const std::string& text, const std::string& filename, CompileMode mode, std::string& error_text,
                 SyntaxErrorInfo& error) {
  Ref code = compile_source(text, filename, mode, true, error);
  if (!code) {
    error_text = format_syntax_error(error, filename, text);
    return {};
  }
  code_set_source(code, text);
  return code;
}

// Runs one cell; fills `out` with its echoed result and error.
void run_cell(const std::string& source, int number, Value dict, double settle, bool print_errors, CellOutput& out) {
  std::string filename = "<cell " + std::to_string(number) + ">";
  std::string body, expression;
  split_cell(source, body, expression);
  auto fail = [&](Ref exception) {
    out.raised = true;
    Ref type_name_ref = make_str(type_name(exception.type()));
    Ref message = str(exception);
    if (!message) clear_exception();
    out.error_name = std::string(type_name(exception.type()));
    out.error_value = message ? std::string(str_view(message)) : "";
    out.error = out.error_name + ": " + out.error_value;
    out.traceback = lines_of(format_exception(exception));
    if (print_errors) {
      flush_std_streams();
      print_exception(exception);
    }
  };
  std::string syntax_error;
  SyntaxErrorInfo syntax_error_info;
  Ref code = compile_cell(body, filename, CompileMode::Exec, syntax_error, syntax_error_info);
  Ref expression_code;
  if (code && !expression.empty()) {
    expression_code = compile_cell(expression, filename, CompileMode::Eval, syntax_error, syntax_error_info);
    // Its lines and columns are the cell's: a traceback shows the cell's line.
    if (expression_code) code_set_source(expression_code, source);
  }
  if (!code || (!expression.empty() && !expression_code)) {
    // A SyntaxError: the exception the cell shows.
    Ref saved = fetch_exception();
    out.raised = true;
    out.error_name = "SyntaxError";
    size_t colon = syntax_error.rfind(": ");
    std::string last_line = syntax_error.substr(syntax_error.rfind('\n', syntax_error.size() - 2) + 1);
    if (last_line.rfind("SyntaxError: ", 0) != 0 && last_line.find("Error: ") != std::string::npos) {
      out.error_name = last_line.substr(0, last_line.find(':'));
    }
    colon = last_line.find(": ");
    out.error_value = colon == std::string::npos ? "" : last_line.substr(colon + 2);
    while (!out.error_value.empty() && out.error_value.back() == '\n') out.error_value.pop_back();
    // The message as str() of the SyntaxError gives it (Jupyter's evalue).
    if (syntax_error_info.lineno > 0) {
      out.error_value += " (" + filename + ", line " + std::to_string(syntax_error_info.lineno) + ")";
    }
    out.error = out.error_name + ": " + out.error_value;
    out.traceback = lines_of(syntax_error);
    if (print_errors) std::fputs(syntax_error.c_str(), stderr);
    return;
  }
  set_top_level_running(true);
  Ref result = run_top_level(code, dict);
  if (result && expression_code) result = run_top_level(expression_code, dict);
  if (!result) {
    fail(fetch_exception());
  } else if (expression_code && !is_none(result)) {
    Ref text = repr(result);
    if (!text) {
      fail(fetch_exception());
    } else {
      out.result = std::string(str_view(text));
      Value builtins = lookup_module("builtins");
      if (builtins) setattr(builtins, "_", result);
      clear_exception();
      // Shown when the cell ends, before what its tasks print during the
      // pause after it, as Jupyter shows a cell's result.
      if (print_errors) {
        flush_std_streams();
        std::printf("%s\n", out.result.c_str());
        std::fflush(stdout);
      }
    }
  }
  if (!settle_top_level_loop(settle)) fail(fetch_exception());
  set_top_level_running(false);
}


// Numbers in `line` replaced by a marker, and collected in order.
std::string without_numbers(const std::string& line, std::vector<double>& numbers) {
  std::string shape;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    bool starts_number = std::isdigit(static_cast<unsigned char>(c)) ||
                         (c == '.' && i + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[i + 1])));
    if (starts_number) {
      size_t end = i;
      while (end < line.size() && (std::isdigit(static_cast<unsigned char>(line[end])) || line[end] == '.')) ++end;
      numbers.push_back(std::strtod(line.substr(i, end - i).c_str(), nullptr));
      shape += '#';
      i = end;
    } else {
      shape += c;
      ++i;
    }
  }
  return shape;
}

// approx-output: the same text with every number within 10%.
bool approximately_equal(const std::string& a, const std::string& b) {
  std::vector<double> x, y;
  if (without_numbers(a, x) != without_numbers(b, y) || x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    double scale = std::max(std::fabs(x[i]), std::fabs(y[i]));
    if (std::fabs(x[i] - y[i]) > 0.1 * scale + 1e-9) return false;
  }
  return true;
}

bool texts_match(const std::string& expected, const std::string& actual, bool unordered, bool approximate) {
  std::vector<std::string> a = lines_of(expected), b = lines_of(actual);
  if (unordered) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
  }
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (approximate && approximately_equal(a[i], b[i])) continue;
    return false;
  }
  return true;
}

void print_difference(const char* what, const std::string& expected, const std::string& actual) {
  std::printf("  %s:\n", what);
  for (const std::string& line : lines_of(expected)) std::printf("  - %s\n", line.c_str());
  for (const std::string& line : lines_of(actual)) std::printf("  + %s\n", line.c_str());
}

// What a cell's file is called differs between Jupyter (a temporary file
// of the kernel) and coil ("<cell N>"): warnings name it, and a SyntaxError's
// message ends with "(FILE, line N)". Both are compared without it.
std::string without_cell_file(const std::string& text) {
  std::string out;
  for (const std::string& line : lines_of(text)) {
    std::string l = line;
    size_t colon = l.find(".py:");
    bool kernel_file = l.rfind("/tmp/ipykernel_", 0) == 0 && colon != std::string::npos;
    bool coil_cell = l.rfind("<cell ", 0) == 0 && l.find(">:") != std::string::npos;
    if (kernel_file) l = "<cell>" + l.substr(colon + 3);
    if (coil_cell) l = "<cell>" + l.substr(l.find(">:") + 1);
    out += l + "\n";
  }
  return out;
}

std::string without_syntax_error_location(const CellOutput& out) {
  const std::string& name = out.error_name;
  if (name != "SyntaxError" && name != "IndentationError" && name != "TabError") return out.error;
  std::string value = out.error_value;
  size_t open = value.rfind(" (");
  if (open != std::string::npos && value.back() == ')' && value.find(", line ", open) != std::string::npos) {
    value = value.substr(0, open);
  }
  return name + ": " + value;
}

// Compares a run's output with the stored one; prints what differs.
bool check_cell(const json& cell, int number, const CellOutput& expected, const CellOutput& actual) {
  bool unordered = has_tag(cell, "unordered-output");
  bool approximate = has_tag(cell, "approx-output");
  bool same_stdout = texts_match(expected.stdout_text, actual.stdout_text, unordered, approximate);
  bool same_stderr = texts_match(without_cell_file(expected.stderr_text), without_cell_file(actual.stderr_text),
                                 unordered, approximate);
  bool same_result = texts_match(expected.result, actual.result, false, approximate);
  bool same_error = without_syntax_error_location(expected) == without_syntax_error_location(actual);
  if (same_stdout && same_stderr && same_result && same_error) return true;
  std::printf("cell %d differs (- stored, + coil):\n", number);
  if (!same_stdout) print_difference("stdout", expected.stdout_text, actual.stdout_text);
  if (!same_stderr) print_difference("stderr", expected.stderr_text, actual.stderr_text);
  if (!same_result) print_difference("result", expected.result, actual.result);
  if (!same_error) print_difference("error", expected.error, actual.error);
  return false;
}

json outputs_json(const CellOutput& out, int execution_count) {
  json outputs = json::array();
  auto stream = [&](const char* name, const std::string& text) {
    if (text.empty()) return;
    json lines = json::array();
    size_t start = 0;
    while (start < text.size()) {
      size_t newline = text.find('\n', start);
      size_t end = newline == std::string::npos ? text.size() : newline + 1;
      lines.push_back(text.substr(start, end - start));
      start = end;
    }
    outputs.push_back({{"name", name}, {"output_type", "stream"}, {"text", lines}});
  };
  stream("stdout", out.stdout_text);
  stream("stderr", out.stderr_text);
  if (!out.result.empty()) {
    outputs.push_back({{"data", {{"text/plain", out.result}}},
                       {"execution_count", execution_count},
                       {"metadata", json::object()},
                       {"output_type", "execute_result"}});
  }
  if (out.raised) {
    outputs.push_back({{"ename", out.error_name},
                       {"evalue", out.error_value},
                       {"output_type", "error"},
                       {"traceback", out.traceback}});
  }
  return outputs;
}

}  // namespace

int run_notebook(const std::string& path, NotebookMode mode, double settle) {
  json notebook;
  try {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::fprintf(stderr, "coil: %s is not a notebook: it is a folder\n", path.c_str());
      return 1;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "coil: can't open file '%s'\n", path.c_str());
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    notebook = json::parse(text.str());
  } catch (const std::exception& e) {
    // Not JSON (or not UTF-8, or a folder): as any other malformed notebook.
    std::fprintf(stderr, "coil: %s is not a notebook: %s\n", path.c_str(), e.what());
    return 1;
  }
  std::string problem = notebook_problem(notebook);
  if (!problem.empty()) {
    std::fprintf(stderr, "coil: %s is not a notebook: %s\n", path.c_str(), problem.c_str());
    return 1;
  }
  set_stack_limit();
  if (!init_runtime()) return report_uncaught_exception();
  install_signal_handlers();
  Ref dict;
  if (!prepare_main(path, path, {}, dict)) return report_uncaught_exception();
  // Cells are not files: the namespace has no __file__, as in Jupyter.
  dict_delitem(dict, make_str("__file__"));
  clear_exception();
  int number = 0;
  int execution_count = 0;
  bool failed = false;
  for (json& cell : notebook["cells"]) {
    if (string_field(cell, "cell_type") != "code") continue;
    ++number;
    if (has_tag(cell, "nbval-skip")) continue;
    std::string source = joined(cell.value("source", json()));
    CellOutput out;
    Capture capture;
    bool capturing = mode != NotebookMode::Run;
    if (capturing) capture.start();
    run_cell(source, number, dict, settle, !capturing, out);
    if (capturing) capture.stop(out.stdout_text, out.stderr_text);
    ++execution_count;
    if (mode == NotebookMode::Run) {
      if (out.raised && !has_tag(cell, "raises-exception")) failed = true;
    } else if (mode == NotebookMode::Check) {
      if (!has_tag(cell, "nbval-ignore-output") && !check_cell(cell, number, stored_output(cell), out)) failed = true;
      if (out.raised && !has_tag(cell, "raises-exception")) {
        // As nbval: a cell's error is a failure unless the cell says it is expected.
        std::printf("cell %d raised %s, and is not tagged raises-exception\n", number, out.error.c_str());
        failed = true;
      }
    } else {
      cell["outputs"] = outputs_json(out, execution_count);
      cell["execution_count"] = execution_count;
      if (out.raised && !has_tag(cell, "raises-exception")) failed = true;
    }
  }
  join_threads_at_exit();
  finalize_main_module(std::move(dict));
  flush_std_streams();
  if (mode == NotebookMode::Execute) {
    // What cells printed need not be UTF-8 (os.write); JSON must be, so
    // such bytes are stored as U+FFFD, as Jupyter shows them.
    std::string text = notebook.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      std::fprintf(stderr, "coil: can't write %s\n", path.c_str());
      return 1;
    }
  }
  if (mode == NotebookMode::Check) {
    std::printf("%s: %s\n", path.c_str(), failed ? "differs" : "every cell matches");
  }
  return failed ? 1 : 0;
}

}  // namespace coil
