"""The loop class under CPython's name for it."""

__all__ = ('BaseEventLoop', 'Server')

import sys

import _asyncio

BaseEventLoop = _asyncio.EventLoop


async def _shutdown_asyncgens(loop, agens):
    """loop.shutdown_asyncgens(): close the async generators the loop
    tracks, reporting those that fail to close."""
    if not agens:
        return
    from . import tasks
    results = await tasks.gather(*[ag.aclose() for ag in agens], return_exceptions=True)
    for result, agen in zip(results, agens):
        if isinstance(result, Exception):
            loop.call_exception_handler({
                'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                'exception': result,
                'asyncgen': agen,
            })


def _run_in_executor(loop, executor, func, *args):
    """loop.run_in_executor(): func(*args) in `executor`'s threads (the
    loop's default ThreadPoolExecutor for None), as an asyncio Future."""
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    if executor is None:
        executor = loop._default_executor
        # The loop's shutdown_default_executor() forbids a new default one.
        if loop._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')
        if executor is None:
            import concurrent.futures
            executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
            loop._default_executor = executor
    from . import futures
    return futures.wrap_future(executor.submit(func, *args), loop=loop)


def _set_default_executor(loop, executor):
    import concurrent.futures
    if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
        raise TypeError('executor must be ThreadPoolExecutor instance')
    loop._default_executor = executor


async def _shutdown_default_executor(loop):
    """loop.shutdown_default_executor(): the default executor shuts down
    (waiting for its threads) in a thread of its own, which the loop
    awaits."""
    loop._executor_shutdown_called = True
    executor = loop._default_executor
    if executor is None:
        return
    import threading
    future = loop.create_future()
    thread = threading.Thread(target=_do_shutdown, args=(loop, executor, future))
    thread.start()
    _asyncio._io_begin()
    try:
        await future
    finally:
        _asyncio._io_end()
        thread.join()


def _do_shutdown(loop, executor, future):
    try:
        executor.shutdown(wait=True)
        if not loop.is_closed():
            loop.call_soon_threadsafe(future.set_result, None)
    except Exception as ex:
        if not loop.is_closed():
            loop.call_soon_threadsafe(future.set_exception, ex)


# --- Networking: TCP on the native loop's libuv layer (_asyncio_tcp) ---------

import _asyncio_tcp
from . import events
from . import exceptions


async def _getaddrinfo(loop, host, port, *, family=0, type=0, proto=0, flags=0):
    """loop.getaddrinfo(): resolved by libuv off the loop's thread."""
    return await _asyncio_tcp.getaddrinfo(loop, host, port, family, type, proto, flags)


async def _ensure_resolved(loop, host, port, family, flags, what):
    infos = await _getaddrinfo(loop, host, port, family=family,
                               type=_asyncio_tcp.SOCK_STREAM, flags=flags)
    if not infos:
        raise OSError(f'getaddrinfo({host!r}) returned empty list')
    return infos


def _check_ssl_socket(sock):
    # An SSLSocket exists only once ssl is imported.
    ssl = sys.modules.get('ssl')
    if ssl is not None and isinstance(sock, ssl.SSLSocket):
        raise TypeError("Socket cannot be of type SSLSocket")


def _check_tls_timeouts(ssl, ssl_handshake_timeout, ssl_shutdown_timeout):
    if ssl_handshake_timeout is not None and not ssl:
        raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
    if ssl_shutdown_timeout is not None and not ssl:
        raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')


