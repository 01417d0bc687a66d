// The `time` module, as CPython 3.11's Modules/timemodule.c (and, for
// strptime, Lib/_strptime.py in the C locale).
//
// time(), monotonic() and perf_counter() and their _ns forms read coil's one
// clock (runtime/loop/clock.h), so that under virtual time sleep() returns
// at once and the readings advance by what was slept. The CPU clocks
// (process_time, thread_time) always read the real ones.
//
// Calendar conversions go through the C library (gmtime_r, localtime_r,
// mktime, strftime) as CPython's do, so they agree with it on this system,
// including the time zone CPython would see.
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <regex>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exception.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/loop/clock.h"
#include "runtime/signals.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil {

// --- struct_time --------------------------------------------------------------
//
// A tuple of its 9 visible fields, like CPython's structseq: two more fields
// (tm_zone, tm_gmtoff) are stored after them, outside the tuple's size, and
// reachable only as attributes.

namespace {

constexpr size_t kVisibleFields = 9;
constexpr size_t kAllFields = 11;

const char* const kFieldNames[kAllFields] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour",
                                             "tm_min",  "tm_sec",  "tm_wday", "tm_yday",
                                             "tm_isdst", "tm_zone", "tm_gmtoff"};

Value* struct_time_items(Value self) { return self.as<TupleObject>()->m_items; }

void struct_time_destroy(Object* object) {
  auto* tuple = static_cast<TupleObject*>(object);
  for (size_t i = 0; i < kAllFields; ++i) decref(tuple->m_items[i]);
}

void struct_time_traverse(Object* object, VisitFn visit, void* context) {
  auto* tuple = static_cast<TupleObject*>(object);
  for (size_t i = 0; i < kAllFields; ++i) {
    if (tuple->m_items[i]) visit(tuple->m_items[i], context);
  }
}

}  // namespace

extern Type struct_time_type;

namespace {

// A struct_time holding `items` (kAllFields values, owned references given).
Ref make_struct_time(Ref (&items)[kAllFields]) {
  Object* object = allocate_object(&struct_time_type, kAllFields);
  if (object == nullptr) return raise_no_memory();
  auto* tuple = static_cast<TupleObject*>(object);
  tuple->m_size = kVisibleFields;
  for (size_t i = 0; i < kAllFields; ++i) tuple->m_items[i] = items[i] ? items[i].release() : Ref(new_none()).release();
  return Ref::steal(object);
}

Ref struct_time_new(Type* type, const Value* args, size_t nargs, TupleObject* kwnames) {
  static const ArgSpec spec{"structseq", {"sequence", "dict"}, 0, SIZE_MAX, 1};
  Value bound[2] = {};
  if (!bind_arguments(spec, Args{args, nargs, kwnames}, bound)) return {};
  Ref sequence;
  if (is_list(bound[0]) || is_tuple(bound[0])) {
    sequence = ref(bound[0]);
  } else {
    sequence = list_from_iterable(bound[0]);
    if (!sequence) {
      if (!exception_matches(&type_error_type)) return {};
      clear_exception();
      return raise(&type_error_type, "constructor requires a sequence");
    }
  }
  Value dict = bound[1] && !is_none(bound[1]) ? bound[1] : Value();
  if (dict && !is_dict(dict)) {
    return raise_format(&type_error_type, "%s() takes a dict as second arg, if any", type->m_tp_name);
  }
  const Value* items;
  size_t length;
  if (is_list(sequence)) {
    items = reinterpret_cast<const Value*>(as_list(sequence)->m_items.data());
    length = as_list(sequence)->m_items.size();
  } else {
    items = sequence.as<TupleObject>()->m_items;
    length = tuple_size(sequence);
  }
  if (length < kVisibleFields) {
    return raise_format(&type_error_type, "%s() takes an at least %zu-sequence (%zu-sequence given)",
                        type->m_tp_name, kVisibleFields, length);
  }
  if (length > kAllFields) {
    return raise_format(&type_error_type, "%s() takes an at most %zu-sequence (%zu-sequence given)",
                        type->m_tp_name, kAllFields, length);
  }
  Ref fields[kAllFields];
  for (size_t i = 0; i < length; ++i) fields[i] = ref(items[i]);
  for (size_t i = length; i < kAllFields; ++i) {
    Value found = dict ? dict_lookup_str(dict, kFieldNames[i]) : Value();
    fields[i] = ref(found ? found : none());
  }
  return make_struct_time(fields);
}

Ref struct_time_repr(Value self) {
  std::string text = std::string(struct_time_type.m_tp_name) + "(";
  Value* items = struct_time_items(self);
  for (size_t i = 0; i < kVisibleFields; ++i) {
    if (i > 0) text += ", ";
    Ref item_repr = repr(items[i]);
    if (!item_repr) return {};
    text += kFieldNames[i];
    text += "=";
    text += str_view(item_repr);
  }
  text += ")";
  return make_str(text);
}

Ref struct_time_reduce(Value self, Args) {
  Value* items = struct_time_items(self);
  Ref visible = make_tuple(items, kVisibleFields);
  Ref hidden = make_dict();
  if (!visible || !hidden) return {};
  for (size_t i = kVisibleFields; i < kAllFields; ++i) {
    if (!dict_setitem_str(hidden, kFieldNames[i], items[i])) return {};
  }
  Ref args = make_tuple({visible.get(), hidden.get()});
  if (!args) return {};
  return make_tuple({Value(self.type()), args.get()});
}

template <size_t I>
Ref struct_time_field(Value self) {
  return ref(struct_time_items(self)[I]);
}
bool struct_time_readonly(Value, Value) { return raise(&attribute_error_type, "readonly attribute"); }

const GetSetDef kStructTimeGetSet[] = {
    {"tm_year", struct_time_field<0>, struct_time_readonly, "year, for example, 1993"},
    {"tm_mon", struct_time_field<1>, struct_time_readonly, "month of year, range [1, 12]"},
    {"tm_mday", struct_time_field<2>, struct_time_readonly, "day of month, range [1, 31]"},
    {"tm_hour", struct_time_field<3>, struct_time_readonly, "hours, range [0, 23]"},
    {"tm_min", struct_time_field<4>, struct_time_readonly, "minutes, range [0, 59]"},
    {"tm_sec", struct_time_field<5>, struct_time_readonly, "seconds, range [0, 61])"},
    {"tm_wday", struct_time_field<6>, struct_time_readonly, "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", struct_time_field<7>, struct_time_readonly, "day of year, range [1, 366]"},
    {"tm_isdst", struct_time_field<8>, struct_time_readonly,
     "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", struct_time_field<9>, struct_time_readonly, "abbreviation of timezone name"},
    {"tm_gmtoff", struct_time_field<10>, struct_time_readonly, "offset from UTC in seconds"},
    {nullptr, nullptr},
};

const MethodDef kStructTimeMethods[] = {
    {"__reduce__", struct_time_reduce, ArgKind::NoArgs},
    {nullptr, nullptr, ArgKind::NoArgs},
};

}  // namespace

