# SyntaxError's constructor and str(): (msg, (filename, lineno, offset,
# text[, end_lineno, end_offset])), with only the file's base name shown.
e = SyntaxError('bad thing', ('/some/dir/mod.py', 3, 5, 'x = = 1\n', 3, 8))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(str(e), '|', repr(e))
print(str(SyntaxError('m', (None, 4, 1, 'x'))), '|', str(SyntaxError('m', ('f.py', None, 1, 'x'))))
print(str(SyntaxError()), '|', str(SyntaxError('only message')), '|', SyntaxError('a', 'b', 'c').msg)
for info in [('f', 1, 2), ('f', 1, 2, 't', 5), 5]:
    try:
        SyntaxError('m', info)
    except TypeError as err:
        print('TypeError', err)
print(IndentationError('i', ('f.py', 2, 1, ' x', 2, 2)).lineno, TabError.__mro__[1].__name__)
try:
    compile('def f(:\n  pass', 'src.py', 'exec')
except SyntaxError as err:
    print(err.msg, err.filename, err.lineno, err.offset, repr(err.text))
