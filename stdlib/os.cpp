// The `os` module and `os.path` (`posixpath`): the part of them scripts use
// most — paths as strings, the working directory, making and removing files
// and directories, the environment. Functions behave as CPython's on POSIX
// (Lib/posixpath.py, Modules/posixmodule.c), raising the OSError subclass
// for errno with the path as its filename.
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sched.h>
#include <csignal>
#include <cstring>
#include <algorithm>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/signals.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"
#include "vm/import.h"

extern char** environ;

namespace coil {

namespace {

// A path argument: a str, or an os.PathLike whose __fspath__ gives one.
bool path_argument(const char* function, Value v, std::string& out) {
  if (is_str(v)) {
    out = std::string(str_view(v));
  } else {
    bool found;
    Ref path = call_special(v, "__fspath__", {}, found);
    if (!found) {
      if (error_pending()) return false;
      // Each layer of CPython words it its own way: posixmodule's path
      // converter, genericpath's check in join, os.fspath elsewhere in posixpath.
      std::string_view name = function;
      if (name == "join") {
        raise_format(&type_error_type, "join() argument must be str, bytes, or os.PathLike object, not '%s'",
                     value_type_name(v).data());
      } else if (name == "split" || name == "dirname" || name == "basename" || name == "splitext" ||
                 name == "normpath" || name == "abspath" || name == "isabs" || name == "expanduser") {
        raise_format(&type_error_type, "expected str, bytes or os.PathLike object, not %s", value_type_name(v).data());
      } else {
        raise_format(&type_error_type, "%s: path should be string, bytes or os.PathLike, not %s", function,
                     value_type_name(v).data());
      }
      return false;
    }
    if (!path) return false;
    if (!is_str(path)) {
      raise_format(&type_error_type, "expected %s.__fspath__() to return str, not %s", value_type_name(v).data(),
                   value_type_name(path).data());
      return false;
    }
    out = std::string(str_view(path));
  }
  if (out.find('\0') != std::string::npos) {
    raise_format(&value_error_type, "%s: embedded null character in path", function);
    return false;
  }
  return true;
}

// posixpath.join(a, *p): an absolute component restarts the path.
Ref path_join(Value, Args args) {
  if (args.count == 0) return raise(&type_error_type, "join() missing 1 required positional argument: 'a'");
  std::string result;
  for (size_t i = 0; i < args.count; ++i) {
    std::string part;
    if (!path_argument("join", args[i], part)) return {};
    if (i == 0 || (!part.empty() && part[0] == '/')) {
      result = part;
    } else if (result.empty() || result.back() == '/') {
      result += part;
    } else {
      result += "/" + part;
    }
  }
  return make_str(result);
}

// posixpath.split: (head, tail), the head without its trailing slashes
// unless it is all slashes.
void split_path(const std::string& path, std::string& head, std::string& tail) {
  size_t slash = path.rfind('/');
  size_t cut = slash == std::string::npos ? 0 : slash + 1;
  head = path.substr(0, cut);
  tail = path.substr(cut);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
}

Ref path_split(Value, Args args) {
  std::string path, head, tail;
  if (!path_argument("split", args[0], path)) return {};
  split_path(path, head, tail);
  Ref h = make_str(head), t = make_str(tail);
  if (!h || !t) return {};
  return make_tuple({h, t});
}

Ref path_dirname(Value, Args args) {
  std::string path, head, tail;
  if (!path_argument("dirname", args[0], path)) return {};
  split_path(path, head, tail);
  return make_str(head);
}

Ref path_basename(Value, Args args) {
  std::string path, head, tail;
  if (!path_argument("basename", args[0], path)) return {};
  split_path(path, head, tail);
  return make_str(tail);
}

// posixpath.splitext: the extension starts at the last dot of the last
// component, unless the component is only dots before it (".bashrc").
Ref path_splitext(Value, Args args) {
  std::string path;
  if (!path_argument("splitext", args[0], path)) return {};
  size_t slash = path.rfind('/');
  size_t start = slash == std::string::npos ? 0 : slash + 1;
  size_t dot = path.rfind('.');
  std::string root = path, extension;
  if (dot != std::string::npos && dot > start) {
    bool leading_dots = path.find_first_not_of('.', start) >= dot;
    if (!leading_dots) {
      root = path.substr(0, dot);
      extension = path.substr(dot);
    }
  }
  Ref r = make_str(root), e = make_str(extension);
  if (!r || !e) return {};
  return make_tuple({r, e});
}

// posixpath.normpath: collapses '//', '.' and 'a/..' without looking at the disk.
std::string normalize(const std::string& path) {
  if (path.empty()) return ".";
  int initial_slashes = path[0] == '/' ? 1 : 0;
  if (initial_slashes && path.size() > 1 && path[1] == '/' && (path.size() == 2 || path[2] != '/')) initial_slashes = 2;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part.empty() || part == ".") {
      // skipped
    } else if (part != ".." || (!initial_slashes && parts.empty()) || (!parts.empty() && parts.back() == "..")) {
      parts.push_back(part);
    } else if (!parts.empty()) {
      parts.pop_back();
    }
    start = end + 1;
  }
  std::string result(size_t(initial_slashes), '/');
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) result += '/';
    result += parts[i];
  }
  return result.empty() ? "." : result;
}

