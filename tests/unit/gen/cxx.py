"""C++ literals for the test generators in this folder (imported by them)."""
import math


def cxx_string(value) -> str:
    """A C++ string literal holding exactly `value`: bytes as they are, a str
    as its UTF-8 (lone surrogates as their 3-byte encodings, as coil stores
    them). Non-printable bytes are hex escapes, split from a following hex
    digit so that the escape ends where it should."""
    data = value if isinstance(value, bytes) else value.encode('utf-8', 'surrogatepass')
    out, pending_hex = '"', False
    for b in data:
        ch = chr(b)
        if 0x20 <= b < 0x7f and ch not in '"\\?':
            if pending_hex and ch in '0123456789abcdefABCDEF':
                out += '" "'
            out += ch
            pending_hex = False
        else:
            out += '\\x%02x' % b
            pending_hex = True
    return out + '"'


def cxx_double(f: float) -> str:
    """A C++ expression for the double `f`, exactly (hex float, INFINITY, NAN)."""
    if math.isnan(f):
        return 'NAN'
    if math.isinf(f):
        return 'INFINITY' if f > 0 else '-INFINITY'
    return float.hex(f)
