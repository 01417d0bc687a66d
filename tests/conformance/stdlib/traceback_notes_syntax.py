# traceback: __notes__ in their forms (list, str, not a sequence, failing
# str()), and SyntaxError's lines (file, text, carets) in
# format_exception_only and TracebackException's attributes.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    if not isinstance(text, str):
        text = ''.join(text)
    return text.replace(HERE, '$DIR')


def only(error):
    return traceback.format_exception_only(error)


error = ValueError('base')
error.add_note('first note')
error.add_note('multi\nline\n')
error.add_note('')
print(only(error))
te = traceback.TracebackException.from_exception(error)
print(te.__notes__, te.__notes__ is error.__notes__)


class BadNote:
    def __str__(self):
        raise RuntimeError('no')


for notes in (['a', 1, None], ('tuple', 'notes'), 'abc', 42, {'k': 'v'}, [BadNote()], None, []):
    error = KeyError('k')
    error.__notes__ = notes
    print(repr(notes) if not isinstance(notes, list) or not notes or not isinstance(notes[0], BadNote) else '[BadNote]',
          only(error))


class BadNotes(Exception):
    @property
    def __notes__(self):
        return ['from a property']


print(only(BadNotes('p')))
print(traceback.format_exception(BadNotes('p')))


def syntax(*args):
    try:
        raise SyntaxError(*args)
    except SyntaxError as error:
        return error


cases = [
    ('invalid syntax', ('prog.py', 3, 5, 'x = = 1\n')),
    ('spans', ('prog.py', 3, 5, 'x = foo bar\n', 3, 12)),
    ('indented', ('prog.py', 7, 9, '        return return\n', 7, 22)),
    ('tabs', ('prog.py', 2, 4, '\tx\t= (\n')),
    ('form feed', ('prog.py', 2, 3, '\fif x y:\n')),
    ('offset 0', ('prog.py', 1, 0, 'abc\n')),
    ('negative end', ('prog.py', 1, 2, 'abc\n', 1, -1)),
    ('end 0', ('prog.py', 1, 2, 'abcdef\n', 1, 0)),
    ('past end', ('prog.py', 1, 2, 'abc\n', 1, 40)),
    ('no offset', ('prog.py', 1, None, 'abc\n')),
    ('no text', ('prog.py', 4, 2, None)),
    ('no lineno', ('prog.py', None, None, None)),
    ('no file', (None, 2, 1, 'a b\n')),
    ('empty file', ('', 2, 1, 'a b\n')),
    ('unicode', ('prog.py', 1, 8, "s = 'éé' x\n", 1, 9)),
    ('multiline text', ('prog.py', 1, 3, 'first\nsecond\n')),
]
for message, details in cases:
    error = syntax(message, details)
    print('---', message)
    print(''.join(only(error)), end='')
print('---')
print(only(SyntaxError()), only(SyntaxError('just a message')))
print(only(IndentationError('expected an indented block', ('f.py', 2, 1, 'pass\n', 2, 5))))
print(only(TabError('inconsistent', ('f.py', 2, 1, '\tpass\n'))))

error = syntax('bad', ('prog.py', 3, 5, 'x = = 1\n', 3, 6))
te = traceback.TracebackException.from_exception(error)
print(te.filename, repr(te.lineno), repr(te.end_lineno), repr(te.text), te.offset, te.end_offset, te.msg, str(te))
te = traceback.TracebackException.from_exception(syntax('no position'))
print(te.filename, te.lineno, te.end_lineno, te.text, te.offset, te.end_offset, te.msg)

# Compiling bad source: the SyntaxError as compile() makes it.
for source in ('x = (1,\n', 'def f(:\n  pass', 'a b c', '  indented', 'if x:\npass', 'x = 1 +', "f'{'"):
    try:
        compile(source, 'source.py', 'exec')
    except SyntaxError as error:
        print(repr(source))
        print(''.join(only(error)), end='')

error = syntax('noted', ('prog.py', 1, 1, 'x\n'))
error.add_note('a note on a syntax error')
print(''.join(only(error)), end='')
print(clean(traceback.format_exception(error)))
