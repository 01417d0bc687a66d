// The `_struct` module (re-exported by lib/struct.py): packing values into
// bytes by a format string, as CPython 3.11's, with its messages.
//
// A format is parsed once into a list of items (code, repeat count, offset,
// size). The first character chooses the byte order and the mode: '@' (the
// default) native sizes with alignment; '=', '<', '>', '!' standard sizes,
// no alignment. Native here is Linux x86-64 / LP64: long and size_t are 8
// bytes, as CPython there reports them.
#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// struct.error, made when the module is first imported.
Value g_struct_error;

Raised struct_error(const char* format, ...) __attribute__((format(printf, 1, 2)));
Raised struct_error(const char* format, ...) {
  char message[512];
  va_list arguments;
  va_start(arguments, format);
  vsnprintf(message, sizeof message, format, arguments);
  va_end(arguments);
  return raise(g_struct_error.as<Type>(), message);
}

struct FormatItem {
  char code;
  size_t count;   // repeat count ('s' and 'p': the length)
  size_t offset;
  size_t size;    // of one value
};

struct Format {
  bool little_endian = true;
  bool native = true;
  size_t size = 0;
  size_t values = 0;  // how many Python values pack takes / unpack gives
  std::vector<FormatItem> items;
};

// The standard size of a code, or 0 if it has none (n, N, P: native only).
size_t standard_size(char code) {
  switch (code) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

size_t native_size(char code) {
  switch (code) {
    case 'l': case 'L': case 'n': case 'N': case 'P': return 8;
    default: return standard_size(code);
  }
}

// Parses `text` into `format`; false with struct.error pending.
bool parse_format(std::string_view text, Format& format) {
  size_t i = 0;
  if (!text.empty()) {
    switch (text[0]) {
      case '@': format.native = true; i = 1; break;
      case '=': format.native = false; i = 1; break;
      case '<': format.native = false; i = 1; break;
      case '>': case '!': format.native = false; format.little_endian = false; i = 1; break;
      default: break;
    }
  }
  constexpr size_t kLimit = size_t(1) << 62;  // "total struct size too long" beyond
  size_t offset = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    size_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (count > (kLimit - 9) / 10) return struct_error("total struct size too long");
        count = count * 10 + size_t(text[i] - '0');
        ++i;
      }
      if (i >= text.size()) return struct_error("repeat count given without format specifier");
      c = text[i];
    }
    size_t size = format.native ? native_size(c) : standard_size(c);
    if (size == 0) return struct_error("bad char in struct format");
    if (format.native && c != 's' && c != 'p' && c != 'x' && c != 'c' && size > 1) {
      offset = (offset + size - 1) / size * size;  // alignment
    }
    size_t total = (c == 's' || c == 'p') ? count : count * size;
    if (count != 0 && total / count != ((c == 's' || c == 'p') ? 1 : size)) {
      return struct_error("total struct size too long");
    }
    if (offset > kLimit || total > kLimit - offset) return struct_error("total struct size too long");
    format.items.push_back({c, count, offset, size});
    offset += total;
    if (c == 's' || c == 'p') {
      ++format.values;
    } else if (c != 'x') {
      format.values += count;
    }
    ++i;
  }
  format.size = offset;
  return true;
}

bool format_from_value(Value spec, Format& format) {
  if (is_str(spec)) return parse_format(str_view(spec), format);
  if (is_bytes(spec)) return parse_format(bytes_view(spec), format);
  raise_type_error_for("Struct() argument 1 must be a str or bytes object, not %s", spec);
  return false;
}

void store_integer(char* out, uint64_t bits, size_t size, bool little_endian) {
  for (size_t k = 0; k < size; ++k) {
    unsigned char byte = (bits >> (8 * k)) & 0xFF;
    out[little_endian ? k : size - 1 - k] = char(byte);
  }
}

uint64_t load_integer(const char* in, size_t size, bool little_endian) {
  uint64_t bits = 0;
  for (size_t k = 0; k < size; ++k) {
    unsigned char byte = in[little_endian ? k : size - 1 - k];
    bits |= uint64_t(byte) << (8 * k);
  }
  return bits;
}