Ref path_normpath(Value, Args args) {
  std::string path;
  if (!path_argument("normpath", args[0], path)) return {};
  return make_str(normalize(path));
}

bool current_directory(std::string& out) {
  std::error_code error;
  std::filesystem::path cwd = std::filesystem::current_path(error);
  if (error) {
    raise_os_error_from_errno(error.value());
    return false;
  }
  out = cwd.string();
  return true;
}

Ref path_abspath(Value, Args args) {
  std::string path;
  if (!path_argument("abspath", args[0], path)) return {};
  if (path.empty() || path[0] != '/') {
    std::string cwd;
    if (!current_directory(cwd)) return {};
    path = path.empty() ? cwd : cwd + "/" + path;
  }
  return make_str(normalize(path));
}

Ref path_isabs(Value, Args args) {
  std::string path;
  if (!path_argument("isabs", args[0], path)) return {};
  return new_bool(!path.empty() && path[0] == '/');
}

// exists/isfile/isdir: False for any error, as os.stat failing.
template <int Kind>
Ref path_test(Value, Args args) {
  std::string path;
  if (!path_argument("stat", args[0], path)) return {};
  struct stat info;
  if (path.find('\0') != std::string::npos || ::stat(path.c_str(), &info) != 0) return new_bool(false);
  if (Kind == 1) return new_bool(S_ISREG(info.st_mode));
  if (Kind == 2) return new_bool(S_ISDIR(info.st_mode));
  return new_bool(true);
}

Ref path_expanduser(Value, Args args) {
  std::string path;
  if (!path_argument("expanduser", args[0], path)) return {};
  if (path.empty() || path[0] != '~' || (path.size() > 1 && path[1] != '/')) return make_str(path);
  const char* home = std::getenv("HOME");
  if (home == nullptr) return make_str(path);
  std::string result = std::string(home) + path.substr(1);
  return make_str(result.empty() ? "/" : result);
}

