// Run-time support for `match` and `except*` (vm/match.h), as CPython 3.11's
// match_class/match_keys (Python/ceval.c) and _PyExc_PrepReraiseStar.
#include "vm/match.h"

#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/exception.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace coil {

namespace {

Ref match_attribute(Value subject, Value name, std::vector<Value>& seen, bool& missing) {
  for (Value s : seen) {
    if (str_equal(s, name)) {
      return raise_format(&type_error_type, "%s() got multiple sub-patterns for attribute %s",
                          "?", str_cstr(repr(name)));
    }
  }
  seen.push_back(name);
  bool found;
  Ref value = lookup_attr(subject, name, found);
  missing = !value && !error_pending();
  return value;
}

}  // namespace

Ref match_class(Value subject, Value cls, uint32_t positional_count, Value keyword_names) {
  if (!is_type(cls)) {
    return raise(&type_error_type, "called match pattern must be a type");
  }
  if (!isinstance(subject, cls.as<Type>())) return new_none();
  std::vector<Value> seen;
  std::vector<Ref> values;
  Ref match_args;
  if (positional_count > 0) {
    bool found;
    match_args = lookup_attr(cls, intern_static("__match_args__"), found);
    if (!match_args && error_pending()) return {};
    // Built-ins like int, str match their own value with one positional pattern.
    constexpr uint64_t kSelfMatching = kTypeLongSubclass | kTypeListSubclass | kTypeTupleSubclass |
                                       kTypeBytesSubclass | kTypeUnicodeSubclass | kTypeDictSubclass;
    bool self_match = !match_args && (cls.as<Type>()->m_flags & kSelfMatching);
    const char* type_text = cls.as<Type>()->m_tp_name;
    if (!match_args && !self_match) {
      bool is_float_like = std::string_view(type_text) == "float" || std::string_view(type_text) == "bool" ||
                           std::string_view(type_text) == "set" || std::string_view(type_text) == "frozenset" ||
                           std::string_view(type_text) == "bytearray";
      if (is_float_like) {
        self_match = true;
      }
    }
    if (self_match) {
      if (positional_count > 1) {
        return raise_format(&type_error_type, "%s() accepts 1 positional sub-pattern (%u given)",
                            type_text, positional_count);
      }
      values.push_back(ref(subject));
    } else {
      if (!match_args) {
        return raise_format(&type_error_type, "%s() accepts 0 positional sub-patterns (%u given)",
                            type_text, positional_count);
      }
      if (!is_tuple(match_args)) {
        return raise_format(&type_error_type, "%s.__match_args__ must be a tuple (got %s)", type_text,
                            value_type_name(match_args).data());
      }
      size_t allowed = tuple_size(match_args);
      if (allowed < positional_count) {
        return raise_format(&type_error_type, "%s() accepts %zu positional sub-pattern%s (%u given)",
                            type_text, allowed, allowed == 1 ? "" : "s", positional_count);
      }
      for (uint32_t i = 0; i < positional_count; ++i) {
        Value name = tuple_item(match_args, i);
        if (!is_str(name)) {
          return raise_format(&type_error_type, "__match_args__ elements must be strings (got %s)",
                              value_type_name(name).data());
        }
        bool missing;
        Ref v = match_attribute(subject, name, seen, missing);
        if (!v) {
          if (missing) return new_none();
          return {};
        }
        values.push_back(std::move(v));
      }
    }
  }
  for (size_t i = 0; i < tuple_size(keyword_names); ++i) {
    bool missing;
    Ref v = match_attribute(subject, tuple_item(keyword_names, i), seen, missing);
    if (!v) {
      if (missing) return new_none();
      return {};
    }
    values.push_back(std::move(v));
  }
  Ref result = make_tuple(values.size());
  for (size_t i = 0; i < values.size(); ++i) tuple_set(result, i, values[i]);
  return result;
}

Ref match_keys(Value subject, Value keys) {
  size_t n = tuple_size(keys);
  if (n == 0) return make_tuple(0);
  Ref get = getattr(subject, "get");
  if (!get) return {};
  // A fresh object() as the "missing" sentinel.
  Ref dummy = call(Value(&object_type), nullptr, 0);
  Ref result = make_tuple(n);
  for (size_t i = 0; i < n; ++i) {
    Value key = tuple_item(keys, i);
    for (size_t j = 0; j < i; ++j) {
      int eq = equal(tuple_item(keys, j), key);
      if (eq < 0) return {};
      if (eq) {
        Ref r = repr(key);
        return raise_format(&value_error_type, "mapping pattern checks duplicate key (%s)", r ? str_cstr(r) : "?");
      }
    }
    Ref v = call(get, {key, dummy});
    if (!v) return {};
    if (v.get().is(dummy.get())) return new_none();
    tuple_set(result, i, std::move(v));
  }
  return result;
}

