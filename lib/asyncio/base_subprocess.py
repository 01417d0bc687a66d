"""The transport of loop.subprocess_exec/subprocess_shell: a child process
started by libuv (the native _asyncio_subprocess module) and the pipe
transports of its standard streams.

The order of what the protocol hears is CPython's: connection_made once
every pipe is connected, then pipe_data_received/pipe_connection_lost per
pipe and process_exited, each in its own loop callback; connection_lost
last, once the child has exited and every pipe is closed. What arrives
before connection_made is held back and replayed after it.
"""

import collections
import os
import signal

import _asyncio_subprocess

from . import protocols
from . import transports

PIPE = _asyncio_subprocess.PIPE
STDOUT = _asyncio_subprocess.STDOUT
DEVNULL = _asyncio_subprocess.DEVNULL


def _stream_code(stream, index):
    """What spawn() takes for one standard stream: PIPE, STDOUT, DEVNULL,
    or a descriptor (None is the parent's own)."""
    if stream is None:
        return index
    if isinstance(stream, int):
        return stream
    return stream.fileno()


class _SubprocessTransport(transports.SubprocessTransport):
    """A running child process and its pipes, for a SubprocessProtocol."""

    def __init__(self, loop, protocol, args, shell, stdin, stdout, stderr,
                 waiter=None, extra=None, cwd=None, env=None, start_new_session=False,
                 executable=None):
        super().__init__(extra)
        self._closed = False
        self._protocol = protocol
        self._loop = loop
        self._process = None
        self._pid = None
        self._returncode = None
        self._exit_waiters = []
        self._pending_calls = collections.deque()
        self._pipes = {}
        self._pipe_transports = None
        self._finished = False
        if stdin == PIPE:
            self._pipes[0] = None
        if stdout == PIPE:
            self._pipes[1] = None
        if stderr == PIPE:
            self._pipes[2] = None
        if shell:
            argv = ['/bin/sh', '-c', args]
        else:
            argv = list(args)
        program = argv[0] if executable is None else os.fspath(executable)
        if env is not None:
            entries = []
            for name, value in env.items():
                name = os.fsencode(name)
                if b'=' in name:
                    raise ValueError("illegal environment variable name")
                entries.append(name + b'=' + os.fsencode(value))
            env = entries
        if cwd is not None:
            cwd = os.fspath(cwd)
        codes = (_stream_code(stdin, 0), _stream_code(stdout, 1), _stream_code(stderr, 2))
        self._process, *pipes = _asyncio_subprocess.spawn(
            loop, program, argv, cwd, env, codes, start_new_session,
            self._process_exited, program)
        self._pid = self._process.pid
        self._pipe_transports = pipes
        loop.create_task(self._connect_pipes(waiter))

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._closed:
            info.append('closed')
        if self._pid is not None:
            info.append(f'pid={self._pid}')
        if self._returncode is not None:
            info.append(f'returncode={self._returncode}')
        elif self._pid is not None:
            info.append('running')
        else:
            info.append('not started')
        for fd, name in ((0, 'stdin'), (1, 'stdout'), (2, 'stderr')):
            proto = self._pipes.get(fd)
            if proto is not None:
                info.append(f'{name}={proto.pipe}')
        return '<{}>'.format(' '.join(info))

    async def _connect_pipes(self, waiter):
        try:
            for fd, pipe in enumerate(self._pipe_transports):
                if pipe is None:
                    continue
                if fd == 0:
                    proto = _WritePipeProtocol(self, fd)
                else:
                    proto = _ReadPipeProtocol(self, fd)
                connected = self._loop.create_future()
                pipe._start(proto, connected)
                await connected
                self._pipes[fd] = proto
            self._pipe_transports = None
            self._loop.call_soon(self._protocol.connection_made, self)
            for callback, data in self._pending_calls:
                self._loop.call_soon(callback, *data)
            self._pending_calls = None
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
        else:
            if waiter is not None and not waiter.cancelled():
                waiter.set_result(None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for proto in self._pipes.values():
            if proto is not None:
                proto.pipe.close()
        if self._pipe_transports is not None:
            for pipe in self._pipe_transports:
                if pipe is not None:
                    pipe.close()
        # A child still running when its transport closes is killed, as
        # CPython's transport does.
        if self._process is not None and self._returncode is None and self._process.returncode is None:
            self._process.send_signal(signal.SIGKILL)

    def __del__(self):
        if not self._closed:
            # Imported here: a program that never leaks a transport keeps
            # the native warnings path (which shows notebook cells' lines).
            import warnings
            warnings.warn(f"unclosed transport {self!r}", ResourceWarning, source=self)
            self.close()

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        if fd in self._pipes:
            proto = self._pipes[fd]
            return None if proto is None else proto.pipe
        return None

    def _check_proc(self):
        if self._process is None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._process.send_signal(signal)

    def terminate(self):
        self._check_proc()
        self._process.send_signal(signal.SIGTERM)

    def kill(self):
        self._check_proc()
        self._process.send_signal(signal.SIGKILL)

    def _call(self, callback, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((callback, data))
        else:
            self._loop.call_soon(callback, *data)

    def _pipe_connection_lost(self, fd, exc):
        self._call(self._protocol.pipe_connection_lost, fd, exc)
        self._try_finish()

    def _pipe_data_received(self, fd, data):
        self._call(self._protocol.pipe_data_received, fd, data)

    def _process_exited(self, returncode):
        self._returncode = returncode
        self._call(self._protocol.process_exited)
        self._try_finish()
        waiters, self._exit_waiters = self._exit_waiters, None
        for waiter in waiters:
            if not waiter.cancelled():
                waiter.set_result(returncode)

    async def _wait(self):
        """The child's return code, once it has exited."""
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _try_finish(self):
        if self._finished or self._returncode is None:
            return
        if all(proto is not None and proto.disconnected for proto in self._pipes.values()):
            self._finished = True
            self._call(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._loop = None
            self._process = None
            self._protocol = None


class _WritePipeProtocol(protocols.BaseProtocol):
    """The protocol of the child's stdin pipe: reports to the transport."""

    def __init__(self, proc, fd):
        self.proc = proc
        self.fd = fd
        self.pipe = None
        self.disconnected = False

    def connection_made(self, transport):
        self.pipe = transport

    def __repr__(self):
        return f'<{self.__class__.__name__} fd={self.fd} pipe={self.pipe!r}>'

    def connection_lost(self, exc):
        self.disconnected = True
        self.proc._pipe_connection_lost(self.fd, exc)
        self.proc = None

    def pause_writing(self):
        self.proc._protocol.pause_writing()

    def resume_writing(self):
        self.proc._protocol.resume_writing()

    def data_received(self, data):
        # Whatever a child writes into its stdin is not for the parent.
        pass

    def eof_received(self):
        # The child closed its stdin, or exited: the pipe is done.
        return None


class _ReadPipeProtocol(_WritePipeProtocol, protocols.Protocol):
    """The protocol of the child's stdout or stderr pipe."""

    def data_received(self, data):
        self.proc._pipe_data_received(self.fd, data)


def _check_popen_options(universal_newlines, bufsize, text, encoding, errors, kwargs):
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if bufsize != 0:
        raise ValueError("bufsize must be 0")
    if text:
        raise ValueError("text must be False")
    if encoding is not None:
        raise ValueError("encoding must be None")
    if errors is not None:
        raise ValueError("errors must be None")
    for name in kwargs:
        if name not in ('cwd', 'env', 'start_new_session', 'executable', 'close_fds',
                        'restore_signals', 'extra'):
            raise NotImplementedError(f"coil's subprocesses do not support {name}= yet")
    kwargs.pop('close_fds', None)
    kwargs.pop('restore_signals', None)


async def _make_transport(loop, protocol, args, shell, stdin, stdout, stderr, kwargs):
    waiter = loop.create_future()
    transport = _SubprocessTransport(loop, protocol, args, shell, stdin, stdout, stderr,
                                     waiter=waiter, **kwargs)
    try:
        await waiter
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException:
        transport.close()
        await transport._wait()
        raise
    return transport


async def subprocess_shell(loop, protocol_factory, cmd, *, stdin=PIPE, stdout=PIPE,
                           stderr=PIPE, universal_newlines=False, shell=True, bufsize=0,
                           encoding=None, errors=None, text=None, **kwargs):
    """loop.subprocess_shell(): `cmd` run by /bin/sh."""
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if not shell:
        raise ValueError("shell must be True")
    _check_popen_options(universal_newlines, bufsize, text, encoding, errors, kwargs)
    protocol = protocol_factory()
    transport = await _make_transport(loop, protocol, cmd, True, stdin, stdout, stderr, kwargs)
    return transport, protocol


async def subprocess_exec(loop, protocol_factory, program, *args, stdin=PIPE, stdout=PIPE,
                          stderr=PIPE, universal_newlines=False, shell=False, bufsize=0,
                          encoding=None, errors=None, text=None, **kwargs):
    """loop.subprocess_exec(): `program` run with `args`."""
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if shell:
        raise ValueError("shell must be False")
    _check_popen_options(universal_newlines, bufsize, text, encoding, errors, kwargs)
    argv = [os.fspath(program)] + [os.fspath(arg) for arg in args]
    protocol = protocol_factory()
    transport = await _make_transport(loop, protocol, argv, False, stdin, stdout, stderr, kwargs)
    return transport, protocol
