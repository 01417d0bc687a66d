// The built-in iterator types (runtime/iterators.h), as CPython's
// Objects/enumobject.c, Python/bltinmodule.c (zip, map, filter) and
// Objects/iterobject.c, with their messages.
//
// Each pulls from the iterators it wraps through the core's next(), which
// signals exhaustion by a null result with no exception pending; an
// exception raised by a wrapped iterator propagates unchanged.
#include "runtime/iterators.h"

#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

Type enumerate_type, zip_type, map_type, filter_type, reversed_type;
Type sequence_iterator_type, callable_iterator_type;

namespace {

Ref iterator_self(Value self) { return ref(self); }

size_t keyword_count(TupleObject* kwnames) { return kwnames ? kwnames->m_size : 0; }

// Keywords are refused unless a subclass's own __init__ wants them, as
// CPython's `type == &X_Type || type->tp_init == X_Type.tp_init` test.
bool refuse_keywords(Type* type, Type* base, TupleObject* kwnames, const char* name) {
  if (keyword_count(kwnames) == 0) return true;
  if (type != base && type->m_init != base->m_init) return true;
  return raise_format(&type_error_type, "%s() takes no keyword arguments", name);
}

// ---- enumerate

struct EnumerateObject : Object {
  Ref m_iterator;
  int64_t m_index;    // the next count, while it fits
  Ref m_long_index;   // the next count once it no longer fits, else null
};

// Whether keyword `i` of the call is `expected`; raises CPython's message if not.
bool check_keyword(TupleObject* kwnames, size_t i, std::string_view expected) {
  Value name = tuple_item(Value(kwnames), i);
  if (str_view(name) == expected) return true;
  return raise_format(&type_error_type, "'%s' is an invalid keyword argument for enumerate()",
                      str_cstr(name));
}

Ref enumerate_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  // enumerate(iterable, start=0), bound by hand as CPython's enum_vectorcall
  // does (with its messages).
  size_t keywords = keyword_count(kwnames);
  Value bound[2] = {};
  if (nargs + keywords == 2) {
    bound[0] = args[0];
    bound[1] = args[1];
    if (keywords == 1 && !check_keyword(kwnames, 0, "start")) return {};
    if (keywords == 2) {
      if (str_view(tuple_item(Value(kwnames), 0)) == "start") {
        if (!check_keyword(kwnames, 1, "iterable")) return {};
        std::swap(bound[0], bound[1]);
      } else if (!check_keyword(kwnames, 0, "iterable") || !check_keyword(kwnames, 1, "start")) {
        return {};
      }
    }
  } else if (nargs + keywords == 1) {
    if (keywords == 1 && !check_keyword(kwnames, 0, "iterable")) return {};
    bound[0] = args[0];
  } else if (nargs == 0) {
    return raise(&type_error_type, "enumerate() missing required argument 'iterable'");
  } else {
    return raise_format(&type_error_type, "enumerate() takes at most 2 arguments (%zu given)",
                        nargs + keywords);
  }
  Ref iterator = TRY(iter(bound[0]));
  int64_t start = 0;
  Ref long_start;
  if (bound[1]) {
    Ref start_int = TRY(index(bound[1]));
    if (!int_fits_int64(start_int, start)) long_start = std::move(start_int);
  }
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* enumerate = static_cast<EnumerateObject*>(object);
  new (&enumerate->m_iterator) Ref(std::move(iterator));
  new (&enumerate->m_long_index) Ref(std::move(long_start));
  enumerate->m_index = start;
  return Ref::steal(object);
}

Ref enumerate_next(Value self) {
  auto* enumerate = self.as<EnumerateObject>();
  Ref item = next(enumerate->m_iterator);
  if (!item) return {};
  Ref count;
  if (!enumerate->m_long_index && enumerate->m_index < INT64_MAX) {
    count = TRY(make_int(enumerate->m_index));
    ++enumerate->m_index;
  } else {
    if (!enumerate->m_long_index) enumerate->m_long_index = TRY(make_int(enumerate->m_index));
    count = enumerate->m_long_index;
    enumerate->m_long_index =
        TRY(binary_op(enumerate->m_long_index, Value::small_int(1), BinaryOp::Add));
  }
  return make_tuple({count.get(), item.get()});
}

void enumerate_destroy(Object* object) { static_cast<EnumerateObject*>(object)->~EnumerateObject(); }

void enumerate_traverse(Object* object, VisitFn visit, void* context) {
  auto* enumerate = static_cast<EnumerateObject*>(object);
  visit(enumerate->m_iterator, context);
  visit(enumerate->m_long_index, context);
}

