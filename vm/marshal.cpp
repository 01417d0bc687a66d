// Code objects and their constants to bytes and back (vm/marshal.h).
//
// The layout, after the header: one value, written as a tag byte and what
// the tag says follows. Counts and other unsigned numbers are LEB128
// varints; signed ones are zigzag-encoded varints; floats are their IEEE
// bits, little-endian.
//
//   N E T F            None, Ellipsis, True, False
//   i zigzag           an int that fits in 64 bits
//   I sign count bytes any other int: 0 or 1, then the magnitude's bytes,
//                      least significant first
//   f 8 bytes          float          x 16 bytes   complex (real, imag)
//   s count bytes      str (UTF-8)    S count bytes  an interned str
//   b count bytes      bytes
//   t count values     tuple          z count values frozenset
//   c ...              code (write_code says what follows)
//   r index            the index-th object already read
//
// Every object but the four singletons and the 'i' ints gets the next index
// once it has been written (or read) whole, its parts first: writer and
// reader number them in the same order. The compiler makes no cycles among
// constants, so whole-before-numbered is always possible.
//
// The reader trusts nothing: every count is checked against the bytes left,
// every field against the others, nesting is bounded, and any mismatch is
// a ValueError, never a crash. (The blobs are only ever the build's own,
// but a stale or damaged one must not take the interpreter down.)
#include "vm/marshal.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"

namespace coil {

namespace {

constexpr char kMagic[4] = {'c', 'o', 'i', 'l'};

// Values nest (tuples in tuples, code in code's constants): a blob nesting
// deeper than this is refused rather than allowed to exhaust the C++ stack.
// The compiler's own nesting is far shallower.
constexpr int kMaxDepth = 500;

// The instruction table as text, every column of every OP(...) line, so that
// any change to vm/opcodes.def that matters to the bytecode changes the hash.
constexpr char kOpcodeTable[] =
#define OP(name, operand, pops, pushes, caches) #name " " #operand " " #pops " " #pushes " " #caches "\n"
#include "vm/opcodes.def"
#undef OP
    "";

// FNV-1a, 64 bits: small and good enough to tell two tables apart.
constexpr uint64_t fnv1a(const char* text, size_t size) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < size; ++i) {
    hash ^= uint8_t(text[i]);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

constexpr uint64_t kOpcodeHash = fnv1a(kOpcodeTable, sizeof kOpcodeTable - 1);

void put_varint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out += char(uint8_t(value) | 0x80);
    value >>= 7;
  }
  out += char(uint8_t(value));
}

uint64_t zigzag(int64_t value) { return (uint64_t(value) << 1) ^ uint64_t(value >> 63); }
int64_t unzigzag(uint64_t value) { return int64_t(value >> 1) ^ -int64_t(value & 1); }

void put_u64(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out += char(uint8_t(value >> (8 * i)));
}

void put_double(std::string& out, double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  put_u64(out, bits);
}

void put_header(std::string& out) {
  out.append(kMagic, sizeof kMagic);
  put_varint(out, kMarshalVersion);
  put_u64(out, kOpcodeHash);
}

class Writer {
 public:
  explicit Writer(std::string& out) : m_out(out) {}