bool is_signed_code(char code) {
  return code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
}

// An integer argument as the bits to store, with CPython's range checks.
bool pack_integer(Value value, char code, size_t size, uint64_t& bits) {
  Ref number;
  if (is_int(value)) {
    number = ref(value);
  } else if (value.type()->m_index != nullptr) {
    number = index(value);
    if (!number) return false;
  } else {
    return struct_error("required argument is not an integer");
  }
  IntView view(number);
  bool is_signed = is_signed_code(code);
  if (code == 'P' && mpz_sgn(view) < 0) is_signed = true;  // CPython's PyLong_AsVoidPtr wraps
  if (is_signed) {
    if (!mpz_fits_slong_p(view)) return struct_error("argument out of range");
    int64_t x = mpz_get_si(view);
    if (size < 8) {
      int64_t max = (int64_t(1) << (8 * size - 1)) - 1, min = -max - 1;
      if (x < min || x > max) {
        if (code == 'b') return struct_error("byte format requires -128 <= number <= 127");
        if (code == 'h') return struct_error("short format requires -32768 <= number <= 32767");
        return struct_error("'%c' format requires %lld <= number <= %lld", code, (long long)min, (long long)max);
      }
    }
    bits = uint64_t(x);
    return true;
  }
  // B and H are read as a C long and range-checked, so negatives get their message.
  bool small = code == 'B' || code == 'H';
  if (mpz_sgn(view) < 0 && small && mpz_fits_slong_p(view)) {
    return struct_error(code == 'B' ? "ubyte format requires 0 <= number <= 255"
                                    : "ushort format requires 0 <= number <= 65535");
  }
  if (mpz_sgn(view) < 0 || mpz_sizeinbase(view, 2) > 64) return struct_error("argument out of range");
  uint64_t x = 0;
  mpz_export(&x, nullptr, -1, sizeof x, 0, 0, view);
  if (size < 8 && x > (uint64_t(1) << (8 * size)) - 1) {
    if (code == 'B') return struct_error("ubyte format requires 0 <= number <= 255");
    if (code == 'H') return struct_error("ushort format requires 0 <= number <= 65535");
    return struct_error("'%c' format requires 0 <= number <= %llu", code,
                        (unsigned long long)((uint64_t(1) << (8 * size)) - 1));
  }
  bits = x;
  return true;
}

// IEEE 754 binary16 from a double, rounding half to even (CPython's
// PyFloat_Pack2); false with OverflowError when out of range.
bool pack_half(double x, uint16_t& out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    out = sign | 0x7E00;
    return true;
  }
  double a = std::fabs(x);
  if (std::isinf(a)) {
    out = sign | 0x7C00;
    return true;
  }
  if (a == 0.0) {
    out = sign;
    return true;
  }
  int exponent;
  double fraction = std::frexp(a, &exponent);  // a = fraction * 2^exponent, fraction in [0.5, 1)
  // Normal halves have exponents -14..15 (value 2^(e-1) with frexp's e).
  int e = exponent - 1;
  uint32_t mantissa;
  int biased;
  if (e < -14) {
    // Subnormal: units of 2^-24.
    double scaled = std::ldexp(a, 24);
    double rounded = std::nearbyint(scaled);  // the default rounding: half to even
    mantissa = uint32_t(rounded);
    biased = 0;
    if (mantissa >= 0x400) {  // rounded up into the normals
      biased = 1;
      mantissa -= 0x400;
    }
  } else {
    double scaled = std::ldexp(fraction * 2.0 - 1.0, 10);  // 10 fraction bits
    double rounded = std::nearbyint(scaled);
    mantissa = uint32_t(rounded);
    biased = e + 15;
    if (mantissa >= 0x400) {
      mantissa = 0;
      ++biased;
    }
    if (biased >= 31) {
      raise(&overflow_error_type, "float too large to pack with e format");
      return false;
    }
  }
  out = uint16_t(sign | (biased << 10) | mantissa);
  return true;
}

