// The bytes type, the bytes iterator, the buffer-view registry, and the
// methods bytes shares with bytearray (runtime/bytearray.cpp lists the
// same functions in its own table).
//
// A shared method reads its receiver through `data_of` and builds its
// result with `make_like`, so that bytes methods return bytes and bytearray
// methods return bytearray, as in CPython. The byte algorithms are the
// ASCII-only ones of CPython's Objects/bytes_methods.c: whitespace is
// " \t\n\v\f\r", case changes only touch A-Z and a-z.
//
// A bytearray's storage moves when it is resized, and converting an
// argument (__index__, __bytes__, an iterator) may run Python code that
// resizes it: every method converts its arguments first and takes the view
// of its receiver last.
#include "runtime/bytes.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/codecs.h"
#include "runtime/errors.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/repr.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

constexpr size_t kMaxBytes = size_t(INT64_MAX) / 2;

// bytes of length 0 and 1 are shared, as in CPython.
BytesObject* g_empty_bytes = nullptr;
BytesObject* g_single_bytes[256] = {};

BytesObject* new_bytes_object(Type* type, size_t size) {
  if (size > kMaxBytes) {
    raise_no_memory();
    return nullptr;
  }
  Object* object = allocate_object(type, size + 1);
  if (object == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  BytesObject* b = static_cast<BytesObject*>(object);
  b->m_hash = -1;
  b->m_size = size;
  b->m_data[size] = '\0';
  return b;
}

BytesObject* shared_bytes(BytesObject*& slot, std::string_view data) {
  if (slot == nullptr) {
    slot = new_bytes_object(&bytes_type, data.size());
    if (slot == nullptr) return nullptr;
    std::memcpy(slot->m_data, data.data(), data.size());
    slot->m_refcount = kImmortalRefcount;
  }
  return slot;
}

struct BufferType {
  Type* type;
  BufferGetter getter;
};
std::vector<BufferType>& buffer_types() {
  static std::vector<BufferType>* types = new std::vector<BufferType>();
  return *types;
}

bool is_space_byte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower_byte(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper_byte(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha_byte(unsigned char c) { return is_lower_byte(c) || is_upper_byte(c); }
bool is_digit_byte(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alnum_byte(unsigned char c) { return is_alpha_byte(c) || is_digit_byte(c); }
char to_upper_byte(char c) { return is_lower_byte(c) ? char(c - 32) : c; }
char to_lower_byte(char c) { return is_upper_byte(c) ? char(c + 32) : c; }

// "bytes" or "bytearray": the type whose method is running, for messages.
const char* owner_name(Value self) { return is_bytes(self) ? "bytes" : "bytearray"; }

std::string_view data_of(Value self) {
  return is_bytes(self) ? bytes_view(self) : bytearray_view(self);
}

// A result of the receiver's kind: exact bytes for bytes and its
// subclasses, a new bytearray for bytearray.
Ref make_like(Value self, std::string_view data) {
  return is_bytes(self) ? make_bytes(data) : make_bytearray(data);
}

// The receiver itself when CPython returns it unchanged (exact bytes only).
Ref unchanged(Value self) {
  if (is_bytes(self) && self.type() == &bytes_type) return ref(self);
  return make_like(self, data_of(self));
}

// A bytes-like argument ("a bytes-like object is required, not 'str'"),
// copied so that later conversions cannot invalidate it.
bool bytes_arg(Value v, std::string& out) {
  std::string_view view;
  if (!buffer_view(v, view)) {
    return raise_format(&type_error_type, "a bytes-like object is required, not '%s'",
                        value_type_name(v).data());
  }
  out.assign(view);
  return true;
}

size_t keyword_count(Args args) { return args.kwnames ? tuple_size(args.kwnames) : 0; }

void adjust_indices(std::optional<int64_t> start_arg, std::optional<int64_t> end_arg,
                    int64_t length, int64_t& start, int64_t& end) {
  start = start_arg.value_or(0);
  end = end_arg.value_or(length);
  if (end > length) {
    end = length;
  } else if (end < 0) {
    end += length;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += length;
    if (start < 0) start = 0;
  }
}

// The sub argument of find/count/index…: an int in range(256) or a
// bytes-like object.
bool sub_arg(Value v, std::string& out) {
  if (has_index(v)) {
    std::optional<int64_t> value;
    if (!slice_index_arg(v, value)) return false;
    if (*value < 0 || *value > 255) return raise(&value_error_type, "byte must be in range(0, 256)");
    out.assign(1, char(*value));
    return true;
  }
  std::string_view view;
  if (!buffer_view(v, view)) {
    return raise_format(&type_error_type,
                        "argument should be integer or bytes-like object, not '%s'",
                        value_type_name(v).data());
  }
  out.assign(view);
  return true;
}

int64_t find_in(std::string_view data, std::string_view sub, int64_t start, int64_t end, bool reverse) {
  if (end - start < int64_t(sub.size())) return -1;
  std::string_view window = data.substr(size_t(start), size_t(end - start));
  size_t found = reverse ? window.rfind(sub) : window.find(sub);
  return found == std::string_view::npos ? -1 : start + int64_t(found);
}

int64_t count_in(std::string_view data, std::string_view sub, int64_t start, int64_t end) {
  if (end - start < int64_t(sub.size())) return 0;
  if (sub.empty()) return end - start + 1;
  std::string_view window = data.substr(size_t(start), size_t(end - start));
  int64_t count = 0;
  for (size_t pos = window.find(sub); pos != std::string_view::npos; pos = window.find(sub, pos + sub.size())) {
    ++count;
  }
  return count;
}

bool find_args(Value self, const char* name, Args args, std::string& sub, int64_t& start,
               int64_t& end, std::string_view& data) {
  if (!check_tuple_args(owner_name(self), name, args, 1, 3)) return false;
  std::optional<int64_t> start_arg, end_arg;
  // As stringlib's parse_args_finds: the bounds are converted first.
  if (!slice_index_arg(args.count > 1 ? args[1] : Value(), start_arg)) return false;
  if (!slice_index_arg(args.count > 2 ? args[2] : Value(), end_arg)) return false;
  if (!sub_arg(args[0], sub)) return false;
  data = data_of(self);
  adjust_indices(start_arg, end_arg, int64_t(data.size()), start, end);
  return true;
}

// As CPython's stringlib split_whitespace: once maxsplit is reached, the
// rest is one item, its leading whitespace skipped but its trailing kept
// (rsplit mirrors it).
std::vector<std::string_view> split_whitespace(std::string_view data, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t n = data.size(), i = 0;
  while (true) {
    while (i < n && is_space_byte(data[i])) ++i;
    if (i >= n) break;
    if (maxsplit >= 0 && int64_t(parts.size()) == maxsplit) {
      parts.push_back(data.substr(i));
      break;
    }
    size_t start = i;
    while (i < n && !is_space_byte(data[i])) ++i;
    parts.push_back(data.substr(start, i - start));
  }
  return parts;
}

std::vector<std::string_view> rsplit_whitespace(std::string_view data, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t i = data.size();
  while (true) {
    while (i > 0 && is_space_byte(data[i - 1])) --i;
    if (i == 0) break;
    if (maxsplit >= 0 && int64_t(parts.size()) == maxsplit) {
      parts.push_back(data.substr(0, i));
      break;
    }
    size_t end = i;
    while (i > 0 && !is_space_byte(data[i - 1])) --i;
    parts.push_back(data.substr(i, end - i));
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

std::vector<std::string_view> split_on(std::string_view data, std::string_view sep, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (maxsplit < 0 || int64_t(parts.size()) < maxsplit) {
    size_t found = data.find(sep, start);
    if (found == std::string_view::npos) break;
    parts.push_back(data.substr(start, found - start));
    start = found + sep.size();
  }
  parts.push_back(data.substr(start));
  return parts;
}

std::vector<std::string_view> rsplit_on(std::string_view data, std::string_view sep, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t end = data.size();
  while (maxsplit < 0 || int64_t(parts.size()) < maxsplit) {
    if (end < sep.size()) break;
    size_t found = data.substr(0, end).rfind(sep);
    if (found == std::string_view::npos) break;
    parts.push_back(data.substr(found + sep.size(), end - found - sep.size()));
    end = found;
  }
  parts.push_back(data.substr(0, end));
  std::reverse(parts.begin(), parts.end());
  return parts;
}

Ref list_of(Value self, const std::vector<std::string_view>& parts) {
  Ref list = make_list(parts.size());
  if (!list) return {};
  for (std::string_view part : parts) {
    Ref item = make_like(self, part);
    if (!item) return {};
    list_append(list, std::move(item));
  }
  return list;
}

// The fill byte of center/ljust/rjust.
bool fill_arg(Value v, const char* name, char& fill) {
  if (!v) {
    fill = ' ';
    return true;
  }
  std::string_view view;
  if ((is_bytes(v) || is_bytearray(v)) && (view = data_of(v)).size() == 1) {
    fill = view[0];
    return true;
  }
  return raise_format(&type_error_type,
                      "%s() argument 2 must be a byte string of length 1, not %s", name,
                      arg_type_name(v));
}

Ref pad_common(Value self, Args args, const char* name, int mode) {
  if (!check_positional_args(owner_name(self), name, args, 1, 2)) return {};
  int64_t width;
  if (!ssize_argument(args[0], width)) return {};
  char fill;
  if (!fill_arg(args.count > 1 ? args[1] : Value(), name, fill)) return {};
  std::string_view data = data_of(self);
  if (width <= int64_t(data.size())) return unchanged(self);
  if (width > int64_t(kMaxBuiltText)) return raise_no_memory();
  int64_t margin = width - int64_t(data.size());
  int64_t left = mode == 0 ? margin / 2 + (margin & width & 1) : mode == 1 ? 0 : margin;
  std::string out;
  out.reserve(size_t(width));
  out.append(size_t(left), fill);
  out.append(data);
  out.append(size_t(margin - left), fill);
  return make_like(self, out);
}

template <bool (*Predicate)(unsigned char)>
bool all_bytes(std::string_view data) {
  if (data.empty()) return false;
  for (char c : data) {
    if (!Predicate(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string strip_set(std::string_view data, std::string_view chars, bool default_space, int which) {
  auto strippable = [&](char c) {
    return default_space ? is_space_byte(static_cast<unsigned char>(c)) : chars.find(c) != std::string_view::npos;
  };
  size_t start = 0, end = data.size();
  if (which != 2) {
    while (start < end && strippable(data[start])) ++start;
  }
  if (which != 1) {
    while (end > start && strippable(data[end - 1])) --end;
  }
  return std::string(data.substr(start, end - start));
}

Ref strip_common(Value self, Args args, const char* name, int which) {
  if (!check_positional_args(owner_name(self), name, args, 0, 1)) return {};
  Value chars = args.count > 0 ? args[0] : Value();
  std::string set;
  bool default_space = !chars || is_none(chars);
  if (!default_space && !bytes_arg(chars, set)) return {};
  std::string_view data = data_of(self);
  std::string result = strip_set(data, set, default_space, which);
  if (result.size() == data.size()) return unchanged(self);
  return make_like(self, result);
}

Ref split_common(Value self, Args args, const char* name, bool right) {
  Value bound[2];
  if (!bind_keyword_args(name, {"sep", "maxsplit"}, 0, args, bound)) return {};
  int64_t maxsplit = -1;
  if (bound[1] && !ssize_argument(bound[1], maxsplit)) return {};
  std::string sep;
  bool whitespace = !bound[0] || is_none(bound[0]);
  if (!whitespace) {
    if (!bytes_arg(bound[0], sep)) return {};
    if (sep.empty()) return raise(&value_error_type, "empty separator");
  }
  std::string_view data = data_of(self);
  if (whitespace) {
    return list_of(self, right ? rsplit_whitespace(data, maxsplit) : split_whitespace(data, maxsplit));
  }
  return list_of(self, right ? rsplit_on(data, sep, maxsplit) : split_on(data, sep, maxsplit));
}

Ref partition_common(Value self, Value sep_arg, bool right) {
  std::string sep;
  if (!bytes_arg(sep_arg, sep)) return {};
  if (sep.empty()) return raise(&value_error_type, "empty separator");
  std::string_view data = data_of(self);
  size_t found = right ? data.rfind(sep) : data.find(sep);
  Ref parts[3];
  if (found == std::string_view::npos) {
    Ref whole = unchanged(self);
    Ref empty = make_like(self, {});
    if (!whole || !empty) return {};
    if (right) {
      parts[0] = empty;
      parts[1] = make_like(self, {});
      parts[2] = whole;
    } else {
      parts[0] = whole;
      parts[1] = empty;
      parts[2] = make_like(self, {});
    }
  } else {
    parts[0] = make_like(self, data.substr(0, found));
    parts[1] = is_bytes(sep_arg) && sep_arg.type() == &bytes_type && is_bytes(self) ? ref(sep_arg)
                                                                                    : make_like(self, sep);
    parts[2] = make_like(self, data.substr(found + sep.size()));
  }
  for (const Ref& part : parts) {
    if (!part) return {};
  }
  return make_tuple({parts[0].get(), parts[1].get(), parts[2].get()});
}

template <bool Starts>
bool tail_match(std::string_view data, std::string_view affix, int64_t start, int64_t end) {
  int64_t length = int64_t(data.size()), size = int64_t(affix.size());
  if (Starts) {
    if (start > length - size) return false;
    if (end - start < size) return false;
    return data.compare(size_t(start), size_t(size), affix) == 0;
  }
  if (end - start < size || start > length) return false;
  return data.compare(size_t(end - size), size_t(size), affix) == 0;
}

template <bool Starts>
Ref affix_common(Value self, Args args) {
  const char* name = Starts ? "startswith" : "endswith";
  if (!check_tuple_args(owner_name(self), name, args, 1, 3)) return {};
  std::optional<int64_t> start_arg, end_arg;
  if (!slice_index_arg(args.count > 1 ? args[1] : Value(), start_arg)) return {};
  if (!slice_index_arg(args.count > 2 ? args[2] : Value(), end_arg)) return {};
  Value affix = args[0];
  auto matches = [&](std::string_view candidate) {
    std::string_view data = data_of(self);
    int64_t start, end;
    adjust_indices(start_arg, end_arg, int64_t(data.size()), start, end);
    return tail_match<Starts>(data, candidate, start, end);
  };
  if (is_tuple(affix)) {
    for (size_t i = 0; i < tuple_size(affix); ++i) {
      std::string candidate;
      if (!bytes_arg(tuple_item(affix, i), candidate)) return {};
      if (matches(candidate)) return new_bool(true);
    }
    return new_bool(false);
  }
  std::string candidate;
  std::string_view view;
  if (!buffer_view(affix, view)) {
    return raise_format(&type_error_type, "%s first arg must be bytes or a tuple of bytes, not %s",
                        name, value_type_name(affix).data());
  }
  candidate.assign(view);
  return new_bool(matches(candidate));
}

template <char (*Map)(char)>
Ref map_bytes(Value self) {
  std::string out(data_of(self));
  for (char& c : out) c = Map(c);
  return make_like(self, out);
}

char swap_byte(char c) { return is_upper_byte(c) ? to_lower_byte(c) : to_upper_byte(c); }

int hex_digit(char32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

}  // namespace

// ============================================================ creation

Ref make_bytes(std::string_view data) {
  if (data.empty()) {
    BytesObject* empty = shared_bytes(g_empty_bytes, data);
    return empty ? Ref::borrow(empty) : Ref();
  }
  if (data.size() == 1) {
    BytesObject* single = shared_bytes(g_single_bytes[static_cast<unsigned char>(data[0])], data);
    return single ? Ref::borrow(single) : Ref();
  }
  BytesObject* b = new_bytes_object(&bytes_type, data.size());
  if (b == nullptr) return {};
  std::memcpy(b->m_data, data.data(), data.size());
  return Ref::steal(b);
}

// An instance of `type` (bytes or a subclass) holding `data`.
Ref make_bytes_of_type(Type* type, std::string_view data) {
  if (type == &bytes_type) return make_bytes(data);
  BytesObject* b = new_bytes_object(type, data.size());
  if (b == nullptr) return {};
  std::memcpy(b->m_data, data.data(), data.size());
  return Ref::steal(b);
}

bool buffer_view(Value v, std::string_view& out) {
  if (!v.is_object()) return false;
  if (is_bytes(v)) {
    out = bytes_view(v);
    return true;
  }
  if (is_bytearray(v)) {
    out = bytearray_view(v);
    return true;
  }
  for (const BufferType& entry : buffer_types()) {
    if (isinstance(v, entry.type)) return entry.getter(v, out);
  }
  return false;
}

void register_buffer_type(Type* type, BufferGetter getter) {
  buffer_types().push_back({type, getter});
}

bool byte_value(Value v, const char* range_message, unsigned char& out) {
  int64_t value;
  if (v.is_small_int()) {
    value = v.as_small_int();
  } else {
    Ref integer = index(v);
    if (!integer) return false;
    if (!int_fits_int64(integer, value)) value = -1;
  }
  if (value < 0 || value > 255) return raise(&value_error_type, range_message);
  out = static_cast<unsigned char>(value);
  return true;
}

bool bytes_from_iterable(Value source, const char* type_name, const char* range_message,
                         std::string& out) {
  auto add = [&](Value item) {
    unsigned char byte;
    if (!byte_value(item, range_message, byte)) return false;
    out += static_cast<char>(byte);
    return true;
  };
  if (is_list(source) || is_tuple(source)) {
    // Converting an item may run Python code that changes the list: index
    // it afresh each time.
    for (size_t i = 0;; ++i) {
      Ref item;
      if (is_list(source)) {
        if (i >= as_list(source)->m_items.size()) break;
        item = as_list(source)->m_items[i];
      } else {
        if (i >= tuple_size(source)) break;
        item = ref(tuple_item(source, i));
      }
      if (!add(item)) return false;
    }
    return true;
  }
  Ref iterator;
  if (!is_str(source)) {
    iterator = iter(source);
    if (!iterator && !exception_matches(&type_error_type)) return false;
    clear_exception();
  }
  if (!iterator) {
    return raise_format(&type_error_type, "cannot convert '%s' object to %s",
                        value_type_name(source).data(), type_name);
  }
  while (true) {
    Ref item = iterator_next(iterator);
    if (!item) return !error_pending();
    if (!add(item)) return false;
  }
}

// ============================================================ shared methods

Ref bytes_capitalize(Value self, Args) {
  std::string out(data_of(self));
  for (size_t i = 0; i < out.size(); ++i) out[i] = i == 0 ? to_upper_byte(out[i]) : to_lower_byte(out[i]);
  return make_like(self, out);
}

Ref bytes_lower(Value self, Args) { return map_bytes<to_lower_byte>(self); }
Ref bytes_upper(Value self, Args) { return map_bytes<to_upper_byte>(self); }
Ref bytes_swapcase(Value self, Args) { return map_bytes<swap_byte>(self); }

Ref bytes_title(Value self, Args) {
  std::string out(data_of(self));
  bool previous_cased = false;
  for (char& c : out) {
    if (is_lower_byte(c)) {
      if (!previous_cased) c = to_upper_byte(c);
      previous_cased = true;
    } else if (is_upper_byte(c)) {
      if (previous_cased) c = to_lower_byte(c);
      previous_cased = true;
    } else {
      previous_cased = false;
    }
  }
  return make_like(self, out);
}

Ref bytes_isalnum(Value self, Args) { return new_bool(all_bytes<is_alnum_byte>(data_of(self))); }
Ref bytes_isalpha(Value self, Args) { return new_bool(all_bytes<is_alpha_byte>(data_of(self))); }
Ref bytes_isdigit(Value self, Args) { return new_bool(all_bytes<is_digit_byte>(data_of(self))); }
Ref bytes_isspace(Value self, Args) { return new_bool(all_bytes<is_space_byte>(data_of(self))); }

Ref bytes_isascii(Value self, Args) {
  for (char c : data_of(self)) {
    if (static_cast<unsigned char>(c) >= 0x80) return new_bool(false);
  }
  return new_bool(true);
}

Ref bytes_islower(Value self, Args) {
  bool cased = false;
  for (char c : data_of(self)) {
    if (is_upper_byte(c)) return new_bool(false);
    cased = cased || is_lower_byte(c);
  }
  return new_bool(cased);
}

Ref bytes_isupper(Value self, Args) {
  bool cased = false;
  for (char c : data_of(self)) {
    if (is_lower_byte(c)) return new_bool(false);
    cased = cased || is_upper_byte(c);
  }
  return new_bool(cased);
}

Ref bytes_istitle(Value self, Args) {
  bool cased = false, previous_cased = false;
  for (char c : data_of(self)) {
    if (is_upper_byte(c)) {
      if (previous_cased) return new_bool(false);
      previous_cased = cased = true;
    } else if (is_lower_byte(c)) {
      if (!previous_cased) return new_bool(false);
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return new_bool(cased);
}

Ref bytes_center(Value self, Args args) { return pad_common(self, args, "center", 0); }
Ref bytes_ljust(Value self, Args args) { return pad_common(self, args, "ljust", 1); }
Ref bytes_rjust(Value self, Args args) { return pad_common(self, args, "rjust", 2); }

Ref bytes_zfill(Value self, Args args) {
  int64_t width;
  if (!ssize_argument(args[0], width)) return {};
  std::string_view data = data_of(self);
  if (width <= int64_t(data.size())) return unchanged(self);
  if (width > int64_t(kMaxBuiltText)) return raise_no_memory();
  std::string out;
  size_t digits = 0;
  if (!data.empty() && (data[0] == '+' || data[0] == '-')) {
    out += data[0];
    digits = 1;
  }
  out.append(size_t(width) - data.size(), '0');
  out.append(data.substr(digits));
  return make_like(self, out);
}

Ref bytes_expandtabs(Value self, Args args) {
  Value bound[1];
  if (!bind_keyword_args("expandtabs", {"tabsize"}, 0, args, bound)) return {};
  int tabsize = 8;
  if (bound[0] && !int_arg(bound[0], tabsize)) return {};
  std::string_view data = data_of(self);
  std::string out;
  int64_t column = 0;
  size_t size = 0;
  for (char c : data) {
    size += c == '\t' && tabsize > 0 ? size_t(tabsize) : 1;
    if (size > kMaxBuiltText) return raise_no_memory();
  }
  for (char c : data) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(size_t(spaces), ' ');
        column += spaces;
      }
    } else {
      out += c;
      ++column;
      if (c == '\n' || c == '\r') column = 0;
    }
  }
  return make_like(self, out);
}

Ref bytes_find(Value self, Args args) {
  std::string sub;
  int64_t start, end;
  std::string_view data;
  if (!find_args(self, "find", args, sub, start, end, data)) return {};
  return make_int(find_in(data, sub, start, end, false));
}

Ref bytes_rfind(Value self, Args args) {
  std::string sub;
  int64_t start, end;
  std::string_view data;
  if (!find_args(self, "rfind", args, sub, start, end, data)) return {};
  return make_int(find_in(data, sub, start, end, true));
}

Ref bytes_index(Value self, Args args) {
  std::string sub;
  int64_t start, end;
  std::string_view data;
  if (!find_args(self, "index", args, sub, start, end, data)) return {};
  int64_t found = find_in(data, sub, start, end, false);
  if (found < 0) return raise(&value_error_type, "subsection not found");
  return make_int(found);
}

Ref bytes_rindex(Value self, Args args) {
  std::string sub;
  int64_t start, end;
  std::string_view data;
  if (!find_args(self, "rindex", args, sub, start, end, data)) return {};
  int64_t found = find_in(data, sub, start, end, true);
  if (found < 0) return raise(&value_error_type, "subsection not found");
  return make_int(found);
}

Ref bytes_count(Value self, Args args) {
  std::string sub;
  int64_t start, end;
  std::string_view data;
  if (!find_args(self, "count", args, sub, start, end, data)) return {};
  return make_int(count_in(data, sub, start, end));
}

Ref bytes_startswith(Value self, Args args) { return affix_common<true>(self, args); }
Ref bytes_endswith(Value self, Args args) { return affix_common<false>(self, args); }

Ref bytes_strip(Value self, Args args) { return strip_common(self, args, "strip", 0); }
Ref bytes_lstrip(Value self, Args args) { return strip_common(self, args, "lstrip", 1); }
Ref bytes_rstrip(Value self, Args args) { return strip_common(self, args, "rstrip", 2); }

Ref bytes_split(Value self, Args args) { return split_common(self, args, "split", false); }
Ref bytes_rsplit(Value self, Args args) { return split_common(self, args, "rsplit", true); }

Ref bytes_splitlines(Value self, Args args) {
  Value bound[1];
  if (!bind_keyword_args("splitlines", {"keepends"}, 0, args, bound)) return {};
  int keepends = 0;
  if (bound[0] && !int_arg(bound[0], keepends)) return {};
  std::string_view data = data_of(self);
  std::vector<std::string_view> lines;
  size_t i = 0, n = data.size();
  while (i < n) {
    size_t start = i;
    while (i < n && data[i] != '\n' && data[i] != '\r') ++i;
    size_t end = i;
    if (i < n) {
      if (data[i] == '\r' && i + 1 < n && data[i + 1] == '\n') {
        i += 2;
      } else {
        ++i;
      }
      if (keepends) end = i;
    }
    lines.push_back(data.substr(start, end - start));
  }
  return list_of(self, lines);
}

Ref bytes_partition(Value self, Args args) { return partition_common(self, args[0], false); }
Ref bytes_rpartition(Value self, Args args) { return partition_common(self, args[0], true); }

Ref bytes_removeprefix(Value self, Args args) {
  std::string prefix;
  if (!bytes_arg(args[0], prefix)) return {};
  std::string_view data = data_of(self);
  if (!prefix.empty() && data.starts_with(prefix)) return make_like(self, data.substr(prefix.size()));
  return unchanged(self);
}

Ref bytes_removesuffix(Value self, Args args) {
  std::string suffix;
  if (!bytes_arg(args[0], suffix)) return {};
  std::string_view data = data_of(self);
  if (!suffix.empty() && data.ends_with(suffix)) {
    return make_like(self, data.substr(0, data.size() - suffix.size()));
  }
  return unchanged(self);
}

Ref bytes_replace(Value self, Args args) {
  if (!check_positional_args(owner_name(self), "replace", args, 2, 3)) return {};
  std::string old, replacement;
  if (!bytes_arg(args[0], old) || !bytes_arg(args[1], replacement)) return {};
  int64_t count = -1;
  if (args.count > 2 && !ssize_argument(args[2], count)) return {};
  std::string_view data = data_of(self);
  if (count == 0 || (!old.empty() && data.find(old) == std::string_view::npos)) return unchanged(self);
  size_t matches = old.empty() ? data.size() + 1 : size_t(count_in(data, old, 0, int64_t(data.size())));
  if (count >= 0 && size_t(count) < matches) matches = size_t(count);
  if (replacement.size() > old.size() &&
      matches > (kMaxBuiltText - data.size()) / (replacement.size() - old.size())) {
    return raise_no_memory();
  }
  std::string out;
  if (old.empty()) {
    // Between every byte and at both ends, at most `count` times.
    int64_t done = 0;
    for (size_t i = 0; i <= data.size(); ++i) {
      if (count < 0 || done < count) {
        out += replacement;
        ++done;
      }
      if (i < data.size()) out += data[i];
    }
    return make_like(self, out);
  }
  size_t pos = 0;
  int64_t done = 0;
  while (count < 0 || done < count) {
    size_t found = data.find(old, pos);
    if (found == std::string_view::npos) break;
    out.append(data.substr(pos, found - pos));
    out += replacement;
    pos = found + old.size();
    ++done;
  }
  out.append(data.substr(pos));
  return make_like(self, out);
}

Ref bytes_join(Value self, Args args) {
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
  std::vector<Ref> items;
  if (is_list(sequence)) {
    for (const Ref& item : as_list(sequence)->m_items) items.push_back(item);
  } else {
    for (size_t i = 0; i < tuple_size(sequence); ++i) items.push_back(ref(tuple_item(sequence, i)));
  }
  std::string separator(data_of(self));
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string_view view;
    if (!buffer_view(items[i], view)) {
      return raise_format(&type_error_type, "sequence item %zu: expected a bytes-like object, %s found",
                          i, value_type_name(items[i]).data());
    }
    if (i > 0) out += separator;
    out.append(view);
  }
  if (items.size() == 1 && is_bytes(self) && items[0].type() == &bytes_type) return items[0];
  return make_like(self, out);
}

Ref bytes_decode(Value self, Args args) {
  Value bound[2];
  if (!bind_keyword_args("decode", {"encoding", "errors"}, 0, args, bound)) return {};
  const char* names[] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i) {
    if (bound[i] && !is_str(bound[i])) {
      return raise_format(&type_error_type, "decode() argument '%s' must be str, not %s", names[i],
                          arg_type_name(bound[i]));
    }
    if (bound[i] && !check_utf8_encodable(bound[i])) return {};
  }
  return decode_text(data_of(self), bound[0] ? str_view(bound[0]) : "utf-8",
                     bound[1] ? str_view(bound[1]) : "strict");
}

Ref bytes_hex(Value self, Args args) {
  Value bound[2];
  if (!bind_keyword_args("hex", {"sep", "bytes_per_sep"}, 0, args, bound)) return {};
  int per_group = 1;
  if (bound[1] && !int_arg(bound[1], per_group)) return {};
  char separator = 0;
  if (bound[0]) {
    // As _Py_strhex_impl: len(sep) must be 1, then str or bytes, ASCII.
    Value sep = bound[0];
    std::string_view text;
    bool is_text = is_str(sep);
    if (is_text) {
      text = str_view(sep);
    } else if (!buffer_view(sep, text)) {
      std::optional<int64_t> size = length(sep);
      if (!size || error_pending()) return {};
      if (*size != 1) return raise(&value_error_type, "sep must be length 1.");
      return raise(&type_error_type, "sep must be str or bytes.");
    }
    if ((is_text ? str_len(sep) : text.size()) != 1) {
      return raise(&value_error_type, "sep must be length 1.");
    }
    if (!is_text && !is_bytes(sep)) return raise(&type_error_type, "sep must be str or bytes.");
    if (static_cast<unsigned char>(text[0]) >= 0x80) return raise(&value_error_type, "sep must be ASCII.");
    separator = text[0];
  }
  std::string_view data = data_of(self);
  static const char digits[] = "0123456789abcdef";
  std::string out;
  size_t n = data.size();
  int64_t group = per_group < 0 ? -int64_t(per_group) : per_group;
  bool grouped = separator != 0 && group != 0;
  for (size_t i = 0; i < n; ++i) {
    if (grouped && i > 0) {
      // Groups count from the right for a positive bytes_per_sep.
      bool boundary = per_group < 0 ? i % size_t(group) == 0 : (n - i) % size_t(group) == 0;
      if (boundary) out += separator;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return make_str(out, out.size(), true);
}

Ref bytes_fromhex(Value type_object, Args args) {
  Value text = args[0];
  if (!is_str(text)) {
    return raise_format(&type_error_type, "fromhex() argument must be str, not %s",
                        arg_type_name(text));
  }
  std::string_view hex = str_view(text);
  std::string out;
  size_t pos = 0, index = 0;  // byte offset and code-point position
  auto next = [&]() -> char32_t {
    ++index;
    return decode_utf8(hex, pos);
  };
  while (pos < hex.size()) {
    size_t at = index;
    char32_t c = next();
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    int high = hex_digit(c);
    if (high < 0) {
      return raise_format(&value_error_type,
                          "non-hexadecimal number found in fromhex() arg at position %zu", at);
    }
    at = index;
    int low = pos < hex.size() ? hex_digit(next()) : -1;
    if (low < 0) {
      return raise_format(&value_error_type,
                          "non-hexadecimal number found in fromhex() arg at position %zu", at);
    }
    out += static_cast<char>(high << 4 | low);
  }
  Type* type = type_object.as<Type>();
  Ref result = is_subtype(type, &bytearray_type) ? make_bytearray(out) : make_bytes(out);
  if (!result) return {};
  if (type == &bytes_type || type == &bytearray_type) return result;
  return call(type_object, {result.get()});
}

Ref bytes_maketrans(Value, Args args) {
  if (!check_positional_args("bytes", "maketrans", args, 2, 2)) return {};
  std::string from, to;
  if (!bytes_arg(args[0], from) || !bytes_arg(args[1], to)) return {};
  if (from.size() != to.size()) return raise(&value_error_type, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return make_bytes(table);
}

Ref bytes_translate(Value self, Args args) {
  // translate(table, /, delete=b''): bound by hand, the table being
  // positional-only.
  size_t keywords = keyword_count(args);
  if (args.count == 0) {
    return raise(&type_error_type, "translate() takes at least 1 positional argument (0 given)");
  }
  if (args.count + keywords > 2) {
    return raise_format(&type_error_type, "translate() takes at most 2 arguments (%zu given)",
                        args.count + keywords);
  }
  Value table_arg = args[0];
  Value delete_arg = args.count > 1 ? args[1] : Value();
  for (size_t k = 0; k < keywords; ++k) {
    std::string_view name = str_view(tuple_item(args.kwnames, k));
    if (name == "delete" && !delete_arg) {
      delete_arg = args.items[args.count + k];
    } else if (name == "delete") {
      return raise(&type_error_type, "argument for translate() given by name ('delete') and position (2)");
    } else {
      Ref name_repr = repr(tuple_item(args.kwnames, k));
      if (!name_repr) return {};
      return raise_format(&type_error_type, "%s is an invalid keyword argument for translate()",
                          str_cstr(name_repr));
    }
  }
  std::string table, remove;
  bool has_table = !is_none(table_arg);
  if (has_table) {
    if (!bytes_arg(table_arg, table)) return {};
    if (table.size() != 256) return raise(&value_error_type, "translation table must be 256 characters long");
  }
  if (delete_arg && !bytes_arg(delete_arg, remove)) return {};
  bool drop[256] = {};
  for (char c : remove) drop[static_cast<unsigned char>(c)] = true;
  std::string_view data = data_of(self);
  std::string out;
  out.reserve(data.size());
  for (char c : data) {
    unsigned char u = static_cast<unsigned char>(c);
    if (drop[u]) continue;
    out += has_table ? table[u] : c;
  }
  if (out == data && remove.empty() && !has_table) return unchanged(self);
  return make_like(self, out);
}

// ============================================================ bytes slots

namespace {

Ref bytes_repr_slot(Value self) {
  std::string text = bytes_repr(bytes_view(self));
  return make_str(text, text.size(), true);
}

std::optional<int64_t> bytes_hash_slot(Value self) {
  BytesObject* b = self.as<BytesObject>();
  if (b->m_hash == -1) b->m_hash = hash_bytes(b->m_data, b->m_size);
  return b->m_hash;
}

Ref bytes_richcompare(Value a, Value b, CompareOp op) {
  if (!is_bytes(a) || !is_bytes(b)) return Ref::borrow(not_implemented());
  std::string_view x = bytes_view(a), y = bytes_view(b);
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

Ref bytes_add(Value a, Value b) {
  if (!is_bytes(a)) return Ref::borrow(not_implemented());
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
  std::string_view left = bytes_view(a);
  if (right.empty() && a.type() == &bytes_type) return ref(a);
  if (left.empty() && is_bytes(b) && b.type() == &bytes_type) return ref(b);
  if (left.size() + right.size() > kMaxBytes) return raise_no_memory();
  BytesObject* result = new_bytes_object(&bytes_type, left.size() + right.size());
  if (result == nullptr) return {};
  std::memcpy(result->m_data, left.data(), left.size());
  std::memcpy(result->m_data + left.size(), right.data(), right.size());
  return Ref::steal(result);
}

bool is_bytes_value(Value v) { return is_bytes(v); }

Ref bytes_multiply(Value a, Value b) {
  Value seq;
  int64_t count = 0;
  Ref result;
  int status = sequence_repeat_operands(a, b, is_bytes_value, BinaryOp::Multiply, seq, count, result);
  if (status <= 0) return result;
  std::string_view data = bytes_view(seq);
  if (count <= 0 || data.empty()) return make_bytes({});
  if (count == 1 && seq.type() == &bytes_type) return ref(seq);
  if (data.size() > kMaxBytes / size_t(count)) {
    // CPython: too long for a Py_ssize_t is an OverflowError, merely too
    // big to allocate a MemoryError.
    if (data.size() > size_t(INT64_MAX) / size_t(count)) {
      return raise(&overflow_error_type, "repeated bytes are too long");
    }
    return raise_no_memory();
  }
  BytesObject* out = new_bytes_object(&bytes_type, data.size() * size_t(count));
  if (out == nullptr) return {};
  size_t total = data.size() * size_t(count);
  std::memcpy(out->m_data, data.data(), data.size());
  for (size_t done = data.size(); done < total;) {
    size_t chunk = std::min(done, total - done);
    std::memcpy(out->m_data + done, out->m_data, chunk);
    done += chunk;
  }
  return Ref::steal(out);
}

Ref bytes_remainder(Value a, Value b) {
  if (!is_bytes(a)) return Ref::borrow(not_implemented());
  std::string out;
  if (!bytes_percent_format(bytes_view(a), b, out)) return {};
  return make_bytes(out);
}

std::optional<int64_t> bytes_length_slot(Value self) { return int64_t(bytes_view(self).size()); }

int bytes_contains_slot(Value self, Value item) {
  if (has_index(item)) {
    unsigned char byte;
    if (!byte_value(item, "byte must be in range(0, 256)", byte)) return -1;
    return bytes_view(self).find(static_cast<char>(byte)) != std::string_view::npos;
  }
  std::string needle;
  if (!bytes_arg(item, needle)) return -1;
  return bytes_view(self).find(needle) != std::string_view::npos;
}

Ref bytes_getitem(Value self, Value key) {
  std::string_view data = bytes_view(self);
  if (has_index(key)) {
    int64_t i;
    if (!index_as_ssize(key, &index_error_type, i)) return {};
    if (i < 0) i += int64_t(data.size());
    if (i < 0 || i >= int64_t(data.size())) return raise(&index_error_type, "index out of range");
    return Ref::small_int(static_cast<unsigned char>(data[size_t(i)]));
  }
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, int64_t(data.size()), start, stop, step, count)) return {};
    if (step == 1) {
      if (count == int64_t(data.size()) && self.type() == &bytes_type) return ref(self);
      return make_bytes(data.substr(size_t(start), size_t(count)));
    }
    std::string out;
    out.reserve(size_t(count));
    int64_t i = start;
    for (int64_t n = 0; n < count; ++n) {
      out += data[size_t(i)];
      if (n + 1 < count) i += step;
    }
    return make_bytes(out);
  }
  return raise_format(&type_error_type, "byte indices must be integers or slices, not %s",
                      value_type_name(key).data());
}

Ref bytes_new(Type* type, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Args args{argv, nargs, kwnames};
  Value bound[3];
  if (!bind_keyword_args("bytes", {"source", "encoding", "errors"}, 0, args, bound)) return {};
  const char* names[] = {"encoding", "errors"};
  for (int i = 1; i <= 2; ++i) {
    if (bound[i] && !is_str(bound[i])) {
      return raise_format(&type_error_type, "bytes() argument '%s' must be str, not %s",
                          names[i - 1], arg_type_name(bound[i]));
    }
    if (bound[i] && !check_utf8_encodable(bound[i])) return {};
  }
  Value source = bound[0], encoding = bound[1], errors = bound[2];
  Ref result;
  std::string data;
  if (!source) {
    if (encoding || errors) {
      return raise(&type_error_type, encoding ? "encoding without a string argument"
                                              : "errors without a string argument");
    }
  } else if (encoding) {
    if (!is_str(source)) return raise(&type_error_type, "encoding without a string argument");
    result = encode_text(source, str_view(encoding), errors ? str_view(errors) : "strict");
    if (!result) return {};
  } else if (errors) {
    return raise(&type_error_type, is_str(source) ? "string argument without an encoding"
                                                  : "errors without a string argument");
  } else {
    bool found = false;
    Ref converted = call_special(source, "__bytes__", {}, found);
    if (found) {
      if (!converted) return {};
      if (!is_bytes(converted)) {
        return raise_format(&type_error_type, "__bytes__ returned non-bytes (type %s)",
                            value_type_name(converted).data());
      }
      result = std::move(converted);
    } else if (error_pending()) {
      return {};
    } else if (is_str(source)) {
      return raise(&type_error_type, "string argument without an encoding");
    } else if (has_index(source)) {
      int64_t size = 0;
      Ref integer = index(source);
      if (!integer) return {};
      if (!int_fits_int64(integer, size)) {
        return raise(&overflow_error_type, "cannot fit 'int' into an index-sized integer");
      }
      if (size < 0) return raise(&value_error_type, "negative count");
      if (size_t(size) > kMaxBytes) return raise_no_memory();
      BytesObject* zeros = new_bytes_object(&bytes_type, size_t(size));
      if (zeros == nullptr) return {};
      std::memset(zeros->m_data, 0, size_t(size));
      result = Ref::steal(zeros);
    } else {
      std::string_view view;
      if (buffer_view(source, view)) {
        data.assign(view);
      } else if (!bytes_from_iterable(source, "bytes", "bytes must be in range(0, 256)", data)) {
        return {};
      }
    }
  }
  if (!result) {
    if (type == &bytes_type) return make_bytes(data);
    return make_bytes_of_type(type, data);
  }
  if (type == &bytes_type) return result;
  return make_bytes_of_type(type, bytes_view(result));
}

// --- bytes-only methods

Ref bytes_dunder_bytes(Value self, Args) {
  if (self.type() == &bytes_type) return ref(self);
  return make_bytes(bytes_view(self));
}

Ref bytes_getnewargs(Value self, Args) {
  Ref copy = make_bytes(bytes_view(self));
  if (!copy) return {};
  return make_tuple({copy.get()});
}

Ref bytes_sizeof(Value self, Args) { return make_int(int64_t(33 + bytes_view(self).size())); }

// --- the iterator

struct BytesIteratorObject : Object {
  Ref m_bytes;  // null once exhausted
  size_t m_index;
};

Ref bytes_iter(Value self) {
  Object* object = allocate_object(&bytes_iterator_type);
  if (object == nullptr) return raise_no_memory();
  BytesIteratorObject* iterator = static_cast<BytesIteratorObject*>(object);
  iterator->m_bytes = ref(self);
  iterator->m_index = 0;
  return Ref::steal(iterator);
}

Ref bytes_iterator_self(Value self) { return ref(self); }

Ref bytes_iterator_next(Value self) {
  BytesIteratorObject* iterator = self.as<BytesIteratorObject>();
  if (!iterator->m_bytes) return {};
  std::string_view data = bytes_view(iterator->m_bytes);
  if (iterator->m_index >= data.size()) {
    iterator->m_bytes.reset();
    return {};
  }
  return Ref::small_int(static_cast<unsigned char>(data[iterator->m_index++]));
}

Ref bytes_iterator_length_hint(Value self, Args) {
  BytesIteratorObject* iterator = self.as<BytesIteratorObject>();
  if (!iterator->m_bytes) return Ref::small_int(0);
  return Ref::small_int(int64_t(bytes_view(iterator->m_bytes).size() - iterator->m_index));
}

void bytes_iterator_destroy(Object* o) { static_cast<BytesIteratorObject*>(o)->~BytesIteratorObject(); }

void bytes_iterator_traverse(Object* o, VisitFn visit, void* context) {
  BytesIteratorObject* iterator = static_cast<BytesIteratorObject*>(o);
  if (iterator->m_bytes) visit(iterator->m_bytes, context);
}

void bytes_iterator_clear(Object* o) { static_cast<BytesIteratorObject*>(o)->m_bytes.reset(); }

const MethodDef bytes_iterator_methods[] = {
    {"__length_hint__", bytes_iterator_length_hint, ArgKind::NoArgs,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, ArgKind::NoArgs},
};

void bytes_destroy(Object*) {
  // A bytes body is plain data: nothing to destroy.
}

const MethodDef bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, ArgKind::NoArgs},
    {"__bytes__", bytes_dunder_bytes, ArgKind::NoArgs, "Convert this value to exact type bytes."},
    {"__sizeof__", bytes_sizeof, ArgKind::NoArgs, "Return the size of the bytes in memory, in bytes."},
    {"capitalize", bytes_capitalize, ArgKind::NoArgs},
    {"center", bytes_center, ArgKind::Keywords},
    {"count", bytes_count, ArgKind::Keywords},
    {"decode", bytes_decode, ArgKind::Keywords},
    {"endswith", bytes_endswith, ArgKind::Keywords},
    {"expandtabs", bytes_expandtabs, ArgKind::Keywords},
    {"find", bytes_find, ArgKind::Keywords},
    {"fromhex", bytes_fromhex, ArgKind::OneArg, nullptr, kMethodClass},
    {"hex", bytes_hex, ArgKind::Keywords},
    {"index", bytes_index, ArgKind::Keywords},
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
    {"replace", bytes_replace, ArgKind::Keywords},
    {"removeprefix", bytes_removeprefix, ArgKind::OneArg},
    {"removesuffix", bytes_removesuffix, ArgKind::OneArg},
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

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

Type bytes_type = {
    .m_tp_name = "bytes",
    .m_doc = "bytes(iterable_of_ints) -> bytes\n"
             "bytes(string, encoding[, errors]) -> bytes\n"
             "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
             "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
             "bytes() -> empty bytes object\n"
             "\n"
             "Construct an immutable array of bytes from:\n"
             "  - an iterable yielding integers in range(256)\n"
             "  - a text string encoded using the specified encoding\n"
             "  - any object implementing the buffer API.\n"
             "  - an integer",
    .m_flags = kTypeBaseType | kTypeBytesSubclass | kTypeImmutable,
    .m_size = sizeof(BytesObject),
    .m_item_size = 1,
    .m_methods = bytes_methods,
    .m_destroy = bytes_destroy,
    .m_repr = bytes_repr_slot,
    .m_hash = bytes_hash_slot,
    .m_richcompare = bytes_richcompare,
    .m_iter = bytes_iter,
    .m_new = bytes_new,
    .m_binary = {bytes_add, nullptr, nullptr, nullptr, nullptr, bytes_multiply, bytes_remainder},
    .m_length = bytes_length_slot,
    .m_getitem = bytes_getitem,
    .m_contains = bytes_contains_slot,
};

Type bytes_iterator_type = {
    .m_tp_name = "bytes_iterator",
    .m_flags = kTypeHasGC | kTypeImmutable,
    .m_size = sizeof(BytesIteratorObject),
    .m_methods = bytes_iterator_methods,
    .m_destroy = bytes_iterator_destroy,
    .m_traverse = bytes_iterator_traverse,
    .m_clear = bytes_iterator_clear,
    .m_iter = bytes_iterator_self,
    .m_iternext = bytes_iterator_next,
};

#pragma GCC diagnostic pop

COIL_REGISTER_TYPE(bytes_type);
COIL_REGISTER_TYPE(bytes_iterator_type);

}  // namespace coil
