// The `_pcre` module: the matching engine under `re` (lib/re.py), on PCRE2.
//
// lib/re.py translates a Python pattern into PCRE2's syntax, checks it and
// keeps the Python-facing API (Pattern, Match, sub templates, split…); this
// file compiles the translated pattern and runs one match at a time:
//
//   code = _pcre.compile(translated, options, is_bytes)
//   code.match(string, pos, endpos, mode, not_empty_at_start)
//       -> (start0, end0, start1, end1, …) or None    (-1 for an unset group)
//
// mode 0 anchors at pos (re.match), 1 searches (re.search), 2 anchors at both
// ends (re.fullmatch). code.findall and code.spans run a whole scan here, with
// CPython's rule for empty matches, so that findall, sub and split create no
// Match object per match. str subjects are matched as UTF-8 (PCRE2's UTF mode)
// and positions are code points, converted from PCRE2's byte offsets through
// a cursor kept per code object: successive conversions walk from the last
// one, so finditer over a long string costs O(n) in all, not O(n^2). The
// subject's UTF-8 is checked by PCRE2 once, when a new subject is first seen.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

namespace {

struct Cursor {
  size_t chars = 0;
  size_t bytes = 0;
};

struct PcreCodeObject : Object {
  pcre2_code* m_code = nullptr;
  pcre2_match_data* m_match_data = nullptr;
  bool m_bytes = false;
  uint32_t m_groups = 0;
  // The conversion cursor: the subject last matched (kept alive so that its
  // identity is not reused) and one code point / byte offset pair in it.
  // m_cursor follows the matches, m_end_cursor the end positions.
  Ref m_subject;
  Cursor m_cursor, m_end_cursor;
};

Type pcre_code_type;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Moves `cursor` to code point `chars` of `text` (walking from where it is,
// or from the start when that is nearer) and returns its byte offset.
size_t char_to_byte(Cursor& cursor, std::string_view text, size_t chars) {
  size_t c = cursor.chars, b = cursor.bytes;
  if (chars < c / 2) c = b = 0;
  while (c < chars && b < text.size()) {
    ++b;
    while (b < text.size() && is_continuation(text[b])) ++b;
    ++c;
  }
  while (c > chars) {
    --b;
    while (b > 0 && is_continuation(text[b])) --b;
    --c;
  }
  cursor = {c, b};
  return b;
}

// Moves `cursor` to byte offset `bytes` (a character boundary) of `text`
// and returns its code point index.
size_t byte_to_char(Cursor& cursor, std::string_view text, size_t bytes) {
  size_t c = cursor.chars, b = cursor.bytes;
  if (bytes < b / 2) c = b = 0;
  while (b < bytes) {
    ++b;
    while (b < text.size() && is_continuation(text[b])) ++b;
    ++c;
  }
  while (b > bytes) {
    --b;
    while (b > 0 && is_continuation(text[b])) --b;
    --c;
  }
  cursor = {c, b};
  return c;
}

// Starts the cursors over when `subject` is not the one last seen; returns
// true if it is (its UTF-8 was checked then).
bool same_subject(PcreCodeObject* code, Value subject) {
  if (code->m_subject.get().is(subject)) return true;
  code->m_subject = ref(subject);
  code->m_cursor = code->m_end_cursor = Cursor{};
  return false;
}

// _pcre.compile(pattern, options, is_bytes) -> code, or raises
// ValueError(message, offset) that lib/re.py turns into re.error.
Ref pcre_compile(Value, Args args) {
  if (!check_positional("compile", args, 3, 3)) return {};
  std::string_view pattern;
  bool is_bytes_pattern = is_true(args[2]) > 0;
  if (is_str(args[0])) {
    pattern = str_view(args[0]);
  } else if (!buffer_view(args[0], pattern)) {
    return {};
  }
  int64_t options;
  if (!is_int(args[1]) || !int_fits_int64(args[1], options)) {
    return raise(&type_error_type, "options must be an int");
  }
  uint32_t flags = uint32_t(options);
  // A str may hold lone surrogates (encoded as three bytes, as in UTF-8 but
  // not valid UTF-8): with MATCH_INVALID_UTF such a character never matches
  // anything, rather than failing the whole match.
  if (!is_bytes_pattern) flags |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  if (context == nullptr) return raise_no_memory();
  pcre2_set_newline(context, PCRE2_NEWLINE_LF);
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                       flags, &error_code, &error_offset, context);
  pcre2_compile_context_free(context);
  if (compiled == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    Ref text = make_str(reinterpret_cast<const char*>(message));
    if (!text) return {};
    Ref offset = make_int(int64_t(error_offset));
    Ref arguments = make_tuple({text, offset});
    if (!arguments) return {};
    Ref exception = call(Value(&value_error_type), tuple_item_pointer(arguments), 2);
    if (!exception) return {};
    return raise_value(exception);
  }
  pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);  // a failure leaves the interpreter
  Object* object = allocate_object(&pcre_code_type);
  if (object == nullptr) {
    pcre2_code_free(compiled);
    return raise_no_memory();
  }
  auto* code = construct_body<PcreCodeObject>(object);
  code->m_code = compiled;
  code->m_bytes = is_bytes_pattern;
  pcre2_pattern_info(compiled, PCRE2_INFO_CAPTURECOUNT, &code->m_groups);
  code->m_match_data = pcre2_match_data_create_from_pattern(compiled, nullptr);
  if (code->m_match_data == nullptr) {
    Ref owner = Ref::steal(object);
    return raise_no_memory();
  }
  return Ref::steal(object);
}

