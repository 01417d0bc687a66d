# BytesIO: binary reading and writing, seeking past the end, readinto.
import io

b = io.BytesIO(b'hello\nworld\n')
print(b.read(3), b.readline(), b.readline(2), b.readline(), b.readline())
b.seek(0)
print(b.readlines(), b.tell())
b.seek(0)
print(list(b))
print(b.seek(-3, 2), b.read())
print(b.seek(-100, 1), b.tell())
b.seek(20)
print(b.write(b'!'), b.getvalue())
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(1)
b.write(bytearray(b'XY'))
b.write(memoryview(b'Z'))
print(b.getvalue(), b.tell())
buf = bytearray(3)
b.seek(0)
print(b.readinto(buf), buf, b.read1(10))
print(bytes(b.getbuffer()))
b.writelines([b'1', b'2'])
print(b.getvalue())
for bad in (lambda: b.write('s'), lambda: b.seek(-1), lambda: b.seek(0, 5),
            lambda: b.truncate(-2), lambda: b.fileno()):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with io.BytesIO() as c:
    c.write(b'abc')
    print(c.getvalue(), c.closed)
print(c.closed)
try:
    c.getvalue()
except ValueError as e:
    print(type(e).__name__, e)
print(isinstance(c, io.BufferedIOBase), isinstance(c, io.TextIOBase), isinstance(c, io.IOBase))
print(b.readable(), b.writable(), b.seekable())
