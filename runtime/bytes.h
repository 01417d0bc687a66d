// bytes and bytearray (runtime/bytes.cpp, runtime/bytearray.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct BytesObject : Object {
  int64_t m_hash;  // -1 until computed
  size_t m_size;
  char m_data[];   // m_size bytes, then a NUL
};
struct ByteArrayObject : Object {
  std::string m_data;
};

extern Type bytes_type, bytearray_type;
extern Type bytes_iterator_type, bytearray_iterator_type;

Ref make_bytes(std::string_view data);
// An instance of `type` (bytes or a subclass) holding `data`.
Ref make_bytes_of_type(Type* type, std::string_view data);
Ref make_bytearray(std::string_view data);

inline bool is_bytes(Value v) {
  return v.is_object() && (v.type()->m_flags & kTypeBytesSubclass) != 0;
}
inline std::string_view bytes_view(Value v) {
  const BytesObject* b = v.as<BytesObject>();
  return std::string_view(b->m_data, b->m_size);
}
inline bool is_bytearray(Value v) { return v.is_object() && isinstance(v, &bytearray_type); }
inline std::string_view bytearray_view(Value v) { return v.as<ByteArrayObject>()->m_data; }

// The buffer protocol, reduced to what coil needs: the bytes of a
// bytes-like object (bytes, bytearray, and any type that registers a
// getter, such as memoryview). Returns false, with no exception, for other
// objects. A bytearray's view is valid only until it is next resized.
bool buffer_view(Value v, std::string_view& out);
using BufferGetter = bool (*)(Value v, std::string_view& out);
// Makes instances of `type` (and its subclasses) bytes-like.
void register_buffer_type(Type* type, BufferGetter getter);

// An int (or __index__ object) in range(256); ValueError `range_message`
// otherwise ("byte must be in range(0, 256)").
bool byte_value(Value v, const char* range_message, unsigned char& out);
// Appends the bytes of a list, tuple or iterable of ints (the
// constructors' path); "cannot convert 'X' object to <type_name>" when
// `source` is not iterable.
bool bytes_from_iterable(Value source, const char* type_name, const char* range_message,
                         std::string& out);

// `bytes % args` and `bytearray % args` (runtime/str_format.cpp): the
// formatted bytes.
bool bytes_percent_format(std::string_view format, Value args, std::string& out);

// The methods bytes and bytearray share (runtime/bytes.cpp). Each works on
// a receiver of either type and returns its kind: bytes for bytes (and its
// subclasses), bytearray for bytearray.
Ref bytes_capitalize(Value self, Args args);
Ref bytes_center(Value self, Args args);
Ref bytes_count(Value self, Args args);
Ref bytes_decode(Value self, Args args);
Ref bytes_endswith(Value self, Args args);
Ref bytes_expandtabs(Value self, Args args);
Ref bytes_find(Value self, Args args);
Ref bytes_fromhex(Value type, Args args);  // a classmethod
Ref bytes_hex(Value self, Args args);
Ref bytes_index(Value self, Args args);
Ref bytes_isalnum(Value self, Args args);
Ref bytes_isalpha(Value self, Args args);
Ref bytes_isascii(Value self, Args args);
Ref bytes_isdigit(Value self, Args args);
Ref bytes_islower(Value self, Args args);
Ref bytes_isspace(Value self, Args args);
Ref bytes_istitle(Value self, Args args);
Ref bytes_isupper(Value self, Args args);
Ref bytes_join(Value self, Args args);
Ref bytes_ljust(Value self, Args args);
Ref bytes_lower(Value self, Args args);
Ref bytes_lstrip(Value self, Args args);
Ref bytes_maketrans(Value self, Args args);  // a staticmethod
Ref bytes_partition(Value self, Args args);
Ref bytes_removeprefix(Value self, Args args);
Ref bytes_removesuffix(Value self, Args args);
Ref bytes_replace(Value self, Args args);
Ref bytes_rfind(Value self, Args args);
Ref bytes_rindex(Value self, Args args);
Ref bytes_rjust(Value self, Args args);
Ref bytes_rpartition(Value self, Args args);
Ref bytes_rsplit(Value self, Args args);
Ref bytes_rstrip(Value self, Args args);
Ref bytes_split(Value self, Args args);
Ref bytes_splitlines(Value self, Args args);
Ref bytes_startswith(Value self, Args args);
Ref bytes_strip(Value self, Args args);
Ref bytes_swapcase(Value self, Args args);
Ref bytes_title(Value self, Args args);
Ref bytes_translate(Value self, Args args);
Ref bytes_upper(Value self, Args args);
Ref bytes_zfill(Value self, Args args);

}  // namespace coil
