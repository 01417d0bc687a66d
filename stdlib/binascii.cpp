// The `binascii` module, natively: hex, base64 and CRC-32, with CPython
// 3.11's messages (binascii.Error is a ValueError).
//
// a2b_* accept bytes-like objects and ASCII str; base64 decoding is
// CPython's non-strict mode: characters outside the alphabet are skipped,
// and decoding stops at the padding that completes a quad.
#include <cstdint>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

Value g_binascii_error, g_binascii_incomplete;

Raised binascii_error(const std::string& message) { return raise(g_binascii_error.as<Type>(), message); }

// The data of an a2b_* argument: bytes-like, or a str of ASCII only.
bool ascii_data(Value v, std::string_view& out) {
  if (is_str(v)) {
    if (!str_is_ascii(v)) {
      raise(&value_error_type, "string argument should contain only ASCII characters");
      return false;
    }
    out = str_view(v);
    return true;
  }
  if (!buffer_view(v, out)) {
    clear_exception();
    raise_type_error_for("argument should be bytes, buffer or ASCII string, not '%s'", v);
    return false;
  }
  return true;
}

bool binary_data(Value v, std::string_view& out) {
  if (is_str(v) || !buffer_view(v, out)) {
    clear_exception();
    raise_type_error_for("a bytes-like object is required, not '%s'", v);
    return false;
  }
  return true;
}

// hexlify(data, sep=None, bytes_per_sep=1), as bytes.hex() but bytes.
Ref binascii_hexlify(Value, Args args) {
  static const ArgSpec spec{"hexlify", {"data", "sep", "bytes_per_sep"}, 0, SIZE_MAX, 1};
  Value bound[3];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string_view data;
  if (!binary_data(bound[0], data)) return {};
  if (bound[1] && !is_none(bound[1])) {
    // The separator forms go through bytes.hex, which has them all.
    Ref as_bytes = TRY(make_bytes(data));
    Value hex_args[2] = {bound[1], bound[2] ? bound[2] : Value::small_int(1)};
    Ref text = TRY(bytes_hex(as_bytes, Args{hex_args, 2, nullptr}));
    return make_bytes(str_view(text));
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 2);
  for (unsigned char c : data) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return make_bytes(out);
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Ref binascii_unhexlify(Value, Args args) {
  std::string_view data;
  if (!ascii_data(args[0], data)) return {};
  if (data.size() % 2 != 0) return binascii_error("Odd-length string");
  std::string out;
  out.reserve(data.size() / 2);
  for (size_t i = 0; i < data.size(); i += 2) {
    int high = hex_value(data[i]), low = hex_value(data[i + 1]);
    if (high < 0 || low < 0) return binascii_error("Non-hexadecimal digit found");
    out += char(high * 16 + low);
  }
  return make_bytes(out);
}

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// a2b_base64(data, /, *, strict_mode=False): only the non-strict mode.
Ref binascii_a2b_base64(Value, Args args) {
  static const ArgSpec spec{"a2b_base64", {"data", "strict_mode"}, 1, 1, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  if (bound[1]) {
    int strict = is_true(bound[1]);
    if (strict < 0) return {};
    if (strict) return raise(&not_implemented_error_type, "binascii.a2b_base64: strict_mode is not supported");
  }
  std::string_view data;
  if (!ascii_data(bound[0], data)) return {};
  std::string out;
  out.reserve(data.size() / 4 * 3 + 3);
  int quad_position = 0, pads = 0;
  unsigned int accumulator = 0;
  size_t data_characters = 0;
  for (unsigned char c : data) {
    if (c == '=') {
      if (quad_position >= 2 && quad_position + ++pads >= 4) {
        quad_position = 0;
        break;
      }
      continue;
    }
    int value = base64_value(c);
    if (value < 0) continue;
    pads = 0;
    ++data_characters;
    switch (quad_position) {
      case 0: accumulator = unsigned(value); quad_position = 1; break;
      case 1:
        out += char((accumulator << 2) | (unsigned(value) >> 4));
        accumulator = unsigned(value) & 0x0F;
        quad_position = 2;
        break;
      case 2:
        out += char((accumulator << 4) | (unsigned(value) >> 2));
        accumulator = unsigned(value) & 0x03;
        quad_position = 3;
        break;
      default:
        out += char((accumulator << 6) | unsigned(value));
        quad_position = 0;
    }
  }
  if (quad_position != 0) {
    if (quad_position == 1) {
      return binascii_error("Invalid base64-encoded string: number of data characters (" +
                            std::to_string(data_characters) +
                            ") cannot be 1 more than a multiple of 4");
    }
    return binascii_error("Incorrect padding");
  }
  return make_bytes(out);
}

// b2a_base64(data, *, newline=True)
Ref binascii_b2a_base64(Value, Args args) {
  static const ArgSpec spec{"b2a_base64", {"data", "newline"}, 1, 1, 1};
  Value bound[2];
  if (!bind_arguments(spec, args, bound)) return {};
  std::string_view data;
  if (!binary_data(bound[0], data)) return {};
  bool newline = true;
  if (bound[1]) {
    int truth = is_true(bound[1]);
    if (truth < 0) return {};
    newline = truth != 0;
  }
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t triple = (uint32_t((unsigned char)data[i]) << 16) | (uint32_t((unsigned char)data[i + 1]) << 8) |
                      uint32_t((unsigned char)data[i + 2]);
    out += kBase64Alphabet[(triple >> 18) & 63];
    out += kBase64Alphabet[(triple >> 12) & 63];
    out += kBase64Alphabet[(triple >> 6) & 63];
    out += kBase64Alphabet[triple & 63];
  }
  size_t rest = data.size() - i;
  if (rest > 0) {
    uint32_t triple = uint32_t((unsigned char)data[i]) << 16;
    if (rest == 2) triple |= uint32_t((unsigned char)data[i + 1]) << 8;
    out += kBase64Alphabet[(triple >> 18) & 63];
    out += kBase64Alphabet[(triple >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(triple >> 6) & 63] : '=';
    out += '=';
  }
  if (newline) out += '\n';
  return make_bytes(out);
}

// CRC-32 (the polynomial of zlib, reflected 0xEDB88320), table-driven.
uint32_t crc32_update(uint32_t crc, std::string_view data) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
      table[n] = c;
    }
    ready = true;
  }
  crc = ~crc;
  for (unsigned char byte : data) crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

