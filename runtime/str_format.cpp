// String formatting: printf-style `str % args` and `bytes % args`
// (CPython's PyUnicode_Format and _PyBytes_FormatEx, one engine for both),
// str.format / str.format_map (Objects/stringlib/unicode_format.h: fields,
// auto and manual numbering, attribute and index lookups, conversions,
// nested specs), and str.__format__.
//
// The numbers themselves are laid out by runtime/format.h; this file parses
// the format strings, fetches and converts the arguments, and raises each
// error CPython raises, with its message, in CPython's order.
#include <climits>
#include <new>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/repr.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

// ============================================================ printf-style

// float(v) as PyFloat_AsDouble: floats, __float__, then __index__; the
// message for anything else depends on the caller.
int as_double(Value v, double& out) {
  if (is_float(v)) {
    out = float_value(v);
    return 1;
  }
  if (is_int(v)) return int_as_double(v, out) ? 1 : -1;
  Type* type = v.type();
  if (type->m_float != nullptr) {
    Ref result = type->m_float(v);
    if (!result) return -1;
    if (!is_float(result)) {
      raise_format(&type_error_type, "%s.__float__ returned non-float (type %s)",
                   message_type_name(type).data(), value_type_name(result).data());
      return -1;
    }
    out = float_value(result);
    return 1;
  }
  if (type->m_index != nullptr) {
    Ref integer = index(v);
    if (!integer) return -1;
    return int_as_double(integer, out) ? 1 : -1;
  }
  return 0;
}

// PyNumber_Check: what %d accepts before converting.
bool is_number(Value v) {
  if (is_int(v) || is_float(v) || is_complex(v)) return true;
  Type* type = v.type();
  return type->m_index != nullptr || type->m_int != nullptr || type->m_float != nullptr;
}

class PercentFormatter {
 public:
  PercentFormatter(std::string_view format, Value args, bool bytes)
      : m_format(format), m_bytes(bytes) {
    if (is_tuple(args)) {
      m_length = int64_t(tuple_size(args));
      m_index = 0;
    } else {
      m_length = -1;
      m_index = -2;
    }
    // Anything subscriptable is a mapping for %(key)s, except the sequences
    // that are clearly meant as the argument itself.
    bool mapping = args.is_object() && args.type()->m_getitem != nullptr && !is_tuple(args) &&
                   !is_str(args) && !(bytes && (is_bytes(args) || is_bytearray(args)));
    if (mapping) m_dict = args;
    m_current = ref(args);
  }

  bool run(std::string& out) {
    size_t n = m_format.size();
    size_t pos = 0;
    while (pos < n) {
      if (m_format[pos] != '%') {
        size_t next = m_format.find('%', pos);
        if (next == std::string_view::npos) next = n;
        out.append(m_format.substr(pos, next - pos));
        pos = next;
        continue;
      }
      ++pos;
      if (pos < n && m_format[pos] == '%') {
        out += '%';
        ++pos;
        continue;
      }
      if (!format_one(pos, out)) return false;
    }
    if (m_index < m_length && !m_dict) {
      return raise_format(&type_error_type, "not all arguments converted during %s formatting",
                          m_bytes ? "bytes" : "string");
    }
    return true;
  }

 private:
  // CPython's unicode_format_getnextarg. A single non-tuple argument (or
  // the value of a %(key)) is length -1 at index -2: taken once, then
  // exhausted.
  Value next_arg() {
    if (m_index < m_length) {
      int64_t i = m_index++;
      return m_length < 0 ? m_current.get() : tuple_item(m_current, size_t(i));
    }
    raise(&type_error_type, "not enough arguments for format string");
    return Value();
  }

  bool parse_number(size_t& pos, int64_t& out, const char* too_big) {
    int64_t value = 0;
    while (pos < m_format.size() && m_format[pos] >= '0' && m_format[pos] <= '9') {
      int digit = m_format[pos] - '0';
      if (value > (INT64_MAX - digit) / 10) return raise(&value_error_type, too_big);
      value = value * 10 + digit;
      ++pos;
    }
    out = value;
    return true;
  }

