source = 'x = (1,\ny = 2\n'
try:
    exec(source)
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename)
exec('def f(:\n    pass\n', {})
