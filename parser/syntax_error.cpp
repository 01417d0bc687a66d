// Printing a SyntaxError the way CPython's print_exception does for an
// uncaught one: the file and line, the source line stripped of its
// indentation, a caret line under the offending span, then `Kind: message`.
#include "parser/syntax_error.h"

#include <cstring>

#include "runtime/repr.h"

namespace coil {

const char* name_of(SyntaxErrorKind kind) {
  switch (kind) {
    case SyntaxErrorKind::SyntaxError: return "SyntaxError";
    case SyntaxErrorKind::IndentationError: return "IndentationError";
    case SyntaxErrorKind::TabError: return "TabError";
    case SyntaxErrorKind::RecursionError: return "RecursionError";
  }
  return "SyntaxError";
}

namespace {

// Where the line that starts at `start` ends: after its "\n", "\r\n" or
// "\r" (CPython's tokenizer takes all three for a newline), or at the end.
size_t line_end(std::string_view source, size_t start) {
  size_t newline = source.find_first_of("\r\n", start);
  if (newline == std::string_view::npos) return source.size();
  if (source[newline] == '\r' && newline + 1 < source.size() && source[newline + 1] == '\n')
    return newline + 2;
  return newline + 1;
}

// Line `lineno` (from 1) of `source` with its newline, as SyntaxError.text
// holds it; empty when there is no such line.
std::string_view source_line(std::string_view source, int lineno) {
  size_t start = 0;
  for (int line = 1; line < lineno; ++line) {
    if (start >= source.size()) return {};
    start = line_end(source, start);
  }
  if (start >= source.size()) return {};
  return source.substr(start, line_end(source, start) - start);
}

// The line as CPython shows it: its tokenizer has turned "\r\n" into "\n",
// and each byte of an invalid UTF-8 sequence shows as U+FFFD.
std::string display_line(std::string_view source, int lineno) {
  std::string_view raw = source_line(source, lineno);
  std::string line;
  for (size_t pos = 0; pos < raw.size();) {
    size_t start = pos;
    char32_t c = decode_utf8(raw, pos);
    bool invalid = pos == start + 1 && static_cast<unsigned char>(raw[start]) >= 0x80;
    if (invalid || (c >= 0xD800 && c <= 0xDFFF)) {
      for (size_t i = start; i < pos; ++i) line += "\xEF\xBF\xBD";
    } else {
      line.append(raw.substr(start, pos - start));
    }
  }
  size_t size = line.size();
  if (size >= 2 && line[size - 2] == '\r' && line[size - 1] == '\n') {
    line.erase(size - 2, 1);
  } else if (size >= 1 && line[size - 1] == '\r') {
    line[size - 1] = '\n';
  }
  return line;
}

// CPython's print_error_text, step for step: offsets count from 1 and are
// compared against byte lengths just as CPython compares them.
void append_error_text(std::string& out, long offset, long end_offset, std::string_view text) {
  long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  offset--;
  size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\f')) {
    ++start;
    --offset;
  }
  text.remove_prefix(start);
  long length = static_cast<long>(text.size());
  if (length > 0 && text[length - 1] == '\n') --length;
  if (offset > length) offset = length;
  out += "    ";
  out += text;
  if (text.empty() || text.back() != '\n') out += '\n';
  if (offset < 0) return;
  out += "    ";
  out.append(static_cast<size_t>(offset), ' ');
  out.append(static_cast<size_t>(caret_repetitions), '^');
  out += '\n';
}

// The number of code points in the first `bytes` bytes of `line`.
int count_characters(std::string_view line, int bytes) {
  int characters = 0;
  for (int i = 0; i < bytes && i < static_cast<int>(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++characters;
  return characters;
}

}  // namespace

void set_error_location(SyntaxErrorInfo& error, std::string_view source, int lineno,
                        int col_offset, int end_lineno, int end_col_offset) {
  error.lineno = lineno;
  error.offset = count_characters(source_line(source, lineno), col_offset) + 1;
  error.end_lineno = end_lineno;
  error.end_offset = count_characters(source_line(source, end_lineno), end_col_offset) + 1;
}

std::string format_syntax_error(const SyntaxErrorInfo& error, std::string_view filename,
                                std::string_view source) {
  if (error.kind == SyntaxErrorKind::RecursionError)
    return std::string("RecursionError: ") + error.message + "\n";
  std::string out = "  File \"";
  out += filename;
  out += "\", line ";
  out += std::to_string(error.lineno);
  out += '\n';
  std::string text = !error.text.empty() ? error.text + "\n"
                     : error.lineno > 0   ? display_line(source, error.lineno)
                                          : std::string();
  if (!text.empty()) {
    long end_offset = error.end_offset;
    long line_size = static_cast<long>(text.size());
    // A span over several lines is marked to the end of its first line.
    if (error.end_lineno > error.lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    // CPython marks an IndentationError (and a TabError) with a single caret
    // whatever its span.
    if (error.kind != SyntaxErrorKind::SyntaxError) end_offset = 0;
    append_error_text(out, error.offset, end_offset, text);
  }
  out += name_of(error.kind);
  out += ": ";
  out += error.message;
  out += '\n';
  return out;
}

}  // namespace coil
