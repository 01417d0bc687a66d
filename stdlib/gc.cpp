// The `gc` module: the Python interface of the cycle collector
// (runtime/gc.h), as CPython's. disable() stops automatic collection only;
// collect() always runs.
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

bool int_argument(Value v, int64_t& n) {
  if (!is_int(v) || !int_fits_int64(v, n)) {
    raise_type_error_for("'%s' object cannot be interpreted as an integer", v);
    return false;
  }
  return true;
}

Ref gc_collect_function(Value, Args args) {
  static const ArgSpec spec{"collect", {"generation"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  int64_t generation = 2;
  if (bound[0] && !int_argument(bound[0], generation)) return {};
  if (generation < 0 || generation > 2) return raise(&value_error_type, "invalid generation");
  return make_int(gc_collect(int(generation)));
}

Ref gc_enable(Value, Args) {
  g_gc.enabled = true;
  return new_none();
}

Ref gc_disable(Value, Args) {
  g_gc.enabled = false;
  return new_none();
}

Ref gc_isenabled(Value, Args) { return new_bool(g_gc.enabled); }

Ref gc_get_count(Value, Args) {
  Ref values[3] = {make_int(g_gc.count[0]), make_int(g_gc.count[1]), make_int(g_gc.count[2])};
  return make_tuple({values[0].get(), values[1].get(), values[2].get()});
}

Ref gc_get_threshold(Value, Args) {
  Ref values[3] = {make_int(g_gc.threshold[0]), make_int(g_gc.threshold[1]), make_int(g_gc.threshold[2])};
  return make_tuple({values[0].get(), values[1].get(), values[2].get()});
}

Ref gc_set_threshold(Value, Args args) {
  if (args.kwnames != nullptr && args.keyword_count() > 0) {
    return raise(&type_error_type, "set_threshold() takes no keyword arguments");
  }
  if (args.count < 1) return raise_format(&type_error_type, "set_threshold() takes at least 1 argument (%zu given)", args.count);
  if (args.count > 3) return raise_format(&type_error_type, "set_threshold() takes at most 3 arguments (%zu given)", args.count);
  int64_t values[3];
  for (size_t i = 0; i < args.count; ++i) {
    if (!int_argument(args[i], values[i])) return {};
  }
  for (size_t i = 0; i < args.count; ++i) g_gc.threshold[i] = values[i];
  return new_none();
}

Ref gc_get_debug(Value, Args) { return make_int(int64_t(g_gc.debug)); }

Ref gc_set_debug(Value, Args args) {
  int64_t flags;
  if (!int_argument(args[0], flags)) return {};
  g_gc.debug = int(flags);
  return new_none();
}

Ref gc_get_stats(Value, Args) {
  Ref result = make_list();
  if (!result) return {};
  for (int i = 0; i < 3; ++i) {
    Ref stats = make_dict();
    if (!stats || !dict_setitem_str(stats, "collections", make_int(g_gc.collections[i])) ||
        !dict_setitem_str(stats, "collected", make_int(g_gc.collected[i])) ||
        !dict_setitem_str(stats, "uncollectable", make_int(g_gc.uncollectable[i]))) {
      return {};
    }
    list_append(result, std::move(stats));
  }
  return result;
}

// As CPython's: whether the collector tracks the object now.
Ref gc_is_tracked_function(Value, Args args) { return new_bool(gc_is_tracked(args[0])); }

Ref gc_is_finalized_function(Value, Args args) {
  Value v = args[0];
  return new_bool(v.is_object() && gc_is_tracked(v) && gc_is_finalized(v.as_object()));
}

Ref gc_get_objects(Value, Args args) {
  static const ArgSpec spec{"get_objects", {"generation"}, 0, SIZE_MAX, 0};
  Value bound[1];
  if (!bind_arguments(spec, args, bound)) return {};
  int64_t generation = -1;
  if (bound[0] && !is_none(bound[0])) {
    if (!int_argument(bound[0], generation)) return {};
    if (generation >= 3) {
      return raise(&value_error_type,
                   "generation parameter must be less than the number of available generations (3)");
    }
    if (generation < -1) return raise(&value_error_type, "generation parameter cannot be negative");
  }
  return gc_objects(int(generation));
}

Ref gc_get_referrers(Value, Args args) { return gc_referrers(args.items, args.count); }

// Traverse slots may visit empty (null) fields, which are no referents.
void append_referent(Value v, void* context) {
  if (v) list_append(Value(static_cast<Object*>(context)), ref(v));
}

// As CPython's: the references each container argument holds, as its
// traverse slot visits them; other arguments add nothing.
Ref gc_get_referents(Value, Args args) {
  Ref result = make_list();
  if (!result) return {};
  for (size_t i = 0; i < args.count; ++i) {
    Value v = args[i];
    if (!v.is_object() || !(v.type()->m_flags & kTypeHasGC)) continue;
    gc_traverse(v.as_object(), append_referent, result.object());
  }
  return result;
}

Ref gc_freeze_function(Value, Args) {
  gc_freeze();
  return new_none();
}

Ref gc_unfreeze_function(Value, Args) {
  gc_unfreeze();
  return new_none();
}

Ref gc_get_freeze_count(Value, Args) { return make_int(int64_t(gc_freeze_count())); }

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect_function, ArgKind::Keywords},
    {"enable", gc_enable, ArgKind::NoArgs},
    {"disable", gc_disable, ArgKind::NoArgs},
    {"isenabled", gc_isenabled, ArgKind::NoArgs},
    {"get_count", gc_get_count, ArgKind::NoArgs},
    {"get_threshold", gc_get_threshold, ArgKind::NoArgs},
    {"set_threshold", gc_set_threshold, ArgKind::VarArgs},
    {"get_debug", gc_get_debug, ArgKind::NoArgs},
    {"set_debug", gc_set_debug, ArgKind::OneArg},
    {"get_stats", gc_get_stats, ArgKind::NoArgs},
    {"is_tracked", gc_is_tracked_function, ArgKind::OneArg},
    {"is_finalized", gc_is_finalized_function, ArgKind::OneArg},
    {"get_objects", gc_get_objects, ArgKind::Keywords},
    {"get_referrers", gc_get_referrers, ArgKind::VarArgs},
    {"get_referents", gc_get_referents, ArgKind::VarArgs},
    {"freeze", gc_freeze_function, ArgKind::NoArgs},
    {"unfreeze", gc_unfreeze_function, ArgKind::NoArgs},
    {"get_freeze_count", gc_get_freeze_count, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_gc(Value module) {
  if (!module_add_functions(module, kGcFunctions)) return false;
  Value dict = module_dict(module);
  // The lists live as long as the collector: the module shares them.
  if (!g_gc.garbage) g_gc.garbage = make_list().release();
  if (!g_gc.callbacks) g_gc.callbacks = make_list().release();
  return g_gc.garbage && g_gc.callbacks && dict_setitem_str(dict, "garbage", g_gc.garbage) &&
         dict_setitem_str(dict, "callbacks", g_gc.callbacks) &&
         dict_setitem_str(dict, "DEBUG_STATS", Value::small_int(kDebugStats)) &&
         dict_setitem_str(dict, "DEBUG_COLLECTABLE", Value::small_int(kDebugCollectable)) &&
         dict_setitem_str(dict, "DEBUG_UNCOLLECTABLE", Value::small_int(kDebugUncollectable)) &&
         dict_setitem_str(dict, "DEBUG_SAVEALL", Value::small_int(kDebugSaveAll)) &&
         dict_setitem_str(dict, "DEBUG_LEAK", Value::small_int(kDebugCollectable | kDebugUncollectable | kDebugSaveAll));
}

}  // namespace

COIL_REGISTER_MODULE("gc", init_gc);

}  // namespace coil
