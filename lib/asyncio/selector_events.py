"""UDP for asyncio: loop.create_datagram_endpoint() and its transport, in
Python over the socket module and the loop's descriptor watchers
(add_reader/add_writer), as CPython's selector event loop serves datagrams.

TCP and pipe transports are native (runtime/loop/tcp.cpp); datagrams are
rarer and need no stream machinery: each readiness of the socket is one
recvfrom() handed to the protocol, and a send that would block is queued
and retried when the socket is writable.
"""
import collections
import warnings

from . import transports

# CPython's constants: the largest datagram read, and how many writes after
# the connection was lost go by before a warning.
_MAX_DATAGRAM_SIZE = 256 * 1024
_LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5


class _SelectorTransport(transports._FlowControlMixin, transports.Transport):
    """What CPython's socket transports share: the socket, the protocol,
    closing, and the connection_lost() that ends them."""

    def __init__(self, loop, sock, protocol, extra=None):
        super().__init__(extra, loop)
        self._extra['socket'] = sock
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._buffer = collections.deque()
        self._buffer_size = 0
        self._conn_lost = 0
        self._closing = False

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and not self._loop.is_closed():
            info.append('read=polling' if not self._closing else 'read=idle')
            state = 'polling' if self._buffer else 'idle'
            info.append(f'write=<{state}, bufsize={self.get_write_buffer_size()}>')
        return '<{}>'.format(' '.join(info))

    def abort(self):
        self._force_close(None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def __del__(self, _warn=warnings.warn):
        if self._sock is not None:
            _warn(f"unclosed transport {self!r}", ResourceWarning, source=self)
            self._sock.close()

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop.remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop.remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None

    def get_write_buffer_size(self):
        return self._buffer_size


class _SelectorDatagramTransport(_SelectorTransport, transports.DatagramTransport):
    """A UDP socket's transport: datagram_received() for each datagram read,
    sendto() sending at once or queueing."""

    def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
        super().__init__(loop, sock, protocol, extra)
        self._address = address
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._loop.add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            from .tasks import _set_result_unless_cancelled
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(_MAX_DATAGRAM_SIZE)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                from .log import logger
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                self._send_one(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop.add_writer(self._sock_fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def _send_one(self, data, addr):
        # A connected socket (remote_addr) sends without an address.
        if self._extra['peername']:
            self._sock.send(data)
        else:
            self._sock.sendto(data, addr)

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.popleft()
            self._buffer_size -= len(data)
            try:
                self._send_one(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.appendleft((data, addr))
                self._buffer_size += len(data)
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop.remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)


async def _create_datagram_endpoint(loop, protocol_factory, local_addr=None, remote_addr=None, *,
                                    family=0, proto=0, flags=0, reuse_port=None,
                                    allow_broadcast=None, sock=None):
    """loop.create_datagram_endpoint(): a UDP socket bound to local_addr
    and/or connected to remote_addr (or the socket given), with its transport."""
    import socket
    if sock is not None:
        if sock.type != socket.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        if (local_addr or remote_addr or family or proto or flags or reuse_port or allow_broadcast):
            options = dict(local_addr=local_addr, remote_addr=remote_addr, family=family,
                           proto=proto, flags=flags, reuse_port=reuse_port,
                           allow_broadcast=allow_broadcast)
            problems = ', '.join(f'{name}={value}' for name, value in options.items() if value)
            raise ValueError(
                f'socket modifier keyword arguments can not be used when sock is specified. ({problems})')
        sock.setblocking(False)
        r_addr = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
            address_pairs = (((family, proto), (None, None)),)
        elif hasattr(socket, 'AF_UNIX') and family == socket.AF_UNIX:
            for address in (local_addr, remote_addr):
                if address is not None and not isinstance(address, str):
                    raise TypeError('string is expected')
            address_pairs = (((family, proto), (local_addr, remote_addr)),)
        else:
            candidates = collections.OrderedDict()
            for index, address in enumerate((local_addr, remote_addr)):
                if address is None:
                    continue
                if not (isinstance(address, tuple) and len(address) == 2):
                    raise TypeError('2-tuple is expected')
                infos = await loop.getaddrinfo(*address, family=family, type=socket.SOCK_DGRAM,
                                               proto=proto, flags=flags)
                if not infos:
                    raise OSError('getaddrinfo() returned empty list')
                for info_family, _, info_proto, _, info_address in infos:
                    key = (info_family, info_proto)
                    candidates.setdefault(key, [None, None])[index] = info_address
            address_pairs = [(key, pair) for key, pair in candidates.items()
                             if not ((local_addr and pair[0] is None) or
                                     (remote_addr and pair[1] is None))]
            if not address_pairs:
                raise ValueError('can not get address information')
        exceptions = []
        for (info_family, info_proto), (local_address, remote_address) in address_pairs:
            sock = None
            r_addr = None
            try:
                sock = socket.socket(family=info_family, type=socket.SOCK_DGRAM, proto=info_proto)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                sock.setblocking(False)
                if local_addr:
                    sock.bind(local_address)
                if remote_addr:
                    if not allow_broadcast:
                        await loop.sock_connect(sock, remote_address)
                    r_addr = remote_address
            except OSError as exc:
                if sock is not None:
                    sock.close()
                exceptions.append(exc)
            except BaseException:
                if sock is not None:
                    sock.close()
                raise
            else:
                break
        else:
            raise exceptions[0]
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = _SelectorDatagramTransport(loop, sock, protocol, r_addr, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


# Argument errors name the loop method, as CPython's.
_create_datagram_endpoint.__qualname__ = 'BaseEventLoop.create_datagram_endpoint'