Type struct_time_type = [] {
  Type type{};
  type.m_tp_name = "time.struct_time";
  type.m_doc =
      "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
      " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
      " sequence of 9 integers.\n\n"
      " Note that several fields' values are not the same as those defined by\n"
      " the C language standard for struct tm.  For example, the value of the\n"
      " field tm_year is the actual year, not year - 1900.  See individual\n"
      " fields' descriptions for details.";
  type.m_base = &tuple_type;
  type.m_size = sizeof(TupleObject);
  type.m_item_size = sizeof(Value);
  type.m_flags = kTypeHasGC | kTypeTupleSubclass;
  type.m_destroy = struct_time_destroy;
  type.m_traverse = struct_time_traverse;
  type.m_new = struct_time_new;
  type.m_repr = struct_time_repr;
  type.m_methods = kStructTimeMethods;
  type.m_getset = kStructTimeGetSet;
  return type;
}();
COIL_REGISTER_TYPE(struct_time_type, "time");

namespace {

// --- Conversions between Python values and C time ------------------------------

Raised raise_errno(int error) {
  Ref args = make_tuple({Value::small_int(error), Ref(make_str(std::strerror(error))).get()});
  if (!args) return {};
  Ref exception = make_exception(&os_error_type, args);
  if (!exception) return {};
  return raise_value(exception);
}

// A timestamp as a time_t, rounded toward -inf (CPython's
// _PyTime_ObjectToTime_t with _PyTime_ROUND_FLOOR).
bool object_to_time_t(Value v, time_t& out) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) return raise(&value_error_type, "Invalid value NaN (not a number)");
    d = std::floor(d);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      return raise(&overflow_error_type, "timestamp out of range for platform time_t");
    }
    out = time_t(d);
    return true;
  }
  Ref number = index(v);
  if (!number) return false;
  int64_t seconds;
  if (!int_fits_int64(number, seconds)) return raise(&overflow_error_type, "timestamp out of range for platform time_t");
  out = time_t(seconds);
  return true;
}

// The optional `secs` argument of gmtime/localtime/ctime: now when absent or None.
bool seconds_argument(const char* name, Args args, time_t& out) {
  if (!check_positional(name, args, 0, 1)) return false;
  if (args.count == 0 || is_none(args[0])) {
    out = time_t(clock_time_ns() / 1000000000);
    return true;
  }
  return object_to_time_t(args[0], out);
}

Ref tm_to_struct_time(const struct tm& tm) {
  Ref fields[kAllFields];
  fields[0] = make_int(int64_t(tm.tm_year) + 1900);
  fields[1] = make_int(int64_t(tm.tm_mon) + 1);
  fields[2] = make_int(int64_t(tm.tm_mday));
  fields[3] = make_int(int64_t(tm.tm_hour));
  fields[4] = make_int(int64_t(tm.tm_min));
  fields[5] = make_int(int64_t(tm.tm_sec));
  fields[6] = make_int(int64_t((tm.tm_wday + 6) % 7));  // Monday is 0
  fields[7] = make_int(int64_t(tm.tm_yday) + 1);
  fields[8] = make_int(int64_t(tm.tm_isdst));
  fields[9] = tm.tm_zone ? make_str(tm.tm_zone) : new_none();
  fields[10] = make_int(int64_t(tm.tm_gmtoff));
  for (const Ref& field : fields) {
    if (!field) return {};
  }
  return make_struct_time(fields);
}

