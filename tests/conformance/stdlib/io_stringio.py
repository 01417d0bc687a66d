# StringIO: writing, reading back, positions, lines, closing.
import io

s = io.StringIO()
print(s.write('hello '), s.write('world\n'), s.write(''))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(5)), repr(s.read()), repr(s.read()))
s.seek(6)
s.write('W')
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write('x')
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())

s = io.StringIO('one\ntwo\nthree')
print(s.tell(), repr(s.readline()), repr(s.readline(2)), repr(s.readline()))
print(repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(5))
s.seek(0)
print(list(s))
s.seek(0)
for n, line in enumerate(s):
    print(n, repr(line))
s.seek(0)
s.writelines(['a', 'b', 'c'])
print(repr(s.getvalue()))

with io.StringIO('ctx') as t:
    print(t.read(), t.closed)
print(t.closed)
for call in (t.read, t.getvalue, t.tell, lambda: t.write('x'), lambda: t.seek(0)):
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)

s = io.StringIO()
for bad in (lambda: s.write(5), lambda: s.seek(-1), lambda: s.seek(1, 1),
            lambda: s.seek(1, 2), lambda: s.seek(0, 3), lambda: s.truncate(-1),
            lambda: io.StringIO(b'x'), lambda: io.StringIO(newline='x'),
            lambda: s.fileno(), lambda: s.read('a')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.encoding, s.errors)
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), isinstance(s, io.BufferedIOBase))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
try:
    s.fileno()
except io.UnsupportedOperation as e:
    print('unsupported', e)
print(io.StringIO(None).getvalue() == '')

# Many small writes stay linear.
s = io.StringIO()
for i in range(20000):
    s.write('x')
print(len(s.getvalue()))
