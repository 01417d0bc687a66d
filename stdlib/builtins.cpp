// The `builtins` module: the built-in functions and the names of the
// built-in types and exceptions, with CPython 3.11's argument handling and
// messages (Python/bltinmodule.c).
#include <cmath>
#include <cstring>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/class.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/generator.h"
#include "runtime/exception.h"
#include "runtime/file.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/numeric.h"
#include "runtime/repr.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/builtins_docs.h"
#include "stdlib/site_builtins.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/import.h"
#include "vm/interpreter.h"

namespace coil {

namespace {

Ref builtin_print(Value, Args args) {
  static const ArgSpec spec{"print", {"sep", "end", "file", "flush"}, 0, 0, 0};
  Value bound[4];
  if (!bind_arguments(spec, Args{args.items + args.count, 0, args.kwnames}, bound)) return {};
  Value sep = bound[0], end = bound[1], file = bound[2], flush = bound[3];
  if (sep && !is_none(sep) && !is_str(sep)) {
    return raise_format(&type_error_type, "sep must be None or a string, not %s", value_type_name(sep).data());
  }
  if (end && !is_none(end) && !is_str(end)) {
    return raise_format(&type_error_type, "end must be None or a string, not %s", value_type_name(end).data());
  }
  Ref file_ref;
  if (!file || is_none(file)) {
    Value sys = lookup_module("sys");
    if (sys) file_ref = getattr(sys, "stdout");
    if (!file_ref) {
      clear_exception();
      return new_none();  // as CPython: no sys.stdout, nothing printed
    }
    if (is_none(file_ref)) return new_none();
    file = file_ref;
  }
  // As CPython, each argument, separator and the end are written one by one
  // (a Python object's write() sees each piece). For coil's own files they are
  // gathered and written at once: the output is the same, and what was
  // gathered is still written if an argument's str() fails.
  const bool gather = is_native_text_file(file);
  std::string text;
  auto emit = [&](std::string_view piece) {
    if (gather) {
      text += piece;
      return true;
    }
    return file_write_text(file, piece);
  };
  for (size_t i = 0; i < args.count; ++i) {
    if (i > 0 && !emit((sep && !is_none(sep)) ? str_view(sep) : " ")) return {};
    Ref s = str(args[i]);
    if (!s) {
      if (gather && !text.empty()) {
        Ref saved = fetch_exception();
        file_write_text(file, text);
        restore_exception(std::move(saved));
      }
      return {};
    }
    if (!emit(str_view(s))) return {};
  }
  if (!emit((end && !is_none(end)) ? str_view(end) : "\n")) return {};
  if (gather && !file_write_text(file, text)) return {};
  if (flush) {
    int t = is_true(flush);
    if (t < 0) return {};
    if (t) {
      Ref r = call_method(file, "flush", {});
      if (!r) return {};
    }
  }
  return new_none();
}

Ref builtin_len(Value, Args args) {
  std::optional<int64_t> n = length(args[0]);
  if (!n) return {};
  return make_int(*n);
}

Ref builtin_repr(Value, Args args) { return repr(args[0]); }
Ref builtin_ascii(Value, Args args) { return ascii(args[0]); }

Ref builtin_format(Value, Args args) {
  if (!check_positional("format", args, 1, 2)) return {};
  return format(args[0], args.count > 1 ? args[1] : Value());
}

Ref builtin_hash(Value, Args args) {
  std::optional<int64_t> h = hash(args[0]);
  if (!h) return {};
  return make_int(*h);
}

Ref builtin_id(Value, Args args) {
  if (args[0].is_small_int()) {
    // Small ints have no address: give each value a stable odd number.
    return make_int(uint64_t(args[0].bits()));
  }
  return make_int(uint64_t(reinterpret_cast<uintptr_t>(args[0].as_object())));
}

Ref builtin_abs(Value, Args args) { return absolute(args[0]); }

bool check_class_or_tuple(Value cls, const char* message) {
  if (is_type(cls)) return true;
  if (is_tuple(cls)) {
    for (size_t i = 0; i < tuple_size(cls); ++i) {
      if (!check_class_or_tuple(tuple_item(cls, i), message)) return false;
    }
    return true;
  }
  raise(&type_error_type, message);
  return false;
}

}  // namespace

int object_isinstance(Value object, Value cls) {
  if (is_type(cls)) {
    Type* type = cls.as<Type>();
    if (isinstance(object, type)) return 1;
    // A metaclass __instancecheck__ (abc) can say more.
    Value check = type_lookup(cls.type(), "__instancecheck__");
    if (check && cls.type() != &type_type) {
      bool found;
      Ref r = call_special(cls, "__instancecheck__", {object}, found);
      if (!r) return -1;
      return is_true(r);
    }
    // __class__ may differ from type() (proxies).
    bool found;
    Ref klass = lookup_attr(object, intern_static("__class__"), found);
    if (!klass) return error_pending() ? -1 : 0;
    if (is_type(klass) && !klass.get().is(Value(object.type()))) return is_subtype(klass.as<Type>(), type);
    return 0;
  }
  if (is_tuple(cls)) {
    for (size_t i = 0; i < tuple_size(cls); ++i) {
      int r = object_isinstance(object, tuple_item(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  // Looked up on the type, as special methods are: a GenericAlias forwards
  // its attributes to its origin, but list[int].__instancecheck__ is its own.
  bool found;
  Ref r = call_special(cls, "__instancecheck__", {object}, found);
  if (found) {
    if (!r) return -1;
    return is_true(r);
  }
  if (error_pending()) return -1;
  raise(&type_error_type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

Ref builtin_isinstance(Value, Args args) {
  if (!check_positional("isinstance", args, 2, 2)) return {};
  int r = object_isinstance(args[0], args[1]);
  if (r < 0) return {};
  return new_bool(r);
}

int object_issubclass(Value derived, Value cls) {
  if (is_tuple(cls)) {
    for (size_t i = 0; i < tuple_size(cls); ++i) {
      int r = object_issubclass(derived, tuple_item(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_type(cls)) {
    bool found;
    Ref r = call_special(cls, "__subclasscheck__", {derived}, found);
    if (found) {
      if (!r) return -1;
      return is_true(r);
    }
    if (error_pending()) return -1;
    raise(&type_error_type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  if (cls.type() != &type_type) {
    Value check = type_lookup(cls.type(), "__subclasscheck__");
    if (check) {
      bool found;
      Ref r = call_special(cls, "__subclasscheck__", {derived}, found);
      if (!r) return -1;
      return is_true(r);
    }
  }
  if (!is_type(derived)) {
    raise(&type_error_type, "issubclass() arg 1 must be a class");
    return -1;
  }
  return is_subtype(derived.as<Type>(), cls.as<Type>());
}

namespace {

Ref builtin_issubclass(Value, Args args) {
  if (!check_positional("issubclass", args, 2, 2)) return {};
  int r = object_issubclass(args[0], args[1]);
  if (r < 0) return {};
  return new_bool(r);
}

Ref builtin_getattr(Value, Args args) {
  if (!check_positional("getattr", args, 2, 3)) return {};
  if (!is_str(args[1])) {
    return raise_format(&type_error_type, "attribute name must be string, not '%s'", value_type_name(args[1]).data());
  }
  if (args.count == 3) {
    bool found;
    Ref r = lookup_attr(args[0], args[1], found);
    if (r) return r;
    if (error_pending()) return {};
    return ref(args[2]);
  }
  return getattr(args[0], args[1]);
}

Ref builtin_setattr(Value, Args args) {
  if (!check_positional("setattr", args, 3, 3)) return {};
  if (!is_str(args[1])) {
    return raise_format(&type_error_type, "attribute name must be string, not '%s'", value_type_name(args[1]).data());
  }
  if (!setattr(args[0], args[1], args[2])) return {};
  return new_none();
}

Ref builtin_delattr(Value, Args args) {
  if (!check_positional("delattr", args, 2, 2)) return {};
  if (!is_str(args[1])) {
    return raise_format(&type_error_type, "attribute name must be string, not '%s'", value_type_name(args[1]).data());
  }
  if (!delattr(args[0], args[1])) return {};
  return new_none();
}

Ref builtin_hasattr(Value, Args args) {
  if (!check_positional("hasattr", args, 2, 2)) return {};
  if (!is_str(args[1])) {
    return raise_format(&type_error_type, "attribute name must be string, not '%s'", value_type_name(args[1]).data());
  }
  bool found;
  Ref r = lookup_attr(args[0], args[1], found);
  if (!r && error_pending()) return {};
  return new_bool(bool(r));
}

Ref builtin_callable(Value, Args args) { return new_bool(is_callable(args[0])); }

Ref builtin_chr(Value, Args args) {
  std::optional<int64_t> i = int_as_int64(args[0]);
  if (!i) {
    if (exception_matches(&overflow_error_type)) {
      clear_exception();
      return raise(&overflow_error_type, "Python int too large to convert to C int");
    }
    return {};
  }
  if (*i < 0 || *i > 0x10FFFF) return raise(&value_error_type, "chr() arg not in range(0x110000)");
  std::string text;
  append_utf8(text, char32_t(*i));
  return make_str(text);
}

Ref builtin_ord(Value, Args args) {
  Value v = args[0];
  if (is_str(v)) {
    StrObject* s = v.as<StrObject>();
    if (s->m_length != 1) {
      return raise_format(&type_error_type, "ord() expected a character, but string of length %zu found", s->m_length);
    }
    size_t pos = 0;
    return make_int(int64_t(decode_utf8(str_view(v), pos)));
  }
  if (is_bytes(v) || is_bytearray(v)) {
    std::string_view data = is_bytes(v) ? bytes_view(v) : std::string_view(v.as<ByteArrayObject>()->m_data);
    if (data.size() != 1) {
      return raise_format(&type_error_type, "ord() expected a character, but string of length %zu found", data.size());
    }
    return make_int(int64_t(static_cast<unsigned char>(data[0])));
  }
  return raise_format(&type_error_type, "ord() expected string of length 1, but %s found", value_type_name(v).data());
}

Ref builtin_hex(Value, Args args) {
  Ref i = index(args[0]);
  if (!i) return {};
  mpz_t value;
  mpz_init(value);
  int_to_mpz(i, value);
  std::string text = int_to_hex(value);
  mpz_clear(value);
  return make_str(text);
}
Ref builtin_oct(Value, Args args) {
  Ref i = index(args[0]);
  if (!i) return {};
  mpz_t value;
  mpz_init(value);
  int_to_mpz(i, value);
  std::string text = int_to_octal(value);
  mpz_clear(value);
  return make_str(text);
}
Ref builtin_bin(Value, Args args) {
  Ref i = index(args[0]);
  if (!i) return {};
  mpz_t value;
  mpz_init(value);
  int_to_mpz(i, value);
  std::string text = int_to_binary(value);
  mpz_clear(value);
  return make_str(text);
}

Ref builtin_iter(Value, Args args) {
  if (!check_positional("iter", args, 1, 2)) return {};
  if (args.count == 1) return iter(args[0]);
  if (!is_callable(args[0])) return raise(&type_error_type, "iter(v, w): v must be callable");
  return make_callable_iterator(args[0], args[1]);
}

Ref builtin_next(Value, Args args) {
  if (!check_positional("next", args, 1, 2)) return {};
  Value it = args[0];
  if (it.type()->m_iternext == nullptr) {
    return raise_format(&type_error_type, "'%s' object is not an iterator", value_type_name(it).data());
  }
  Ref r = next(it);
  if (r) return r;
  if (error_pending()) {
    if (args.count == 2 && exception_matches(&stop_iteration_type)) {
      clear_exception();
      return ref(args[1]);
    }
    return {};
  }
  if (args.count == 2) return ref(args[1]);
  return raise_with(&stop_iteration_type, Value());
}

Ref min_max(Args args, CompareOp op, const char* name) {
  static const ArgSpec min_spec{"min", {"key", "default"}, 0, 0, 0};
  static const ArgSpec max_spec{"max", {"key", "default"}, 0, 0, 0};
  Value bound[2];
  if (!bind_arguments(op == CompareOp::Lt ? min_spec : max_spec, Args{args.items + args.count, 0, args.kwnames}, bound)) {
    return {};
  }
  Value key = bound[0] && !is_none(bound[0]) ? bound[0] : Value();
  Value dflt = bound[1];
  if (args.count == 0) {
    return raise_format(&type_error_type, "%s expected at least 1 argument, got 0", name);
  }
  if (args.count > 1 && dflt) {
    return raise_format(&type_error_type,
                        "Cannot specify a default for %s() with multiple positional arguments", name);
  }
  Ref best, best_key;
  auto visit = [&](Value item) {
    Ref k = key ? call(key, {item}) : ref(item);
    if (!k) return false;
    if (!best) {
      best = ref(item);
      best_key = std::move(k);
      return true;
    }
    int better = compare_bool(k, best_key, op);
    if (better < 0) return false;
    if (better) {
      best = ref(item);
      best_key = std::move(k);
    }
    return true;
  };
  if (args.count == 1) {
    if (!for_each(args[0], visit)) return {};
  } else {
    for (size_t i = 0; i < args.count; ++i) {
      if (!visit(args[i])) return {};
    }
  }
  if (!best) {
    if (dflt) return ref(dflt);
    return raise_format(&value_error_type, "%s() arg is an empty sequence", name);
  }
  return best;
}

Ref builtin_min(Value, Args args) { return min_max(args, CompareOp::Lt, "min"); }
Ref builtin_max(Value, Args args) { return min_max(args, CompareOp::Gt, "max"); }

Ref builtin_sum(Value, Args args) {
  static const ArgSpec spec{"sum", {"iterable", "start"}, 1, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  Ref total = bound[1] ? ref(bound[1]) : Ref::small_int(0);
  if (is_str(total)) return raise(&type_error_type, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_bytes(total)) return raise(&type_error_type, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (is_bytearray(total)) return raise(&type_error_type, "sum() can't sum bytearray [use b''.join(seq) instead]");
  // Small ints add as machine ints, and floats (with small ints among them)
  // in a double, without an object for each step; the same sums `+` makes.
  double float_total = 0.0;
  bool in_float = false;  // the total is float_total, not `total`
  bool ok = for_each(bound[0], [&](Value item) {
    if (in_float) {
      if (is_exact_float(item)) {
        float_total += float_value(item);
        return true;
      }
      if (item.is_small_int()) {
        float_total += double(item.as_small_int());
        return true;
      }
      total = make_float(float_total);
      if (!total) return false;
      in_float = false;
    } else if (total.get().is_small_int() && item.is_small_int()) {
      int64_t sum = total.get().as_small_int() + item.as_small_int();
      if (Value::fits_small_int(sum)) {
        total = Ref::small_int(sum);
        return true;
      }
    } else if (is_exact_float(total) && (is_exact_float(item) || item.is_small_int())) {
      float_total = float_value(total) + (item.is_small_int() ? double(item.as_small_int()) : float_value(item));
      in_float = true;
      return true;
    }
    Ref r = binary_op(total, item, BinaryOp::Add);
    if (!r) return false;
    total = std::move(r);
    return true;
  });
  if (!ok) return {};
  if (in_float) return make_float(float_total);
  return total;
}

Ref builtin_any(Value, Args args) {
  bool result = false;
  bool ok = for_each(args[0], [&](Value item) {
    int t = is_true(item);
    if (t < 0) return false;
    if (t) {
      result = true;
      return false;
    }
    return true;
  });
  if (!ok && error_pending()) return {};
  return new_bool(result);
}

Ref builtin_all(Value, Args args) {
  bool result = true;
  bool ok = for_each(args[0], [&](Value item) {
    int t = is_true(item);
    if (t < 0) return false;
    if (!t) {
      result = false;
      return false;
    }
    return true;
  });
  if (!ok && error_pending()) return {};
  return new_bool(result);
}

Ref builtin_sorted(Value, Args args) {
  if (args.count != 1) {
    return raise_format(&type_error_type, "sorted expected 1 argument, got %zu", args.count);
  }
  static const ArgSpec spec{"sort", {"key", "reverse"}, 0, 0, 0};
  Value bound[2];
  if (!bind_arguments(spec, Args{args.items + 1, 0, args.kwnames}, bound)) return {};
  Ref list = list_from_iterable(args[0]);
  if (!list) return {};
  bool reverse = false;
  if (bound[1]) {
    int t = is_true(bound[1]);
    if (t < 0) return {};
    reverse = t;
  }
  Value key = bound[0] && !is_none(bound[0]) ? bound[0] : Value();
  if (!list_sort(list, key, reverse)) return {};
  return list;
}

Ref builtin_round(Value, Args args) {
  static const ArgSpec spec{"round", {"number", "ndigits"}, 0, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  bool found;
  if (bound[1] && !is_none(bound[1])) {
    Ref r = call_special(bound[0], "__round__", {bound[1]}, found);
    if (!found) return raise_type_error_for("type %s doesn't define __round__ method", bound[0]);
    return r;
  }
  Ref r = call_special(bound[0], "__round__", {}, found);
  if (!found) return raise_type_error_for("type %s doesn't define __round__ method", bound[0]);
  return r;
}

Ref builtin_pow(Value, Args args) {
  static const ArgSpec spec{"pow", {"base", "exp", "mod"}, 0, SIZE_MAX, 2};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  return power(bound[0], bound[1], bound[2] ? bound[2] : none());
}

Ref builtin_divmod(Value, Args args) {
  if (!check_positional("divmod", args, 2, 2)) return {};
  Value a = args[0], b = args[1];
  bool found;
  Ref r = call_special(a, "__divmod__", {b}, found);
  if (found && (!r || !r.get().is(not_implemented()))) return r;
  if (!a.type()->m_richcompare || a.type() != b.type()) {
    r = call_special(b, "__rdivmod__", {a}, found);
    if (found && (!r || !r.get().is(not_implemented()))) return r;
  }
  if (error_pending()) return {};
  return raise_format(&type_error_type, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                      value_type_name(a).data(), value_type_name(b).data());
}

Ref builtin_vars(Value, Args args) {
  if (!check_positional("vars", args, 0, 1)) return {};
  if (args.count == 0) return current_locals();
  bool found;
  Ref d = lookup_attr(args[0], intern_static("__dict__"), found);
  if (!d) {
    if (error_pending()) return {};
    return raise(&type_error_type, "vars() argument must have __dict__ attribute");
  }
  return d;
}

Ref builtin_dir(Value, Args args) {
  if (!check_positional("dir", args, 0, 1)) return {};
  Ref names;
  if (args.count == 0) {
    Ref locals = current_locals();
    if (!locals) return {};
    names = dict_keys_list(locals);
  } else {
    bool found;
    names = call_special(args[0], "__dir__", {}, found);
    if (!names) return {};
    names = list_from_iterable(names);
    if (!names) return {};
  }
  if (!list_sort(names, Value(), false)) return {};
  return names;
}

Ref builtin_globals(Value, Args) {
  Value g = current_globals();
  return g ? ref(g) : make_dict();
}

Ref builtin_locals(Value, Args) { return current_locals(); }

Ref builtin_build_class(Value, Args args) {
  // __build_class__(func, name, *bases, metaclass=None, **kwds), as CPython.
  if (args.count < 2) return raise(&type_error_type, "__build_class__: not enough arguments");
  Value function = args[0];
  Value name = args[1];
  if (!is_function(function)) return raise(&type_error_type, "__build_class__: func must be a function");
  if (!is_str(name)) return raise(&type_error_type, "__build_class__: name is not a string");
  Ref bases = make_tuple(args.items + 2, args.count - 2);
  Ref original_bases = bases;
  // PEP 560: __mro_entries__ of non-type bases.
  {
    bool changed = false;
    Ref resolved = make_list();
    for (size_t i = 0; i < tuple_size(bases); ++i) {
      Value base = tuple_item(bases, i);
      if (!is_type(base)) {
        bool found;
        Ref entries = lookup_attr(base, intern_static("__mro_entries__"), found);
        if (entries) {
          Ref result = call(entries, {bases});
          if (!result) return {};
          if (!is_tuple(result)) return raise(&type_error_type, "__mro_entries__ must return a tuple");
          for (size_t j = 0; j < tuple_size(result); ++j) list_append(resolved, ref(tuple_item(result, j)));
          changed = true;
          continue;
        }
        if (error_pending()) return {};
      }
      list_append(resolved, ref(base));
    }
    if (changed) {
      auto& items = as_list(resolved)->m_items;
      Ref t = make_tuple(items.size());
      for (size_t i = 0; i < items.size(); ++i) tuple_set(t, i, items[i]);
      bases = std::move(t);
    }
  }
  Ref kwargs = make_dict();
  Value metaclass;
  size_t nkw = args.keyword_count();
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_item(Value(args.kwnames), k);
    Value value = args.items[args.count + k];
    if (str_view(key) == "metaclass") {
      metaclass = value;
      continue;
    }
    if (!dict_setitem(kwargs, key, value)) return {};
  }
  bool is_class = false;
  Ref meta;
  if (metaclass) {
    meta = ref(metaclass);
    is_class = is_type(metaclass);
  } else if (tuple_size(bases) == 0) {
    meta = ref(Value(&type_type));
    is_class = true;
  } else {
    meta = ref(Value(tuple_item(bases, 0).type()));
    is_class = true;
  }
  if (is_class) {
    Type* winner = calculate_metaclass(meta.as<Type>(), bases);
    if (winner == nullptr) return {};
    meta = ref(Value(winner));
  }
  // __prepare__
  Ref ns;
  bool found;
  Ref prepare = lookup_attr(meta, intern_static("__prepare__"), found);
  if (prepare) {
    Value call_args[2] = {name, bases};
    ns = call_with_tuple(prepare, make_tuple(call_args, 2), kwargs);
    if (!ns) return {};
    if (!is_dict(ns) && !type_lookup(ns.type(), "__getitem__")) {
      return raise_format(&type_error_type, "%s.__prepare__() must return a mapping, not %s",
                          is_type(meta) ? str_cstr(Value(meta.as<Type>()->m_name)) : "<metaclass>",
                          value_type_name(ns).data());
    }
  } else {
    if (error_pending()) return {};
    ns = make_dict();
  }
  // Run the class body with the namespace as its locals.
  Ref cell = run_class_body(function, ns);
  if (!cell) return {};
  if (!bases.get().is(original_bases.get()) && !setitem(ns, intern_static("__orig_bases__"), original_bases)) return {};
  Value call_args[3] = {name, bases, ns};
  Ref cls = call_with_tuple(meta, make_tuple(call_args, 3), kwargs);
  if (!cls) return {};
  // The body's __class__ cell must now hold the class: type.__new__ fills
  // it from the namespace's __classcell__, which a metaclass may have
  // dropped (CPython's messages).
  if (is_type(cls) && cell.type() == &cell_type) {
    Value cell_contents = cell.as<CellObject>()->m_value;
    if (!cell_contents.is(cls.get())) {
      Ref name_repr = repr(name);
      Ref cls_repr = repr(cls);
      if (!name_repr || !cls_repr) return {};
      if (!cell_contents) {
        return raise_format(&runtime_error_type,
                            "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?",
                            str_cstr(name_repr), str_cstr(cls_repr));
      }
      Ref contents_repr = repr(cell_contents);
      if (!contents_repr) return {};
      return raise_format(&type_error_type, "__class__ set to %s defining %s as %s", str_cstr(contents_repr),
                          str_cstr(name_repr), str_cstr(cls_repr));
    }
  }
  return cls;
}

Ref builtin_import(Value, Args args) {
  static const ArgSpec spec{"__import__", {"name", "globals", "locals", "fromlist", "level"}, 0, SIZE_MAX, 1};
  Value bound[5];
  if (!bind_arguments(spec, args, bound)) return {};
  return import_name(bound[0], bound[1] && !is_none(bound[1]) ? bound[1] : Value(), bound[3],
                     bound[4] ? bound[4] : Value::small_int(0));
}

Ref exec_or_eval(Args args, bool is_eval) {
  const char* name = is_eval ? "eval" : "exec";
  static const ArgSpec eval_spec{"eval", {"source", "globals", "locals"}, 3, SIZE_MAX, 1};
  static const ArgSpec exec_spec{"exec", {"source", "globals", "locals", "closure"}, 3, 3, 1};
  Value bound[4] = {};
  if (!bind_arguments(is_eval ? eval_spec : exec_spec, args, bound)) return {};
  Value source = bound[0];
  Value globals = bound[1] && !is_none(bound[1]) ? bound[1] : Value();
  Value locals = bound[2] && !is_none(bound[2]) ? bound[2] : Value();
  if (globals && !is_dict(globals)) {
    return raise_format(&type_error_type, "%s() globals must be a dict, not %s", name, value_type_name(globals).data());
  }
  Ref globals_ref, locals_ref;
  if (!globals) {
    globals_ref = builtin_globals(Value(), Args{});
    locals_ref = locals ? ref(locals) : current_locals();
    if (!locals_ref) return {};
    globals = globals_ref;
    locals = locals_ref;
  } else if (!locals) {
    locals = globals;
  }
  if (!dict_lookup_str(globals, "__builtins__")) {
    Value builtins = lookup_module("builtins");
    if (builtins && !dict_setitem_str(globals, "__builtins__", builtins)) return {};
  }
  Ref code;
  if (is_code(source)) {
    code = ref(source);
  } else {
    std::string text;
    if (is_str(source)) {
      text = std::string(str_view(source));
    } else if (is_bytes(source)) {
      text = std::string(bytes_view(source));
    } else {
      return raise_format(&type_error_type, "%s() arg 1 must be a string, bytes or code object", name);
    }
    if (is_eval) {
      size_t start = text.find_first_not_of(" \t");
      text = start == std::string::npos ? "" : text.substr(start);
    }
    SyntaxErrorInfo error;
    code = compile_source(text, "<string>", is_eval ? CompileMode::Eval : CompileMode::Exec, false, error);
    if (!code) {
      raise_syntax_error(error, "<string>", text,
                         is_eval ? SyntaxErrorSource::OtherString : SyntaxErrorSource::ExecString);
      return {};
    }
  }
  Ref result = run_code(code, globals, locals);
  if (!result) return {};
  if (!is_eval) return new_none();
  return result;
}

Ref builtin_exec(Value, Args args) { return exec_or_eval(args, false); }
Ref builtin_eval(Value, Args args) { return exec_or_eval(args, true); }

Ref builtin_compile(Value, Args args) {
  static const ArgSpec spec{"compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, 0, SIZE_MAX, 3};
  Value bound[7];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string text;
  if (is_str(bound[0])) text = std::string(str_view(bound[0]));
  else if (is_bytes(bound[0])) text = std::string(bytes_view(bound[0]));
  else return raise(&type_error_type, "compile() arg 1 must be a string, bytes or AST object");
  if (!is_str(bound[1])) return raise_format(&type_error_type, "compile() argument 'filename' must be str, not %s", value_type_name(bound[1]).data());
  if (!is_str(bound[2])) return raise_format(&type_error_type, "compile() argument 'mode' must be str, not %s", value_type_name(bound[2]).data());
  std::string_view mode = str_view(bound[2]);
  CompileMode compile_mode;
  if (mode == "exec") compile_mode = CompileMode::Exec;
  else if (mode == "eval") compile_mode = CompileMode::Eval;
  else if (mode == "single") compile_mode = CompileMode::Single;
  else return raise(&value_error_type, "compile() mode must be 'exec', 'eval' or 'single'");
  SyntaxErrorInfo error;
  Ref code = compile_source(text, str_view(bound[1]), compile_mode, false, error);
  if (!code) {
    raise_syntax_error(error, str_view(bound[1]), text,
                       compile_mode == CompileMode::Exec ? SyntaxErrorSource::ExecString
                                                         : SyntaxErrorSource::OtherString);
    return {};
  }
  return code;
}

Ref builtin_input(Value, Args args) {
  if (!check_positional("input", args, 0, 1)) return {};
  Value sys = lookup_module("sys");
  if (args.count == 1) {
    Ref out = sys ? getattr(sys, "stdout") : Ref();
    if (!out) return {};
    Ref prompt = str(args[0]);
    if (!prompt) return {};
    if (!file_write_text(out, str_view(prompt))) return {};
    Ref r = call_method(out, "flush", {});
    if (!r) clear_exception();
  }
  Ref in = sys ? getattr(sys, "stdin") : Ref();
  if (!in) return {};
  Ref line = call_method(in, "readline", {});
  if (!line) return {};
  if (!is_str(line)) return raise(&type_error_type, "object.readline() returned non-string");
  std::string_view text = str_view(line);
  if (text.empty()) return raise_with(&eof_error_type, make_str("EOF when reading a line"));
  if (text.back() == '\n') text.remove_suffix(1);
  return make_str(text);
}

Ref builtin_open(Value, Args args) { return file_open(args); }

Ref builtin_aiter(Value, Args args) { return call_method(args[0], "__aiter__", {}); }
Ref builtin_anext(Value, Args args) {
  if (!check_positional("anext", args, 1, 2)) return {};
  Ref awaitable = call_method(args[0], "__anext__", {});
  if (!awaitable || args.count == 1) return awaitable;
  return make_anext_awaitable(awaitable, args[1]);
}

// The doc of the built-in function `name` (stdlib/builtins_docs.h).
constexpr const char* builtin_doc(std::string_view name) {
  for (const BuiltinDoc& entry : kBuiltinDocs) {
    if (name == entry.name) return entry.doc;
  }
  return nullptr;
}

const MethodDef kBuiltins[] = {
    {"print", builtin_print, ArgKind::Keywords, builtin_doc("print")},
    {"len", builtin_len, ArgKind::OneArg, builtin_doc("len")},
    {"repr", builtin_repr, ArgKind::OneArg, builtin_doc("repr")},
    {"ascii", builtin_ascii, ArgKind::OneArg, builtin_doc("ascii")},
    {"format", builtin_format, ArgKind::VarArgs, builtin_doc("format")},
    {"hash", builtin_hash, ArgKind::OneArg, builtin_doc("hash")},
    {"id", builtin_id, ArgKind::OneArg, builtin_doc("id")},
    {"abs", builtin_abs, ArgKind::OneArg, builtin_doc("abs")},
    {"isinstance", builtin_isinstance, ArgKind::VarArgs, builtin_doc("isinstance")},
    {"issubclass", builtin_issubclass, ArgKind::VarArgs, builtin_doc("issubclass")},
    {"getattr", builtin_getattr, ArgKind::VarArgs, builtin_doc("getattr")},
    {"setattr", builtin_setattr, ArgKind::VarArgs, builtin_doc("setattr")},
    {"delattr", builtin_delattr, ArgKind::VarArgs, builtin_doc("delattr")},
    {"hasattr", builtin_hasattr, ArgKind::VarArgs, builtin_doc("hasattr")},
    {"callable", builtin_callable, ArgKind::OneArg, builtin_doc("callable")},
    {"chr", builtin_chr, ArgKind::OneArg, builtin_doc("chr")},
    {"ord", builtin_ord, ArgKind::OneArg, builtin_doc("ord")},
    {"hex", builtin_hex, ArgKind::OneArg, builtin_doc("hex")},
    {"oct", builtin_oct, ArgKind::OneArg, builtin_doc("oct")},
    {"bin", builtin_bin, ArgKind::OneArg, builtin_doc("bin")},
    {"iter", builtin_iter, ArgKind::VarArgs, builtin_doc("iter")},
    {"next", builtin_next, ArgKind::VarArgs, builtin_doc("next")},
    {"min", builtin_min, ArgKind::Keywords, builtin_doc("min")},
    {"max", builtin_max, ArgKind::Keywords, builtin_doc("max")},
    {"sum", builtin_sum, ArgKind::Keywords, builtin_doc("sum")},
    {"any", builtin_any, ArgKind::OneArg, builtin_doc("any")},
    {"all", builtin_all, ArgKind::OneArg, builtin_doc("all")},
    {"sorted", builtin_sorted, ArgKind::Keywords, builtin_doc("sorted")},
    {"round", builtin_round, ArgKind::Keywords, builtin_doc("round")},
    {"pow", builtin_pow, ArgKind::Keywords, builtin_doc("pow")},
    {"divmod", builtin_divmod, ArgKind::VarArgs, builtin_doc("divmod")},
    {"vars", builtin_vars, ArgKind::VarArgs, builtin_doc("vars")},
    {"dir", builtin_dir, ArgKind::VarArgs, builtin_doc("dir")},
    {"globals", builtin_globals, ArgKind::NoArgs, builtin_doc("globals")},
    {"locals", builtin_locals, ArgKind::NoArgs, builtin_doc("locals")},
    {"__build_class__", builtin_build_class, ArgKind::Keywords, builtin_doc("__build_class__")},
    {"__import__", builtin_import, ArgKind::Keywords, builtin_doc("__import__")},
    {"exec", builtin_exec, ArgKind::Keywords, builtin_doc("exec")},
    {"eval", builtin_eval, ArgKind::Keywords, builtin_doc("eval")},
    {"compile", builtin_compile, ArgKind::Keywords, builtin_doc("compile")},
    {"input", builtin_input, ArgKind::VarArgs, builtin_doc("input")},
    {"open", builtin_open, ArgKind::Keywords, builtin_doc("open")},
    {"aiter", builtin_aiter, ArgKind::OneArg, builtin_doc("aiter")},
    {"breakpoint", builtin_breakpoint, ArgKind::Keywords, builtin_doc("breakpoint")},
    {"anext", builtin_anext, ArgKind::VarArgs, builtin_doc("anext")},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_builtins(Value module) {
  if (!init_exception_types()) return false;
  if (!module_add_functions(module, kBuiltins)) return false;
  Value dict = module_dict(module);
  if (!add_site_builtins(dict)) return false;
  // The built-in types and exceptions under their Python names.
  static const char* const kTypeNames[] = {
      "object", "type", "int", "bool", "float", "complex", "str", "bytes", "bytearray", "list",
      "tuple", "dict", "set", "frozenset", "range", "slice", "property", "classmethod",
      "staticmethod", "super", "enumerate", "zip", "map", "filter", "reversed", "memoryview"};
  for (const char* name : kTypeNames) {
    Type* type = find_registered_type(name);
    if (type != nullptr && !dict_setitem_str(dict, name, Value(type))) return false;
  }
  for (Type* type : registered_type_list()) {
    if ((type->m_flags & kTypeBaseExcSubclass) && std::strchr(type->m_tp_name, '.') == nullptr) {
      if (!dict_setitem_str(dict, type->m_tp_name, Value(type))) return false;
    }
  }
  if (!dict_setitem_str(dict, "None", none()) || !dict_setitem_str(dict, "Ellipsis", ellipsis()) ||
      !dict_setitem_str(dict, "NotImplemented", not_implemented()) ||
      !dict_setitem_str(dict, "True", py_bool(true)) || !dict_setitem_str(dict, "False", py_bool(false)) ||
      !dict_setitem_str(dict, "__debug__", py_bool(true))) {
    return false;
  }
  for (const char* alias : {"EnvironmentError", "IOError"}) {
    if (!dict_setitem_str(dict, alias, Value(&os_error_type))) return false;
  }
  g_builtins_dict = ref(dict);
  return true;
}

}  // namespace

COIL_REGISTER_MODULE("builtins", init_builtins);

}  // namespace coil