bool checked_gmtime(time_t t, struct tm& out) {
  errno = 0;
  if (gmtime_r(&t, &out) == nullptr) return raise_errno(errno ? errno : EINVAL);
  return true;
}

bool checked_localtime(time_t t, struct tm& out) {
  errno = 0;
  if (localtime_r(&t, &out) == nullptr) return raise_errno(errno ? errno : EINVAL);
  return true;
}

// One 'i' field of PyArg_ParseTuple: an int that fits a C int.
bool int_field(Value v, int& out) {
  if (is_float(v)) return raise(&type_error_type, "'float' object cannot be interpreted as an integer");
  Ref number = index(v);
  if (!number) return false;
  int64_t n;
  if (!int_fits_int64(number, n)) return raise(&overflow_error_type, "Python int too large to convert to C long");
  if (n > INT_MAX) return raise(&overflow_error_type, "signed integer is greater than maximum");
  if (n < INT_MIN) return raise(&overflow_error_type, "signed integer is less than minimum");
  out = int(n);
  return true;
}

// A time tuple as a struct tm (CPython's gettmarg). A struct_time also
// gives its zone and offset; `zone` keeps the zone's text alive.
bool tuple_to_tm(Value value, struct tm& tm, const char* arity_message, std::string& zone) {
  std::memset(&tm, 0, sizeof tm);
  if (!is_tuple(value)) return raise(&type_error_type, "Tuple or struct_time argument required");
  if (tuple_size(value) != kVisibleFields) return raise(&type_error_type, arity_message);
  int fields[kVisibleFields];
  for (size_t i = 0; i < kVisibleFields; ++i) {
    if (!int_field(tuple_item(value, i), fields[i])) return false;
  }
  if (fields[0] < INT_MIN + 1900) return raise(&overflow_error_type, "year out of range");
  tm.tm_year = fields[0] - 1900;
  tm.tm_mon = fields[1] - 1;
  tm.tm_mday = fields[2];
  tm.tm_hour = fields[3];
  tm.tm_min = fields[4];
  tm.tm_sec = fields[5];
  tm.tm_wday = (fields[6] + 1) % 7;
  tm.tm_yday = fields[7] - 1;
  tm.tm_isdst = fields[8];
  if (value.type() == &struct_time_type) {
    Value* items = struct_time_items(value);
    if (items[9] && !is_none(items[9])) {
      if (!is_str(items[9])) {
        return raise_format(&type_error_type, "bad argument type for built-in operation");
      }
      zone = std::string(str_view(items[9]));
      tm.tm_zone = zone.c_str();
    }
    if (items[10] && !is_none(items[10])) {
      Ref number = index(items[10]);
      if (!number) return false;
      int64_t offset;
      if (!int_fits_int64(number, offset)) return raise(&overflow_error_type, "Python int too large to convert to C long");
      tm.tm_gmtoff = long(offset);
    }
  }
  return true;
}

// Bounds that strftime() and asctime() need (CPython's checktm); a zero
// month, day or yday means the lowest valid value.
bool check_tm(struct tm& tm) {
  if (tm.tm_mon == -1) {
    tm.tm_mon = 0;
  } else if (tm.tm_mon < 0 || tm.tm_mon > 11) {
    return raise(&value_error_type, "month out of range");
  }
  if (tm.tm_mday == 0) {
    tm.tm_mday = 1;
  } else if (tm.tm_mday < 0 || tm.tm_mday > 31) {
    return raise(&value_error_type, "day of month out of range");
  }
  if (tm.tm_hour < 0 || tm.tm_hour > 23) return raise(&value_error_type, "hour out of range");
  if (tm.tm_min < 0 || tm.tm_min > 59) return raise(&value_error_type, "minute out of range");
  if (tm.tm_sec < 0 || tm.tm_sec > 61) return raise(&value_error_type, "seconds out of range");
  if (tm.tm_wday < 0) return raise(&value_error_type, "day of week out of range");
  if (tm.tm_yday == -1) {
    tm.tm_yday = 0;
  } else if (tm.tm_yday < 0 || tm.tm_yday > 365) {
    return raise(&value_error_type, "day of year out of range");
  }
  return true;
}

Ref asctime_of(const struct tm& tm) {
  static const char kDays[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[tm.tm_wday], kMonths[tm.tm_mon],
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900LL + tm.tm_year);
  return make_str(buffer);
}

// A duration for sleep() in nanoseconds, rounded away from zero
// (CPython's _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT).
bool object_to_duration_ns(Value v, int64_t& out) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) return raise(&value_error_type, "Invalid value NaN (not a number)");
    d *= 1e9;
    d = d >= 0 ? std::ceil(d) : std::floor(d);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      return raise(&overflow_error_type, "timestamp too large to convert to C _PyTime_t");
    }
    out = int64_t(d);
    return true;
  }
  Ref number = index(v);
  if (!number) return false;
  int64_t seconds;
  if (!int_fits_int64(number, seconds) || seconds > INT64_MAX / 1000000000 || seconds < INT64_MIN / 1000000000) {
    return raise(&overflow_error_type, "timestamp too large to convert to C _PyTime_t");
  }
  out = seconds * 1000000000;
  return true;
}

