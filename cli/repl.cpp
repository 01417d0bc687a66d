// The interactive REPL (DESIGN §6): `coil` with a terminal on stdin.
//
// It is a notebook fed one statement at a time (DESIGN §3): each complete
// input is compiled as CPython's REPL compiles it (`single` mode, so an
// expression statement's value goes through sys.displayhook, which echoes
// its repr and keeps it in builtins._) with top-level `await` allowed, and
// runs on the top-level loop when it awaits. Between inputs that loop keeps
// running: the prompt waits on stdin with poll() only until the loop's next
// timer, so a task started at the prompt goes on printing while a line is
// being typed. Line editing and history come from libedit, through its
// callback interface (rl_callback_handler_install / rl_callback_read_char),
// which is what lets the wait be ours.
//
// When an input is complete is decided as CPython's codeop decides it: the
// text so far is parsed; if the parse fails at the end of the text (an
// unclosed bracket, a header with no body yet, a trailing backslash, an open
// triple-quoted string, a decorator with nothing under it) the REPL asks for
// more with "... "; a compound statement ends with an empty line.
#include <editline/readline.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/syntax_error.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/list.h"
#include "runtime/loop/clock.h"
#include "runtime/loop/io.h"
#include "runtime/loop/loop.h"
#include "runtime/module.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "vm/compiler.h"
#include "vm/import.h"