double unpack_half(uint16_t h) {
  int sign = h >> 15, exponent = (h >> 10) & 0x1F, mantissa = h & 0x3FF;
  double value;
  if (exponent == 0) {
    value = std::ldexp(double(mantissa), -24);
  } else if (exponent == 31) {
    value = mantissa ? NAN : INFINITY;
  } else {
    value = std::ldexp(double(mantissa + 0x400), exponent - 25);
  }
  return sign ? -value : value;
}

bool float_argument(Value value, double& out) {
  if (!float_as_double(value, out)) {
    if (exception_matches(&type_error_type)) {
      clear_exception();
      return struct_error("required argument is not a float");
    }
    return false;
  }
  return true;
}

// Packs `values` into `out` (format.size bytes, zeroed by the caller).
bool pack_values(const Format& format, const Value* values, size_t count, char* out) {
  if (count != format.values) {
    return struct_error("pack expected %zu items for packing (got %zu)", format.values, count);
  }
  size_t next = 0;
  bool little = format.native ? true : format.little_endian;
  for (const FormatItem& item : format.items) {
    char* at = out + item.offset;
    if (item.code == 'x') continue;
    if (item.code == 's' || item.code == 'p') {
      Value value = values[next++];
      std::string_view data;
      if (!is_bytes(value) && !is_bytearray(value)) {
        return struct_error("argument for '%c' must be a bytes object", item.code);
      }
      buffer_view(value, data);
      if (item.code == 's') {
        std::memcpy(at, data.data(), std::min(data.size(), item.count));
      } else if (item.count > 0) {
        size_t n = std::min(std::min(data.size(), item.count - 1), size_t(255));
        at[0] = char(n);
        std::memcpy(at + 1, data.data(), n);
      }
      continue;
    }
    for (size_t k = 0; k < item.count; ++k, at += item.size) {
      Value value = values[next++];
      switch (item.code) {
        case 'c': {
          std::string_view data;
          if ((!is_bytes(value) && !is_bytearray(value)) || !buffer_view(value, data) || data.size() != 1) {
            return struct_error("char format requires a bytes object of length 1");
          }
          at[0] = data[0];
          break;
        }
        case '?': {
          int truth = is_true(value);
          if (truth < 0) return false;
          at[0] = char(truth);
          break;
        }
        case 'e': {
          double x;
          uint16_t half;
          if (!float_argument(value, x) || !pack_half(x, half)) return false;
          store_integer(at, half, 2, little);
          break;
        }
        case 'f': {
          double x;
          if (!float_argument(value, x)) return false;
          float y = float(x);
          uint32_t bits;
          std::memcpy(&bits, &y, 4);
          store_integer(at, bits, 4, little);
          break;
        }
        case 'd': {
          double x;
          if (!float_argument(value, x)) return false;
          uint64_t bits;
          std::memcpy(&bits, &x, 8);
          store_integer(at, bits, 8, little);
          break;
        }
        default: {
          uint64_t bits;
          if (!pack_integer(value, item.code, item.size, bits)) return false;
          store_integer(at, bits, item.size, little);
        }
      }
    }
  }
  return true;
}

Ref unpack_values(const Format& format, const char* in) {
  Ref result = make_tuple(format.values);
  if (!result) return {};
  size_t next = 0;
  bool little = format.native ? true : format.little_endian;
  for (const FormatItem& item : format.items) {
    const char* at = in + item.offset;
    if (item.code == 'x') continue;
    if (item.code == 's') {
      tuple_set(result, next++, TRY(make_bytes(std::string_view(at, item.count))));
      continue;
    }
    if (item.code == 'p') {
      size_t n = item.count == 0 ? 0 : std::min(size_t((unsigned char)at[0]), item.count - 1);
      tuple_set(result, next++, TRY(make_bytes(std::string_view(item.count ? at + 1 : at, n))));
      continue;
    }
    for (size_t k = 0; k < item.count; ++k, at += item.size) {
      Ref value;
      uint64_t bits = load_integer(at, item.size, little);
      switch (item.code) {
        case 'c': value = make_bytes(std::string_view(at, 1)); break;
        case '?': value = new_bool(at[0] != 0); break;
        case 'e': value = make_float(unpack_half(uint16_t(bits))); break;
        case 'f': {
          uint32_t narrow = uint32_t(bits);
          float y;
          std::memcpy(&y, &narrow, 4);
          value = make_float(double(y));
          break;
        }
        case 'd': {
          double x;
          std::memcpy(&x, &bits, 8);
          value = make_float(x);
          break;
        }
        default:
          if (is_signed_code(item.code)) {
            int64_t x = item.size == 8 ? int64_t(bits)
                                       : int64_t(bits << (64 - 8 * item.size)) >> (64 - 8 * item.size);
            value = make_int(x);
          } else {
            value = make_int(bits);
          }
      }
      if (!value) return {};
      tuple_set(result, next++, std::move(value));
    }
  }
  return result;
}

