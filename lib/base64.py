"""Base16, Base32 and Base64 data encodings (RFC 4648), plus the MIME-style
encodebytes/decodebytes. Built on binascii."""

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes',
           'b64encode', 'b64decode', 'b32encode', 'b32decode',
           'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode',
           'a85encode', 'a85decode', 'b85encode', 'b85decode']

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII '
                        'string, not %r' % s.__class__.__name__) from None


def b64encode(s, altchars=None):
    """Base64-encode bytes-like s; altchars (2 bytes) replace '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 s (bytes-like or ASCII str). Characters outside the
    alphabet are discarded unless validate is true, when they raise
    binascii.Error; incorrect padding always does."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """Base64-encode with the standard alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode Base64 in the standard alphabet."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """Base64-encode with the URL- and filesystem-safe alphabet ('-' and '_')."""
    return b64encode(s).translate(bytes.maketrans(b'+/', b'-_'))


def urlsafe_b64decode(s):
    """Decode Base64 in the URL- and filesystem-safe alphabet."""
    s = _bytes_from_decode_data(s)
    s = s.translate(bytes.maketrans(b'-_', b'+/'))
    return b64decode(s)


_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


def _b32encode(alphabet, s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    leftover = len(s) % 5
    if leftover:
        s = bytes(s) + bytes(5 - leftover)
    encoded = bytearray()
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5], 'big')
        for shift in range(35, -1, -5):
            encoded.append(alphabet[(c >> shift) & 31])
    # Each leftover byte count leaves a fixed number of '=' padding characters.
    pad = {1: 6, 2: 4, 3: 3, 4: 1}.get(leftover, 0)
    if pad:
        encoded[-pad:] = b'=' * pad
    return bytes(encoded)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    length = len(s)
    s = s.rstrip(b'=')
    padchars = length - len(s)
    decoded = bytearray()
    lookup = {c: i for i, c in enumerate(alphabet)}
    for i in range(0, len(s), 8):
        quanta = s[i:i + 8]
        acc = 0
        try:
            for c in quanta:
                acc = (acc << 5) + lookup[c]
        except KeyError:
            raise binascii.Error('Non-base32 digit found') from None
        acc <<= 5 * (8 - len(quanta))
        decoded += acc.to_bytes(5, 'big')
    if length % 8 or padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and decoded:
        keep = (43 - 5 * padchars) // 8
        decoded[-5:] = decoded[-5:][:keep]
    return bytes(decoded)


def b32encode(s):
    """Base32-encode bytes-like s."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32 s; casefold accepts lowercase, map01 maps 0 to O and 1 to map01."""
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Base32-encode with the Extended Hex alphabet."""
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    """Decode Base32 in the Extended Hex alphabet."""
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


def b16encode(s):
    """Base16-encode (uppercase hex) bytes-like s."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode Base16 s; lowercase digits only with casefold."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b'0123456789ABCDEF':
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# Ascii85 and base85: four bytes as five base-85 digits.

_A85START = b'<~'
_A85END = b'~>'
_B85_ALPHABET = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                 b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_b85_decode_table = None


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    if not isinstance(b, bytes_types):
        b = memoryview(b).tobytes()
    padding = (-len(b)) % 4
    if padding:
        b = bytes(b) + b'\0' * padding
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        if foldnuls and not word:
            chunks.append(b'z')
        elif foldspaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            digits = bytearray(5)
            for k in range(4, -1, -1):
                word, digit = divmod(word, 85)
                digits[k] = alphabet[digit]
            chunks.append(bytes(digits))
    if padding and not pad:
        if chunks[-1] == b'z':
            chunks[-1] = alphabet[:1] * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85-encode bytes-like b. foldspaces writes 'y' for four spaces,
    wrapcol wraps lines, pad pads to a multiple of 4 bytes, adobe adds the
    <~ ~> framing."""
    result = _85encode(b, bytes(range(33, 118)), pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 b; characters in ignorechars are skipped."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError('Ascii85 encoded byte sequences must end with {!r}'.format(_A85END))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    decoded = bytearray()
    group = []
    for x in b + b'u' * 4:  # 'u' (84) pads the last group
        if 33 <= x <= 117:
            group.append(x)
            if len(group) == 5:
                acc = 0
                for digit in group:
                    acc = 85 * acc + (digit - 33)
                if acc > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                decoded += acc.to_bytes(4, 'big')
                group = []
        elif x == 122:  # 'z'
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            decoded += b'\0\0\0\0'
        elif foldspaces and x == 121:  # 'y'
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            decoded += b'    '
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    padding = 4 - len(group)
    if padding:
        del decoded[-padding:]
    return bytes(decoded)


def b85encode(b, pad=False):
    """base85-encode bytes-like b (the alphabet of git and Mercurial binary diffs)."""
    return _85encode(b, _B85_ALPHABET, pad)


def b85decode(b):
    """Decode base85 b."""
    global _b85_decode_table
    if _b85_decode_table is None:
        table = [None] * 256
        for i, c in enumerate(_B85_ALPHABET):
            table[c] = i
        _b85_decode_table = table
    table = _b85_decode_table
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        acc = 0
        for j, c in enumerate(b[i:i + 5]):
            value = table[c]
            if value is None:
                raise ValueError('bad base85 character at position %d' % (i + j))
            acc = acc * 85 + value
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += acc.to_bytes(4, 'big')
    if padding:
        del out[-padding:]
    return bytes(out)


MAXLINESIZE = 76  # excluding the CRLF
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        msg = 'expected bytes-like object, not %s' % s.__class__.__name__
        raise TypeError(msg) from err


def encodebytes(s):
    """Base64-encode s into lines of at most 76 characters, each ending in a newline."""
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        chunk = s[i:i + MAXBINSIZE]
        pieces.append(binascii.b2a_base64(chunk))
    return b''.join(pieces)


def decodebytes(s):
    """Decode Base64 s written in lines."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    """Base64-encode the binary file input into the file output."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            ns = input.read(MAXBINSIZE - len(s))
            if not ns:
                break
            s += ns
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the Base64 file input into the binary file output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
