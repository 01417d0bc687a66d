// str (runtime/str.cpp): immutable text stored as UTF-8 (DESIGN §3
// "Strings"), with its length in code points, an ASCII flag (ASCII text
// indexes by byte, in O(1); a long non-ASCII str through an index of its
// code-point offsets, runtime/unicode.h's OffsetIndex, in O(1) amortised)
// and its hash cached. Identifiers and attribute
// names are interned: one object per distinct text, so that name lookups
// compare pointers first.
//
// A Python str may hold lone surrogates ('\ud800'); coil stores each as its
// 3-byte generalized UTF-8 encoding (ED A0 80), so they round-trip and sort
// in code-point order like every other code point. Only the codecs
// (runtime/codecs.h) refuse them where CPython does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct StrObject : Object {
  int64_t m_hash;     // -1 until computed
  size_t m_length;    // code points
  size_t m_size;      // bytes, excluding the terminating NUL
  bool m_ascii;
  bool m_interned;
  char m_data[];      // m_size bytes of UTF-8, then a NUL (then, for a long
                      // non-ASCII str, its OffsetIndex pointer: str.cpp)
};

extern Type str_type;
extern Type str_iterator_type, str_ascii_iterator_type;

// A new str from UTF-8 text (which must be valid UTF-8).
Ref make_str(std::string_view utf8);
// The same when the caller already knows the length in code points and
// whether the text is ASCII.
Ref make_str(std::string_view utf8, size_t length, bool ascii);
// An instance of `type` (str or a subclass) holding `utf8`.
Ref make_str_of_type(Type* type, std::string_view utf8);
// chr(code_point); strs of one Latin-1 character are shared.
Ref str_from_code_point(char32_t code_point);
// The shared empty str.
Value empty_str();
// The interned str for `utf8`.
Ref intern(std::string_view utf8);
// sys.intern(s): the interned str equal to `str` (an exact str), which
// becomes the interned one if there was none.
Ref intern_str(Value str);
// An interned str that lives for the whole run, for names used from C++:
// `static Value name = intern_static("__init__");`.
Value intern_static(std::string_view utf8);

inline bool is_str(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeUnicodeSubclass) != 0;
}
inline bool is_exact_str(Value v) { return v.is_object() && v.as_object()->m_type == &str_type; }
inline std::string_view str_view(Value v) {
  const StrObject* s = v.as<StrObject>();
  return std::string_view(s->m_data, s->m_size);
}
inline const char* str_cstr(Value v) { return v.as<StrObject>()->m_data; }
// len(s) in code points.
inline size_t str_len(Value v) { return v.as<StrObject>()->m_length; }
inline bool str_is_ascii(Value v) { return v.as<StrObject>()->m_ascii; }

// sep.join(items) for a sequence of values that must all be strs
// ("sequence item 1: expected str instance, int found").
Ref str_join(Value separator, const Value* items, size_t count);

int64_t str_hash(Value v);
// Equality of two strs (fast path for identical or interned strs).
bool str_equal(Value a, Value b);
bool str_equal(Value a, std::string_view b);

// "%" formatting and str.format (runtime/str_format.cpp).
Ref str_percent_format(Value format, Value args);
Ref str_format_method(Value format, const Value* args, size_t nargs, struct TupleObject* kwnames);
// str.format_map(mapping).
Ref str_format_map(Value format, Value mapping);
// format(str, spec) for str and its subclasses: str.__format__.
Ref str_format_spec(Value str, Value spec);

// The largest str or bytes result built in a std::string (padding,
// expandtabs, replace…). A request beyond it raises MemoryError, as CPython
// runs out of memory, rather than letting std::bad_alloc end the process.
inline constexpr size_t kMaxBuiltText = size_t(1) << 32;

// ---------------------------------------------------------------------------
// Argument handling shared by the methods of str, bytes and bytearray, each
// with the message CPython's argument parser of that method gives.

// PyArg_ParseTuple-style methods (str.find): "find() takes at least 1
// argument (0 given)"; keywords refused as "str.find() takes no keyword
// arguments". `type_name` is "str", "bytes" or "bytearray".
bool check_tuple_args(const char* type_name, const char* function_name, Args args, size_t min,
                      size_t max);
// Argument Clinic's positional-only methods (str.center): "center expected
// at least 1 argument, got 0".
bool check_positional_args(const char* type_name, const char* function_name, Args args,
                           size_t min, size_t max);
// Argument Clinic's keyword methods (str.split): binds positional and
// keyword arguments to `names` (all positional-or-keyword, the first
// `required` required); unbound ones are left null. Messages as
// _PyArg_UnpackKeywords: "split() takes at most 2 arguments (3 given)",
// "'x' is an invalid keyword argument for split()", "argument for split()
// given by name ('sep') and position (1)".
bool bind_keyword_args(const char* function_name, std::initializer_list<const char*> names,
                       size_t required, Args args, Value* bound);

// The type name Argument Clinic's messages give an argument: "None" for
// None ("encode() argument 'errors' must be str, not None"), else the
// type's name.
const char* arg_type_name(Value v);

// Argument Clinic's int converter: an int or __index__, else TypeError;
// OverflowError "Python int too large to convert to C int". (The ssize_t
// converter is runtime/slice.h's ssize_argument.)
bool int_arg(Value v, int& out);
// A start/end argument (CPython's _PyEval_SliceIndex): None is absent,
// ints and __index__ objects are clamped to the int64 range, anything else
// is "slice indices must be integers or None or have an __index__ method".
bool slice_index_arg(Value v, std::optional<int64_t>& out);

// True for classes made in Python that are not str, bytes, bytearray, list
// or tuple subclasses: their binary slots are CPython's number slots (the
// dunder methods), which CPython tries before a built-in sequence's
// concatenation or repetition. A built-in sequence's slot instead reads
// a reflected call as repetition, so it must not be called that way.
bool has_number_slots(const Type* type);

// The `seq * n` / `n * seq` protocol of a built-in sequence, as CPython's
// binary_op1 then sq_repeat: finds which operand is the sequence (`is_seq`)
// and the count. Returns 1 with `count` set, 0 when the slot should return
// `result` (NotImplemented, or the other operand's reflected method's
// result), -1 on error ("can't multiply sequence by non-int of type 'X'").
int sequence_repeat_operands(Value a, Value b, bool (*is_seq)(Value), BinaryOp op, Value& seq,
                             int64_t& count, Ref& result);

}  // namespace coil