  bool star_arg(int64_t& out) {
    Value v = next_arg();
    if (!v) return false;
    if (!is_int(v)) return raise(&type_error_type, "* wants int");
    if (!int_fits_int64(v, out)) {
      return raise(&overflow_error_type, "Python int too large to convert to C ssize_t");
    }
    return true;
  }

  // One conversion, `pos` just after its '%'.
  bool format_one(size_t& pos, std::string& out) {
    size_t n = m_format.size();
    // %(key)
    if (pos < n && m_format[pos] == '(') {
      if (!m_dict) return raise(&type_error_type, "format requires a mapping");
      size_t key_start = ++pos;
      int depth = 1;
      while (pos < n && depth > 0) {
        if (m_format[pos] == ')') {
          --depth;
        } else if (m_format[pos] == '(') {
          ++depth;
        }
        ++pos;
      }
      if (depth > 0) return raise(&value_error_type, "incomplete format key");
      std::string_view key_text = m_format.substr(key_start, pos - 1 - key_start);
      Ref key = m_bytes ? make_bytes(key_text) : make_str(key_text);
      if (!key) return false;
      m_current = getitem(m_dict, key);
      if (!m_current) return false;
      m_length = -1;
      m_index = -2;
    }
    int flags = 0;
    for (; pos < n; ++pos) {
      char c = m_format[pos];
      if (c == '-') {
        flags |= kPercentLeftAdjust;
      } else if (c == '+') {
        flags |= kPercentSign;
      } else if (c == ' ') {
        flags |= kPercentBlank;
      } else if (c == '#') {
        flags |= kPercentAlternate;
      } else if (c == '0') {
        flags |= kPercentZero;
      } else {
        break;
      }
    }
    int64_t width = -1;
    if (pos < n && m_format[pos] == '*') {
      if (!star_arg(width)) return false;
      if (width < 0) {
        flags |= kPercentLeftAdjust;
        width = width == INT64_MIN ? INT64_MAX : -width;
      }
      ++pos;
    } else if (pos < n && m_format[pos] >= '0' && m_format[pos] <= '9') {
      if (!parse_number(pos, width, "width too big")) return false;
    }
    int64_t precision = -1;
    if (pos < n && m_format[pos] == '.') {
      precision = 0;
      ++pos;
      if (pos < n && m_format[pos] == '*') {
        if (!star_arg(precision)) return false;
        if (precision < 0) precision = 0;
        ++pos;
      } else if (pos < n && m_format[pos] >= '0' && m_format[pos] <= '9') {
        if (!parse_number(pos, precision, "precision too big")) return false;
      }
    }
    // Length modifiers are accepted and ignored, as in C: %ld, %hi.
    if (pos < n && (m_format[pos] == 'h' || m_format[pos] == 'l' || m_format[pos] == 'L')) ++pos;
    if (pos >= n) return raise(&value_error_type, "incomplete format");
    size_t conversion_pos = pos;
    char32_t conversion;
    if (m_bytes) {
      conversion = static_cast<unsigned char>(m_format[pos++]);
    } else {
      conversion = decode_utf8(m_format, pos);
    }
    Value arg = next_arg();
    if (!arg) return false;
    if (width > INT_MAX || precision > INT_MAX) return raise_no_memory();
    std::string text;
    switch (conversion) {
      case 's':
      case 'r':
      case 'a':
      case 'b':
        if (conversion == 'b' && !m_bytes) break;
        if (!format_text(arg, char(conversion), text)) return false;
        return pad_text(text, flags, width, precision, out);
      case 'c':
        if (!format_char(arg, text)) return false;
        return pad_text(text, flags, width, -1, out);
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        if (!format_integer(arg, char(conversion), flags, int(width), int(precision), text)) {
          return false;
        }
        out += text;
        return true;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double value;
        int status = as_double(arg, value);
        if (status < 0) return false;
        if (status == 0) {
          if (m_bytes) {
            return raise_format(&type_error_type, "float argument required, not %s",
                                value_type_name(arg).data());
          }
          return raise_format(&type_error_type, "must be real number, not %s",
                              value_type_name(arg).data());
        }
        try {
          percent_format_float(value, char(conversion), flags, int(width), int(precision), text);
        } catch (const std::bad_alloc&) {
          return raise_no_memory();
        }
        out += text;
        return true;
      }
      default:
        break;
    }
    // The index counts characters for str and bytes for bytes.
    size_t index = conversion_pos;
    if (!m_bytes) {
      index = 0;
      for (size_t i = 0; i < conversion_pos; ++i) {
        index += (static_cast<unsigned char>(m_format[i]) & 0xC0) != 0x80;
      }
    }
    return raise_format(&value_error_type, "unsupported format character '%c' (0x%x) at index %zu",
                        conversion < 128 ? char(conversion) : '?', unsigned(conversion), index);
  }

  // %s %r %a (and %b for bytes): the text of the argument.
  bool format_text(Value arg, char conversion, std::string& text) {
    if (conversion == 'r' || conversion == 'a') {
      Ref result = (conversion == 'r' && !m_bytes) ? repr(arg) : ascii(arg);
      if (!result) return false;
      text = str_view(result);
      return true;
    }
    if (!m_bytes) {
      Ref result = str(arg);
      if (!result) return false;
      text = str_view(result);
      return true;
    }
    // bytes %s / %b: bytes, __bytes__, then the buffer protocol.
    if (is_bytes(arg)) {
      text = bytes_view(arg);
      return true;
    }
    if (is_bytearray(arg)) {
      text = bytearray_view(arg);
      return true;
    }
    bool found = false;
    Ref result = call_special(arg, "__bytes__", {}, found);
    if (found) {
      if (!result) return false;
      if (!is_bytes(result)) {
        return raise_format(&type_error_type, "__bytes__ returned non-bytes (type %s)",
                            value_type_name(result).data());
      }
      text = bytes_view(result);
      return true;
    }
    if (error_pending()) return false;
    std::string_view view;
    if (buffer_view(arg, view)) {
      text = view;
      return true;
    }
    return raise_format(&type_error_type,
                        "%%b requires a bytes-like object, or an object that implements "
                        "__bytes__, not '%s'",
                        value_type_name(arg).data());
  }

  bool format_char(Value arg, std::string& text) {
    if (m_bytes) {
      if ((is_bytes(arg) || is_bytearray(arg))) {
        std::string_view data = is_bytes(arg) ? bytes_view(arg) : bytearray_view(arg);
        if (data.size() == 1) {
          text = data;
          return true;
        }
      } else if (has_index(arg)) {
        Ref integer = index(arg);
        if (!integer) return false;
        int64_t value;
        if (!int_fits_int64(integer, value) || value < 0 || value > 255) {
          return raise(&overflow_error_type, "%c arg not in range(256)");
        }
        text = std::string(1, char(value));
        return true;
      }
      return raise(&type_error_type, "%c requires an integer in range(256) or a single byte");
    }
    if (is_str(arg)) {
      if (str_len(arg) != 1) return raise(&type_error_type, "%c requires int or char");
      text = str_view(arg);
      return true;
    }
    if (!has_index(arg)) return raise(&type_error_type, "%c requires int or char");
    Ref integer = index(arg);
    if (!integer) return false;
    int64_t value;
    if (!int_fits_int64(integer, value) || value < 0 || value > 0x10FFFF) {
      return raise(&overflow_error_type, "%c arg not in range(0x110000)");
    }
    text.clear();
    append_utf8(text, char32_t(value));
    return true;
  }

  bool format_integer(Value arg, char conversion, int flags, int width, int precision,
                      std::string& text) {
    bool hex_or_octal = conversion == 'o' || conversion == 'x' || conversion == 'X';
    Ref integer;
    if (is_int(arg)) {
      integer = ref(arg);
    } else if (is_number(arg)) {
      integer = hex_or_octal ? index(arg) : number_int(arg);
      if (!integer) {
        if (!exception_matches(&type_error_type)) return false;
        clear_exception();
      }
    }
    if (!integer) {
      return raise_format(&type_error_type, "%%%c format: %s is required, not %s", conversion,
                          hex_or_octal ? "an integer" : "a real number",
                          value_type_name(arg).data());
    }
    // Widths reach INT_MAX: a failed allocation is a MemoryError.
    try {
      int64_t small;
      if (int_fits_int64(integer, small)) {
        return percent_format_int(small, conversion, flags, width, precision, text);
      }
      return percent_format_int(integer.as<IntObject>()->m_value, conversion, flags, width,
                                precision, text);
    } catch (const std::bad_alloc&) {
      return raise_no_memory();
    }
  }

  // Precision truncates (in characters for str), width pads with spaces.
  bool pad_text(std::string& text, int flags, int64_t width, int64_t precision, std::string& out) {
    size_t length;
    if (m_bytes) {
      if (precision >= 0 && size_t(precision) < text.size()) text.resize(size_t(precision));
      length = text.size();
    } else {
      length = 0;
      size_t cut = text.size();
      for (size_t pos = 0; pos < text.size();) {
        if (precision >= 0 && length == size_t(precision)) {
          cut = pos;
          break;
        }
        decode_utf8(text, pos);
        ++length;
      }
      text.resize(cut);
    }
    size_t padding = width > int64_t(length) ? size_t(width) - length : 0;
    try {
      if (!(flags & kPercentLeftAdjust)) out.append(padding, ' ');
      out += text;
      if (flags & kPercentLeftAdjust) out.append(padding, ' ');
    } catch (const std::bad_alloc&) {
      return raise_no_memory();
    }
    return true;
  }

  std::string_view m_format;
  bool m_bytes;
  int64_t m_length;
  int64_t m_index;
  Value m_dict;
  Ref m_current;
};

}  // namespace