int64_t read_cpu_clock(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Ref seconds_float(int64_t ns) { return make_float(double(ns) / 1e9); }

// --- The module's functions ----------------------------------------------------

Ref time_time(Value, Args) { return make_float(clock_time()); }
Ref time_time_ns(Value, Args) { return make_int(clock_time_ns()); }
Ref time_monotonic(Value, Args) { return make_float(clock_monotonic()); }
Ref time_monotonic_ns(Value, Args) { return make_int(clock_monotonic_ns()); }
Ref time_process_time(Value, Args) { return seconds_float(read_cpu_clock(CLOCK_PROCESS_CPUTIME_ID)); }
Ref time_process_time_ns(Value, Args) { return make_int(read_cpu_clock(CLOCK_PROCESS_CPUTIME_ID)); }
Ref time_thread_time(Value, Args) { return seconds_float(read_cpu_clock(CLOCK_THREAD_CPUTIME_ID)); }
Ref time_thread_time_ns(Value, Args) { return make_int(read_cpu_clock(CLOCK_THREAD_CPUTIME_ID)); }

Ref time_sleep(Value, Args args) {
  int64_t ns;
  if (!object_to_duration_ns(args[0], ns)) return {};
  if (ns < 0) return raise(&value_error_type, "sleep length must be non-negative");
  // As CPython: a signal's handler runs during the sleep (Ctrl-C raises
  // KeyboardInterrupt); if it returns, the sleep goes on to its end.
  int64_t deadline = clock_monotonic_ns() + ns;
  for (;;) {
    clock_sleep_ns(ns);
    if (!check_signals()) return {};
    ns = deadline - clock_monotonic_ns();
    if (ns <= 0 || clock_is_virtual()) break;
  }
  return new_none();
}

Ref time_gmtime(Value, Args args) {
  time_t t;
  if (!seconds_argument("gmtime", args, t)) return {};
  struct tm tm;
  if (!checked_gmtime(t, tm)) return {};
  return tm_to_struct_time(tm);
}

Ref time_localtime(Value, Args args) {
  time_t t;
  if (!seconds_argument("localtime", args, t)) return {};
  struct tm tm;
  if (!checked_localtime(t, tm)) return {};
  return tm_to_struct_time(tm);
}

Ref time_mktime(Value, Args args) {
  struct tm tm;
  std::string zone;
  if (!tuple_to_tm(args[0], tm, "mktime(): illegal time tuple argument", zone)) return {};
  tm.tm_wday = -1;  // mktime sets it when it succeeds
  time_t t = mktime(&tm);
  if (t == time_t(-1) && tm.tm_wday == -1) return raise(&overflow_error_type, "mktime argument out of range");
  return make_float(double(t));
}

// The time tuple argument of asctime/strftime, or local time now.
bool time_tuple_argument(Args args, size_t position, const char* message, struct tm& tm, std::string& zone) {
  if (args.count <= position) {
    time_t now = time_t(clock_time_ns() / 1000000000);
    return checked_localtime(now, tm);
  }
  return tuple_to_tm(args[position], tm, message, zone) && check_tm(tm);
}

Ref time_asctime(Value, Args args) {
  if (!check_positional("asctime", args, 0, 1)) return {};
  struct tm tm;
  std::string zone;
  if (!time_tuple_argument(args, 0, "asctime(): illegal time tuple argument", tm, zone)) return {};
  return asctime_of(tm);
}

Ref time_ctime(Value, Args args) {
  time_t t;
  if (!seconds_argument("ctime", args, t)) return {};
  struct tm tm;
  if (!checked_localtime(t, tm)) return {};
  return asctime_of(tm);
}

Ref time_strftime(Value, Args args) {
  if (!check_positional("strftime", args, 1, 2)) return {};
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "strftime() argument 1 must be str, not %s",
                        value_type_name(args[0]).data());
  }
  struct tm tm;
  std::string zone;
  if (!time_tuple_argument(args, 1, "strftime(): illegal time tuple argument", tm, zone)) return {};
  // Some strftime implementations index arrays with tm_isdst.
  if (tm.tm_isdst < -1) tm.tm_isdst = -1;
  if (tm.tm_isdst > 1) tm.tm_isdst = 1;
  std::string format(str_view(args[0]));
  if (format.find('\0') != std::string::npos) return raise(&value_error_type, "embedded null character");
  // As CPython: grow the buffer until the result fits; an empty result
  // with a buffer 256 times the format is taken as really empty.
  for (size_t size = 1024;; size += size) {
    std::string buffer(size, '\0');
    size_t length = std::strftime(buffer.data(), size, format.c_str(), &tm);
    if (length > 0 || size >= 256 * format.size()) return make_str(std::string_view(buffer.data(), length));
  }
}

// --- strptime (Lib/_strptime.py for the C locale) --------------------------------

const char* const kFullWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const char* const kShortWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char* const kFullMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};
const char* const kShortMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};

std::string regex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::strchr("\\.^$*+?()[]{}|/-", c) != nullptr) out += '\\';
    out += c;
  }
  return out;
}

// Alternatives longest first (stable), as _strptime's __seqToRE.
std::string alternatives(std::vector<std::string> names) {
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  });
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += '|';
    out += regex_escape(name);
  }
  return out;
}

