"""Regular expressions, as CPython 3.11's `re`, on PCRE2 (the native `_pcre`).

A Python pattern is translated into PCRE2's syntax where the two differ
(`\\Z`, `{,n}`, `\\v`, `\\uXXXX`, numbered backreferences, verbose mode, the
flags `a`/`u`/`L`) and checked on the way, so that the common syntax errors
carry CPython's messages and positions. PCRE2 then compiles and matches;
Pattern, Match, the substitution templates and split are here.
"""

import _pcre

__all__ = [
    'match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'compile',
    'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S', 'X',
    'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE',
    'NOFLAG', 'RegexFlag',
]

_MAXSIZE = 9223372036854775807


class RegexFlag(int):
    """The flags: ints whose repr names them (re.IGNORECASE|re.MULTILINE)."""

    _names = ()

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        parts = []
        for name, bit in RegexFlag._names:
            if value & bit:
                parts.append('re.' + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return '|'.join(parts)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        # The single flag's name, or the names joined by '|', as IntFlag.
        text = repr(self)
        return None if text.startswith('0x') else text.replace('re.', '')

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)
RegexFlag._names = (('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8),
                    ('DOTALL', 16), ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128),
                    ('ASCII', 256))

_INLINE_FLAGS = {'i': 2, 'L': 4, 'm': 8, 's': 16, 'u': 32, 'x': 64, 'a': 256}


