// Running a script (DESIGN §6): the runtime is set up, the script runs as
// the module __main__, and an uncaught exception is printed as CPython
// prints it, with exit status 1 (SystemExit gives its own status).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "parser/syntax_error.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/gc.h"
#include "runtime/generator.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/clock.h"
#include "runtime/loop/loop.h"
#include "runtime/module.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "runtime/weakref.h"
#include "stdlib/atexit.h"
#include "vm/compiler.h"
#include "vm/import.h"
#include "vm/interpreter.h"

namespace coil {

extern std::vector<std::string> g_sys_argv;
extern std::vector<std::string> g_sys_path;

// How deep native recursion may go before RecursionError: the C++ stack's
// size (getrlimit) less a margin for the frames still to come.
void set_stack_limit() {
  char here;
  struct rlimit limit;
  size_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) size = limit.rlim_cur;
  size_t margin = 256u << 10;
  g_thread.stack_limit = &here - (size > 2 * margin ? size - margin : size / 2);
}

namespace {

// The exit status for a SystemExit, printing its message as CPython does.
int system_exit_status(Value exception) {
  Value code = exception.as<BaseExceptionObject>()->m_value.get();
  if (!code) {
    Value args = exception.as<BaseExceptionObject>()->m_args.get();
    code = args && tuple_size(args) > 0 ? tuple_item(args, 0) : Value();
  }
  if (!code || is_none(code)) return 0;
  if (is_int(code)) {
    int64_t status;
    if (int_fits_int64(code, status)) return int(status & 0xFF);
    return -1;
  }
  Ref text = str(code);
  if (text) {
    std::fwrite(str_view(text).data(), 1, str_view(text).size(), stderr);
    std::fputc('\n', stderr);
  }
  return 1;
}

int report_exception() {
  Ref exception = fetch_exception();
  if (isinstance(exception, &system_exit_type)) {
    flush_std_streams();
    return system_exit_status(exception);
  }
  flush_std_streams();
  // As CPython: through sys.excepthook when the program set one (the
  // default prints the traceback itself).
  Value sys = lookup_module("sys");
  Value sys_dict = sys ? module_dict(sys) : Value();
  Value hook = sys_dict ? dict_lookup_str(sys_dict, "excepthook") : Value();
  Value default_hook = sys_dict ? dict_lookup_str(sys_dict, "__excepthook__") : Value();
  if (!hook || is_none(hook)) {
    std::fputs("sys.excepthook is missing\n", stderr);
    print_exception(exception);
  } else if (hook.is(default_hook)) {
    print_exception(exception);
  } else {
    Ref keep_hook = ref(hook);
    Value traceback = exception.as<BaseExceptionObject>()->m_traceback.get();
    if (!call(keep_hook, {Value(exception.type()), exception.get(), traceback ? traceback : none()})) {
      Ref error = fetch_exception();
      flush_std_streams();
      if (isinstance(error, &system_exit_type)) return system_exit_status(error);
      std::fputs("Error in sys.excepthook:\n", stderr);
      print_exception(error);
      flush_std_streams();
      std::fputs("\nOriginal exception was:\n", stderr);
      print_exception(exception);
    }
    flush_std_streams();
  }
  // As CPython: an uncaught KeyboardInterrupt ends the process by SIGINT.
  if (isinstance(exception, &keyboard_interrupt_type)) exit_by_sigint();
  return 1;
}

// After the top level ends, the tasks it left running finish (DESIGN §3).
bool finish_top_level_tasks() {
  Value loop_value = top_level_loop();
  if (!loop_value) return true;
  Ref keep_loop = ref(loop_value);
  auto* loop = loop_value.as<EventLoopObject>();
  if (loop->m_closed) return true;
  loop->m_running = true;
  bool ok = true;
  while (ok && loop_has_work(loop)) ok = loop_run_once(loop);
  loop->m_running = false;
  return ok;
}

}  // namespace

void join_threads_at_exit() {
  // As CPython's finalization: threading._shutdown() joins the threads not
  // marked daemon (when threading was imported); the daemon threads left
  // never run Python again.
  if (Value threading = lookup_module("threading")) {
    Ref saved = fetch_exception();
    Ref shutdown = getattr(threading, "_shutdown");
    Ref result = shutdown ? call(shutdown, {}) : Ref();
    if (!result) {
      Ref error = fetch_exception();
      if (error) write_unraisable(shutdown ? shutdown.get() : threading, error);
    }
    restore_exception(std::move(saved));
  }
  // Then, as CPython, the atexit callbacks, while daemon threads can still run.
  run_atexit_callbacks();
  finalize_threads();
}

