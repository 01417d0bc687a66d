# The io module's names and native file objects.
import io, sys, os, tempfile, builtins

print(io.open is builtins.open, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stderr, io.IOBase))
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.BufferedIOBase))
print(io.StringIO.__name__, io.BytesIO.__name__, io.TextIOWrapper.__name__)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with io.open(p, 'w') as f:
        print(isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase), isinstance(f, io.IOBase))
        f.write('x')
    with open(p, 'rb') as f:
        print(isinstance(f, io.BufferedReader), isinstance(f, io.BufferedIOBase), isinstance(f, io.IOBase))
        print(isinstance(f, io.TextIOBase))


class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)

    def writable(self):
        return True


u = Upper()
print('hi', 'there', file=u)
print(u.parts, u.closed, u.readable(), u.seekable())
with u:
    pass
print(u.closed)
for call in (u.read, u.fileno, lambda: u.seek(0)):
    try:
        call()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
try:
    u.write('x') if False else u.flush()
except ValueError as e:
    print(type(e).__name__, e)


class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), len(self.data))
        buffer[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


r = Source(b'ab\ncd\nef')
print(r.read(2), r.readline(), r.readall())
print(list(Source(b'1\n2\n')))
