# Built-in functions carry CPython's docstrings; those with a text signature
# expose it as __text_signature__ (kept out of __doc__), which
# inspect.signature reads. Built-in types do the same with their docs.
import inspect

names = ['print', 'len', 'repr', 'ascii', 'format', 'hash', 'id', 'abs', 'isinstance',
         'issubclass', 'getattr', 'setattr', 'delattr', 'hasattr', 'callable', 'chr', 'ord',
         'hex', 'oct', 'bin', 'iter', 'next', 'min', 'max', 'sum', 'any', 'all', 'sorted',
         'round', 'pow', 'divmod', 'vars', 'dir', 'globals', 'locals', '__build_class__',
         '__import__', 'exec', 'eval', 'compile', 'input', 'aiter', 'anext']
import builtins
for name in names:
    f = getattr(builtins, name)
    print(name, repr(f.__text_signature__))
    print('   ', repr(f.__doc__))
    try:
        print('   ', inspect.signature(f))
    except ValueError as e:
        print('    ValueError', e)

sig = inspect.signature(print)
for p in sig.parameters.values():
    print(p.name, p.kind, repr(p.default))
print(inspect.signature(len).bind([1]).arguments)
print(list.__text_signature__, tuple.__text_signature__)
print(list.__doc__.splitlines()[0], '|', tuple.__doc__.splitlines()[0])
