// The str type: creation and interning of StrObjects, CPython's hash of
// text, the slots (comparison, concatenation, repetition, indexing,
// iteration) and the methods of Python 3.11's str, plus the str iterators.
//
// The text algorithms themselves (case mapping, predicates, split, strip,
// find…) live in runtime/unicode.h and work on UTF-8 views; this file adds
// argument handling with CPython's messages and turns their results into
// objects. Formatting (`%`, str.format, __format__) is in str_format.cpp,
// encoding and decoding in codecs.cpp.
//
// Layout invariant: an exact str and every instance of a str subclass carry
// their text inline (m_data), NUL-terminated, with m_length and m_ascii
// exact. An ASCII str indexes by byte. A non-ASCII str of at least
// kOffsetIndexMinLength code points has one more word after the NUL (at the
// next pointer-aligned address): its OffsetIndex (runtime/unicode.h), null
// until a lookup first needs one, freed with the str. Every code-point
// position of a str becomes a byte offset through str_offset below (or, for
// the search methods, text_shape), which uses it; shorter non-ASCII strs
// walk from the nearer end.
#include "runtime/str.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/format.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/repr.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

namespace coil {

namespace {

// The largest text a str may hold, as CPython's PY_SSIZE_T_MAX bound; a
// request beyond it is a MemoryError before any allocation is tried.
constexpr size_t kMaxStrBytes = size_t(INT64_MAX) / 2;

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Length in code points and ASCII-ness of UTF-8 text.
void scan_text(std::string_view text, size_t& length, bool& ascii) {
  size_t count = 0;
  unsigned char any = 0;
  for (char c : text) {
    any |= static_cast<unsigned char>(c);
    count += !is_continuation(c);
  }
  length = count;
  ascii = any < 0x80;
}

// Whether a str of this shape carries an OffsetIndex slot after its NUL.
bool has_offset_slot(size_t length, bool ascii) { return !ascii && length >= kOffsetIndexMinLength; }

// The OffsetIndex slot of a str that has one: the first pointer-aligned
// address after the NUL (allocated zeroed, so null until first used).
OffsetIndex** offset_slot(const StrObject* s) {
  uintptr_t end = reinterpret_cast<uintptr_t>(s->m_data + s->m_size + 1);
  end = (end + alignof(OffsetIndex*) - 1) & ~uintptr_t(alignof(OffsetIndex*) - 1);
  return reinterpret_cast<OffsetIndex**>(end);
}

// The bytes after a str's fixed part: the text, its NUL and, when the shape
// needs one, the OffsetIndex slot (a pointer, and the padding that aligns it).
size_t str_body_bytes(size_t size, size_t length, bool ascii) {
  size_t bytes = size + 1;
  if (has_offset_slot(length, ascii)) bytes += sizeof(OffsetIndex*) + alignof(OffsetIndex*) - 1;
  return bytes;
}

// An uninitialized str of `size` bytes holding `length` code points (the NUL
// is set, and the OffsetIndex slot reserved when the shape needs one).
StrObject* new_str_object(Type* type, size_t size, size_t length, bool ascii) {
  if (size > kMaxStrBytes) {
    raise_no_memory();
    return nullptr;
  }
  // An exact str's bytes are all written here or by the caller, so its
  // memory is not zeroed first (a subclass's instance has more fields).
  size_t body = str_body_bytes(size, length, ascii);
  Object* object = type == &str_type ? allocate_object_uninitialized(type, body)
                                     : allocate_object(type, body);
  if (object == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  StrObject* s = static_cast<StrObject*>(object);
  s->m_hash = -1;
  s->m_size = size;
  s->m_length = length;
  s->m_ascii = ascii;
  s->m_interned = false;
  s->m_data[size] = '\0';
  if (has_offset_slot(length, ascii)) *offset_slot(s) = nullptr;
  return s;
}

Ref finish_str(StrObject* s, std::string_view utf8) {
  if (!utf8.empty()) std::memcpy(s->m_data, utf8.data(), utf8.size());
  return Ref::steal(s);
}

// The byte offset of code point `index` (<= the length) of a str.
size_t str_offset(const StrObject* s, size_t index) {
  if (s->m_ascii) return index;
  return code_point_offset(std::string_view(s->m_data, s->m_size), s->m_length, index,
                           has_offset_slot(s->m_length, false) ? offset_slot(s) : nullptr);
}

// What the search functions of runtime/unicode.h need to know of a str.
TextShape text_shape(Value v) {
  const StrObject* s = v.as<StrObject>();
  return TextShape{s->m_length, s->m_ascii,
                   has_offset_slot(s->m_length, s->m_ascii) ? offset_slot(s) : nullptr};
}

// The table of interned strs, keyed by their own text. Allocated once and
// never freed, so that its entries stay reachable for LeakSanitizer.
using InternTable = std::unordered_map<std::string_view, StrObject*>;
InternTable& intern_table() {
  static InternTable* table = new InternTable();
  return *table;
}

void make_interned(StrObject* s) {
  s->m_refcount = kImmortalRefcount;
  s->m_interned = true;
  intern_table().emplace(std::string_view(s->m_data, s->m_size), s);
}

// The shared strs: '' and the 256 one-character strs of Latin-1, interned
// and immortal, made on first use.
StrObject* g_empty_str = nullptr;
StrObject* g_latin1_strs[256] = {};

StrObject* new_interned(std::string_view utf8) {
  size_t length;
  bool ascii;
  scan_text(utf8, length, ascii);
  StrObject* s = new_str_object(&str_type, utf8.size(), length, ascii);
  if (s == nullptr) return nullptr;
  finish_str(s, utf8).release();
  make_interned(s);
  return s;
}

StrObject* latin1_str(unsigned char c) {
  StrObject*& slot = g_latin1_strs[c];
  if (slot == nullptr) {
    std::string utf8;
    append_utf8(utf8, c);
    auto found = intern_table().find(utf8);
    slot = found != intern_table().end() ? found->second : new_interned(utf8);
  }
  return slot;
}

// A str for a view into `parent`'s text: the view's ASCII-ness follows the
// parent's, and a view of all of an exact str is the str itself.
Ref substr(Value parent, std::string_view part) {
  const StrObject* p = parent.as<StrObject>();
  if (part.size() == p->m_size && is_exact_str(parent)) return ref(parent);
  if (p->m_ascii) {
    if (part.size() == 1) return Ref::borrow(latin1_str(static_cast<unsigned char>(part[0])));
    return make_str(part, part.size(), true);
  }
  return make_str(part);
}

// Keeps the result object of a method that CPython returns unchanged when
// nothing changed (unicode_result_unchanged): the str itself if exact.
Ref str_result(Value self, std::string_view text) {
  if (text.size() == str_view(self).size() && is_exact_str(self) &&
      (text.data() == str_view(self).data() || text == str_view(self))) {
    return ref(self);
  }
  return make_str(text);
}

struct SliceIndices {
  int64_t start, stop, step, length;
};

size_t keyword_count(Args args) { return args.kwnames ? tuple_size(args.kwnames) : 0; }

std::string_view keyword_name(Args args, size_t i) { return str_view(tuple_item(args.kwnames, i)); }

}  // namespace

// ============================================================ creation

Ref make_str(std::string_view utf8) {
  size_t length;
  bool ascii;
  scan_text(utf8, length, ascii);
  return make_str(utf8, length, ascii);
}

Ref make_str(std::string_view utf8, size_t length, bool ascii) {
  if (utf8.empty()) return Ref::borrow(empty_str());
  if (length == 1) {
    size_t pos = 0;
    char32_t c = decode_utf8(utf8, pos);
    if (c < 256) return Ref::borrow(latin1_str(static_cast<unsigned char>(c)));
  }
  StrObject* s = new_str_object(&str_type, utf8.size(), length, ascii);
  if (s == nullptr) return {};
  return finish_str(s, utf8);
}

Ref make_str_of_type(Type* type, std::string_view utf8) {
  if (type == &str_type) return make_str(utf8);
  size_t length;
  bool ascii;
  scan_text(utf8, length, ascii);
  StrObject* s = new_str_object(type, utf8.size(), length, ascii);
  if (s == nullptr) return {};
  return finish_str(s, utf8);
}

Ref str_from_code_point(char32_t code_point) {
  if (code_point < 256) return Ref::borrow(latin1_str(static_cast<unsigned char>(code_point)));
  std::string utf8;
  append_utf8(utf8, code_point);
  return make_str(utf8, 1, false);
}

Value empty_str() {
  if (g_empty_str == nullptr) {
    auto found = intern_table().find(std::string_view());
    g_empty_str = found != intern_table().end() ? found->second : new_interned(std::string_view());
  }
  return Value(g_empty_str);
}

Ref intern(std::string_view utf8) {
  auto found = intern_table().find(utf8);
  if (found != intern_table().end()) return Ref::borrow(found->second);
  if (utf8.empty()) return Ref::borrow(empty_str());
  StrObject* s = new_interned(utf8);
  if (s == nullptr) return {};
  return Ref::borrow(s);
}

Ref intern_str(Value str) {
  // Only exact strs are interned (a subclass may carry state), as CPython.
  if (!is_exact_str(str)) return ref(str);
  StrObject* s = str.as<StrObject>();
  if (s->m_interned) return ref(str);
  auto found = intern_table().find(str_view(str));
  if (found != intern_table().end()) return Ref::borrow(found->second);
  make_interned(s);
  return ref(str);
}

Value intern_static(std::string_view utf8) {
  // Native code asks for the same few names (string literals) over and
  // over: a small cache keyed by where the text is skips hashing it. The
  // text is compared too, since other text may later sit at that address.
  struct Recent {
    const char* data;
    StrObject* str;
  };
  static Recent recent[256];
  Recent& entry = recent[((uintptr_t(utf8.data()) >> 3) ^ utf8.size()) & 255];
  if (entry.data == utf8.data() && entry.str != nullptr && entry.str->m_size == utf8.size() &&
      std::memcmp(entry.str->m_data, utf8.data(), utf8.size()) == 0) {
    return Value(entry.str);
  }
  // Interned strs are immortal: the reference can be dropped.
  Value interned = intern(utf8).get();
  if (interned) entry = {utf8.data(), interned.as<StrObject>()};
  return interned;
}

// ============================================================ hash, equality

int64_t str_hash(Value v) {
  StrObject* s = v.as<StrObject>();
  if (s->m_hash != -1) return s->m_hash;
  int64_t hash;
  if (s->m_ascii) {
    hash = hash_bytes(s->m_data, s->m_size);
  } else {
    // CPython hashes its PEP 393 representation: one byte per character
    // if every character is below 256, else two (UCS-2), else four (UCS-4),
    // in the machine's (little-endian) order.
    std::string_view text(s->m_data, s->m_size);
    std::vector<char32_t> code_points;
    code_points.reserve(s->m_length);
    char32_t largest = 0;
    for (size_t pos = 0; pos < text.size();) {
      char32_t c = decode_utf8(text, pos);
      largest = std::max(largest, c);
      code_points.push_back(c);
    }
    std::string buffer;
    int width = largest < 0x100 ? 1 : largest < 0x10000 ? 2 : 4;
    buffer.reserve(code_points.size() * width);
    for (char32_t c : code_points) {
      for (int i = 0; i < width; ++i) buffer += static_cast<char>((c >> (8 * i)) & 0xFF);
    }
    hash = hash_bytes(buffer.data(), buffer.size());
  }
  s->m_hash = hash;
  return hash;
}

bool str_equal(Value a, Value b) {
  if (a.is(b)) return true;
  const StrObject* x = a.as<StrObject>();
  const StrObject* y = b.as<StrObject>();
  if (x->m_interned && y->m_interned) return false;
  if (x->m_size != y->m_size) return false;
  if (x->m_hash != -1 && y->m_hash != -1 && x->m_hash != y->m_hash) return false;
  return std::memcmp(x->m_data, y->m_data, x->m_size) == 0;
}

bool str_equal(Value a, std::string_view b) { return str_view(a) == b; }

// ============================================================ argument helpers

bool check_tuple_args(const char* type_name, const char* function_name, Args args, size_t min,
                      size_t max) {
  if (keyword_count(args) != 0) {
    return raise_format(&type_error_type, "%s.%s() takes no keyword arguments", type_name,
                        function_name);
  }
  if (args.count < min || args.count > max) {
    size_t bound = args.count < min ? min : max;
    return raise_format(&type_error_type, "%s() takes %s %zu argument%s (%zu given)", function_name,
                        min == max ? "exactly" : args.count < min ? "at least" : "at most", bound,
                        bound == 1 ? "" : "s", args.count);
  }
  return true;
}

bool check_positional_args(const char* type_name, const char* function_name, Args args,
                           size_t min, size_t max) {
  if (keyword_count(args) != 0) {
    return raise_format(&type_error_type, "%s.%s() takes no keyword arguments", type_name,
                        function_name);
  }
  if (args.count < min) {
    return raise_format(&type_error_type, "%s expected %s%zu argument%s, got %zu", function_name,
                        min == max ? "" : "at least ", min, min == 1 ? "" : "s", args.count);
  }
  if (args.count > max) {
    return raise_format(&type_error_type, "%s expected %s%zu argument%s, got %zu", function_name,
                        min == max ? "" : "at most ", max, max == 1 ? "" : "s", args.count);
  }
  return true;
}

bool bind_keyword_args(const char* function_name, std::initializer_list<const char*> names,
                       size_t required, Args args, Value* bound) {
  size_t max = names.size();
  size_t keywords = keyword_count(args);
  if (args.count + keywords > max) {
    return raise_format(&type_error_type, "%s() takes at most %zu %sargument%s (%zu given)",
                        function_name, max, args.count == 0 ? "keyword " : "", max == 1 ? "" : "s",
                        args.count + keywords);
  }
  if (keywords == 0 && args.count < required) {
    return raise_format(&type_error_type, "%s() takes %s %zu positional argument%s (%zu given)",
                        function_name, required < max ? "at least" : "exactly", required,
                        required == 1 ? "" : "s", args.count);
  }
  for (size_t i = 0; i < max; ++i) bound[i] = Value();
  for (size_t i = 0; i < args.count; ++i) bound[i] = args[i];
  auto find_keyword = [&](const char* name) -> Value {
    for (size_t k = 0; k < keywords; ++k) {
      if (keyword_name(args, k) == name) return args.items[args.count + k];
    }
    return Value();
  };
  size_t matched = 0;
  size_t index = 0;
  for (const char* name : names) {
    if (index >= args.count) {
      Value value = find_keyword(name);
      if (value) {
        bound[index] = value;
        ++matched;
      } else if (index < required) {
        return raise_format(&type_error_type, "%s() missing required argument '%s' (pos %zu)",
                            function_name, name, index + 1);
      }
    }
    ++index;
  }
  if (matched < keywords) {
    index = 0;
    for (const char* name : names) {
      if (index < args.count && find_keyword(name)) {
        return raise_format(&type_error_type,
                            "argument for %s() given by name ('%s') and position (%zu)",
                            function_name, name, index + 1);
      }
      ++index;
    }
    for (size_t k = 0; k < keywords; ++k) {
      bool known = false;
      for (const char* name : names) known = known || keyword_name(args, k) == name;
      if (!known) {
        Ref name_repr = repr(tuple_item(args.kwnames, k));
        if (!name_repr) return false;
        return raise_format(&type_error_type, "%s is an invalid keyword argument for %s()",
                            str_cstr(name_repr), function_name);
      }
    }
  }
  return true;
}

const char* arg_type_name(Value v) {
  return is_none(v) ? "None" : value_type_name(v).data();
}

bool int_arg(Value v, int& out) {
  int64_t wide;
  if (v.is_small_int()) {
    wide = v.as_small_int();
  } else {
    Ref integer = index(v);
    if (!integer) return false;
    if (!int_fits_int64(integer, wide)) wide = INT64_MAX;
  }
  if (wide > INT32_MAX || wide < INT32_MIN) {
    return raise(&overflow_error_type, "Python int too large to convert to C int");
  }
  out = static_cast<int>(wide);
  return true;
}

// An __index__ value clamped to the int64 range (PyNumber_AsSsize_t with
// no exception type).
static bool clamped_index(Value v, int64_t& out) {
  if (v.is_small_int()) {
    out = v.as_small_int();
    return true;
  }
  Ref integer = index(v);
  if (!integer) return false;
  if (!int_fits_int64(integer, out)) {
    out = mpz_sgn(integer.as<IntObject>()->m_value) < 0 ? INT64_MIN : INT64_MAX;
  }
  return true;
}

bool slice_index_arg(Value v, std::optional<int64_t>& out) {
  out.reset();
  if (!v || is_none(v)) return true;
  if (!has_index(v)) {
    return raise(&type_error_type,
                 "slice indices must be integers or None or have an __index__ method");
  }
  int64_t value;
  if (!clamped_index(v, value)) return false;
  out = value;
  return true;
}

bool has_number_slots(const Type* type) {
  constexpr uint64_t kSequenceFlags =
      kTypeUnicodeSubclass | kTypeBytesSubclass | kTypeListSubclass | kTypeTupleSubclass;
  return (type->m_flags & kTypeHeapType) && !(type->m_flags & kSequenceFlags) &&
         !is_subtype(type, &bytearray_type);
}

int sequence_repeat_operands(Value a, Value b, bool (*is_seq)(Value), BinaryOp op, Value& seq,
                             int64_t& count, Ref& result) {
  Value count_object;
  bool forward = is_seq(a);
  if (forward) {
    seq = a;
    count_object = b;
  } else if (is_seq(b)) {
    seq = b;
    count_object = a;
  } else {
    result = Ref::borrow(not_implemented());
    return 0;
  }
  if (!has_index(count_object)) {
    // CPython tries the other operand's number slot before the sequence's
    // repeat: a class with __rmul__ gets its turn. In the reflected position
    // the interpreter has already tried it.
    BinaryFn other = count_object.type()->m_binary[int(op)];
    if (forward && other != nullptr && has_number_slots(count_object.type())) {
      result = other(a, b);
      if (!result) return -1;
      if (!result.get().is(not_implemented())) return 0;
    }
    raise_format(&type_error_type, "can't multiply sequence by non-int of type '%s'",
                 value_type_name(count_object).data());
    return -1;
  }
  // As CPython's sq_repeat, which takes a Py_ssize_t: a count past it is
  // an OverflowError, a negative one repeats zero times.
  if (!index_as_ssize(count_object, &overflow_error_type, count)) return -1;
  if (count < 0) count = 0;
  return 1;
}

// ============================================================ slots

namespace {

Ref str_repr_slot(Value self) { return make_str(str_repr(str_view(self))); }

Ref str_str_slot(Value self) {
  if (is_exact_str(self)) return ref(self);
  const StrObject* s = self.as<StrObject>();
  return make_str(str_view(self), s->m_length, s->m_ascii);
}

std::optional<int64_t> str_hash_slot(Value self) { return str_hash(self); }

Ref str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return Ref::borrow(not_implemented());
  if (op == CompareOp::Eq) return new_bool(str_equal(a, b));
  if (op == CompareOp::Ne) return new_bool(!str_equal(a, b));
  // UTF-8 (surrogates included) sorts bytewise in code-point order.
  int order = str_view(a).compare(str_view(b));
  bool result = false;
  switch (op) {
    case CompareOp::Lt: result = order < 0; break;
    case CompareOp::Le: result = order <= 0; break;
    case CompareOp::Gt: result = order > 0; break;
    case CompareOp::Ge: result = order >= 0; break;
    default: break;
  }
  return new_bool(result);
}

Ref concat_strs(Value a, Value b) {
  const StrObject* x = a.as<StrObject>();
  const StrObject* y = b.as<StrObject>();
  if (y->m_size == 0 && is_exact_str(a)) return ref(a);
  if (x->m_size == 0 && is_exact_str(b)) return ref(b);
  if (x->m_size + y->m_size > kMaxStrBytes) {
    return raise(&overflow_error_type, "strings are too large to concat");
  }
  StrObject* s = new_str_object(&str_type, x->m_size + y->m_size, x->m_length + y->m_length,
                                x->m_ascii && y->m_ascii);
  if (s == nullptr) return {};
  std::memcpy(s->m_data, x->m_data, x->m_size);
  std::memcpy(s->m_data + x->m_size, y->m_data, y->m_size);
  return Ref::steal(s);
}

// str + x. As CPython, where str has no number slot: the other operand's
// __radd__ is tried first, then the concatenation, whose error names the
// other type.
Ref str_add(Value a, Value b) {
  if (!is_str(a)) return Ref::borrow(not_implemented());
  if (is_str(b)) return concat_strs(a, b);
  BinaryFn other = b.type()->m_binary[int(BinaryOp::Add)];
  if (other != nullptr && has_number_slots(b.type())) {
    Ref result = other(a, b);
    if (!result || !result.get().is(not_implemented())) return result;
  }
  return raise_format(&type_error_type, "can only concatenate str (not \"%s\") to str",
                      value_type_name(b).data());
}

Ref repeat_str(Value seq, int64_t count) {
  const StrObject* s = seq.as<StrObject>();
  if (count <= 0 || s->m_size == 0) return Ref::borrow(empty_str());
  if (count == 1 && is_exact_str(seq)) return ref(seq);
  if (s->m_size > kMaxStrBytes / size_t(count)) {
    if (s->m_length > size_t(INT64_MAX) / size_t(count)) {
      return raise(&overflow_error_type, "repeated string is too long");
    }
    return raise_no_memory();
  }
  size_t total = s->m_size * size_t(count);
  StrObject* result = new_str_object(&str_type, total, s->m_length * size_t(count), s->m_ascii);
  if (result == nullptr) return {};
  if (s->m_size == 1) {
    std::memset(result->m_data, s->m_data[0], total);
  } else {
    // Doubling copies: log(count) memcpy calls.
    std::memcpy(result->m_data, s->m_data, s->m_size);
    size_t done = s->m_size;
    while (done < total) {
      size_t chunk = std::min(done, total - done);
      std::memcpy(result->m_data + done, result->m_data, chunk);
      done += chunk;
    }
  }
  return Ref::steal(result);
}

bool is_str_value(Value v) { return is_str(v); }

Ref str_multiply(Value a, Value b) {
  Value seq;
  int64_t count = 0;
  Ref result;
  int status = sequence_repeat_operands(a, b, is_str_value, BinaryOp::Multiply, seq, count, result);
  if (status <= 0) return result;
  return repeat_str(seq, count);
}

Ref str_remainder(Value a, Value b) {
  if (!is_str(a)) return Ref::borrow(not_implemented());
  return str_percent_format(a, b);
}

std::optional<int64_t> str_length_slot(Value self) { return int64_t(str_len(self)); }

int str_contains(Value self, Value item) {
  if (!is_str(item)) {
    raise_format(&type_error_type, "'in <string>' requires string as left operand, not %s",
                 value_type_name(item).data());
    return -1;
  }
  std::string_view needle = str_view(item);
  if (needle.empty()) return 1;
  return str_view(self).find(needle) != std::string_view::npos;
}

// self[index] of a non-ASCII str, index in range.
[[gnu::noinline]] Ref non_ascii_item(const StrObject* s, size_t index) {
  std::string_view text(s->m_data, s->m_size);
  size_t start = str_offset(s, index), end = start;
  char32_t c = decode_utf8(text, end);
  if (c < 256) return Ref::borrow(latin1_str(static_cast<unsigned char>(c)));
  return make_str(text.substr(start, end - start), 1, false);
}

Ref str_item(Value self, int64_t index) {
  const StrObject* s = self.as<StrObject>();
  int64_t length = int64_t(s->m_length);
  if (index < 0) index += length;
  if (index < 0 || index >= length) return raise(&index_error_type, "string index out of range");
  if (!s->m_ascii) return non_ascii_item(s, size_t(index));
  return Ref::borrow(latin1_str(static_cast<unsigned char>(s->m_data[index])));
}

// self[range] of a non-ASCII str, the range not empty.
[[gnu::noinline]] Ref non_ascii_slice(Value self, const SliceIndices& range) {
  const StrObject* s = self.as<StrObject>();
  std::string_view text = str_view(self);
  if (range.step == 1) {
    size_t first = str_offset(s, range.start);
    size_t last = str_offset(s, range.start + range.length);
    return substr(self, text.substr(first, last - first));
  }
  // From code point to code point: a walk of `step` code points, or for a
  // long step a lookup (near the cursor or a block boundary).
  bool jump = has_offset_slot(s->m_length, false) &&
              (range.step > int64_t(kOffsetBlock) || range.step < -int64_t(kOffsetBlock));
  std::string out;
  int64_t i = range.start;
  size_t pos = str_offset(s, size_t(i));
  for (int64_t n = 0; n < range.length; ++n) {
    size_t next = pos;
    decode_utf8(text, next);
    out.append(text.substr(pos, next - pos));
    if (n + 1 < range.length) {
      i += range.step;  // never steps past the end: no overflow
      pos = jump ? str_offset(s, size_t(i)) : advance_code_points(text, pos, range.step);
    }
  }
  // The code points taken may all be ASCII.
  return make_str(out, range.length, str_isascii(out));
}

Ref str_slice_object(Value self, Value slice) {
  const StrObject* s = self.as<StrObject>();
  SliceIndices range;
  if (!slice_indices(slice, int64_t(s->m_length), range.start, range.stop, range.step, range.length)) {
    return {};
  }
  if (range.length == 0) return Ref::borrow(empty_str());
  if (!s->m_ascii) return non_ascii_slice(self, range);
  std::string_view text = str_view(self);
  if (range.step == 1) return substr(self, text.substr(range.start, range.length));
  std::string out;
  out.reserve(range.length);
  int64_t i = range.start;
  for (int64_t n = 0; n < range.length; ++n) {
    out += text[i];
    if (n + 1 < range.length) i += range.step;  // never steps past the end: no overflow
  }
  return make_str(out, out.size(), true);
}

Ref str_getitem(Value self, Value key) {
  if (has_index(key)) {
    int64_t index;
    if (!index_as_ssize(key, &index_error_type, index)) return {};
    return str_item(self, index);
  }
  if (is_slice(key)) return str_slice_object(self, key);
  return raise_format(&type_error_type, "string indices must be integers, not '%s'",
                      value_type_name(key).data());
}

// ------------------------------------------------------------ iterators

struct StrIteratorObject : Object {
  Ref m_string;       // null once exhausted
  size_t m_position;  // byte offset of the next code point
  size_t m_index;     // code points already produced
};

Ref str_iter(Value self) {
  Type* type = str_is_ascii(self) ? &str_ascii_iterator_type : &str_iterator_type;
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  StrIteratorObject* iterator = static_cast<StrIteratorObject*>(object);
  new (&iterator->m_string) Ref(ref(self));
  iterator->m_position = 0;
  iterator->m_index = 0;
  return Ref::steal(iterator);
}

Ref str_iterator_self(Value self) { return ref(self); }

Ref str_iterator_next(Value self) {
  StrIteratorObject* iterator = self.as<StrIteratorObject>();
  if (!iterator->m_string) return {};
  std::string_view text = str_view(iterator->m_string);
  if (iterator->m_position >= text.size()) {
    iterator->m_string.reset();
    return {};
  }
  ++iterator->m_index;
  size_t start = iterator->m_position;
  char32_t c = decode_utf8(text, iterator->m_position);
  if (c < 256) return Ref::borrow(latin1_str(static_cast<unsigned char>(c)));
  return make_str(text.substr(start, iterator->m_position - start), 1, false);
}

Ref str_iterator_length_hint(Value self, Args) {
  StrIteratorObject* iterator = self.as<StrIteratorObject>();
  if (!iterator->m_string) return Ref::small_int(0);
  return Ref::small_int(int64_t(str_len(iterator->m_string) - iterator->m_index));
}

void str_iterator_destroy(Object* o) { static_cast<StrIteratorObject*>(o)->~StrIteratorObject(); }

void str_iterator_traverse(Object* o, VisitFn visit, void* context) {
  StrIteratorObject* iterator = static_cast<StrIteratorObject*>(o);
  if (iterator->m_string) visit(iterator->m_string, context);
}

void str_iterator_clear(Object* o) { static_cast<StrIteratorObject*>(o)->m_string.reset(); }

const MethodDef str_iterator_methods[] = {
    {"__length_hint__", str_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// ------------------------------------------------------------ constructor

Ref str_new(Type* type, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Args args{argv, nargs, kwnames};
  Value bound[3];
  if (!bind_keyword_args("str", {"object", "encoding", "errors"}, 0, args, bound)) return {};
  Ref result;
  if (!bound[1] && !bound[2]) {
    result = bound[0] ? str(bound[0]) : Ref::borrow(empty_str());
  } else {
    const char* names[] = {"encoding", "errors"};
    for (int i = 1; i <= 2; ++i) {
      if (bound[i] && !is_str(bound[i])) {
        return raise_format(&type_error_type, "str() argument '%s' must be str, not %s",
                            names[i - 1], arg_type_name(bound[i]));
      }
      if (bound[i] && !check_utf8_encodable(bound[i])) return {};
    }
    std::string_view encoding = bound[1] ? str_view(bound[1]) : "utf-8";
    std::string_view errors = bound[2] ? str_view(bound[2]) : "strict";
    if (!bound[0]) {
      result = Ref::borrow(empty_str());
    } else {
      std::string_view data;
      if (is_str(bound[0])) return raise(&type_error_type, "decoding str is not supported");
      if (!buffer_view(bound[0], data)) {
        return raise_format(&type_error_type, "decoding to str: need a bytes-like object, %s found",
                            value_type_name(bound[0]).data());
      }
      // Decoding a bytearray runs no Python code, so the view stays valid.
      result = decode_text(data, encoding, errors);
    }
  }
  if (!result) return {};
  if (type == &str_type) return result;
  return make_str_of_type(type, str_view(result));
}

// ============================================================ methods

// "must be str, not int", the message of CPython's ensure_unicode.
bool expect_str(Value v) {
  if (is_str(v)) return true;
  return raise_format(&type_error_type, "must be str, not %s", value_type_name(v).data());
}

Ref make_list_of_views(Value self, const std::vector<std::string_view>& parts) {
  Ref list = make_list(parts.size());
  if (!list) return {};
  for (std::string_view part : parts) {
    Ref item = substr(self, part);
    if (!item) return {};
    list_append(list, std::move(item));
  }
  return list;
}

Ref raise_str_error(const StrError& error) {
  return raise(error.kind == StrError::Kind::TypeError ? &type_error_type : &value_error_type,
               error.message);
}

// --- case

// A new str for `text`, computed from ASCII text by an operation that keeps
// ASCII text ASCII (case mapping, replacing with ASCII): no scan of the
// result for its length then.
Ref str_from_result(std::string_view text, bool known_ascii) {
  return known_ascii ? make_str(text, text.size(), true) : make_str(text);
}

Ref str_capitalize_method(Value self, Args) { return make_str(str_capitalize(str_view(self))); }
Ref str_casefold_method(Value self, Args) { return make_str(str_casefold(str_view(self))); }
Ref str_lower_method(Value self, Args) { return str_from_result(str_lower(str_view(self)), str_is_ascii(self)); }
Ref str_upper_method(Value self, Args) { return str_from_result(str_upper(str_view(self)), str_is_ascii(self)); }
Ref str_swapcase_method(Value self, Args) { return make_str(str_swapcase(str_view(self))); }
Ref str_title_method(Value self, Args) { return make_str(str_title(str_view(self))); }

// --- predicates

template <bool (*Predicate)(std::string_view)>
Ref str_predicate(Value self, Args) {
  return new_bool(Predicate(str_view(self)));
}
Ref str_isascii_method(Value self, Args) { return new_bool(str_is_ascii(self)); }

// --- padding

// The fill character argument of center/ljust/rjust.
bool fill_arg(Value v, std::string_view& fill) {
  if (!v) {
    fill = " ";
    return true;
  }
  if (!is_str(v)) {
    return raise_format(&type_error_type, "The fill character must be a unicode character, not %s",
                        value_type_name(v).data());
  }
  if (str_len(v) != 1) {
    return raise(&type_error_type, "The fill character must be exactly one character long");
  }
  fill = str_view(v);
  return true;
}

template <StrResult<std::string> (*Pad)(std::string_view, int64_t, std::string_view)>
Ref str_pad(Value self, Args args, const char* name) {
  if (!check_positional_args("str", name, args, 1, 2)) return {};
  int64_t width;
  if (!ssize_argument(args[0], width)) return {};
  std::string_view fill;
  if (!fill_arg(args.count > 1 ? args[1] : Value(), fill)) return {};
  if (width <= int64_t(str_len(self)) && is_exact_str(self)) return ref(self);
  if (width > int64_t(kMaxBuiltText) / 4) return raise_no_memory();
  auto result = Pad(str_view(self), width, fill);
  if (!result.ok()) return raise_str_error(result.error());
  return make_str(result.value());
}

Ref str_center_method(Value self, Args args) { return str_pad<str_center>(self, args, "center"); }
Ref str_ljust_method(Value self, Args args) { return str_pad<str_ljust>(self, args, "ljust"); }
Ref str_rjust_method(Value self, Args args) { return str_pad<str_rjust>(self, args, "rjust"); }

Ref str_zfill_method(Value self, Args args) {
  int64_t width;
  if (!ssize_argument(args[0], width)) return {};
  if (width <= int64_t(str_len(self)) && is_exact_str(self)) return ref(self);
  if (width > int64_t(kMaxBuiltText) / 4) return raise_no_memory();
  return make_str(str_zfill(str_view(self), width));
}

// The length of text.expandtabs(tabsize), to refuse a huge result before
// building it.
size_t expanded_size(std::string_view text, int64_t tabsize) {
  size_t size = 0, column = 0;
  for (char c : text) {
    if (c == '\t') {
      if (tabsize > 0) {
        size_t spaces = size_t(tabsize) - column % size_t(tabsize);
        size += spaces;
        column += spaces;
      }
    } else {
      ++size;
      if (!is_continuation(c)) ++column;
      if (c == '\n' || c == '\r') column = 0;
    }
    if (size > kMaxBuiltText) break;
  }
  return size;
}

Ref str_expandtabs_method(Value self, Args args) {
  Value bound[1];
  if (!bind_keyword_args("expandtabs", {"tabsize"}, 0, args, bound)) return {};
  int tabsize = 8;
  if (bound[0] && !int_arg(bound[0], tabsize)) return {};
  std::string_view text = str_view(self);
  if (text.find('\t') == std::string_view::npos && is_exact_str(self)) return ref(self);
  if (expanded_size(text, tabsize) > kMaxBuiltText) return raise_no_memory();
  return make_str(str_expandtabs(text, tabsize));
}

// --- searching

// The (sub[, start[, end]]) arguments of find, index, count…
bool find_args(const char* name, Args args, Value& sub, std::optional<int64_t>& start,
               std::optional<int64_t>& end) {
  // As stringlib's parse_args_finds: the bounds are converted first.
  if (!check_tuple_args("str", name, args, 1, 3)) return false;
  if (!slice_index_arg(args.count > 1 ? args[1] : Value(), start)) return false;
  if (!slice_index_arg(args.count > 2 ? args[2] : Value(), end)) return false;
  sub = args[0];
  return expect_str(sub);
}

Ref str_find_method(Value self, Args args) {
  Value sub;
  std::optional<int64_t> start, end;
  if (!find_args("find", args, sub, start, end)) return {};
  const TextShape shape = text_shape(self);
  return make_int(str_find(str_view(self), str_view(sub), start, end, &shape));
}

Ref str_rfind_method(Value self, Args args) {
  Value sub;
  std::optional<int64_t> start, end;
  if (!find_args("rfind", args, sub, start, end)) return {};
  const TextShape shape = text_shape(self);
  return make_int(str_rfind(str_view(self), str_view(sub), start, end, &shape));
}

Ref str_index_method(Value self, Args args) {
  Value sub;
  std::optional<int64_t> start, end;
  if (!find_args("index", args, sub, start, end)) return {};
  const TextShape shape = text_shape(self);
  int64_t found = str_find(str_view(self), str_view(sub), start, end, &shape);
  if (found < 0) return raise(&value_error_type, "substring not found");
  return make_int(found);
}

Ref str_rindex_method(Value self, Args args) {
  Value sub;
  std::optional<int64_t> start, end;
  if (!find_args("rindex", args, sub, start, end)) return {};
  const TextShape shape = text_shape(self);
  int64_t found = str_rfind(str_view(self), str_view(sub), start, end, &shape);
  if (found < 0) return raise(&value_error_type, "substring not found");
  return make_int(found);
}

Ref str_count_method(Value self, Args args) {
  Value sub;
  std::optional<int64_t> start, end;
  if (!find_args("count", args, sub, start, end)) return {};
  const TextShape shape = text_shape(self);
  return make_int(str_count(str_view(self), str_view(sub), start, end, &shape));
}

template <bool (*Match)(std::string_view, std::string_view, std::optional<int64_t>, std::optional<int64_t>,
                        const TextShape*)>
Ref str_affix_method(Value self, Args args, const char* name) {
  if (!check_tuple_args("str", name, args, 1, 3)) return {};
  std::optional<int64_t> start, end;
  if (!slice_index_arg(args.count > 1 ? args[1] : Value(), start)) return {};
  if (!slice_index_arg(args.count > 2 ? args[2] : Value(), end)) return {};
  Value affix = args[0];
  const TextShape shape = text_shape(self);
  if (is_tuple(affix)) {
    for (size_t i = 0; i < tuple_size(affix); ++i) {
      Value item = tuple_item(affix, i);
      if (!is_str(item)) {
        return raise_format(&type_error_type, "tuple for %s must only contain str, not %s", name,
                            value_type_name(item).data());
      }
      if (Match(str_view(self), str_view(item), start, end, &shape)) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!is_str(affix)) {
    return raise_format(&type_error_type, "%s first arg must be str or a tuple of str, not %s",
                        name, value_type_name(affix).data());
  }
  return new_bool(Match(str_view(self), str_view(affix), start, end, &shape));
}

Ref str_startswith_method(Value self, Args args) {
  return str_affix_method<str_startswith>(self, args, "startswith");
}
Ref str_endswith_method(Value self, Args args) {
  return str_affix_method<str_endswith>(self, args, "endswith");
}

// --- replacing

Ref str_replace_method(Value self, Args args) {
  if (!check_positional_args("str", "replace", args, 2, 3)) return {};
  for (size_t i = 0; i < 2; ++i) {
    if (!is_str(args[i])) {
      return raise_format(&type_error_type, "replace() argument %zu must be str, not %s", i + 1,
                          arg_type_name(args[i]));
    }
  }
  int64_t count = -1;
  if (args.count > 2 && !ssize_argument(args[2], count)) return {};
  std::string_view text = str_view(self), old = str_view(args[0]), replacement = str_view(args[1]);
  if (count == 0 || (!old.empty() && text.find(old) == std::string_view::npos)) {
    return str_result(self, text);
  }
  // Guard the result size before building it, as CPython's
  // "replace string is too long".
  size_t matches = old.empty() ? str_len(self) + 1 : str_count(text, old);
  if (count >= 0 && size_t(count) < matches) matches = size_t(count);
  if (replacement.size() > old.size() &&
      matches > (kMaxStrBytes - text.size()) / (replacement.size() - old.size())) {
    return raise(&overflow_error_type, "replace string is too long");
  }
  if (replacement.size() > old.size() &&
      matches > (kMaxBuiltText - text.size()) / (replacement.size() - old.size())) {
    return raise_no_memory();
  }
  return str_from_result(str_replace(text, old, replacement, count), str_is_ascii(self) && str_is_ascii(args[1]));
}

Ref str_removeprefix_method(Value self, Args args) {
  Value prefix = args[0];
  if (!is_str(prefix)) {
    return raise_format(&type_error_type, "removeprefix() argument must be str, not %s",
                        arg_type_name(prefix));
  }
  std::string_view text = str_view(self);
  if (text.starts_with(str_view(prefix))) text.remove_prefix(str_view(prefix).size());
  return str_result(self, text);
}

Ref str_removesuffix_method(Value self, Args args) {
  Value suffix = args[0];
  if (!is_str(suffix)) {
    return raise_format(&type_error_type, "removesuffix() argument must be str, not %s",
                        arg_type_name(suffix));
  }
  std::string_view text = str_view(self);
  if (!str_view(suffix).empty() && text.ends_with(str_view(suffix))) {
    text.remove_suffix(str_view(suffix).size());
  }
  return str_result(self, text);
}

// --- stripping

Ref str_strip_common(Value self, Args args, const char* name, int which) {
  if (!check_positional_args("str", name, args, 0, 1)) return {};
  Value chars = args.count > 0 ? args[0] : Value();
  std::string_view text = str_view(self), result;
  if (!chars || is_none(chars)) {
    result = which == 0 ? str_strip(text) : which == 1 ? str_lstrip(text) : str_rstrip(text);
  } else if (is_str(chars)) {
    std::string_view set = str_view(chars);
    result = which == 0 ? str_strip(text, set) : which == 1 ? str_lstrip(text, set) : str_rstrip(text, set);
  } else {
    return raise_format(&type_error_type, "%s arg must be None or str", name);
  }
  return substr(self, result);
}

Ref str_strip_method(Value self, Args args) { return str_strip_common(self, args, "strip", 0); }
Ref str_lstrip_method(Value self, Args args) { return str_strip_common(self, args, "lstrip", 1); }
Ref str_rstrip_method(Value self, Args args) { return str_strip_common(self, args, "rstrip", 2); }

// --- splitting and joining

Ref str_split_common(Value self, Args args, const char* name, bool right) {
  Value bound[2];
  if (!bind_keyword_args(name, {"sep", "maxsplit"}, 0, args, bound)) return {};
  int64_t maxsplit = -1;
  if (bound[1] && !ssize_argument(bound[1], maxsplit)) return {};
  std::string_view text = str_view(self);
  Value sep = bound[0];
  if (!sep || is_none(sep)) {
    return make_list_of_views(self, right ? str_rsplit_whitespace(text, maxsplit)
                                          : str_split_whitespace(text, maxsplit));
  }
  if (!is_str(sep)) {
    return raise_format(&type_error_type, "must be str or None, not %s", value_type_name(sep).data());
  }
  auto parts = right ? str_rsplit(text, str_view(sep), maxsplit) : str_split(text, str_view(sep), maxsplit);
  if (!parts.ok()) return raise_str_error(parts.error());
  return make_list_of_views(self, parts.value());
}

Ref str_split_method(Value self, Args args) { return str_split_common(self, args, "split", false); }
Ref str_rsplit_method(Value self, Args args) { return str_split_common(self, args, "rsplit", true); }

Ref str_splitlines_method(Value self, Args args) {
  Value bound[1];
  if (!bind_keyword_args("splitlines", {"keepends"}, 0, args, bound)) return {};
  int keepends = 0;
  if (bound[0] && !int_arg(bound[0], keepends)) return {};
  return make_list_of_views(self, str_splitlines(str_view(self), keepends != 0));
}

Ref str_partition_common(Value self, Value sep, bool right) {
  if (!expect_str(sep)) return {};
  auto result = right ? str_rpartition(str_view(self), str_view(sep))
                      : str_partition(str_view(self), str_view(sep));
  if (!result.ok()) return raise_str_error(result.error());
  const StrPartition& parts = result.value();
  Ref before = substr(self, parts.before);
  if (!before) return {};
  Ref middle = parts.separator.empty() ? Ref::borrow(empty_str())
               : is_exact_str(sep)     ? ref(sep)
                                       : make_str(parts.separator);
  Ref after = substr(self, parts.after);
  if (!after || !middle) return {};
  return make_tuple({before.get(), middle.get(), after.get()});
}

Ref str_partition_method(Value self, Args args) { return str_partition_common(self, args[0], false); }
Ref str_rpartition_method(Value self, Args args) { return str_partition_common(self, args[0], true); }

}  // namespace

// Joins strs: the body of str.join, exposed for the compiler's f-string
// building and other callers (sequence item messages as CPython's).
static Ref join_items(Value separator, const Value* items, size_t count) {
  if (count == 0) return Ref::borrow(empty_str());
  if (count == 1 && is_exact_str(items[0])) return ref(items[0]);
  const StrObject* sep = separator.as<StrObject>();
  size_t total = sep->m_size * (count - 1);
  size_t length = sep->m_length * (count - 1);
  bool ascii = sep->m_ascii;
  for (size_t i = 0; i < count; ++i) {
    if (!is_str(items[i])) {
      return raise_format(&type_error_type, "sequence item %zu: expected str instance, %s found", i,
                          value_type_name(items[i]).data());
    }
    const StrObject* item = items[i].as<StrObject>();
    total += item->m_size;
    length += item->m_length;
    ascii = ascii && item->m_ascii;
    if (total > kMaxStrBytes) return raise(&overflow_error_type, "join() result is too long for a Python string");
  }
  StrObject* result = new_str_object(&str_type, total, length, ascii);
  if (result == nullptr) return {};
  char* out = result->m_data;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0 && sep->m_size > 0) {
      std::memcpy(out, sep->m_data, sep->m_size);
      out += sep->m_size;
    }
    const StrObject* item = items[i].as<StrObject>();
    std::memcpy(out, item->m_data, item->m_size);
    out += item->m_size;
  }
  return Ref::steal(result);
}

namespace {

Ref str_join_method(Value self, Args args) {
  Value iterable = args[0];
  Ref sequence;
  if (is_list(iterable) || is_tuple(iterable)) {
    sequence = ref(iterable);
  } else {
    Ref iterator = iter(iterable);
    if (!iterator) {
      if (exception_matches(&type_error_type)) {
        clear_exception();
        return raise(&type_error_type, "can only join an iterable");
      }
      return {};
    }
    sequence = list_from_iterable(iterator);
    if (!sequence) return {};
  }
  if (is_list(sequence)) {
    // Hold the items: nothing below runs Python code, but keep the
    // references owned for clarity of lifetime.
    std::vector<Value> items;
    for (const Ref& item : as_list(sequence)->m_items) items.push_back(item.get());
    return join_items(self, items.data(), items.size());
  }
  return join_items(self, sequence.as<TupleObject>()->m_items, tuple_size(sequence));
}

// --- translation

Ref str_maketrans_method(Value, Args args) {
  if (!check_positional_args("str", "maketrans", args, 1, 3)) return {};
  Ref table = make_dict();
  if (!table) return {};
  if (args.count == 1) {
    Value mapping = args[0];
    if (!is_dict(mapping)) {
      return raise(&type_error_type, "if you give only one argument to maketrans it must be a dict");
    }
    // Snapshot the entries: hashing a key of an int subclass may run
    // Python code that changes the dict.
    std::vector<std::pair<Ref, Ref>> entries;
    for (const DictEntry& entry : as_dict(mapping)->m_entries) {
      if (entry.key) entries.emplace_back(ref(entry.key), ref(entry.value));
    }
    for (const auto& [key, value] : entries) {
      Ref new_key;
      if (is_str(key)) {
        if (str_len(key) != 1) {
          return raise(&value_error_type, "string keys in translate table must be of length 1");
        }
        size_t pos = 0;
        new_key = make_int(int64_t(decode_utf8(str_view(key), pos)));
      } else if (is_int(key)) {
        new_key = key;
      } else {
        return raise(&type_error_type, "keys in translate table must be strings or integers");
      }
      if (!new_key || !dict_setitem(table, new_key, value)) return {};
    }
    return table;
  }
  for (size_t i = 0; i < args.count; ++i) {
    if (!is_str(args[i])) {
      return raise_format(&type_error_type, "maketrans() argument %zu must be str, not %s", i + 1,
                          arg_type_name(args[i]));
    }
  }
  std::string_view from = str_view(args[0]), to = str_view(args[1]);
  if (str_len(args[0]) != str_len(args[1])) {
    return raise(&value_error_type, "the first two maketrans arguments must have equal length");
  }
  for (size_t i = 0, j = 0; i < from.size();) {
    Ref key = make_int(int64_t(decode_utf8(from, i)));
    Ref value = make_int(int64_t(decode_utf8(to, j)));
    if (!key || !value || !dict_setitem(table, key, value)) return {};
  }
  if (args.count == 3) {
    std::string_view remove = str_view(args[2]);
    for (size_t i = 0; i < remove.size();) {
      Ref key = make_int(int64_t(decode_utf8(remove, i)));
      if (!key || !dict_setitem(table, key, none())) return {};
    }
  }
  return table;
}

Ref str_translate_method(Value self, Args args) {
  Value table = args[0];
  std::string_view text = str_view(self);
  std::string out;
  out.reserve(text.size());
  // Each distinct code point is looked up once.
  std::unordered_map<char32_t, std::optional<std::string>> cache;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    char32_t c = decode_utf8(text, pos);
    auto cached = cache.find(c);
    if (cached == cache.end()) {
      std::optional<std::string> replacement;
      Ref key = make_int(int64_t(c));
      if (!key) return {};
      Ref value = getitem(table, key);
      if (!value) {
        if (!exception_matches(&lookup_error_type)) return {};
        clear_exception();
        replacement = std::string(text.substr(start, pos - start));
      } else if (is_none(value)) {
        replacement = std::string();
      } else if (is_int(value)) {
        int64_t code = -1;
        if (!int_fits_int64(value, code) || code < 0 || code > 0x10FFFF) {
          return raise(&value_error_type, "character mapping must be in range(0x110000)");
        }
        std::string encoded;
        append_utf8(encoded, char32_t(code));
        replacement = std::move(encoded);
      } else if (is_str(value)) {
        replacement = std::string(str_view(value));
      } else {
        return raise(&type_error_type, "character mapping must return integer, None or str");
      }
      cached = cache.emplace(c, std::move(replacement)).first;
    }
    out += *cached->second;
  }
  return make_str(out);
}

// --- encoding and formatting

Ref str_encode_method(Value self, Args args) {
  Value bound[2];
  if (!bind_keyword_args("encode", {"encoding", "errors"}, 0, args, bound)) return {};
  const char* names[] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i) {
    if (bound[i] && !is_str(bound[i])) {
      return raise_format(&type_error_type, "encode() argument '%s' must be str, not %s", names[i],
                          arg_type_name(bound[i]));
    }
    if (bound[i] && !check_utf8_encodable(bound[i])) return {};
  }
  return encode_text(self, bound[0] ? str_view(bound[0]) : "utf-8",
                     bound[1] ? str_view(bound[1]) : "strict");
}

Ref str_format_method_entry(Value self, Args args) {
  return str_format_method(self, args.items, args.count, args.kwnames);
}

Ref str_format_map_method(Value self, Args args) { return str_format_map(self, args[0]); }

Ref str_dunder_format(Value self, Args args) {
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "__format__() argument must be str, not %s",
                        arg_type_name(args[0]));
  }
  return str_format_spec(self, args[0]);
}

