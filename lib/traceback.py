"""Extracting, formatting and printing stack traces and exceptions, as CPython
3.11's traceback module.

The frames of a traceback or of the running stack become a StackSummary, a
list of FrameSummary (file, line number, function, source line, the span of
the failing expression); an exception with its causes, contexts and group
members becomes a TracebackException. Their format() methods write the text
the interpreter prints for an uncaught exception, caret lines included.
"""

import sys

import linecache
import _traceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


# --- Lists of frames -------------------------------------------------------------

def print_list(extracted_list, file=None):
    """Prints the frames (FrameSummary objects or (filename, lineno, name,
    line) tuples) as format_list writes them, to `file` or sys.stderr."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """One string per frame: '  File "...", line N, in name' and the source
    line, each string ending in a newline."""
    return StackSummary.from_list(extracted_list).format()


# --- Tracebacks ------------------------------------------------------------------

def print_tb(tb, limit=None, file=None):
    """Prints the frames of a traceback (up to `limit` of them)."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """The frames of a traceback as format_list formats them."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """The frames of a traceback as a StackSummary, oldest first. A positive
    limit keeps that many from the oldest, a negative one from the newest."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


# --- Exceptions ------------------------------------------------------------------

_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    """The exception and traceback the (exc, value, tb) arguments stand for:
    an exception alone, or the three values of sys.exc_info()."""
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _sentinel:
        if exc is None:
            return None, None
        if isinstance(exc, BaseException):
            return exc, exc.__traceback__
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Prints an exception with its traceback (and those of its causes and
    contexts when `chain`) to `file` or sys.stderr, as format_exception."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines print_exception prints, as a list of strings ending in
    newlines (some of them hold several lines)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of format_exception: "Type: message" (with a
    SyntaxError's location before it and any __notes__ after)."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Prints the exception being handled, as print_exception."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The exception being handled as one string, as format_exception."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Prints the last uncaught exception (sys.last_type, sys.last_value,
    sys.last_traceback)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# --- The running stack -----------------------------------------------------------