std::vector<std::string> time_zone_names() {
  std::vector<std::string> names = {"utc", "gmt"};
  tzset();
  std::string standard = tzname[0] ? tzname[0] : "";
  for (char& c : standard) c = char(std::tolower(static_cast<unsigned char>(c)));
  names.push_back(standard);
  if (daylight && tzname[1]) {
    std::string summer = tzname[1];
    for (char& c : summer) c = char(std::tolower(static_cast<unsigned char>(c)));
    names.push_back(summer);
  }
  // A set in _strptime: no duplicates.
  std::vector<std::string> unique;
  for (const std::string& name : names) {
    if (std::find(unique.begin(), unique.end(), name) == unique.end()) unique.push_back(name);
  }
  return unique;
}

struct StrptimeError {
  bool bad = false;
  bool stray = false;
  char directive = 0;
};

// The regular expression for one directive (its capturing group is the
// directive's; inner groups are non-capturing).
bool directive_pattern(char directive, std::string& out) {
  switch (directive) {
    case 'd': out = "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])"; return true;
    case 'f': out = "([0-9]{1,6})"; return true;
    case 'H': out = "(2[0-3]|[0-1]\\d|\\d)"; return true;
    case 'I': out = "(1[0-2]|0[1-9]|[1-9])"; return true;
    case 'G': out = "(\\d\\d\\d\\d)"; return true;
    case 'j': out = "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])"; return true;
    case 'm': out = "(1[0-2]|0[1-9]|[1-9])"; return true;
    case 'M': out = "([0-5]\\d|\\d)"; return true;
    case 'S': out = "(6[0-1]|[0-5]\\d|\\d)"; return true;
    case 'U':
    case 'W': out = "(5[0-3]|[0-4]\\d|\\d)"; return true;
    case 'w': out = "([0-6])"; return true;
    case 'u': out = "([1-7])"; return true;
    case 'V': out = "(5[0-3]|0[1-9]|[1-4]\\d|\\d)"; return true;
    case 'y': out = "(\\d\\d)"; return true;
    case 'Y': out = "(\\d\\d\\d\\d)"; return true;
    case 'z': out = "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)"; return true;
    case 'A': out = "(" + alternatives({std::begin(kFullWeekdays), std::end(kFullWeekdays)}) + ")"; return true;
    case 'a': out = "(" + alternatives({std::begin(kShortWeekdays), std::end(kShortWeekdays)}) + ")"; return true;
    case 'B': out = "(" + alternatives({std::begin(kFullMonths), std::end(kFullMonths)}) + ")"; return true;
    case 'b': out = "(" + alternatives({std::begin(kShortMonths), std::end(kShortMonths)}) + ")"; return true;
    case 'p': out = "(am|pm)"; return true;
    case 'Z': out = "(" + alternatives(time_zone_names()) + ")"; return true;
    case '%': out = "%"; return true;
    default: return false;
  }
}

// Turns a strptime format into a regular expression (_strptime's
// TimeRE.pattern); `groups` gets the directive of each capturing group.
bool strptime_pattern(std::string_view format, std::string& out, std::string& groups, StrptimeError& error,
                      int depth = 0) {
  // Escape regex syntax, then let any run of whitespace match any.
  std::string escaped;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      while (i + 1 < format.size() && std::isspace(static_cast<unsigned char>(format[i + 1]))) ++i;
      escaped += "\\s+";
      continue;
    }
    if (std::strchr("\\.^$*+?(){}[]|", c) != nullptr) escaped += '\\';
    escaped += c;
  }
  for (size_t i = 0; i < escaped.size(); ++i) {
    char c = escaped[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i + 1 >= escaped.size()) {
      error.stray = true;
      return false;
    }
    char directive = escaped[++i];
    // The C locale's %c, %x and %X, expanded as _strptime does.
    const char* expansion = directive == 'c' ? "%a %b %d %H:%M:%S %Y"
                            : directive == 'x' ? "%m/%d/%y"
                            : directive == 'X' ? "%H:%M:%S"
                                               : nullptr;
    if (expansion != nullptr && depth == 0) {
      if (!strptime_pattern(expansion, out, groups, error, depth + 1)) return false;
      continue;
    }
    std::string pattern;
    if (!directive_pattern(directive, pattern)) {
      error.bad = true;
      error.directive = directive == '\\' ? '%' : directive;
      return false;
    }
    out += pattern;
    if (directive != '%') groups += directive;
  }
  return true;
}

// Days from 0001-01-01 (day 1) as datetime.date.toordinal.
int64_t days_before_year(int64_t year) {
  int64_t y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}
bool is_leap(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }
int days_in_month(int64_t year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}
int64_t days_before_month(int64_t year, int month) {
  int64_t days = 0;
  for (int m = 1; m < month; ++m) days += days_in_month(year, m);
  return days;
}
// datetime.date(year, month, day) validity, with its messages.
bool check_date(int64_t year, int month, int day) {
  if (year < 1 || year > 9999) return raise_format(&value_error_type, "year %lld is out of range", (long long)year);
  if (month < 1 || month > 12) return raise(&value_error_type, "month must be in 1..12");
  if (day < 1 || day > days_in_month(year, month)) return raise(&value_error_type, "day is out of range for month");
  return true;
}
int64_t to_ordinal(int64_t year, int month, int day) {
  return days_before_year(year) + days_before_month(year, month) + day;
}
bool from_ordinal(int64_t ordinal, int64_t& year, int& month, int& day) {
  if (ordinal < 1 || ordinal > 3652059) {
    return raise_format(&value_error_type, "ordinal must be >= 1");
  }
  year = 1;
  while (days_before_year(year + 1) < ordinal) ++year;
  int64_t rest = ordinal - days_before_year(year);
  month = 1;
  while (rest > days_in_month(year, month)) {
    rest -= days_in_month(year, month);
    ++month;
  }
  day = int(rest);
  return true;
}
int weekday_of(int64_t year, int month, int day) { return int((to_ordinal(year, month, day) + 6) % 7); }

