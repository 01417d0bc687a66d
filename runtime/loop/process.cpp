// Child processes on libuv (runtime/loop/process.h).
//
// Lifetimes, as for the TCP handles: the uv_process_t is its own allocation
// whose `data` holds a reference to the process object until libuv is done
// with the handle, which is closed as soon as the child has been reaped.
#include "runtime/loop/process.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/loop/io.h"
#include "runtime/loop/tcp.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/threads.h"

namespace coil {

namespace {

struct ChildProcessObject : Object {
  uv_process_t* m_handle = nullptr;  // null once the child is reaped
  Ref m_loop;
  Ref m_on_exit;  // called with the return code, then dropped
  int m_pid = 0;
  bool m_exited = false;
  int64_t m_returncode = 0;
};

ChildProcessObject* as_process(Value v) { return v.as<ChildProcessObject>(); }

void on_process_exit(uv_process_t* handle, int64_t exit_status, int term_signal) {
  EnsureGil gil;  // during a wait that let the GIL go (runtime/threads.h)
  auto* p = static_cast<ChildProcessObject*>(handle->data);
  io_end_operation();
  p->m_exited = true;
  // As CPython's subprocess: -N for a child that a signal ended.
  p->m_returncode = term_signal != 0 ? -int64_t(term_signal) : exit_status;
  p->m_handle = nullptr;
  Ref on_exit = std::move(p->m_on_exit);
  if (on_exit) {
    Ref code = make_int(p->m_returncode);
    Ref args = code ? make_tuple({code.get()}) : Ref();
    if (!args || !loop_call_soon(p->m_loop.get().as<EventLoopObject>(), on_exit, args)) clear_exception();
  }
  io_close_owned_handle(reinterpret_cast<uv_handle_t*>(handle));  // drops the handle's reference
}

// send_signal(signum): as Popen.send_signal, nothing once the child has
// been reaped (its pid may be another process's by then).
Ref process_send_signal(Value self, Args args) {
  if (!check_positional("send_signal", args, 1, 1)) return {};
  int64_t signum = 0;
  if (!is_int(args[0]) || !int_fits_int64(args[0], signum)) {
    return raise_type_error_for("an integer is required (got type %s)", args[0]);
  }
  ChildProcessObject* p = as_process(self);
  if (p->m_exited || p->m_handle == nullptr) return new_none();
  if (signum < 0 || signum > 64) return raise_os_error_from_errno(EINVAL), Ref();
  int result = uv_process_kill(p->m_handle, int(signum));
  // A child that ended but is not reaped yet takes signals silently.
  if (result != 0 && result != UV_ESRCH) return raise_uv_error(result), Ref();
  return new_none();
}

Ref process_pid(Value self) { return make_int(int64_t(as_process(self)->m_pid)); }

Ref process_returncode(Value self) {
  ChildProcessObject* p = as_process(self);
  return p->m_exited ? make_int(p->m_returncode) : new_none();
}

Ref process_repr(Value self) {
  ChildProcessObject* p = as_process(self);
  std::string text = "<_ChildProcess pid=" + std::to_string(p->m_pid);
  text += p->m_exited ? " returncode=" + std::to_string(p->m_returncode) : std::string(" running");
  return make_str(text + ">");
}

void process_destroy(Object* object) { static_cast<ChildProcessObject*>(object)->~ChildProcessObject(); }

void process_traverse(Object* object, VisitFn visit, void* context) {
  auto* p = static_cast<ChildProcessObject*>(object);
  visit(p->m_loop, context);
  visit(p->m_on_exit, context);
}

void process_clear(Object* object) { static_cast<ChildProcessObject*>(object)->m_on_exit.reset(); }

const MethodDef kProcessMethods[] = {
    {"send_signal", process_send_signal, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kProcessGetSets[] = {
    {"pid", process_pid},
    {"returncode", process_returncode},
    {nullptr, nullptr},
};

// The descriptors of one spawn: the child's three, and the parent's ends
// of the pipes made for it. Whatever is still open when it goes is closed.
struct SpawnDescriptors {
  int child[3] = {-1, -1, -1};
  bool child_owned[3] = {};  // made here, closed once the child has them
  int parent[3] = {-1, -1, -1};

  ~SpawnDescriptors() {
    close_child_ends();
    for (int& fd : parent) {
      if (fd >= 0) close(fd);
      fd = -1;
    }
  }
  void close_child_ends() {
    for (int i = 0; i < 3; ++i) {
      if (child_owned[i] && child[i] >= 0) close(child[i]);
      child_owned[i] = false;
    }
  }
};

// Sets up the child's stream `index` as `code` says; an errno on failure.
int prepare_stream(SpawnDescriptors& fds, int index, int code) {
  if (code == kSpawnPipe) {
    int ends[2];
    // stdin is a socket pair, so that the parent can watch it close.
    int result = index == 0 ? uv_socketpair(SOCK_STREAM, 0, ends, 0, 0) : uv_pipe(ends, 0, 0);
    if (result != 0) return -result;
    fds.parent[index] = ends[0];  // a pipe's read end
    fds.child[index] = ends[1];
    fds.child_owned[index] = true;
    return 0;
  }
  if (code == kSpawnStdout) {
    if (index != 2) return EBADF;
    fds.child[2] = fds.child[1];
    return 0;
  }
  if (code == kSpawnDevnull) {
    int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (fd < 0) return errno;
    fds.child[index] = fd;
    fds.child_owned[index] = true;
    return 0;
  }
  // A descriptor the parent does not have: CPython's child fails to dup2 it.
  if (code < 0 || fcntl(code, F_GETFD) == -1) return EBADF;
  fds.child[index] = code;
  return 0;
}

// As CPython's close_fds=True, the child gets only its three streams: every
// other descriptor of the process is marked close-on-exec (coil's own are
// already; this catches those it inherited from whoever started it).
void close_other_descriptors_on_exec() {
  DIR* folder = opendir("/proc/self/fd");
  if (folder == nullptr) return;
  int own = dirfd(folder);
  while (struct dirent* entry = readdir(folder)) {
    char* end = nullptr;
    long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd < 3 || fd == own) continue;
    int flags = fcntl(int(fd), F_GETFD);
    if (flags >= 0 && !(flags & FD_CLOEXEC)) fcntl(int(fd), F_SETFD, flags | FD_CLOEXEC);
  }
  closedir(folder);
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (const std::string& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

Ref process_spawn(Value loop, const SpawnOptions& options, Value on_exit) {
  if (options.has_cwd) {
    // Checked here, as libuv's child cannot tell a bad cwd from a missing
    // program, and CPython names the directory in its error.
    struct stat info;
    int error = 0;
    if (stat(options.cwd.c_str(), &info) != 0) {
      error = errno;
    } else if (!S_ISDIR(info.st_mode)) {
      error = ENOTDIR;
    }
    if (error != 0) {
      Ref name = make_str(options.cwd);
      if (!name) return {};
      return raise_os_error_from_errno(error, name), Ref();
    }
  }
  SpawnDescriptors fds;
  for (int i = 0; i < 3; ++i) {
    int error = prepare_stream(fds, i, options.stdio[i]);
    if (error != 0) return raise_os_error_from_errno(error), Ref();
  }

  Object* allocated = allocate_object(&child_process_type);
  if (allocated == nullptr) return raise_no_memory();
  auto* p = construct_body<ChildProcessObject>(allocated);
  Ref object = Ref::steal(allocated);
  p->m_loop = ref(loop);
  p->m_on_exit = ref(on_exit);

  std::vector<char*> argv = c_strings(options.args);
  std::vector<char*> envp = c_strings(options.env);
  uv_stdio_container_t stdio[3];
  for (int i = 0; i < 3; ++i) {
    stdio[i].flags = UV_INHERIT_FD;
    stdio[i].data.fd = fds.child[i];
  }
  uv_process_options_t spawn = {};
  spawn.exit_cb = on_process_exit;
  spawn.file = options.file.c_str();
  spawn.args = argv.data();
  spawn.env = options.has_env ? envp.data() : nullptr;
  spawn.cwd = options.has_cwd ? options.cwd.c_str() : nullptr;
  spawn.flags = options.start_new_session ? UV_PROCESS_DETACHED : 0;
  spawn.stdio_count = 3;
  spawn.stdio = stdio;

  close_other_descriptors_on_exec();
  auto* handle = new uv_process_t;
  handle->data = ref(object.get()).release().as_object();
  int result = uv_spawn(io_loop(), handle, &spawn);
  fds.close_child_ends();
  if (result != 0) {
    // The handle was initialised all the same, and is closed as any.
    io_close_owned_handle(reinterpret_cast<uv_handle_t*>(handle));
    p->m_on_exit.reset();
    Ref name = make_str(options.error_filename);
    if (!name) return {};
    return raise_os_error_from_errno(-result, name), Ref();
  }
  p->m_handle = handle;
  p->m_pid = handle->pid;
  io_begin_operation();

  Ref pipes[3];
  for (int i = 0; i < 3; ++i) {
    if (fds.parent[i] < 0) continue;
    auto* pipe = new uv_pipe_t;
    uv_pipe_init(io_loop(), pipe, 0);
    pipe->data = nullptr;
    int opened = uv_pipe_open(pipe, fds.parent[i]);
    if (opened != 0) {
      uv_close(reinterpret_cast<uv_handle_t*>(pipe), [](uv_handle_t* h) { delete reinterpret_cast<uv_pipe_t*>(h); });
      return raise_uv_error(opened), Ref();
    }
    fds.parent[i] = -1;  // the handle has it now
    pipes[i] = make_pipe_transport(loop, pipe, i == 0);
    if (!pipes[i]) return {};
  }
  auto or_none = [](const Ref& pipe) { return pipe ? pipe.get() : Value(&none_object); };
  return make_tuple({object.get(), or_none(pipes[0]), or_none(pipes[1]), or_none(pipes[2])});
}

Type child_process_type;

static struct ProcessTypeSetup {
  ProcessTypeSetup() {
    child_process_type.m_tp_name = "asyncio._ChildProcess";
    child_process_type.m_size = sizeof(ChildProcessObject);
    child_process_type.m_flags = kTypeHasGC | kTypePythonClass;
    child_process_type.m_repr = process_repr;
    child_process_type.m_destroy = process_destroy;
    child_process_type.m_traverse = process_traverse;
    child_process_type.m_clear = process_clear;
    child_process_type.m_methods = kProcessMethods;
    child_process_type.m_getset = kProcessGetSets;
  }
} process_type_setup;

COIL_REGISTER_TYPE(child_process_type);

}  // namespace coil