Ref binascii_crc32(Value, Args args) {
  if (!check_positional("crc32", args, 1, 2)) return {};
  std::string_view data;
  if (!binary_data(args[0], data)) return {};
  uint32_t start = 0;
  if (args.count == 2) {
    if (!is_int(args[1])) return raise_type_error_for("'%s' object cannot be interpreted as an integer", args[1]);
    // Only the low 32 bits count, as CPython's unsigned int conversion with a mask.
    Mpz value;
    int_to_mpz(args[1], value);
    mpz_fdiv_r_2exp(value, value, 32);
    start = uint32_t(mpz_get_ui(value));
  }
  return make_int(uint64_t(crc32_update(start, data)));
}

const MethodDef kBinasciiFunctions[] = {
    {"hexlify", binascii_hexlify, ArgKind::Keywords},
    {"b2a_hex", binascii_hexlify, ArgKind::Keywords},
    {"unhexlify", binascii_unhexlify, ArgKind::OneArg},
    {"a2b_hex", binascii_unhexlify, ArgKind::OneArg},
    {"a2b_base64", binascii_a2b_base64, ArgKind::Keywords},
    {"b2a_base64", binascii_b2a_base64, ArgKind::Keywords},
    {"crc32", binascii_crc32, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// class `name`(base) with __module__ 'binascii'.
Ref make_error_class(const char* name, Type* base) {
  Ref name_text = TRY(make_str(name));
  Ref bases = TRY(make_tuple({Value(base)}));
  Ref namespace_dict = TRY(make_dict());
  Ref module_name = TRY(make_str("binascii"));
  if (!dict_setitem_str(namespace_dict, "__module__", module_name)) return {};
  return call(Value(&type_type), {name_text, bases, namespace_dict});
}

bool init_binascii(Value module) {
  if (!module_add_functions(module, kBinasciiFunctions)) return false;
  if (!g_binascii_error) {
    g_binascii_error = TRY(make_error_class("Error", &value_error_type)).release();  // kept for the run
    g_binascii_incomplete = TRY(make_error_class("Incomplete", &exception_type)).release();
  }
  Value dict = module_dict(module);
  return dict_setitem_str(dict, "Error", g_binascii_error) &&
         dict_setitem_str(dict, "Incomplete", g_binascii_incomplete);
}

}  // namespace

COIL_REGISTER_MODULE("binascii", init_binascii);

}  // namespace coil
