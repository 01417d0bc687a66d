"""socket: BSD sockets, as CPython's socket module, over coil's native _socket.

The native type does the system calls; this module adds what CPython's
socket.py adds on top: the enums the constants belong to (AddressFamily,
SocketKind, MsgFlag, AddressInfo), the socket class with its context
manager, repr, accept(), dup() and makefile(), and the helpers
create_connection(), create_server(), socketpair(), fromfd() and
getaddrinfo() with enum families and kinds.
"""
import _socket
import io
import os
from _socket import *
from enum import IntEnum, IntFlag

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server", "has_dualstack_ipv6",
           "AddressFamily", "SocketKind", "socketpair"]
__all__.extend(name for name in dir(_socket) if not name.startswith('_'))


def _constants(prefix, exclude=()):
    return {name: value for name, value in vars(_socket).items()
            if name.startswith(prefix) and name not in exclude}


# Each constant of a family becomes its enum's member, under the same name
# in this module.
AddressFamily = IntEnum('AddressFamily', _constants('AF_'), module=__name__)
SocketKind = IntEnum('SocketKind', _constants('SOCK_'), module=__name__)
MsgFlag = IntFlag('MsgFlag', _constants('MSG_'), module=__name__)
AddressInfo = IntFlag('AddressInfo', _constants('AI_'), module=__name__)
for _enum in (AddressFamily, SocketKind, MsgFlag, AddressInfo):
    globals().update(_enum.__members__)
del _enum


def _as_enum(value, enum):
    try:
        return enum(value)
    except ValueError:
        return value


class socket(_socket.socket):
    """A socket object: _socket.socket with the Python-level conveniences."""

    __slots__ = ["__weakref__", "_io_refs", "_closed"]

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        text = (f"<{type(self).__module__}.{type(self).__qualname__}"
                f"{' [closed]' if closed else ''} fd={self.fileno()}, family={self.family}, "
                f"type={self.type}, proto={self.proto}")
        if not closed:
            for label, name in (('laddr', 'getsockname'), ('raddr', 'getpeername')):
                try:
                    address = getattr(self, name)()
                except OSError:
                    continue
                if address:
                    text += f", {label}={address}"
        return text + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def dup(self):
        """A new socket object on a duplicate of this one's descriptor."""
        sock = self.__class__(self.family, self.type, self.proto, fileno=_socket.dup(self.fileno()))
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """(connection, address): a new socket for the next connection."""
        fd, address = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, address

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading or writing the socket ('r', 'w', 'b' modes)."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError(f"invalid mode {mode!r} (only r, w, b allowed)")
        reading = "r" in mode
        writing = "w" in mode
        if not reading and not writing:
            reading = True
        raw = SocketIO(self, ("r" if reading else "") + ("w" if writing else ""))
        self._io_refs += 1
        if buffering == 0:
            if "b" not in mode:
                raise ValueError("unbuffered streams must be binary")
            return raw
        stream = _BufferedSocketStream(raw)
        if "b" in mode:
            return stream
        return _SocketTextStream(stream, mode, encoding or "utf-8", errors or "strict")

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _close=_socket.socket.close):
        _close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        self._closed = True
        return super().detach()

    @property
    def family(self):
        return _as_enum(super().family, AddressFamily)

    @property
    def type(self):
        return _as_enum(super().type, SocketKind)

    def get_inheritable(self):
        return os.get_inheritable(self.fileno()) if hasattr(os, 'get_inheritable') else False


class SocketIO(io.RawIOBase):
    """The raw I/O object under makefile()."""

    def __init__(self, sock, mode):
        io.RawIOBase.__init__(self)
        self._sock = sock
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode

    def readinto(self, b):
        self._checkClosed()
        return self._sock.recv_into(b)

    def write(self, b):
        self._checkClosed()
        return self._sock.send(b)

    def readable(self):
        return self._reading and not self.closed

    def writable(self):
        return self._writing and not self.closed

    def fileno(self):
        self._checkClosed()
        return self._sock.fileno()

    @property
    def name(self):
        return self.fileno() if not self.closed else -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self.closed:
            return
        io.RawIOBase.close(self)
        self._sock._decref_socketios()
        self._sock = None


class _BufferedSocketStream(io.BufferedIOBase):
    """makefile()'s binary stream: reads through a buffer, writes at once."""

    def __init__(self, raw):
        self.raw = raw
        self._buffer = b""

    def _fill(self):
        chunk = self.raw._sock.recv(8192)
        self._buffer += chunk
        return bool(chunk)

    def read(self, size=-1):
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._buffer = self._buffer, b""
            return data
        while len(self._buffer) < size and self._fill():
            pass
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def read1(self, size=-1):
        if not self._buffer:
            self._fill()
        if size is None or size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def readline(self, size=-1):
        while b"\n" not in self._buffer and (size < 0 or len(self._buffer) < size) and self._fill():
            pass
        end = self._buffer.find(b"\n") + 1 or len(self._buffer)
        if size is not None and size >= 0:
            end = min(end, size)
        data, self._buffer = self._buffer[:end], self._buffer[end:]
        return data

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def write(self, b):
        self.raw._sock.sendall(b)
        return len(b)

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def fileno(self):
        return self.raw.fileno()

    def close(self):
        if not self.closed:
            io.BufferedIOBase.close(self)
            self.raw.close()


class _SocketTextStream(io.TextIOBase):
    """makefile()'s text stream: lines decoded from the binary stream."""

    def __init__(self, stream, mode, encoding, errors):
        self.buffer = stream
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def read(self, size=-1):
        return self.buffer.read(size).decode(self.encoding, self.errors)

    def readline(self, size=-1):
        return self.buffer.readline(size).decode(self.encoding, self.errors)

    def write(self, text):
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(text)

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def fileno(self):
        return self.buffer.fileno()

    def close(self):
        if not self.closed:
            io.TextIOBase.close(self)
            self.buffer.close()


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor `fd`."""
    return socket(family, type, proto, _socket.dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """A pair of connected socket objects (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    first, second = _socket.socketpair(family, type, proto)
    return (socket(family, type, proto, first.detach()),
            socket(family, type, proto, second.detach()))


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo() gives."""
    host, port = address
    errors = []
    for family, kind, proto, _, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        try:
            if not all_errors:
                raise errors[0]
            raise ExceptionGroup("create_connection failed", errors)
        finally:
            errors = []
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether a socket can take both IPv4 and IPv6 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except OSError:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    """A listening TCP socket bound to `address`."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except OSError as err:
            raise OSError(err.errno, f"{err.strerror} (while attempting to bind on address {address!r})") from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """[(family, type, proto, canonname, sockaddr)] with the enums of this module."""
    return [(_as_enum(af, AddressFamily), _as_enum(kind, SocketKind), proto_, canonname, sockaddr)
            for af, kind, proto_, canonname, sockaddr
            in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def getfqdn(name=''):
    """The fully qualified name of `name` (this host's by default)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    return name
