// The `_thread` module: starting threads, their identifiers, and the two
// native lock types (lock and RLock) that lib/threading.py builds on, with
// CPython 3.11's interface and messages. The threads themselves and the
// GIL are runtime/threads.h's.
#include <cinttypes>
#include <climits>
#include <csignal>
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/threads.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// CPython's PY_TIMEOUT_MAX on Linux, in seconds.
constexpr double kTimeoutMax = 9223372036.0;

Type lock_type, rlock_type;

struct LockObject : Object {
  LockCore* m_core;
};

struct RLockObject : Object {
  LockCore* m_core;
  uint64_t m_owner = 0;  // get_ident() of the owner, 0 when unlocked
  uint64_t m_count = 0;
};

std::string address_of(Value v) {
  char text[32];
  std::snprintf(text, sizeof text, "%p", static_cast<void*>(v.as_object()));
  return text;
}

// acquire(blocking=True, timeout=-1)'s arguments as one timeout: negative
// waits forever, 0 only tries. False with an exception pending.
bool acquire_timeout(Args args, double& timeout) {
  static const ArgSpec spec{"acquire", {"blocking", "timeout"}, 0, SIZE_MAX, 0};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return false;
  bool blocking = true;
  if (bound[0]) {
    int truth = is_true(bound[0]);
    if (truth < 0) return false;
    blocking = truth != 0;
  }
  timeout = -1;
  if (bound[1] && !float_as_double(bound[1], timeout)) return false;
  if (!blocking && timeout != -1) {
    raise(&value_error_type, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(&value_error_type, "timeout value must be positive");
    return false;
  }
  if (!blocking) {
    timeout = 0;
  } else if (timeout > kTimeoutMax) {
    raise(&overflow_error_type, "timestamp out of range for platform time_t");
    return false;
  }
  return true;
}

// --- lock ---------------------------------------------------------------------

Ref make_lock() {
  Object* object = allocate_object(&lock_type);
  if (object == nullptr) return raise_no_memory();
  static_cast<LockObject*>(object)->m_core = lock_core_new();
  return Ref::steal(object);
}

Ref lock_new(Type* type, const Value*, size_t nargs, TupleObject* kwnames) {
  if (nargs != 0 || (kwnames != nullptr && tuple_size(Value(kwnames)) != 0)) {
    return raise(&type_error_type, "lock() takes no arguments");
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  static_cast<LockObject*>(object)->m_core = lock_core_new();
  return Ref::steal(object);
}

void lock_destroy(Object* object) { lock_core_delete(static_cast<LockObject*>(object)->m_core); }

Ref lock_acquire(Value self, Args args) {
  double timeout;
  if (!acquire_timeout(args, timeout)) return {};
  int got = lock_core_acquire(self.as<LockObject>()->m_core, timeout);
  if (got < 0) return {};
  return new_bool(got == 1);
}

Ref lock_enter(Value self, Args) {
  int got = lock_core_acquire(self.as<LockObject>()->m_core, -1);
  if (got < 0) return {};
  return new_bool(true);
}

Ref lock_release(Value self, Args) {
  LockCore* core = self.as<LockObject>()->m_core;
  if (!lock_core_locked(core)) return raise(&runtime_error_type, "release unlocked lock");
  lock_core_release(core);
  return new_none();
}

Ref lock_exit(Value self, Args) { return lock_release(self, {}); }

Ref lock_locked(Value self, Args) { return new_bool(lock_core_locked(self.as<LockObject>()->m_core)); }

Ref lock_at_fork_reinit(Value self, Args) {
  lock_core_release(self.as<LockObject>()->m_core);
  return new_none();
}

Ref lock_repr(Value self) {
  bool locked = lock_core_locked(self.as<LockObject>()->m_core);
  std::string text = std::string("<") + (locked ? "locked" : "unlocked") + " " + self.type()->m_tp_name +
                     " object at " + address_of(self) + ">";
  return make_str(text);
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire, ArgKind::Keywords},
    {"acquire_lock", lock_acquire, ArgKind::Keywords},
    {"release", lock_release, ArgKind::NoArgs},
    {"release_lock", lock_release, ArgKind::NoArgs},
    {"locked", lock_locked, ArgKind::NoArgs},
    {"locked_lock", lock_locked, ArgKind::NoArgs},
    {"__enter__", lock_enter, ArgKind::NoArgs},
    {"__exit__", lock_exit, ArgKind::VarArgs},
    {"_at_fork_reinit", lock_at_fork_reinit, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// --- RLock ----------------------------------------------------------------------

RLockObject* as_rlock(Value v) { return v.as<RLockObject>(); }

Ref rlock_new(Type* type, const Value*, size_t, TupleObject*) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* r = construct_body<RLockObject>(object);
  r->m_core = lock_core_new();
  return Ref::steal(object);
}

void rlock_destroy(Object* object) { lock_core_delete(static_cast<RLockObject*>(object)->m_core); }

// Acquires for the calling thread; 1, 0 (timed out) or -1 (error).
int rlock_acquire_for(RLockObject* r, double timeout) {
  uint64_t me = thread_ident();
  if (r->m_count > 0 && r->m_owner == me) {
    if (r->m_count == UINT64_MAX) {
      raise(&overflow_error_type, "Internal lock count overflowed");
      return -1;
    }
    ++r->m_count;
    return 1;
  }
  int got = lock_core_acquire(r->m_core, timeout);
  if (got == 1) {
    r->m_owner = me;
    r->m_count = 1;
  }
  return got;
}

Ref rlock_acquire(Value self, Args args) {
  double timeout;
  if (!acquire_timeout(args, timeout)) return {};
  int got = rlock_acquire_for(as_rlock(self), timeout);
  if (got < 0) return {};
  return new_bool(got == 1);
}

Ref rlock_enter(Value self, Args) {
  int got = rlock_acquire_for(as_rlock(self), -1);
  if (got < 0) return {};
  return new_bool(true);
}

Ref rlock_release(Value self, Args) {
  RLockObject* r = as_rlock(self);
  if (r->m_count == 0 || r->m_owner != thread_ident()) {
    return raise(&runtime_error_type, "cannot release un-acquired lock");
  }
  if (--r->m_count == 0) {
    r->m_owner = 0;
    lock_core_release(r->m_core);
  }
  return new_none();
}

Ref rlock_exit(Value self, Args) { return rlock_release(self, {}); }

Ref rlock_is_owned(Value self, Args) {
  RLockObject* r = as_rlock(self);
  return new_bool(r->m_count > 0 && r->m_owner == thread_ident());
}

// _release_save() / _acquire_restore(state): what Condition.wait uses to
// let an RLock go entirely and take it back at the same depth.
Ref rlock_release_save(Value self, Args) {
  RLockObject* r = as_rlock(self);
  if (r->m_count == 0) return raise(&runtime_error_type, "cannot release un-acquired lock");
  Ref count = make_int(r->m_count);
  Ref owner = make_int(r->m_owner);
  r->m_count = 0;
  r->m_owner = 0;
  lock_core_release(r->m_core);
  return make_tuple({count.get(), owner.get()});
}

Ref rlock_acquire_restore(Value self, Args args) {
  Value state = args[0];
  if (!is_tuple(state) || tuple_size(state) != 2) return raise(&type_error_type, "_acquire_restore() argument must be a 2-tuple");
  auto count = int_as_int64(tuple_item(state, 0));
  if (!count) return {};
  Value owner_value = tuple_item(state, 1);
  if (!is_int(owner_value)) return raise(&type_error_type, "_acquire_restore() owner must be an int");
  uint64_t owner = 0;
  int64_t small;
  if (int_fits_int64(owner_value, small)) {
    owner = uint64_t(small);
  } else {
    owner = mpz_get_ui(IntView(owner_value));
  }
  RLockObject* r = as_rlock(self);
  if (lock_core_acquire(r->m_core, -1) < 0) return {};
  r->m_owner = owner;
  r->m_count = uint64_t(*count);
  return new_none();
}

Ref rlock_recursion_count(Value self, Args) {
  RLockObject* r = as_rlock(self);
  return make_int(r->m_owner == thread_ident() ? r->m_count : uint64_t(0));
}

Ref rlock_at_fork_reinit(Value self, Args) {
  RLockObject* r = as_rlock(self);
  r->m_owner = 0;
  r->m_count = 0;
  lock_core_release(r->m_core);
  return new_none();
}

Ref rlock_repr(Value self) {
  RLockObject* r = as_rlock(self);
  Ref name = getattr(Value(self.type()), "__qualname__");
  if (!name) return {};
  Ref module = getattr(Value(self.type()), "__module__");
  if (!module) return {};
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, " owner=%" PRIu64 " count=%" PRIu64 " at ", r->m_count ? r->m_owner : 0,
                r->m_count);
  std::string text = std::string("<") + (r->m_count ? "locked" : "unlocked") + " " + std::string(str_view(module)) +
                     "." + std::string(str_view(name)) + " object" + numbers + address_of(self) + ">";
  return make_str(text);
}

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire, ArgKind::Keywords},
    {"release", rlock_release, ArgKind::NoArgs},
    {"__enter__", rlock_enter, ArgKind::NoArgs},
    {"__exit__", rlock_exit, ArgKind::VarArgs},
    {"_is_owned", rlock_is_owned, ArgKind::NoArgs},
    {"_release_save", rlock_release_save, ArgKind::NoArgs},
    {"_acquire_restore", rlock_acquire_restore, ArgKind::OneArg},
    {"_recursion_count", rlock_recursion_count, ArgKind::NoArgs},
    {"_at_fork_reinit", rlock_at_fork_reinit, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// --- The module's functions -------------------------------------------------------

Ref thread_start_new_thread(Value, Args args) {
  if (!check_positional("start_new_thread", args, 2, 3)) return {};
  Value function = args[0], arguments = args[1];
  Value kwargs = args.count > 2 ? args[2] : Value();
  if (!is_callable(function)) return raise(&type_error_type, "first arg must be callable");
  if (!is_tuple(arguments)) return raise(&type_error_type, "2nd arg must be a tuple");
  if (kwargs && !is_dict(kwargs)) return raise(&type_error_type, "optional 3rd arg must be a dictionary");
  return start_thread(function, arguments, kwargs);
}

Ref thread_allocate_lock(Value, Args) { return make_lock(); }

Ref thread_get_ident(Value, Args) { return make_int(thread_ident()); }
Ref thread_get_native_id(Value, Args) { return make_int(thread_native_id()); }
Ref thread_count_function(Value, Args) { return make_int(thread_count()); }

Ref thread_stack_size_function(Value, Args args) {
  if (!check_positional("stack_size", args, 0, 1)) return {};
  size_t old = coil::thread_stack_size();
  if (args.count == 1) {
    auto size = index_as_int64(args[0]);
    if (!size) return {};
    if (*size < 0) return raise(&value_error_type, "size must be 0 or a positive value");
    // As CPython on Linux: at least 32 KiB.
    if (*size != 0 && *size < 32768) return raise(&value_error_type, "size not valid: 32768 bytes");
    set_thread_stack_size(size_t(*size));
  }
  return make_int(uint64_t(old));
}

// interrupt_main(signum=SIGINT): as if the signal had arrived, for the main
// thread to handle at its next check.
Ref thread_interrupt_main(Value, Args args) {
  static const ArgSpec spec{"interrupt_main", {"signum"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  int64_t signum = SIGINT;
  if (bound[0]) {
    auto n = index_as_int64(bound[0]);
    if (!n) return {};
    signum = *n;
  }
  if (signum < 1 || signum >= 65) return raise(&value_error_type, "signal number out of range");
  trip_signal(int(signum));
  return new_none();
}

Ref thread_exit(Value, Args) { return raise_with(&system_exit_type, Value()); }

// _set_sentinel(): a lock that the calling thread's end releases (the
// caller acquires it: threading.Thread's _tstate_lock, what join() waits for).
Ref thread_set_sentinel(Value, Args) {
  Ref lock = make_lock();
  if (!lock) return {};
  LockCore* core = lock.as<LockObject>()->m_core;
  thread_add_sentinel(lock, core);
  return lock;
}

Ref thread_daemon_threads_allowed(Value, Args) { return new_bool(true); }

const MethodDef kThreadFunctions[] = {
    {"start_new_thread", thread_start_new_thread, ArgKind::VarArgs},
    {"start_new", thread_start_new_thread, ArgKind::VarArgs},
    {"allocate_lock", thread_allocate_lock, ArgKind::NoArgs},
    {"allocate", thread_allocate_lock, ArgKind::NoArgs},
    {"get_ident", thread_get_ident, ArgKind::NoArgs},
    {"get_native_id", thread_get_native_id, ArgKind::NoArgs},
    {"_count", thread_count_function, ArgKind::NoArgs},
    {"stack_size", thread_stack_size_function, ArgKind::VarArgs},
    {"interrupt_main", thread_interrupt_main, ArgKind::Keywords},
    {"exit", thread_exit, ArgKind::NoArgs},
    {"exit_thread", thread_exit, ArgKind::NoArgs},
    {"_set_sentinel", thread_set_sentinel, ArgKind::NoArgs},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_thread(Value module) {
  if (!module_add_functions(module, kThreadFunctions)) return false;
  Value dict = module_dict(module);
  Ref timeout_max = make_float(kTimeoutMax);
  return timeout_max && dict_setitem_str(dict, "LockType", Value(&lock_type)) &&
         dict_setitem_str(dict, "RLock", Value(&rlock_type)) &&
         dict_setitem_str(dict, "error", Value(&runtime_error_type)) &&
         dict_setitem_str(dict, "TIMEOUT_MAX", timeout_max);
}

}  // namespace

static struct ThreadTypesSetup {
  ThreadTypesSetup() {
    lock_type.m_tp_name = "_thread.lock";
    lock_type.m_size = sizeof(LockObject);
    lock_type.m_flags = kTypeWeakrefable;
    lock_type.m_new = lock_new;
    lock_type.m_destroy = lock_destroy;
    lock_type.m_repr = lock_repr;
    lock_type.m_methods = kLockMethods;

    rlock_type.m_tp_name = "_thread.RLock";
    rlock_type.m_size = sizeof(RLockObject);
    rlock_type.m_flags = kTypeBaseType | kTypeWeakrefable;
    rlock_type.m_new = rlock_new;
    rlock_type.m_destroy = rlock_destroy;
    rlock_type.m_repr = rlock_repr;
    rlock_type.m_methods = kRLockMethods;
  }
} thread_types_setup;

COIL_REGISTER_TYPE(lock_type);
COIL_REGISTER_TYPE(rlock_type);
COIL_REGISTER_MODULE("_thread", init_thread);

}  // namespace coil
