// File objects (runtime/file.h).
#include "runtime/file.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace coil {

namespace {

struct FileObject : Object {
  std::FILE* m_stream;
  bool m_borrowed;  // sys.std*: never fclose'd
  bool m_closed;
  bool m_readable;
  bool m_writable;
  Ref m_name;
  Ref m_mode;
  Ref m_encoding;
};

FileObject* as_file(Value v) { return v.as<FileObject>(); }
bool is_file(Value v) { return v.is_object() && (v.type() == &text_file_type || v.type() == &binary_file_type); }
bool is_text(Value v) { return v.type() == &text_file_type; }

bool check_open(FileObject* f) {
  if (f->m_closed) {
    raise(&value_error_type, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Ref raise_os_error(int error_number, Value filename) {
  Ref number = make_int(int64_t(error_number));
  Ref message = make_str(std::strerror(error_number));
  Ref exception = filename ? call(Value(&os_error_type), {number, message, filename})
                           : call(Value(&os_error_type), {number, message});
  if (!exception) return {};
  return raise_value(exception);
}

Ref file_write(Value self, Args args) {
  FileObject* f = as_file(self);
  if (!check_open(f)) return {};
  Value data = args[0];
  std::string_view bytes;
  if (is_text(self)) {
    if (!is_str(data)) {
      return raise_format(&type_error_type, "write() argument must be str, not %s", value_type_name(data).data());
    }
    bytes = str_view(data);
  } else {
    if (is_bytes(data)) bytes = bytes_view(data);
    else if (is_bytearray(data)) bytes = data.as<ByteArrayObject>()->m_data;
    else return raise_format(&type_error_type, "a bytes-like object is required, not '%s'", value_type_name(data).data());
  }
  if (!f->m_writable) return raise(&os_error_type, "not writable");
  if (std::fwrite(bytes.data(), 1, bytes.size(), f->m_stream) != bytes.size()) return raise_os_error(errno, Value());
  // Interactive streams flush at newlines, as CPython's line buffering.
  if (f->m_borrowed && f->m_stream == stderr) std::fflush(f->m_stream);
  if (is_text(self)) return make_int(int64_t(data.as<StrObject>()->m_length));
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

Ref make_result(Value self, const std::string& bytes) {
  if (is_text(self)) return make_str(bytes);
  return make_bytes(bytes);
}

Ref file_read(Value self, Args args) {
  FileObject* f = as_file(self);
  if (!check_open(f)) return {};
  if (!check_positional("read", args, 0, 1)) return {};
  int64_t limit = -1;
  if (args.count == 1 && !is_none(args[0])) {
    std::optional<int64_t> n = int_as_int64(args[0]);
    if (!n) return {};
    limit = *n;
  }
  if (!f->m_readable) return raise(&os_error_type, "not readable");
  std::string out;
  char buffer[65536];
  while (limit < 0 || int64_t(out.size()) < limit) {
    size_t want = limit < 0 ? sizeof buffer : std::min(sizeof buffer, size_t(limit) - out.size());
    size_t got = std::fread(buffer, 1, want, f->m_stream);
    out.append(buffer, got);
    if (got < want) break;
  }
  return make_result(self, out);
}

Ref file_readline(Value self, Args) {
  FileObject* f = as_file(self);
  if (!check_open(f)) return {};
  std::string out;
  int c;
  while ((c = std::fgetc(f->m_stream)) != EOF) {
    out += char(c);
    if (c == '\n') break;
  }
  return make_result(self, out);
}

Ref file_readlines(Value self, Args) {
  Ref list = make_list();
  while (true) {
    Ref line = file_readline(self, Args{});
    if (!line) return {};
    std::optional<int64_t> n = length(line);
    if (!n) return {};
    if (*n == 0) break;
    list_append(list, std::move(line));
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
Ref file_readable(Value self, Args) { return new_bool(as_file(self)->m_readable); }
Ref file_writable(Value self, Args) { return new_bool(as_file(self)->m_writable); }

Ref file_repr(Value self) {
  FileObject* f = as_file(self);
  Ref name = repr(f->m_name);
  if (!name) return {};
  if (is_text(self)) {
    return make_str("<_io.TextIOWrapper name=" + std::string(str_view(name)) + " mode='" +
                    std::string(str_view(f->m_mode)) + "' encoding='" + std::string(str_view(f->m_encoding)) + "'>");
  }
  const char* kind = f->m_writable ? "BufferedWriter" : "BufferedReader";
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

const MethodDef kFileMethods[] = {
    {"write", file_write, ArgKind::OneArg},      {"read", file_read, ArgKind::VarArgs},
    {"readline", file_readline, ArgKind::VarArgs}, {"readlines", file_readlines, ArgKind::VarArgs},
    {"writelines", file_writelines, ArgKind::OneArg},
    {"flush", file_flush, ArgKind::NoArgs},      {"close", file_close, ArgKind::NoArgs},
    {"__enter__", file_enter, ArgKind::NoArgs},  {"__exit__", file_exit, ArgKind::VarArgs},
    {"fileno", file_fileno, ArgKind::NoArgs},    {"isatty", file_isatty, ArgKind::NoArgs},
    {"readable", file_readable, ArgKind::NoArgs}, {"writable", file_writable, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};
const GetSetDef kFileGetSet[] = {
    {"closed", get_closed}, {"name", get_name}, {"mode", get_mode}, {nullptr, nullptr},
};
const GetSetDef kTextFileGetSet[] = {
    {"closed", get_closed}, {"name", get_name}, {"mode", get_mode}, {"encoding", get_encoding}, {nullptr, nullptr},
};

Ref new_file(Type* type, std::FILE* stream, Value name, std::string_view mode, std::string_view encoding,
             bool borrowed, bool readable, bool writable) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  FileObject* f = static_cast<FileObject*>(object);
  f->m_stream = stream;
  f->m_borrowed = borrowed;
  f->m_readable = readable;
  f->m_writable = writable;
  f->m_name = ref(name);
  f->m_mode = make_str(mode);
  f->m_encoding = make_str(encoding);
  return Ref::steal(object);
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
  return new_file(&text_file_type, stream, name_str, mode, "utf-8", true, reading, !reading);
}

Ref file_open(Args args) {
  static const ArgSpec spec{"open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 0, SIZE_MAX, 1};
  Value bound[8];
  if (!bind_arguments(spec, args, bound)) return {};
  Value file = bound[0];
  if (!is_str(file)) {
    return raise_format(&type_error_type, "expected str, bytes or os.PathLike object, not %s", value_type_name(file).data());
  }
  std::string mode = bound[1] ? std::string(str_view(bound[1])) : "r";
  bool binary = false, reading = false, writing = false, appending = false, plus = false, exclusive = false;
  for (char c : mode) {
    switch (c) {
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case 'x': exclusive = true; break;
      case 'b': binary = true; break;
      case 't': break;
      case '+': plus = true; break;
      default: return raise_format(&value_error_type, "invalid mode: '%s'", mode.c_str());
    }
  }
  if (int(reading) + int(writing) + int(appending) + int(exclusive) != 1) {
    return raise(&value_error_type, "must have exactly one of create/read/write/append mode");
  }
  std::string encoding = "UTF-8";
  if (bound[3] && !is_none(bound[3])) {
    if (binary) return raise(&value_error_type, "binary mode doesn't take an encoding argument");
    encoding = std::string(str_view(bound[3]));
  }
  std::string path(str_view(file));
  struct stat info;
  if (reading && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) return raise_os_error(EISDIR, file);
  std::string c_mode = reading ? "r" : writing ? "w" : appending ? "a" : "wx";
  if (plus) c_mode += "+";
  c_mode += "b";
  std::FILE* stream = std::fopen(path.c_str(), c_mode.c_str());
  if (stream == nullptr) return raise_os_error(errno, file);
  Type* type = binary ? &binary_file_type : &text_file_type;
  std::string shown_mode = mode;
  return new_file(type, stream, file, shown_mode, encoding, false, reading || plus, !reading || plus);
}

bool is_native_text_file(Value file) { return is_file(file) && is_text(file); }

bool file_write_text(Value file, std::string_view text) {
  if (is_file(file) && is_text(file)) {
    FileObject* f = as_file(file);
    if (!check_open(f)) return false;
    std::fwrite(text.data(), 1, text.size(), f->m_stream);
    if (f->m_borrowed && f->m_stream == stderr) std::fflush(f->m_stream);
    return true;
  }
  Ref s = make_str(text);
  Ref r = call_method(file, "write", {s});
  return bool(r);
}

void flush_std_streams() {
  std::fflush(stdout);
  std::fflush(stderr);
}

}  // namespace coil