void clear_main_namespace(Value dict) {
  // As CPython's _PyModule_ClearDict at exit: names with one leading
  // underscore first, then the others; __builtins__ stays. Objects only the
  // namespace held are finalized now (their __del__ runs).
  Ref saved = fetch_exception();
  for (int pass = 0; pass < 2; ++pass) {
    Ref keys = dict_keys_list(dict);
    if (!keys) break;
    for (const Ref& key : as_list(keys)->m_items) {
      if (!is_str(key)) continue;
      std::string_view name = str_view(key);
      bool underscore = name.size() > 1 && name[0] == '_' && name[1] != '_';
      if (name == "__builtins__" || (pass == 0) != underscore) continue;
      if (!dict_setitem(dict, key, none())) clear_exception();
    }
  }
  restore_exception(std::move(saved));
}

void finalize_main_module(Ref main_dict) {
  Ref saved = fetch_exception();
  gc_collect_at_exit(true);
  Ref main = ref(lookup_module("__main__"));
  Ref weak;
  // A weak reference to the module tells whether it outlived the
  // collection (modules are weakly referenceable once _weakref is loaded).
  if (main && module_dict(main).is(main_dict.get()) && import_module("_weakref")) {
    weak = call(Value(&weakref_type), {main.get()});
    if (weak && dict_delitem(modules_dict(), intern_static("__main__")) < 0) weak = Ref();
  }
  if (!weak) {
    // No way to tell when the namespace dies: cleared at once.
    if (error_pending()) clear_exception();
    clear_main_namespace(main_dict);
    restore_exception(std::move(saved));
    return;
  }
  main.reset();
  main_dict.reset();
  gc_collect_at_exit(false);
  Ref alive = call(weak, {});
  if (alive && !is_none(alive)) clear_main_namespace(module_dict(alive));
  if (error_pending()) clear_exception();
  restore_exception(std::move(saved));
}

int report_uncaught_exception() { return report_exception(); }

