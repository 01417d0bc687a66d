// The `atexit` module: functions to call when the program ends
// (run_atexit_callbacks, stdlib/atexit.h), as CPython's Modules/atexitmodule.c.
#include "stdlib/atexit.h"

#include <vector>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// One registration: the function and the arguments to call it with.
struct Callback {
  Ref function;
  std::vector<Ref> arguments;  // positional, then the keyword values
  size_t positional = 0;
  Ref kwnames;  // the keyword names (a tuple), or null
};

// Never destroyed: the process may end (os._exit, a fatal signal) with
// callbacks registered, and their objects must not be released then.
std::vector<Callback>& callbacks() {
  static auto* list = new std::vector<Callback>();
  return *list;
}

Ref atexit_register(Value, Args args) {
  if (args.count == 0) return raise(&type_error_type, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise(&type_error_type, "the first argument must be callable");
  Callback callback;
  callback.function = ref(args[0]);
  size_t keywords = args.keyword_count();
  for (size_t i = 1; i < args.count + keywords; ++i) callback.arguments.push_back(ref(args.items[i]));
  callback.positional = args.count - 1;
  if (args.kwnames) callback.kwnames = ref(Value(args.kwnames));
  callbacks().push_back(std::move(callback));
  return ref(args[0]);
}

// unregister(func): drops every registration of a function equal to func.
Ref atexit_unregister(Value, Args args) {
  std::vector<Callback>& list = callbacks();
  for (size_t i = 0; i < list.size();) {
    Ref keep = list[i].function;
    int same = equal(keep, args[0]);
    if (same < 0) return {};
    if (same) {
      list.erase(list.begin() + ptrdiff_t(i));
    } else {
      ++i;
    }
  }
  return new_none();
}

Ref atexit_run_exitfuncs(Value, Args) {
  run_atexit_callbacks();
  return new_none();
}

Ref atexit_clear(Value, Args) {
  std::vector<Callback> dropped;
  dropped.swap(callbacks());
  return new_none();
}

Ref atexit_ncallbacks(Value, Args) { return make_int(int64_t(callbacks().size())); }

const MethodDef kFunctions[] = {
    {"register", atexit_register, ArgKind::Keywords},
    {"unregister", atexit_unregister, ArgKind::OneArg},
    {"_run_exitfuncs", atexit_run_exitfuncs, ArgKind::NoArgs},
    {"_clear", atexit_clear, ArgKind::NoArgs},
    {"_ncallbacks", atexit_ncallbacks, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_atexit(Value module) { return module_add_functions(module, kFunctions); }

}  // namespace

void run_atexit_callbacks() {
  Ref saved = fetch_exception();
  // A callback may register or unregister others: each is taken off the
  // end of the list before it runs.
  std::vector<Callback>& list = callbacks();
  while (!list.empty()) {
    Callback callback = std::move(list.back());
    list.pop_back();
    std::vector<Value> arguments;
    for (const Ref& argument : callback.arguments) arguments.push_back(argument.get());
    auto* kwnames = callback.kwnames ? callback.kwnames.as<TupleObject>() : nullptr;
    Ref result = call(callback.function, arguments.data(), callback.positional, kwnames);
    if (!result) {
      Ref error = fetch_exception();
      if (error) write_unraisable(callback.function, error, "in atexit callback");
    }
  }
  restore_exception(std::move(saved));
}

COIL_REGISTER_MODULE("atexit", init_atexit);

}  // namespace coil