const MethodDef kPathFunctions[] = {
    {"join", path_join, ArgKind::VarArgs},
    {"split", path_split, ArgKind::OneArg},
    {"dirname", path_dirname, ArgKind::OneArg},
    {"basename", path_basename, ArgKind::OneArg},
    {"splitext", path_splitext, ArgKind::OneArg},
    {"normpath", path_normpath, ArgKind::OneArg},
    {"abspath", path_abspath, ArgKind::OneArg},
    {"isabs", path_isabs, ArgKind::OneArg},
    {"exists", path_test<0>, ArgKind::OneArg},
    {"isfile", path_test<1>, ArgKind::OneArg},
    {"isdir", path_test<2>, ArgKind::OneArg},
    {"expanduser", path_expanduser, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_posixpath(Value module) {
  if (!module_add_functions(module, kPathFunctions)) return false;
  Value dict = module_dict(module);
  return dict_setitem_str(dict, "sep", intern_static("/")) && dict_setitem_str(dict, "curdir", intern_static(".")) &&
         dict_setitem_str(dict, "pardir", intern_static("..")) && dict_setitem_str(dict, "extsep", intern_static("."));
}

// --- os -----------------------------------------------------------------------

Ref os_getcwd(Value, Args) {
  std::string cwd;
  if (!current_directory(cwd)) return {};
  return make_str(cwd);
}

Ref os_chdir(Value, Args args) {
  std::string path;
  if (!path_argument("chdir", args[0], path)) return {};
  if (::chdir(path.c_str()) != 0) return raise_os_error_from_errno(errno, args[0]);
  return new_none();
}

Ref os_listdir(Value, Args args) {
  if (!check_positional("listdir", args, 0, 1)) return {};
  std::string path = ".";
  if (args.count == 1 && !is_none(args[0]) && !path_argument("listdir", args[0], path)) return {};
  DIR* directory = ::opendir(path.c_str());
  if (directory == nullptr) return raise_os_error_from_errno(errno, args.count ? args[0] : Value());
  Ref list = make_list();
  while (struct dirent* entry = ::readdir(directory)) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    Ref item = make_str(name);
    if (!item) {
      ::closedir(directory);
      return {};
    }
    list_append(list, std::move(item));
  }
  ::closedir(directory);
  return list;
}

Ref os_mkdir(Value, Args args) {
  static const ArgSpec spec{"mkdir", {"path", "mode"}, 0, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string path;
  if (!path_argument("mkdir", bound[0], path)) return {};
  int64_t mode = 0777;
  if (bound[1] && !int_fits_int64(bound[1], mode)) return raise(&overflow_error_type, "mode out of range");
  if (::mkdir(path.c_str(), mode_t(mode)) != 0) return raise_os_error_from_errno(errno, bound[0]);
  return new_none();
}

Ref os_makedirs(Value, Args args) {
  static const ArgSpec spec{"makedirs", {"name", "mode", "exist_ok"}, 0, SIZE_MAX, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string path;
  if (!path_argument("makedirs", bound[0], path)) return {};
  int exist_ok = bound[2] ? is_true(bound[2]) : 0;
  if (exist_ok < 0) return {};
  struct stat info;
  if (::stat(path.c_str(), &info) == 0) {
    if (exist_ok && S_ISDIR(info.st_mode)) return new_none();
    return raise_os_error_from_errno(EEXIST, bound[0]);
  }
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) return raise_os_error_from_errno(error.value(), bound[0]);
  return new_none();
}

template <int (*Call)(const char*)>
Ref os_path_call(Value, Args args) {
  std::string path;
  if (!path_argument("remove", args[0], path)) return {};
  if (Call(path.c_str()) != 0) return raise_os_error_from_errno(errno, args[0]);
  return new_none();
}

// rename, replace, link, symlink: a call on two paths; an error names the first.
Ref two_path_call(const char* name, Args args, size_t most, int (*call)(const char*, const char*)) {
  if (!check_positional(name, args, 2, most)) return {};
  std::string first, second;
  if (!path_argument(name, args[0], first) || !path_argument(name, args[1], second)) return {};
  if (call(first.c_str(), second.c_str()) != 0) return raise_os_error_from_errno(errno, args[0]);
  return new_none();
}

Ref os_rename(Value, Args args) { return two_path_call("rename", args, 2, ::rename); }
// rename() already replaces an existing destination on POSIX.
Ref os_replace(Value, Args args) { return two_path_call("replace", args, 2, ::rename); }
// The third argument, target_is_directory, matters only on Windows.
Ref os_symlink(Value, Args args) { return two_path_call("symlink", args, 3, ::symlink); }
Ref os_link(Value, Args args) { return two_path_call("link", args, 2, ::link); }

Ref os_getpid(Value, Args) { return make_int(int64_t(::getpid())); }

Ref os_getenv(Value, Args args) {
  if (!check_positional("getenv", args, 1, 2)) return {};
  if (!is_str(args[0])) return raise_format(&type_error_type, "str expected, not %s", value_type_name(args[0]).data());
  const char* value = std::getenv(std::string(str_view(args[0])).c_str());
  if (value == nullptr) return ref(args.count == 2 ? args[1] : none());
  return make_str(value);
}

Ref os_fspath(Value, Args args) {
  if (is_str(args[0]) || is_bytes(args[0])) return ref(args[0]);
  bool found;
  Ref path = call_special(args[0], "__fspath__", {}, found);
  if (!found && !error_pending()) {
    return raise_format(&type_error_type, "expected str, bytes or os.PathLike object, not %s",
                        value_type_name(args[0]).data());
  }
  return path;
}

// --- The calls lib/os.py builds on --------------------------------------------

// An int argument that fits a C int (file descriptors, modes, flags).
bool int_argument(Value v, int64_t& out) {
  if (!is_int(v)) {
    raise_format(&type_error_type, "'%s' object cannot be interpreted as an integer", value_type_name(v).data());
    return false;
  }
  if (!int_fits_int64(v, out)) {
    raise(&overflow_error_type, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

// stat/lstat/fstat: the raw fields, which lib/os.py turns into a
// stat_result: (mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns,
// ctime_ns, blksize, blocks, rdev).
Ref stat_tuple(const struct stat& info) {
  auto ns = [](const struct timespec& t) { return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec; };
  Ref items[13] = {make_int(int64_t(info.st_mode)),    make_int(int64_t(info.st_ino)),
                   make_int(int64_t(info.st_dev)),     make_int(int64_t(info.st_nlink)),
                   make_int(int64_t(info.st_uid)),     make_int(int64_t(info.st_gid)),
                   make_int(int64_t(info.st_size)),    make_int(ns(info.st_atim)),
                   make_int(ns(info.st_mtim)),         make_int(ns(info.st_ctim)),
                   make_int(int64_t(info.st_blksize)), make_int(int64_t(info.st_blocks)),
                   make_int(int64_t(info.st_rdev))};
  Ref tuple = make_tuple(13);
  if (!tuple) return {};
  for (size_t i = 0; i < 13; ++i) {
    if (!items[i]) return {};
    tuple_set(tuple, i, std::move(items[i]));
  }
  return tuple;
}

template <bool FollowSymlinks>
Ref os_stat_raw(Value, Args args) {
  if (is_int(args[0])) {
    int64_t fd;
    if (!int_argument(args[0], fd)) return {};
    struct stat info;
    if (::fstat(int(fd), &info) != 0) return raise_os_error_from_errno(errno);
    return stat_tuple(info);
  }
  std::string path;
  if (!path_argument(FollowSymlinks ? "stat" : "lstat", args[0], path)) return {};
  struct stat info;
  int result = FollowSymlinks ? ::stat(path.c_str(), &info) : ::lstat(path.c_str(), &info);
  if (result != 0) return raise_os_error_from_errno(errno, args[0]);
  return stat_tuple(info);
}

// The entries of a directory as (name, d_type, inode), for os.scandir.
Ref os_scandir_raw(Value, Args args) {
  std::string path;
  if (!path_argument("scandir", args[0], path)) return {};
  DIR* directory = ::opendir(path.c_str());
  if (directory == nullptr) return raise_os_error_from_errno(errno, args[0]);
  Ref list = make_list();
  while (struct dirent* entry = ::readdir(directory)) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    Ref item_name = make_str(name);
    Ref type = make_int(int64_t(entry->d_type));
    Ref inode = make_int(int64_t(entry->d_ino));
    Ref item = item_name && type && inode ? make_tuple({item_name, type, inode}) : Ref();
    if (!item) {
      ::closedir(directory);
      return {};
    }
    list_append(list, std::move(item));
  }
  ::closedir(directory);
  return list;
}

Ref os_access(Value, Args args) {
  if (!check_positional("access", args, 2, 2)) return {};
  std::string path;
  int64_t mode;
  if (!path_argument("access", args[0], path) || !int_argument(args[1], mode)) return {};
  return new_bool(::access(path.c_str(), int(mode)) == 0);
}

Ref os_chmod(Value, Args args) {
  if (!check_positional("chmod", args, 2, 2)) return {};
  std::string path;
  int64_t mode;
  if (!path_argument("chmod", args[0], path) || !int_argument(args[1], mode)) return {};
  if (::chmod(path.c_str(), mode_t(mode)) != 0) return raise_os_error_from_errno(errno, args[0]);
  return new_none();
}

// utime(path, (atime_ns, mtime_ns)) or utime(path, None) for now; lib/os.py
// converts the forms CPython accepts.
Ref os_utime_ns(Value, Args args) {
  if (!check_positional("utime", args, 2, 2)) return {};
  std::string path;
  if (!path_argument("utime", args[0], path)) return {};
  struct timespec times[2];
  if (is_none(args[1])) {
    times[0].tv_nsec = times[1].tv_nsec = UTIME_NOW;
    times[0].tv_sec = times[1].tv_sec = 0;
  } else {
    for (int i = 0; i < 2; ++i) {
      int64_t ns;
      Ref item = getitem(args[1], Value::small_int(i));
      if (!item || !int_argument(item, ns)) return {};
      times[i].tv_sec = time_t(ns / 1000000000);
      times[i].tv_nsec = long(ns % 1000000000);
      if (times[i].tv_nsec < 0) {
        times[i].tv_nsec += 1000000000;
        times[i].tv_sec -= 1;
      }
    }
  }
  if (::utimensat(AT_FDCWD, path.c_str(), times, 0) != 0) return raise_os_error_from_errno(errno, args[0]);
  return new_none();
}

Ref os_readlink(Value, Args args) {
  std::string path;
  if (!path_argument("readlink", args[0], path)) return {};
  std::string buffer(4096, '\0');
  ssize_t n = ::readlink(path.c_str(), buffer.data(), buffer.size());
  if (n < 0) return raise_os_error_from_errno(errno, args[0]);
  buffer.resize(size_t(n));
  return make_str(buffer);
}

Ref os_realpath_raw(Value, Args args) {
  std::string path;
  if (!path_argument("realpath", args[0], path)) return {};
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return new_none();
  Ref result = make_str(resolved);
  std::free(resolved);
  return result;
}

template <unsigned (*Call)()>
Ref os_id_call(Value, Args) { return make_int(int64_t(Call())); }
unsigned get_uid() { return unsigned(::getuid()); }
unsigned get_gid() { return unsigned(::getgid()); }
unsigned get_euid() { return unsigned(::geteuid()); }
unsigned get_egid() { return unsigned(::getegid()); }
unsigned get_ppid() { return unsigned(::getppid()); }

Ref os_strerror(Value, Args args) {
  int64_t code;
  if (!int_argument(args[0], code)) return {};
  return make_str(std::strerror(int(code)));
}

Ref os_cpu_count(Value, Args) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? make_int(int64_t(n)) : new_none();
}

Ref os_umask(Value, Args args) {
  int64_t mask;
  if (!int_argument(args[0], mask)) return {};
  return make_int(int64_t(::umask(mode_t(mask))));
}

Ref os_urandom(Value, Args args) {
  int64_t size;
  if (!int_argument(args[0], size)) return {};
  if (size < 0) return raise(&value_error_type, "negative argument not allowed");
  std::string buffer(size_t(size), '\0');
  // getentropy() gives at most 256 bytes a call.
  for (size_t done = 0; done < buffer.size(); done += 256) {
    if (::getentropy(buffer.data() + done, std::min<size_t>(256, buffer.size() - done)) != 0) {
      return raise_os_error_from_errno(errno);
    }
  }
  return make_bytes(buffer);
}

Ref os_open(Value, Args args) {
  static const ArgSpec spec{"open", {"path", "flags", "mode"}, 0, SIZE_MAX, 2};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string path;
  int64_t flags, mode = 0777;
  if (!path_argument("open", bound[0], path) || !int_argument(bound[1], flags)) return {};
  if (bound[2] && !int_argument(bound[2], mode)) return {};
  int fd = ::open(path.c_str(), int(flags) | O_CLOEXEC, mode_t(mode));
  if (fd < 0) return raise_os_error_from_errno(errno, bound[0]);
  return make_int(int64_t(fd));
}

Ref os_close(Value, Args args) {
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  if (::close(int(fd)) != 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref os_read(Value, Args args) {
  if (!check_positional("read", args, 2, 2)) return {};
  int64_t fd, size;
  if (!int_argument(args[0], fd) || !int_argument(args[1], size)) return {};
  if (size < 0) return raise_os_error_from_errno(EINVAL);
  std::string buffer(size_t(size), '\0');
  ssize_t n;
  do {
    ReleaseGil release;  // a pipe or a terminal may block (runtime/threads.h)
    n = ::read(int(fd), buffer.data(), buffer.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_os_error_from_errno(errno);
  buffer.resize(size_t(n));
  return make_bytes(buffer);
}

Ref os_write(Value, Args args) {
  if (!check_positional("write", args, 2, 2)) return {};
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  if (!is_bytes(args[1])) {
    return raise_format(&type_error_type, "a bytes-like object is required, not '%s'", value_type_name(args[1]).data());
  }
  std::string_view data = bytes_view(args[1]);  // bytes: immutable while the GIL is let go
  ssize_t n;
  do {
    ReleaseGil release;  // a pipe may block (runtime/threads.h)
    n = ::write(int(fd), data.data(), data.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return raise_os_error_from_errno(errno);
  return make_int(int64_t(n));
}

Ref os_lseek(Value, Args args) {
  if (!check_positional("lseek", args, 3, 3)) return {};
  int64_t fd, position, how;
  if (!int_argument(args[0], fd) || !int_argument(args[1], position) || !int_argument(args[2], how)) return {};
  off_t result = ::lseek(int(fd), off_t(position), int(how));
  if (result < 0) return raise_os_error_from_errno(errno);
  return make_int(int64_t(result));
}

Ref os_isatty(Value, Args args) {
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  return new_bool(::isatty(int(fd)) == 1);
}

// (columns, lines) of the terminal on `fd`.
Ref os_terminal_size_raw(Value, Args args) {
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  struct winsize size {};
  if (::ioctl(int(fd), TIOCGWINSZ, &size) != 0) return raise_os_error_from_errno(errno);
  Ref columns = make_int(int64_t(size.ws_col)), lines = make_int(int64_t(size.ws_row));
  return make_tuple({columns, lines});
}

Ref os_putenv(Value, Args args) {
  if (!check_positional("putenv", args, 2, 2)) return {};
  if (!is_str(args[0]) || !is_str(args[1])) return raise(&type_error_type, "str expected");
  if (::setenv(std::string(str_view(args[0])).c_str(), std::string(str_view(args[1])).c_str(), 1) != 0) {
    return raise_os_error_from_errno(errno);
  }
  return new_none();
}

Ref os_unsetenv(Value, Args args) {
  if (!is_str(args[0])) return raise(&type_error_type, "str expected");
  ::unsetenv(std::string(str_view(args[0])).c_str());
  return new_none();
}

Ref os_kill(Value, Args args) {
  if (!check_positional("kill", args, 2, 2)) return {};
  int64_t pid, signum;
  if (!int_argument(args[0], pid) || !int_argument(args[1], signum)) return {};
  if (::kill(pid_t(pid), int(signum)) != 0) return raise_os_error_from_errno(errno);
  // A signal sent to this process has its Python handler run before kill()
  // returns, as CPython's does when the call ends.
  if (!check_signals()) return {};
  return new_none();
}

Ref os_pipe(Value, Args) {
  int fds[2];
  // As CPython's os.pipe: both ends non-inheritable.
  if (::pipe2(fds, O_CLOEXEC) != 0) return raise_os_error_from_errno(errno);
  return make_tuple({Value::small_int(fds[0]), Value::small_int(fds[1])});
}

// waitpid(pid, options) -> (pid, status); (0, 0) with WNOHANG when the
// child is still running.
Ref os_waitpid(Value, Args args) {
  if (!check_positional("waitpid", args, 2, 2)) return {};
  int64_t pid, options;
  if (!int_argument(args[0], pid) || !int_argument(args[1], options)) return {};
  int status = 0;
  pid_t result;
  for (;;) {
    {
      ReleaseGil release;  // the child may take its time (runtime/threads.h)
      result = ::waitpid(pid_t(pid), &status, int(options));
    }
    if (result >= 0) break;
    if (errno != EINTR) return raise_os_error_from_errno(errno);
    if (!check_signals()) return {};
  }
  return make_tuple({Value::small_int(result), Value::small_int(status)});
}

// waitstatus_to_exitcode(status): the exit code, or -signal for a child
// a signal killed.
Ref os_waitstatus_to_exitcode(Value, Args args) {
  int64_t status;
  if (!int_argument(args[0], status)) return {};
  int s = int(status);
  if (WIFEXITED(s)) return make_int(int64_t(WEXITSTATUS(s)));
  if (WIFSIGNALED(s)) return make_int(-int64_t(WTERMSIG(s)));
  return raise_format(&value_error_type, "invalid wait status: %d", s);
}

// _uname() -> (sysname, nodename, release, version, machine); lib/os.py
// makes os.uname()'s named result of it.
Ref os_uname_raw(Value, Args) {
  struct utsname names;
  if (::uname(&names) != 0) return raise_os_error_from_errno(errno);
  Ref parts[5] = {make_str(names.sysname), make_str(names.nodename), make_str(names.release),
                  make_str(names.version), make_str(names.machine)};
  for (const Ref& part : parts) {
    if (!part) return {};
  }
  return make_tuple({parts[0], parts[1], parts[2], parts[3], parts[4]});
}

// _exit(status): ends the process at once — no atexit callbacks, no
// flushing of Python's buffers.
Ref os_exit_now(Value, Args args) {
  int64_t status;
  if (!int_argument(args[0], status)) return {};
  ::_exit(int(status));
}

// --- File descriptors, process groups, the shell -----------------------------
// Thin calls of the POSIX functions of the same name, with CPython's argument
// forms; a failure is the OSError for errno.

// Reads `count` int arguments of `function` (positional only).
bool int_arguments(const char* function, Args args, size_t count, int64_t* out) {
  if (!check_positional(function, args, count, count)) return false;
  for (size_t i = 0; i < count; ++i) {
    if (!int_argument(args[i], out[i])) return false;
  }
  return true;
}

Ref os_dup(Value, Args args) {
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  // As CPython's: the new descriptor is not inheritable.
  int result = ::fcntl(int(fd), F_DUPFD_CLOEXEC, 0);
  if (result < 0) return raise_os_error_from_errno(errno);
  return make_int(int64_t(result));
}

// dup2(fd, fd2, inheritable=True)
Ref os_dup2(Value, Args args) {
  static const ArgSpec spec{"dup2", {"fd", "fd2", "inheritable"}, 0, SIZE_MAX, 2};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  int64_t fd, fd2;
  if (!int_argument(bound[0], fd) || !int_argument(bound[1], fd2)) return {};
  int inheritable = bound[2] ? is_true(bound[2]) : 1;
  if (inheritable < 0) return {};
  int result = inheritable ? ::dup2(int(fd), int(fd2)) : ::dup3(int(fd), int(fd2), O_CLOEXEC);
  if (result < 0) return raise_os_error_from_errno(errno);
  return make_int(int64_t(result));
}

// fsync(fd) and fdatasync(fd) also take an object with fileno().
bool fd_argument(Value v, int64_t& fd) {
  if (is_int(v)) return int_argument(v, fd);
  Ref number = call_method(v, "fileno", {});
  if (!number) return false;
  return int_argument(number, fd);
}

Ref os_fsync(Value, Args args) {
  int64_t fd;
  if (!fd_argument(args[0], fd)) return {};
  if (::fsync(int(fd)) != 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref os_fdatasync(Value, Args args) {
  int64_t fd;
  if (!fd_argument(args[0], fd)) return {};
  if (::fdatasync(int(fd)) != 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref os_ftruncate(Value, Args args) {
  int64_t values[2];
  if (!int_arguments("ftruncate", args, 2, values)) return {};
  if (::ftruncate(int(values[0]), off_t(values[1])) != 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref os_truncate(Value, Args args) {
  if (!check_positional("truncate", args, 2, 2)) return {};
  int64_t length;
  if (is_int(args[0])) {
    int64_t fd;
    if (!int_argument(args[0], fd) || !int_argument(args[1], length)) return {};
    if (::ftruncate(int(fd), off_t(length)) != 0) return raise_os_error_from_errno(errno);
    return new_none();
  }
  std::string path;
  if (!path_argument("truncate", args[0], path) || !int_argument(args[1], length)) return {};
  if (::truncate(path.c_str(), off_t(length)) != 0) return raise_os_error_from_errno(errno, args[0]);
  return new_none();
}

Ref os_get_blocking(Value, Args args) {
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  int flags = ::fcntl(int(fd), F_GETFL);
  if (flags < 0) return raise_os_error_from_errno(errno);
  return new_bool(!(flags & O_NONBLOCK));
}

Ref os_set_blocking(Value, Args args) {
  if (!check_positional("set_blocking", args, 2, 2)) return {};
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  int blocking = is_true(args[1]);
  if (blocking < 0) return {};
  int flags = ::fcntl(int(fd), F_GETFL);
  if (flags < 0) return raise_os_error_from_errno(errno);
  flags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (::fcntl(int(fd), F_SETFL, flags) < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref os_get_inheritable(Value, Args args) {
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  int flags = ::fcntl(int(fd), F_GETFD);
  if (flags < 0) return raise_os_error_from_errno(errno);
  return new_bool(!(flags & FD_CLOEXEC));
}

Ref os_set_inheritable(Value, Args args) {
  if (!check_positional("set_inheritable", args, 2, 2)) return {};
  int64_t fd;
  if (!int_argument(args[0], fd)) return {};
  int inheritable = is_true(args[1]);
  if (inheritable < 0) return {};
  int flags = ::fcntl(int(fd), F_GETFD);
  if (flags < 0) return raise_os_error_from_errno(errno);
  flags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (::fcntl(int(fd), F_SETFD, flags) < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

Ref os_killpg(Value, Args args) {
  int64_t values[2];
  if (!int_arguments("killpg", args, 2, values)) return {};
  if (::killpg(pid_t(values[0]), int(values[1])) != 0) return raise_os_error_from_errno(errno);
  if (!check_signals()) return {};
  return new_none();
}

Ref os_getpgid(Value, Args args) {
  int64_t pid;
  if (!int_argument(args[0], pid)) return {};
  pid_t result = ::getpgid(pid_t(pid));
  if (result < 0) return raise_os_error_from_errno(errno);
  return make_int(int64_t(result));
}

Ref os_getpgrp(Value, Args) { return make_int(int64_t(::getpgrp())); }

Ref os_setsid(Value, Args) {
  if (::setsid() < 0) return raise_os_error_from_errno(errno);
  return new_none();
}

// getloadavg(): the 1, 5 and 15 minute load averages.
Ref os_getloadavg(Value, Args) {
  double loads[3];
  if (::getloadavg(loads, 3) != 3) return raise(&os_error_type, "Load averages are unobtainable");
  return make_tuple({make_float(loads[0]), make_float(loads[1]), make_float(loads[2])});
}

// sched_getaffinity(pid): the set of CPUs the process may run on (what
// programs use for "how many workers").
Ref os_sched_getaffinity(Value, Args args) {
  int64_t pid;
  if (!int_argument(args[0], pid)) return {};
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(pid_t(pid), sizeof set, &set) != 0) return raise_os_error_from_errno(errno);
  Ref result = make_set();
  if (!result) return {};
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set) && !set_add(result, Value::small_int(cpu))) return {};
  }
  return result;
}

// system(command): runs it with /bin/sh and returns its wait status, the
// GIL released meanwhile.
Ref os_system(Value, Args args) {
  static const ArgSpec spec{"system", {"command"}, 0, SIZE_MAX, 1};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string command;
  if (!path_argument("system", bound[0], command)) return {};
  std::fflush(stdout);
  std::fflush(stderr);
  int status;
  {
    ReleaseGil release;
    status = std::system(command.c_str());
  }
  if (status == -1) return raise_os_error_from_errno(errno);
  return make_int(int64_t(status));
}

Ref os_getcwdb(Value, Args) {
  std::string cwd;
  if (!current_directory(cwd)) return {};
  return make_bytes(cwd);
}

// wait(): (pid, status) of any child that ended.
Ref os_wait(Value, Args) {
  int status = 0;
  pid_t result;
  for (;;) {
    {
      ReleaseGil release;
      result = ::wait(&status);
    }
    if (result >= 0) break;
    if (errno != EINTR) return raise_os_error_from_errno(errno);
    if (!check_signals()) return {};
  }
  return make_tuple({Value::small_int(result), Value::small_int(status)});
}

const MethodDef kOsFunctions[] = {
    {"dup", os_dup, ArgKind::OneArg},
    {"dup2", os_dup2, ArgKind::Keywords},
    {"fsync", os_fsync, ArgKind::OneArg},
    {"fdatasync", os_fdatasync, ArgKind::OneArg},
    {"ftruncate", os_ftruncate, ArgKind::VarArgs},
    {"truncate", os_truncate, ArgKind::VarArgs},
    {"get_blocking", os_get_blocking, ArgKind::OneArg},
    {"set_blocking", os_set_blocking, ArgKind::VarArgs},
    {"get_inheritable", os_get_inheritable, ArgKind::OneArg},
    {"set_inheritable", os_set_inheritable, ArgKind::VarArgs},
    {"killpg", os_killpg, ArgKind::VarArgs},
    {"getpgid", os_getpgid, ArgKind::OneArg},
    {"getpgrp", os_getpgrp, ArgKind::NoArgs},
    {"setsid", os_setsid, ArgKind::NoArgs},
    {"getloadavg", os_getloadavg, ArgKind::NoArgs},
    {"sched_getaffinity", os_sched_getaffinity, ArgKind::OneArg},
    {"system", os_system, ArgKind::Keywords},
    {"getcwdb", os_getcwdb, ArgKind::NoArgs},
    {"wait", os_wait, ArgKind::NoArgs},
    {"_exit", os_exit_now, ArgKind::OneArg},
    {"_uname", os_uname_raw, ArgKind::NoArgs},
    {"pipe", os_pipe, ArgKind::NoArgs},
    {"waitpid", os_waitpid, ArgKind::VarArgs},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, ArgKind::OneArg},
    {"_stat", os_stat_raw<true>, ArgKind::OneArg},
    {"_lstat", os_stat_raw<false>, ArgKind::OneArg},
    {"_scandir", os_scandir_raw, ArgKind::OneArg},
    {"_realpath", os_realpath_raw, ArgKind::OneArg},
    {"_utime_ns", os_utime_ns, ArgKind::VarArgs},
    {"_terminal_size", os_terminal_size_raw, ArgKind::OneArg},
    {"access", os_access, ArgKind::VarArgs},
    {"replace", os_replace, ArgKind::VarArgs},
    {"chmod", os_chmod, ArgKind::VarArgs},
    {"symlink", os_symlink, ArgKind::VarArgs},
    {"link", os_link, ArgKind::VarArgs},
    {"readlink", os_readlink, ArgKind::OneArg},
    {"getuid", os_id_call<get_uid>, ArgKind::NoArgs},
    {"getgid", os_id_call<get_gid>, ArgKind::NoArgs},
    {"geteuid", os_id_call<get_euid>, ArgKind::NoArgs},
    {"getegid", os_id_call<get_egid>, ArgKind::NoArgs},
    {"getppid", os_id_call<get_ppid>, ArgKind::NoArgs},
    {"strerror", os_strerror, ArgKind::OneArg},
    {"cpu_count", os_cpu_count, ArgKind::NoArgs},
    {"umask", os_umask, ArgKind::OneArg},
    {"urandom", os_urandom, ArgKind::OneArg},
    {"open", os_open, ArgKind::Keywords},
    {"close", os_close, ArgKind::OneArg},
    {"read", os_read, ArgKind::VarArgs},
    {"write", os_write, ArgKind::VarArgs},
    {"lseek", os_lseek, ArgKind::VarArgs},
    {"isatty", os_isatty, ArgKind::OneArg},
    {"putenv", os_putenv, ArgKind::VarArgs},
    {"unsetenv", os_unsetenv, ArgKind::OneArg},
    {"kill", os_kill, ArgKind::VarArgs},
    {"getcwd", os_getcwd, ArgKind::NoArgs},
    {"chdir", os_chdir, ArgKind::OneArg},
    {"listdir", os_listdir, ArgKind::VarArgs},
    {"mkdir", os_mkdir, ArgKind::Keywords},
    {"makedirs", os_makedirs, ArgKind::Keywords},
    {"rmdir", os_path_call<::rmdir>, ArgKind::OneArg},
    {"remove", os_path_call<::unlink>, ArgKind::OneArg},
    {"unlink", os_path_call<::unlink>, ArgKind::OneArg},
    {"rename", os_rename, ArgKind::VarArgs},
    {"getpid", os_getpid, ArgKind::NoArgs},
    {"getenv", os_getenv, ArgKind::VarArgs},
    {"fspath", os_fspath, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// os.environ: a dict copy of the environment taken at import (CPython's
// is a mapping that also calls putenv; coil's does not).
bool init_os(Value module) {
  if (!module_add_functions(module, kOsFunctions)) return false;
  Value dict = module_dict(module);
  static const struct {
    const char* name;
    int64_t value;
  } kConstants[] = {
      {"F_OK", F_OK},         {"R_OK", R_OK},           {"W_OK", W_OK},         {"X_OK", X_OK},
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY},   {"O_RDWR", O_RDWR},     {"O_APPEND", O_APPEND},
      {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},       {"O_TRUNC", O_TRUNC},   {"O_NONBLOCK", O_NONBLOCK},
      {"O_CLOEXEC", O_CLOEXEC}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_DIRECTORY", O_DIRECTORY},
      {"WNOHANG", WNOHANG},   {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR},   {"SEEK_END", SEEK_END},
  };
  for (const auto& c : kConstants) {
    if (!dict_setitem_str(dict, c.name, Value::small_int(c.value))) return false;
  }
  Ref environment = make_dict();
  if (!environment) return false;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text = *entry;
    size_t equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    Ref key = make_str(text.substr(0, equals));
    Ref value = make_str(text.substr(equals + 1));
    if (!key || !value || !dict_setitem(environment, key, value)) return false;
  }
  return dict_setitem_str(dict, "environ", environment) && dict_setitem_str(dict, "name", intern_static("posix")) &&
         dict_setitem_str(dict, "sep", intern_static("/")) && dict_setitem_str(dict, "linesep", intern_static("\n")) &&
         dict_setitem_str(dict, "curdir", intern_static(".")) && dict_setitem_str(dict, "pardir", intern_static("..")) &&
         dict_setitem_str(dict, "extsep", intern_static("."));
}

}  // namespace

COIL_REGISTER_MODULE("_posixpath", init_posixpath);
COIL_REGISTER_MODULE("posix", init_os);

}  // namespace coil
