"""String constants (ascii_letters, digits, punctuation, ...), capwords,
Template ($-substitution) and Formatter (str.format's machinery, open to
subclassing).

Template here recognises the default placeholder syntax ($name, ${name},
$$) with any `delimiter`; a subclass's custom `idpattern` or `pattern`
regular expression is not honoured.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace',
           'Formatter', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word and join them with sep (one
    space when sep is None)."""
    return (sep or ' ').join(x.capitalize() for x in s.split(sep))


_sentinel_dict = {}

_ID_START = frozenset('_' + ascii_letters)
_ID_CONTINUE = frozenset('_' + ascii_letters + digits)


class _ChainMap:
    """Looks keys up in the keyword arguments first, then the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Template:
    """A string with $-placeholders: Template('$who likes $what')."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, text, start, end) over the template: kind is
        'literal', 'escaped', 'named', 'braced' or 'invalid'."""
        template = self.template
        delim = self.delimiter
        n = len(template)
        dl = len(delim)
        i = 0
        literal_start = 0
        while True:
            j = template.find(delim, i)
            if j < 0:
                break
            if j > literal_start:
                yield 'literal', template[literal_start:j], literal_start, j
            k = j + dl
            if template.startswith(delim, k):
                yield 'escaped', delim, j, k + dl
                i = literal_start = k + dl
                continue
            if k < n and template[k] in _ID_START:
                end = k + 1
                while end < n and template[end] in _ID_CONTINUE:
                    end += 1
                yield 'named', template[k:end], j, end
                i = literal_start = end
                continue
            if k < n and template[k] == '{':
                start = k + 1
                end = start
                if end < n and template[end] in _ID_START:
                    end += 1
                    while end < n and template[end] in _ID_CONTINUE:
                        end += 1
                    if end < n and template[end] == '}':
                        yield 'braced', template[start:end], j, end + 1
                        i = literal_start = end + 1
                        continue
            yield 'invalid', delim, j, k
            i = literal_start = k
        if literal_start < n:
            yield 'literal', template[literal_start:], literal_start, n

    def _invalid(self, position):
        lines = self.template[:position].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = position - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        """The template with every placeholder replaced; KeyError for a
        missing name, ValueError for a malformed placeholder."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        parts = []
        for kind, text, start, end in self._scan():
            if kind == 'literal' or kind == 'escaped':
                parts.append(text)
            elif kind == 'invalid':
                self._invalid(end)
            else:
                parts.append('%s' % (mapping[text],))
        return ''.join(parts)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        """As substitute, but missing names and malformed placeholders are
        left as they are."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        parts = []
        template = self.template
        for kind, text, start, end in self._scan():
            if kind == 'literal' or kind == 'escaped':
                parts.append(text)
            elif kind == 'invalid':
                parts.append(template[start:end])
            else:
                try:
                    parts.append('%s' % (mapping[text],))
                except KeyError:
                    parts.append(template[start:end])
        return ''.join(parts)

    def is_valid(self):
        """Whether the template has no malformed placeholder."""
        return all(kind != 'invalid' for kind, _, _, _ in self._scan())

    def get_identifiers(self):
        """The placeholder names, each once, in order of appearance."""
        ids = []
        for kind, text, start, end in self._scan():
            if kind in ('named', 'braced') and text not in ids:
                ids.append(text)
        return ids


def _split_field_name(field_name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]), as str.format reads it."""
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = field_name[i]
        if c == '.':
            j = i + 1
            while j < n and field_name[j] not in '.[':
                j += 1
            name = field_name[i + 1:j]
            if not name:
                raise ValueError('Empty attribute in format string')
            rest.append((True, name))
            i = j
        elif c == '[':
            j = field_name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            if key.isdigit():
                key = int(key)
            rest.append((False, key))
            i = j + 1
            if i < n and field_name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, rest


class Formatter:
    """str.format's algorithm, in methods a subclass may override:
    parse, get_field, get_value, check_unused_args, format_field and
    convert_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification '
                                         'to automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification '
                                         'to automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        """Yield (literal_text, field_name, format_spec, conversion) tuples,
        splitting the string as str.format does."""
        s = format_string
        n = len(s)
        pos = 0
        while pos < n:
            start = pos
            c = ''
            markup_follows = False
            while pos < n:
                c = s[pos]
                pos += 1
                if c == '{' or c == '}':
                    markup_follows = True
                    break
            at_end = pos >= n
            length = pos - start
            if c == '}' and markup_follows and (at_end or s[pos] != '}'):
                raise ValueError("Single '}' encountered in format string")
            if at_end and c == '{' and markup_follows:
                raise ValueError("Single '{' encountered in format string")
            if markup_follows and not at_end:
                if s[pos] == c:
                    # a doubled brace: literal text ending with one brace
                    pos += 1
                    markup_follows = False
                else:
                    length -= 1
            literal = s[start:start + length]
            if not markup_follows:
                yield literal, None, None, None
                continue
            field_name, format_spec, conversion, pos = self._parse_field(s, pos)
            yield literal, field_name, format_spec, conversion

    @staticmethod
    def _parse_field(s, pos):
        """Read one replacement field starting after its '{'; return its
        name, format spec, conversion and the position after its '}'."""
        n = len(s)
        name_start = pos
        c = ''
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while pos < n and s[pos] != ']':
                    pos += 1
                continue
            if c in '}:!':
                break
        else:
            c = ''
        field_name = s[name_start:pos - 1] if c else s[name_start:pos]
        conversion = None
        if c == '!' or c == ':':
            if c == '!':
                if pos >= n:
                    raise ValueError('end of string while looking for conversion specifier')
                conversion = s[pos]
                pos += 1
                if pos < n:
                    c = s[pos]
                    pos += 1
                    if c == '}':
                        return field_name, '', conversion, pos
                    if c != ':':
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = pos
            count = 1
            while pos < n:
                c = s[pos]
                pos += 1
                if c == '{':
                    count += 1
                elif c == '}':
                    count -= 1
                    if count == 0:
                        return field_name, s[spec_start:pos - 1], conversion, pos
            raise ValueError("unmatched '{' in format spec")
        if c != '}':
            raise ValueError("expected '}' before end of string")
        return field_name, '', conversion, pos

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