const MethodDef enumerate_methods[] = {
    {"__class_getitem__", generic_alias_class_getitem, ArgKind::OneArg, kClassGetitemDoc,
     kMethodClass},
    {},
};

// ---- zip

struct ZipObject : Object {
  std::vector<Ref> m_iterators;
  bool m_strict;
};

Ref zip_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  bool strict = false;
  size_t keywords = keyword_count(kwnames);
  if (keywords > 1) {
    return raise_format(&type_error_type, "zip() takes at most 1 keyword argument (%zu given)",
                        keywords);
  }
  if (keywords == 1) {
    Value name = tuple_item(Value(kwnames), 0);
    if (str_view(name) != "strict") {
      return raise_format(&type_error_type, "'%s' is an invalid keyword argument for zip()",
                          str_cstr(name));
    }
    int truth = is_true(args[nargs]);
    if (truth < 0) return {};
    strict = truth != 0;
  }
  std::vector<Ref> iterators;
  iterators.reserve(nargs);
  for (size_t i = 0; i < nargs; ++i) iterators.push_back(TRY(iter(args[i])));
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* zip = static_cast<ZipObject*>(object);
  new (&zip->m_iterators) std::vector<Ref>(std::move(iterators));
  zip->m_strict = strict;
  return Ref::steal(object);
}

// zip(strict=True) found iterator `exhausted` (0-based) shorter than the
// ones before it, or — when it is the first — checks that the others end
// too: CPython's messages name the arguments 1-based.
Ref zip_strict_check(ZipObject* zip, size_t exhausted) {
  if (exhausted > 0) {
    const char* plural = exhausted == 1 ? " " : "s 1-";
    return raise_format(&value_error_type, "zip() argument %zu is shorter than argument%s%zu",
                        exhausted + 1, plural, exhausted);
  }
  for (size_t i = 1; i < zip->m_iterators.size(); ++i) {
    Ref item = next(zip->m_iterators[i]);
    if (item) {
      const char* plural = i == 1 ? " " : "s 1-";
      return raise_format(&value_error_type, "zip() argument %zu is longer than argument%s%zu",
                          i + 1, plural, i);
    }
    if (error_pending()) return {};
  }
  return {};
}

Ref zip_next(Value self) {
  auto* zip = self.as<ZipObject>();
  size_t count = zip->m_iterators.size();
  if (count == 0) return {};
  Ref result = TRY(make_tuple(count));
  for (size_t i = 0; i < count; ++i) {
    Ref item = next(zip->m_iterators[i]);
    if (!item) {
      if (error_pending() || !zip->m_strict) return {};
      return zip_strict_check(zip, i);
    }
    tuple_set(result, i, std::move(item));
  }
  return result;
}

void zip_destroy(Object* object) { static_cast<ZipObject*>(object)->~ZipObject(); }

void zip_traverse(Object* object, VisitFn visit, void* context) {
  for (const Ref& iterator : static_cast<ZipObject*>(object)->m_iterators) visit(iterator, context);
}

void zip_clear(Object* object) {
  std::vector<Ref> iterators;
  iterators.swap(static_cast<ZipObject*>(object)->m_iterators);
}

// ---- map

struct MapObject : Object {
  Ref m_function;
  std::vector<Ref> m_iterators;
};

Ref map_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!refuse_keywords(type, &map_type, kwnames, "map")) return {};
  if (nargs < 2) return raise(&type_error_type, "map() must have at least two arguments.");
  std::vector<Ref> iterators;
  iterators.reserve(nargs - 1);
  for (size_t i = 1; i < nargs; ++i) iterators.push_back(TRY(iter(args[i])));
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* map = static_cast<MapObject*>(object);
  new (&map->m_function) Ref(ref(args[0]));
  new (&map->m_iterators) std::vector<Ref>(std::move(iterators));
  return Ref::steal(object);
}

Ref map_next(Value self) {
  auto* map = self.as<MapObject>();
  size_t count = map->m_iterators.size();
  // Most maps have one or two iterables: no allocation for those.
  Ref small[2];
  std::vector<Ref> large;
  Ref* items = small;
  if (count > 2) {
    large.resize(count);
    items = large.data();
  }
  for (size_t i = 0; i < count; ++i) {
    items[i] = next(map->m_iterators[i]);
    if (!items[i]) return {};
  }
  Value arguments[2];
  std::vector<Value> many;
  const Value* argument_values = arguments;
  if (count > 2) {
    many.resize(count);
    for (size_t i = 0; i < count; ++i) many[i] = items[i];
    argument_values = many.data();
  } else {
    for (size_t i = 0; i < count; ++i) arguments[i] = items[i];
  }
  Ref function = map->m_function;  // the call may clear the map
  return call(function, argument_values, count);
}

