// The repr() of the primitive values, exactly as CPython 3.11 writes them.
// Used by ast dumps now and by the runtime's types later.
#pragma once

#include <string>
#include <string_view>

namespace coil {

// repr(float): the shortest string that reads back as the same double, in
// fixed notation when the decimal exponent is in [-4, 16), else scientific
// with a signed, at least two-digit exponent: 1.0, 0.0001, 1e-05, 1e+16, inf.
std::string float_repr(double value);

// repr(complex(0, imag)) for a pure imaginary number: 1j, 1.5j, 1e+16j, infj.
std::string imaginary_repr(double imag);

// repr(str): `text` is UTF-8, where lone surrogates may appear as their
// 3-byte encodings. Picks the quote as CPython does, escapes \\, the quote,
// \t \n \r, other control characters and every non-printable code point.
std::string str_repr(std::string_view text);

// repr(bytes): b'…' with the same quote choice, \xhh for bytes outside
// printable ASCII.
std::string bytes_repr(std::string_view bytes);

// Whether a code point is printable as str.isprintable() decides.
bool is_printable(char32_t code_point);

// Decodes one code point of UTF-8 (surrogates allowed) at `text[pos]`,
// advancing `pos`. An invalid byte decodes as itself.
char32_t decode_utf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of a code point (surrogates encoded as 3 bytes).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace coil