Ref str_percent_format(Value format, Value args) {
  PercentFormatter formatter(str_view(format), args, false);
  std::string out;
  if (!formatter.run(out)) return {};
  return make_str(out);
}

bool bytes_percent_format(std::string_view format, Value args, std::string& out) {
  // The format may be a bytearray's buffer, which __bytes__ or __index__
  // code could resize: format from a copy.
  std::string copy(format);
  PercentFormatter formatter(copy, args, true);
  return formatter.run(out);
}

// ============================================================ str.format

namespace {

struct AutoNumber {
  enum State { Init, Auto, Manual } state = Init;
  int64_t next = 0;
};

// Positional and keyword arguments of one format call. `positional` null
// means format_map (no positional arguments at all).
struct FormatArgs {
  const Value* positional;
  size_t count;
  bool has_positional;
  Value keywords;  // a mapping, or null
};

// CPython's get_integer: -1 if `text` is not all decimal digits.
bool get_integer(std::string_view text, int64_t& out) {
  out = -1;
  if (text.empty()) return true;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return true;
    int digit = c - '0';
    if (value > (INT64_MAX - digit) / 10) {
      return raise(&value_error_type, "Too many decimal digits in format string");
    }
    value = value * 10 + digit;
  }
  out = value;
  return true;
}