void map_destroy(Object* object) { static_cast<MapObject*>(object)->~MapObject(); }

void map_traverse(Object* object, VisitFn visit, void* context) {
  auto* map = static_cast<MapObject*>(object);
  visit(map->m_function, context);
  for (const Ref& iterator : map->m_iterators) visit(iterator, context);
}

void map_clear(Object* object) {
  auto* map = static_cast<MapObject*>(object);
  std::vector<Ref> iterators;
  iterators.swap(map->m_iterators);
  map->m_function = ref(none());
}

// ---- filter

struct FilterObject : Object {
  Ref m_function;  // None or bool: test the items' own truth
  Ref m_iterator;
};

Ref filter_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!refuse_keywords(type, &filter_type, kwnames, "filter")) return {};
  if (nargs != 2) {
    return raise_format(&type_error_type, "filter expected 2 arguments, got %zu", nargs);
  }
  Ref iterator = TRY(iter(args[1]));
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* filter = static_cast<FilterObject*>(object);
  new (&filter->m_function) Ref(ref(args[0]));
  new (&filter->m_iterator) Ref(std::move(iterator));
  return Ref::steal(object);
}

Ref filter_next(Value self) {
  auto* filter = self.as<FilterObject>();
  Ref function = filter->m_function;
  Ref iterator = filter->m_iterator;
  bool test_items = is_none(function) || function.get().is(Value(&bool_type));
  while (true) {
    Ref item = next(iterator);
    if (!item) return {};
    int truth;
    if (test_items) {
      truth = is_true(item);
    } else {
      Ref verdict = TRY(call(function, {item.get()}));
      truth = is_true(verdict);
    }
    if (truth > 0) return item;
    if (truth < 0) return {};
  }
}

void filter_destroy(Object* object) { static_cast<FilterObject*>(object)->~FilterObject(); }

void filter_traverse(Object* object, VisitFn visit, void* context) {
  auto* filter = static_cast<FilterObject*>(object);
  visit(filter->m_function, context);
  visit(filter->m_iterator, context);
}

// ---- reversed

struct ReversedObject : Object {
  Ref m_sequence;   // null once exhausted
  int64_t m_index;  // the next index to read, counting down
};

// CPython's PySequence_Check: item access by index, and not a dict.
bool is_sequence(Value v) { return !is_dict(v) && v.type()->m_getitem != nullptr; }

Ref reversed_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  if (!refuse_keywords(type, &reversed_type, kwnames, "reversed")) return {};
  if (nargs != 1) {
    return raise_format(&type_error_type, "reversed expected 1 argument, got %zu", nargs);
  }
  Value sequence = args[0];
  Value method = type_lookup(sequence.type(), "__reversed__");
  if (method && is_none(method)) {
    return raise_format(&type_error_type, "'%s' object is not reversible",
                        value_type_name(sequence).data());
  }
  if (method) {
    bool found = false;
    Ref result = call_special(sequence, "__reversed__", {}, found);
    if (found || error_pending()) return result;
  }
  if (!is_sequence(sequence)) {
    return raise_format(&type_error_type, "'%s' object is not reversible",
                        value_type_name(sequence).data());
  }
  std::optional<int64_t> size = length(sequence);
  if (!size) return {};
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* reversed = static_cast<ReversedObject*>(object);
  new (&reversed->m_sequence) Ref(ref(sequence));
  reversed->m_index = *size - 1;
  return Ref::steal(object);
}

Ref reversed_next(Value self) {
  auto* reversed = self.as<ReversedObject>();
  if (reversed->m_index >= 0 && reversed->m_sequence) {
    Ref item = getitem(reversed->m_sequence, Value::small_int(reversed->m_index));
    if (item) {
      --reversed->m_index;
      return item;
    }
    if (!exception_matches(&index_error_type) && !exception_matches(&stop_iteration_type)) {
      return {};
    }
    clear_exception();
  }
  reversed->m_index = -1;
  reversed->m_sequence.reset();
  return {};
}

Ref reversed_length_hint(Value self, Args) {
  auto* reversed = self.as<ReversedObject>();
  if (!reversed->m_sequence) return Ref::small_int(0);
  std::optional<int64_t> size = length(reversed->m_sequence);
  if (!size) return {};
  int64_t position = reversed->m_index + 1;
  return Ref::small_int(*size < position ? 0 : position);
}