class error(Exception):
    """A pattern or template that cannot be compiled."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'
PatternError = error

# ---- Translation of Python's syntax into PCRE2's ----

_DIGITS = '0123456789'
_OCTDIGITS = '01234567'
_OCT1 = frozenset(_OCTDIGITS)  # one octal digit (so that '' is not one)
_HEXDIGITS = '0123456789abcdefABCDEF'
_ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_WHITESPACE = ' \t\n\r\v\f'
# Escapes that mean the same in both syntaxes.
_CLASS_ESCAPES = 'dDsSwW'
_SIMPLE_CODES = {'a': 7, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11, 'b': 8}
_SIMPLE_ESCAPES = {'a': '\\x{7}', 'f': '\\f', 'n': '\\n', 'r': '\\r', 't': '\\t',
                   'v': '\\x{b}', 'b': '\\x{8}'}


def _hexcode(code):
    return '\\x{%x}' % code


def _is_identifier(name):
    return name.isidentifier()


class _Translator:
    """One pass over a pattern: PCRE2 text, the group count and names, and
    the global flags, raising error with CPython's messages."""

    def __init__(self, pattern, text, flags, is_bytes):
        self.pattern = pattern      # as given (for error())
        self.text = text            # as str (bytes decoded as latin-1)
        self.flags = flags
        self.is_bytes = is_bytes
        self.out = []
        self.groups = 0
        self.names = {}
        self.open_groups = set()
        self.flags_end = 0  # where global flags may still start
        # Case-insensitivity under re.ASCII is done here, not by PCRE2, whose
        # caseless matching folds non-ASCII letters too (é/É, k/K): None while
        # the global flag rules, else True/False inside (?i:...)/(?-i:...).
        self.scoped_caseless = None
        self.code = None  # the code point the last escape stands for, if one

    def ascii_caseless(self):
        """True where ASCII letters match both cases and nothing else folds."""
        if self.is_bytes or not self.flags & 256:
            return False
        if self.scoped_caseless is not None:
            return self.scoped_caseless
        return bool(self.flags & 2)

    def literal(self, code):
        """Appends an escape's character under ASCII case-insensitivity."""
        if code < 128 and chr(code).isalpha():
            self.out.append('[%s%s]' % (chr(code).lower(), chr(code).upper()))
        else:
            self.out.append(_hexcode(code))

    def error(self, message, pos):
        raise error(message, self.pattern, pos)

    def translate(self):
        text = self.text
        self.i = 0
        # Each entry: (position of '(', group number or 0, verbose before it).
        stack = []
        verbose = bool(self.flags & 64)
        last = None  # None: nothing to repeat; 'atom'; 'repeat'; 'mod' (after ? or + on a repeat)
        repeat_end = -1  # where the last quantifier ended
        n = len(text)
        while self.i < n:
            here = self.i
            c = text[here]
            if verbose:
                if c in _WHITESPACE:
                    self.i += 1
                    continue
                if c == '#':
                    while self.i < n and text[self.i] != '\n':
                        self.i += 1
                    continue
            if c == '\\':
                last = self.escape(here, False)
                if self.code is not None and self.ascii_caseless():
                    self.out.pop()
                    self.literal(self.code)
            elif c == '[':
                self.char_class(here)
                last = 'atom'
            elif c == '(':
                caseless_before = self.scoped_caseless
                group, verbose_inside = self.open_paren(here, verbose)
                if group is None:
                    verbose = verbose_inside
                    continue  # a comment or global flags
                if group == 'atom':
                    last = 'atom'
                    continue
                stack.append((here, group, verbose, caseless_before))
                verbose = verbose_inside
                last = None
            elif c == ')':
                if not stack:
                    self.error('unbalanced parenthesis', here)
                start, group, verbose, self.scoped_caseless = stack.pop()
                if group:
                    self.open_groups.discard(group)
                self.out.append(')')
                self.i += 1
                last = 'atom'
            elif c == '|':
                self.out.append('|')
                self.i += 1
                last = None
            elif c in '*+?':
                # ? and + make the quantifier right before them lazy or
                # possessive; after a space or comment they repeat again.
                if last == 'repeat' and c in '?+' and here == repeat_end:
                    self.out.append(c)
                    self.i += 1
                    last = 'mod'
                    continue
                if last is None or last == 'anchor':
                    self.error('nothing to repeat', here)
                if last in ('repeat', 'mod'):
                    self.error('multiple repeat', here)
                self.out.append(c)
                self.i += 1
                last = 'repeat'
                repeat_end = self.i
            elif c == '{':
                quantifier = self.brace(here)
                if quantifier is None:
                    self.out.append('\\{')
                    self.i += 1
                    last = 'atom'
                else:
                    if last is None or last == 'anchor':
                        self.error('nothing to repeat', here)
                    if last in ('repeat', 'mod'):
                        self.error('multiple repeat', here)
                    self.out.append(quantifier)
                    last = 'repeat'
                    repeat_end = self.i
            elif c in '^$':
                self.out.append(c)
                self.i += 1
                last = 'anchor'
            else:
                if c.isascii() and c.isalpha() and self.ascii_caseless():
                    self.literal(ord(c))
                else:
                    self.out.append(c)
                self.i += 1
                last = 'atom'
        if stack:
            self.error('missing ), unterminated subpattern', stack[-1][0])
        return ''.join(self.out)

    def brace(self, here):
        """A {m,n} quantifier at `here` in PCRE2's form, or None for a literal '{'."""
        text = self.text
        i = here + 1
        lo = hi = ''
        while i < len(text) and text[i] in _DIGITS:
            lo += text[i]
            i += 1
        comma = i < len(text) and text[i] == ','
        if comma:
            i += 1
            while i < len(text) and text[i] in _DIGITS:
                hi += text[i]
                i += 1
        if i >= len(text) or text[i] != '}' or (not lo and not comma and not hi):
            return None
        if not comma:
            hi = lo
        low = int(lo) if lo else 0
        if low >= 4294967295 or (hi and int(hi) >= 4294967295):
            raise OverflowError('the repetition number is too large')
        if hi and int(hi) < low:
            self.error('min repeat greater than max repeat', here + 1)
        self.i = i + 1
        if not comma:
            return '{%d}' % low
        return '{%d,%s}' % (low, str(int(hi)) if hi else '')

    def escape(self, here, in_class):
        """Translates the escape at `here`; returns what it leaves to repeat."""
        text = self.text
        if here + 1 >= len(text):
            self.error('bad escape (end of pattern)', here)
        c = text[here + 1]
        self.i = here + 2
        out = self.out
        self.code = None
        if c in _CLASS_ESCAPES:
            out.append('\\' + c)
            return 'atom'
        if c in _SIMPLE_ESCAPES:
            if c == 'b' and not in_class:
                out.append('\\b')
                return 'anchor'
            out.append(_SIMPLE_ESCAPES[c])
            self.code = _SIMPLE_CODES[c]
            return 'atom'
        if not in_class and c in 'ABZ':
            # CPython's \B never matches in an empty string; PCRE2's does.
            out.append({'A': '\\A', 'B': '(?:(?!\\A\\z)\\B)', 'Z': '\\z'}[c])
            return 'anchor'
        if c == 'x':
            digits = text[here + 2:here + 4]
            if len(digits) != 2 or any(d not in _HEXDIGITS for d in digits):
                self.error('incomplete escape \\x' + digits, here)
            self.i = here + 4
            self.code = int(digits, 16)
            out.append(_hexcode(self.code))
            return 'atom'
        if c in 'uU' and not self.is_bytes:
            size = 4 if c == 'u' else 8
            digits = text[here + 2:here + 2 + size]
            if len(digits) != size or any(d not in _HEXDIGITS for d in digits):
                self.error('incomplete escape \\%s%s' % (c, digits), here)
            code = int(digits, 16)
            if code > 0x10FFFF:
                self.error('bad escape \\%s%s' % (c, digits), here)
            self.i = here + 2 + size
            self.code = code
            out.append(_hexcode(code))
            return 'atom'
        if c == 'N' and not self.is_bytes:
            if here + 2 >= len(text) or text[here + 2] != '{':
                self.error('missing {', here + 2)
            end = text.find('}', here + 3)
            if end < 0:
                self.error('missing }, unterminated name', here + 3)
            name = text[here + 3:end]
            try:
                code = ord(eval('"\\N{' + name + '}"')) if name and '"' not in name and '\\' not in name else None
            except Exception:
                code = None
            if code is None:
                self.error('undefined character name %r' % name, here)
            self.i = end + 1
            self.code = code
            out.append(_hexcode(code))
            return 'atom'
        if c == '0':
            i = here + 2
            digits = ''
            while i < len(text) and len(digits) < 2 and text[i] in _OCTDIGITS:
                digits += text[i]
                i += 1
            self.i = i
            self.code = int(digits, 8) if digits else 0
            out.append(_hexcode(self.code))
            return 'atom'
        if c in _DIGITS:
            i = here + 2
            # Three octal digits: an octal escape.
            if c in _OCTDIGITS and text[i:i + 1] in _OCT1 and text[i + 1:i + 2] in _OCT1:
                code = int(text[here + 1:i + 2], 8)
                if code > 0o377:
                    self.error('octal escape value \\%s outside of range 0-0o377'
                               % text[here + 1:i + 2], here)
                self.i = i + 2
                self.code = code
                out.append(_hexcode(code))
                return 'atom'
            if in_class:
                if c in _OCTDIGITS:
                    self.code = int(c, 8)
                    out.append(_hexcode(self.code))
                    return 'atom'
                self.error('bad escape \\' + c, here)
            digits = c
            if i < len(text) and text[i] in _DIGITS:
                digits += text[i]
                i += 1
            self.i = i
            group = int(digits)
            if group > self.groups:
                self.error('invalid group reference %d' % group, here + 1)
            if group in self.open_groups:
                self.error('cannot refer to an open group', here)
            out.append(('(?i:\\g{%d})' if self.ascii_caseless() else '\\g{%d}') % group)
            return 'atom'
        if c in _ASCII_LETTERS:
            self.error('bad escape \\' + c, here)
        out.append('\\' + c if ord(c) < 128 else c)
        self.code = ord(c)
        return 'atom'

    def char_class(self, here):
        text = self.text
        out = self.out
        i = here + 1
        out.append('[')
        if i < len(text) and text[i] == '^':
            out.append('^')
            i += 1
        first = True
        # For ASCII case-insensitivity: the class's single characters and
        # ranges, whose other case is added before the ']'.
        singles = []
        ranges = []
        previous = None       # the last single character, which may start a range
        range_start = None    # set after 'x-'
        while True:
            if i >= len(text):
                self.error('unterminated character set', here)
            c = text[i]
            if c == ']' and not first:
                if self.ascii_caseless():
                    out.append(self.other_cases(singles, ranges))
                out.append(']')
                self.i = i + 1
                return
            first = False
            code = None
            if c == '\\':
                self.escape(i, True)
                i = self.i
                code = self.code
            elif c in '[]':
                out.append('\\' + c)
                code = ord(c)
                i += 1
            elif c == '-' and previous is not None and text[i + 1:i + 2] not in ('', ']'):
                out.append('-')
                range_start, previous = previous, None
                i += 1
                continue
            else:
                out.append(c)
                code = ord(c)
                i += 1
            if range_start is not None and code is not None:
                ranges.append((range_start, code))
                range_start = previous = None
            else:
                range_start = None
                previous = code
                if code is not None:
                    singles.append(code)

    @staticmethod
    def other_cases(singles, ranges):
        """The other case of the ASCII letters among a class's members."""
        extra = []
        for code in singles:
            if code < 128 and chr(code).isalpha():
                extra.append(chr(code).swapcase())
        for low, high in ranges:
            for base, other in ((97, 65), (65, 97)):
                start, end = max(low, base), min(high, base + 25)
                if start <= end:
                    extra.append('%s-%s' % (chr(start - base + other), chr(end - base + other)))
        return ''.join(extra)

    def group_name(self, start, terminator):
        """The name from `start` up to `terminator`; sets self.i past it."""
        text = self.text
        end = text.find(terminator, start)
        if end < 0:
            self.error('missing %s, unterminated name' % terminator, start)
        name = text[start:end]
        if not name:
            self.error('missing group name', start)
        if not _is_identifier(name):
            self.error('bad character in group name %r' % name, start)
        self.i = end + 1
        return name

    def open_paren(self, here, verbose):
        """Translates a '(' construct; returns (group or 0, verbose inside),
        or (None, _) when it produced no group (comments, global flags)."""
        text = self.text
        out = self.out
        n = len(text)
        if here + 1 >= n or text[here + 1] != '?':
            self.groups += 1
            self.open_groups.add(self.groups)
            out.append('(')
            self.i = here + 1
            return self.groups, verbose
        i = here + 2
        if i >= n:
            self.error('unexpected end of pattern', i)
        c = text[i]
        if c in ':=!>':
            out.append('(?' + c)
            self.i = i + 1
            return -1, verbose
        if c == '<':
            if i + 1 < n and text[i + 1] in '=!':
                out.append('(?<' + text[i + 1])
                self.i = i + 2
                return -1, verbose
            self.error('unknown extension ?<' + text[i + 1:i + 2], here + 1)
        if c == '#':
            end = text.find(')', i)
            if end < 0:
                self.error('missing ), unterminated comment', here)
            self.i = end + 1
            return None, verbose
        if c == 'P':
            kind = text[i + 1:i + 2]
            if kind == '<':
                name = self.group_name(i + 2, '>')
                if name in self.names:
                    self.error('redefinition of group name %r as group %d; was group %d'
                               % (name, self.groups + 1, self.names[name]), i + 2)
                self.groups += 1
                self.names[name] = self.groups
                self.open_groups.add(self.groups)
                out.append('(?P<%s>' % name)
                return self.groups, verbose
            if kind == '=':
                name = self.group_name(i + 2, ')')
                if name not in self.names:
                    self.error('unknown group name %r' % name, i + 2)
                if self.names[name] in self.open_groups:
                    self.error('cannot refer to an open group', here)
                out.append(('(?i:\\g{%d})' if self.ascii_caseless() else '(?:\\g{%d})')
                           % self.names[name])
                return 'atom', verbose
            if not kind:
                self.error('unexpected end of pattern', i + 1)
            self.error('unknown extension ?P' + kind, i)
        if c == '(':
            end = text.find(')', i + 1)
            if end < 0:
                self.error('missing ), unterminated name', i + 1)
            ref = text[i + 1:end]
            if ref.isdigit():
                out.append('(?(%d)' % int(ref))
            elif _is_identifier(ref):
                if ref not in self.names:
                    self.error('unknown group name %r' % ref, i + 1)
                out.append('(?(%d)' % self.names[ref])
            else:
                self.error('bad character in group name %r' % ref, i + 1)
            self.i = end + 1
            return -1, verbose
        # Flags: (?aiLmsux) global, or (?aiLmsux-imsx:...) scoped.
        on = off = 0
        j = i
        while j < n and text[j] in _INLINE_FLAGS:
            on |= _INLINE_FLAGS[text[j]]
            j += 1
        if j < n and text[j] == '-':
            j += 1
            if j >= n:
                self.error('missing flag', j)
            if text[j] not in 'imsx':
                if text[j] in _ASCII_LETTERS:
                    self.error('bad inline flag: cannot turn off flags \'a\', \'u\' and \'L\'' if text[j] in 'auL' else 'unknown flag', j)
                self.error('missing flag', j)
            while j < n and text[j] in _INLINE_FLAGS:
                if text[j] not in 'imsx':
                    self.error('bad inline flag: cannot turn off flags \'a\', \'u\' and \'L\'', j)
                off |= _INLINE_FLAGS[text[j]]
                j += 1
        if j >= n:
            self.error('missing -, : or )', j)
        if j == i and not off:
            self.error('unknown extension ?' + text[j], here + 1)
        if text[j] == ')':
            if off:
                self.error('missing :', j)
            if self.out or here != self.flags_end:
                self.error('global flags not at the start of the expression', here)
            self.flags_end = j + 1
            self.flags |= on
            self.i = j + 1
            return None, bool(self.flags & 64)
        if text[j] != ':':
            if text[j] in _ASCII_LETTERS:
                self.error('unknown flag', j)
            self.error('missing -, : or )', j)
        ascii = not self.is_bytes and (self.flags | on) & 256
        if ascii and (on | off) & 2:
            self.scoped_caseless = bool(on & 2)
        case_letters = 'ms' if ascii else 'ims'
        letters_on = ''.join(ch for ch in case_letters if on & _INLINE_FLAGS[ch])
        letters_off = ''.join(ch for ch in case_letters if off & _INLINE_FLAGS[ch])
        out.append('(?' + letters_on + ('-' + letters_off if letters_off else '') + ':')
        self.i = j + 1
        inside = verbose
        if on & 64:
            inside = True
        if off & 64:
            inside = False
        return -1, inside