bool exception_group_match(Value exception, Value type, Ref& match, Ref& rest) {
  if (is_none(exception)) {
    match = new_none();
    return true;
  }
  if (!is_exception_instance(exception)) {
    raise(&type_error_type, "exception must be an exception instance");
    return false;
  }
  bool is_group = isinstance(exception, &base_exception_group_type);
  if (!is_group) {
    // A naked exception matching except*: wrapped in an ExceptionGroup('', [exc]).
    bool matched = false;
    if (is_tuple(type)) {
      for (size_t i = 0; i < tuple_size(type); ++i) matched |= isinstance(exception, tuple_item(type, i).as<Type>());
    } else {
      matched = isinstance(exception, type.as<Type>());
    }
    if (!matched) {
      match = new_none();
      return true;
    }
    Ref single = make_tuple({exception});
    Ref group = make_exception_group("", single);
    if (!group) return false;
    auto* e = exception.as<BaseExceptionObject>();
    if (e->m_traceback) group.as<BaseExceptionObject>()->m_traceback = e->m_traceback;
    match = std::move(group);
    rest = new_none();
    return true;
  }
  Ref pair = call_method(exception, "split", {type});
  if (!pair) return false;
  if (!is_tuple(pair) || tuple_size(pair) != 2) {
    raise(&type_error_type, "ExceptionGroup.split must return a 2-tuple");
    return false;
  }
  match = ref(tuple_item(pair, 0));
  rest = ref(tuple_item(pair, 1));
  return true;
}

namespace {

// Collects the leaf exceptions of an exception (group).
void collect_leaves(Value exception, std::vector<Value>& leaves) {
  if (is_none(exception)) return;
  if (isinstance(exception, &base_exception_group_type)) {
    Value list = exception.as<BaseExceptionObject>()->m_exceptions;
    if (list) {
      for (size_t i = 0; i < tuple_size(list); ++i) collect_leaves(tuple_item(list, i), leaves);
    }
    return;
  }
  leaves.push_back(exception);
}

// Rebuilds `exception` keeping only leaves in `keep`; None if nothing stays.
Ref project(Value exception, const std::vector<Value>& keep) {
  if (!isinstance(exception, &base_exception_group_type)) {
    for (Value k : keep) {
      if (k.is(exception)) return ref(exception);
    }
    return new_none();
  }
  Value list = exception.as<BaseExceptionObject>()->m_exceptions;
  Ref kept = make_list();
  bool all = true;
  for (size_t i = 0; i < tuple_size(list); ++i) {
    Ref part = project(tuple_item(list, i), keep);
    if (!part) return {};
    if (is_none(part)) {
      all = false;
      continue;
    }
    if (!part.get().is(tuple_item(list, i))) all = false;
    list_append(kept, part);
  }
  if (all) return ref(exception);
  if (as_list(kept)->m_items.empty()) return new_none();
  Ref derived = call_method(exception, "derive", {kept});
  if (!derived) return {};
  auto* source = exception.as<BaseExceptionObject>();
  auto* target = derived.as<BaseExceptionObject>();
  target->m_traceback = source->m_traceback;
  target->m_cause = source->m_cause;
  target->m_context = source->m_context;
  target->m_notes = source->m_notes;
  return derived;
}

}  // namespace

Ref prep_reraise_star(Value original, Value raised_list) {
  auto& items = as_list(raised_list)->m_items;
  std::vector<Value> raised;
  for (const Ref& item : items) {
    if (!is_none(item)) raised.push_back(item);
  }
  if (raised.empty()) return new_none();
  if (!isinstance(original, &base_exception_group_type)) return ref(raised.front());
  std::vector<Value> original_leaves;
  collect_leaves(original, original_leaves);
  std::vector<Value> reraised_leaves;
  std::vector<Value> new_raised;
  for (Value r : raised) {
    std::vector<Value> leaves;
    collect_leaves(r, leaves);
    bool all_reraised = !leaves.empty();
    for (Value l : leaves) {
      bool in = false;
      for (Value o : original_leaves) in |= o.is(l);
      all_reraised &= in;
    }
    if (all_reraised) {
      for (Value l : leaves) reraised_leaves.push_back(l);
    } else {
      new_raised.push_back(r);
    }
  }
  Ref reraised = project(original, reraised_leaves);
  if (!reraised) return {};
  if (new_raised.empty()) return reraised;
  Ref list = make_list();
  for (Value r : new_raised) list_append(list, ref(r));
  if (!is_none(reraised)) list_append(list, reraised);
  if (as_list(list)->m_items.size() == 1) return ref(as_list(list)->m_items[0]);
  Ref empty = make_str("");
  return call(Value(&exception_group_type), {empty, list});
}

Ref display_hook(Value value) {
  Value sys = lookup_module("sys");
  if (sys) {
    bool found;
    Ref hook = lookup_attr(sys, intern_static("displayhook"), found);
    if (hook) return call(hook, {value});
    if (error_pending()) return {};
  }
  return raise(&runtime_error_type, "lost sys.displayhook");
}

}  // namespace coil
