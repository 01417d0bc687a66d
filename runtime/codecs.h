// The text codecs built into coil (runtime/codecs.cpp): str.encode,
// bytes.decode and str(bytes, encoding) go through here.
//
// Implemented as CPython 3.11 implements them, byte for byte, including
// their error handlers and the UnicodeDecodeError / UnicodeEncodeError
// they raise: utf-8 (and utf-8-sig), ascii, latin-1, cp1252, utf-16 and utf-32 (with
// or without a byte order), unicode_escape and raw_unicode_escape. Encoding
// names are normalized and resolved through CPython's aliases ("UTF8",
// "latin1", "iso-8859-1", "us-ascii"…). The error handlers are strict,
// ignore, replace, backslashreplace, surrogateescape, surrogatepass,
// xmlcharrefreplace and namereplace.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil {

// str.encode(encoding, errors): `str` is a str object; returns bytes.
// LookupError "unknown encoding: x" for a codec coil does not have.
Ref encode_text(Value str, std::string_view encoding, std::string_view errors);

// bytes.decode(encoding, errors): returns a str.
Ref decode_text(std::string_view data, std::string_view encoding, std::string_view errors);

// The canonical name of a text codec ("utf-8", "latin-1", "ascii",
// "utf-16-le"…, as codecs.lookup(name).name gives it), or an empty view
// if coil has no such text codec.
std::string_view text_codec_name(std::string_view encoding);

// Argument Clinic's str converter reads a str as UTF-8: a str argument
// holding a lone surrogate (an encoding name '\ud800') raises the
// UnicodeEncodeError of encoding it, as there. True if it can be read.
bool check_utf8_encodable(Value str);

// True if `data` is strict UTF-8 (no surrogates, no overlong forms): the
// bytes of a str that every codec can encode as is.
bool is_valid_utf8(std::string_view data);

// Raises UnicodeDecodeError(encoding, data, start, end, reason) /
// UnicodeEncodeError(encoding, str, start, end, reason); for codecs written
// elsewhere (the codecs module, file I/O).
void raise_unicode_decode_error(std::string_view encoding, std::string_view data, size_t start,
                                size_t end, std::string_view reason);
void raise_unicode_encode_error(std::string_view encoding, Value str, size_t start, size_t end,
                                std::string_view reason);

}  // namespace coil