# What PCRE2 rejects after the translation, in CPython's words.
_PCRE2_MESSAGES = {
    'lookbehind assertion is not fixed length': 'look-behind requires fixed-width pattern',
    'number too big in {} quantifier': 'the repetition number is too large',
}


def _compile_native(pattern, flags):
    is_bytes = not isinstance(pattern, str)
    if is_bytes:
        try:
            text = bytes(memoryview(pattern)).decode('latin-1')
        except TypeError:
            raise TypeError('first argument must be string or compiled pattern') from None
        if flags & UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & LOCALE and flags & ASCII:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    else:
        text = pattern
        if flags & LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    translator = _Translator(pattern, text, int(flags), is_bytes)
    translated = translator.translate()
    flags = translator.flags
    if not is_bytes:
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if flags & LOCALE:
            raise error('bad inline flag: cannot use \'L\' flag with a str pattern')
        if not flags & ASCII:
            flags |= UNICODE
    elif flags & UNICODE:
        raise error('bad inline flag: cannot use \'u\' flag with a bytes pattern')
    options = 0
    if flags & IGNORECASE and (is_bytes or not flags & ASCII):
        options |= _pcre.CASELESS
    if flags & MULTILINE:
        options |= _pcre.MULTILINE
    if flags & DOTALL:
        options |= _pcre.DOTALL
    if not is_bytes and not flags & ASCII:
        options |= _pcre.UCP
    source = translated.encode('latin-1') if is_bytes else translated
    try:
        code = _pcre.compile(source, options, is_bytes)
    except ValueError as e:
        message = e.args[0] if e.args else 'bad pattern'
        raise error(_PCRE2_MESSAGES.get(message, message)) from None
    return code, RegexFlag(flags), translator.names