bool readable_buffer(Value v, std::string_view& out) {
  if (is_str(v)) {
    raise_type_error_for("a bytes-like object is required, not '%s'", v);
    return false;
  }
  return buffer_view(v, out);
}

// ---- Struct objects ----

struct StructObject : Object {
  Format m_format;
  Ref m_text;  // the format as a str
};

Type struct_type, unpack_iterator_type;

Ref struct_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"Struct", {"format"}, 0, SIZE_MAX, 1};
  Value bound[1];
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  Format format;
  if (!format_from_value(bound[0], format)) return {};
  Object* object = allocate_object(type);
  if (object == nullptr) return raise_no_memory();
  auto* s = construct_body<StructObject>(object);
  Ref owner = Ref::steal(object);
  s->m_format = std::move(format);
  s->m_text = is_str(bound[0]) ? ref(bound[0]) : make_str(bytes_view(bound[0]));
  if (!s->m_text) return {};
  return owner;
}

const Format& format_of(Value self) { return self.as<StructObject>()->m_format; }

Ref do_pack(const Format& format, const Value* values, size_t count) {
  std::string out(format.size, '\0');
  if (!pack_values(format, values, count, out.data())) return {};
  return make_bytes(out);
}

Ref do_unpack(const Format& format, Value buffer) {
  std::string_view data;
  if (!readable_buffer(buffer, data)) return {};
  if (data.size() != format.size) return struct_error("unpack requires a buffer of %zu bytes", format.size);
  return unpack_values(format, data.data());
}

