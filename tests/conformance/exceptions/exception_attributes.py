try:
    {}['k']
except KeyError as e:
    print(repr(e), e.args)
try:
    [].pop()
except IndexError as e:
    print(repr(e))
try:
    object().missing
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(e)
e = StopIteration(5)
print(e.value, StopIteration().value)
print(SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
try:
    import no_such_module_xyz
except ImportError as e:
    print(e.name, type(e).__name__)
print(NameError('n', name='x').name)
