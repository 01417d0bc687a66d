# The attributes of the SyntaxError compile() raises. The parser's errors
# carry the offending line (with a newline in "exec" mode, whose source
# CPython's tokenizer ends with one); the errors found later, by the symbol
# table or the compiler, read the line from the file the filename names,
# so a string compiled under '<s>' has text None.
def show(source, mode='exec', filename='<s>'):
    try:
        compile(source, filename, mode)
    except SyntaxError as e:
        print(repr(source)[:40], type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset,
              repr(e.text), e.end_lineno, e.end_offset)
    else:
        print(repr(source)[:40], 'ok')

for source in [
        "return 1", "x = 1\nreturn 1\n", "nonlocal x", "def f():\n    nonlocal x\n",
        "def f():\n  x = 1\n  global x\n", "yield 1", "await x", "break", "continue",
        "class C:\n  return 1", "f(**x, *y)", "x = (1,", "x = 1 +", "x = 1 +\n",
        "def f(a, a): pass", "f(x for x in y, 1)", "a b", "a b\n", "del f()", "(a, b) += 1",
        "f() = 1", "lambda: (yield)", "async def f():\n  yield from x\n",
        "from __future__ import nope", "from __future__ import braces",
        "x = 1\nfrom __future__ import annotations\n",
        "x=1; from __future__ import annotations", "import *",
        "def f():\n  from m import  *\n", "*a = 1", "a, *b, *c = 1", "x: int = 1\nglobal x",
        "with a as 1: pass", "f(a=1, a=2)", "return", "if 1:\npass\n", "f'{a b}'",
        "x = f'{a b}'\n", "print(*a for a in b)"]:
    show(source)
show("x = 1", 'eval')
show("f'{a b}'", 'eval')
show("return", 'single')

# A filename that names a readable file: the later errors show its line.
with open('compile_error_attributes_data.py', 'w') as f:
    f.write("pass\nreturn 2\n")
show("pass\nreturn 1\n", filename='compile_error_attributes_data.py')
import os
os.remove('compile_error_attributes_data.py')

for source in ['return', 'x = 1 +', 'nonlocal x']:
    try:
        exec(source)
    except SyntaxError as e:
        print('exec', repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno,
              e.end_offset)