Ref do_unpack_from(const Format& format, Value buffer, Value offset_value) {
  std::string_view data;
  if (!readable_buffer(buffer, data)) return {};
  int64_t offset = 0;
  if (offset_value) {
    auto o = index_as_int64(offset_value);
    if (!o) return {};
    offset = *o;
  }
  int64_t length = int64_t(data.size());
  if (offset < 0) {
    if (offset + length < 0) {
      return struct_error("offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)length);
    }
    offset += length;
  }
  if (length - offset < int64_t(format.size)) {
    return struct_error(
        "unpack_from requires a buffer of at least %llu bytes for unpacking %zu bytes at offset %lld "
        "(actual buffer size is %lld)",
        (unsigned long long)(uint64_t(offset) + format.size), format.size, (long long)offset, (long long)length);
  }
  return unpack_values(format, data.data() + offset);
}

Ref do_pack_into(const Format& format, const Value* args, size_t count) {
  // args: buffer, offset, values…
  Value buffer = args[0];
  if (!is_bytearray(buffer)) {
    return raise_type_error_for("argument must be read-write bytes-like object, not %s", buffer);
  }
  auto o = index_as_int64(args[1]);
  if (!o) return {};
  int64_t offset = *o;
  std::string& data = buffer.as<ByteArrayObject>()->m_data;
  int64_t length = int64_t(data.size());
  if (count - 2 != format.values) {
    return struct_error("pack expected %zu items for packing (got %zu)", format.values, count - 2);
  }
  if (offset < 0) {
    if (offset + length < 0) {
      return struct_error("offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)length);
    }
    offset += length;
  }
  if (length - offset < int64_t(format.size)) {
    return struct_error(
        "pack_into requires a buffer of at least %llu bytes for packing %zu bytes at offset %lld "
        "(actual buffer size is %lld)",
        (unsigned long long)(uint64_t(offset) + format.size), format.size, (long long)offset, (long long)length);
  }
  std::string out(format.size, '\0');
  if (!pack_values(format, args + 2, count - 2, out.data())) return {};
  std::memcpy(data.data() + offset, out.data(), out.size());
  return new_none();
}

struct UnpackIteratorObject : Object {
  Ref m_struct;
  Ref m_buffer;  // kept alive; its bytes are read through m_data
  std::string m_data;
  size_t m_position = 0;
};

Ref do_iter_unpack(Value struct_object, Value buffer) {
  const Format& format = format_of(struct_object);
  std::string_view data;
  if (!readable_buffer(buffer, data)) return {};
  if (format.size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  if (data.size() % format.size != 0) {
    return struct_error("iterative unpacking requires a buffer of a multiple of %zu bytes", format.size);
  }
  Object* object = allocate_object(&unpack_iterator_type);
  if (object == nullptr) return raise_no_memory();
  auto* it = construct_body<UnpackIteratorObject>(object);
  it->m_struct = ref(struct_object);
  it->m_buffer = ref(buffer);
  it->m_data = std::string(data);  // a snapshot: the buffer may change size under us
  return Ref::steal(object);
}

Ref unpack_iterator_next(Value self) {
  auto* it = self.as<UnpackIteratorObject>();
  const Format& format = format_of(it->m_struct);
  if (it->m_position + format.size > it->m_data.size()) return {};
  Ref result = unpack_values(format, it->m_data.data() + it->m_position);
  it->m_position += format.size;
  return result;
}

Ref unpack_iterator_self(Value self) { return ref(self); }

Ref unpack_iterator_length_hint(Value self, Args) {
  auto* it = self.as<UnpackIteratorObject>();
  size_t size = format_of(it->m_struct).size;
  return make_int(int64_t((it->m_data.size() - it->m_position) / size));
}

Ref struct_pack(Value self, Args args) { return do_pack(format_of(self), args.items, args.count); }
Ref struct_unpack(Value self, Args args) { return do_unpack(format_of(self), args[0]); }
Ref struct_unpack_from(Value self, Args args) {
  static const ArgSpec spec{"unpack_from", {"buffer", "offset"}, 0, SIZE_MAX, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  return do_unpack_from(format_of(self), bound[0], bound[1]);
}
Ref struct_pack_into(Value self, Args args) {
  if (args.count < 2) {
    return struct_error(args.count == 0 ? "pack_into expected buffer argument"
                                                   : "pack_into expected offset argument");
  }
  return do_pack_into(format_of(self), args.items, args.count);
}
Ref struct_iter_unpack(Value self, Args args) { return do_iter_unpack(self, args[0]); }
Ref struct_format(Value self) { return self.as<StructObject>()->m_text; }
Ref struct_size(Value self) { return make_int(int64_t(format_of(self).size)); }

// ---- Module functions: a Struct made for the call ----

Ref make_struct(Value spec) {
  Value args[1] = {spec};
  return struct_new(&struct_type, args, 1, nullptr);
}

bool check_format_argument(const char* name, Args args, size_t min) {
  if (args.keyword_count() != 0) {
    raise_format(&type_error_type, "%s() takes no keyword arguments", name);
    return false;
  }
  if (args.count == 0) {
    raise(&type_error_type, "missing format argument");
    return false;
  }
  if (args.count < min) {
    raise_format(&type_error_type, "%s expected at least %zu arguments, got %zu", name, min, args.count);
    return false;
  }
  return true;
}

Ref module_pack(Value, Args args) {
  if (!check_format_argument("pack", args, 1)) return {};
  Ref s = TRY(make_struct(args[0]));
  return do_pack(format_of(s), args.items + 1, args.count - 1);
}
Ref module_unpack(Value, Args args) {
  if (!check_positional("unpack", args, 2, 2)) return {};
  Ref s = TRY(make_struct(args[0]));
  return do_unpack(format_of(s), args[1]);
}
Ref module_unpack_from(Value, Args args) {
  static const ArgSpec spec{"unpack_from", {"format", "buffer", "offset"}, 1, SIZE_MAX, 2};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  Ref s = TRY(make_struct(bound[0]));
  return do_unpack_from(format_of(s), bound[1], bound[2]);
}
Ref module_pack_into(Value, Args args) {
  if (!check_format_argument("pack_into", args, 1)) return {};
  if (args.count < 3) {
    return struct_error(args.count == 1 ? "pack_into expected buffer argument"
                                                   : "pack_into expected offset argument");
  }
  Ref s = TRY(make_struct(args[0]));
  return do_pack_into(format_of(s), args.items + 1, args.count - 1);
}
Ref module_iter_unpack(Value, Args args) {
  if (!check_positional("iter_unpack", args, 2, 2)) return {};
  Ref s = TRY(make_struct(args[0]));
  return do_iter_unpack(s, args[1]);
}
Ref module_calcsize(Value, Args args) {
  Ref s = TRY(make_struct(args[0]));
  return make_int(int64_t(format_of(s).size));
}
Ref module_clearcache(Value, Args) { return new_none(); }

void struct_destroy(Object* object) { static_cast<StructObject*>(object)->~StructObject(); }
void unpack_iterator_destroy(Object* object) {
  static_cast<UnpackIteratorObject*>(object)->~UnpackIteratorObject();
}

const MethodDef kStructMethods[] = {
    {"pack", struct_pack, ArgKind::VarArgs},
    {"unpack", struct_unpack, ArgKind::OneArg},
    {"unpack_from", struct_unpack_from, ArgKind::Keywords},
    {"pack_into", struct_pack_into, ArgKind::VarArgs},
    {"iter_unpack", struct_iter_unpack, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kStructGetSet[] = {
    {"format", struct_format},
    {"size", struct_size},
    {nullptr, nullptr},
};

const MethodDef kUnpackIteratorMethods[] = {
    {"__length_hint__", unpack_iterator_length_hint, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const MethodDef kStructFunctions[] = {
    {"pack", module_pack, ArgKind::VarArgs},
    {"unpack", module_unpack, ArgKind::VarArgs},
    {"unpack_from", module_unpack_from, ArgKind::Keywords},
    {"pack_into", module_pack_into, ArgKind::VarArgs},
    {"iter_unpack", module_iter_unpack, ArgKind::VarArgs},
    {"calcsize", module_calcsize, ArgKind::OneArg},
    {"_clearcache", module_clearcache, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_struct(Value module) {
  if (!module_add_functions(module, kStructFunctions)) return false;
  Value dict = module_dict(module);
  if (!g_struct_error) {
    // class error(Exception), with __module__ 'struct'.
    Ref name = TRY(make_str("error"));
    Ref bases = TRY(make_tuple({Value(&exception_type)}));
    Ref namespace_dict = TRY(make_dict());
    Ref module_name = TRY(make_str("struct"));
    if (!dict_setitem_str(namespace_dict, "__module__", module_name)) return false;
    Ref error_class = TRY(call(Value(&type_type), {name, bases, namespace_dict}));
    g_struct_error = error_class.release();  // kept for the whole run
  }
  if (!dict_setitem_str(dict, "error", g_struct_error)) return false;
  return dict_setitem_str(dict, "Struct", Value(&struct_type));
}

}  // namespace

static struct StructTypesSetup {
  StructTypesSetup() {
    struct_type.m_tp_name = "_struct.Struct";
    struct_type.m_size = sizeof(StructObject);
    struct_type.m_flags = kTypeBaseType;
    struct_type.m_new = struct_new;
    struct_type.m_destroy = struct_destroy;
    struct_type.m_methods = kStructMethods;
    struct_type.m_getset = kStructGetSet;
    unpack_iterator_type.m_tp_name = "_struct.unpack_iterator";
    unpack_iterator_type.m_size = sizeof(UnpackIteratorObject);
    unpack_iterator_type.m_iter = unpack_iterator_self;
    unpack_iterator_type.m_iternext = unpack_iterator_next;
    unpack_iterator_type.m_destroy = unpack_iterator_destroy;
    unpack_iterator_type.m_methods = kUnpackIteratorMethods;
  }
} struct_types_setup;

COIL_REGISTER_TYPE(struct_type);
COIL_REGISTER_TYPE(unpack_iterator_type);
COIL_REGISTER_MODULE("_struct", init_struct);

}  // namespace coil