int index_of(const char* const* names, size_t count, std::string text) {
  for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < count; ++i) {
    if (text == names[i]) return int(i);
  }
  return 0;
}

Ref time_strptime(Value, Args args) {
  if (!check_positional("strptime", args, 1, 2)) return {};
  if (!is_str(args[0])) {
    return raise_format(&type_error_type, "strptime() argument 0 must be str, not <class '%s'>",
                        value_type_name(args[0]).data());
  }
  std::string format = "%a %b %d %H:%M:%S %Y";
  if (args.count > 1) {
    if (!is_str(args[1])) {
      return raise_format(&type_error_type, "strptime() argument 1 must be str, not <class '%s'>",
                          value_type_name(args[1]).data());
    }
    format = std::string(str_view(args[1]));
  }
  std::string data(str_view(args[0]));
  std::string pattern, groups;
  StrptimeError error;
  if (!strptime_pattern(format, pattern, groups, error)) {
    if (error.stray) return raise_format(&value_error_type, "stray %% in format '%s'", format.c_str());
    return raise_format(&value_error_type, "'%c' is a bad directive in format '%s'", error.directive,
                        format.c_str());
  }
  std::smatch match;
  try {
    std::regex regex(pattern, std::regex::ECMAScript | std::regex::icase);
    if (!std::regex_search(data, match, regex, std::regex_constants::match_continuous)) {
      Ref data_repr = repr(args[0]);
      Ref format_repr = args.count > 1 ? repr(args[1]) : make_str("'" + format + "'");
      if (!data_repr || !format_repr) return {};
      return raise_format(&value_error_type, "time data %s does not match format %s", str_cstr(data_repr),
                          str_cstr(format_repr));
    }
  } catch (const std::exception&) {
    return raise(&value_error_type, "unsupported strptime format");
  }
  if (size_t(match.length(0)) != data.size()) {
    return raise_format(&value_error_type, "unconverted data remains: %s", data.substr(size_t(match.length(0))).c_str());
  }

  int64_t year = -1;
  bool have_year = false;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int tz = -1;
  Ref gmtoff = new_none();
  Ref zone_name = new_none();
  int64_t iso_year = -1, iso_week = -1, week_of_year = -1;
  int week_of_year_start = -1;
  int weekday = -1, julian = -1;
  bool have_weekday = false, have_julian = false, have_iso_year = false, have_iso_week = false, have_week = false;
  std::string ampm;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i] == 'p') ampm = match.str(i + 1);
  }
  for (char& c : ampm) c = char(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < groups.size(); ++i) {
    std::string text = match.str(i + 1);
    switch (groups[i]) {
      case 'y': {
        year = std::stoi(text);
        year += year <= 68 ? 2000 : 1900;
        have_year = true;
        break;
      }
      case 'Y': year = std::stoll(text); have_year = true; break;
      case 'G': iso_year = std::stoll(text); have_iso_year = true; break;
      case 'm': month = std::stoi(text); break;
      case 'B': month = index_of(kFullMonths, 12, text) + 1; break;
      case 'b': month = index_of(kShortMonths, 12, text) + 1; break;
      case 'd': day = std::stoi(text); break;
      case 'H': hour = std::stoi(text); break;
      case 'I': {
        hour = std::stoi(text);
        if (ampm.empty() || ampm == "am") {
          if (hour == 12) hour = 0;
        } else if (ampm == "pm") {
          if (hour != 12) hour += 12;
        }
        break;
      }
      case 'M': minute = std::stoi(text); break;
      case 'S': second = std::stoi(text); break;
      case 'A': weekday = index_of(kFullWeekdays, 7, text); have_weekday = true; break;
      case 'a': weekday = index_of(kShortWeekdays, 7, text); have_weekday = true; break;
      case 'u': weekday = std::stoi(text) - 1; have_weekday = true; break;
      case 'w': {
        weekday = std::stoi(text);
        weekday = weekday == 0 ? 6 : weekday - 1;
        have_weekday = true;
        break;
      }
      case 'j': julian = std::stoi(text); have_julian = true; break;
      case 'U':
      case 'W':
        week_of_year = std::stoi(text);
        week_of_year_start = groups[i] == 'U' ? 6 : 0;
        have_week = true;
        break;
      case 'V': iso_week = std::stoi(text); have_iso_week = true; break;
      case 'z': {
        if (text == "Z" || text == "z") {
          gmtoff = make_int(int64_t(0));
          break;
        }
        std::string z = text;
        if (z.size() > 3 && z[3] == ':') {
          z = z.substr(0, 3) + z.substr(4);
          if (z.size() > 5) {
            if (z[5] != ':') return raise_format(&value_error_type, "Inconsistent use of : in %s", text.c_str());
            z = z.substr(0, 5) + z.substr(6);
          }
        }
        int64_t hours = std::stoi(z.substr(1, 2));
        int64_t minutes = std::stoi(z.substr(3, 2));
        int64_t seconds = z.size() >= 7 ? std::stoi(z.substr(5, 2)) : 0;
        int64_t offset = hours * 3600 + minutes * 60 + seconds;
        if (z[0] == '-') offset = -offset;
        gmtoff = make_int(offset);
        break;
      }
      case 'Z': {
        std::string found = text;
        for (char& c : found) c = char(std::tolower(static_cast<unsigned char>(c)));
        tzset();
        std::string standard = tzname[0] ? tzname[0] : "", summer = tzname[1] ? tzname[1] : "";
        for (char& c : standard) c = char(std::tolower(static_cast<unsigned char>(c)));
        for (char& c : summer) c = char(std::tolower(static_cast<unsigned char>(c)));
        bool ambiguous = standard == summer && daylight && found != "utc" && found != "gmt";
        if (!ambiguous) {
          if (found == "utc" || found == "gmt" || found == standard) {
            tz = 0;
          } else if (daylight && found == summer) {
            tz = 1;
          }
        }
        zone_name = make_str(text);
        break;
      }
      default: break;
    }
  }
  if (!have_year && have_iso_year) {
    if (!have_iso_week || !have_weekday) {
      return raise(&value_error_type,
                   "ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday "
                   "directive ('%A', '%a', '%w', or '%u').");
    }
    if (have_julian) {
      return raise(&value_error_type,
                   "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' "
                   "instead.");
    }
  } else if (!have_week && have_iso_week) {
    if (!have_weekday) {
      return raise(&value_error_type,
                   "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday "
                   "directive ('%A', '%a', '%w', or '%u').");
    }
    return raise(&value_error_type,
                 "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' "
                 "instead.");
  }
  bool leap_year_fix = false;
  if (!have_year && month == 2 && day == 29) {
    year = 1904;  // a leap year, so that Feb 29 is a valid date
    leap_year_fix = true;
  } else if (!have_year) {
    year = 1900;
  }
  if (!have_julian && have_weekday) {
    if (have_week) {
      if (!check_date(year, 1, 1)) return {};
      int first_weekday = weekday_of(year, 1, 1);
      int day_of_week = weekday;
      if (week_of_year_start != 0) {
        first_weekday = (first_weekday + 1) % 7;
        day_of_week = (day_of_week + 1) % 7;
      }
      int week_0_length = (7 - first_weekday) % 7;
      if (week_of_year == 0) {
        julian = 1 + day_of_week - first_weekday;
      } else {
        julian = int(1 + week_0_length + 7 * (week_of_year - 1) + day_of_week);
      }
      have_julian = true;
    } else if (have_iso_year && have_iso_week) {
      if (!check_date(iso_year, 1, 4)) return {};
      int correction = weekday_of(iso_year, 1, 4) + 1 + 3;
      int64_t ordinal = iso_week * 7 + (weekday + 1) - correction;
      if (ordinal < 1) {
        ordinal += to_ordinal(iso_year, 1, 1);
        iso_year -= 1;
        ordinal -= to_ordinal(iso_year, 1, 1);
      }
      year = iso_year;
      julian = int(ordinal);
      have_julian = true;
    }
    if (have_julian && julian <= 0) {
      year -= 1;
      julian += is_leap(year) ? 366 : 365;
    }
  }
  if (!have_julian) {
    if (!check_date(year, month, day)) return {};
    julian = int(to_ordinal(year, month, day) - to_ordinal(year, 1, 1) + 1);
  } else {
    if (!check_date(year, 1, 1)) return {};
    int64_t y;
    if (!from_ordinal(julian - 1 + to_ordinal(year, 1, 1), y, month, day)) return {};
    year = y;
  }
  if (!have_weekday) weekday = weekday_of(year, month, day);
  if (leap_year_fix) year = 1900;
  Ref fields[kAllFields] = {make_int(year),    make_int(int64_t(month)),   make_int(int64_t(day)),
                            make_int(int64_t(hour)), make_int(int64_t(minute)), make_int(int64_t(second)),
                            make_int(int64_t(weekday)), make_int(int64_t(julian)), make_int(int64_t(tz)),
                            zone_name,         gmtoff};
  return make_struct_time(fields);
}

