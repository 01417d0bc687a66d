// Traceback objects (with the frame snapshots their tb_frame gives) and the
// printing of exceptions (runtime/exception.h),
// byte for byte as CPython 3.11's PyErr_Display prints an uncaught one
// (Python/pythonrun.c and Python/traceback.c):
//
//   Traceback (most recent call last):
//     File "f.py", line 3, in g
//       return a / b
//              ~~^~~
//   ZeroDivisionError: division by zero
//
// with the chain of causes and contexts before it, SyntaxError's own
// "File/line/caret" lines, __notes__ after the message, "Did you mean"
// suggestions for NameError and AttributeError, runs of identical entries
// collapsed into "[Previous line repeated N more times]", and exception
// groups drawn as nested boxes. `_traceback` (stdlib/traceback.cpp) offers
// the same machinery with traceback.py's small differences (PrintOptions).
//
// The caret line under a source line follows CPython's rules: the span of
// the failing instruction (code positions are UTF-8 byte columns, carets
// count characters), refined for a binary operation or a subscript by
// parsing the span again ("~~~^^^~~~"), and left out when it would just
// underline the whole line.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexer/lexer.h"
#include "parser/parser.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/repr.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/struct_seq.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/import.h"
#include "vm/interpreter.h"
#include "vm/trace.h"