// The object a field name designates: the argument, then each .attr and
// [key] after it.
Ref get_field_object(std::string_view field, const FormatArgs& args, AutoNumber& numbering) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  std::string_view first = field.substr(0, i);
  int64_t index;
  if (!get_integer(first, index)) return {};
  bool empty = first.empty();
  if (empty || index != -1) {
    if (numbering.state == AutoNumber::Init) {
      numbering.state = empty ? AutoNumber::Auto : AutoNumber::Manual;
    }
    if (numbering.state == AutoNumber::Manual && empty) {
      return raise(&value_error_type,
                   "cannot switch from manual field specification to automatic field numbering");
    }
    if (numbering.state == AutoNumber::Auto && !empty) {
      return raise(&value_error_type,
                   "cannot switch from automatic field numbering to manual field specification");
    }
    if (empty) index = numbering.next++;
  }
  Ref object;
  if (index == -1) {
    Ref key = make_str(first);
    if (!key) return {};
    if (!args.keywords) return raise_with(&key_error_type, key);
    object = getitem(args.keywords, key);
  } else {
    if (!args.has_positional) return raise(&value_error_type, "Format string contains positional fields");
    if (size_t(index) >= args.count) {
      return raise_format(&index_error_type,
                          "Replacement index %lld out of range for positional args tuple",
                          static_cast<long long>(index));
    }
    object = ref(args.positional[index]);
  }
  if (!object) return {};
  while (i < field.size()) {
    char c = field[i++];
    std::string_view name;
    bool attribute = c == '.';
    if (c == '.') {
      size_t start = i;
      while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
      name = field.substr(start, i - start);
    } else if (c == '[') {
      size_t start = i;
      while (i < field.size() && field[i] != ']') ++i;
      if (i >= field.size()) return raise(&value_error_type, "Missing ']' in format string");
      name = field.substr(start, i - start);
      ++i;
    } else {
      return raise(&value_error_type,
                   "Only '.' or '[' may follow ']' in format field specifier");
    }
    int64_t item_index = -1;
    if (!attribute && !get_integer(name, item_index)) return {};
    if (name.empty()) return raise(&value_error_type, "Empty attribute in format string");
    Ref key = item_index >= 0 ? make_int(item_index) : make_str(name);
    if (!key) return {};
    object = attribute ? getattr(object, key) : getitem(object, key);
    if (!object) return {};
  }
  return object;
}