Ref str_getnewargs(Value self, Args) {
  Ref copy = make_str_of_type(&str_type, str_view(self));
  if (!copy) return {};
  return make_tuple({copy.get()});
}

Ref str_sizeof(Value self, Args) {
  // CPython 3.11's sizes: a compact ASCII object is 48 bytes plus the
  // text and its NUL; other strs 72 bytes plus (length + 1) × the width of
  // their widest character.
  const StrObject* s = self.as<StrObject>();
  if (s->m_ascii) return make_int(int64_t(48 + s->m_length + 1));
  char32_t largest = 0;
  std::string_view text = str_view(self);
  for (size_t pos = 0; pos < text.size();) largest = std::max(largest, decode_utf8(text, pos));
  int width = largest < 0x100 ? 1 : largest < 0x10000 ? 2 : 4;
  return make_int(int64_t(72 + (s->m_length + 1) * width));
}

const MethodDef str_methods[] = {
    {"encode", str_encode_method, ArgKind::Keywords,
     "Encode the string using the codec registered for encoding."},
    {"replace", str_replace_method, ArgKind::Keywords,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split_method, ArgKind::Keywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit_method, ArgKind::Keywords,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join_method, ArgKind::OneArg, "Concatenate any number of strings."},
    {"capitalize", str_capitalize_method, ArgKind::NoArgs,
     "Return a capitalized version of the string."},
    {"casefold", str_casefold_method, ArgKind::NoArgs,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title_method, ArgKind::NoArgs,
     "Return a version of the string where each word is titlecased."},
    {"center", str_center_method, ArgKind::Keywords,
     "Return a centered string of length width."},
    {"count", str_count_method, ArgKind::Keywords,
     "S.count(sub[, start[, end]]) -> int"},
    {"expandtabs", str_expandtabs_method, ArgKind::Keywords,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find_method, ArgKind::Keywords, "S.find(sub[, start[, end]]) -> int"},
    {"partition", str_partition_method, ArgKind::OneArg,
     "Partition the string into three parts using the given separator."},
    {"index", str_index_method, ArgKind::Keywords, "S.index(sub[, start[, end]]) -> int"},
    {"ljust", str_ljust_method, ArgKind::Keywords,
     "Return a left-justified string of length width."},
    {"lower", str_lower_method, ArgKind::NoArgs, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip_method, ArgKind::Keywords,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind_method, ArgKind::Keywords, "S.rfind(sub[, start[, end]]) -> int"},
    {"rindex", str_rindex_method, ArgKind::Keywords, "S.rindex(sub[, start[, end]]) -> int"},
    {"rjust", str_rjust_method, ArgKind::Keywords,
     "Return a right-justified string of length width."},
    {"rstrip", str_rstrip_method, ArgKind::Keywords,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition_method, ArgKind::OneArg,
     "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines_method, ArgKind::Keywords,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip_method, ArgKind::Keywords,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase_method, ArgKind::NoArgs,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate_method, ArgKind::OneArg,
     "Replace each character in the string using the given translation table."},
    {"upper", str_upper_method, ArgKind::NoArgs, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith_method, ArgKind::Keywords,
     "S.startswith(prefix[, start[, end]]) -> bool"},
    {"endswith", str_endswith_method, ArgKind::Keywords,
     "S.endswith(suffix[, start[, end]]) -> bool"},
    {"removeprefix", str_removeprefix_method, ArgKind::OneArg,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix_method, ArgKind::OneArg,
     "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii_method, ArgKind::NoArgs, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_predicate<str_islower>, ArgKind::NoArgs,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_predicate<str_isupper>, ArgKind::NoArgs,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_predicate<str_istitle>, ArgKind::NoArgs,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_predicate<str_isspace>, ArgKind::NoArgs,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_predicate<str_isdecimal>, ArgKind::NoArgs,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_predicate<str_isdigit>, ArgKind::NoArgs,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_predicate<str_isnumeric>, ArgKind::NoArgs,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_predicate<str_isalpha>, ArgKind::NoArgs,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_predicate<str_isalnum>, ArgKind::NoArgs,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_predicate<str_isidentifier>, ArgKind::NoArgs,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_predicate<str_isprintable>, ArgKind::NoArgs,
     "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill_method, ArgKind::OneArg,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_method_entry, ArgKind::Keywords,
     "S.format(*args, **kwargs) -> str"},
    {"format_map", str_format_map_method, ArgKind::OneArg, "S.format_map(mapping) -> str"},
    {"__format__", str_dunder_format, ArgKind::OneArg,
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans_method, ArgKind::Keywords,
     "Return a translation table usable for str.translate().", kMethodStatic},
    {"__sizeof__", str_sizeof, ArgKind::NoArgs, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

void str_destroy(Object* o) {
  // A str's body is plain bytes, and a long non-ASCII str's OffsetIndex.
  const StrObject* s = static_cast<StrObject*>(o);
  if (has_offset_slot(s->m_length, s->m_ascii)) free_offset_index(*offset_slot(s));
}

// What allocate_object gave an exact str, so that short strs come from the
// small-object free lists (runtime/type.cpp). Subclasses do not inherit it.
size_t str_instance_size(const Object* o) {
  const StrObject* s = static_cast<const StrObject*>(o);
  return sizeof(StrObject) + str_body_bytes(s->m_size, s->m_length, s->m_ascii);
}

}  // namespace

Ref str_join(Value separator, const Value* items, size_t count) {
  return join_items(separator, items, count);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

Type str_type = {
    .m_tp_name = "str",
    .m_doc = "str(object='') -> str\n"
             "str(bytes_or_buffer[, encoding[, errors]]) -> str\n"
             "\n"
             "Create a new string object from the given object. If encoding or\n"
             "errors is specified, then the object must expose a data buffer\n"
             "that will be decoded using the given encoding and error handler.\n"
             "Otherwise, returns the result of object.__str__() (if defined)\n"
             "or repr(object).\n"
             "encoding defaults to sys.getdefaultencoding().\n"
             "errors defaults to 'strict'.",
    .m_flags = kTypeBaseType | kTypeUnicodeSubclass | kTypeImmutable,
    .m_size = sizeof(StrObject),
    .m_item_size = 1,
    .m_methods = str_methods,
    .m_destroy = str_destroy,
    .m_instance_size = str_instance_size,
    .m_repr = str_repr_slot,
    .m_str = str_str_slot,
    .m_hash = str_hash_slot,
    .m_richcompare = str_richcompare,
    .m_iter = str_iter,
    .m_new = str_new,
    .m_binary = {str_add, nullptr, nullptr, nullptr, nullptr, str_multiply, str_remainder},
    .m_length = str_length_slot,
    .m_getitem = str_getitem,
    .m_contains = str_contains,
};

Type str_iterator_type = {
    .m_tp_name = "str_iterator",
    .m_flags = kTypeHasGC | kTypeImmutable,
    .m_size = sizeof(StrIteratorObject),
    .m_methods = str_iterator_methods,
    .m_destroy = str_iterator_destroy,
    .m_traverse = str_iterator_traverse,
    .m_clear = str_iterator_clear,
    .m_iter = str_iterator_self,
    .m_iternext = str_iterator_next,
};

Type str_ascii_iterator_type = {
    .m_tp_name = "str_ascii_iterator",
    .m_flags = kTypeHasGC | kTypeImmutable,
    .m_size = sizeof(StrIteratorObject),
    .m_methods = str_iterator_methods,
    .m_destroy = str_iterator_destroy,
    .m_traverse = str_iterator_traverse,
    .m_clear = str_iterator_clear,
    .m_iter = str_iterator_self,
    .m_iternext = str_iterator_next,
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(str_type);
COIL_REGISTER_TYPE(str_iterator_type);
COIL_REGISTER_TYPE(str_ascii_iterator_type);

}  // namespace coil
