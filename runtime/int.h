// int and bool (runtime/int.cpp, runtime/bool.cpp).
//
// An int whose value fits in 63 bits is a tagged small-int Value (no
// object). Every other int — bigger values, and every instance of a Python
// subclass of int — is an IntObject holding a GMP integer. bool is a
// subclass of int: True and False are the two IntObjects of bool_type.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "runtime/errors.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil {

struct IntObject : Object {
  mpz_t m_value;
};

extern IntObject true_object, false_object;

// A new int with the given value (a small int when it fits).
Ref make_int(int64_t value);
Ref make_int(uint64_t value);
Ref make_int(const mpz_t value);
// An instance of `type` (int or a subclass) with the given value.
Ref make_int_of_type(Type* type, const mpz_t value);

// True for int, bool and subclasses.
inline bool is_int(Value v) {
  return v.is_small_int() || (v.type()->m_flags & kTypeLongSubclass) != 0;
}
inline bool is_exact_int(Value v) { return v.is_small_int() || v.type() == &int_type; }
inline bool is_bool(Value v) { return v.is(&true_object) || v.is(&false_object); }

// Reads an int (is_int(v) must hold) as an int64 if it fits.
inline bool int_fits_int64(Value v, int64_t& out) {
  if (v.is_small_int()) {
    out = v.as_small_int();
    return true;
  }
  const IntObject* i = v.as<IntObject>();
  if (!mpz_fits_slong_p(i->m_value)) return false;
  out = mpz_get_si(i->m_value);
  return true;
}
// Copies an int's value (is_int(v) must hold) into `out` (initialized).
void int_to_mpz(Value v, mpz_t out);

// Parses an int literal's text as the compiler sees it ("0x1f", "1_000").
Ref int_from_literal(std::string_view text);

// ---- Helpers shared by the numeric types and the math module ----

struct NumericError;
struct FormatError;

// An mpz_t that initializes and frees itself.
struct Mpz {
  mpz_t value;
  Mpz() { mpz_init(value); }
  ~Mpz() { mpz_clear(value); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return value; }
  operator mpz_srcptr() const { return value; }
  // GMP's macros (mpz_sgn, mpz_odd_p) dereference their argument with ->.
  __mpz_struct* operator->() { return value; }
  const __mpz_struct* operator->() const { return value; }
};

// A read-only mpz view of an int's value (is_int(v) must hold). A small int
// is viewed through a limb on the stack, so the common case allocates nothing.
class IntView {
 public:
  explicit IntView(Value v);
  IntView(const IntView&) = delete;
  IntView& operator=(const IntView&) = delete;
  operator mpz_srcptr() const { return m_pointer; }
  const __mpz_struct* operator->() const { return m_pointer; }

 private:
  mp_limb_t m_limb;
  __mpz_struct m_small;
  mpz_srcptr m_pointer;
};

// A new int holding `value`'s content, which is taken (left 0): no copy of
// the digits for a big result.
Ref make_int_taking(mpz_t value);
// str(value) of a small int: its decimal digits.
Ref small_int_str(int64_t value);

// Raise the exception a numeric.h / format.h function reported.
Raised raise_numeric_error(const NumericError& error);
Raised raise_format_error(const FormatError& error);
// format.h's messages name the base type ("for object of type 'int'"); this
// puts the name of `actual`, a subclass, in its place.
void rename_format_error_type(FormatError& error, std::string_view base_name, Type* actual);

// int(x) and int(x, base) as the constructor computes them for an exact int
// result; `base` null when not given.
Ref int_from_object(Value x, Value base = Value());
// int(text, base) for the text of `source`, a str (UTF-8: non-ASCII digits
// and spaces are translated as CPython does) or a bytes-like object, which
// the "invalid literal" message quotes as CPython does. A null source is
// taken as a str.
Ref int_from_text(std::string_view text, int base, Value source);

// Translates non-ASCII Unicode decimal digits to ASCII ones and Unicode
// white space to ' ' (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII);
// other non-ASCII characters become '?'.
std::string transform_decimal_and_space(std::string_view utf8);

// hash() of an int.
int64_t int_hash_value(Value v);
// Sign of an int: -1, 0 or 1.
int int_sign(Value v);

}  // namespace coil