void reversed_destroy(Object* object) { static_cast<ReversedObject*>(object)->~ReversedObject(); }

void reversed_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<ReversedObject*>(object)->m_sequence, context);
}

void reversed_clear(Object* object) { static_cast<ReversedObject*>(object)->m_sequence.reset(); }

const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {},
};

// ---- iterator (over __getitem__)

struct SequenceIteratorObject : Object {
  Ref m_sequence;  // null once exhausted
  int64_t m_index;
};

Ref sequence_iterator_next(Value self) {
  auto* iterator = self.as<SequenceIteratorObject>();
  if (!iterator->m_sequence) return {};
  if (iterator->m_index == INT64_MAX) return raise(&overflow_error_type, "iter index too large");
  Ref sequence = iterator->m_sequence;
  Ref item = getitem(sequence, Value::small_int(iterator->m_index));
  if (item) {
    ++iterator->m_index;
    return item;
  }
  if (exception_matches(&index_error_type) || exception_matches(&stop_iteration_type)) {
    clear_exception();
    iterator->m_sequence.reset();
  }
  return {};
}

Ref sequence_iterator_length_hint(Value self, Args) {
  auto* iterator = self.as<SequenceIteratorObject>();
  if (!iterator->m_sequence) return Ref::small_int(0);
  if (iterator->m_sequence.type()->m_length == nullptr) return ref(not_implemented());
  std::optional<int64_t> size = length(iterator->m_sequence);
  if (!size) return {};
  int64_t remaining = *size - iterator->m_index;
  return Ref::small_int(remaining >= 0 ? remaining : 0);
}

void sequence_iterator_destroy(Object* object) {
  static_cast<SequenceIteratorObject*>(object)->~SequenceIteratorObject();
}

void sequence_iterator_traverse(Object* object, VisitFn visit, void* context) {
  visit(static_cast<SequenceIteratorObject*>(object)->m_sequence, context);
}

void sequence_iterator_clear(Object* object) {
  static_cast<SequenceIteratorObject*>(object)->m_sequence.reset();
}

