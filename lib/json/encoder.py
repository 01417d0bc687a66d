"""The JSON encoder: JSONEncoder and the string escaping functions.

Encoding builds one list of string chunks by recursion and joins it; the
escaping follows CPython exactly (lowercase \\uXXXX escapes, surrogate pairs
for characters outside the BMP when ensure_ascii is on).
"""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

# The escape of every character that must be escaped in any mode.
_ESCAPE = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f',
           '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    _ESCAPE.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string, non-ASCII kept."""
    if '"' not in s and '\\' not in s and (s.isprintable() or not _has_control(s)):
        return '"' + s + '"'
    get = _ESCAPE.get
    return '"' + ''.join([get(c, c) for c in s]) + '"'


def _has_control(s):
    for c in s:
        if c < ' ':
            return True
    return False


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    chunks = []
    append = chunks.append
    escape = _ESCAPE
    for c in s:
        if ' ' <= c <= '~':
            if c == '"' or c == '\\':
                append(escape[c])
            else:
                append(c)
            continue
        e = escape.get(c)
        if e is not None:
            append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            append('\\u{0:04x}\\u{1:04x}'.format(0xd800 | ((n >> 10) & 0x3ff),
                                                  0xdc00 | (n & 0x3ff)))
    return '"' + ''.join(chunks) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    dict -> object, list/tuple -> array, str -> string, int/float -> number,
    True/False/None -> true/false/null. Subclasses implement default() to
    return a serializable object for other types.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for `o`, or raise TypeError; the base
        implementation always raises."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return the JSON string of `o`."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode `o`, yielding its JSON text as a sequence of chunks."""
        return iter(_make_encoder(self)(o))


def _make_encoder(encoder):
    """Return a function mapping an object to the list of its JSON chunks,
    with the settings of `encoder` bound."""
    markers = {} if encoder.check_circular else None
    default = encoder.default
    encode_str = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
    allow_nan = encoder.allow_nan
    sort_keys = encoder.sort_keys
    skipkeys = encoder.skipkeys
    item_separator = encoder.item_separator
    key_separator = encoder.key_separator
    indent = encoder.indent
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    int_repr = int.__repr__
    float_repr = float.__repr__

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float_repr(o)
        if not allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def enter(o):
        if markers is not None:
            marker = id(o)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = o

    def leave(o):
        if markers is not None:
            del markers[id(o)]

    def encode_list(lst, level, out):
        if not lst:
            out.append('[]')
            return
        enter(lst)
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = item_separator + newline
            out.append('[' + newline)
        else:
            newline = None
            separator = item_separator
            out.append('[')
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            # Nested containers recurse directly, so that each level of
            # nesting costs one frame, as in CPython's C encoder.
            if isinstance(value, (list, tuple)):
                encode_list(value, level, out)
            elif isinstance(value, dict):
                encode_dict(value, level, out)
            else:
                encode(value, level, out)
        if newline is not None:
            out.append('\n' + indent * (level - 1))
        out.append(']')
        leave(lst)

    def encode_dict(dct, level, out):
        if not dct:
            out.append('{}')
            return
        enter(dct)
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = item_separator + newline
            out.append('{' + newline)
        else:
            newline = None
            separator = item_separator
            out.append('{')
        items = sorted(dct.items()) if sort_keys else dct.items()
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int_repr(key)
            elif skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(separator)
            out.append(encode_str(key))
            out.append(key_separator)
            if isinstance(value, (list, tuple)):
                encode_list(value, level, out)
            elif isinstance(value, dict):
                encode_dict(value, level, out)
            else:
                encode(value, level, out)
        if newline is not None:
            out.append('\n' + indent * (level - 1))
        out.append('}')
        leave(dct)

    def encode(o, level, out):
        if isinstance(o, str):
            out.append(encode_str(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int_repr(o))
        elif isinstance(o, float):
            out.append(floatstr(o))
        elif isinstance(o, (list, tuple)):
            encode_list(o, level, out)
        elif isinstance(o, dict):
            encode_dict(o, level, out)
        else:
            enter(o)
            encode(default(o), level, out)
            leave(o)

    def encode_top(o):
        out = []
        encode(o, 0, out)
        return out

    return encode_top