async def _create_connection(loop, protocol_factory, host=None, port=None, *, ssl=None,
                             family=0, proto=0, flags=0, sock=None, local_addr=None,
                             server_hostname=None, ssl_handshake_timeout=None,
                             ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                             interleave=None):
    """loop.create_connection(): the first address of `host` that accepts,
    through TLS with `ssl` (True for a default client context)."""
    if server_hostname is not None and not ssl:
        raise ValueError('server_hostname is only meaningful with ssl')
    if server_hostname is None and ssl:
        # The host's name is checked against the certificate; '' skips it.
        if not host:
            raise ValueError('You must set server_hostname when using ssl without a host')
        server_hostname = host
    _check_tls_timeouts(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if sock is not None:
        _check_ssl_socket(sock)
    tls = (ssl, server_hostname, ssl_handshake_timeout, ssl_shutdown_timeout)
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        if local_addr is not None:
            raise ValueError('local_addr and sock can not be specified at the same time')
        _check_stream_socket(sock)
        sock.setblocking(False)
        return await _start_transport(loop, _asyncio_tcp.adopt(loop, sock), protocol_factory, *tls)
    if host is None and port is None:
        raise ValueError('host and port was not specified and no sock specified')
    if local_addr is not None:
        raise NotImplementedError("create_connection(local_addr=...) is not supported by coil yet")
    infos = await _ensure_resolved(loop, host, port, family, flags, 'connect')
    exceptions = []
    transport = None
    for info_family, _, _, _, address in infos:
        try:
            transport = await _asyncio_tcp.connect(loop, info_family, address)
            break
        except OSError as exc:
            exceptions.append(exc)
    if transport is None:
        if len(exceptions) == 1:
            raise exceptions[0]
        model = str(exceptions[0])
        if all(str(exc) == model for exc in exceptions):
            raise exceptions[0]
        raise OSError('Multiple exceptions: {}'.format(', '.join(str(exc) for exc in exceptions)))
    return await _start_transport(loop, transport, protocol_factory, *tls)


async def _connect_accepted_socket(loop, protocol_factory, sock, *, ssl=None, ssl_handshake_timeout=None,
                                   ssl_shutdown_timeout=None):
    """loop.connect_accepted_socket(): a connection accepted outside
    asyncio, its server's end (of TLS with `ssl`) handed to a protocol."""
    _check_stream_socket(sock)
    _check_tls_timeouts(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    _check_ssl_socket(sock)
    sock.setblocking(False)
    return await _start_transport(loop, _asyncio_tcp.adopt(loop, sock), protocol_factory, ssl, '',
                                  ssl_handshake_timeout, ssl_shutdown_timeout, server_side=True)


def _check_stream_socket(sock):
    import socket
    if sock.type != socket.SOCK_STREAM:
        raise ValueError(f'A Stream Socket was expected, got {sock!r}')


async def _start_transport(loop, transport, protocol_factory, ssl=None, server_hostname=None,
                           ssl_handshake_timeout=None, ssl_shutdown_timeout=None, server_side=False):
    """The protocol's connection over `transport`, once made: through TLS
    when `ssl` is given (the handshake done), the protocol then talking to
    the TLS transport. Whatever fails closes the transport."""
    try:
        protocol = protocol_factory()
        waiter = loop.create_future()
        if ssl:
            sslcontext = None if isinstance(ssl, bool) else ssl
            transport = _make_ssl_transport(loop, transport, protocol, sslcontext, waiter,
                                            server_side=server_side, server_hostname=server_hostname,
                                            ssl_handshake_timeout=ssl_handshake_timeout,
                                            ssl_shutdown_timeout=ssl_shutdown_timeout)
        else:
            transport._start(protocol, waiter)
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


def _make_ssl_transport(loop, raw_transport, protocol, sslcontext, waiter, *, server_side=False,
                        server_hostname=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
    """Starts `raw_transport` with an SSLProtocol between it and
    `protocol`; the TLS transport the protocol will get. `waiter` is
    resolved when the handshake is done."""
    from . import sslproto
    ssl_protocol = sslproto.SSLProtocol(loop, protocol, sslcontext, waiter, server_side, server_hostname,
                                        ssl_handshake_timeout=ssl_handshake_timeout,
                                        ssl_shutdown_timeout=ssl_shutdown_timeout)
    raw_transport._start(ssl_protocol)
    return ssl_protocol._app_transport


def _tls_server_factory(loop, protocol_factory, sslcontext, ssl_handshake_timeout, ssl_shutdown_timeout):
    """A TLS server's protocol factory: each accepted connection gets an
    SSLProtocol in front of the protocol the server's factory makes."""
    from . import sslproto

    def factory():
        protocol = protocol_factory()
        waiter = loop.create_future()
        ssl_protocol = sslproto.SSLProtocol(loop, protocol, sslcontext, waiter, server_side=True,
                                            ssl_handshake_timeout=ssl_handshake_timeout,
                                            ssl_shutdown_timeout=ssl_shutdown_timeout)
        transport = ssl_protocol._app_transport
        waiter.add_done_callback(lambda waiter: _tls_accepted(loop, protocol, transport, waiter))
        return ssl_protocol

    return factory


def _tls_accepted(loop, protocol, transport, waiter):
    """The handshake of an accepted connection ended: a failed one closes
    the connection, reported only in debug mode (CPython's accept task)."""
    if waiter.cancelled():
        return
    exc = waiter.exception()
    if exc is None:
        return
    transport.close()
    if loop.get_debug():
        loop.call_exception_handler({
            'message': 'Error on transport creation for incoming connection',
            'exception': exc,
            'protocol': protocol,
            'transport': transport,
        })


async def _start_tls(loop, transport, protocol, sslcontext, *, server_side=False, server_hostname=None,
                     ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
    """loop.start_tls(): `transport` upgraded to TLS; the TLS transport
    `protocol` talks to from now on."""
    import ssl
    from . import sslproto
    if not isinstance(sslcontext, ssl.SSLContext):
        raise TypeError(f'sslcontext is expected to be an instance of ssl.SSLContext, got {sslcontext!r}')
    if not getattr(transport, '_start_tls_compatible', False):
        raise TypeError(f'transport {transport!r} is not supported by start_tls()')
    waiter = loop.create_future()
    ssl_protocol = sslproto.SSLProtocol(loop, protocol, sslcontext, waiter, server_side, server_hostname,
                                        ssl_handshake_timeout=ssl_handshake_timeout,
                                        ssl_shutdown_timeout=ssl_shutdown_timeout,
                                        call_connection_made=False)
    # Paused first, so that no data reaches the SSL protocol before its
    # connection_made().
    transport.pause_reading()
    transport.set_protocol(ssl_protocol)
    conmade_cb = loop.call_soon(ssl_protocol.connection_made, transport)
    resume_cb = loop.call_soon(transport.resume_reading)
    try:
        await waiter
    except BaseException:
        transport.close()
        conmade_cb.cancel()
        resume_cb.cancel()
        raise
    return ssl_protocol._app_transport


class Server(events.AbstractServer):
    """What loop.create_server() returns: the listening sockets and the
    connections they accepted."""

    def __init__(self, loop, listeners, protocol_factory, backlog):
        self._loop = loop
        self._sockets = listeners
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for listener in self._sockets:
            listener.listen(self, self._protocol_factory, self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        from .trsock import TransportSocket
        return tuple(TransportSocket(listener) for listener in self._sockets)

    def close(self):
        listeners = self._sockets
        if listeners is None:
            return
        self._sockets = None
        for listener in listeners:
            listener.close()
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        from .tasks import sleep
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def _create_server(loop, protocol_factory, host=None, port=None, *, family=0,
                         flags=_asyncio_tcp.AI_PASSIVE, sock=None, backlog=100, ssl=None,
                         reuse_address=None, reuse_port=None, ssl_handshake_timeout=None,
                         ssl_shutdown_timeout=None, start_serving=True):
    """loop.create_server(): a listening socket for each address of `host`
    (every interface when it is None or ''), its connections through TLS
    with an `ssl` context."""
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    if ssl_handshake_timeout is not None and ssl is None:
        raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
    if ssl_shutdown_timeout is not None and ssl is None:
        raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
    if sock is not None:
        _check_ssl_socket(sock)
    if ssl:
        protocol_factory = _tls_server_factory(loop, protocol_factory, ssl, ssl_handshake_timeout,
                                               ssl_shutdown_timeout)
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        _check_stream_socket(sock)
        sock.setblocking(False)
        listeners = [_asyncio_tcp.listener(loop, sock)]
    else:
        listeners = await _bind_listeners(loop, host, port, family, flags, reuse_port)
    server = Server(loop, listeners, protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        from .tasks import sleep
        await sleep(0)
    return server


async def _bind_listeners(loop, host, port, family, flags, reuse_port):
    if host == '':
        hosts = [None]
    elif isinstance(host, str) or not hasattr(host, '__iter__'):
        hosts = [host]
    else:
        hosts = list(host)
    from .tasks import gather
    resolved = await gather(*[_ensure_resolved(loop, one, port, family, flags, 'bind')
                              for one in hosts])
    infos = [info for infos_of_host in resolved for info in infos_of_host]
    listeners = []
    seen = set()
    try:
        for info_family, _, _, _, address in infos:
            key = (info_family, address)
            if key in seen:
                continue
            seen.add(key)
            listeners.append(_asyncio_tcp.bind(loop, info_family, address, bool(reuse_port)))
    except BaseException:
        for listener in listeners:
            listener.close()
        raise
    return listeners


def _check_unix_stream_socket(sock):
    import socket
    if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
        raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')


async def _create_unix_connection(loop, protocol_factory, path=None, *, ssl=None, sock=None,
                                  server_hostname=None, ssl_handshake_timeout=None,
                                  ssl_shutdown_timeout=None):
    """loop.create_unix_connection(): a stream over the Unix socket at
    `path`, through TLS with `ssl` (a server_hostname is then required)."""
    import socket
    assert server_hostname is None or isinstance(server_hostname, str)
    if ssl:
        if server_hostname is None:
            raise ValueError('you have to pass server_hostname when using ssl')
    else:
        if server_hostname is not None:
            raise ValueError('server_hostname is only meaningful with ssl')
        _check_tls_timeouts(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        import os
        path = os.fspath(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
        try:
            sock.setblocking(False)
            await loop.sock_connect(sock, path)
        except BaseException:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('no path and sock were specified')
        _check_unix_stream_socket(sock)
        sock.setblocking(False)
    return await _start_transport(loop, _asyncio_tcp.adopt(loop, sock), protocol_factory, ssl,
                                  server_hostname, ssl_handshake_timeout, ssl_shutdown_timeout)


async def _create_unix_server(loop, protocol_factory, path=None, *, sock=None, backlog=100,
                              ssl=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                              start_serving=True):
    """loop.create_unix_server(): a server listening on the Unix socket at
    `path`, its connections through TLS with an `ssl` context."""
    import os
    import socket
    import stat
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    _check_tls_timeouts(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if ssl:
        protocol_factory = _tls_server_factory(loop, protocol_factory, ssl, ssl_handshake_timeout,
                                               ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        path = os.fspath(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # A socket file left by an earlier server is removed, as CPython does.
        if path[0] not in (0, '\x00'):
            try:
                if stat.S_ISSOCK(os.stat(path).st_mode):
                    os.remove(path)
            except FileNotFoundError:
                pass
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            if exc.errno == 98:
                raise OSError(exc.errno, f'Address {path!r} is already in use') from None
            raise
        except BaseException:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('path was not specified, and no sock specified')
        _check_unix_stream_socket(sock)
    sock.setblocking(False)
    server = Server(loop, [_asyncio_tcp.listener(loop, sock)], protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        from .tasks import sleep
        await sleep(0)
    return server


# --- Child processes (asyncio.base_subprocess, on libuv) ----------------------

async def _subprocess_exec(loop, protocol_factory, program, *args, **kwargs):
    """loop.subprocess_exec()"""
    from . import base_subprocess
    return await base_subprocess.subprocess_exec(loop, protocol_factory, program, *args, **kwargs)


async def _subprocess_shell(loop, protocol_factory, cmd, **kwargs):
    """loop.subprocess_shell()"""
    from . import base_subprocess
    return await base_subprocess.subprocess_shell(loop, protocol_factory, cmd, **kwargs)


# --- Signal handlers -------------------------------------------------------------
#
# As CPython's unix loop, with libuv's signal watchers (_asyncio_signals) in
# place of the wakeup descriptor: each signal given to add_signal_handler()
# has a watcher that schedules the callback on the loop when the signal
# arrives. loop._signal_handlers maps each signal to its watcher.

import signal as _signal
import _asyncio_signals


def _check_signal(sig):
    if not isinstance(sig, int):
        raise TypeError(f'sig must be an int, not {sig!r}')
    if sig not in _signal.valid_signals():
        raise ValueError(f'invalid signal number {sig}')


def _add_signal_handler(loop, sig, callback, *args):
    """loop.add_signal_handler(sig, callback, *args)"""
    from . import coroutines
    if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
        raise TypeError("coroutines cannot be used with add_signal_handler()")
    _check_signal(sig)
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    handlers = loop._signal_handlers
    previous = handlers.pop(sig, None)
    if previous is not None:
        previous.close()
    handlers[sig] = _asyncio_signals.watch(loop, sig, callback, args)


def _remove_signal_handler(loop, sig):
    """loop.remove_signal_handler(sig): whether a handler was removed."""
    _check_signal(sig)
    watcher = loop._signal_handlers.pop(sig, None)
    if watcher is None:
        return False
    watcher.close()
    return True


def _remove_signal_handlers(loop):
    """On loop.close(): every handler the loop added goes."""
    for sig in list(loop._signal_handlers):
        _remove_signal_handler(loop, sig)


# --- Watching descriptors: add_reader/add_writer, and the sock_* methods on them.

import _asyncio_signals as _watchers


def _descriptor(fileobj):
    """The descriptor of an int or of an object with a fileno() method, as
    CPython's selectors read it."""
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


def _watcher(loop, fileobj, create):
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    fd = _descriptor(fileobj)
    watchers = loop._fd_watchers
    watcher = watchers.get(fd)
    if watcher is None and create:
        watcher = watchers[fd] = _watchers.watch_fd(loop, fd)
    return fd, watcher


def _forget_if_idle(loop, fd, watcher):
    if not watcher.has_reader and not watcher.has_writer:
        watcher.close()
        del loop._fd_watchers[fd]


def _add_reader(loop, fd, callback, *args):
    """loop.add_reader(fd, callback, *args)"""
    _, watcher = _watcher(loop, fd, True)
    watcher.set_reader(callback, args)


def _add_writer(loop, fd, callback, *args):
    """loop.add_writer(fd, callback, *args)"""
    _, watcher = _watcher(loop, fd, True)
    watcher.set_writer(callback, args)


def _remove_watch(loop, fd, side):
    if loop.is_closed():
        return False
    fd, watcher = _watcher(loop, fd, False)
    if watcher is None:
        return False
    removed = watcher.remove_reader() if side == 'reader' else watcher.remove_writer()
    _forget_if_idle(loop, fd, watcher)
    return removed


def _remove_reader(loop, fd):
    """loop.remove_reader(fd): whether a reader was removed."""
    return _remove_watch(loop, fd, 'reader')


def _remove_writer(loop, fd):
    """loop.remove_writer(fd): whether a writer was removed."""
    return _remove_watch(loop, fd, 'writer')


def _remove_fd_watchers(loop):
    """On loop.close(): nothing stays watched."""
    watchers = loop._fd_watchers
    for watcher in watchers.values():
        watcher.close()
    watchers.clear()


def _wait_readable(loop, fut, sock, attempt, *args):
    """Runs attempt(fut, sock, *args) each time the socket is readable until
    fut is done, then stops watching."""
    fd = sock.fileno()
    _add_reader(loop, fd, attempt, fut, sock, *args)
    fut.add_done_callback(lambda _: _remove_reader(loop, fd))


def _wait_writable(loop, fut, sock, attempt, *args):
    fd = sock.fileno()
    _add_writer(loop, fd, attempt, fut, sock, *args)
    fut.add_done_callback(lambda _: _remove_writer(loop, fd))


def _settle(fut, operation, *args):
    """fut gets operation(*args)'s result or exception; nothing if it would
    block (the next readiness tries again) or fut is already done."""
    if fut.done():
        return
    try:
        result = operation(*args)
    except (BlockingIOError, InterruptedError):
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(result)


async def _sock_receive(loop, sock, operation, *args):
    try:
        return operation(*args)
    except (BlockingIOError, InterruptedError):
        pass
    fut = loop.create_future()
    _wait_readable(loop, fut, sock, lambda fut, sock: _settle(fut, operation, *args))
    return await fut


async def _sock_recv(loop, sock, n):
    """loop.sock_recv(sock, nbytes)"""
    return await _sock_receive(loop, sock, sock.recv, n)


async def _sock_recv_into(loop, sock, buf):
    """loop.sock_recv_into(sock, buf)"""
    return await _sock_receive(loop, sock, sock.recv_into, buf)


async def _sock_recvfrom(loop, sock, bufsize):
    """loop.sock_recvfrom(sock, bufsize)"""
    return await _sock_receive(loop, sock, sock.recvfrom, bufsize)


def _send_rest(fut, sock, view, sent):
    if fut.done():
        return
    try:
        n = sock.send(view[sent[0]:])
    except (BlockingIOError, InterruptedError):
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
        return
    sent[0] += n
    if sent[0] == len(view):
        fut.set_result(None)


async def _sock_sendall(loop, sock, data):
    """loop.sock_sendall(sock, data)"""
    try:
        n = sock.send(data)
    except (BlockingIOError, InterruptedError):
        n = 0
    if n == len(data):
        return
    fut = loop.create_future()
    _wait_writable(loop, fut, sock, _send_rest, memoryview(data), [n])
    return await fut


async def _sock_sendto(loop, sock, data, address):
    """loop.sock_sendto(sock, data, address)"""
    try:
        return sock.sendto(data, address)
    except (BlockingIOError, InterruptedError):
        pass
    fut = loop.create_future()
    _wait_writable(loop, fut, sock, lambda fut, sock: _settle(fut, sock.sendto, data, address))
    return await fut


def _connect_result(sock, address):
    import socket
    error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if error != 0:
        raise OSError(error, f'Connect call failed {address}')


async def _sock_connect(loop, sock, address):
    """loop.sock_connect(sock, address)"""
    import socket
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        infos = await _ensure_resolved(loop, address[0], address[1], sock.family, 0, 'sock_connect')
        address = infos[0][4]
    try:
        sock.connect(address)
        return
    except (BlockingIOError, InterruptedError):
        pass
    fut = loop.create_future()
    _wait_writable(loop, fut, sock, lambda fut, sock: _settle(fut, _connect_result, sock, address))
    return await fut


def _accept(sock):
    conn, address = sock.accept()
    conn.setblocking(False)
    return conn, address


async def _sock_accept(loop, sock):
    """loop.sock_accept(sock)"""
    try:
        return _accept(sock)
    except (BlockingIOError, InterruptedError):
        pass
    fut = loop.create_future()
    _wait_readable(loop, fut, sock, lambda fut, sock: _settle(fut, _accept, sock))
    return await fut
