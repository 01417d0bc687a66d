"""Conversions between binary data and ASCII encodings: hex, base64 and the
CRC-32 / CRC-CCITT checksums (the parts of CPython's binascii the rest of the
standard library uses)."""

__all__ = ['Error', 'Incomplete', 'hexlify', 'unhexlify', 'b2a_hex', 'a2b_hex',
           'b2a_base64', 'a2b_base64', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
# Byte value -> 6-bit value, or -1 for bytes outside the alphabet.
_B64_DECODE = [-1] * 256
for _i, _c in enumerate(_B64_ALPHABET):
    _B64_DECODE[_c] = _i
# Every pair of 6-bit values as two output bytes, so encoding does two
# lookups per three input bytes.
_B64_PAIRS = [bytes((_B64_ALPHABET[_i >> 6], _B64_ALPHABET[_i & 63])) for _i in range(4096)]
del _i, _c


def _buffer(data, what='a bytes-like object is required'):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, str):
        raise TypeError(f"{what}, not 'str'")
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError(f"{what}, not '{type(data).__name__}'") from None


def _ascii_buffer(data):
    """Argument of the a2b_* functions: bytes-like or an ASCII-only str."""
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    if isinstance(data, (bytes, bytearray)):
        return data
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError(f"argument should be bytes, buffer or ASCII string, "
                        f"not '{type(data).__name__}'") from None


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data, optionally grouped by sep."""
    data = _buffer(data)
    if sep is None:
        return bytes(data).hex().encode('ascii')
    if isinstance(sep, bytes):
        sep = sep.decode('ascii')
    return bytes(data).hex(sep, bytes_per_sep).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    """Binary data of a hexadecimal string (an even number of hex digits)."""
    hexstr = _ascii_buffer(hexstr)
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    text = hexstr.decode('ascii') if isinstance(hexstr, (bytes, bytearray)) else hexstr
    for c in text:
        if c not in '0123456789abcdefABCDEF':
            raise Error('Non-hexadecimal digit found')
    return bytes.fromhex(text)


a2b_hex = unhexlify


def b2a_base64(data, *, newline=True):
    """Base64 encoding of binary data, with a trailing newline unless newline=False."""
    data = _buffer(data)
    pairs = _B64_PAIRS
    out = []
    append = out.append
    full = len(data) - len(data) % 3
    for i in range(0, full, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        append(pairs[n >> 12])
        append(pairs[n & 4095])
    rest = len(data) - full
    if rest == 1:
        n = data[full] << 16
        append(pairs[n >> 12] + b'==')
    elif rest == 2:
        n = (data[full] << 16) | (data[full + 1] << 8)
        append(pairs[n >> 12] + pairs[n & 4095][:1] + b'=')
    if newline:
        append(b'\n')
    return b''.join(out)


def a2b_base64(data, *, strict_mode=False):
    """Binary data of base64 text. Outside strict mode, bytes outside the
    alphabet are skipped and decoding stops at complete padding."""
    data = _ascii_buffer(data)
    table = _B64_DECODE
    out = bytearray()
    quad_pos = 0
    left = 0
    pads = 0
    padding_started = False
    if strict_mode and data[:1] == b'=':
        raise Error('Leading padding not allowed')
    n = len(data)
    for i in range(n):
        c = data[i]
        if c == 61:  # '='
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        value = table[c]
        if value < 0:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            left = value
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((left << 2) | (value >> 4)) & 0xff)
            left = value & 0x0f
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((left << 4) | (value >> 2)) & 0xff)
            left = value & 0x03
        else:
            quad_pos = 0
            out.append(((left << 6) | value) & 0xff)
            left = 0
    if quad_pos == 1:
        raise Error('Invalid base64-encoded string: number of data characters '
                    f'({len(out) // 3 * 4 + 1}) cannot be 1 more than a multiple of 4')
    if quad_pos != 0:
        raise Error('Incorrect padding')
    return bytes(out)


def _make_crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC32_TABLE = None


def crc32(data, value=0):
    """CRC-32 checksum of data, continuing from a previous value."""
    global _CRC32_TABLE
    data = _buffer(data)
    if _CRC32_TABLE is None:
        _CRC32_TABLE = _make_crc32_table()
    table = _CRC32_TABLE
    crc = ~value & 0xffffffff
    for b in data:
        crc = table[(crc ^ b) & 0xff] ^ (crc >> 8)
    return ~crc & 0xffffffff


def crc_hqx(data, value):
    """CRC-CCITT (XModem) checksum of data, starting from value."""
    data = _buffer(data)
    crc = value & 0xffff
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xffff if crc & 0x8000 else (crc << 1) & 0xffff
    return crc