# ---- Pattern and Match ----

class Pattern:
    """A compiled regular expression."""

    __slots__ = ('pattern', 'flags', 'groups', 'groupindex', '_code', '__weakref__')

    def __init__(self, pattern, flags):
        code, flags, names = _compile_native(pattern, flags)
        self.pattern = pattern
        self.flags = int(flags)
        self._code = code
        self.groups = code.groups
        self.groupindex = dict(sorted(names.items(), key=lambda item: item[1]))

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = int(self.flags)
        if isinstance(self.pattern, str):
            flags &= ~32
        if flags:
            return 're.compile(%s, %r)' % (text, RegexFlag(flags))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls

    def _bounds(self, string, pos, endpos):
        """pos and endpos clamped to the string, as CPython's state_init."""
        try:
            length = len(string)
        except TypeError:
            raise TypeError('expected string or bytes-like object, got %r'
                            % type(string).__name__) from None
        if pos < 0:
            pos = 0
        elif pos > length:
            pos = length
        if endpos < 0:
            endpos = 0
        elif endpos > length:
            endpos = length
        if endpos < pos:
            endpos = pos
        return pos, endpos

    def _run(self, string, pos, endpos, mode, not_empty=False):
        pos, endpos = self._bounds(string, pos, endpos)
        spans = self._code.match(string, pos, endpos, mode, not_empty)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        # As CPython 3.7+: an empty match may follow a non-empty one at the
        # same place, but no two empty matches share a position.
        length = len(string)
        endpos = min(max(endpos, 0), length)
        must_advance = False
        while True:
            m = self._run(string, pos, endpos, 1, must_advance)
            if m is None:
                return
            yield m
            start, end = m.span()
            must_advance = start == end
            pos = end
            if pos > endpos:
                return

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        pos, endpos = self._bounds(string, pos, endpos)
        return self._code.findall(string, pos, endpos)

    def split(self, string, maxsplit=0):
        pos, endpos = self._bounds(string, 0, _MAXSIZE)
        parts = []
        last = 0
        cut = self._code.slice
        groups = self.groups
        for spans in self._code.spans(string, pos, endpos, max(maxsplit, 0)):
            parts.append(cut(string, last, spans[0]))
            for g in range(1, groups + 1):
                start = spans[2 * g]
                parts.append(None if start < 0 else _bytes_if_needed(cut(string, start, spans[2 * g + 1])))
            last = spans[1]
        parts.append(cut(string, last, endpos))
        return parts

    def subn(self, repl, string, count=0):
        pos, endpos = self._bounds(string, 0, _MAXSIZE)
        template = None
        if not callable(repl):
            template = _compile_template(self, repl)
        pieces = []
        last = 0
        n = 0
        cut = self._code.slice
        for spans in self._code.spans(string, pos, endpos, max(count, 0)):
            start = spans[0]
            if start > last:
                pieces.append(cut(string, last, start))
            if template is None:
                replacement = repl(Match(self, string, pos, endpos, spans))
            else:
                replacement = _expand_spans(template, string, spans, cut)
            if replacement is not None:
                pieces.append(replacement)
            last = spans[1]
            n += 1
        if last < endpos:
            pieces.append(cut(string, last, endpos))
        if isinstance(string, str):
            return ''.join(pieces), n
        return b''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._iter = pattern.finditer(string, pos, endpos)

    def search(self):
        return next(self._iter, None)

    def match(self):
        return next(self._iter, None)


