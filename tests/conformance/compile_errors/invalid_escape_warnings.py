# The DeprecationWarnings of invalid escapes in literals go through the
# warnings filters: ignored by default outside __main__, a SyntaxError at
# the literal under 'error', recorded under 'always'.
import warnings
compile(r"x = '\d'", '<s>', 'exec')
print('default: nothing shown')
with warnings.catch_warnings():
    warnings.simplefilter('error')
    for s in [r"'\d'", r"'\777'", r"b'\d'", r"f'\d{1}'", "x = 1\ny = 'a\\qb\\wc'", r"'\d' 'x'", r"'\8'", r"rb'\d'", r"'\N{DASH}'"]:
        try: compile(s, '<e>', 'exec'); print(repr(s), 'ok')
        except SyntaxError as e: print(repr(s), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    compile("x = 1\ny = 'a\\qb\\wc' + b'\\e'\nz = f'{x}\\z'", 'f.py', 'exec')
    for x in w: print(x.category.__name__, x.message, x.filename, x.lineno)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    print(eval(r"'\d'"))