bool build_string(std::string_view input, const FormatArgs& args, int depth, AutoNumber& numbering,
                  std::string& out);

// One {field!conversion:spec}.
bool output_markup(std::string_view field, char32_t conversion, std::string_view spec,
                   bool spec_needs_expanding, const FormatArgs& args, int depth,
                   AutoNumber& numbering, std::string& out) {
  Ref object = get_field_object(field, args, numbering);
  if (!object) return false;
  if (conversion != 0) {
    switch (conversion) {
      case 'r': object = repr(object); break;
      case 's': object = str(object); break;
      case 'a': object = ascii(object); break;
      default:
        if (conversion > 32 && conversion < 127) {
          return raise_format(&value_error_type, "Unknown conversion specifier %c", char(conversion));
        }
        return raise_format(&value_error_type, "Unknown conversion specifier \\x%x", unsigned(conversion));
    }
    if (!object) return false;
  }
  Ref spec_object;
  if (spec_needs_expanding) {
    std::string expanded;
    if (!build_string(spec, args, depth - 1, numbering, expanded)) return false;
    spec_object = make_str(expanded);
  } else {
    spec_object = make_str(spec);
  }
  if (!spec_object) return false;
  Ref text = format(object, spec_object);
  if (!text) return false;
  out += str_view(text);
  return true;
}