def _compile_template(pattern, repl):
    """A list of literal pieces and group numbers (CPython's parse_template)."""
    is_bytes = not isinstance(repl, str)
    if is_bytes:
        text = bytes(memoryview(repl)).decode('latin-1')
    else:
        text = repl
    items = []
    literal = []
    i = 0
    n = len(text)

    def fail(message, pos):
        raise error(message, repl, pos)

    while i < n:
        c = text[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            fail('bad escape (end of pattern)', i)
        c = text[i + 1]
        group = None
        if c == 'g':
            if i + 2 >= n or text[i + 2] != '<':
                fail('missing <', i + 2)
            end = text.find('>', i + 3)
            if end < 0:
                fail('missing >, unterminated name', i + 3)
            name = text[i + 3:end]
            if not name:
                fail('missing group name', i + 3)
            if name.isdigit() and name.isascii():
                group = int(name)
                if group > pattern.groups:
                    fail('invalid group reference %d' % group, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError('unknown group name %r' % name)
                group = pattern.groupindex[name]
            else:
                fail('bad character in group name %r' % name, i + 3)
            i = end + 1
        elif c == '0':
            j = i + 2
            digits = ''
            while j < n and len(digits) < 2 and text[j] in _OCTDIGITS:
                digits += text[j]
                j += 1
            literal.append(chr(int(digits, 8) if digits else 0))
            i = j
            continue
        elif c in _DIGITS:
            j = i + 2
            if c in _OCTDIGITS and text[j:j + 1] in _OCT1 and text[j + 1:j + 2] in _OCT1:
                code = int(text[i + 1:j + 2], 8)
                if code > 0o377:
                    fail('octal escape value \\%s outside of range 0-0o377' % text[i + 1:j + 2], i)
                literal.append(chr(code))
                i = j + 2
                continue
            digits = c
            if j < n and text[j] in _DIGITS:
                digits += text[j]
                j += 1
            group = int(digits)
            if group > pattern.groups:
                fail('invalid group reference %d' % group, i + 1)
            i = j
        else:
            escapes = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
                       'v': '\v', '\\': '\\'}
            if c in escapes:
                literal.append(escapes[c])
            elif c in _ASCII_LETTERS:
                fail('bad escape \\' + c, i)
            else:
                literal.append('\\' + c)
            i += 2
            continue
        if literal:
            items.append(''.join(literal))
            literal = []
        items.append(group)
    if literal or not items:
        items.append(''.join(literal))
    if is_bytes:
        items = [item.encode('latin-1') if isinstance(item, str) else item for item in items]
    return items


def _bytes_if_needed(text):
    if isinstance(text, (str, bytes)):
        return text
    return bytes(text)  # groups of a bytearray or memoryview are bytes


def _expand_spans(template, string, spans, cut):
    """The template with each group reference replaced by that group's text."""
    if len(template) == 1 and not isinstance(template[0], int):
        return template[0]
    pieces = []
    for item in template:
        if isinstance(item, int):
            start = spans[2 * item]
            if start >= 0:
                pieces.append(_bytes_if_needed(cut(string, start, spans[2 * item + 1])))
        else:
            pieces.append(item)
    if isinstance(string, str):
        return ''.join(pieces)
    return b''.join(pieces)


def _expand_template(template, m):
    return _expand_spans(template, m.string, m._spans, m.re._code.slice)


class Match:
    """The result of a successful match."""

    __slots__ = ('re', 'string', 'pos', 'endpos', '_spans')

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return int(group)
            raise IndexError('no such group')
        if isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
            raise IndexError('no such group')
        try:
            value = group.__index__()
        except (AttributeError, TypeError):
            raise IndexError('no such group') from None
        if 0 <= value <= self.re.groups:
            return value
        raise IndexError('no such group')

    def _get(self, index, default=None):
        start = self._spans[2 * index]
        if start < 0:
            return default
        return _bytes_if_needed(self.re._code.slice(self.string, start, self._spans[2 * index + 1]))

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return (self._spans[2 * index], self._spans[2 * index + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1])
                     for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        # The group that closed last: the latest end, the outermost on a tie.
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            start, end = self._spans[2 * i], self._spans[2 * i + 1]
            if start >= 0 and end > best_end:
                best, best_end = i, end
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        for name, number in self.re.groupindex.items():
            if number == index:
                return name
        return None

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __repr__(self):
        # As CPython's %.50R: the repr of the match cut at 50 characters.
        return '<re.Match object; span=%r, match=%s>' % (self.span(), repr(self.group())[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


Pattern.__module__ = 're'
Match.__module__ = 're'

# ---- The module-level functions ----

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        if isinstance(pattern, (bytearray, memoryview)):
            pattern = bytes(pattern)
        else:
            raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        compiled = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL_CHARS = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL_CHARS)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_SPECIAL_CHARS).encode('latin1')
