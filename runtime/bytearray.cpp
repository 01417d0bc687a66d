// bytearray: a mutable sequence of bytes, held in a std::string. The
// non-mutating methods are bytes's (runtime/bytes.cpp), listed again in
// this type's table; this file adds construction, the mutating methods and
// item/slice assignment, after CPython 3.11's Objects/bytearrayobject.c.
//
// Converting a value (__index__, an iterator) can run Python code that
// resizes the bytearray being changed: values are converted before any
// index is checked against the size, as CPython does since GH-91153.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

constexpr char kByteRange[] = "byte must be in range(0, 256)";

std::string& data_of(Value self) { return self.as<ByteArrayObject>()->m_data; }

Ref allocate_bytearray(Type* type) {
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  new (&static_cast<ByteArrayObject*>(object)->m_data) std::string();
  return Ref::steal(object);
}

// ------------------------------------------------------------ construction

Ref bytearray_new(Type* type, const Value*, size_t, TupleObject*) {
  // The arguments are __init__'s, as in CPython.
  return allocate_bytearray(type);
}

bool bytearray_init(Value self, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Args args{argv, nargs, kwnames};
  Value bound[3];
  if (!bind_keyword_args("bytearray", {"source", "encoding", "errors"}, 0, args, bound)) return false;
  const char* names[] = {"encoding", "errors"};
  for (int i = 1; i <= 2; ++i) {
    if (bound[i] && !is_str(bound[i])) {
      return raise_format(&type_error_type, "bytearray() argument '%s' must be str, not %s",
                          names[i - 1], arg_type_name(bound[i]));
    }
    if (bound[i] && !check_utf8_encodable(bound[i])) return false;
  }
  Value source = bound[0], encoding = bound[1], errors = bound[2];
  // __init__ may run again on a live bytearray: it starts over.
  data_of(self).clear();
  if (!source) {
    if (encoding || errors) {
      return raise(&type_error_type, encoding ? "encoding without a string argument"
                                              : "errors without a string argument");
    }
    return true;
  }
  if (is_str(source)) {
    if (!encoding) return raise(&type_error_type, "string argument without an encoding");
    Ref encoded = encode_text(source, str_view(encoding), errors ? str_view(errors) : "strict");
    if (!encoded) return false;
    data_of(self).assign(bytes_view(encoded));
    return true;
  }
  if (encoding || errors) {
    return raise(&type_error_type, encoding ? "encoding without a string argument"
                                            : "errors without a string argument");
  }
  if (has_index(source)) {
    int64_t count;
    if (index_as_ssize(source, &overflow_error_type, count)) {
      if (count < 0) return raise(&value_error_type, "negative count");
      if (uint64_t(count) > kMaxBuiltText) return raise_no_memory();
      data_of(self).assign(size_t(count), '\0');
      return true;
    }
    if (!exception_matches(&type_error_type)) return false;
    clear_exception();
  }
  std::string_view view;
  if (buffer_view(source, view)) {
    std::string copy(view);
    data_of(self) = std::move(copy);
    return true;
  }
  std::string data;
  if (!bytes_from_iterable(source, "bytearray", kByteRange, data)) return false;
  data_of(self) = std::move(data);
  return true;
}

void bytearray_destroy(Object* o) { static_cast<ByteArrayObject*>(o)->~ByteArrayObject(); }

// ------------------------------------------------------------ slots

// As CPython's bytearray_repr, which differs from bytes' in one quirk: a
// single quote is escaped even inside double quotes (bytearray(b"it\'s")).
Ref bytearray_repr(Value self) {
  const std::string& data = data_of(self);
  bool has_single = data.find('\'') != std::string::npos;
  bool has_double = data.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string text(type_name(self.type()));
  text += "(b";
  text += quote;
  static const char digits[] = "0123456789abcdef";
  for (char c : data) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\'' || c == '\\') {
      text += '\\';
      text += c;
    } else if (c == '\t') {
      text += "\\t";
    } else if (c == '\n') {
      text += "\\n";
    } else if (c == '\r') {
      text += "\\r";
    } else if (u < 0x20 || u >= 0x7F) {
      text += "\\x";
      text += digits[u >> 4];
      text += digits[u & 15];
    } else {
      text += c;
    }
  }
  text += quote;
  text += ')';
  return make_str(text);
}

