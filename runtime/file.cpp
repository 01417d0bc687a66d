// File objects (runtime/file.h).
//
// Both kinds sit directly on a C stdio stream, which does the buffering. A
// text file encodes and decodes through runtime/codecs.h and translates
// newlines as CPython's TextIOWrapper does for its `newline` argument:
//
//   None  reading: '\r\n' and '\r' become '\n'; writing: '\n' is written as is
//   ''    reading: lines end at '\n', '\r' or '\r\n', kept as they are
//   '\n'  lines end at '\n'; '\r' and '\r\n' likewise, and writing '\n' writes it
//
// For the ASCII-compatible encodings (UTF-8, latin-1, ascii, cp1252) a read
// takes from the stream only the bytes of the characters it returns, so the
// stream's position is always the file's and tell() is exact. Other
// encodings (UTF-16, UTF-32) are decoded whole on the first read and served
// from that text.
#include "runtime/file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace coil {

namespace {

enum class Newline : uint8_t { Universal, UniversalKept, LF, CR, CRLF };
enum class LastOperation : uint8_t { None, Read, Write };

struct FileObject : Object {
  std::FILE* m_stream;
  bool m_borrowed;  // sys.std*: never fclose'd
  bool m_closed;
  bool m_readable;
  bool m_writable;
  Newline m_newline;
  bool m_ascii_compatible;  // text: '\r' and '\n' are single bytes of the encoding
  bool m_utf8;              // text: characters are read as UTF-8 sequences
  LastOperation m_last;     // stdio needs a seek between a write and a read
  Ref m_name;
  Ref m_mode;
  Ref m_encoding;
  std::string m_codec;    // the codec's canonical name, for text files
  std::string m_errors;   // the error handler, for text files
  std::string m_decoded;  // text decoded ahead (other encodings), as UTF-8
  Ref m_buffer;           // sys.std*'s binary layer (.buffer), made on first use
};

FileObject* as_file(Value v) { return v.as<FileObject>(); }
bool is_file(Value v) { return v.is_object() && (v.type() == &text_file_type || v.type() == &binary_file_type); }
bool is_text(Value v) { return v.type() == &text_file_type; }

// io.UnsupportedOperation, an OSError and a ValueError; made on first use.
Ref g_unsupported_operation;

Value unsupported_operation_type() {
  if (!g_unsupported_operation) {
    Ref name = make_str("UnsupportedOperation");
    Ref bases = make_tuple({Value(&os_error_type), Value(&value_error_type)});
    Ref dict = make_dict();
    Ref module = make_str("io");
    if (!name || !bases || !dict || !module || !dict_setitem_str(dict, "__module__", module)) return Value();
    g_unsupported_operation = call(Value(&type_type), {name, bases, dict});
  }
  return g_unsupported_operation;
}

Raised raise_unsupported(const char* message) {
  Value type = unsupported_operation_type();
  if (!type) return {};
  Ref text = make_str(message);
  Ref exception = call(type, {text});
  if (!exception) return {};
  return raise_value(exception);
}

bool check_open(FileObject* f) {
  if (f->m_closed) {
    raise(&value_error_type, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Ref raise_os_error(int error_number, Value filename) { return raise_os_error_from_errno(error_number, filename); }

// Checks that the file can be read and switches the stream to reading.
// The messages are _io's: a text file says "not readable", a binary one names the call.
bool begin_read(FileObject* f) {
  if (!check_open(f)) return false;
  if (!f->m_readable) {
    raise_unsupported(f->m_type == &text_file_type ? "not readable" : "read");
    return false;
  }
  if (f->m_last == LastOperation::Write) std::fseek(f->m_stream, 0, SEEK_CUR);
  f->m_last = LastOperation::Read;
  return true;
}

bool begin_write(FileObject* f) {
  if (!check_open(f)) return false;
  if (!f->m_writable) {
    raise_unsupported(f->m_type == &text_file_type ? "not writable" : "write");
    return false;
  }
  if (f->m_last == LastOperation::Read) std::fseek(f->m_stream, 0, SEEK_CUR);
  f->m_last = LastOperation::Write;
  return true;
}

// --- text: newlines, decoding -------------------------------------------------

// Translates the newlines of text read in universal mode: '\r\n' and '\r' become '\n'.
std::string translate_read_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

Ref decode(FileObject* f, std::string_view bytes) {
  if (f->m_utf8 && f->m_errors == "strict" && is_valid_utf8(bytes)) return make_str(bytes);
  return decode_text(bytes, f->m_codec, f->m_errors);
}

// Reading and writing let the GIL go when other threads exist, as a pipe
// or a terminal may block (runtime/threads.h).

// Waits, with the GIL let go, until the stream has something to read
// (or is at its end): a byte-at-a-time read then does not block holding it.
void wait_for_input(FILE* stream) {
  if (!g_threads_started) return;
#ifdef __GLIBC__
  if (stream->_IO_read_ptr < stream->_IO_read_end) return;  // buffered already
#endif
  int fd = fileno(stream);
  if (fd < 0) return;
  struct pollfd ready = {fd, POLLIN, 0};
  if (poll(&ready, 1, 0) != 0) return;  // readable, at its end, or an error the read reports
  ReleaseGil release;
  poll(&ready, 1, -1);
}

int read_byte(FILE* stream) {
  wait_for_input(stream);
  return std::fgetc(stream);
}

// fread() into a buffer of the caller's (not a Python object's).
size_t read_block(char* buffer, size_t size, FILE* stream) {
  ReleaseGil release;
  return std::fread(buffer, 1, size, stream);
}

// fwrite() of `bytes` (and a flush when `flush`): the bytes are copied
// first when the GIL goes, since another thread could change a bytearray
// meanwhile. False with errno set on failure.
bool write_bytes(FILE* stream, std::string_view bytes, bool flush) {
  if (!g_threads_started) {
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), stream) == bytes.size();
    if (ok && flush) std::fflush(stream);
    return ok;
  }
  std::string copy(bytes);
  bool ok;
  int error;
  {
    ReleaseGil release;
    ok = std::fwrite(copy.data(), 1, copy.size(), stream) == copy.size();
    error = errno;
    if (ok && flush) std::fflush(stream);
  }
  errno = error;
  return ok;
}

// Reads the bytes of one character of an ASCII-compatible encoding; false at the end.
bool read_character(FileObject* f, std::string& out) {
  int c = read_byte(f->m_stream);
  if (c == EOF) return false;
  out += char(c);
  if (!f->m_utf8 || c < 0xC0) return true;
  int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  for (int i = 0; i < more; ++i) {
    int next = read_byte(f->m_stream);
    if (next == EOF) break;
    if ((next & 0xC0) != 0x80) {  // not a continuation: leave it for the next character
      std::ungetc(next, f->m_stream);
      break;
    }
    out += char(next);
  }
  return true;
}

// After a '\r' in universal mode: takes a following '\n' too.
bool take_following_newline(FileObject* f) {
  int next = read_byte(f->m_stream);
  if (next == '\n') return true;
  if (next != EOF) std::ungetc(next, f->m_stream);
  return false;
}

// Whether `line` (bytes read so far) ends a line in the file's newline mode,
// translating its ending in universal mode.
bool ends_line(FileObject* f, std::string& line) {
  char last = line.back();
  switch (f->m_newline) {
    case Newline::Universal:
      if (last == '\r') {
        take_following_newline(f);
        line.back() = '\n';
        return true;
      }
      return last == '\n';
    case Newline::UniversalKept:
      if (last == '\r') {
        if (take_following_newline(f)) line += '\n';
        return true;
      }
      return last == '\n';
    case Newline::LF: return last == '\n';
    case Newline::CR: return last == '\r';
    case Newline::CRLF: return last == '\n' && line.size() >= 2 && line[line.size() - 2] == '\r';
  }
  return false;
}

// The rest of a non-ASCII-compatible file, decoded into m_decoded.
bool decode_ahead(FileObject* f) {
  std::string bytes;
  char buffer[65536];
  size_t got;
  while ((got = read_block(buffer, sizeof buffer, f->m_stream)) > 0) bytes.append(buffer, got);
  if (bytes.empty()) return true;
  Ref text = decode(f, bytes);
  if (!text) return false;
  f->m_decoded += f->m_newline == Newline::Universal ? translate_read_newlines(str_view(text)) : str_view(text);
  return true;
}

// Takes up to `count` characters (all if negative), or one line, from m_decoded.
Ref take_decoded(FileObject* f, int64_t count, bool line) {
  std::string_view text = f->m_decoded;
  size_t end = 0, characters = 0;
  while (end < text.size() && (count < 0 || int64_t(characters) < count)) {
    unsigned char c = static_cast<unsigned char>(text[end]);
    end += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++characters;
    if (line && (c == '\n' || (c == '\r' && f->m_newline == Newline::CR))) break;
  }
  end = std::min(end, text.size());
  Ref result = make_str(text.substr(0, end));
  f->m_decoded.erase(0, end);
  return result;
}

Ref text_read(FileObject* f, int64_t count) {
  if (!f->m_ascii_compatible) {
    if (!decode_ahead(f)) return {};
    return take_decoded(f, count, false);
  }
  std::string bytes;
  if (count < 0) {
    char buffer[65536];
    size_t got;
    while ((got = read_block(buffer, sizeof buffer, f->m_stream)) > 0) bytes.append(buffer, got);
    Ref text = decode(f, bytes);
    if (!text || f->m_newline != Newline::Universal) return text;
    return make_str(translate_read_newlines(str_view(text)));
  }
  for (int64_t i = 0; i < count; ++i) {
    size_t before = bytes.size();
    if (!read_character(f, bytes)) break;
    if (f->m_newline == Newline::Universal && bytes.size() == before + 1 && bytes.back() == '\r') {
      take_following_newline(f);
      bytes.back() = '\n';
    }
  }
  return decode(f, bytes);
}

Ref text_readline(FileObject* f, int64_t limit) {
  if (!f->m_ascii_compatible) {
    if (!decode_ahead(f)) return {};
    return take_decoded(f, limit, true);
  }
  std::string line;
  for (int64_t n = 0; limit < 0 || n < limit; ++n) {
    size_t before = line.size();
    if (!read_character(f, line)) break;
    if (line.size() == before + 1 && ends_line(f, line)) break;
  }
  return decode(f, line);
}

Ref binary_readline(FileObject* f, int64_t limit) {
  std::string line;
  int c;
  while ((limit < 0 || int64_t(line.size()) < limit) && (c = read_byte(f->m_stream)) != EOF) {
    line += char(c);
    if (c == '\n') break;
  }
  return make_bytes(line);
}

// An optional size argument: None or absent is -1.
bool size_argument(Args args, const char* name, int64_t& out) {
  out = -1;
  if (!check_positional(name, args, 0, 1)) return false;
  if (args.count == 1 && !is_none(args[0])) {
    if (!is_int(args[0])) {
      raise_format(&type_error_type, "argument should be integer or None, not '%s'", value_type_name(args[0]).data());
      return false;
    }
    std::optional<int64_t> n = int_as_int64(args[0]);
    if (!n) return false;
    out = *n;
  }
  return true;
}

// --- methods ------------------------------------------------------------------

Ref file_write(Value self, Args args) {
  FileObject* f = as_file(self);
  if (!check_open(f)) return {};
  Value data = args[0];
  if (is_text(self)) {
    if (!is_str(data)) {
      return raise_format(&type_error_type, "write() argument must be str, not %s", value_type_name(data).data());
    }
    if (!begin_write(f)) return {};
    Ref text = ref(data);
    if ((f->m_newline == Newline::CR || f->m_newline == Newline::CRLF) && str_view(data).find('\n') != std::string_view::npos) {
      std::string translated;
      for (char c : str_view(data)) {
        if (c == '\n') translated += f->m_newline == Newline::CR ? "\r" : "\r\n";
        else translated += c;
      }
      text = make_str(translated);
      if (!text) return {};
    }
    Ref encoded;
    std::string_view bytes = str_view(text);
    if (!(f->m_utf8 && is_valid_utf8(bytes))) {
      encoded = encode_text(text, f->m_codec, f->m_errors);
      if (!encoded) return {};
      bytes = bytes_view(encoded);
    }
    // The standard error stream is unbuffered, as CPython's line-buffered stderr appears.
    if (!write_bytes(f->m_stream, bytes, f->m_borrowed && f->m_stream == stderr)) return raise_os_error(errno, Value());
    return make_int(int64_t(str_len(data)));
  }
  std::string_view bytes;
  if (!buffer_view(data, bytes)) {
    return raise_format(&type_error_type, "a bytes-like object is required, not '%s'", value_type_name(data).data());
  }
  if (!begin_write(f)) return {};
  if (!write_bytes(f->m_stream, bytes, false)) return raise_os_error(errno, Value());
  return make_int(int64_t(bytes.size()));
}

// writelines(lines): write() of each item, no separators added.
Ref file_writelines(Value self, Args args) {
  if (!check_open(as_file(self))) return {};
  bool ok = for_each(args[0], [&](Value line) {
    Value one[1] = {line};
    return bool(file_write(self, Args{one, 1}));
  });
  if (!ok) return {};
  return new_none();
}

Ref file_read(Value self, Args args) {
  FileObject* f = as_file(self);
  int64_t count;
  if (!check_open(f) || !size_argument(args, "read", count) || !begin_read(f)) return {};
  if (is_text(self)) return text_read(f, count);
  std::string out;
  char buffer[65536];
  while (count < 0 || int64_t(out.size()) < count) {
    size_t want = count < 0 ? sizeof buffer : std::min(sizeof buffer, size_t(count) - out.size());
    size_t got = read_block(buffer, want, f->m_stream);
    out.append(buffer, got);
    if (got < want) break;
  }
  return make_bytes(out);
}

Ref file_readline(Value self, Args args) {
  FileObject* f = as_file(self);
  int64_t limit;
  if (!check_open(f) || !size_argument(args, "readline", limit) || !begin_read(f)) return {};
  return is_text(self) ? text_readline(f, limit) : binary_readline(f, limit);
}

Ref file_readlines(Value self, Args args) {
  int64_t hint;
  if (!size_argument(args, "readlines", hint)) return {};
  Ref list = make_list();
  int64_t total = 0;
  while (true) {
    Ref line = file_readline(self, Args{});
    if (!line) return {};
    std::optional<int64_t> n = length(line);
    if (!n) return {};
    if (*n == 0) break;
    list_append(list, std::move(line));
    total += *n;
    if (hint > 0 && total >= hint) break;
  }
  return list;
}

Ref file_iternext(Value self) {
  Ref line = file_readline(self, Args{});
  if (!line) return {};
  std::optional<int64_t> n = length(line);
  if (!n || *n == 0) return {};
  return line;
}

Ref file_iter(Value self) {
  if (!check_open(as_file(self))) return {};
  return ref(self);
}

// tell(): the stream's position (text files: less what was decoded ahead).
Ref file_tell(Value self, Args) {
  FileObject* f = as_file(self);
  if (!check_open(f)) return {};
  long position = std::ftell(f->m_stream);
  if (position < 0) return raise_os_error(errno, Value());
  if (!f->m_decoded.empty()) {
    Ref rest = make_str(f->m_decoded);
    Ref encoded = rest ? encode_text(rest, f->m_codec, f->m_errors) : Ref();
    if (!encoded) return {};
    position -= long(bytes_view(encoded).size());
  }
  return make_int(int64_t(position));
}

// seek(offset, whence=0): the new position. As CPython's text files, a text
// file seeks only to a position tell() gave, or to the start or the end.
Ref file_seek(Value self, Args args) {
  FileObject* f = as_file(self);
  if (!check_positional("seek", args, 1, 2) || !check_open(f)) return {};
  if (!is_int(args[0])) {
    return raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer",
                        value_type_name(args[0]).data());
  }
  std::optional<int64_t> offset = int_as_int64(args[0]);
  if (!offset) return {};
  int64_t whence = 0;
  if (args.count == 2) {
    std::optional<int64_t> w = int_as_int64(args[1]);
    if (!w) return {};
    whence = *w;
  }
  if (whence < 0 || whence > 2) {
    return raise_format(&value_error_type, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  if (is_text(self)) {
    if (whence == 1 && *offset != 0) return raise_unsupported("can't do nonzero cur-relative seeks");
    if (whence == 2 && *offset != 0) return raise_unsupported("can't do nonzero end-relative seeks");
    if (whence == 0 && *offset < 0) return raise_format(&value_error_type, "negative seek position %lld", static_cast<long long>(*offset));
    if (whence == 1) return file_tell(self, Args{});
  }
  if (f->m_last == LastOperation::Write) std::fflush(f->m_stream);
  f->m_decoded.clear();
  f->m_last = LastOperation::None;
  if (std::fseek(f->m_stream, long(*offset), whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END) != 0) {
    return raise_os_error(errno, Value());
  }
  return file_tell(self, Args{});
}

Ref file_flush(Value self, Args) {
  FileObject* f = as_file(self);
  if (!check_open(f)) return {};
  std::fflush(f->m_stream);
  return new_none();
}

Ref file_close(Value self, Args) {
  FileObject* f = as_file(self);
  if (!f->m_closed) {
    f->m_closed = true;
    if (f->m_borrowed) std::fflush(f->m_stream);
    else std::fclose(f->m_stream);
  }
  return new_none();
}

Ref file_enter(Value self, Args) {
  if (!check_open(as_file(self))) return {};
  return ref(self);
}
Ref file_exit(Value self, Args) { return file_close(self, Args{}); }
Ref file_fileno(Value self, Args) {
  if (!check_open(as_file(self))) return {};
  return make_int(int64_t(fileno(as_file(self)->m_stream)));
}
Ref file_isatty(Value self, Args) {
  if (!check_open(as_file(self))) return {};
  return new_bool(isatty(fileno(as_file(self)->m_stream)));
}
Ref file_readable(Value self, Args) {
  if (!check_open(as_file(self))) return {};
  return new_bool(as_file(self)->m_readable);
}
Ref file_writable(Value self, Args) {
  if (!check_open(as_file(self))) return {};
  return new_bool(as_file(self)->m_writable);
}
Ref file_seekable(Value self, Args) {
  if (!check_open(as_file(self))) return {};
  return new_bool(std::ftell(as_file(self)->m_stream) >= 0);
}

Ref file_repr(Value self) {
  FileObject* f = as_file(self);
  Ref name = repr(f->m_name);
  if (!name) return {};
  if (is_text(self)) {
    return make_str("<_io.TextIOWrapper name=" + std::string(str_view(name)) + " mode='" +
                    std::string(str_view(f->m_mode)) + "' encoding='" + std::string(str_view(f->m_encoding)) + "'>");
  }
  const char* kind = f->m_readable && f->m_writable ? "BufferedRandom" : f->m_writable ? "BufferedWriter" : "BufferedReader";
  return make_str(std::string("<_io.") + kind + " name=" + std::string(str_view(name)) + ">");
}

void file_destroy(Object* object) {
  FileObject* f = static_cast<FileObject*>(object);
  if (!f->m_closed && !f->m_borrowed) std::fclose(f->m_stream);
  f->~FileObject();
}

Ref get_closed(Value self) { return new_bool(as_file(self)->m_closed); }
Ref get_name(Value self) { return as_file(self)->m_name; }
Ref get_mode(Value self) { return as_file(self)->m_mode; }
Ref get_encoding(Value self) { return as_file(self)->m_encoding; }
Ref get_errors(Value self) { return make_str(as_file(self)->m_errors); }

Ref new_file(Type* type, std::FILE* stream, Value name, std::string_view mode, bool borrowed, bool readable,
             bool writable);

// sys.stdout.buffer and the others: a binary file over the same stdio
// stream, so that bytes and text written to both come out in order. Only
// the standard streams have one: they are never closed under it.
Ref get_buffer(Value self) {
  FileObject* f = as_file(self);
  if (!f->m_borrowed) {
    return raise_format(&attribute_error_type, "'%s' object has no attribute 'buffer'", value_type_name(self).data());
  }
  if (!f->m_buffer) {
    std::string mode = std::string(str_view(f->m_mode)) + "b";
    f->m_buffer = new_file(&binary_file_type, f->m_stream, f->m_name, mode, true, f->m_readable, f->m_writable);
  }
  return f->m_buffer;
}

// As CPython's: stderr is line-buffered, and stdout when it is a terminal,
// unless PYTHONUNBUFFERED asks for no buffering at all.
Ref get_line_buffering(Value self) {
  FileObject* f = as_file(self);
  const char* unbuffered = std::getenv("PYTHONUNBUFFERED");
  bool line = f->m_borrowed && !f->m_closed && !(unbuffered != nullptr && *unbuffered != '\0') &&
              (f->m_stream == stderr || (f->m_stream == stdout && isatty(fileno(stdout))));
  return new_bool(line);
}

const MethodDef kFileMethods[] = {
    {"write", file_write, ArgKind::OneArg},
    {"writelines", file_writelines, ArgKind::OneArg},
    {"read", file_read, ArgKind::VarArgs},
    {"readline", file_readline, ArgKind::VarArgs},
    {"readlines", file_readlines, ArgKind::VarArgs},
    {"tell", file_tell, ArgKind::NoArgs},
    {"seek", file_seek, ArgKind::VarArgs},
    {"flush", file_flush, ArgKind::NoArgs},
    {"close", file_close, ArgKind::NoArgs},
    {"__enter__", file_enter, ArgKind::NoArgs},
    {"__exit__", file_exit, ArgKind::VarArgs},
    {"fileno", file_fileno, ArgKind::NoArgs},
    {"isatty", file_isatty, ArgKind::NoArgs},
    {"readable", file_readable, ArgKind::NoArgs},
    {"writable", file_writable, ArgKind::NoArgs},
    {"seekable", file_seekable, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};
const GetSetDef kFileGetSet[] = {
    {"closed", get_closed}, {"name", get_name}, {"mode", get_mode}, {nullptr, nullptr},
};
const GetSetDef kTextFileGetSet[] = {
    {"closed", get_closed}, {"name", get_name}, {"mode", get_mode}, {"encoding", get_encoding},
    {"errors", get_errors}, {"buffer", get_buffer}, {"line_buffering", get_line_buffering}, {nullptr, nullptr},
};

Ref new_file(Type* type, std::FILE* stream, Value name, std::string_view mode, bool borrowed, bool readable,
             bool writable) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  FileObject* f = new (static_cast<FileObject*>(object)) FileObject();
  f->m_type = type;
  f->m_refcount = 1;
  f->m_stream = stream;
  f->m_borrowed = borrowed;
  f->m_readable = readable;
  f->m_writable = writable;
  f->m_name = ref(name);
  f->m_mode = make_str(mode);
  return Ref::steal(object);
}

// Sets a text file's encoding ("utf-8" as given: the encoding attribute
// shows it as written), error handler and newline mode.
void set_text_options(FileObject* f, std::string_view encoding, std::string_view codec, std::string_view errors,
                      Newline newline) {
  f->m_encoding = make_str(encoding);
  f->m_codec = std::string(codec);
  f->m_errors = std::string(errors);
  f->m_newline = newline;
  f->m_utf8 = codec == "utf-8";
  f->m_ascii_compatible = codec == "utf-8" || codec == "latin-1" || codec == "ascii" || codec == "cp1252" ||
                          codec == "iso8859-15";
}

}  // namespace

Type text_file_type, binary_file_type;

static struct FileTypesSetup {
  FileTypesSetup() {
    for (Type* t : {&text_file_type, &binary_file_type}) {
      t->m_size = sizeof(FileObject);
      t->m_destroy = file_destroy;
      t->m_methods = kFileMethods;
      t->m_repr = file_repr;
      t->m_iter = file_iter;
      t->m_iternext = file_iternext;
    }
    text_file_type.m_tp_name = "_io.TextIOWrapper";
    text_file_type.m_getset = kTextFileGetSet;
    binary_file_type.m_tp_name = "_io.BufferedReader";
    binary_file_type.m_getset = kFileGetSet;
  }
} file_types_setup;
COIL_REGISTER_TYPE(text_file_type);
COIL_REGISTER_TYPE(binary_file_type);

Ref make_std_file(std::FILE* stream, const char* name, const char* mode) {
  Ref name_str = make_str(name);
  bool reading = mode[0] == 'r';
  // As CPython under PYTHONUNBUFFERED (python3 -u): stdout and stderr write
  // through at once, so that their output interleaves in the order written.
  if (!reading) {
    const char* unbuffered = std::getenv("PYTHONUNBUFFERED");
    if (unbuffered != nullptr && unbuffered[0] != '\0') std::setvbuf(stream, nullptr, _IONBF, 0);
  }
  Ref file = new_file(&text_file_type, stream, name_str, mode, true, reading, !reading);
  if (!file) return {};
  // As CPython's under a C or POSIX locale: stdin and stdout carry undecodable
  // bytes through as surrogates; stderr escapes what it cannot encode.
  set_text_options(as_file(file), "utf-8", "utf-8", stream == stderr ? "backslashreplace" : "surrogateescape",
                   Newline::Universal);
  return file;
}

Ref file_open(Args args) {
  static const ArgSpec spec{"open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 0, SIZE_MAX, 1};
  Value bound[8];
  if (!bind_arguments(spec, args, bound)) return {};
  Ref file = ref(bound[0]);
  int descriptor = -1;
  if (is_int(file) && !is_bool(file)) {
    std::optional<int64_t> n = int_as_int64(file);
    if (!n) return {};
    if (*n < 0 || *n > INT32_MAX) return raise(&value_error_type, "negative file descriptor");
    descriptor = int(*n);
  } else if (!is_str(file) && !is_bytes(file)) {
    // An os.PathLike: its __fspath__.
    bool found;
    Ref path = call_special(file, "__fspath__", {}, found);
    if (!found) {
      if (error_pending()) return {};
      return raise_format(&type_error_type, "expected str, bytes or os.PathLike object, not %s",
                          value_type_name(file).data());
    }
    if (!path) return {};
    if (!is_str(path) && !is_bytes(path)) {
      return raise_format(&type_error_type, "expected %s.__fspath__() to return str or bytes, not %s",
                          value_type_name(file).data(), value_type_name(path).data());
    }
    file = std::move(path);
  }
  if (bound[1] && !is_str(bound[1])) {
    return raise_format(&type_error_type, "open() argument 'mode' must be str, not %s", value_type_name(bound[1]).data());
  }
  std::string mode = bound[1] ? std::string(str_view(bound[1])) : "r";
  // As _io.open: each of "rwxabt+" at most once, nothing else.
  bool binary = false, text = false, reading = false, writing = false, appending = false, plus = false,
       creating = false;
  for (char c : mode) {
    bool* flag = nullptr;
    switch (c) {
      case 'r': flag = &reading; break;
      case 'w': flag = &writing; break;
      case 'a': flag = &appending; break;
      case 'x': flag = &creating; break;
      case 'b': flag = &binary; break;
      case 't': flag = &text; break;
      case '+': flag = &plus; break;
      default: break;
    }
    if (flag == nullptr || *flag) return raise_format(&value_error_type, "invalid mode: '%s'", mode.c_str());
    *flag = true;
  }
  if (text && binary) return raise(&value_error_type, "can't have text and binary mode at once");
  if (int(reading) + int(writing) + int(appending) + int(creating) != 1) {
    return raise(&value_error_type, "must have exactly one of create/read/write/append mode");
  }
  for (int i : {3, 4, 5}) {
    if (bound[i] && !is_none(bound[i]) && !is_str(bound[i])) {
      static const char* const kNames[] = {"", "", "", "encoding", "errors", "newline"};
      return raise_format(&type_error_type, "open() argument '%s' must be str or None, not %s", kNames[i],
                          value_type_name(bound[i]).data());
    }
  }
  bool has_encoding = bound[3] && !is_none(bound[3]);
  bool has_errors = bound[4] && !is_none(bound[4]);
  bool has_newline = bound[5] && !is_none(bound[5]);
  if (binary && has_encoding) return raise(&value_error_type, "binary mode doesn't take an encoding argument");
  if (binary && has_errors) return raise(&value_error_type, "binary mode doesn't take an errors argument");
  if (binary && has_newline) return raise(&value_error_type, "binary mode doesn't take a newline argument");
  Newline newline = Newline::Universal;
  if (has_newline) {
    std::string_view value = str_view(bound[5]);
    if (value.empty()) newline = Newline::UniversalKept;
    else if (value == "\n") newline = Newline::LF;
    else if (value == "\r") newline = Newline::CR;
    else if (value == "\r\n") newline = Newline::CRLF;
    else {
      return raise_format(&value_error_type, "illegal newline value: %s", str_cstr(bound[5]));
    }
  }
  // CPython's default is the locale's encoding, UTF-8 here; encoding="locale"
  // (what io.text_encoding(None) gives) asks for the same.
  std::string encoding = has_encoding ? std::string(str_view(bound[3])) : "UTF-8";
  if (encoding == "locale") encoding = "UTF-8";
  std::string_view codec;
  if (!binary) {
    codec = text_codec_name(encoding);
    if (codec.empty()) return raise_format(&lookup_error_type, "unknown encoding: %s", encoding.c_str());
  }
  std::string errors = has_errors ? std::string(str_view(bound[4])) : "strict";

  std::string c_mode = reading ? "r" : writing ? "w" : appending ? "a" : "w";
  if (plus) c_mode += "+";
  c_mode += "b";
  if (creating) c_mode += "x";
  std::FILE* stream;
  if (descriptor >= 0) {
    stream = fdopen(descriptor, c_mode.c_str());
    if (stream == nullptr) return raise_os_error(errno, Value());
  } else {
    std::string path(is_str(file) ? str_view(file) : bytes_view(file));
    if (path.find('\0') != std::string::npos) return raise(&value_error_type, "embedded null byte");
    struct stat info;
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) return raise_os_error(EISDIR, file);
    // "e": O_CLOEXEC, as CPython's files are not inherited by children (PEP 446).
    stream = std::fopen(path.c_str(), (c_mode + "e").c_str());
    if (stream == nullptr) return raise_os_error(errno, file);
  }
  bool closefd = true;
  if (bound[6]) {
    int t = is_true(bound[6]);
    if (t < 0) return {};
    closefd = t;
  }
  if (!closefd && descriptor < 0) return raise(&value_error_type, "Cannot use closefd=False with file name");
  Ref result = new_file(binary ? &binary_file_type : &text_file_type, stream, file, mode, !closefd,
                        reading || plus, !reading || plus);
  if (!result) {
    std::fclose(stream);
    return {};
  }
  if (!binary) set_text_options(as_file(result), encoding, codec, errors, newline);
  return result;
}

bool is_native_text_file(Value file) { return is_file(file) && is_text(file); }

bool file_write_text(Value file, std::string_view text) {
  if (is_native_text_file(file) && as_file(file)->m_utf8 && as_file(file)->m_newline != Newline::CR &&
      as_file(file)->m_newline != Newline::CRLF && is_valid_utf8(text)) {
    FileObject* f = as_file(file);
    if (!begin_write(f)) return false;
    write_bytes(f->m_stream, text, f->m_borrowed && f->m_stream == stderr);
    return true;
  }
  Ref s = make_str(text);
  if (!s) return false;
  Ref r = call_method(file, "write", {s});
  return bool(r);
}

void flush_std_streams() {
  std::fflush(stdout);
  std::fflush(stderr);
}

}  // namespace coil