bool prepare_main(const std::string& path, const std::string& as_given, const std::vector<std::string>& args,
                  Ref& main_dict, const std::string* path_entry) {
  g_sys_argv.clear();
  g_sys_argv.push_back(as_given);
  for (const std::string& a : args) g_sys_argv.push_back(a);
  g_sys_path.clear();
  g_sys_path.push_back(path_entry ? *path_entry : std::filesystem::path(path).parent_path().string());
  if (const char* coilpath = std::getenv("COILPATH")) {
    std::string entries = coilpath;
    size_t start = 0;
    while (start <= entries.size()) {
      size_t colon = entries.find(':', start);
      std::string entry = entries.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!entry.empty()) g_sys_path.push_back(entry);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  if (!import_module("builtins") || !import_module("sys")) return false;
  Ref main = make_module("__main__");
  if (!main) return false;
  Value dict = module_dict(main);
  Ref file_name = make_str(path);
  // `coil -c` has no __file__, as CPython's -c.
  if ((path != "<string>" && !dict_setitem_str(dict, "__file__", file_name)) ||
      !dict_setitem_str(dict, "__builtins__", lookup_module("builtins")) ||
      !dict_setitem(modules_dict(), make_str("__main__"), main)) {
    return false;
  }
  main_dict = ref(dict);
  gc_startup_done();
  return true;
}

Ref run_top_level(Value code, Value dict) {
  Ref result = run_code(code, dict, dict);
  if (!result || !is_generator_like(result) || !(code.as<CodeObject>()->m_flags & kCodeTopLevelAwait)) {
    return result;
  }
  // Code that awaits at the top level runs as a task of the top-level loop,
  // as a notebook cell does in Jupyter (so current_task(), TaskGroup and
  // timeout() work there); it takes no Task-N number (DESIGN §3).
  Value loop_value = running_loop();
  if (!loop_value) return raise(&runtime_error_type, "no event loop for the top-level await");
  Ref keep_loop = ref(loop_value);
  Ref task = make_task(result, loop_value, Value(), true);
  if (!task) return {};
  auto* t = task.as<TaskObject>();
  t->m_log_destroy_pending = false;
  auto* loop = loop_value.as<EventLoopObject>();
  bool was_running = loop->m_running;
  loop->m_running = true;
  bool ok = true;
  while (ok && t->m_state == FutureState::Pending) ok = loop_run_once(loop);
  if (!ok && t->m_state == FutureState::Pending && exception_matches(&keyboard_interrupt_type)) {
    // Ctrl-C while the code awaited: as asyncio.run, the task is cancelled
    // and runs to its end (its finally blocks, its cleanup) before
    // KeyboardInterrupt goes on.
    Ref interrupt = fetch_exception();
    Ref cancelled = call_method(task, "cancel", {});
    ok = bool(cancelled);
    while (ok && t->m_state == FutureState::Pending) ok = loop_run_once(loop);
    if (ok) restore_exception(std::move(interrupt));
    ok = false;
  }
  loop->m_running = was_running;
  if (!ok) return {};
  return future_result(t);
}

bool settle_top_level_loop(double seconds) {
  Value loop_value = top_level_loop();
  if (!loop_value) return true;
  Ref keep_loop = ref(loop_value);
  auto* loop = loop_value.as<EventLoopObject>();
  if (loop->m_closed) return true;
  double deadline = clock_monotonic() + seconds;
  loop->m_running = true;
  bool ok = true;
  // The loop waits no later than the deadline, so the pause lets that much
  // loop time pass even when the next timer is beyond it (a task's later
  // output then comes in a later cell, at its time). Past the deadline it
  // stops; at it exactly (virtual time), once nothing is ready.
  while (ok && loop_has_work(loop)) {
    double now = clock_monotonic();
    if (now > deadline || (now == deadline && loop->m_ready.empty())) break;
    ok = loop_run_once(loop, true, deadline);
  }
  loop->m_running = false;
  return ok;
}

namespace {

// Runs the compiled program in __main__'s namespace `dict`, and ends the
// run as CPython does; returns the exit status.
int run_main(Value code, Ref dict) {
  set_top_level_running(true);
  Ref result = run_top_level(code, dict);
  if (result && !finish_top_level_tasks()) result = Ref();
  set_top_level_running(false);
  int status = 0;
  if (!result) status = report_exception();
  join_threads_at_exit();
  finalize_main_module(std::move(dict));
  flush_std_streams();
  return status;
}

}  // namespace

int run_script(const std::string& path, const std::string& as_given, const std::string& text,
               bool byte_offsets, const std::vector<std::string>& args) {
  set_stack_limit();
  // The types first: compiling makes constants (strs, ints, tuples).
  if (!init_runtime()) return report_exception();
  install_signal_handlers();
  SyntaxErrorInfo error;
  Ref code = compile_source(text, path, CompileMode::Exec, true, error, byte_offsets);
  if (!code) {
    std::fputs(format_syntax_error(error, path, text).c_str(), stderr);
    return 1;
  }
  Ref dict;
  if (!prepare_main(path, as_given, args, dict)) return report_exception();
  return run_main(code, std::move(dict));
}

int run_module(const std::string& name, const std::vector<std::string>& args) {
  set_stack_limit();
  if (!init_runtime()) return report_exception();
  install_signal_handlers();
  // As CPython's -m: the working directory heads sys.path, and sys.argv[0]
  // is "-m" while the module is looked for, then the module's file.
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  Ref dict;
  if (!prepare_main("<string>", "-m", args, dict, &cwd)) return report_exception();
  MainModuleSource source;
  if (!find_main_module(name, source)) {
    if (!exception_matches(&import_error_type)) return report_exception();
    Ref error = fetch_exception();
    Ref text = str(error);
    if (!text) return report_exception();
    std::fprintf(stderr, "coil: %s\n", str_cstr(text));
    return 1;
  }
  SyntaxErrorInfo error;
  Ref code = compile_source(source.text, source.file, CompileMode::Exec, true, error, false);
  if (!code) {
    std::fputs(format_syntax_error(error, source.file, source.text).c_str(), stderr);
    return 1;
  }
  Value sys = lookup_module("sys");
  Ref argv = sys ? getattr(sys, "argv") : Ref();
  if (!argv || !is_list(argv) || as_list(argv)->m_items.empty()) return report_exception();
  as_list(argv)->m_items[0] = make_str(source.file);
  Ref spec = make_module_spec(source.name, source.file, Value());
  if (!spec || (source.from_file && !dict_setitem_str(dict, "__file__", make_str(source.file))) ||
      !dict_setitem_str(dict, "__package__", make_str(source.package)) || !dict_setitem_str(dict, "__spec__", spec)) {
    return report_exception();
  }
  return run_main(code, std::move(dict));
}

}  // namespace coil