Ref bytearray_richcompare(Value a, Value b, CompareOp op) {
  std::string_view x, y;
  if (!buffer_view(a, x) || !buffer_view(b, y)) return Ref::borrow(not_implemented());
  int order = x.compare(y);
  bool result = false;
  switch (op) {
    case CompareOp::Lt: result = order < 0; break;
    case CompareOp::Le: result = order <= 0; break;
    case CompareOp::Eq: result = order == 0; break;
    case CompareOp::Ne: result = order != 0; break;
    case CompareOp::Gt: result = order > 0; break;
    case CompareOp::Ge: result = order >= 0; break;
  }
  return new_bool(result);
}

Ref bytearray_add(Value a, Value b) {
  if (!is_bytearray(a)) return Ref::borrow(not_implemented());
  std::string_view right;
  if (!buffer_view(b, right)) {
    BinaryFn other = b.type()->m_binary[int(BinaryOp::Add)];
    if (other != nullptr && has_number_slots(b.type())) {
      Ref result = other(a, b);
      if (!result || !result.get().is(not_implemented())) return result;
    }
    return raise_format(&type_error_type, "can't concat %s to %s", value_type_name(b).data(),
                        value_type_name(a).data());
  }
  std::string out = data_of(a);
  out.append(right);
  return make_bytearray(out);
}

Ref bytearray_inplace_add(Value a, Value b) {
  std::string_view right;
  if (!is_bytearray(a)) return Ref::borrow(not_implemented());
  // Not bytes-like: b's __radd__, else "can't concat", as CPython's
  // sq_inplace_concat.
  if (!buffer_view(b, right)) return bytearray_add(a, b);
  std::string copy(right);  // `b += b` reads what it grows
  data_of(a) += copy;
  return ref(a);
}

bool is_bytearray_value(Value v) { return is_bytearray(v); }

bool repeat(std::string_view data, int64_t count, std::string& out) {
  if (count <= 0 || data.empty()) {
    out.clear();
    return true;
  }
  if (data.size() > kMaxBuiltText / size_t(count)) return raise_no_memory();
  std::string result;
  result.reserve(data.size() * size_t(count));
  for (int64_t i = 0; i < count; ++i) result.append(data);
  out = std::move(result);
  return true;
}

Ref bytearray_multiply(Value a, Value b) {
  Value seq;
  int64_t count = 0;
  Ref result;
  int status = sequence_repeat_operands(a, b, is_bytearray_value, BinaryOp::Multiply, seq, count, result);
  if (status <= 0) return result;
  std::string out;
  if (!repeat(data_of(seq), count, out)) return {};
  return make_bytearray(out);
}

Ref bytearray_inplace_multiply(Value a, Value b) {
  if (!is_bytearray(a) || !has_index(b)) return Ref::borrow(not_implemented());
  int64_t count;
  if (!index_as_ssize(b, nullptr, count)) return {};
  std::string out;
  if (!repeat(data_of(a), count, out)) return {};
  data_of(a) = std::move(out);
  return ref(a);
}

Ref bytearray_remainder(Value a, Value b) {
  if (!is_bytearray(a)) return Ref::borrow(not_implemented());
  std::string out;
  if (!bytes_percent_format(data_of(a), b, out)) return {};
  return make_bytearray(out);
}

std::optional<int64_t> bytearray_length(Value self) { return int64_t(data_of(self).size()); }

int bytearray_contains(Value self, Value item) {
  if (has_index(item)) {
    unsigned char byte;
    if (!byte_value(item, kByteRange, byte)) return -1;
    return data_of(self).find(static_cast<char>(byte)) != std::string::npos;
  }
  std::string_view needle;
  if (!buffer_view(item, needle)) {
    raise_format(&type_error_type, "a bytes-like object is required, not '%s'",
                 value_type_name(item).data());
    return -1;
  }
  std::string copy(needle);
  return data_of(self).find(copy) != std::string::npos;
}

