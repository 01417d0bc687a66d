"""Streams: the in-memory StringIO and BytesIO, the I/O base classes, and the
names of coil's native file objects (what builtins.open returns).

coil's files are native types of the `_io` namespace (TextIOWrapper,
BufferedReader); they are registered with the base classes here, as CPython's
io registers its C classes with its ABCs, so isinstance(sys.stdout,
io.TextIOBase) holds.
"""

import builtins as _builtins
import sys as _sys

__all__ = ['BlockingIOError', 'open', 'open_code', 'IOBase', 'RawIOBase',
           'FileIO', 'BytesIO', 'StringIO', 'BufferedIOBase', 'BufferedReader',
           'BufferedWriter', 'BufferedRWPair', 'BufferedRandom', 'TextIOBase',
           'TextIOWrapper', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END', 'DEFAULT_BUFFER_SIZE', 'text_encoding',
           'IncrementalNewlineDecoder']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = _builtins.open
BlockingIOError = _builtins.BlockingIOError


def open_code(path):
    return open(path, 'rb')


def text_encoding(encoding, stacklevel=2):
    return 'locale' if encoding is None else encoding


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class _IOMeta(type):
    """Lets native classes count as subclasses through register(), the part
    of abc.ABCMeta the I/O hierarchy needs."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._registered = []
        return cls

    def register(cls, subclass):
        cls._registered.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, '__mro__', ()):
            return True
        for registered in cls._registered:
            if issubclass(subclass, registered):
                return True
        for child in type.__subclasses__(cls):
            if child is not subclass and isinstance(child, _IOMeta) and child._registered \
                    and issubclass(subclass, child):
                return True
        return False


def _closed_error():
    return ValueError('I/O operation on closed file.')


class IOBase(metaclass=_IOMeta):
    """The base of all streams: closing, iteration by lines, the context
    manager protocol; operations a stream lacks raise UnsupportedOperation."""

    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported('seek')

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported('truncate')

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def __del__(self):
        pass

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError('I/O operation on closed file.' if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation('File or stream is not seekable.' if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation('File or stream is not readable.' if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation('File or stream is not writable.' if msg is None else msg)

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported('fileno')

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        empty = b'' if not isinstance(self, TextIOBase) else ''
        result = []
        total = 0
        while size < 0 or total < size:
            chunk = self.read(1)
            if not chunk:
                break
            result.append(chunk)
            total += len(chunk)
            if chunk in (b'\n', '\n'):
                break
        return empty.join(result)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        # Lines until their total length passes hint.
        return self._readlines(hint, lambda total: total > hint)

    def _readlines(self, hint, enough):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if enough(total):
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary streams: read() is built on readinto()."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        buffer = bytearray(size)
        count = self.readinto(buffer)
        if count is None:
            return None
        return bytes(buffer[:count])

    def readall(self):
        chunks = []
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            chunks.append(data)
        return b''.join(chunks)

    def readinto(self, buffer):
        self._unsupported('readinto')

    def write(self, data):
        self._unsupported('write')


class BufferedIOBase(IOBase):
    """Buffered binary streams."""

    def read(self, size=-1):
        self._unsupported('read')

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        return count

    def readinto1(self, buffer):
        return self.readinto(buffer)

    def write(self, data):
        self._unsupported('write')

    def detach(self):
        self._unsupported('detach')


class TextIOBase(IOBase):
    """Text streams: str in, str out."""

    def read(self, size=-1):
        self._unsupported('read')

    def write(self, text):
        self._unsupported('write')

    def truncate(self, pos=None):
        self._unsupported('truncate')

    def readline(self, size=-1):
        self._unsupported('readline')

    def detach(self):
        self._unsupported('detach')

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


# coil's native file objects, as open() makes them.
TextIOWrapper = type(_sys.stdout)
BufferedReader = None
try:
    with open('/dev/null', 'rb') as _probe:
        BufferedReader = type(_probe)
    del _probe
except OSError:
    pass


class _Unavailable:
    def __init__(self, *args, **kwargs):
        raise UnsupportedOperation('%s is not available in coil' % type(self).__name__)


if BufferedReader is None:
    class BufferedReader(_Unavailable, BufferedIOBase):
        pass


class BufferedWriter(_Unavailable, BufferedIOBase):
    pass


class BufferedRandom(_Unavailable, BufferedIOBase):
    pass


class BufferedRWPair(_Unavailable, BufferedIOBase):
    pass


class FileIO(_Unavailable, RawIOBase):
    pass


for _cls in (BufferedWriter, BufferedRandom, BufferedRWPair, FileIO):
    _cls.__module__ = 'io'
del _cls

TextIOBase.register(TextIOWrapper)
if not issubclass(BufferedReader, BufferedIOBase):
    BufferedIOBase.register(BufferedReader)


class StringIO(TextIOBase):
    """A text stream held in memory.

    Writes at the end (the common case: redirect_stdout, logging) append to
    a list of pieces; the pieces are joined only when the text is read back.
    """

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        self._newline = newline
        self._value = ''
        self._pieces = []
        self._length = 0
        self._pos = 0
        self._closed = False
        self._seen = 0  # kinds of line ending written, for .newlines
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    # The text as one str: the pending pieces joined into it.
    def _text(self):
        if self._pieces:
            self._value = self._value + ''.join(self._pieces)
            self._pieces = []
        return self._value

    def _check(self):
        # CPython's StringIO words it without IOBase's final period (its
        # iteration and readlines/writelines, IOBase's, keep the period).
        if self._closed:
            raise ValueError('I/O operation on closed file')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._value = ''
        self._pieces = []

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline not in (None, ''):
            return None
        kinds = [kind for bit, kind in ((1, '\r'), (2, '\n'), (4, '\r\n')) if self._seen & bit]
        if not kinds:
            return None
        return kinds[0] if len(kinds) == 1 else tuple(kinds)

    def _translate(self, text):
        newline = self._newline
        if newline is None or newline == '':
            if '\r' in text:
                if '\r\n' in text:
                    self._seen |= 4
                if '\r' in text.replace('\r\n', ''):
                    self._seen |= 1
                if '\n' in text.replace('\r\n', ''):
                    self._seen |= 2
                if newline is None:
                    text = text.replace('\r\n', '\n').replace('\r', '\n')
            elif '\n' in text:
                self._seen |= 2
        elif newline in ('\r', '\r\n') and '\n' in text:
            text = text.replace('\n', newline)
        return text

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        length = len(s)
        if not length:
            return 0
        text = self._translate(s)
        if self._pos == self._length:
            self._pieces.append(text)
        else:
            value = self._text()
            if self._pos > self._length:
                value = value + '\0' * (self._pos - self._length)
            self._value = value[:self._pos] + text + value[self._pos + len(text):]
        self._pos += len(text)
        if self._pos > self._length:
            self._length = self._pos
        return length

    def getvalue(self):
        self._check()
        return self._text()

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        value = self._text()
        start = self._pos
        if start >= self._length:
            return ''
        end = self._length if size < 0 else min(self._length, start + size)
        self._pos = end
        return value[start:end]

    # Where the line starting at `start` ends (just past its terminator).
    def _line_end(self, value, start, limit):
        newline = self._newline
        if newline == '':
            cr = value.find('\r', start, limit)
            lf = value.find('\n', start, limit)
            if cr < 0 and lf < 0:
                return limit
            if cr < 0 or (0 <= lf < cr):
                return lf + 1
            if cr + 1 < len(value) and value[cr + 1] == '\n':
                return min(cr + 2, limit)
            return cr + 1
        terminator = '\n' if newline is None else newline
        found = value.find(terminator, start, limit)
        if found < 0:
            return limit
        return min(found + len(terminator), limit)

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        value = self._text()
        start = self._pos
        if start >= self._length:
            return ''
        limit = self._length if size < 0 else min(self._length, start + size)
        end = self._line_end(value, start, limit)
        self._pos = end
        return value[start:end]

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            # CPython words both cases the same way.
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = self._length
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif not isinstance(size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
        elif size < 0:
            raise ValueError('Negative size value %d' % size)
        if size < self._length:
            self._value = self._text()[:size]
            self._length = size
        return size

    def detach(self):
        raise UnsupportedOperation('detach')

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(BufferedIOBase):
    """A binary stream held in memory, a bytearray underneath."""

    def __init__(self, initial_bytes=b''):
        self._buffer = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False

    def _check(self):
        self._checkClosed()

    def readlines(self, hint=None):
        # CPython's BytesIO stops once the total reaches hint.
        return self._readlines(hint, lambda total: total >= hint)

    def writelines(self, lines):
        # As CPython's BytesIO: only the writes check for a closed buffer.
        for line in lines:
            self.write(line)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buffer = bytearray()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def getvalue(self):
        self._check()
        return bytes(self._buffer)

    def getbuffer(self):
        # A view of a copy: coil's memoryview cannot yet track a growing bytearray.
        self._check()
        return memoryview(bytes(self._buffer))

    def _size_argument(self, size):
        if size is None:
            return -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        return size

    def read(self, size=-1):
        self._check()
        size = self._size_argument(size)
        start = self._pos
        length = len(self._buffer)
        if start >= length:
            return b''
        end = length if size < 0 else min(length, start + size)
        self._pos = end
        return bytes(self._buffer[start:end])

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check()
        size = self._size_argument(size)
        start = self._pos
        length = len(self._buffer)
        if start >= length:
            return b''
        limit = length if size < 0 else min(length, start + size)
        found = self._buffer.find(b'\n', start, limit)
        end = limit if found < 0 else found + 1
        self._pos = end
        return bytes(self._buffer[start:end])

    def readinto(self, buffer):
        self._check()
        data = self.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        return count

    def write(self, data):
        self._check()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        count = len(data)
        if not count:
            return 0
        pos = self._pos
        length = len(self._buffer)
        if pos == length:
            self._buffer += data
        else:
            if pos > length:
                self._buffer += b'\0' * (pos - length)
            self._buffer[pos:pos + count] = data
        self._pos = pos + count
        return count

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buffer) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif not isinstance(size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
        elif size < 0:
            raise ValueError('negative size value %d' % size)
        if size < len(self._buffer):
            del self._buffer[size:]
        return size

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def detach(self):
        raise UnsupportedOperation('detach')


class IncrementalNewlineDecoder:
    """Translates \\r\\n and \\r to \\n in decoded text fed piece by piece."""

    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._pending_cr = False

    def decode(self, input, final=False):
        text = self.decoder.decode(input, final=final) if self.decoder is not None else input
        if self._pending_cr and (text or final):
            text = '\r' + text
            self._pending_cr = False
        if text.endswith('\r') and not final:
            text = text[:-1]
            self._pending_cr = True
        if self.translate:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def reset(self):
        self._pending_cr = False
        if self.decoder is not None:
            self.decoder.reset()


for _cls in (IOBase, RawIOBase, BufferedIOBase, TextIOBase, StringIO, BytesIO,
             IncrementalNewlineDecoder):
    _cls.__module__ = 'io'
for _cls in (StringIO, BytesIO):
    _cls.__module__ = '_io'
del _cls
