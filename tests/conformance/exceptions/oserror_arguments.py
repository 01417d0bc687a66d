# OSError's constructor: errno/strerror/filename/filename2, the subclass
# chosen by errno, str() forms, __reduce__ and BlockingIOError's count.
# Linux errno values: ENOENT EEXIST EACCES EPERM EPIPE ECONNREFUSED ETIMEDOUT EAGAIN EINTR
for code in (2, 17, 13, 1, 32, 111, 110, 11, 4, 9999):
    print(code, type(OSError(code, 'msg')).__name__)
e = OSError(2, 'No such file', 'a.txt', None, 'b.txt')
print(type(e).__name__, e.args, e.filename, e.filename2)
print(str(e))
print(e.__reduce__())
print(str(OSError(None, 'x')), '|', str(OSError(1, None)), '|', str(OSError('only')))
print(OSError(1, 2, 3, 4, 5, 6).args, OSError(1).errno)
print(type(FileNotFoundError(13, 'x')).__name__, type(OSError(True, 'x')).__name__)
b = BlockingIOError(11, 'would block', 5)
print(b.characters_written, b.args, b.filename)
try:
    BlockingIOError(11, 'x').characters_written
except AttributeError as err:
    print('AttributeError', err)
try:
    OSError(1, 'x', extra=2)
except TypeError as err:
    print('TypeError', err)
class Custom(OSError):
    def __init__(self, a, b, c=0):
        super().__init__(a, b)
        self.c = c
c = Custom(2, 'x', c=7)
print(type(c).__name__, c.args, c.errno, c.c)