namespace coil {

namespace {

const char kFilename[] = "<stdin>";

// --- Reading a line while the loop runs -------------------------------------------------

// Set by the SIGINT handler the REPL installs while it waits for input.
volatile sig_atomic_t g_interrupted = 0;

void on_sigint(int) { g_interrupted = 1; }

// What libedit's callback handed over for the line being read.
struct PendingLine {
  bool done = false;
  bool end_of_file = false;
  std::string text;
};
PendingLine g_pending;

void on_line(char* line) {
  g_pending.done = true;
  if (line == nullptr) {
    g_pending.end_of_file = true;
  } else {
    g_pending.text = line;
    std::free(line);
  }
  // The terminal goes back to its ordinary mode before the line's code runs.
  rl_callback_handler_remove();
}

enum class Input { Line, EndOfFile, Interrupt, Exit };

// The REPL's session: the namespace, and an exit status once something
// asked to leave (SystemExit).
struct Session {
  Ref dict;
  int exit_status = 0;
};

// The REPL's SIGINT handler, installed only while it waits for input; code
// runs under the disposition it replaced.
struct SigintGuard {
  struct sigaction previous {};
  SigintGuard() { install(); }
  ~SigintGuard() { uninstall(); }
  void install() {
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: poll() returns EINTR
    sigaction(SIGINT, &action, &previous);
  }
  void uninstall() { sigaction(SIGINT, &previous, nullptr); }
};

// Handles an exception that code run by the REPL left pending: SystemExit
// ends the session (false), anything else is printed.
bool report_exception(Session& session) {
  flush_std_streams();
  if (exception_matches(&system_exit_type)) {
    session.exit_status = report_uncaught_exception();
    return false;
  }
  Ref exception = fetch_exception();
  if (isinstance(exception, &keyboard_interrupt_type)) {
    // Ctrl-C stopped the statement (its task was cancelled): as the asyncio
    // REPL, a line of its own and no traceback.
    std::fputs("\nKeyboardInterrupt\n", stderr);
    std::fflush(stderr);
    return true;
  }
  print_exception(exception);
  flush_std_streams();
  return true;
}

// The top-level loop when it exists and may run.
EventLoopObject* live_loop() {
  Value loop_value = top_level_loop();
  if (!loop_value) return nullptr;
  auto* loop = loop_value.as<EventLoopObject>();
  return loop->m_closed || loop->m_running ? nullptr : loop;
}

// Whether the loop has callbacks to run now.
bool loop_is_due(EventLoopObject* loop) {
  if (!loop->m_ready.empty()) return true;
  return !loop->m_timers.empty() && loop->m_timers.front().when <= clock_monotonic();
}

// One iteration of the top-level loop, with the code it runs under the
// previous SIGINT handler. False when it raised SystemExit.
bool run_loop_once(EventLoopObject* loop, Session& session) {
  Ref keep_loop = ref(Value(loop));
  loop->m_running = true;
  bool ok = loop_run_once(loop, false);
  loop->m_running = false;
  flush_std_streams();
  if (!ok) return report_exception(session);
  return true;
}

// Runs, before a prompt, the callbacks that are ready (a task just created
// starts, and what it prints comes before the prompt). Bounded, so that a
// task that never waits on a timer cannot keep the prompt away.
bool run_ready_callbacks(Session& session) {
  for (int i = 0; i < 100; ++i) {
    EventLoopObject* loop = live_loop();
    if (loop == nullptr || loop->m_ready.empty()) break;
    if (!run_loop_once(loop, session)) return false;
  }
  return true;
}

// Runs the loop's due callbacks while a line is being edited: the prompt and
// the partial line are taken off the screen, what the callbacks print goes
// in their place, and libedit draws the line again below it.
bool run_loop_under_prompt(EventLoopObject* loop, Session& session, bool io_ready = false) {
  std::fflush(stdout);
  std::fputs("\r\x1b[K", stdout);
  std::fflush(stdout);
  // The iterations due now run under one redisplay (a timer that fires
  // wakes its task in the next iteration).
  bool ok = !io_ready || run_loop_once(loop, session);
  for (int i = 0; ok && i < 100 && loop_is_due(loop); ++i) ok = run_loop_once(loop, session);
  std::fflush(stdout);
  std::fflush(stderr);
  if (ok) rl_forced_update_display();
  return ok;
}

// Whether the terminal went away with nothing left to read (libedit reads
// nothing then and reports nothing, so the prompt would wait on forever).
bool terminal_hung_up(short revents) {
  if (!(revents & (POLLHUP | POLLERR | POLLNVAL))) return false;
  int pending = 0;
  return ioctl(STDIN_FILENO, FIONREAD, &pending) != 0 || pending == 0;
}

// Reads one line with `prompt`, running the top-level loop meanwhile.
Input read_line(const std::string& prompt, std::string& line, Session& session) {
  g_pending = PendingLine();
  g_interrupted = 0;
  std::fflush(stdout);
  SigintGuard guard;
  rl_callback_handler_install(prompt.c_str(), on_line);
  for (;;) {
    if (g_interrupted) {
      rl_callback_handler_remove();
      return Input::Interrupt;
    }
    EventLoopObject* loop = live_loop();
    int timeout_ms = -1;
    double deadline = 0;
    // With other threads, their call_soon_threadsafe() ends the wait (through
    // libuv's descriptor, polled below): the waker is set before the loop is
    // looked at, and a thread can only add to the loop while the GIL is let go.
    bool wakeable = loop != nullptr && g_threads_started;
    if (wakeable) {
      loop->m_waker = io_current_state();
      io_arm_wakeup();
    }
    if (loop != nullptr) {
      if (loop_is_due(loop)) {
        guard.uninstall();
        bool ok = run_loop_under_prompt(loop, session);
        guard.install();
        if (!ok) {
          rl_callback_handler_remove();
          return Input::Exit;
        }
        continue;
      }
      if (!loop->m_timers.empty()) {
        deadline = loop->m_timers.front().when;
        double wait = std::max(0.0, deadline - clock_monotonic());
        timeout_ms = int(std::min(wait * 1000, 3600e3)) + 1;
      }
    }
    double start = clock_real_monotonic();
    // The terminal, and libuv's descriptor while the loop has I/O objects
    // (a server started at the prompt serves while the prompt waits).
    struct pollfd sources[2] = {{STDIN_FILENO, POLLIN, 0}, {io_backend_fd(), POLLIN, 0}};
    bool with_io = loop != nullptr && (io_active() || wakeable) && sources[1].fd >= 0;
    int count;
    {
      ReleaseGil release;  // other threads run while the prompt waits
      count = poll(sources, with_io ? 2 : 1, timeout_ms);
    }
    if (wakeable) loop->m_waker = nullptr;
    const struct pollfd& input = sources[0];
    if (count > 0 && with_io && (sources[1].revents & POLLIN) && !(input.revents & POLLIN)) {
      guard.uninstall();
      bool ok = run_loop_under_prompt(loop, session, true);
      guard.install();
      if (!ok) {
        rl_callback_handler_remove();
        return Input::Exit;
      }
      continue;
    }
    if (clock_is_virtual() && deadline > 0) {
      // At the prompt the simulated clock follows the person typing: it
      // moves as real time does, up to the timer being waited for.
      double elapsed = clock_real_monotonic() - start;
      double target = count == 0 ? deadline : std::min(deadline, clock_monotonic() + elapsed);
      clock_advance_to(target);
    }
    if (count < 0) {
      if (errno == EINTR) continue;
      rl_callback_handler_remove();
      return Input::EndOfFile;
    }
    if (count == 0) continue;
    if (!(input.revents & POLLIN) || terminal_hung_up(input.revents)) {
      rl_callback_handler_remove();
      return Input::EndOfFile;
    }
    rl_callback_read_char();
    if (g_pending.done) break;
  }
  if (g_pending.end_of_file) return Input::EndOfFile;
  line = g_pending.text;
  return Input::Line;
}

// --- Deciding when an input is complete -------------------------------------------------

// Empty: blank lines and comments only, which CPython's interactive loop
// reads as nothing to run (compile() in "single" mode would refuse them).
enum class Completeness { Complete, Incomplete, Invalid, Empty };

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\f\r") == std::string::npos; }

bool is_compound(const ast::StmtNode* statement) {
  switch (statement->node_kind) {
    case ast::StmtKind::FunctionDef: case ast::StmtKind::AsyncFunctionDef: case ast::StmtKind::ClassDef:
    case ast::StmtKind::If: case ast::StmtKind::For: case ast::StmtKind::AsyncFor:
    case ast::StmtKind::While: case ast::StmtKind::With: case ast::StmtKind::AsyncWith:
    case ast::StmtKind::Try: case ast::StmtKind::TryStar: case ast::StmtKind::Match:
      return true;
    default:
      return false;
  }
}

// Whether `text` (the lines typed so far, each ended by '\n') is a complete
// input; when it is invalid, `error` says why. `at_end` is set when no more
// input will come (end of file at a "... " prompt).
Completeness classify(const std::string& text, bool at_end, SyntaxErrorInfo& error) {
  std::string last_line = text.substr(text.rfind('\n', text.size() - 2) + 1);
  bool ended_by_blank_line = at_end || is_blank(last_line.substr(0, last_line.size() - 1));
  Arena arena;
  ParseResult parsed = parse_module(text, arena);
  if (!parsed.ok) {
    const std::string& message = parsed.error.message;
    bool open_at_end = message.rfind("unterminated triple-quoted string", 0) == 0 ||
                       message == "unexpected EOF while parsing" ||
                       (message.size() > 16 && message.compare(message.size() - 16, 16, "was never closed") == 0);
    if (!at_end && (open_at_end || (parsed.error_at_end && !ended_by_blank_line))) return Completeness::Incomplete;
    error = parsed.error;
    return Completeness::Invalid;
  }
  const auto& body = parsed.module->body;
  if (body.size == 0) return Completeness::Empty;
  if (body.size > 1 && is_compound(body[0])) {
    // One statement per input, as CPython's `single` start rule reads it:
    // what follows a compound statement is "invalid syntax".
    error = SyntaxErrorInfo();
    error.message = "invalid syntax";
    set_error_location(error, text, body[1]->loc.lineno, body[1]->loc.col_offset, body[1]->loc.lineno,
                       body[1]->loc.col_offset);
    error.end_lineno = error.end_offset = 0;
    return Completeness::Invalid;
  }
  // A compound statement may go on (`else:`, more of its block) until an
  // empty line ends it.
  if (is_compound(body[0]) && !ended_by_blank_line) return Completeness::Incomplete;
  return Completeness::Complete;
}

// --- Running an input -------------------------------------------------------------------

// Compiles and runs one complete input. False when it asked to leave.
bool run_input(const std::string& text, Session& session) {
  SyntaxErrorInfo error;
  Ref code = compile_source(text, kFilename, CompileMode::Single, true, error);
  if (!code) {
    if (error_pending()) return report_exception(session);
    std::fputs(format_syntax_error(error, kFilename, text).c_str(), stderr);
    return true;
  }
  set_top_level_running(true);
  Ref result = run_top_level(code, session.dict);
  set_top_level_running(false);
  flush_std_streams();
  if (!result) return report_exception(session);
  return true;
}

// --- Completion -------------------------------------------------------------------------

const char* const kKeywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

Session* g_session = nullptr;
std::vector<std::string> g_matches;
size_t g_next_match = 0;

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// `a.b.c`: identifiers joined by dots.
bool is_dotted_name(const std::string& text) {
  if (text.empty()) return false;
  bool at_start = true;
  for (char c : text) {
    if (c == '.') {
      if (at_start) return false;
      at_start = true;
    } else if (!is_identifier_char(c) || (at_start && std::isdigit(static_cast<unsigned char>(c)))) {
      return false;
    } else {
      at_start = false;
    }
  }
  return !at_start;
}

// The names of a dict's str keys that start with `prefix`.
void add_dict_names(Value dict, const std::string& prefix, std::vector<std::string>& out) {
  size_t position = 0;
  Value key, value;
  while (dict_next(dict, position, key, value)) {
    if (!is_str(key)) continue;
    std::string_view name = str_view(key);
    if (name.substr(0, prefix.size()) == prefix) out.emplace_back(name);
  }
}

// What `text` may become: keywords and names of __main__ and builtins, or
// for `expr.prefix` the attributes of `expr` — evaluated only when it is a
// dotted name, with getattr (as rlcompleter, which also calls nothing else
// than dir()).
std::vector<std::string> completions(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) {
    out.push_back("    ");  // Tab where there is no word indents
    return out;
  }
  Value builtins = lookup_module("builtins");
  size_t dot = text.rfind('.');
  if (dot == std::string::npos) {
    for (const char* keyword : kKeywords) {
      if (std::string_view(keyword).substr(0, text.size()) == text) out.emplace_back(keyword);
    }
    add_dict_names(g_session->dict, text, out);
    if (builtins) add_dict_names(module_dict(builtins), text, out);
  } else {
    std::string expression = text.substr(0, dot);
    std::string prefix = text.substr(dot + 1);
    if (!is_dotted_name(expression)) return out;
    size_t end = expression.find('.');
    std::string first = expression.substr(0, end);
    Value found = dict_lookup_str(g_session->dict, first);
    Ref object = found ? ref(found) : Ref();
    if (!object && builtins) {
      Value from_builtins = dict_lookup_str(module_dict(builtins), first);
      if (from_builtins) object = ref(from_builtins);
    }
    while (object && end != std::string::npos) {
      size_t next = expression.find('.', end + 1);
      object = getattr(object, std::string_view(expression).substr(end + 1, next - end - 1));
      end = next;
    }
    Ref dir_function = object && builtins ? getattr(builtins, "dir") : Ref();
    Ref names = dir_function ? call(dir_function, {object.get()}) : Ref();
    if (names && names.type() == &list_type) {
      for (const Ref& name_ref : as_list(names)->m_items) {
        if (!is_str(name_ref)) continue;
        std::string name(str_view(name_ref));
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        // As rlcompleter: private names only when asked for.
        if (prefix.empty() && name[0] == '_') continue;
        if (prefix == "_" && name.compare(0, 2, "__") == 0) continue;
        out.push_back(expression + "." + name);
      }
    }
    clear_exception();
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

char* completion_entry(const char* text, int state) {
  if (state == 0) {
    g_matches = completions(text);
    g_next_match = 0;
  }
  if (g_next_match >= g_matches.size()) return nullptr;
  return strdup(g_matches[g_next_match++].c_str());
}

// rlcompleter's delimiters: no '.', so that `obj.attr` is one word.
char g_word_breaks[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

// --- The session ------------------------------------------------------------------------

std::string history_path() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return std::string(home) + "/.coil_history";
}

// sys.ps1 or sys.ps2 as str, or the default.
std::string prompt_text(const char* name, const char* fallback) {
  Value sys = lookup_module("sys");
  Ref value = sys ? getattr(sys, name) : Ref();
  Ref text = value ? str(value) : Ref();
  if (!text) {
    clear_exception();
    return fallback;
  }
  return std::string(str_view(text));
}

void print_banner() {
  Value sys = lookup_module("sys");
  Ref version = sys ? getattr(sys, "version") : Ref();
  Ref platform = sys ? getattr(sys, "platform") : Ref();
  clear_exception();
  std::fprintf(stderr, "coil REPL %s on %s\n",
               version && is_str(version) ? std::string(str_view(version)).c_str() : "",
               platform && is_str(platform) ? std::string(str_view(platform)).c_str() : "");
  std::fputs("Use \"await\" directly instead of \"asyncio.run()\".\n", stderr);
  std::fputs("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n", stderr);
}

}  // namespace

int run_repl() {
  set_stack_limit();
  if (!init_runtime()) return report_uncaught_exception();
  install_signal_handlers();
  Session session;
  g_session = &session;
  // As CPython's REPL: sys.argv is [''], sys.path[0] '', no __file__.
  if (!prepare_main(kFilename, "", {}, session.dict)) return report_uncaught_exception();
  dict_delitem(session.dict, make_str("__file__"));
  clear_exception();
  Value sys = lookup_module("sys");
  if (sys) {
    setattr(sys, "ps1", make_str(">>> "));
    setattr(sys, "ps2", make_str("... "));
    clear_exception();
  }

  // libedit reads and draws UTF-8 only under a UTF-8 character type; as
  // CPython coerces the C locale to C.UTF-8, so does the REPL.
  const char* ctype = setlocale(LC_CTYPE, "");
  if (ctype == nullptr || std::strcmp(ctype, "C") == 0 || std::strcmp(ctype, "POSIX") == 0) {
    setlocale(LC_CTYPE, "C.UTF-8");
  }
  rl_readline_name = "coil";
  rl_catch_signals = 0;
  rl_completion_entry_function = completion_entry;
  rl_completion_append_character = '\0';
  rl_basic_word_break_characters = g_word_breaks;
  rl_completer_word_break_characters = g_word_breaks;
  using_history();
  stifle_history(1000);
  std::string history = history_path();
  if (!history.empty()) read_history(history.c_str());

  print_banner();
  // As `python3 -m asyncio`, the session starts with asyncio imported.
  std::fputs(">>> import asyncio\n", stdout);
  run_input("import asyncio\n", session);

  std::string buffer;
  bool running = true;
  while (running) {
    if (buffer.empty() && !run_ready_callbacks(session)) break;
    std::string prompt = buffer.empty() ? prompt_text("ps1", ">>> ") : prompt_text("ps2", "... ");
    std::string line;
    Input input = read_line(prompt, line, session);
    if (input == Input::Exit) break;
    if (input == Input::Interrupt) {
      // As CPython: the input so far is dropped.
      std::fputs("\nKeyboardInterrupt\n", stdout);
      std::fflush(stdout);
      buffer.clear();
      continue;
    }
    bool end_of_file = input == Input::EndOfFile;
    if (end_of_file) {
      // libedit shows the Ctrl-D it read as "^D"; the line is drawn again
      // without it, as CPython's REPL leaves it.
      std::fputs(("\r\x1b[K" + prompt + "\n").c_str(), stdout);
      std::fflush(stdout);
      if (buffer.empty()) break;
    }
    if (!end_of_file) {
      if (!is_blank(line)) add_history(line.c_str());
      if (buffer.empty() && is_blank(line)) continue;
      buffer += line;
      buffer += '\n';
    }
    // Bytes that are not UTF-8 end in the SyntaxError a source file's would.
    std::string text;
    SyntaxErrorInfo error;
    if (!decode_source(buffer, text, error)) {
      std::fputs(format_syntax_error(error, kFilename, buffer).c_str(), stderr);
      buffer.clear();
      continue;
    }
    Completeness completeness = classify(text, end_of_file, error);
    if (completeness == Completeness::Incomplete) continue;
    buffer.clear();
    if (completeness == Completeness::Invalid) {
      std::fputs(format_syntax_error(error, kFilename, text).c_str(), stderr);
      continue;
    }
    if (completeness == Completeness::Empty) continue;
    running = run_input(text, session);
  }

  if (!history.empty()) write_history(history.c_str());
  join_threads_at_exit();
  flush_std_streams();
  std::fflush(stdout);
  g_session = nullptr;
  return session.exit_status;
}

}  // namespace coil