Ref bytearray_getitem(Value self, Value key) {
  if (has_index(key)) {
    int64_t i;
    if (!index_as_ssize(key, &index_error_type, i)) return {};
    const std::string& data = data_of(self);
    if (i < 0) i += int64_t(data.size());
    if (i < 0 || i >= int64_t(data.size())) return raise(&index_error_type, "bytearray index out of range");
    return Ref::small_int(static_cast<unsigned char>(data[size_t(i)]));
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, start, stop, step)) return {};
    const std::string& data = data_of(self);
    int64_t count = slice_adjust_indices(int64_t(data.size()), start, stop, step);
    if (step == 1) return make_bytearray(std::string_view(data).substr(size_t(start), size_t(count)));
    std::string out;
    out.reserve(size_t(count));
    int64_t i = start;
    for (int64_t n = 0; n < count; ++n) {
      out += data[size_t(i)];
      if (n + 1 < count) i += step;
    }
    return make_bytearray(out);
  }
  return raise_format(&type_error_type, "bytearray indices must be integers or slices, not %s",
                      value_type_name(key).data());
}

// CPython's bytearray_ass_subscript; a null `value` deletes.
bool bytearray_setitem(Value self, Value key, Value value) {
  int64_t start, stop, step, count;
  if (has_index(key)) {
    int64_t i;
    if (!index_as_ssize(key, &index_error_type, i)) return false;
    unsigned char byte = 0;
    if (value && !byte_value(value, kByteRange, byte)) return false;
    std::string& data = data_of(self);
    if (i < 0) i += int64_t(data.size());
    if (i < 0 || i >= int64_t(data.size())) return raise(&index_error_type, "bytearray index out of range");
    if (value) {
      data[size_t(i)] = static_cast<char>(byte);
      return true;
    }
    data.erase(size_t(i), 1);
    return true;
  }
  if (!is_slice(key)) {
    return raise_format(&type_error_type, "bytearray indices must be integers or slices, not %s",
                        value_type_name(key).data());
  }
  if (!slice_unpack(key, start, stop, step)) return false;
  // The new bytes, converted before the size is read.
  std::string replacement;
  if (value) {
    std::string_view view;
    if (is_bytearray(value) && !value.is(self)) {
      replacement = data_of(value);
    } else if (buffer_view(value, view)) {
      replacement.assign(view);
    } else {
      bool number = is_int(value) || is_float(value) || is_complex(value) ||
                    value.type()->m_index != nullptr || value.type()->m_int != nullptr ||
                    value.type()->m_float != nullptr;
      if (number || is_str(value)) {
        return raise(&type_error_type,
                     "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      }
      if (!bytes_from_iterable(value, "bytearray", kByteRange, replacement)) return false;
    }
  }
  std::string& data = data_of(self);
  count = slice_adjust_indices(int64_t(data.size()), start, stop, step);
  // b[5:2] = ... inserts before 5.
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step == 1) {
    data.replace(size_t(start), size_t(stop - start), replacement);
    return true;
  }
  if (replacement.empty()) {
    // Delete an extended slice: keep the bytes it does not select.
    if (count == 0) return true;
    std::vector<bool> drop(data.size(), false);
    int64_t i = start;
    for (int64_t n = 0; n < count; ++n) {
      drop[size_t(i)] = true;
      if (n + 1 < count) i += step;
    }
    std::string kept;
    kept.reserve(data.size() - size_t(count));
    for (size_t k = 0; k < data.size(); ++k) {
      if (!drop[k]) kept += data[k];
    }
    data = std::move(kept);
    return true;
  }
  if (int64_t(replacement.size()) != count) {
    return raise_format(&value_error_type,
                        "attempt to assign bytes of size %zu to extended slice of size %lld",
                        replacement.size(), static_cast<long long>(count));
  }
  int64_t i = start;
  for (int64_t n = 0; n < count; ++n) {
    data[size_t(i)] = replacement[size_t(n)];
    if (n + 1 < count) i += step;
  }
  return true;
}

// ------------------------------------------------------------ the iterator

struct ByteArrayIteratorObject : Object {
  Ref m_bytearray;  // null once exhausted
  size_t m_index;
};

Ref bytearray_iter(Value self) {
  Object* object = allocate_object(&bytearray_iterator_type);
  if (object == nullptr) return raise_no_memory();
  ByteArrayIteratorObject* iterator = static_cast<ByteArrayIteratorObject*>(object);
  iterator->m_bytearray = ref(self);
  iterator->m_index = 0;
  return Ref::steal(iterator);
}

Ref iterator_self(Value self) { return ref(self); }

Ref bytearray_iterator_next(Value self) {
  ByteArrayIteratorObject* iterator = self.as<ByteArrayIteratorObject>();
  if (!iterator->m_bytearray) return {};
  const std::string& data = data_of(iterator->m_bytearray);
  if (iterator->m_index >= data.size()) {
    iterator->m_bytearray.reset();
    return {};
  }
  return Ref::small_int(static_cast<unsigned char>(data[iterator->m_index++]));
}

Ref bytearray_iterator_length_hint(Value self, Args) {
  ByteArrayIteratorObject* iterator = self.as<ByteArrayIteratorObject>();
  if (!iterator->m_bytearray) return Ref::small_int(0);
  size_t size = data_of(iterator->m_bytearray).size();
  return Ref::small_int(iterator->m_index < size ? int64_t(size - iterator->m_index) : 0);
}

void bytearray_iterator_destroy(Object* o) {
  static_cast<ByteArrayIteratorObject*>(o)->~ByteArrayIteratorObject();
}

void bytearray_iterator_traverse(Object* o, VisitFn visit, void* context) {
  ByteArrayIteratorObject* iterator = static_cast<ByteArrayIteratorObject*>(o);
  if (iterator->m_bytearray) visit(iterator->m_bytearray, context);
}

void bytearray_iterator_clear(Object* o) {
  static_cast<ByteArrayIteratorObject*>(o)->m_bytearray.reset();
}

const MethodDef bytearray_iterator_methods[] = {
    {"__length_hint__", bytearray_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// ------------------------------------------------------------ mutating methods

Ref bytearray_append(Value self, Args args) {
  unsigned char byte;
  if (!byte_value(args[0], kByteRange, byte)) return {};
  data_of(self) += static_cast<char>(byte);
  return new_none();
}

Ref bytearray_extend(Value self, Args args) {
  Value source = args[0];
  std::string_view view;
  if (buffer_view(source, view)) {
    std::string copy(view);
    data_of(self) += copy;
    return new_none();
  }
  Ref iterator = iter(source);
  if (!iterator) {
    if (exception_matches(&type_error_type)) {
      clear_exception();
      return raise_format(&type_error_type, "can't extend bytearray with %s",
                          value_type_name(source).data());
    }
    return {};
  }
  std::string added;
  while (true) {
    Ref item = iterator_next(iterator);
    if (!item) {
      if (error_pending()) return {};
      break;
    }
    unsigned char byte;
    if (!byte_value(item, kByteRange, byte)) return {};
    added += static_cast<char>(byte);
  }
  data_of(self) += added;
  return new_none();
}

Ref bytearray_insert(Value self, Args args) {
  if (!check_positional_args("bytearray", "insert", args, 2, 2)) return {};
  int64_t where;
  if (!ssize_argument(args[0], where)) return {};
  unsigned char byte;
  if (!byte_value(args[1], kByteRange, byte)) return {};
  std::string& data = data_of(self);
  int64_t size = int64_t(data.size());
  if (where < 0) {
    where += size;
    if (where < 0) where = 0;
  }
  if (where > size) where = size;
  data.insert(size_t(where), 1, static_cast<char>(byte));
  return new_none();
}

Ref bytearray_pop(Value self, Args args) {
  if (!check_positional_args("bytearray", "pop", args, 0, 1)) return {};
  int64_t where = -1;
  if (args.count > 0 && !ssize_argument(args[0], where)) return {};
  std::string& data = data_of(self);
  if (data.empty()) return raise(&index_error_type, "pop from empty bytearray");
  if (where < 0) where += int64_t(data.size());
  if (where < 0 || where >= int64_t(data.size())) return raise(&index_error_type, "pop index out of range");
  unsigned char byte = static_cast<unsigned char>(data[size_t(where)]);
  data.erase(size_t(where), 1);
  return Ref::small_int(byte);
}

Ref bytearray_remove(Value self, Args args) {
  unsigned char byte;
  if (!byte_value(args[0], kByteRange, byte)) return {};
  std::string& data = data_of(self);
  size_t found = data.find(static_cast<char>(byte));
  if (found == std::string::npos) return raise(&value_error_type, "value not found in bytearray");
  data.erase(found, 1);
  return new_none();
}

Ref bytearray_reverse(Value self, Args) {
  std::reverse(data_of(self).begin(), data_of(self).end());
  return new_none();
}

Ref bytearray_clear(Value self, Args) {
  data_of(self).clear();
  return new_none();
}

Ref bytearray_copy(Value self, Args) { return make_bytearray(data_of(self)); }

// CPython's ob_alloc: the buffer's size with its NUL, 0 when never filled.
int64_t allocated(Value self) {
  size_t size = data_of(self).size();
  return size == 0 ? 0 : int64_t(size + 1);
}

Ref bytearray_alloc(Value self, Args) { return make_int(allocated(self)); }

Ref bytearray_sizeof(Value self, Args) { return make_int(56 + allocated(self)); }

// __reduce__ / __reduce_ex__: (type, (text, 'latin-1'), dict) for
// protocols below 3, (type, (bytes,), dict) from 3 on.
Ref reduce_common(Value self, int64_t protocol) {
  Ref state;
  if (self.type()->m_dict_offset != 0 && *instance_dict_slot(self.as_object())) {
    state = *instance_dict_slot(self.as_object());
  } else {
    state = new_none();
  }
  Ref arguments;
  const std::string& data = data_of(self);
  if (protocol < 3) {
    Ref text = decode_text(data, "latin-1", "strict");
    Ref encoding = make_str("latin-1");
    if (!text || !encoding) return {};
    arguments = data.empty() ? Ref::borrow(empty_tuple()) : make_tuple({text.get(), encoding.get()});
  } else {
    Ref bytes = make_bytes(data);
    if (!bytes) return {};
    arguments = data.empty() ? Ref::borrow(empty_tuple()) : make_tuple({bytes.get()});
  }
  if (!arguments) return {};
  return make_tuple({Value(self.type()), arguments.get(), state.get()});
}

Ref bytearray_reduce(Value self, Args) { return reduce_common(self, 2); }

Ref bytearray_reduce_ex(Value self, Args args) {
  if (!check_positional_args("bytearray", "__reduce_ex__", args, 0, 1)) return {};
  int proto = 0;
  if (args.count > 0 && !int_arg(args[0], proto)) return {};
  return reduce_common(self, proto);
}

const MethodDef bytearray_methods[] = {
    {"__alloc__", bytearray_alloc, ArgKind::NoArgs, "B.__alloc__() -> int"},
    {"__reduce__", bytearray_reduce, ArgKind::NoArgs, "Return state information for pickling."},
    {"__reduce_ex__", bytearray_reduce_ex, ArgKind::Keywords, "Return state information for pickling."},
    {"__sizeof__", bytearray_sizeof, ArgKind::NoArgs, "Returns the size of the bytearray object in memory, in bytes."},
    {"append", bytearray_append, ArgKind::OneArg, "Append a single item to the end of the bytearray."},
    {"capitalize", bytes_capitalize, ArgKind::NoArgs},
    {"center", bytes_center, ArgKind::Keywords},
    {"clear", bytearray_clear, ArgKind::NoArgs, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, ArgKind::NoArgs, "Return a copy of B."},
    {"count", bytes_count, ArgKind::Keywords},
    {"decode", bytes_decode, ArgKind::Keywords},
    {"endswith", bytes_endswith, ArgKind::Keywords},
    {"expandtabs", bytes_expandtabs, ArgKind::Keywords},
    {"extend", bytearray_extend, ArgKind::OneArg, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"find", bytes_find, ArgKind::Keywords},
    {"fromhex", bytes_fromhex, ArgKind::OneArg, nullptr, kMethodClass},
    {"hex", bytes_hex, ArgKind::Keywords},
    {"index", bytes_index, ArgKind::Keywords},
    {"insert", bytearray_insert, ArgKind::Keywords, "Insert a single item into the bytearray before the given index."},
    {"isalnum", bytes_isalnum, ArgKind::NoArgs},
    {"isalpha", bytes_isalpha, ArgKind::NoArgs},
    {"isascii", bytes_isascii, ArgKind::NoArgs},
    {"isdigit", bytes_isdigit, ArgKind::NoArgs},
    {"islower", bytes_islower, ArgKind::NoArgs},
    {"isspace", bytes_isspace, ArgKind::NoArgs},
    {"istitle", bytes_istitle, ArgKind::NoArgs},
    {"isupper", bytes_isupper, ArgKind::NoArgs},
    {"join", bytes_join, ArgKind::OneArg},
    {"ljust", bytes_ljust, ArgKind::Keywords},
    {"lower", bytes_lower, ArgKind::NoArgs},
    {"lstrip", bytes_lstrip, ArgKind::Keywords},
    {"maketrans", bytes_maketrans, ArgKind::Keywords, nullptr, kMethodStatic},
    {"partition", bytes_partition, ArgKind::OneArg},
    {"pop", bytearray_pop, ArgKind::Keywords, "Remove and return a single item from B."},
    {"remove", bytearray_remove, ArgKind::OneArg, "Remove the first occurrence of a value in the bytearray."},
    {"removeprefix", bytes_removeprefix, ArgKind::OneArg},
    {"removesuffix", bytes_removesuffix, ArgKind::OneArg},
    {"replace", bytes_replace, ArgKind::Keywords},
    {"reverse", bytearray_reverse, ArgKind::NoArgs, "Reverse the order of the values in B in place."},
    {"rfind", bytes_rfind, ArgKind::Keywords},
    {"rindex", bytes_rindex, ArgKind::Keywords},
    {"rjust", bytes_rjust, ArgKind::Keywords},
    {"rpartition", bytes_rpartition, ArgKind::OneArg},
    {"rsplit", bytes_rsplit, ArgKind::Keywords},
    {"rstrip", bytes_rstrip, ArgKind::Keywords},
    {"split", bytes_split, ArgKind::Keywords},
    {"splitlines", bytes_splitlines, ArgKind::Keywords},
    {"startswith", bytes_startswith, ArgKind::Keywords},
    {"strip", bytes_strip, ArgKind::Keywords},
    {"swapcase", bytes_swapcase, ArgKind::NoArgs},
    {"title", bytes_title, ArgKind::NoArgs},
    {"translate", bytes_translate, ArgKind::Keywords},
    {"upper", bytes_upper, ArgKind::NoArgs},
    {"zfill", bytes_zfill, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Ref make_bytearray(std::string_view data) {
  Ref result = allocate_bytearray(&bytearray_type);
  if (!result) return {};
  data_of(result).assign(data);
  return result;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

Type bytearray_type = {
    .m_tp_name = "bytearray",
    .m_doc = "bytearray(iterable_of_ints) -> bytearray\n"
             "bytearray(string, encoding[, errors]) -> bytearray\n"
             "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
             "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
             "bytearray() -> empty bytes array\n"
             "\n"
             "Construct a mutable bytearray object from:\n"
             "  - an iterable yielding integers in range(256)\n"
             "  - a text string encoded using the specified encoding\n"
             "  - a bytes or a buffer object\n"
             "  - any object implementing the buffer API.\n"
             "  - an integer",
    .m_flags = kTypeBaseType | kTypeImmutable,
    .m_size = sizeof(ByteArrayObject),
    .m_methods = bytearray_methods,
    .m_destroy = bytearray_destroy,
    .m_repr = bytearray_repr,
    .m_richcompare = bytearray_richcompare,
    .m_iter = bytearray_iter,
    .m_new = bytearray_new,
    .m_init = bytearray_init,
    .m_binary = {bytearray_add, nullptr, nullptr, nullptr, nullptr, bytearray_multiply,
                 bytearray_remainder, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
                 bytearray_inplace_add, nullptr, nullptr, nullptr, nullptr,
                 bytearray_inplace_multiply},
    .m_length = bytearray_length,
    .m_getitem = bytearray_getitem,
    .m_setitem = bytearray_setitem,
    .m_contains = bytearray_contains,
};

Type bytearray_iterator_type = {
    .m_tp_name = "bytearray_iterator",
    .m_flags = kTypeHasGC | kTypeImmutable,
    .m_size = sizeof(ByteArrayIteratorObject),
    .m_methods = bytearray_iterator_methods,
    .m_destroy = bytearray_iterator_destroy,
    .m_traverse = bytearray_iterator_traverse,
    .m_clear = bytearray_iterator_clear,
    .m_iter = iterator_self,
    .m_iternext = bytearray_iterator_next,
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(bytearray_type);
COIL_REGISTER_TYPE(bytearray_iterator_type);

}  // namespace coil