const MethodDef sequence_iterator_methods[] = {
    {"__length_hint__", sequence_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {},
};

// ---- callable_iterator

struct CallableIteratorObject : Object {
  Ref m_callable;  // both null once exhausted
  Ref m_sentinel;
};

Ref callable_iterator_next(Value self) {
  auto* iterator = self.as<CallableIteratorObject>();
  if (!iterator->m_callable) return {};
  Ref callable = iterator->m_callable;
  Ref result = call(callable, nullptr, 0);
  if (result) {
    Ref sentinel = iterator->m_sentinel;
    int same = sentinel ? equal(sentinel, result) : 0;
    if (same == 0) return result;
    if (same > 0) {
      iterator->m_callable.reset();
      iterator->m_sentinel.reset();
    }
    return {};
  }
  if (exception_matches(&stop_iteration_type)) {
    clear_exception();
    iterator->m_callable.reset();
    iterator->m_sentinel.reset();
  }
  return {};
}

void callable_iterator_destroy(Object* object) {
  static_cast<CallableIteratorObject*>(object)->~CallableIteratorObject();
}

void callable_iterator_traverse(Object* object, VisitFn visit, void* context) {
  auto* iterator = static_cast<CallableIteratorObject*>(object);
  visit(iterator->m_callable, context);
  visit(iterator->m_sentinel, context);
}

void callable_iterator_clear(Object* object) {
  auto* iterator = static_cast<CallableIteratorObject*>(object);
  iterator->m_callable.reset();
  iterator->m_sentinel.reset();
}

struct IteratorTypesSetup {
  IteratorTypesSetup() {
    Type& e = enumerate_type;
    e.m_tp_name = "enumerate";
    e.m_doc =
        "Return an enumerate object.\n\n"
        "  iterable\n    an object supporting iteration\n\n"
        "The enumerate object yields pairs containing a count (from start, which\n"
        "defaults to zero) and a value yielded by the iterable argument.\n\n"
        "enumerate is useful for obtaining an indexed list:\n"
        "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...";
    e.m_size = sizeof(EnumerateObject);
    e.m_flags = kTypeBaseType | kTypeHasGC;
    e.m_destroy = enumerate_destroy;
    e.m_traverse = enumerate_traverse;
    e.m_new = enumerate_new;
    e.m_iter = iterator_self;
    e.m_iternext = enumerate_next;
    e.m_methods = enumerate_methods;

    Type& z = zip_type;
    z.m_tp_name = "zip";
    z.m_doc =
        "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
        "   >>> list(zip('abcdefg', range(3), range(4)))\n"
        "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
        "The zip object yields n-length tuples, where n is the number of iterables\n"
        "passed as positional arguments to zip().  The i-th element in every tuple\n"
        "comes from the i-th iterable argument to zip().  This continues until the\n"
        "shortest argument is exhausted.\n\n"
        "If strict is true and one of the arguments is exhausted before the others,\n"
        "raise a ValueError.";
    z.m_size = sizeof(ZipObject);
    z.m_flags = kTypeBaseType | kTypeHasGC;
    z.m_destroy = zip_destroy;
    z.m_traverse = zip_traverse;
    z.m_clear = zip_clear;
    z.m_new = zip_new;
    z.m_iter = iterator_self;
    z.m_iternext = zip_next;

    Type& m = map_type;
    m.m_tp_name = "map";
    m.m_doc =
        "map(func, *iterables) --> map object\n\n"
        "Make an iterator that computes the function using arguments from\n"
        "each of the iterables.  Stops when the shortest iterable is exhausted.";
    m.m_size = sizeof(MapObject);
    m.m_flags = kTypeBaseType | kTypeHasGC;
    m.m_destroy = map_destroy;
    m.m_traverse = map_traverse;
    m.m_clear = map_clear;
    m.m_new = map_new;
    m.m_iter = iterator_self;
    m.m_iternext = map_next;

    Type& f = filter_type;
    f.m_tp_name = "filter";
    f.m_doc =
        "filter(function or None, iterable) --> filter object\n\n"
        "Return an iterator yielding those items of iterable for which function(item)\n"
        "is true. If function is None, return the items that are true.";
    f.m_size = sizeof(FilterObject);
    f.m_flags = kTypeBaseType | kTypeHasGC;
    f.m_destroy = filter_destroy;
    f.m_traverse = filter_traverse;
    f.m_new = filter_new;
    f.m_iter = iterator_self;
    f.m_iternext = filter_next;

    Type& r = reversed_type;
    r.m_tp_name = "reversed";
    r.m_doc = "Return a reverse iterator over the values of the given sequence.";
    r.m_size = sizeof(ReversedObject);
    r.m_flags = kTypeBaseType | kTypeHasGC;
    r.m_destroy = reversed_destroy;
    r.m_traverse = reversed_traverse;
    r.m_clear = reversed_clear;
    r.m_new = reversed_new;
    r.m_iter = iterator_self;
    r.m_iternext = reversed_next;
    r.m_methods = reversed_methods;

    Type& s = sequence_iterator_type;
    s.m_tp_name = "iterator";
    s.m_size = sizeof(SequenceIteratorObject);
    s.m_flags = kTypeHasGC;
    s.m_destroy = sequence_iterator_destroy;
    s.m_traverse = sequence_iterator_traverse;
    s.m_clear = sequence_iterator_clear;
    s.m_iter = iterator_self;
    s.m_iternext = sequence_iterator_next;
    s.m_methods = sequence_iterator_methods;

    Type& c = callable_iterator_type;
    c.m_tp_name = "callable_iterator";
    c.m_size = sizeof(CallableIteratorObject);
    c.m_flags = kTypeHasGC;
    c.m_destroy = callable_iterator_destroy;
    c.m_traverse = callable_iterator_traverse;
    c.m_clear = callable_iterator_clear;
    c.m_iter = iterator_self;
    c.m_iternext = callable_iterator_next;
  }
} iterator_types_setup;

}  // namespace

Ref make_sequence_iterator(Value sequence) {
  Object* object = allocate_object(&sequence_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<SequenceIteratorObject*>(object);
  new (&iterator->m_sequence) Ref(ref(sequence));
  iterator->m_index = 0;
  return Ref::steal(object);
}

Ref make_callable_iterator(Value callable, Value sentinel) {
  Object* object = allocate_object(&callable_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* iterator = static_cast<CallableIteratorObject*>(object);
  new (&iterator->m_callable) Ref(ref(callable));
  new (&iterator->m_sentinel) Ref(ref(sentinel));
  return Ref::steal(object);
}

COIL_REGISTER_TYPE(enumerate_type);
COIL_REGISTER_TYPE(zip_type);
COIL_REGISTER_TYPE(map_type);
COIL_REGISTER_TYPE(filter_type);
COIL_REGISTER_TYPE(reversed_type);
COIL_REGISTER_TYPE(sequence_iterator_type);
COIL_REGISTER_TYPE(callable_iterator_type);

}  // namespace coil
