# compile(..., 'single') takes one statement: one line of simple statements
# or one compound statement. More is a SyntaxError, as is nothing at all.
def show(source, mode='single'):
    try:
        compile(source, '<s>', mode)
    except SyntaxError as e:
        print(mode, repr(source), type(e).__name__, repr(e.msg), e.lineno, e.offset,
              repr(e.text), e.end_lineno, e.end_offset)
    else:
        print(mode, repr(source), 'ok')

for source in ["x = 1", "1; 2", "x = 1\n", "x = 1\n\n\n# c\n", "if 1:\n  pass\n\n",
               "x = 1\ny = 2\n", "x = 1 # c\ny=2", "x = 1;\ny=2", "x = 1\n\n\n# c\ny\n",
               "x = (1,\n2); y = 3\nz", "if 1:\n  pass\nelse_ = 1\n", "@d\ndef f(): pass\nx",
               "x = 1\ny", "", "\n", "\n\n", "# c", "# c\n"]:
    show(source)

for source in ["", "\n", "\n\n", "# c", "x", "x\n\n", "x;", "x\ny", "x = 1", "x += 1",
               "x: int = 1", "x //= 2", "1, 2", "*a", "yield", "(yield)", "pass"]:
    show(source, 'eval')

exec(compile("print('single', 1 + 1)", '<s>', 'single'))
exec(compile("for i in range(2): print(i)\n", '<s>', 'single'))
for source in ['', ' ', '\t\n']:
    try:
        eval(source)
    except SyntaxError as e:
        print('eval', repr(source), repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text),
              e.end_lineno, e.end_offset)