// code.groupindex() -> {name: number}
Ref pcre_code_groupindex(Value self, Args) {
  auto* code = self.as<PcreCodeObject>();
  Ref result = make_dict();
  if (!result) return {};
  uint32_t count = 0, entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(code->m_code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(code->m_code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(code->m_code, PCRE2_INFO_NAMETABLE, &table);
  for (uint32_t i = 0; i < count; ++i) {
    PCRE2_SPTR entry = table + size_t(i) * entry_size;
    int number = (entry[0] << 8) | entry[1];
    Ref name = make_str(reinterpret_cast<const char*>(entry + 2));
    if (!name) return {};
    Ref index = make_int(int64_t(number));
    if (!dict_setitem(result, name, index)) return {};
  }
  return result;
}

Ref pcre_code_groups(Value self) { return make_int(int64_t(self.as<PcreCodeObject>()->m_groups)); }

// The bytes of `subject` for this code, or false with TypeError pending.
bool subject_text(PcreCodeObject* code, Value subject, std::string_view& text) {
  if (code->m_bytes) {
    if (is_str(subject)) {
      raise(&type_error_type, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    return buffer_view(subject, text);
  }
  if (!is_str(subject)) {
    if (subject.is_object() && (is_bytes(subject) || is_bytearray(subject))) {
      raise(&type_error_type, "cannot use a string pattern on a bytes-like object");
    } else {
      raise_type_error_for("expected string or bytes-like object, got '%s'", subject);
    }
    return false;
  }
  text = str_view(subject);
  return true;
}

// One match attempt over text[..end_byte) from start_byte: the number of
// groups set (> 0), 0 for no match, -1 with an exception pending.
// mode: 0 anchored at the start (re.match), 1 search, 2 anchored at both ends.
int run_match(PcreCodeObject* code, Value subject, std::string_view text, size_t start_byte,
              size_t end_byte, int64_t mode, bool not_empty) {
  uint32_t options = 0;
  if (same_subject(code, subject) && !code->m_bytes) {
    options |= PCRE2_NO_UTF_CHECK;  // checked when first seen
  }
  if (mode == 0) options |= PCRE2_ANCHORED;
  if (mode == 2) options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
  if (not_empty) options |= PCRE2_NOTEMPTY_ATSTART;
  int rc = pcre2_match(code->m_code, reinterpret_cast<PCRE2_SPTR>(text.data()), end_byte, start_byte,
                       options, code->m_match_data, nullptr);
  if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return 0;
  if (rc < 0) {
    // Another subject next time may be fine; check this one again then.
    code->m_subject.reset();
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(rc, message, sizeof message);
    raise_format(&runtime_error_type, "regular expression matching failed: %s",
                 reinterpret_cast<const char*>(message));
    return -1;
  }
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(code->m_match_data);
  // At a lone surrogate PCRE2 moves an anchored match on to the next valid
  // character; for re.match that is no match.
  if (mode != 1 && ovector[0] != start_byte) return 0;
  if (mode == 2 && ovector[1] != end_byte) return 0;
  return rc;
}

// The arguments (string, pos, endpos, …) common to the matching methods:
// the subject's bytes and the byte range of [pos, endpos) (code points,
// already clamped by lib/re.py).
bool match_arguments(PcreCodeObject* code, Args args, std::string_view& text, bool& ascii,
                     size_t& start_byte, size_t& end_byte) {
  Value subject = args[0];
  if (!subject_text(code, subject, text)) return false;
  int64_t pos, endpos;
  if (!int_fits_int64(args[1], pos) || !int_fits_int64(args[2], endpos) || pos < 0 || endpos < 0) {
    raise(&type_error_type, "positions must be non-negative ints");
    return false;
  }
  ascii = code->m_bytes || str_is_ascii(subject);
  same_subject(code, subject);
  start_byte = ascii ? std::min(size_t(pos), text.size()) : char_to_byte(code->m_cursor, text, size_t(pos));
  end_byte = ascii                                  ? std::min(size_t(endpos), text.size())
             : size_t(endpos) >= str_len(subject) ? text.size()
                                                  : char_to_byte(code->m_end_cursor, text, size_t(endpos));
  if (start_byte > end_byte) start_byte = end_byte;
  return true;
}

// The spans of the last match as a flat tuple of code point offsets.
Ref match_spans(PcreCodeObject* code, std::string_view text, bool ascii, int rc) {
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(code->m_match_data);
  size_t count = size_t(code->m_groups) + 1;
  Ref result = make_tuple(2 * count);
  if (!result) return {};
  for (size_t i = 0; i < 2 * count; ++i) {
    int64_t offset = -1;
    if (i < 2 * size_t(rc) && ovector[i] != PCRE2_UNSET) {
      offset = ascii ? int64_t(ovector[i]) : int64_t(byte_to_char(code->m_cursor, text, ovector[i]));
    }
    tuple_set(result, i, make_int(offset));
  }
  return result;
}

// code.match(string, pos, endpos, mode, not_empty_at_start) -> spans or None
Ref pcre_code_match(Value self, Args args) {
  if (!check_positional("match", args, 5, 5)) return {};
  auto* code = self.as<PcreCodeObject>();
  std::string_view text;
  bool ascii;
  size_t start_byte, end_byte;
  if (!match_arguments(code, args, text, ascii, start_byte, end_byte)) return {};
  int64_t mode;
  if (!int_fits_int64(args[3], mode)) return raise(&type_error_type, "mode must be an int");
  int rc = run_match(code, args[0], text, start_byte, end_byte, mode, is_true(args[4]) > 0);
  if (rc < 0) return {};
  if (rc == 0) return new_none();
  return match_spans(code, text, ascii, rc);
}

// Group `group` of the last match as a str or bytes ('' if it did not take part).
Ref group_text(PcreCodeObject* code, std::string_view text, int rc, size_t group) {
  PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(code->m_match_data);
  std::string_view piece;
  if (group < size_t(rc) && ovector[2 * group] != PCRE2_UNSET) {
    piece = text.substr(ovector[2 * group], ovector[2 * group + 1] - ovector[2 * group]);
  }
  return code->m_bytes ? make_bytes(piece) : make_str(piece);
}

// Runs `visit(rc)` for each match of a scan over [pos, endpos), with
// CPython 3.7+'s rule for empty matches: one may follow a non-empty match at
// the same place, but no two empty matches share a position. Stops after
// `limit` matches (0: no limit). False with an exception pending.
template <class Visit>
bool scan(PcreCodeObject* code, Value subject, std::string_view text, size_t start_byte,
          size_t end_byte, size_t limit, Visit&& visit) {
  bool not_empty = false;
  size_t found = 0;
  while (start_byte <= end_byte && (limit == 0 || found < limit)) {
    int rc = run_match(code, subject, text, start_byte, end_byte, 1, not_empty);
    if (rc < 0) return false;
    if (rc == 0) break;
    ++found;
    if (!visit(rc)) return false;
    PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(code->m_match_data);
    not_empty = ovector[0] == ovector[1];
    start_byte = ovector[1];
  }
  return true;
}

// code.findall(string, pos, endpos): Pattern.findall, without a Match per match.
Ref pcre_code_findall(Value self, Args args) {
  if (!check_positional("findall", args, 3, 3)) return {};
  auto* code = self.as<PcreCodeObject>();
  std::string_view text;
  bool ascii;
  size_t start_byte, end_byte;
  if (!match_arguments(code, args, text, ascii, start_byte, end_byte)) return {};
  Ref result = make_list();
  if (!result) return {};
  uint32_t groups = code->m_groups;
  bool ok = scan(code, args[0], text, start_byte, end_byte, 0, [&](int rc) {
    Ref item;
    if (groups <= 1) {
      item = group_text(code, text, rc, groups);
    } else {
      item = make_tuple(groups);
      if (!item) return false;
      for (uint32_t g = 1; g <= groups; ++g) {
        Ref piece = group_text(code, text, rc, g);
        if (!piece) return false;
        tuple_set(item, g - 1, std::move(piece));
      }
    }
    if (!item) return false;
    list_append(result, std::move(item));
    return true;
  });
  if (!ok) return {};
  return result;
}

// code.spans(string, pos, endpos, limit): the spans of every match of a
// scan (at most `limit`, 0 for all), for sub and split.
Ref pcre_code_spans(Value self, Args args) {
  if (!check_positional("spans", args, 4, 4)) return {};
  auto* code = self.as<PcreCodeObject>();
  std::string_view text;
  bool ascii;
  size_t start_byte, end_byte;
  if (!match_arguments(code, args, text, ascii, start_byte, end_byte)) return {};
  int64_t limit;
  if (!int_fits_int64(args[3], limit) || limit < 0) limit = 0;
  Ref result = make_list();
  if (!result) return {};
  bool ok = scan(code, args[0], text, start_byte, end_byte, size_t(limit), [&](int rc) {
    Ref spans = match_spans(code, text, ascii, rc);
    if (!spans) return false;
    list_append(result, std::move(spans));
    return true;
  });
  if (!ok) return {};
  return result;
}

// code.slice(string, start, end): string[start:end] for 0 <= start <= end
// <= len(string), through the cursor: str slicing from the start is O(n) on
// UTF-8, which would make findall, sub and split quadratic.
Ref pcre_code_slice(Value self, Args args) {
  if (!check_positional("slice", args, 3, 3)) return {};
  auto* code = self.as<PcreCodeObject>();
  Value subject = args[0];
  int64_t start, end;
  if (!int_fits_int64(args[1], start) || !int_fits_int64(args[2], end)) {
    return raise(&type_error_type, "positions must be ints");
  }
  if (!is_str(subject) || str_is_ascii(subject) || !code->m_subject.get().is(subject)) {
    Ref slice_object = make_slice(args[1], args[2], none());
    if (!slice_object) return {};
    return getitem(subject, slice_object);
  }
  std::string_view text = str_view(subject);
  if (start < 0 || end < start || size_t(end) > str_len(subject)) return raise(&value_error_type, "bad slice");
  size_t start_byte = char_to_byte(code->m_cursor, text, size_t(start));
  size_t end_byte = char_to_byte(code->m_cursor, text, size_t(end));
  return make_str(text.substr(start_byte, end_byte - start_byte));
}

void pcre_code_destroy(Object* object) {
  auto* code = static_cast<PcreCodeObject*>(object);
  if (code->m_match_data) pcre2_match_data_free(code->m_match_data);
  if (code->m_code) pcre2_code_free(code->m_code);
  code->~PcreCodeObject();
}

const MethodDef kPcreCodeMethods[] = {
    {"match", pcre_code_match, ArgKind::VarArgs},
    {"groupindex", pcre_code_groupindex, ArgKind::NoArgs},
    {"slice", pcre_code_slice, ArgKind::VarArgs},
    {"findall", pcre_code_findall, ArgKind::VarArgs},
    {"spans", pcre_code_spans, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

const GetSetDef kPcreCodeGetSet[] = {
    {"groups", pcre_code_groups},
    {nullptr, nullptr},
};

const MethodDef kPcreFunctions[] = {
    {"compile", pcre_compile, ArgKind::VarArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

bool init_pcre(Value module) {
  if (!module_add_functions(module, kPcreFunctions)) return false;
  Value dict = module_dict(module);
  struct Constant {
    const char* name;
    uint32_t value;
  };
  const Constant constants[] = {
      {"CASELESS", PCRE2_CASELESS}, {"MULTILINE", PCRE2_MULTILINE}, {"DOTALL", PCRE2_DOTALL},
      {"EXTENDED", PCRE2_EXTENDED}, {"UCP", PCRE2_UCP},
  };
  for (const Constant& constant : constants) {
    Ref value = make_int(int64_t(constant.value));
    if (!value || !dict_setitem_str(dict, constant.name, value)) return false;
  }
  return true;
}

}  // namespace

static struct PcreTypesSetup {
  PcreTypesSetup() {
    pcre_code_type.m_tp_name = "_pcre.Code";
    pcre_code_type.m_size = sizeof(PcreCodeObject);
    pcre_code_type.m_destroy = pcre_code_destroy;
    pcre_code_type.m_methods = kPcreCodeMethods;
    pcre_code_type.m_getset = kPcreCodeGetSet;
  }
} pcre_types_setup;

COIL_REGISTER_TYPE(pcre_code_type);
COIL_REGISTER_MODULE("_pcre", init_pcre);

}  // namespace coil