bool build_string(std::string_view input, const FormatArgs& args, int depth, AutoNumber& numbering,
                  std::string& out) {
  // PEP 3101 allows one level of nesting in specs: "{0:{1}}".
  if (depth <= 0) return raise(&value_error_type, "Max string recursion exceeded");
  size_t n = input.size();
  size_t pos = 0;
  while (pos < n) {
    // Literal text up to a brace (MarkupIterator_next).
    size_t start = pos;
    char c = 0;
    bool markup = false;
    while (pos < n) {
      c = input[pos++];
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = pos >= n;
    size_t length = pos - start;
    if (markup && c == '}' && (at_end || input[pos] != '}')) {
      return raise(&value_error_type, "Single '}' encountered in format string");
    }
    if (markup && at_end && c == '{') {
      return raise(&value_error_type, "Single '{' encountered in format string");
    }
    if (!at_end && markup) {
      if (input[pos] == c) {
        ++pos;  // an escaped brace: kept in the literal
        markup = false;
      } else {
        --length;
      }
    }
    out.append(input.substr(start, length));
    if (!markup) continue;

    // The field (parse_field).
    size_t field_start = pos;
    c = 0;
    while (pos < n) {
      c = input[pos++];
      if (c == '{') return raise(&value_error_type, "unexpected '{' in field name");
      if (c == '[') {
        while (pos < n && input[pos] != ']') ++pos;
        continue;
      }
      if (c == '}' || c == ':' || c == '!') break;
    }
    std::string_view field = input.substr(field_start, pos - 1 - field_start);
    char32_t conversion = 0;
    std::string_view spec;
    bool spec_needs_expanding = false;
    if (c == '!' || c == ':') {
      bool done = false;
      if (c == '!') {
        if (pos >= n) {
          return raise(&value_error_type, "end of string while looking for conversion specifier");
        }
        conversion = decode_utf8(input, pos);
        if (pos < n) {
          char next = input[pos++];
          if (next == '}') {
            done = true;
          } else if (next != ':') {
            return raise(&value_error_type, "expected ':' after conversion specifier");
          }
        }
      }
      if (!done) {
        size_t spec_start = pos;
        int count = 1;
        bool closed = false;
        while (pos < n) {
          char s = input[pos++];
          if (s == '{') {
            spec_needs_expanding = true;
            ++count;
          } else if (s == '}') {
            if (--count == 0) {
              closed = true;
              break;
            }
          }
        }
        if (!closed) return raise(&value_error_type, "unmatched '{' in format spec");
        spec = input.substr(spec_start, pos - 1 - spec_start);
      }
    } else if (c != '}') {
      return raise(&value_error_type, "expected '}' before end of string");
    }
    if (!output_markup(field, conversion, spec, spec_needs_expanding, args, depth, numbering, out)) {
      return false;
    }
  }
  return true;
}

Ref do_format(Value format, const FormatArgs& args) {
  AutoNumber numbering;
  std::string out;
  if (!build_string(str_view(format), args, 2, numbering, out)) return {};
  return make_str(out);
}

}  // namespace

Ref str_format_method(Value format, const Value* args, size_t nargs, TupleObject* kwnames) {
  Ref keywords;
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    keywords = make_dict();
    if (!keywords) return {};
    for (size_t i = 0; i < tuple_size(kwnames); ++i) {
      if (!dict_setitem(keywords, tuple_item(kwnames, i), args[nargs + i])) return {};
    }
  }
  FormatArgs format_args{args, nargs, true, keywords.get()};
  return do_format(format, format_args);
}

Ref str_format_map(Value format, Value mapping) {
  FormatArgs format_args{nullptr, 0, false, mapping};
  return do_format(format, format_args);
}

Ref str_format_spec(Value self, Value spec) {
  std::string_view spec_text = str_view(spec);
  if (spec_text.empty()) {
    if (is_exact_str(self)) return ref(self);
    return str(self);
  }
  std::string out;
  FormatError error;
  // A width of 10**12 asks format_str for a terabyte: MemoryError, as in
  // CPython, not std::bad_alloc ending the process.
  try {
    if (!format_str(str_view(self), spec_text, out, error)) return raise_format_error(error);
  } catch (const std::bad_alloc&) {
    return raise_no_memory();
  }
  return make_str(out);
}

}  // namespace coil
