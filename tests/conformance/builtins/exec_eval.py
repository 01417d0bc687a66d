print(eval('1 + 2'), eval('x * 2', {'x': 21}), eval('y', {}, {'y': 'local'}))
ns = {}
exec('a = 5\ndef f():\n    return a * 2', ns)
print(ns['a'], ns['f'](), sorted(k for k in ns if k != '__builtins__'))
print(exec('1 + 1'))
x = 'module level'
exec('print(x)')
exec('z = 10')
print(z)
try:
    eval('import os')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval('undefined_in_eval')
except NameError as e:
    print(type(e).__name__, e)
print(eval('__builtins__ is not None'), eval('len("abc")', {'__builtins__': {'len': len}}))
try:
    eval('len("abc")', {'__builtins__': {}})
except NameError as e:
    print(type(e).__name__, e)
