"""Text wrapping and filling: wrap, fill, shorten, dedent, indent and the
TextWrapper class behind them, breaking lines as CPython's textwrap does
(at whitespace, and after hyphens inside words).
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_letter(c):
    # [^\d\W] in CPython's pattern: word characters that are not digits
    return c.isalpha() or c == '_'


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_word_punct(c):
    return _is_word(c) or c in '!"\'&.,?'


class TextWrapper:
    """Wraps paragraphs to a width; the keyword arguments of wrap() and
    fill() are its attributes."""

    unicode_whitespace_trans = {ord(c): ' ' for c in _whitespace}

    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into chunks: runs of whitespace, and words (cut after
        hyphens and around em-dashes when break_on_hyphens is set)."""
        chunks = []
        n = len(text)
        i = 0
        hyphens = self.break_on_hyphens
        while i < n:
            if text[i] in _whitespace:
                j = i
                while j < n and text[j] in _whitespace:
                    j += 1
                chunks.append(text[i:j])
                i = j
                continue
            if hyphens and text[i] == '-' and i > 0 and _is_word_punct(text[i - 1]):
                j = i
                while j < n and text[j] == '-':
                    j += 1
                if j - i >= 2 and j < n and _is_word(text[j]):
                    chunks.append(text[i:j])
                    i = j
                    continue
            j = i + 1
            while j < n and text[j] not in _whitespace:
                if hyphens:
                    # after a hyphen joining letters: "long-winded"
                    if text[j - 1] == '-' and j - 1 > i and self._hyphen_break(text, j):
                        break
                    # before an em-dash following a word
                    if (text[j] == '-' and _is_word_punct(text[j - 1]) and
                            j + 1 < n and text[j + 1] == '-'):
                        k = j
                        while k < n and text[k] == '-':
                            k += 1
                        if k < n and _is_word(text[k]):
                            break
                j += 1
            chunks.append(text[i:j])
            i = j
        return chunks

    @staticmethod
    def _hyphen_break(text, j):
        # text[j - 1] is '-'; break after it if preceded by two letters, or by
        # letter-hyphen-letter, and followed by letter [hyphen] letter
        h = j - 1
        before = (h >= 2 and _is_letter(text[h - 1]) and _is_letter(text[h - 2])) or \
                 (h >= 3 and _is_letter(text[h - 1]) and text[h - 2] == '-' and
                  _is_letter(text[h - 3]))
        if not before:
            return False
        n = len(text)
        if j < n and _is_letter(text[j]):
            if j + 1 < n and _is_letter(text[j + 1]):
                return True
            if j + 2 < n and text[j + 1] == '-' and _is_letter(text[j + 2]):
                return True
        return False

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            chunk = chunks[i]
            if chunks[i + 1] == ' ' and self._sentence_end(chunk):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    @staticmethod
    def _sentence_end(chunk):
        # [a-z][.!?]["']?$
        if chunk and chunk[-1] in '"\'':
            chunk = chunk[:-1]
        return (len(chunk) >= 2 and chunk[-1] in '.!?' and
                'a' <= chunk[-2] <= 'z')

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """The lines of text wrapped to self.width, without newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped text as one string."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a paragraph to lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap a paragraph and join the lines with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and truncate it to width, ending
    with a placeholder if anything was cut."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the whitespace that every non-blank line starts with. Lines
    holding only spaces and tabs become empty."""
    lines = text.split('\n')
    margin = None
    for index, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            lines[index] = ''
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate is true (by
    default, the lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