namespace coil {

// --- The traceback type --------------------------------------------------------

namespace {

// A traceback entry, with what its tb_frame takes from the frame the entry
// was made in (see "Frame snapshots" below) until tb_frame is first asked
// for. Kept small: an exception makes one per frame it passes through, and
// the allocator serves small objects fastest.
struct TracebackEntry : TracebackObject {
  const Frame* m_running;     // the frame (only compared with running ones)
  const Frame* m_caller;      // its caller then (only compared)
  Value* m_variables;         // its variable slots then: owned, malloc'd, null slots unbound
  Ref m_namespace;            // or its namespace dict (module, class body)
  uint32_t m_variable_count;
  bool m_callee_linked;       // m_next was made in the frame this one called
};
static_assert(sizeof(TracebackEntry) <= 104, "keep traceback entries in the allocator's small sizes");

TracebackObject* as_tb(Value v) { return v.as<TracebackObject>(); }
TracebackEntry* as_entry(Value v) { return static_cast<TracebackEntry*>(v.as<TracebackObject>()); }

// Owned copies of a function frame's variable slots, malloc'd (none for a
// frame without variables).
bool copy_variables(Frame* frame, Value*& variables, uint32_t& count) {
  uint32_t n = frame->code->localsplus_count();
  if (n == 0) return true;
  variables = static_cast<Value*>(std::malloc(n * sizeof(Value)));
  if (variables == nullptr) {
    raise_no_memory();
    return false;
  }
  const Value* slots = frame->localsplus();
  for (uint32_t i = 0; i < n; ++i) {
    incref(slots[i]);
    variables[i] = slots[i];
  }
  count = n;
  return true;
}

void release_variables(Value*& variables, uint32_t& count) {
  Value* items = variables;
  uint32_t n = count;
  variables = nullptr;
  count = 0;
  for (uint32_t i = 0; i < n; ++i) decref(items[i]);
  std::free(items);
}

void traceback_destroy(Object* object) {
  auto* tb = static_cast<TracebackEntry*>(object);
  release_variables(tb->m_variables, tb->m_variable_count);
  tb->~TracebackEntry();
}

void traceback_traverse(Object* object, VisitFn visit, void* context) {
  auto* tb = static_cast<TracebackEntry*>(object);
  for (const Ref* r : {&tb->m_next, &tb->m_frame, &tb->m_code, &tb->m_globals, &tb->m_builtins, &tb->m_namespace}) {
    if (*r) visit(r->get(), context);
  }
  for (uint32_t i = 0; i < tb->m_variable_count; ++i) {
    if (tb->m_variables[i]) visit(tb->m_variables[i], context);
  }
}

void traceback_clear(Object* object) {
  auto* tb = static_cast<TracebackEntry*>(object);
  // The code stays: printing the traceback needs it, and code objects are
  // not containers.
  for (Ref* r : {&tb->m_next, &tb->m_frame, &tb->m_globals, &tb->m_builtins, &tb->m_namespace}) r->reset();
  release_variables(tb->m_variables, tb->m_variable_count);
}

Ref tb_get_next(Value self) { return as_tb(self)->m_next ? as_tb(self)->m_next : new_none(); }

bool tb_set_next(Value self, Value next) {
  if (!next) return raise(&type_error_type, "can't delete tb_next attribute");
  if (is_none(next)) {
    as_tb(self)->m_next.reset();
    return true;
  }
  if (!(next.is_object() && next.type() == &traceback_type)) {
    return raise_format(&type_error_type, "expected traceback object, got '%s'", value_type_name(next).data());
  }
  for (Value cursor = next; cursor; cursor = as_tb(cursor)->m_next.get()) {
    if (cursor.is(self)) return raise(&value_error_type, "traceback loop detected");
  }
  as_tb(self)->m_next = ref(next);
  return true;
}

// --- Frame snapshots ----------------------------------------------------------
//
// The interpreter keeps no frame objects: tb_frame, sys._getframe() and
// gi_frame make read-only snapshots of frames, with what tracebacks,
// `traceback`, `inspect` and `logging` read: f_code, f_lineno, f_lasti,
// f_globals, f_builtins, f_locals, f_back.
//
// A snapshot remembers its interpreter frame: while that frame is still
// running it shows it as it is now (f_locals, f_lineno, f_lasti, f_back), as
// CPython's frame objects do; once the frame has returned, it shows the
// frame's variables as they were when the snapshot was taken. A traceback
// entry takes them when the exception passes through the frame (CPython's
// tb_frame is the frame itself, kept alive by the traceback). The f_back of
// a returned frame is its caller's snapshot when taken at the same time
// (sys._getframe) or when the exception went through that caller (the
// entry before it in the traceback), else None.

struct FrameSnapshotObject : Object {
  Ref m_code;
  Ref m_globals;
  Ref m_builtins;
  Ref m_locals;
  Ref m_back;
  int m_lasti;
  int m_lineno;
  // The interpreter frame it was taken from (only compared with the running
  // ones, never followed otherwise: a later call of the same code reusing
  // its address would pass for it) and that frame's variable slots at the
  // time (cells kept as cells; null slots are unbound). A frame with a
  // namespace dict (module, class body) keeps the dict in m_locals instead.
  const Frame* m_running;
  Value* m_variables;  // owned references, m_variable_count of them (malloc'd)
  uint32_t m_variable_count;
  // f_trace, the frame's local trace function (vm/trace.h), or null; and
  // f_trace_lines / f_trace_opcodes as set (opcode events are not sent).
  Ref m_trace;
  bool m_trace_lines_off;
  bool m_trace_opcodes;
};

}  // namespace

extern Type frame_snapshot_type;

namespace {

FrameSnapshotObject* as_snapshot(Value v) { return v.as<FrameSnapshotObject>(); }

void frame_snapshot_clear_variables(FrameSnapshotObject* f) { release_variables(f->m_variables, f->m_variable_count); }

void frame_snapshot_destroy(Object* object) {
  auto* f = static_cast<FrameSnapshotObject*>(object);
  frame_snapshot_clear_variables(f);
  f->~FrameSnapshotObject();
}

void frame_snapshot_traverse(Object* object, VisitFn visit, void* context) {
  auto* f = static_cast<FrameSnapshotObject*>(object);
  for (const Ref* r : {&f->m_code, &f->m_globals, &f->m_builtins, &f->m_locals, &f->m_back, &f->m_trace}) {
    if (*r) visit(r->get(), context);
  }
  for (uint32_t i = 0; i < f->m_variable_count; ++i) {
    if (f->m_variables[i]) visit(f->m_variables[i], context);
  }
}

void frame_snapshot_clear(Object* object) {
  auto* f = static_cast<FrameSnapshotObject*>(object);
  for (Ref* r : {&f->m_globals, &f->m_builtins, &f->m_locals, &f->m_back, &f->m_trace}) r->reset();
  frame_snapshot_clear_variables(f);
}

// A snapshot, all fields zero (null).
Ref new_frame_snapshot() {
  Object* object = allocate_object(&frame_snapshot_type);
  if (object == nullptr) return raise_no_memory();
  return Ref::steal(object);
}

// The interpreter frame a traceback's frame was taken from, if it is still
// running (on the current call stack, running the same code).
Frame* running_frame(const FrameSnapshotObject* f) {
  if (f->m_running == nullptr) return nullptr;
  for (Frame* frame = g_thread.frame; frame != nullptr; frame = frame->previous) {
    if (frame == f->m_running) return Value(frame->code).is(f->m_code) ? frame : nullptr;
  }
  return nullptr;
}

int running_line(Frame* frame) {
  int lineno = code_line_at(frame->code, frame->lasti());
  return lineno < 0 ? frame->code->m_firstlineno : lineno;
}

Ref or_none_ref(const Ref& r) { return r ? r : new_none(); }
Ref frame_get_code(Value self) { return or_none_ref(as_snapshot(self)->m_code); }
Ref frame_get_globals(Value self) { return or_none_ref(as_snapshot(self)->m_globals); }
Ref frame_get_builtins(Value self) { return or_none_ref(as_snapshot(self)->m_builtins); }

Ref frame_get_locals(Value self) {
  auto* f = as_snapshot(self);
  if (Frame* frame = running_frame(f)) return frame_locals_dict(frame);
  if (f->m_locals) return f->m_locals;
  Ref dict = make_dict();
  if (!dict || f->m_variable_count == 0 || !f->m_code || !is_code(f->m_code)) return dict;
  const CodeObject* code = f->m_code.as<CodeObject>();
  uint32_t count = std::min(f->m_variable_count, code->localsplus_count());
  for (uint32_t i = 0; i < count; ++i) {
    Value v = f->m_variables[i];
    uint8_t kind = code->m_localsplus_kinds[i];
    // Cells show their contents, as locals() does.
    if (v && (kind & (kLocalCell | kLocalFree)) && v.type() == &cell_type) v = v.as<CellObject>()->m_value;
    if (!v) continue;
    if (!dict_setitem(dict, code->m_localsplus_names[i], v)) return {};
  }
  return dict;
}

// A running frame's caller is found now (and kept: it stays its caller).
Ref frame_get_back(Value self) {
  auto* f = as_snapshot(self);
  if (!f->m_back) {
    Frame* frame = running_frame(f);
    if (frame != nullptr && frame->previous != nullptr) {
      f->m_back = frame_snapshot(frame->previous);
      if (!f->m_back) return {};
    }
  }
  return or_none_ref(f->m_back);
}

Ref frame_get_lineno(Value self) {
  auto* f = as_snapshot(self);
  if (Frame* frame = running_frame(f)) return make_int(int64_t(running_line(frame)));
  return make_int(int64_t(f->m_lineno));
}

Ref frame_get_lasti(Value self) {
  auto* f = as_snapshot(self);
  if (Frame* frame = running_frame(f)) return make_int(int64_t(frame->lasti()) * 2);
  return make_int(int64_t(f->m_lasti) * 2);
}

// frame.clear(): drops the variables a returned frame keeps.
Ref frame_clear(Value self, Args) {
  auto* f = as_snapshot(self);
  if (running_frame(f) != nullptr) return raise(&runtime_error_type, "cannot clear an executing frame");
  frame_snapshot_clear_variables(f);
  f->m_locals.reset();
  return new_none();
}

Ref frame_get_trace(Value self) { return or_none_ref(as_snapshot(self)->m_trace); }

// Setting f_trace on a running frame has its lines traced from then on,
// while a trace function is set (as pdb does).
bool frame_set_trace(Value self, Value function) {
  auto* f = as_snapshot(self);
  if (!function || is_none(function)) {
    f->m_trace.reset();
    return true;
  }
  f->m_trace = ref(function);
  if (Frame* frame = running_frame(f)) trace_adopt_frame(frame, self);
  return true;
}

Ref frame_get_trace_lines(Value self) { return ref(py_bool(!as_snapshot(self)->m_trace_lines_off)); }
Ref frame_get_trace_opcodes(Value self) { return ref(py_bool(as_snapshot(self)->m_trace_opcodes)); }

bool frame_set_flag(Value value, bool& flag) {
  if (!value) return raise(&attribute_error_type, "cannot delete attribute");
  if (!is_bool(value)) return raise(&type_error_type, "attribute value type must be bool");
  flag = value.is(py_bool(true));
  return true;
}

bool frame_set_trace_lines(Value self, Value value) {
  bool on;
  if (!frame_set_flag(value, on)) return false;
  as_snapshot(self)->m_trace_lines_off = !on;
  return true;
}

bool frame_set_trace_opcodes(Value self, Value value) {
  return frame_set_flag(value, as_snapshot(self)->m_trace_opcodes);
}

const MethodDef kFrameSnapshotMethods[] = {
    {"clear", frame_clear, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

Ref frame_snapshot_repr(Value self) {
  auto* f = as_snapshot(self);
  std::string filename = "?", name = "?";
  if (f->m_code && is_code(f->m_code)) {
    const CodeObject* code = f->m_code.as<CodeObject>();
    if (code->m_filename && is_str(code->m_filename)) filename = str_view(code->m_filename);
    if (code->m_name && is_str(code->m_name)) name = str_view(code->m_name);
  }
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(self.as_object()));
  Ref quoted = make_str(filename);
  if (!quoted) return {};
  Ref file_repr = repr(quoted);
  if (!file_repr) return {};
  Frame* running = running_frame(f);
  int lineno = running != nullptr ? running_line(running) : f->m_lineno;
  return make_str("<frame at " + std::string(address) + ", file " + std::string(str_view(file_repr)) + ", line " +
                  std::to_string(lineno) + ", code " + name + ">");
}

const GetSetDef kFrameSnapshotGetSet[] = {
    {"f_code", frame_get_code},
    {"f_globals", frame_get_globals},
    {"f_builtins", frame_get_builtins},
    {"f_locals", frame_get_locals},
    {"f_back", frame_get_back},
    {"f_lineno", frame_get_lineno},
    {"f_lasti", frame_get_lasti},
    {"f_trace", frame_get_trace, frame_set_trace},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes},
    {nullptr, nullptr},
};

Ref tb_get_frame(Value self) {
  auto* tb = as_entry(self);
  if (!tb->m_frame) {
    Ref owned = new_frame_snapshot();
    if (!owned) return {};
    auto* frame = as_snapshot(owned);
    frame->m_code = tb->m_code;
    frame->m_globals = tb->m_globals;
    frame->m_builtins = tb->m_builtins;
    frame->m_lasti = tb->m_lasti;
    frame->m_lineno = tb->m_lineno;
    // The variables move to the frame object.
    frame->m_running = tb->m_running;
    frame->m_variables = tb->m_variables;
    frame->m_variable_count = tb->m_variable_count;
    tb->m_variables = nullptr;
    tb->m_variable_count = 0;
    frame->m_locals = std::move(tb->m_namespace);
    tb->m_frame = std::move(owned);
  }
  // The next entry's frame was called by this one: its f_back is this frame.
  if (tb->m_callee_linked) {
    tb->m_callee_linked = false;
    if (tb->m_next && tb->m_next.type() == &traceback_type) {
      Ref callee = tb_get_frame(tb->m_next);
      if (!callee) return {};
      if (!as_snapshot(callee)->m_back) as_snapshot(callee)->m_back = tb->m_frame;
    }
  }
  return tb->m_frame;
}
// CPython counts tb_lasti in bytes: two per code unit.
Ref tb_get_lasti(Value self) { return make_int(int64_t(as_tb(self)->m_lasti) * 2); }
Ref tb_get_lineno(Value self) { return make_int(int64_t(as_tb(self)->m_lineno)); }

const GetSetDef kTracebackGetSet[] = {
    {"tb_next", tb_get_next, tb_set_next},
    {"tb_frame", tb_get_frame},
    {"tb_lasti", tb_get_lasti},
    {"tb_lineno", tb_get_lineno},
    {nullptr, nullptr},
};

}  // namespace

Type traceback_type = [] {
  Type type{};
  type.m_tp_name = "traceback";
  type.m_size = sizeof(TracebackEntry);
  type.m_flags = kTypeHasGC;
  type.m_destroy = traceback_destroy;
  type.m_traverse = traceback_traverse;
  type.m_clear = traceback_clear;
  type.m_getset = kTracebackGetSet;
  return type;
}();
COIL_REGISTER_TYPE(traceback_type);

Type frame_snapshot_type = [] {
  Type type{};
  type.m_tp_name = "frame";
  type.m_size = sizeof(FrameSnapshotObject);
  type.m_flags = kTypeHasGC;
  type.m_destroy = frame_snapshot_destroy;
  type.m_traverse = frame_snapshot_traverse;
  type.m_clear = frame_snapshot_clear;
  type.m_repr = frame_snapshot_repr;
  type.m_getset = kFrameSnapshotGetSet;
  type.m_methods = kFrameSnapshotMethods;
  return type;
}();
COIL_REGISTER_TYPE(frame_snapshot_type);

Ref make_traceback(Value next, Value code, int lasti, int lineno) {
  Object* object = allocate_object(&traceback_type);
  if (object == nullptr) return raise_no_memory();
  auto* tb = static_cast<TracebackEntry*>(object);
  Ref owned = Ref::steal(object);
  if (next) tb->m_next = ref(next);
  if (code) tb->m_code = ref(code);
  tb->m_lasti = lasti;
  tb->m_lineno = lineno;
  // The frame running `code` is the interpreter's innermost one while the
  // exception leaves it: its namespaces serve NameError's suggestions.
  Frame* frame = g_thread.frame;
  if (frame != nullptr && code && Value(frame->code).is(code)) {
    tb->m_globals = frame->globals;
    tb->m_builtins = frame->builtins;
    // What tb_frame shows, taken while the frame is there: the frame
    // itself and its variables (a module's or class body's: the namespace).
    tb->m_running = frame;
    tb->m_caller = frame->previous;
    if (next && next.type() == &traceback_type && as_entry(next)->m_caller == frame) tb->m_callee_linked = true;
    if (frame->locals) {
      tb->m_namespace = frame->locals;
    } else if (!copy_variables(frame, tb->m_variables, tb->m_variable_count)) {
      return {};
    }
  }
  return owned;
}


Ref frame_snapshot(Frame* innermost, bool with_callers) {
  std::vector<Frame*> frames;
  for (Frame* frame = innermost; frame != nullptr; frame = with_callers ? frame->previous : nullptr) {
    frames.push_back(frame);
  }
  Ref back;
  for (size_t i = frames.size(); i-- > 0;) {
    Frame* frame = frames[i];
    // A traced frame has its frame object already: the same one, so that
    // f_trace set through it is the one the events use.
    if (Value traced = traced_frame_snapshot(frame)) {
      auto* snapshot = as_snapshot(traced);
      if (!snapshot->m_back && back) snapshot->m_back = std::move(back);
      back = ref(traced);
      continue;
    }
    Ref owned = new_frame_snapshot();
    if (!owned) return {};
    auto* snapshot = as_snapshot(owned);
    snapshot->m_code = ref(Value(frame->code));
    snapshot->m_globals = frame->globals;
    snapshot->m_builtins = frame->builtins;
    // The variables as they are now, for f_locals once the frame has returned.
    snapshot->m_running = frame;
    if (frame->locals) {
      snapshot->m_locals = frame->locals;
    } else if (!copy_variables(frame, snapshot->m_variables, snapshot->m_variable_count)) {
      return {};
    }
    snapshot->m_back = std::move(back);
    snapshot->m_lasti = int(frame->lasti());
    snapshot->m_lineno = code_line_at(frame->code, frame->lasti());
    // A generator that has not started is at its first line.
    if (snapshot->m_lineno < 0) snapshot->m_lineno = frame->code->m_firstlineno;
    back = std::move(owned);
  }
  return back;
}

// --- Source lines -------------------------------------------------------------

namespace {

// Splits text into lines as CPython's text files read them (universal
// newlines: "\r\n" and "\r" end lines too), without the line ends.
std::vector<std::string> split_source_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
  return lines;
}

// Source files read for tracebacks, as CPython's linecache keeps them.
// A file that cannot be read is remembered as having no lines.
const std::vector<std::string>& file_lines(const std::string& path) {
  static std::unordered_map<std::string, std::vector<std::string>> cache;
  auto found = cache.find(path);
  if (found != cache.end()) return found->second;
  std::vector<std::string> lines;
  if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
    std::string bytes;
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
    std::fclose(file);
    std::string text;
    SyntaxErrorInfo error;
    if (decode_source(bytes, text, error)) {
      lines = split_source_lines(text);
    } else {
      lines = split_source_lines(bytes);
    }
  }
  return cache.emplace(path, std::move(lines)).first->second;
}

