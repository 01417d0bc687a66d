// The `gc` module. coil frees objects by reference counting; it has no
// cycle collector yet, so collect() finds nothing to free and returns 0,
// and objects that only a reference cycle keeps stay alive until exit.
// The rest of the interface (enable/disable, thresholds, is_tracked…)
// behaves as CPython's so that programs and libraries calling it run.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

bool g_enabled = true;
int64_t g_thresholds[3] = {700, 10, 10};

Ref gc_collect(Value, Args args) {
  static const ArgSpec spec{"collect", {"generation"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  if (bound[0]) {
    int64_t generation;
    if (!is_int(bound[0]) || !int_fits_int64(bound[0], generation)) {
      return raise_type_error_for("'%s' object cannot be interpreted as an integer", bound[0]);
    }
    if (generation < 0 || generation > 2) return raise(&value_error_type, "invalid generation");
  }
  return make_int(int64_t(0));
}

Ref gc_enable(Value, Args) {
  g_enabled = true;
  return new_none();
}

Ref gc_disable(Value, Args) {
  g_enabled = false;
  return new_none();
}

Ref gc_isenabled(Value, Args) { return new_bool(g_enabled); }

Ref gc_get_count(Value, Args) {
  Value zero = Value::small_int(0);
  return make_tuple({zero, zero, zero});
}

Ref gc_get_threshold(Value, Args) {
  Ref values[3] = {make_int(g_thresholds[0]), make_int(g_thresholds[1]), make_int(g_thresholds[2])};
  return make_tuple({values[0].get(), values[1].get(), values[2].get()});
}

Ref gc_set_threshold(Value, Args args) {
  if (!check_positional("set_threshold", args, 1, 3)) return {};
  for (size_t i = 0; i < args.count; ++i) {
    int64_t n;
    if (!is_int(args[i]) || !int_fits_int64(args[i], n)) {
      return raise_type_error_for("'%s' object cannot be interpreted as an integer", args[i]);
    }
    g_thresholds[i] = n;
  }
  return new_none();
}

// As CPython: containers (objects of types the collector would track).
Ref gc_is_tracked(Value, Args args) {
  Value v = args[0];
  return new_bool(v.is_object() && (v.type()->m_flags & kTypeHasGC));
}

Ref gc_is_finalized(Value, Args) { return new_bool(false); }

Ref gc_freeze(Value, Args) { return new_none(); }

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect, ArgKind::Keywords},
    {"enable", gc_enable, ArgKind::NoArgs},
    {"disable", gc_disable, ArgKind::NoArgs},
    {"isenabled", gc_isenabled, ArgKind::NoArgs},
    {"get_count", gc_get_count, ArgKind::NoArgs},
    {"get_threshold", gc_get_threshold, ArgKind::NoArgs},
    {"set_threshold", gc_set_threshold, ArgKind::VarArgs},
    {"is_tracked", gc_is_tracked, ArgKind::OneArg},
    {"is_finalized", gc_is_finalized, ArgKind::OneArg},
    {"freeze", gc_freeze, ArgKind::NoArgs},
    {"unfreeze", gc_freeze, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_gc(Value module) {
  if (!module_add_functions(module, kGcFunctions)) return false;
  Value dict = module_dict(module);
  Ref garbage = make_list();
  Ref callbacks = make_list();
  return garbage && callbacks && dict_setitem_str(dict, "garbage", garbage) &&
         dict_setitem_str(dict, "callbacks", callbacks) && dict_setitem_str(dict, "DEBUG_STATS", Value::small_int(1)) &&
         dict_setitem_str(dict, "DEBUG_COLLECTABLE", Value::small_int(2)) &&
         dict_setitem_str(dict, "DEBUG_UNCOLLECTABLE", Value::small_int(4)) &&
         dict_setitem_str(dict, "DEBUG_SAVEALL", Value::small_int(32)) &&
         dict_setitem_str(dict, "DEBUG_LEAK", Value::small_int(38));
}

}  // namespace

COIL_REGISTER_MODULE("gc", init_gc);

}  // namespace coil
