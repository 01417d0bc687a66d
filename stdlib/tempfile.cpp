// The native part of `tempfile` (`_tempfile`, which lib/tempfile.py builds
// on): gettempdir(), mkdtemp() and TemporaryDirectory, as CPython's
// Lib/tempfile.py (names "tmp" + eight random characters, made with
// mkdtemp(3) in $TMPDIR or /tmp).
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"

namespace coil {

extern Type temporary_directory_type;

namespace {

std::string temp_directory() {
  for (const char* variable : {"TMPDIR", "TEMP", "TMP"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return value;
  }
  return "/tmp";
}

// mkdtemp(suffix=None, prefix=None, dir=None) as one C++ call: the new
// directory's absolute path.
bool make_temp_directory(const Value* bound, std::string& out) {
  for (int i = 0; i < 3; ++i) {
    if (bound[i] && !is_none(bound[i]) && !is_str(bound[i])) {
      raise_format(&type_error_type, "expected str, not %s", value_type_name(bound[i]).data());
      return false;
    }
  }
  std::string suffix = bound[0] && !is_none(bound[0]) ? std::string(str_view(bound[0])) : "";
  std::string prefix = bound[1] && !is_none(bound[1]) ? std::string(str_view(bound[1])) : "tmp";
  std::string directory = bound[2] && !is_none(bound[2]) ? std::string(str_view(bound[2])) : temp_directory();
  if ((prefix + suffix + directory).find('\0') != std::string::npos) {
    raise(&value_error_type, "embedded null character in path");
    return false;
  }
  // mkdtemp(3) wants the X's last: make the name, then rename to add the suffix.
  std::string pattern = directory + "/" + prefix + "XXXXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    Ref where = make_str(directory);
    raise_os_error_from_errno(errno, where);
    return false;
  }
  if (!suffix.empty()) {
    std::string named = pattern + suffix;
    if (std::rename(pattern.c_str(), named.c_str()) != 0) {
      Ref where = make_str(named);
      raise_os_error_from_errno(errno, where);
      return false;
    }
    pattern = named;
  }
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(pattern, error);
  out = error ? pattern : absolute.string();
  return true;
}

Ref tempfile_gettempdir(Value, Args) { return make_str(temp_directory()); }

Ref tempfile_mkdtemp(Value, Args args) {
  static const ArgSpec spec{"mkdtemp", {"suffix", "prefix", "dir"}, 0, SIZE_MAX, 0};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string path;
  if (!make_temp_directory(bound, path)) return {};
  return make_str(path);
}

struct TemporaryDirectoryObject : Object {
  Ref m_name;
  bool m_cleaned;
  bool m_ignore_errors;
};

TemporaryDirectoryObject* as_temporary(Value v) { return v.as<TemporaryDirectoryObject>(); }

Ref temporary_directory_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"TemporaryDirectory", {"suffix", "prefix", "dir", "ignore_cleanup_errors"}, 0, SIZE_MAX, 0};
  Value bound[4];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  int ignore = bound[3] ? is_true(bound[3]) : 0;
  if (ignore < 0) return {};
  std::string path;
  if (!make_temp_directory(bound, path)) return {};
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* directory = static_cast<TemporaryDirectoryObject*>(object);  // zeroed: the Ref starts null
  directory->m_name = make_str(path);
  directory->m_ignore_errors = ignore;
  if (!directory->m_name) {
    Ref owned = Ref::steal(object);
    return {};
  }
  return Ref::steal(object);
}

// Removes the directory and everything in it, once.
Ref temporary_directory_cleanup(Value self, Args) {
  TemporaryDirectoryObject* directory = as_temporary(self);
  if (directory->m_cleaned) return new_none();
  directory->m_cleaned = true;
  std::error_code error;
  std::filesystem::remove_all(std::string(str_view(directory->m_name)), error);
  if (error && !directory->m_ignore_errors) return raise_os_error_from_errno(error.value(), directory->m_name);
  return new_none();
}

Ref temporary_directory_enter(Value self, Args) { return as_temporary(self)->m_name; }
Ref temporary_directory_exit(Value self, Args) {
  Ref result = temporary_directory_cleanup(self, Args{});
  if (!result) return {};
  return new_bool(false);
}

Ref temporary_directory_repr(Value self) {
  Ref name = repr(as_temporary(self)->m_name);
  if (!name) return {};
  return make_str("<TemporaryDirectory " + std::string(str_view(name)) + ">");
}

Ref get_name(Value self) { return as_temporary(self)->m_name; }

// A directory still there when its object goes is removed, as CPython's finalizer does.
void temporary_directory_destroy(Object* object) {
  auto* directory = static_cast<TemporaryDirectoryObject*>(object);
  if (!directory->m_cleaned && directory->m_name) {
    std::error_code error;
    std::filesystem::remove_all(std::string(str_view(directory->m_name)), error);
  }
  directory->~TemporaryDirectoryObject();
}

const MethodDef kTemporaryDirectoryMethods[] = {
    {"cleanup", temporary_directory_cleanup, ArgKind::NoArgs},
    {"__enter__", temporary_directory_enter, ArgKind::NoArgs},
    {"__exit__", temporary_directory_exit, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kTemporaryDirectoryGetSet[] = {
    {"name", get_name},
    {nullptr, nullptr},
};

const MethodDef kTempfileFunctions[] = {
    {"gettempdir", tempfile_gettempdir, ArgKind::NoArgs},
    {"mkdtemp", tempfile_mkdtemp, ArgKind::Keywords},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_tempfile(Value module) {
  if (!module_add_functions(module, kTempfileFunctions)) return false;
  return dict_setitem_str(module_dict(module), "TemporaryDirectory", Value(&temporary_directory_type));
}

}  // namespace

Type temporary_directory_type = [] {
  Type type{};
  type.m_tp_name = "tempfile.TemporaryDirectory";
  type.m_size = sizeof(TemporaryDirectoryObject);
  type.m_flags = kTypeImmutable | kTypePythonClass;
  type.m_new = temporary_directory_new;
  type.m_destroy = temporary_directory_destroy;
  type.m_repr = temporary_directory_repr;
  type.m_methods = kTemporaryDirectoryMethods;
  type.m_getset = kTemporaryDirectoryGetSet;
  return type;
}();
COIL_REGISTER_TYPE(temporary_directory_type);

COIL_REGISTER_MODULE("_tempfile", init_tempfile);

}  // namespace coil
