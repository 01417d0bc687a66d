// Child processes on libuv (uv_spawn): what lib/asyncio/base_subprocess.py
// builds loop.subprocess_exec/subprocess_shell and asyncio's Process on.
//
// A child's pipes are the stream transports of runtime/loop/tcp.h. Its
// stdin is one end of a socket pair, as CPython's, so that the parent sees
// the child close it; stdout and stderr are pipes. libuv reaps the child
// (it waits for the pids it spawned only, so other waiters for other
// children are undisturbed) and its exit is reported on the asyncio loop
// that spawned it. Until then the child counts as I/O in flight: under
// virtual time the clock does not jump past a timer while a child runs,
// and a program prints the same in both clock modes.
#pragma once

#include <string>
#include <vector>

#include "runtime/loop/loop.h"

namespace coil {

extern Type child_process_type;

// What a child's standard stream is connected to, as asyncio.subprocess's
// constants say it; an int >= 0 is a descriptor the child inherits.
enum : int { kSpawnPipe = -1, kSpawnStdout = -2, kSpawnDevnull = -3 };

struct SpawnOptions {
  std::string file;               // the program, looked for on the child's PATH
  std::vector<std::string> args;  // argv, args[0] included
  bool has_cwd = false;
  std::string cwd;
  bool has_env = false;
  std::vector<std::string> env;  // "NAME=value" each
  int stdio[3] = {0, 1, 2};
  bool start_new_session = false;
  std::string error_filename;  // the name a failed exec reports
};

// Starts a child: (process, stdin transport, stdout transport, stderr
// transport), a transport None where that stream is not a pipe, or an
// OSError as CPython's subprocess raises it ("[Errno 2] No such file or
// directory: 'x'"). `on_exit(returncode)` is called soon on `loop` once the
// child ends (returncode -N for death by signal N).
Ref process_spawn(Value loop, const SpawnOptions& options, Value on_exit);

}  // namespace coil