Ref time_tzset(Value, Args) {
  tzset();
  return new_none();
}

Ref time_clock_gettime(Value, Args args) {
  std::optional<int64_t> id = index_as_int64(args[0]);
  if (!id) return {};
  struct timespec ts;
  if (clock_gettime(clockid_t(*id), &ts) != 0) return raise_errno(errno);
  return make_float(double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

Ref time_clock_gettime_ns(Value, Args args) {
  std::optional<int64_t> id = index_as_int64(args[0]);
  if (!id) return {};
  struct timespec ts;
  if (clock_gettime(clockid_t(*id), &ts) != 0) return raise_errno(errno);
  return make_int(int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec);
}

Ref time_clock_getres(Value, Args args) {
  std::optional<int64_t> id = index_as_int64(args[0]);
  if (!id) return {};
  struct timespec ts;
  if (clock_getres(clockid_t(*id), &ts) != 0) return raise_errno(errno);
  return make_float(double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

const MethodDef kTimeFunctions[] = {
    {"time", time_time, ArgKind::NoArgs},
    {"time_ns", time_time_ns, ArgKind::NoArgs},
    {"monotonic", time_monotonic, ArgKind::NoArgs},
    {"monotonic_ns", time_monotonic_ns, ArgKind::NoArgs},
    {"perf_counter", time_monotonic, ArgKind::NoArgs},
    {"perf_counter_ns", time_monotonic_ns, ArgKind::NoArgs},
    {"process_time", time_process_time, ArgKind::NoArgs},
    {"process_time_ns", time_process_time_ns, ArgKind::NoArgs},
    {"thread_time", time_thread_time, ArgKind::NoArgs},
    {"thread_time_ns", time_thread_time_ns, ArgKind::NoArgs},
    {"sleep", time_sleep, ArgKind::OneArg},
    {"gmtime", time_gmtime, ArgKind::VarArgs},
    {"localtime", time_localtime, ArgKind::VarArgs},
    {"mktime", time_mktime, ArgKind::OneArg},
    {"asctime", time_asctime, ArgKind::VarArgs},
    {"ctime", time_ctime, ArgKind::VarArgs},
    {"strftime", time_strftime, ArgKind::VarArgs},
    {"strptime", time_strptime, ArgKind::VarArgs},
    {"tzset", time_tzset, ArgKind::NoArgs},
    {"clock_gettime", time_clock_gettime, ArgKind::OneArg},
    {"clock_gettime_ns", time_clock_gettime_ns, ArgKind::OneArg},
    {"clock_getres", time_clock_getres, ArgKind::OneArg},
    {nullptr, nullptr, ArgKind::NoArgs},
};

// timezone, altzone, daylight and tzname from the local time of January and
// July of this year, as CPython's init_timezone does on glibc.
bool add_time_zone(Value dict) {
  constexpr time_t kYear = time_t((365 * 24 + 6) * 3600);
  time_t t = (time_t(clock_time_ns() / 1000000000) / kYear) * kYear;
  struct tm tm;
  if (!checked_localtime(t, tm)) return false;
  std::string january_name = tm.tm_zone ? std::string(tm.tm_zone).substr(0, 9) : "";
  int64_t january_zone = -int64_t(tm.tm_gmtoff);
  t += kYear / 2;
  if (!checked_localtime(t, tm)) return false;
  std::string july_name = tm.tm_zone ? std::string(tm.tm_zone).substr(0, 9) : "";
  int64_t july_zone = -int64_t(tm.tm_gmtoff);
  bool southern = january_zone < july_zone;  // DST is reversed in the southern hemisphere
  Ref timezone_value = make_int(southern ? july_zone : january_zone);
  Ref altzone_value = make_int(southern ? january_zone : july_zone);
  Ref daylight_value = make_int(int64_t(january_zone != july_zone));
  Ref first = make_str(southern ? july_name : january_name);
  Ref second = make_str(southern ? january_name : july_name);
  if (!timezone_value || !altzone_value || !daylight_value || !first || !second) return false;
  Ref names = make_tuple({first.get(), second.get()});
  return names && dict_setitem_str(dict, "timezone", timezone_value) &&
         dict_setitem_str(dict, "altzone", altzone_value) && dict_setitem_str(dict, "daylight", daylight_value) &&
         dict_setitem_str(dict, "tzname", names);
}

bool init_time(Value module) {
  if (!module_add_functions(module, kTimeFunctions)) return false;
  Value dict = module_dict(module);
  if (!dict_setitem_str(dict, "struct_time", Value(&struct_time_type))) return false;
  // struct_time's class attributes, as structseq's.
  Value type_dict = struct_time_type.m_dict;
  Ref match_args = make_tuple(kVisibleFields);
  if (!match_args) return false;
  for (size_t i = 0; i < kVisibleFields; ++i) {
    Ref name = intern(kFieldNames[i]);
    if (!name) return false;
    tuple_set(match_args, i, std::move(name));
  }
  if (!dict_setitem_str(type_dict, "n_sequence_fields", Value::small_int(int64_t(kVisibleFields))) ||
      !dict_setitem_str(type_dict, "n_fields", Value::small_int(int64_t(kAllFields))) ||
      !dict_setitem_str(type_dict, "n_unnamed_fields", Value::small_int(0)) ||
      !dict_setitem_str(type_dict, "__match_args__", match_args)) {
    return false;
  }
  type_modified(&struct_time_type);
  static const struct {
    const char* name;
    int64_t value;
  } kClocks[] = {
      {"CLOCK_REALTIME", CLOCK_REALTIME},
      {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
      {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
      {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
      {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
      {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
      {"CLOCK_TAI", CLOCK_TAI},
  };
  for (const auto& clock : kClocks) {
    if (!dict_setitem_str(dict, clock.name, Value::small_int(clock.value))) return false;
  }
  return add_time_zone(dict);
}

}  // namespace

COIL_REGISTER_MODULE("time", init_time);

}  // namespace coil
