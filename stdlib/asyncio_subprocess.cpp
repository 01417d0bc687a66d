// The `_asyncio_subprocess` module: child processes on libuv
// (runtime/loop/process.h), for lib/asyncio/base_subprocess.py's
// subprocess transport. The Python side has turned paths, argument lists
// and the environment into str and bytes by the time they come here.
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/loop/process.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/os_string.h"

namespace coil {

namespace {

// spawn(loop, file, args, cwd, env, (stdin, stdout, stderr),
//       start_new_session, on_exit, error_filename)
//   -> (process, stdin transport, stdout transport, stderr transport)
Ref subprocess_spawn(Value, Args args) {
  if (!check_positional("spawn", args, 9, 9)) return {};
  if (!is_event_loop(args[0])) return raise(&type_error_type, "a native event loop is required");
  SpawnOptions options;
  if (!os_string(args[1], options.file) || !os_string_list(args[2], options.args)) return {};
  if (options.args.empty()) return raise(&value_error_type, "args must not be empty");
  if (!is_none(args[3])) {
    options.has_cwd = true;
    if (!os_string(args[3], options.cwd)) return {};
  }
  if (!is_none(args[4])) {
    options.has_env = true;
    if (!os_string_list(args[4], options.env)) return {};
  }
  Value stdio = args[5];
  if (stdio.type() != &tuple_type || tuple_size(stdio) != 3) return raise(&type_error_type, "stdio must be a 3-tuple");
  for (int i = 0; i < 3; ++i) {
    int64_t code = 0;
    Value item = tuple_item(stdio, size_t(i));
    if (!is_int(item)) return raise_format(&type_error_type, "bad value for standard stream %d", i);
    if (!int_fits_int64(item, code)) return raise(&overflow_error_type, "Python int too large to convert to C long");
    // Not a descriptor at all: the child could not have it (EBADF).
    options.stdio[i] = code < INT32_MIN || code > INT32_MAX ? INT32_MIN : int(code);
  }
  int new_session = is_true(args[6]);
  if (new_session < 0) return {};
  options.start_new_session = new_session;
  if (!is_callable(args[7])) return raise(&type_error_type, "on_exit must be callable");
  if (!os_string(args[8], options.error_filename)) return {};
  return process_spawn(args[0], options, args[7]);
}

const MethodDef kFunctions[] = {
    {"spawn", subprocess_spawn, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_asyncio_subprocess(Value module) {
  if (!module_add_functions(module, kFunctions)) return false;
  Value dict = module_dict(module);
  return dict_setitem_str(dict, "PIPE", Value::small_int(kSpawnPipe)) &&
         dict_setitem_str(dict, "STDOUT", Value::small_int(kSpawnStdout)) &&
         dict_setitem_str(dict, "DEVNULL", Value::small_int(kSpawnDevnull)) &&
         dict_setitem_str(dict, "ChildProcess", Value(&child_process_type));
}

}  // namespace

COIL_REGISTER_MODULE("_asyncio_subprocess", init_asyncio_subprocess);

}  // namespace coil
