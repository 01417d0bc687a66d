"""The protocol interfaces: what a transport calls as data comes and goes."""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol', 'SubprocessProtocol', 'BufferedProtocol')


class BaseProtocol:
    """Connection events and write flow control, shared by every protocol."""

    __slots__ = ()

    def connection_made(self, transport):
        """The connection is up; `transport` is how to talk on it."""

    def connection_lost(self, exc):
        """The connection is gone: `exc` is why, None for an ordinary end."""

    def pause_writing(self):
        """The transport's write buffer went over its high-water mark."""

    def resume_writing(self):
        """The transport's write buffer drained under its low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol: data arrives in data_received(), the peer's end
    of writing in eof_received()."""

    __slots__ = ()

    def data_received(self, data):
        """Some bytes arrived."""

    def eof_received(self):
        """The peer will send nothing more. A false result closes the
        transport; a true one leaves closing to the protocol."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that provides the buffer bytes are read into."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        """A writable buffer for the next read."""

    def buffer_updated(self, nbytes):
        """`nbytes` bytes were written into the buffer."""

    def eof_received(self):
        """The peer will send nothing more."""


class DatagramProtocol(BaseProtocol):
    """A datagram (UDP) protocol."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """A datagram arrived from `addr`."""

    def error_received(self, exc):
        """A send or receive failed with `exc`."""


class SubprocessProtocol(BaseProtocol):
    """The protocol of a child process's pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """The child wrote `data` on its descriptor `fd`."""

    def pipe_connection_lost(self, fd, exc):
        """One of the child's pipes closed."""

    def process_exited(self):
        """The child exited."""