// Line `lineno` of the code's source, or false when there is none: code
// compiled from a string has no file (CPython shows no line for "<string>"
// and "<stdin>") unless the compiler kept its text (notebook cells).
bool source_line(const CodeObject* code, int lineno, std::string& line) {
  if (lineno < 1 || !code->m_filename || !is_str(code->m_filename)) return false;
  std::string_view filename = str_view(code->m_filename);
  bool pseudo_file = !filename.empty() && filename.front() == '<' && filename.back() == '>';
  if (pseudo_file) {
    if (code->m_source.empty() || filename == "<string>" || filename == "<stdin>") return false;
    std::vector<std::string> lines = split_source_lines(code->m_source);
    if (size_t(lineno) > lines.size()) return false;
    line = lines[lineno - 1];
    return true;
  }
  const std::vector<std::string>& lines = file_lines(std::string(filename));
  if (size_t(lineno) > lines.size()) return false;
  line = lines[lineno - 1];
  return true;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Code points in the first `byte_offset` bytes of `text`, as CPython's
// _PyPegen_byte_offset_to_character_offset (an offset past the end counts
// the terminating NUL too).
int64_t character_offset(std::string_view text, int64_t byte_offset) {
  if (byte_offset > int64_t(text.size()) + 1) byte_offset = int64_t(text.size()) + 1;
  int64_t count = 0;
  for (int64_t i = 0; i < byte_offset; ++i) {
    if (i == int64_t(text.size())) {
      ++count;
      break;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

size_t code_point_count(std::string_view text) { return size_t(character_offset(text, int64_t(text.size()))); }

// The bytes of code points [start, end) of `text`.
std::string_view code_point_slice(std::string_view text, int64_t start, int64_t end) {
  size_t begin_byte = text.size(), end_byte = text.size();
  int64_t index = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (index == start) begin_byte = i;
      if (index == end) {
        end_byte = i;
        break;
      }
      ++index;
    }
  }
  if (begin_byte > end_byte) return {};
  return text.substr(begin_byte, end_byte - begin_byte);
}

struct Anchors {
  int64_t left = -1;   // the secondary ("^") range is (left, right] in 1-based columns
  int64_t right = -1;
  bool found = false;
};

// CPython's extract_anchors_from_line: parses the failing span of the line
// on its own; for a binary operation the operator is marked "^" and its
// operands "~", for a subscript the brackets and index are.
Anchors extract_anchors(std::string_view line, int64_t start_offset, int64_t end_offset) {
  Anchors anchors;
  std::string segment(code_point_slice(line, start_offset, end_offset));
  Arena arena;
  ParseResult parsed = parse_module(segment, arena);
  if (!parsed.ok || parsed.module == nullptr || parsed.module->body.size != 1) return anchors;
  ast::StmtNode* statement = parsed.module->body[0];
  if (statement->node_kind != ast::StmtKind::Expr) return anchors;
  ast::ExprNode* expr = static_cast<ast::Expr*>(statement)->value;
  int64_t left = 0, right = 0;
  int64_t size = int64_t(segment.size());
  auto at = [&](int64_t i) { return i < size ? segment[i] : '\0'; };
  if (expr->node_kind == ast::ExprKind::BinOp) {
    auto* binop = static_cast<ast::BinOp*>(expr);
    int64_t operands_end = binop->right->loc.col_offset;
    for (int64_t i = binop->left->loc.end_col_offset; i < operands_end; ++i) {
      if (is_blank(at(i))) continue;
      left = i;
      right = i + 1;
      // A two-character operator (//, **, <<…).
      if (i + 1 < operands_end && !is_blank(at(i + 1))) ++right;
      // Skip the closing parentheses of the left operand.
      if (i + 1 < operands_end && at(i) == ')') continue;
      break;
    }
  } else if (expr->node_kind == ast::ExprKind::Subscript) {
    auto* subscript = static_cast<ast::Subscript*>(expr);
    left = subscript->value->loc.end_col_offset;
    right = subscript->slice->loc.end_col_offset + 1;
    while (left < size && (is_blank(at(left)) || at(left) != '[')) ++left;
    while (right < size && (is_blank(at(right)) || at(right) != ']')) ++right;
    if (right < size) ++right;
  } else {
    return anchors;
  }
  anchors.left = character_offset(segment, left) + start_offset;
  anchors.right = character_offset(segment, right) + start_offset;
  anchors.found = true;
  return anchors;
}

// --- Printing ----------------------------------------------------------------

constexpr int kRecursiveCutoff = 3;  // identical entries shown before "[Previous line repeated …]"
constexpr int64_t kTracebackLimit = 1000;
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

const char kTracebackHeader[] = "Traceback (most recent call last):\n";
const char kGroupTracebackHeader[] = "Exception Group Traceback (most recent call last):\n";
const char kCauseMessage[] = "The above exception was the direct cause of the following exception:\n";
const char kContextMessage[] = "During handling of the above exception, another exception occurred:\n";

// Levenshtein distance with CPython's costs (suggestions.c): a case change
// costs 1, any other edit 2; gives up past `max_cost`.
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMaxCandidateItems = 750;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
  if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
  return a == b ? kCaseCost : kMoveCost;
}

size_t levenshtein_distance(std::string_view a, std::string_view b, size_t max_cost) {
  if (a.data() == b.data() && a.size() == b.size()) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a.size(); ++i) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t b_index = 0; b_index < b.size(); ++b_index) {
    char code = b[b_index];
    size_t distance = result = b_index * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t index = 0; index < a.size(); ++index) {
      size_t substitute = distance + substitution_cost(code, a[index]);
      distance = buffer[index];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The closest of `candidates` (strs) to `name`, as CPython's
// calculate_suggestions; null if none is close enough.
Value closest_name(const std::vector<Value>& candidates, Value name) {
  if (candidates.size() >= kMaxCandidateItems) return Value();
  std::string_view wanted = str_view(name);
  size_t best_distance = SIZE_MAX;
  Value best;
  for (Value item : candidates) {
    if (!is_str(item)) continue;
    std::string_view text = str_view(item);
    if (text == wanted) continue;
    // No more than 1/3 of the characters should need changing.
    size_t max_distance = (wanted.size() + text.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t distance = levenshtein_distance(wanted, text, max_distance);
    if (distance > max_distance) continue;
    if (!best || distance < best_distance) {
      best = item;
      best_distance = distance;
    }
  }
  return best;
}

std::vector<Value> dict_keys(Value dict) {
  std::vector<Value> keys;
  if (!dict || !is_dict(dict)) return keys;
  for (const DictEntry& entry : as_dict(dict)->m_entries) {
    if (entry.key) keys.push_back(entry.key);
  }
  return keys;
}

// "Did you mean" for AttributeError (the object's dir()) and NameError (the
// failing frame's locals, then its globals, then the builtins).
Ref suggestion_for(Value exception) {
  auto* e = exception.as<BaseExceptionObject>();
  Value name = e->m_name.get();
  if (!name || !is_exact_str(name)) return {};
  if (isinstance(exception, &attribute_error_type)) {
    Value obj = e->m_obj.get();
    if (!obj) return {};
    Value dir_function = dict_lookup_str(g_builtins_dict, "dir");
    if (!dir_function) return {};
    Ref names = call(dir_function, {obj});
    if (!names || !is_list(names)) {
      clear_exception();
      return {};
    }
    std::vector<Value> candidates;
    for (const Ref& item : as_list(names)->m_items) candidates.push_back(item.get());
    Value best = closest_name(candidates, name);
    return best ? ref(best) : Ref();
  }
  if (isinstance(exception, &name_error_type)) {
    Value tb = e->m_traceback.get();
    if (!tb || tb.type() != &traceback_type) return {};
    while (as_tb(tb)->m_next && as_tb(tb)->m_next.type() == &traceback_type) tb = as_tb(tb)->m_next;
    auto* entry = as_tb(tb);
    if (entry->m_code && is_code(entry->m_code)) {
      const CodeObject* code = entry->m_code.as<CodeObject>();
      std::vector<Value> locals;
      for (uint32_t i = 0; i < code->localsplus_count(); ++i) {
        if (code->m_localsplus_kinds[i] & kLocalPlain) locals.push_back(code->m_localsplus_names[i].get());
      }
      if (Value best = closest_name(locals, name)) return ref(best);
    }
    if (Value best = closest_name(dict_keys(entry->m_globals), name)) return ref(best);
    if (Value best = closest_name(dict_keys(entry->m_builtins), name)) return ref(best);
  }
  return {};
}

// The str() of a value for printing; `failed` when it raised.
bool safe_str(Value v, std::string& out) {
  Ref s = str(v);
  if (!s) {
    clear_exception();
    return false;
  }
  out = str_view(s);
  return true;
}

// str.splitlines(keepends=True).
std::vector<std::string> split_lines_keepends(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0, pos = 0;
  while (pos < text.size()) {
    size_t here = pos;
    char32_t c = decode_utf8(text, pos);
    bool is_break = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
                    c == 0x85 || c == 0x2028 || c == 0x2029;
    if (!is_break) continue;
    if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
    (void)here;
    lines.emplace_back(text.substr(start, pos - start));
    start = pos;
  }
  if (start < text.size()) lines.emplace_back(text.substr(start));
  return lines;
}

bool is_sequence(Value v) { return !is_dict(v) && v.type()->m_getitem != nullptr; }

bool int_is_negative(Value v) {
  int64_t small;
  if (int_fits_int64(v, small)) return small < 0;
  return mpz_sgn(v.as<IntObject>()->m_value) < 0;
}

class ExceptionPrinter {
 public:
  explicit ExceptionPrinter(const PrintOptions& options) : m_options(options) {}

  void print_recursive(Value value) {
    RecursionGuard guard(" in print_exception_recursive");
    if (!guard.ok) {
      clear_exception();
      return;
    }
    if (m_options.chain && !m_options.only_message) print_cause_and_context(value);
    if (is_exception_group(value) && !m_options.only_message) {
      print_group(value);
    } else {
      print_one(value);
    }
  }

  std::string take() { return std::move(m_out); }

  // Only the entries of `tb` (traceback.format_tb).
  void print_entries(Value tb) { print_traceback(tb, "", ""); }

  // The text cut where traceback.py's format() yields its strings.
  std::vector<std::string> take_chunks() {
    std::vector<std::string> chunks;
    mark();
    size_t start = 0;
    for (size_t end : m_chunks) {
      if (end > start) chunks.push_back(m_out.substr(start, end - start));
      start = end;
    }
    return chunks;
  }

 private:
  const char* margin() const { return m_group_depth ? "| " : ""; }
  int indent() const { return 2 * m_group_depth; }
  void write_indent(int n) { m_out.append(size_t(n), ' '); }
  void write_indented_margin() {
    write_indent(indent());
    m_out += margin();
  }

  // Starts a new chunk (see take_chunks).
  void mark() {
    if (m_chunks.empty() || m_chunks.back() != m_out.size()) m_chunks.push_back(m_out.size());
  }

  bool seen(Value v) const { return m_seen.count(v.as_object()) != 0; }

  void print_chained(Value value, const char* message) {
    RecursionGuard guard(" in print_chained");
    if (!guard.ok) {
      clear_exception();
      return;
    }
    bool need_close = m_need_close;
    print_recursive(value);
    m_need_close = need_close;
    mark();
    write_indented_margin();
    m_out += "\n";
    write_indented_margin();
    m_out += message;
    write_indented_margin();
    m_out += "\n";
  }

  void print_cause_and_context(Value value) {
    m_seen.insert(value.as_object());
    if (!is_exception_instance(value)) return;
    auto* e = value.as<BaseExceptionObject>();
    if (e->m_cause) {
      if (!seen(e->m_cause)) print_chained(e->m_cause, kCauseMessage);
      return;
    }
    if (e->m_suppress_context) return;
    if (e->m_context && !seen(e->m_context)) print_chained(e->m_context, kContextMessage);
  }

  void print_group(Value value) {
    if (m_group_depth > kMaxGroupDepth) {
      mark();
      write_indented_margin();
      m_out += "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
      return;
    }
    if (m_group_depth == 0) m_group_depth += 1;
    print_one(value);
    Value members = value.as<BaseExceptionObject>()->m_exceptions.get();
    size_t count = members ? tuple_size(members) : 0;
    size_t shown = count <= size_t(kMaxGroupWidth) ? count : size_t(kMaxGroupWidth) + 1;
    m_need_close = false;
    for (size_t i = 0; i < shown; ++i) {
      bool last = i == shown - 1;
      if (last) m_need_close = true;  // the closing line may be drawn by a nested group
      mark();
      write_indent(indent());
      bool truncated = i >= size_t(kMaxGroupWidth);
      m_out += i == 0 ? "+-" : "  ";
      if (truncated) {
        m_out += "+---------------- ... ----------------\n";
      } else {
        m_out += "+---------------- " + std::to_string(i + 1) + " ----------------\n";
      }
      m_group_depth += 1;
      if (!truncated) {
        RecursionGuard guard(" in print_exception_group");
        if (!guard.ok) {
          clear_exception();
          m_group_depth -= 1;
          return;
        }
        print_recursive(tuple_item(members, i));
      } else {
        size_t remaining = count - size_t(kMaxGroupWidth);
        mark();
        write_indented_margin();
        m_out += "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n";
      }
      if (last && m_need_close) {
        mark();
        write_indent(indent());
        m_out += "+------------------------------------\n";
        m_need_close = false;
      }
      m_group_depth -= 1;
    }
    if (m_group_depth == 1) m_group_depth -= 1;
  }

  void print_one(Value value) {
    if (!is_exception_instance(value)) {
      mark();
      m_out += "TypeError: print_exception(): Exception expected for value, ";
      m_out += value.type()->m_tp_name;
      m_out += " found\n";
      return;
    }
    Ref keep = ref(value);
    auto* e = value.as<BaseExceptionObject>();
    Value traceback = e->m_traceback.get();
    if (m_options.top_exception == value.as_object()) traceback = m_options.top_traceback;
    if (!m_options.only_message && traceback && traceback.type() == &traceback_type) {
      const char* header = kTracebackHeader;
      const char* header_margin = margin();
      if (is_exception_group(value)) {
        header = kGroupTracebackHeader;
        if (m_group_depth == 1) header_margin = "+ ";
      }
      print_traceback(traceback, header_margin, header);
    }
    // __notes__ is read before the SyntaxError lines replace `value`.
    bool has_notes = false;
    Ref notes = lookup_attr(value, intern_static("__notes__"), has_notes);
    if (!has_notes) clear_exception();
    Type* type = value.type();
    Value message_value = value;
    Ref syntax_message;
    if (m_options.python_style && isinstance(value, &syntax_error_type)) {
      print_python_syntax_error(value, type);
    } else {
      if (print_file_and_line(value, syntax_message)) message_value = syntax_message;
      print_message(type, message_value);
      if (message_value.is(value)) print_suggestion(value);
      m_out += "\n";
    }
    if (has_notes) print_notes(notes);
  }

  // The frames of `tb`, oldest first, under `header`.
  void print_traceback(Value tb, const char* header_margin, const char* header) {
    // The limit: the caller's (traceback module), else sys.tracebacklimit.
    bool limited = m_options.limit_set;
    int64_t limit = m_options.limit;
    if (!limited) {
      Value sys = lookup_module("sys");
      Value value = sys && is_module(sys) ? dict_lookup_str(module_dict(sys), "tracebacklimit") : Value();
      if (value && is_int(value)) {
        limited = true;
        if (!int_fits_int64(value, limit)) limit = int_is_negative(value) ? INT64_MIN : INT64_MAX;
        if (m_options.python_style && limit < 0) limit = 0;
      }
    }
    std::vector<TracebackObject*> entries;
    for (Value cursor = tb; cursor && cursor.type() == &traceback_type; cursor = as_tb(cursor)->m_next.get()) {
      entries.push_back(as_tb(cursor));
    }
    size_t first = 0;
    if (m_options.python_style) {
      // traceback.py: a positive limit keeps the oldest entries, a negative
      // one the newest; the header goes only above some entry.
      if (limited && limit >= 0) {
        if (uint64_t(limit) < entries.size()) entries.resize(size_t(limit));
      } else if (limited && uint64_t(-(limit + 1)) + 1 < entries.size()) {
        first = entries.size() - size_t(-(limit + 1)) - 1;
      }
      if (first >= entries.size()) return;
    } else {
      // The interpreter: the newest `limit` entries (1000 by default);
      // nothing at all, not even the header, for a limit <= 0.
      if (!limited) limit = kTracebackLimit;
      if (limit <= 0) return;
      if (entries.size() > uint64_t(limit)) first = entries.size() - size_t(limit);
    }
    if (*header != '\0') {
      mark();
      write_indent(indent());
      m_out += header_margin;
      m_out += header;
    }
    Object* last_file = nullptr;
    Object* last_name = nullptr;
    int last_line = -1;
    bool have_last = false;
    int64_t count = 0;
    for (size_t i = first; i < entries.size(); ++i) {
      TracebackObject* entry = entries[i];
      const CodeObject* code = entry->m_code && is_code(entry->m_code) ? entry->m_code.as<CodeObject>() : nullptr;
      Object* file = code ? code->m_filename.object() : nullptr;
      Object* name = code ? code->m_name.object() : nullptr;
      if (!have_last || file != last_file || last_line == -1 || entry->m_lineno != last_line || name != last_name) {
        if (count > kRecursiveCutoff) print_repeated(count);
        last_file = file;
        last_line = entry->m_lineno;
        last_name = name;
        have_last = true;
        count = 0;
      }
      ++count;
      if (count <= kRecursiveCutoff) print_entry(entry, code);
    }
    if (count > kRecursiveCutoff) print_repeated(count);
  }

  // CPython writes this line without the group margin; traceback.py with it.
  void print_repeated(int64_t count) {
    count -= kRecursiveCutoff;
    mark();
    if (m_options.python_style) write_indented_margin();
    m_out += "  [Previous line repeated " + std::to_string(count) + (count > 1 ? " more times]\n" : " more time]\n");
  }

  void print_entry(TracebackObject* entry, const CodeObject* code) {
    mark();
    write_indented_margin();
    std::string filename = code && code->m_filename && is_str(code->m_filename)
                               ? std::string(str_view(code->m_filename))
                               : std::string("<unknown>");
    std::string name = code && code->m_name && is_str(code->m_name) ? std::string(str_view(code->m_name))
                                                                   : std::string("<unknown>");
    m_out += "  File \"" + filename + "\", line " + std::to_string(entry->m_lineno) + ", in " + name + "\n";
    std::string line;
    if (code == nullptr || !source_line(code, entry->m_lineno, line)) return;
    size_t leading = 0;
    while (leading < line.size() && is_blank(line[leading])) ++leading;
    std::string_view stripped = std::string_view(line).substr(leading);
    if (m_options.python_style) {
      while (!stripped.empty() && (stripped.back() == ' ' || stripped.back() == '\t' || stripped.back() == '\f' ||
                                   stripped.back() == '\v' || stripped.back() == '\r')) {
        stripped.remove_suffix(1);
      }
      if (stripped.empty()) return;
    }
    write_indented_margin();
    m_out += "    ";
    m_out += stripped;
    m_out += "\n";
    print_carets(entry, code, line, int64_t(leading));
  }

  void print_carets(TracebackObject* entry, const CodeObject* code, std::string_view line, int64_t leading) {
    if (entry->m_lasti < 0 || size_t(entry->m_lasti) >= code->m_positions.size()) return;
    const Position& position = code->m_positions[size_t(entry->m_lasti)];
    if (position.lineno < 0 || position.end_lineno < 0 || position.col < 0 || position.end_col < 0) return;
    int64_t start_offset = character_offset(line, position.col);
    int64_t end_offset = character_offset(line, position.end_col);
    int64_t line_length = int64_t(code_point_count(line));
    Anchors anchors;
    if (position.lineno == position.end_lineno) {
      anchors = extract_anchors(line, start_offset, end_offset);
    } else {
      // A multi-line span: underline to the last non-blank character.
      // (CPython indexes the UTF-8 bytes with a character count here.)
      int64_t i = line_length;
      while (--i >= 0) {
        if (i >= int64_t(line.size()) || !is_blank(line[size_t(i)])) break;
      }
      end_offset = i + 1;
    }
    // No carets when they would underline the whole (stripped) line.
    int64_t stripped_length = line_length - leading;
    if (m_options.python_style) {
      std::string_view rest = line.substr(size_t(leading));
      size_t trailing = 0;
      while (trailing < rest.size() && is_blank(rest[rest.size() - 1 - trailing])) ++trailing;
      stripped_length -= int64_t(trailing);
    }
    if (end_offset - start_offset == stripped_length && !anchors.found) return;
    write_indented_margin();
    const char* primary = anchors.found ? "~" : "^";
    const char* secondary = "^";
    int64_t offset = leading - 4;
    while (++offset <= end_offset) {
      if (offset <= start_offset) {
        m_out += " ";
      } else if (anchors.found && anchors.left < offset && offset <= anchors.right) {
        m_out += secondary;
      } else {
        m_out += primary;
      }
    }
    m_out += "\n";
  }

  // SyntaxError and its subclasses: "  File …, line N", the text and a
  // caret line, as CPython's print_exception_file_and_line. Returns true
  // and sets `message` (the msg attribute) when it printed them.
  bool print_file_and_line(Value value, Ref& message) {
    bool found = false;
    Ref marker = lookup_attr(value, intern_static("print_file_and_line"), found);
    if (!found) {
      clear_exception();
      return false;
    }
    int64_t lineno = 0, offset = -1, end_lineno = 0, end_offset = -1;
    Ref filename, text;
    if (!parse_syntax_error(value, message, filename, lineno, offset, end_lineno, end_offset, text)) {
      clear_exception();
      message.reset();
      return false;
    }
    write_indented_margin();
    std::string filename_text;
    if (!safe_str(filename, filename_text)) filename_text = "";
    m_out += "  File \"" + filename_text + "\", line " + std::to_string(lineno) + "\n";
    if (text) {
      std::string_view error_line = is_str(text) ? str_view(text) : std::string_view();
      bool have_line = is_str(text);
      int64_t line_size = int64_t(error_line.size());
      // A span over several lines is underlined to the end of the first.
      if (end_lineno > lineno) end_offset = have_line ? line_size : -1;
      // No more carets than the line has room for.
      if (have_line && end_offset > line_size + 1) end_offset = line_size + 1;
      if (have_line) print_error_text(offset, end_offset, error_line);
    }
    return true;
  }

  bool read_ssize(Value v, int64_t& out) {
    if (!is_int(v)) {
      raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer", value_type_name(v).data());
      return false;
    }
    if (!int_fits_int64(v, out)) {
      raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
      return false;
    }
    return true;
  }

  bool parse_syntax_error(Value err, Ref& message, Ref& filename, int64_t& lineno, int64_t& offset,
                          int64_t& end_lineno, int64_t& end_offset, Ref& text) {
    message = getattr(err, "msg");
    if (!message) return false;
    filename = getattr(err, "filename");
    if (!filename) return false;
    if (is_none(filename)) filename = make_str("<string>");
    Ref v = getattr(err, "lineno");
    if (!v || !read_ssize(v, lineno)) return false;
    v = getattr(err, "offset");
    if (!v) return false;
    if (is_none(v)) {
      offset = -1;
    } else if (!read_ssize(v, offset)) {
      return false;
    }
    if (err.type() == &syntax_error_type) {
      v = getattr(err, "end_lineno");
      if (!v) {
        clear_exception();
        end_lineno = lineno;
      } else if (is_none(v)) {
        end_lineno = lineno;
      } else if (!read_ssize(v, end_lineno)) {
        return false;
      }
      v = getattr(err, "end_offset");
      if (!v) {
        clear_exception();
        end_offset = -1;
      } else if (is_none(v)) {
        end_offset = -1;
      } else if (!read_ssize(v, end_offset)) {
        return false;
      }
    } else {
      end_lineno = lineno;
      end_offset = -1;
    }
    v = getattr(err, "text");
    if (!v) return false;
    if (is_none(v)) {
      text.reset();
    } else {
      text = std::move(v);
    }
    return true;
  }

  // CPython's print_error_text: the line without its indentation, and the
  // carets under columns offset..end_offset (1-based; counted on the
  // UTF-8 text as CPython does). No margin: CPython writes none here.
  void print_error_text(int64_t offset, int64_t end_offset, std::string_view text) {
    int64_t carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    // A NUL ends the text for C.
    size_t nul = text.find('\0');
    if (nul != std::string_view::npos) text = text.substr(0, nul);
    offset--;
    while (!text.empty() && is_blank(text.front())) {
      text.remove_prefix(1);
      offset--;
    }
    int64_t length = int64_t(text.size());
    if (length > 0 && text[size_t(length) - 1] == '\n') length--;
    if (offset > length) offset = length;
    while (true) {
      size_t newline = text.find('\n');
      if (newline == std::string_view::npos) break;
      int64_t at = int64_t(newline);
      if (at >= offset) break;
      at += 1;
      text.remove_prefix(size_t(at));
      length -= at;
      offset -= at;
    }
    m_out += "    ";
    m_out += text;
    if (length < 0 || size_t(length) >= text.size() || text[size_t(length)] != '\n') m_out += "\n";
    if (offset < 0) return;
    m_out += "    ";
    while (--offset >= 0) m_out += " ";
    m_out.append(size_t(carets), '^');
    m_out += "\n";
  }

  // The traceback module's rendering of a SyntaxError (traceback.py's
  // _format_syntax_error), which differs from the interpreter's.
  void print_python_syntax_error(Value value, Type* type) {
    auto* e = value.as<BaseExceptionObject>();
    std::string type_text = qualified_type_name(type);
    std::string filename_suffix;
    Value lineno = e->m_lineno.get();
    Value filename = e->m_filename.get();
    if (lineno && !is_none(lineno)) {
      std::string file_text = "<string>";
      if (filename && is_true(filename) == 1) safe_str(filename, file_text);
      std::string line_text;
      safe_str(lineno, line_text);
      mark();
      write_indented_margin();
      m_out += "  File \"" + file_text + "\", line " + line_text + "\n";
    } else if (filename && !is_none(filename)) {
      std::string file_text;
      safe_str(filename, file_text);
      filename_suffix = " (" + file_text + ")";
    }
    Value text = e->m_text.get();
    if (text && is_str(text)) {
      std::string_view rtext = str_view(text);
      while (!rtext.empty() && rtext.back() == '\n') rtext.remove_suffix(1);
      std::string_view ltext = rtext;
      while (!ltext.empty() && (ltext.front() == ' ' || ltext.front() == '\n' || ltext.front() == '\f')) {
        ltext.remove_prefix(1);
      }
      int64_t spaces = int64_t(code_point_count(rtext) - code_point_count(ltext));
      mark();
      write_indented_margin();
      m_out += "    ";
      m_out += ltext;
      m_out += "\n";
      Value offset_value = e->m_offset.get();
      int64_t offset, end_offset;
      if (offset_value && is_int(offset_value) && int_fits_int64(offset_value, offset)) {
        Value end_value = e->m_end_offset.get();
        if (!end_value || is_none(end_value) || !is_int(end_value) || !int_fits_int64(end_value, end_offset) ||
            end_offset == 0) {
          end_offset = offset;
        }
        if (offset == end_offset || end_offset == -1) end_offset = offset + 1;
        int64_t colno = offset - 1 - spaces;
        int64_t end_colno = end_offset - 1 - spaces;
        if (colno >= 0) {
          mark();
          write_indented_margin();
          m_out += "    ";
          std::string_view prefix = code_point_slice(ltext, 0, colno);
          for (char c : prefix) m_out += (c == '\t' || c == '\f' || c == '\v') ? c : ' ';
          if (end_colno > colno) m_out.append(size_t(end_colno - colno), '^');
          m_out += "\n";
        }
      }
    }
    std::string message = "<no detail available>";
    Value msg = e->m_message.get();
    if (msg && is_true(msg) == 1) safe_str(msg, message);
    if (error_pending()) clear_exception();
    mark();
    write_indented_margin();
    m_out += type_text + ": " + message + filename_suffix + "\n";
  }

  std::string qualified_type_name(Type* type) {
    std::string text;
    Ref module = getattr(Value(type), "__module__");
    if (!module || !is_str(module)) {
      clear_exception();
      text = "<unknown>.";
    } else if (str_view(module) != "builtins" && str_view(module) != "__main__") {
      text = std::string(str_view(module)) + ".";
    }
    Ref qualname = getattr(Value(type), "__qualname__");
    if (!qualname || !is_str(qualname)) {
      clear_exception();
      text += "<unknown>";
    } else {
      text += str_view(qualname);
    }
    return text;
  }

  // "module.Qualname: str(value)", or just the name when str() is empty.
  void print_message(Type* type, Value value) {
    mark();
    write_indented_margin();
    m_out += qualified_type_name(type);
    if (is_none(value)) return;
    std::string text;
    if (!safe_str(value, text)) {
      m_out += ": <exception str() failed>";
      return;
    }
    if (!text.empty()) m_out += ": ";
    m_out += text;
  }

  void print_suggestion(Value value) {
    Ref best = suggestion_for(value);
    if (error_pending()) clear_exception();
    if (best) m_out += ". Did you mean: '" + std::string(str_view(best)) + "'?";
  }

  void print_notes(Value notes) {
    if (m_options.python_style) {
      print_python_notes(notes);
      return;
    }
    if (!is_sequence(notes)) {
      write_indented_margin();
      Ref text = repr(notes);
      if (!text) {
        clear_exception();
        m_out += "<__notes__ repr() failed>";
      } else {
        m_out += str_view(text);
      }
      // CPython 3.11 writes no newline after it.
      return;
    }
    std::optional<int64_t> count = length(notes);
    if (!count) {
      clear_exception();
      return;
    }
    for (int64_t i = 0; i < *count; ++i) {
      Ref index = make_int(i);
      Ref note = getitem(notes, index);
      std::string text;
      if (!note || !safe_str(note, text)) {
        clear_exception();
        m_out += "<note str() failed>";
      } else {
        for (const std::string& line : split_lines_keepends(text)) {
          write_indented_margin();
          m_out += line;
        }
      }
      m_out += "\n";
    }
  }

  // traceback.py: each note split on "\n"; a non-sequence shows its repr.
  void print_python_notes(Value notes) {
    if (is_none(notes)) return;
    if (!is_sequence(notes) || is_dict(notes)) {
      Ref text = repr(notes);
      std::string line = text ? std::string(str_view(text)) : "<__notes__ repr() failed>";
      if (!text) clear_exception();
      mark();
      write_indented_margin();
      m_out += line;
      return;
    }
    bool ok = for_each(notes, [&](Value note) {
      std::string text;
      if (!safe_str(note, text)) text = "<note str() failed>";
      size_t start = 0;
      while (true) {
        size_t newline = text.find('\n', start);
        mark();
        write_indented_margin();
        m_out += text.substr(start, newline == std::string::npos ? std::string::npos : newline - start);
        m_out += "\n";
        if (newline == std::string::npos) break;
        start = newline + 1;
      }
      return true;
    });
    if (!ok) clear_exception();
  }

  const PrintOptions& m_options;
  std::string m_out;
  std::vector<size_t> m_chunks;
  std::unordered_set<const Object*> m_seen;
  int m_group_depth = 0;
  bool m_need_close = false;
};

// Writes text to sys.stderr (or the C stream when there is none).
void write_to_stderr(const std::string& text) {
  Value sys = lookup_module("sys");
  if (sys && is_module(sys)) {
    Value stderr_file = dict_lookup_str(module_dict(sys), "stderr");
    if (stderr_file && is_none(stderr_file)) return;
    if (stderr_file && file_write_text(stderr_file, text)) {
      Ref flushed = call_method(stderr_file, "flush", {});
      if (!flushed) clear_exception();
      return;
    }
    clear_exception();
  }
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

void write_unraisable(Value where, Value exception) { write_unraisable(where, exception, "in"); }

void print_unraisable(Value err_msg, Value object, Value exception) {
  std::string text;
  if (object && !is_none(object)) {
    Ref shown = repr(object);
    if (!shown) clear_exception();
    text = err_msg && is_str(err_msg) ? std::string(str_view(err_msg)) + ": " : "Exception ignored in: ";
    text += shown ? std::string(str_view(shown)) : "<object repr() failed>";
    text += "\n";
  } else if (err_msg && is_str(err_msg)) {
    text = std::string(str_view(err_msg)) + ":\n";
  }
  flush_std_streams();
  std::fputs(text.c_str(), stderr);
  if (exception && is_exception_instance(exception)) print_exception(exception);
}

Type unraisable_hook_args_type = make_struct_seq_type(
    "UnraisableHookArgs", {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"},
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.");
COIL_REGISTER_TYPE(unraisable_hook_args_type, "sys");

void write_unraisable(Value where, Value exception, const char* context) {
  Ref saved = fetch_exception();
  Ref err_msg = std::string_view(context) == "in" ? new_none() : make_str("Exception ignored " + std::string(context));
  Value sys = lookup_module("sys");
  Value sys_dict = sys ? module_dict(sys) : Value();
  Value hook = sys_dict ? dict_lookup_str(sys_dict, "unraisablehook") : Value();
  Value default_hook = sys_dict ? dict_lookup_str(sys_dict, "__unraisablehook__") : Value();
  if (!err_msg || !hook || hook.is(default_hook) || is_none(hook)) {
    if (!err_msg) clear_exception();
    print_unraisable(err_msg.get(), where, exception);
    restore_exception(std::move(saved));
    return;
  }
  Value traceback = exception.as<BaseExceptionObject>()->m_traceback.get();
  Ref args = make_struct_seq(&unraisable_hook_args_type,
                             {Value(exception.type()), exception, traceback ? traceback : none(), err_msg.get(),
                              where ? where : none()});
  Ref keep_hook = ref(hook);
  if (!args || !call(keep_hook, {args.get()})) {
    Ref error = fetch_exception();
    Ref message = make_str("Exception ignored in sys.unraisablehook");
    if (message) print_unraisable(message.get(), keep_hook.get(), error.get());
  }
  restore_exception(std::move(saved));
}

bool code_source_line(const CodeObject* code, int lineno, std::string& line) {
  return source_line(code, lineno, line);
}

std::string format_exception(Value exception, const PrintOptions& options) {
  // Keep the pending exception (if any) out of the way of the str() and
  // repr() calls made while printing.
  Ref pending = fetch_exception();
  ExceptionPrinter printer(options);
  printer.print_recursive(exception);
  if (error_pending()) clear_exception();
  restore_exception(std::move(pending));
  return printer.take();
}

std::vector<std::string> format_exception_chunks(Value exception, const PrintOptions& options) {
  Ref pending = fetch_exception();
  ExceptionPrinter printer(options);
  printer.print_recursive(exception);
  if (error_pending()) clear_exception();
  restore_exception(std::move(pending));
  return printer.take_chunks();
}

std::vector<std::string> format_traceback_chunks(Value traceback, const PrintOptions& options) {
  Ref pending = fetch_exception();
  ExceptionPrinter printer(options);
  printer.print_entries(traceback);
  if (error_pending()) clear_exception();
  restore_exception(std::move(pending));
  return printer.take_chunks();
}

std::string format_exception(Value exception) { return format_exception(exception, PrintOptions{}); }

void print_exception(Value exception) {
  std::fflush(stdout);
  std::string text = format_exception(exception);
  Ref pending = fetch_exception();
  write_to_stderr(text);
  restore_exception(std::move(pending));
}

}  // namespace coil

namespace coil {

Value frame_snapshot_trace(Value snapshot) { return as_snapshot(snapshot)->m_trace.get(); }
bool frame_snapshot_traces_lines(Value snapshot) { return !as_snapshot(snapshot)->m_trace_lines_off; }
void frame_snapshot_set_trace(Value snapshot, Value function) {
  auto* f = as_snapshot(snapshot);
  if (function) {
    f->m_trace = ref(function);
  } else {
    f->m_trace.reset();
  }
}

}  // namespace coil
