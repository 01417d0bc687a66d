"""TransportSocket: the view of a server's or transport's socket that
asyncio hands out (Server.sockets, get_extra_info('socket'))."""

import _asyncio_tcp


class TransportSocket:
    """A socket that asyncio owns: its address and descriptor can be read,
    the socket itself is not handed out."""

    __slots__ = ('_sock',)

    def __init__(self, sock):
        self._sock = sock

    @property
    def family(self):
        try:
            return self._sock.family
        except AttributeError:
            name = self._sock.get_extra_info('sockname')
            return _asyncio_tcp.AF_INET6 if name is not None and len(name) == 4 else _asyncio_tcp.AF_INET

    @property
    def type(self):
        return _asyncio_tcp.SOCK_STREAM

    @property
    def proto(self):
        return _asyncio_tcp.IPPROTO_TCP

    def fileno(self):
        return self._sock.fileno()

    def getsockname(self):
        if hasattr(self._sock, 'getsockname'):
            return self._sock.getsockname()
        return self._sock.get_extra_info('sockname')

    def getpeername(self):
        if hasattr(self._sock, 'getsockname'):
            raise OSError(107, 'Transport endpoint is not connected')
        return self._sock.get_extra_info('peername')

    def __repr__(self):
        text = (f"<asyncio.TransportSocket fd={self.fileno()}, "
                f"family={self.family}, type={self.type}, proto={self.proto}")
        if self.fileno() != -1:
            try:
                text += f", laddr={self.getsockname()}"
            except OSError:
                pass
            try:
                text += f", raddr={self.getpeername()}"
            except OSError:
                pass
        return text + ">"
