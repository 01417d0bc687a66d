"""The JSON decoder: JSONDecoder, JSONDecodeError and the scanner behind them.

The scanner walks the string with plain index loops (no regular expressions),
and reports errors with the messages and positions of CPython's C scanner.
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}


class JSONDecodeError(ValueError):
    """ValueError subclass carrying where the document stopped parsing:
    msg, doc, pos, lineno and colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _NoValue(Exception):
    """Raised by the scanner when no JSON value starts at `pos`; the caller
    turns it into the "Expecting value" error at that position."""

    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip_whitespace(s, end):
    """The index of the first non-whitespace character at or after end."""
    try:
        while s[end] in _WHITESPACE:
            end += 1
    except IndexError:
        pass
    return end


def _decode_hex4(s, pos):
    """The code point of the 4 hex digits after the 'u' at s[pos]."""
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4:
        for c in esc:
            if c not in _HEX:
                break
        else:
            return int(esc, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)


def scanstring(s, end, strict=True):
    """Decode the JSON string whose opening quote is at s[end - 1]; return
    (string, index just past the closing quote)."""
    begin = end - 1
    chunks = []
    append = chunks.append
    find = s.find
    while True:
        # Most strings are short, so look for the closing quote in a small
        # window first. (It also keeps the scan linear in coil, whose
        # str.find with a start index costs O(len(s)); see the bug list.)
        quote = s[end:end + 64].find('"')
        if quote >= 0:
            quote += end
        else:
            quote = find('"', end)
            if quote < 0:
                # Unterminated; but an invalid escape or control character
                # before the end is reported first, as CPython's scanner does.
                quote = len(s)
        content = s[end:quote]
        backslash = content.find('\\')
        if backslash >= 0:
            content = content[:backslash]
            backslash += end
        if strict and content and not content.isprintable():
            # Non-printable characters are rare; only then look for controls.
            for i, c in enumerate(content):
                if c < ' ':
                    raise JSONDecodeError('Invalid control character at', s, end + i)
        if backslash < 0:
            if quote == len(s):
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            if chunks:
                append(content)
                return ''.join(chunks), quote + 1
            return content, quote + 1
        append(content)
        end = backslash + 1
        try:
            esc = s[end]
        except IndexError:
            raise JSONDecodeError('Unterminated string starting at', s, begin) from None
        if esc != 'u':
            try:
                append(_BACKSLASH[esc])
            except KeyError:
                raise JSONDecodeError('Invalid \\escape', s, backslash) from None
            end += 1
            continue
        uni = _decode_hex4(s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            uni2 = _decode_hex4(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        append(chr(uni))


def make_scanner(context):
    """Return scan_once(string, idx) -> (value, end) for a JSONDecoder's
    settings; raises _NoValue(idx) when no value starts at idx."""
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    strict = context.strict
    memo = {}

    def parse_object(s, end):
        pairs = []
        nextchar = s[end:end + 1]
        if nextchar != '"':
            end = _skip_whitespace(s, end)
            nextchar = s[end:end + 1]
            if nextchar == '}':
                if object_pairs_hook is not None:
                    return object_pairs_hook(pairs), end + 1
                result = {}
                if object_hook is not None:
                    result = object_hook(result)
                return result, end + 1
            if nextchar != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, strict)
            key = memo.setdefault(key, key)
            if s[end:end + 1] != ':':
                end = _skip_whitespace(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_whitespace(s, end + 1)
            # Nested containers are parsed here directly, so that each level
            # of nesting costs one frame (CPython's C scanner nests about
            # as deep as the recursion limit).
            nextchar = s[end:end + 1]
            if nextchar == '{':
                value, end = parse_object(s, end + 1)
            elif nextchar == '[':
                value, end = parse_array(s, end + 1)
            else:
                value, end = scan_once(s, end)
            pairs.append((key, value))
            end = _skip_whitespace(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_whitespace(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, end - 1)
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), end
        result = dict(pairs)
        if object_hook is not None:
            result = object_hook(result)
        return result, end

    def parse_array(s, end):
        values = []
        end = _skip_whitespace(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        append = values.append
        while True:
            nextchar = s[end:end + 1]
            if nextchar == '[':
                value, end = parse_array(s, end + 1)
            elif nextchar == '{':
                value, end = parse_object(s, end + 1)
            else:
                value, end = scan_once(s, end)
            append(value)
            end = _skip_whitespace(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                return values, end
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_whitespace(s, end)

    def parse_number(s, idx):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
        n = len(s)
        end = idx
        if s[end] == '-':
            end += 1
        if end >= n or s[end] not in _DIGITS:
            raise _NoValue(idx)
        if s[end] == '0':
            end += 1
        else:
            while end < n and s[end] in _DIGITS:
                end += 1
        is_float = False
        if end + 1 < n and s[end] == '.' and s[end + 1] in _DIGITS:
            is_float = True
            end += 2
            while end < n and s[end] in _DIGITS:
                end += 1
        if end < n and s[end] in 'eE':
            exp = end + 1
            if exp < n and s[exp] in '+-':
                exp += 1
            if exp < n and s[exp] in _DIGITS:
                is_float = True
                end = exp + 1
                while end < n and s[end] in _DIGITS:
                    end += 1
        if is_float:
            return parse_float(s[idx:end]), end
        return parse_int(s[idx:end]), end

    def scan_once(s, idx):
        try:
            nextchar = s[idx]
        except IndexError:
            raise _NoValue(idx) from None
        if nextchar == '"':
            return scanstring(s, idx + 1, strict)
        if nextchar == '{':
            return parse_object(s, idx + 1)
        if nextchar == '[':
            return parse_array(s, idx + 1)
        if nextchar in '-0123456789':
            if nextchar == '-' and s[idx:idx + 9] == '-Infinity':
                return parse_constant('-Infinity'), idx + 9
            return parse_number(s, idx)
        if nextchar == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if nextchar == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if nextchar == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if nextchar == 'N' and s[idx:idx + 3] == 'NaN':
            return parse_constant('NaN'), idx + 3
        if nextchar == 'I' and s[idx:idx + 8] == 'Infinity':
            return parse_constant('Infinity'), idx + 8
        raise _NoValue(idx)

    def scan(s, idx):
        try:
            return scan_once(s, idx)
        except _NoValue as err:
            raise JSONDecodeError('Expecting value', s, err.pos) from None
        finally:
            memo.clear()

    return scan


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    Decodes objects to dict, arrays to list, strings to str, integers to int,
    other numbers to float, true/false/null to True/False/None, and also
    accepts NaN, Infinity and -Infinity.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.scan_once = make_scanner(self)

    def decode(self, s):
        """Return the Python value of the JSON document `s` (a str)."""
        obj, end = self.raw_decode(s, idx=_skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON value starting at s[idx]; return (value, end index).
        Text after the value is left alone."""
        return self.scan_once(s, idx)