  bool value(Value v, int depth) {
    if (depth > kMaxDepth) return raise(&value_error_type, "value nested too deeply to serialize");
    if (v.is(none())) return tag('N');
    if (v.is(ellipsis())) return tag('E');
    if (v.is(py_bool(true))) return tag('T');
    if (v.is(py_bool(false))) return tag('F');
    if (v.is_small_int()) {
      tag('i');
      put_varint(m_out, zigzag(v.as_small_int()));
      return true;
    }
    if (!v.is_object()) return raise(&type_error_type, "cannot serialize a null value");
    auto seen = m_indices.find(v.as_object());
    if (seen != m_indices.end()) {
      tag('r');
      put_varint(m_out, seen->second);
      return true;
    }
    Type* type = v.type();
    if (type == &int_type) {
      int64_t small;
      if (int_fits_int64(v, small)) {
        // Not numbered: the reader makes it with make_int as it makes 'i'.
        tag('i');
        put_varint(m_out, zigzag(small));
        return true;
      }
      big_int(v);
    } else if (type == &float_type) {
      tag('f');
      put_double(m_out, float_value(v));
    } else if (type == &complex_type) {
      tag('x');
      put_double(m_out, v.as<ComplexObject>()->m_real);
      put_double(m_out, v.as<ComplexObject>()->m_imag);
    } else if (type == &str_type) {
      bool interned = v.as<StrObject>()->m_interned || v.is(empty_str());
      tag(interned ? 'S' : 's');
      text(str_view(v));
    } else if (type == &bytes_type) {
      tag('b');
      text(bytes_view(v));
    } else if (type == &tuple_type) {
      size_t size = tuple_size(v);
      tag('t');
      put_varint(m_out, size);
      for (size_t i = 0; i < size; ++i)
        if (!value(tuple_item(v, i), depth + 1)) return false;
    } else if (type == &frozenset_type) {
      // In the order of each item's own serialization, not the set's: str
      // hashes, and so a set's order, change from run to run, and the build
      // must write the same bytes every time.
      std::vector<std::pair<std::string, Value>> items;
      size_t position = 0;
      Value key;
      int64_t hash;
      while (set_next(v, position, key, hash)) {
        std::string sort_key;
        if (!Writer(sort_key).value(key, depth + 1)) return false;
        items.emplace_back(std::move(sort_key), key);
      }
      std::sort(items.begin(), items.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      tag('z');
      put_varint(m_out, items.size());
      for (const auto& item : items)
        if (!value(item.second, depth + 1)) return false;
    } else if (type == &code_type) {
      if (!code(v.as<CodeObject>(), depth)) return false;
    } else {
      return raise_format(&type_error_type, "cannot serialize a constant of type '%s'", type->m_tp_name);
    }
    m_indices.emplace(v.as_object(), uint32_t(m_indices.size()));
    return true;
  }

 private:
  bool tag(char t) {
    m_out += t;
    return true;
  }

  void text(std::string_view bytes) {
    put_varint(m_out, bytes.size());
    m_out.append(bytes);
  }

  void big_int(Value v) {
    IntView z(v);
    tag('I');
    m_out += char(mpz_sgn(z) < 0 ? 1 : 0);
    size_t count = (mpz_sizeinbase(z, 2) + 7) / 8;
    std::string magnitude(count, '\0');
    size_t written = 0;
    mpz_export(magnitude.data(), &written, -1, 1, 0, 0, z);
    magnitude.resize(written);
    text(magnitude);
  }

  bool str_field(Value v, int depth) {
    if (!v || !is_exact_str(v)) return raise(&type_error_type, "code object field is not a str");
    return value(v, depth);
  }

  // The fields, in the order Reader::code reads them: the numbers, the names,
  // the instructions (each opcode byte and argument varint; its inline cache
  // units are not written and read back as zeros), the positions (in runs,
  // below), the exception table, the constants, the
  // names, the localsplus slots, and the kept source text.
  bool code(const CodeObject* code, int depth) {
    if (code->m_positions.size() != code->m_code.size()) {
      return raise(&value_error_type, "code object has not one position per code unit");
    }
    tag('c');
    for (uint32_t n : {code->m_argcount, code->m_posonlyargcount, code->m_kwonlyargcount, code->m_flags,
                       code->m_stacksize, code->m_nlocals, code->m_ncellvars, code->m_nfreevars}) {
      put_varint(m_out, n);
    }
    put_varint(m_out, zigzag(code->m_firstlineno));
    if (!str_field(code->m_name, depth + 1) || !str_field(code->m_qualname, depth + 1) ||
        !str_field(code->m_filename, depth + 1)) {
      return false;
    }

    const std::vector<CodeUnit>& units = code->m_code;
    put_varint(m_out, units.size());
    for (size_t i = 0; i < units.size();) {
      Opcode op = unit_opcode(units[i]);
      m_out += char(op);
      put_varint(m_out, unit_arg(units[i]));
      i += 1 + (op < kOpcodeCount ? kOpcodeInfo[op].caches : 0);
    }

    // Positions, in runs of equal ones. Each run is a byte of flags, then
    // what the flags leave out; most take three bytes (flags, columns):
    //   bits 0-1  the run's length - 1, or 3: a varint length follows
    //   bits 2-4  its line minus the previous run's, plus 1 (0 to 6), or 7:
    //             the difference follows, a zigzag varint
    //   bit 5     it ends on another line: end line - line follows (zigzag)
    //   bit 6     its columns are known: column + 1 and end column + 1 follow
    //             (else both are -1)
    const std::vector<Position>& positions = code->m_positions;
    std::vector<std::pair<size_t, Position>> runs;
    for (const Position& p : positions) {
      if (p.lineno < -1 || p.end_lineno < -1 || p.col < -1 || p.end_col < -1) {
        return raise(&value_error_type, "code object has a position out of range");
      }
      if (!runs.empty() && std::memcmp(&runs.back().second, &p, sizeof p) == 0) {
        ++runs.back().first;
      } else {
        runs.emplace_back(1, p);
      }
    }
    put_varint(m_out, runs.size());
    int64_t previous_line = 0;
    for (const auto& [length, p] : runs) {
      int64_t line_delta = int64_t(p.lineno) - previous_line;
      bool small_delta = line_delta >= -1 && line_delta <= 5;
      bool columns = p.col != -1 || p.end_col != -1;
      uint8_t flags = uint8_t(length <= 3 ? length - 1 : 3);
      flags |= uint8_t((small_delta ? line_delta + 1 : 7) << 2);
      if (p.end_lineno != p.lineno) flags |= 0x20;
      if (columns) flags |= 0x40;
      m_out += char(flags);
      if (length > 3) put_varint(m_out, length);
      if (!small_delta) put_varint(m_out, zigzag(line_delta));
      if (p.end_lineno != p.lineno) put_varint(m_out, zigzag(int64_t(p.end_lineno) - p.lineno));
      if (columns) {
        put_varint(m_out, uint64_t(int64_t(p.col) + 1));
        put_varint(m_out, uint64_t(int64_t(p.end_col) + 1));
      }
      previous_line = p.lineno;
    }

    put_varint(m_out, code->m_exception_table.size());
    for (const ExceptionTableEntry& e : code->m_exception_table) {
      for (uint32_t n : {e.start, e.end, e.handler, e.depth}) put_varint(m_out, n);
      m_out += char(e.push_lasti ? 1 : 0);
    }

    put_varint(m_out, code->m_consts.size());
    for (const Ref& constant : code->m_consts)
      if (!value(constant, depth + 1)) return false;
    put_varint(m_out, code->m_names.size());
    for (const Ref& name : code->m_names)
      if (!str_field(name, depth + 1)) return false;
    if (code->m_localsplus_kinds.size() != code->m_localsplus_names.size()) {
      return raise(&value_error_type, "code object has not one kind per localsplus name");
    }
    put_varint(m_out, code->m_localsplus_names.size());
    for (const Ref& name : code->m_localsplus_names)
      if (!str_field(name, depth + 1)) return false;
    m_out.append(reinterpret_cast<const char*>(code->m_localsplus_kinds.data()), code->m_localsplus_kinds.size());
    text(code->m_source);
    return true;
  }

  std::string& m_out;
  std::unordered_map<const Object*, uint32_t> m_indices;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : m_data(data) {}

  bool at_end() const { return m_at == m_data.size(); }

  // True if the data starts with this binary's header (and skips it);
  // false with no exception pending otherwise.
  bool header() {
    if (m_data.size() < sizeof kMagic || std::memcmp(m_data.data(), kMagic, sizeof kMagic) != 0) return false;
    m_at = sizeof kMagic;
    uint64_t version, hash;
    if (varint(version) && version == kMarshalVersion && u64(hash) && hash == kOpcodeHash) return true;
    clear_exception();
    return false;
  }

  Ref value(int depth) {
    if (depth > kMaxDepth) return bad("nested too deeply");
    uint8_t t;
    if (!byte(t)) return {};
    Ref result;
    switch (t) {
      case 'N': return new_none();
      case 'E': return ref(ellipsis());
      case 'T': return new_bool(true);
      case 'F': return new_bool(false);
      case 'i': {
        uint64_t n;
        if (!varint(n)) return {};
        return make_int(unzigzag(n));
      }
      case 'r': {
        uint64_t index;
        if (!varint(index)) return {};
        if (index >= m_objects.size()) return bad("reference to an object not yet read");
        return m_objects[index];
      }
      case 'I': result = big_int(); break;
      case 'f': {
        double d;
        if (!f64(d)) return {};
        result = make_float(d);
        break;
      }
      case 'x': {
        double real, imag;
        if (!f64(real) || !f64(imag)) return {};
        result = make_complex(real, imag);
        break;
      }
      case 's':
      case 'S': result = str(t == 'S'); break;
      case 'b': {
        std::string_view bytes;
        if (!text(bytes)) return {};
        result = make_bytes(bytes);
        break;
      }
      case 't': result = tuple(depth); break;
      case 'z': result = frozenset(depth); break;
      case 'c': result = code(depth); break;
      default: return bad("unknown tag");
    }
    if (!result) return {};
    m_objects.push_back(result);
    return result;
  }

 private:
  Raised bad(const char* what) {
    return raise_format(&value_error_type, "bad serialized code data (%s at byte %zu)", what, m_at);
  }

  size_t left() const { return m_data.size() - m_at; }

  bool byte(uint8_t& out) {
    if (m_at >= m_data.size()) return bad("unexpected end");
    out = uint8_t(m_data[m_at++]);
    return true;
  }

  // Most numbers are below 128: one byte, read inline.
  bool varint(uint64_t& out) {
    if (m_at < m_data.size() && uint8_t(m_data[m_at]) < 0x80) [[likely]] {
      out = uint8_t(m_data[m_at++]);
      return true;
    }
    return long_varint(out);
  }

  [[gnu::noinline]] bool long_varint(uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b;
      if (!byte(b)) return false;
      out |= uint64_t(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return bad("varint too long");
  }

  bool u32(uint32_t& out) {
    uint64_t n;
    if (!varint(n)) return false;
    if (n > UINT32_MAX) return bad("number out of range");
    out = uint32_t(n);
    return true;
  }

  bool i32(int32_t& out) {
    uint64_t n;
    if (!varint(n)) return false;
    int64_t v = unzigzag(n);
    if (v < INT32_MIN || v > INT32_MAX) return bad("number out of range");
    out = int32_t(v);
    return true;
  }

  // A zigzag varint small enough that adding it to a line number (at most
  // 32 bits) cannot overflow.
  bool signed_number(int64_t& out) {
    uint64_t n;
    if (!varint(n)) return false;
    out = unzigzag(n);
    if (out < -(int64_t(1) << 33) || out > (int64_t(1) << 33)) return bad("number out of range");
    return true;
  }

  // A count of things each at least one byte long.
  bool count(size_t& out) {
    uint64_t n;
    if (!varint(n)) return false;
    if (n > left()) return bad("count larger than the data");
    out = size_t(n);
    return true;
  }

  bool u64(uint64_t& out) {
    if (left() < 8) return bad("unexpected end");
    out = 0;
    for (int i = 0; i < 8; ++i) out |= uint64_t(uint8_t(m_data[m_at + i])) << (8 * i);
    m_at += 8;
    return true;
  }

  bool f64(double& out) {
    uint64_t bits;
    if (!u64(bits)) return false;
    std::memcpy(&out, &bits, sizeof out);
    return true;
  }

  bool text(std::string_view& out) {
    size_t size;
    if (!count(size)) return false;
    out = m_data.substr(m_at, size);
    m_at += size;
    return true;
  }

  Ref big_int() {
    uint8_t negative;
    std::string_view magnitude;
    if (!byte(negative) || !text(magnitude)) return {};
    if (negative > 1) return bad("bad int sign");
    Mpz z;
    mpz_import(z, magnitude.size(), -1, 1, 0, 0, magnitude.data());
    if (negative) mpz_neg(z, z);
    return make_int(z);
  }

  Ref str(bool interned) {
    std::string_view utf8;
    if (!text(utf8)) return {};
    if (!is_valid_utf8(utf8)) return bad("str is not UTF-8");
    return interned ? intern(utf8) : make_str(utf8);
  }

  Ref tuple(int depth) {
    size_t size;
    if (!count(size)) return {};
    if (size == 0) return ref(empty_tuple());
    Ref result = make_tuple(size);
    if (!result) return {};
    // Until filled, the slots are null: fill them all, with None on failure,
    // so the tuple can be freed.
    bool ok = true;
    for (size_t i = 0; i < size; ++i) {
      Ref item = ok ? value(depth + 1) : Ref();
      if (!item) {
        ok = false;
        item = new_none();
      }
      tuple_set(result, i, std::move(item));
    }
    return ok ? result : Ref();
  }

  Ref frozenset(int depth) {
    size_t size;
    if (!count(size)) return {};
    Ref result = make_frozenset();
    if (!result) return {};
    for (size_t i = 0; i < size; ++i) {
      Ref item = value(depth + 1);
      if (!item || !set_add(result, item)) return {};
    }
    return result;
  }

  bool str_field(Ref& out, int depth) {
    out = value(depth);
    if (!out) return false;
    if (!is_exact_str(out)) return bad("code object field is not a str");
    return true;
  }

  Ref code(int depth) {
    Ref result = make_code();
    if (!result) return {};
    auto* code = result.as<CodeObject>();
    for (uint32_t* n : {&code->m_argcount, &code->m_posonlyargcount, &code->m_kwonlyargcount, &code->m_flags,
                        &code->m_stacksize, &code->m_nlocals, &code->m_ncellvars, &code->m_nfreevars}) {
      if (!u32(*n)) return {};
    }
    if (!i32(code->m_firstlineno)) return {};
    if (!str_field(code->m_name, depth + 1) || !str_field(code->m_qualname, depth + 1) ||
        !str_field(code->m_filename, depth + 1)) {
      return {};
    }

    uint64_t unit_count;
    if (!varint(unit_count)) return {};
    // Each instruction takes at least two bytes and brings at most a few
    // cache units (two in vm/opcodes.def): a count beyond that cannot be right.
    if (unit_count > left() * 4) return bad("instruction count larger than the data");
    // Zeros to start with: the inline cache units stay so.
    std::vector<CodeUnit>& units = code->m_code;
    units.resize(size_t(unit_count));
    for (size_t i = 0; i < units.size();) {
      uint8_t op;
      uint64_t arg;
      if (!byte(op) || !varint(arg)) return {};
      if (op >= kOpcodeCount) return bad("unknown opcode");
      if (arg > kMaxInlineArg) return bad("instruction argument out of range");
      // BINARY_OP's operator, and the one-operator forms' own.
      if (generic_opcode(Opcode(op)) == BINARY_OP &&
          (arg >= uint64_t(2 * kBinaryOpCount) ||
           (op != BINARY_OP && specialized_opcode(BINARY_OP, uint32_t(arg)) != op))) {
        return bad("bad binary operator");
      }
      units[i] = make_unit(Opcode(op), uint32_t(arg));
      i += 1 + kOpcodeInfo[op].caches;
      if (i > units.size()) return bad("inline caches past the end of the code");
    }

    size_t runs;
    if (!count(runs)) return {};
    int64_t lineno = 0;
    std::vector<Position>& positions = code->m_positions;
    positions.resize(units.size());
    size_t filled = 0;
    for (size_t i = 0; i < runs; ++i) {
      uint8_t flags;
      if (!byte(flags)) return {};
      if (flags & 0x80) return bad("bad position flags");
      uint64_t length = (flags & 3) + 1;
      if (length == 4 && !varint(length)) return {};
      if (length == 0 || length > units.size() - filled) return bad("positions past the end of the code");
      int64_t delta = int64_t((flags >> 2) & 7) - 1;
      if (delta == 6 && !signed_number(delta)) return {};
      lineno += delta;
      int64_t end_lineno = lineno;
      if (flags & 0x20) {
        int64_t span;
        if (!signed_number(span)) return {};
        end_lineno += span;
      }
      uint64_t col = 0, end_col = 0;
      if ((flags & 0x40) && (!varint(col) || !varint(end_col))) return {};
      if (lineno < -1 || lineno > INT32_MAX || end_lineno < -1 || end_lineno > INT32_MAX ||
          col > uint64_t(INT32_MAX) + 1 || end_col > uint64_t(INT32_MAX) + 1) {
        return bad("position out of range");
      }
      Position p;
      p.lineno = int32_t(lineno);
      p.end_lineno = int32_t(end_lineno);
      p.col = int32_t(int64_t(col) - 1);
      p.end_col = int32_t(int64_t(end_col) - 1);
      for (size_t end = filled + size_t(length); filled < end; ++filled) positions[filled] = p;
    }
    if (filled != units.size()) return bad("not one position per code unit");

    size_t entries;
    if (!count(entries)) return {};
    for (size_t i = 0; i < entries; ++i) {
      ExceptionTableEntry e;
      uint8_t push_lasti;
      if (!u32(e.start) || !u32(e.end) || !u32(e.handler) || !u32(e.depth) || !byte(push_lasti)) return {};
      if (e.start > e.end || e.end > units.size() || e.handler >= units.size() || push_lasti > 1) {
        return bad("bad exception table entry");
      }
      e.push_lasti = push_lasti != 0;
      code->m_exception_table.push_back(e);
    }

    size_t n;
    if (!count(n)) return {};
    code->m_consts.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      Ref constant = value(depth + 1);
      if (!constant) return {};
      code->m_consts.push_back(std::move(constant));
    }
    if (!count(n)) return {};
    code->m_names.resize(n);
    for (Ref& name : code->m_names)
      if (!str_field(name, depth + 1)) return {};
    if (!count(n)) return {};
    code->m_localsplus_names.resize(n);
    for (Ref& name : code->m_localsplus_names)
      if (!str_field(name, depth + 1)) return {};
    if (left() < n) return bad("unexpected end");
    code->m_localsplus_kinds.assign(m_data.begin() + m_at, m_data.begin() + m_at + n);
    m_at += n;
    std::string_view source;
    if (!text(source)) return {};
    code->m_source = std::string(source);

    if (code->m_nlocals > n || code->m_nfreevars > n - code->m_nlocals || code->m_ncellvars > n ||
        code->m_argcount + uint64_t(code->m_kwonlyargcount) > code->m_nlocals ||
        code->m_posonlyargcount > code->m_argcount) {
      return bad("localsplus counts do not fit");
    }
    return result;
  }

  std::string_view m_data;
  size_t m_at = 0;
  std::vector<Ref> m_objects;
};

}  // namespace

uint64_t marshal_opcode_hash() { return kOpcodeHash; }

bool marshal_value(Value value, std::string& out) {
  size_t start = out.size();
  put_header(out);
  Writer writer(out);
  if (!writer.value(value, 0)) {
    out.resize(start);
    return false;
  }
  return true;
}

bool marshal_header_matches(std::string_view data) { return Reader(data).header(); }

Ref unmarshal_value(std::string_view data) {
  Reader reader(data);
  if (!reader.header()) {
    return raise(&value_error_type, "serialized code data of another format, version or instruction set");
  }
  Ref result = reader.value(0);
  if (!result) return {};
  if (!reader.at_end()) return raise(&value_error_type, "bad serialized code data (trailing bytes)");
  return result;
}

}  // namespace coil