def print_stack(f=None, limit=None, file=None):
    """Prints the stack from the outermost frame down to `f` (the caller's
    frame by default)."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """The stack down to `f` (the caller's frame by default) as format_list
    formats it."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """The stack down to `f` (the caller's frame by default) as a
    StackSummary, oldest first. A positive limit keeps that many frames from
    the newest, a negative one from the oldest."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clears the local variables of every frame of a traceback (frames still
    running are left alone)."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next


# --- Frames ------------------------------------------------------------------------

class FrameSummary:
    """One frame of a stack or traceback: filename, lineno, name, the source
    line (`line`, looked up in linecache on first use), the span of the
    failing expression (end_lineno, colno, end_colno; columns are UTF-8 byte
    offsets) and, when captured, the reprs of the frame's variables
    (`locals`). It unpacks and indexes as the tuple
    (filename, lineno, name, line)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        # The source line as it is in the file, indentation and newline kept.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Yields (frame, lineno) from `f` out through its callers; from the
    frame that called the caller of walk_stack when `f` is None."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Yields (frame, lineno) for each entry of a traceback, oldest first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    # (frame, (lineno, end_lineno, colno, end_colno)) of each entry: the
    # position of the instruction that failed.
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    if type(code) is _CodeType:
        return _traceback._code_position(code, instruction_index // 2)
    positions = code.co_positions()
    for _ in range(instruction_index // 2):
        next(positions)
    return next(positions)


_CodeType = type(_get_code_position.__code__)


_RECURSIVE_CUTOFF = 3  # identical frames shown before "[Previous line repeated …]"


def _kept_source_line(filename, code, lineno):
    # Code compiled from text that is kept with it (notebook cells) has no
    # file to read: its line comes from that text (None when there is none).
    if not (filename.startswith('<') and filename.endswith('>')) or filename in linecache.cache:
        return None
    text = _traceback._code_source(code)
    if text is None or lineno is None:
        return None
    lines = text.splitlines()
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1] + '\n'
    return None


class StackSummary(list):
    """A list of FrameSummary objects, as extract_tb and extract_stack make
    them, with the formatting of tracebacks."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """A StackSummary of the (frame, lineno) pairs of `frame_gen` (as
        walk_stack or walk_tb yield them): up to `limit` of them from the
        first, or from the last for a negative limit; sys.tracebacklimit
        when limit is None. The source lines are read now when
        `lookup_lines`; `capture_locals` keeps the reprs of each frame's
        variables."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = _first(frame_gen, limit)
            else:
                frame_gen = list(frame_gen)[limit:]

        result = klass()
        filenames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            code = f.f_code
            filename = code.co_filename
            filenames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            # The lines are looked up once checkcache has run.
            result.append(FrameSummary(
                filename, lineno, code.co_name, lookup_line=False, locals=f_locals,
                line=_kept_source_line(filename, code, lineno),
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in filenames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary of FrameSummary objects and (filename, lineno,
        name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text for one frame: its "File" line, its source line with a
        caret line under the failing expression, and its variables when
        captured. format() leaves out a frame for which this returns None."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append('    {}\n'.format(stripped_line))
            carets = _caret_line(frame_summary, stripped_line)
            if carets is not None:
                row.append(carets)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """One string per frame, as format_frame_summary makes them, ending
        in newlines; more than three identical frames in a row are written
        as three and a "[Previous line repeated N more times]" line."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated_line(count))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count <= _RECURSIVE_CUTOFF:
                result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated_line(count))
        return result


def _first(iterable, count):
    # The first `count` items (itertools.islice(iterable, count)).
    if count <= 0:
        return
    for item in iterable:
        yield item
        count -= 1
        if count == 0:
            return


def _is_sequence(value):
    from collections.abc import Sequence
    return isinstance(value, Sequence)


def _repeated_line(count):
    count -= _RECURSIVE_CUTOFF
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


# --- Caret lines -----------------------------------------------------------------
#
# Under the source line of a frame, "^" marks the failing expression; for a
# binary operation or a subscript alone on a line, "~" marks its operands
# and "^" the operator or the brackets. Columns come as UTF-8 byte offsets;
# the marks count terminal columns (wide characters take two).

def _caret_line(frame_summary, stripped_line):
    if frame_summary.colno is None or frame_summary.end_colno is None:
        return None
    original = frame_summary._original_line
    # What strip() took off both ends, newline included.
    stripped_characters = len(original) - len(stripped_line)
    start_offset = _byte_offset_to_character_offset(original, frame_summary.colno) + 1
    end_offset = _byte_offset_to_character_offset(original, frame_summary.end_colno) + 1
    anchors = None
    if frame_summary.lineno == frame_summary.end_lineno:
        try:
            anchors = _extract_caret_anchors_from_line_segment(
                original[start_offset - 1:end_offset - 1])
        except Exception:
            anchors = None
    else:
        # A span over several lines: marked to the end of its first.
        end_offset = len(original.rstrip()) + 1
    # No marks when they would only underline the whole line.
    if not (end_offset - start_offset < len(stripped_line) or
            (anchors and anchors.right_start_offset - anchors.left_end_offset > 0)):
        return None
    display_start = _display_width(original, start_offset - 1) + 1
    display_end = _display_width(original, end_offset - 1) + 1
    row = ['    ', ' ' * (display_start - stripped_characters)]
    if anchors:
        segment = original[start_offset - 1:end_offset - 1]
        left = _display_width(segment, anchors.left_end_offset)
        right = _display_width(segment, anchors.right_start_offset)
        row.append(anchors.primary_char * left)
        row.append(anchors.secondary_char * (right - left))
        row.append(anchors.primary_char * (display_end - display_start - right))
    else:
        row.append('^' * (display_end - display_start))
    row.append('\n')
    return ''.join(row)


def _byte_offset_to_character_offset(str, offset):
    # The characters in the first `offset` UTF-8 bytes of `str` (a cut
    # character counting as one).
    if str.isascii():
        return len(str[:offset])
    as_utf8 = str.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


class _Anchors(tuple):
    # (left_end_offset, right_start_offset, primary_char, secondary_char):
    # "~" up to the first offset, "^" up to the second, "~" after.
    __slots__ = ()
    _fields = ('left_end_offset', 'right_start_offset', 'primary_char', 'secondary_char')

    def __new__(cls, left_end_offset, right_start_offset, primary_char="~", secondary_char="^"):
        return tuple.__new__(cls, (left_end_offset, right_start_offset, primary_char, secondary_char))

    left_end_offset = property(lambda self: self[0])
    right_start_offset = property(lambda self: self[1])
    primary_char = property(lambda self: self[2])
    secondary_char = property(lambda self: self[3])

    def __repr__(self):
        return ('_Anchors(left_end_offset=%r, right_start_offset=%r, primary_char=%r, '
                'secondary_char=%r)' % self)


def _extract_caret_anchors_from_line_segment(segment):
    # For a segment that is a lone binary operation: the operator's span;
    # for a subscript: the brackets' (character offsets into the segment).
    parts = _traceback._segment_parts(segment)
    if parts is None:
        return None
    is_binop, first, second = parts

    def normalize(offset):
        return _byte_offset_to_character_offset(segment, offset)

    size = len(segment)
    if is_binop:
        # `first` ends the left operand, `second` starts the right one.
        between = segment[normalize(first):normalize(second)]
        skipped = len(between) - len(between.lstrip())
        left = first + skipped
        right = left + 1
        if skipped + 1 < len(between) and not between[skipped + 1].isspace():
            right += 1  # a two-character operator
        while left < size and (segment[left].isspace() or segment[left] in ')#'):
            left += 1
            right += 1
        return _Anchors(normalize(left), normalize(right))
    # `first` ends the subscripted value, `second` the index.
    left = normalize(first)
    right = normalize(second + 1)
    while left < size and segment[left] != '[':
        left += 1
    while right < size and segment[right] != ']':
        right += 1
    if right < size:
        right += 1
    return _Anchors(left, right)


_WIDE_CHAR_SPECIFIERS = "WF"


def _display_width(line, offset):
    """The terminal columns line[:offset] takes: two for East Asian wide and
    fullwidth characters, one for any other."""
    return _traceback._display_width(line, offset)


# --- TracebackException ------------------------------------------------------------

class _ExceptionPrintContext:
    # The state of one format() run across the exceptions of a group.
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '
        if isinstance(text_gen, str):
            yield _indent_lines(text_gen, indent_str)
        else:
            for text in text_gen:
                yield _indent_lines(text, indent_str)


def _indent_lines(text, prefix):
    # Every line prefixed, blank ones too.
    return ''.join(prefix + line for line in text.splitlines(True))


class TracebackException:
    """An exception ready to be formatted: its type (exc_type), str() (as
    str(te)), traceback (stack, a StackSummary), __notes__, the
    TracebackExceptions of its __cause__ and __context__, and of the members
    of an exception group (exceptions); for a SyntaxError also filename,
    lineno, end_lineno, text, offset, end_offset and msg. The exception itself
    is not kept.

    limit, lookup_lines and capture_locals are as for StackSummary.extract;
    compact leaves out the __context__ that would not be printed. Groups are
    shown max_group_width members wide and max_group_depth levels deep."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        # Only the outermost call converts the chain, without recursion;
        # `_seen` (the ids of the exceptions met) stops cycles.
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lineno = exc_value.lineno
            self.lineno = str(lineno) if lineno is not None else None
            end_lineno = exc_value.end_lineno
            self.end_lineno = str(end_lineno) if end_lineno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = (
            exc_value.__suppress_context__ if exc_value is not None else False)

        if is_recursive_call:
            return
        options = dict(limit=limit, lookup_lines=lookup_lines,
                       capture_locals=capture_locals,
                       max_group_width=max_group_width,
                       max_group_depth=max_group_depth, _seen=_seen)

        def convert(e):
            return TracebackException(type(e), e, e.__traceback__, **options)

        pending = [(self, exc_value)]
        while pending:
            te, e = pending.pop()
            if e and e.__cause__ is not None and id(e.__cause__) not in _seen:
                cause = convert(e.__cause__)
            else:
                cause = None
            if compact:
                need_context = cause is None and e is not None and not e.__suppress_context__
            else:
                need_context = True
            if (e and e.__context__ is not None and need_context and
                    id(e.__context__) not in _seen):
                context = convert(e.__context__)
            else:
                context = None
            if e and isinstance(e, BaseExceptionGroup):
                exceptions = [convert(member) for member in e.exceptions]
            else:
                exceptions = None
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                pending.append((te.__cause__, e.__cause__))
            if context:
                pending.append((te.__context__, e.__context__))
            if exceptions:
                pending.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException of an exception and its own traceback."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Yields the "Type: message" line (for a SyntaxError, its location,
        source line and caret line first), then the __notes__ lines."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return

        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype

        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if self.__notes__ is not None and _is_sequence(self.__notes__):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [line + '\n' for line in note.split('\n')]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr)

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)

        text = self.text
        if text is not None:
            # The line without its indentation; the carets under
            # offset..end_offset (1-based, end excluded).
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                    yield '    {}{}\n'.format(caretspace, '^' * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Yields the text of the exception as print_exception prints it:
        with `chain`, its causes and contexts first; then its traceback and
        format_exception_only's lines; for a group, its members in boxes."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()

        chained = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    message, following = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    message, following = _context_message, exc.__context__
                else:
                    message = following = None
                chained.append((message, exc))
                exc = following
        else:
            chained.append((None, exc))

        for message, exc in reversed(chained):
            if message is not None:
                yield from _ctx.emit(message)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from self._format_group(exc, chain, _ctx)

    def _format_group(self, exc, chain, _ctx):
        toplevel = _ctx.exception_group_depth == 0
        if toplevel:
            _ctx.exception_group_depth += 1
        if exc.stack:
            yield from _ctx.emit(
                'Exception Group Traceback (most recent call last):\n',
                margin_char='+' if toplevel else None)
            yield from _ctx.emit(exc.stack.format())
        yield from _ctx.emit(exc.format_exception_only())

        count = len(exc.exceptions)
        shown = count if count <= self.max_group_width else self.max_group_width + 1
        _ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                # A nested group may draw the closing line itself.
                _ctx.need_close = True
            truncated = self.max_group_width is not None and i >= self.max_group_width
            title = '...' if truncated else f'{i + 1}'
            yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            _ctx.exception_group_depth += 1
            if not truncated:
                yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                remaining = count - self.max_group_width
                plural = 's' if remaining > 1 else ''
                yield from _ctx.emit(f"and {remaining} more exception{plural}\n")
            if last and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1
        if toplevel:
            _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Prints format()'s text to `file` or sys.stderr."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
