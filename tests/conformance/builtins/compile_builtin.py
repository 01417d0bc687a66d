code = compile('a + b', '<expr>', 'eval')
print(type(code).__name__, code.co_filename, eval(code, {'a': 1, 'b': 2}))
code = compile('for i in range(2): print("exec", i)', 'prog', 'exec')
exec(code)
code = compile('1 + 1', 'single', 'single')
exec(code)
try:
    compile('x = ', 'bad.py', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)
try:
    compile('x', 'f', 'nonsense')
except ValueError as e:
    print(type(e).__name__, e)
try:
    compile('x = 1', 'f', 'eval')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
