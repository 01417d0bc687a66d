"""Running child processes synchronously, as CPython's subprocess on POSIX:
run, Popen (pipes, communicate with input and a timeout, wait, poll,
signals), call, check_call, check_output, getoutput, getstatusoutput,
CompletedProcess and the exceptions.

Children start through the native _subprocess module (fork and exec);
its waits and poll measure timeouts on the real clock, also under
--virtual-time, since the child's work is real.
"""

import builtins
import os
import signal
import sys
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = 512  # a write of this much to a pipe that polls writable does not block
_USE_POSIX_SPAWN = False
_USE_VFORK = False


class SubprocessError(Exception):
    pass


def _signal_name(number):
    for name in dir(signal):
        if name.startswith('SIG') and not name.startswith('SIG_') and getattr(signal, name) == number:
            return name
    return None


class CalledProcessError(SubprocessError):
    """Raised when a process run by check_call(), check_output() or
    run(check=True) exits with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _signal_name(-self.returncode)
            if name is not None:
                return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, -self.returncode)
            return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output attribute, to match stderr"""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """A process that has finished running, as run() returns it."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it and return its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command; CalledProcessError if it exits with a non-zero status."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its output; CalledProcessError if it exits
    with a non-zero status."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        # No input means empty input (not the parent's stdin), in the right type.
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command, wait for it and return a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            # communicate() has put the output read so far in the exception.
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit code, output) of running `cmd` in a shell, stderr included and
    the trailing newline removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output (stdout and stderr) of running `cmd` in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def _translate_newlines(data, encoding, errors):
    data = data.decode(encoding, errors)
    return data.replace("\r\n", "\n").replace("\r", "\n")


class Popen(object):
    """A child process, started at construction."""

    _child_created = False

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None, preexec_fn=None,
                 close_fds=True, shell=False, cwd=None, env=None, universal_newlines=None, startupinfo=None,
                 creationflags=0, restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None, umask=-1, pipesize=-1,
                 process_group=None):
        self._communication_started = False
        self._waitpid_lock = None
        self._input = None
        self._fileobj2output = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pass_fds and not close_fds:
            close_fds = True
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if preexec_fn is not None or user is not None or group is not None or extra_groups is not None \
                or umask != -1 or process_group is not None:
            raise NotImplementedError("coil's subprocess does not support preexec_fn, user, group, "
                                      "extra_groups, umask or process_group")

        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize

        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines are supplied '
                                  'but different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            self.encoding = encoding = 'utf-8'

        (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite) = self._get_handles(stdin, stdout, stderr)
        self._closed_child_pipe_fds = False
        try:
            if p2cwrite != -1:
                if self.text_mode:
                    self.stdin = builtins.open(p2cwrite, 'w', encoding=encoding, errors=errors)
                else:
                    self.stdin = builtins.open(p2cwrite, 'wb')
            if c2pread != -1:
                self.stdout = self._reader(c2pread, bufsize)
            if errread != -1:
                self.stderr = self._reader(errread, bufsize)
            self._execute_child(args, executable, close_fds, pass_fds, cwd, env, shell, start_new_session,
                                p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)
        except:
            for f in filter(None, (self.stdin, self.stdout, self.stderr)):
                try:
                    f.close()
                except OSError:
                    pass
            if not self._closed_child_pipe_fds:
                for fd in {p2cread, c2pwrite, errwrite, getattr(self, '_devnull', -1)}:
                    if fd >= 0 and fd not in self._parent_fds:
                        try:
                            os.close(fd)
                        except OSError:
                            pass
            raise

    def _reader(self, fd, bufsize):
        # The parent's end of a pipe the child writes to.
        if self.text_mode:
            return builtins.open(fd, 'r', encoding=self.encoding, errors=self.errors)
        return builtins.open(fd, 'rb')

    def __repr__(self):
        obj_repr = f"<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            if exc_type == KeyboardInterrupt:
                # As CPython: a Ctrl-C while waiting leaves the child be
                # rather than wait for it again.
                if self.returncode is None:
                    self._wait(timeout=0.25)
            else:
                self.wait()

    # --- Starting the child ---------------------------------------------

    def _get_handles(self, stdin, stdout, stderr):
        """The descriptors for the child's standard streams (-1: inherit)
        and the parent's ends of the pipes."""
        self._parent_fds = set()  # descriptors the caller gave: never closed here
        p2cread, p2cwrite = -1, -1
        c2pread, c2pwrite = -1, -1
        errread, errwrite = -1, -1

        if stdin is None:
            pass
        elif stdin == PIPE:
            p2cread, p2cwrite = os.pipe()
        elif stdin == DEVNULL:
            p2cread = self._get_devnull()
        elif isinstance(stdin, int):
            p2cread = stdin
            self._parent_fds.add(stdin)
        else:
            p2cread = stdin.fileno()
            self._parent_fds.add(p2cread)

        if stdout is None:
            pass
        elif stdout == PIPE:
            c2pread, c2pwrite = os.pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._get_devnull()
        elif isinstance(stdout, int):
            c2pwrite = stdout
            self._parent_fds.add(stdout)
        else:
            if hasattr(stdout, 'flush'):
                stdout.flush()
            c2pwrite = stdout.fileno()
            self._parent_fds.add(c2pwrite)

        if stderr is None:
            pass
        elif stderr == PIPE:
            errread, errwrite = os.pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite
            else:
                errwrite = sys.__stdout__.fileno()
                self._parent_fds.add(errwrite)
        elif stderr == DEVNULL:
            errwrite = self._get_devnull()
        elif isinstance(stderr, int):
            errwrite = stderr
            self._parent_fds.add(stderr)
        else:
            if hasattr(stderr, 'flush'):
                stderr.flush()
            errwrite = stderr.fileno()
            self._parent_fds.add(errwrite)
        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _get_devnull(self):
        if not hasattr(self, '_devnull'):
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _execute_child(self, args, executable, close_fds, pass_fds, cwd, env, shell, start_new_session,
                       p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            args = ["/bin/sh", "-c"] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        args = [os.fspath(a) if isinstance(a, os.PathLike) else a for a in args]
        for a in args:
            if not isinstance(a, (str, bytes)):
                raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(a).__name__)
        orig_executable = executable
        executable = os.fspath(executable)

        # The PATH search, done here as CPython's: each directory's
        # candidate is tried in turn by the child.
        if os.path.dirname(executable):
            executables = [executable]
        else:
            executables = [os.path.join(d, executable) for d in os.get_exec_path(env)]
        if env is not None:
            env_list = []
            for k, v in env.items():
                k = os.fsencode(k) if isinstance(k, str) else k
                if b'=' in k:
                    raise ValueError("illegal environment variable name")
                v = os.fsencode(v) if isinstance(v, str) else os.fspath(v)
                env_list.append(k + b'=' + v)
        else:
            env_list = None
        if cwd is not None:
            cwd = os.fspath(cwd)

        pid, errno_num, stage = _subprocess.spawn(args, executables, cwd, env_list, p2cread, c2pwrite, errwrite,
                                                  close_fds, sorted(map(int, pass_fds)), start_new_session)
        self._child_created = pid != 0
        # The child's ends of the pipes are the child's now.
        if p2cread != -1 and p2cwrite != -1:
            os.close(p2cread)
        if c2pwrite != -1 and c2pread != -1:
            os.close(c2pwrite)
        if errwrite != -1 and errread != -1:
            os.close(errwrite)
        if hasattr(self, '_devnull'):
            os.close(self._devnull)
        self._closed_child_pipe_fds = True
        if pid == 0:
            if stage == 1:
                err_filename = cwd
            else:
                err_filename = orig_executable
            raise OSError(errno_num, os.strerror(errno_num), err_filename)
        self.pid = pid

    # --- Waiting ----------------------------------------------------------

    def _handle_exitstatus(self, sts):
        self.returncode = os.waitstatus_to_exitcode(sts)

    def poll(self):
        """The exit code if the child has ended (None if not)."""
        return self._internal_poll()

    def _internal_poll(self):
        if self.returncode is None and self.pid is not None:
            try:
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
            except ChildProcessError:
                # Reaped elsewhere: its status is lost.
                self.returncode = 0
        return self.returncode

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - _subprocess.monotonic()

    def _check_timeout(self, endtime, orig_timeout, stdout_seq, stderr_seq, skip_check_and_raise=False):
        if endtime is None:
            return
        if skip_check_and_raise or _subprocess.monotonic() > endtime:
            raise TimeoutExpired(self.args, orig_timeout,
                                 output=b''.join(stdout_seq) if stdout_seq else None,
                                 stderr=b''.join(stderr_seq) if stderr_seq else None)

    def wait(self, timeout=None):
        """Wait for the child to end and return its exit code;
        TimeoutExpired after `timeout` seconds."""
        return self._wait(timeout=timeout)

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        try:
            sts = _subprocess.wait(self.pid, timeout)
        except ChildProcessError:
            self.returncode = 0
            return self.returncode
        if sts is None:
            raise TimeoutExpired(self.args, timeout)
        self._handle_exitstatus(sts)
        return self.returncode

    def send_signal(self, sig):
        """Send a signal to the child, unless it has already ended."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # --- Communicating ----------------------------------------------------

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def communicate(self, input=None, timeout=None):
        """Send `input` to the child's stdin, read its stdout and stderr to
        the end, wait for it; returns (stdout, stderr)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")

        # One pipe and no timeout: read or write it directly.
        if timeout is None and not self._communication_started and \
                [self.stdin, self.stdout, self.stderr].count(None) >= 2:
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
        else:
            if timeout is not None:
                endtime = _subprocess.monotonic() + timeout
            else:
                endtime = None
            try:
                stdout, stderr = self._communicate(input, endtime, timeout)
            except KeyboardInterrupt:
                if timeout is not None:
                    sigint_timeout = min(0.25, self._remaining_time(endtime))
                else:
                    sigint_timeout = 0.25
                try:
                    self._wait(timeout=sigint_timeout)
                except TimeoutExpired:
                    pass
                raise
            finally:
                self._communication_started = True
            sts = self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass

        stdout = None
        stderr = None
        # Output read so far is kept on self, for a call after a timeout.
        if not self._communication_started:
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output[self.stdout] = []
            if self.stderr:
                self._fileobj2output[self.stderr] = []
        if self.stdout:
            stdout = self._fileobj2output[self.stdout]
        if self.stderr:
            stderr = self._fileobj2output[self.stderr]

        self._save_input(input)
        if self._input:
            input_view = self._input

        readers = {}
        for f in (self.stdout, self.stderr):
            if f and not f.closed:
                readers[f.fileno()] = f
        writer = self.stdin if (self.stdin and not self.stdin.closed and self._input) else None
        while readers or writer:
            timeout = self._remaining_time(endtime)
            if timeout is not None and timeout < 0:
                self._check_timeout(endtime, orig_timeout, stdout, stderr, skip_check_and_raise=True)
            wanted = [(fd, _subprocess.POLLIN) for fd in readers]
            if writer is not None:
                wanted.append((writer.fileno(), _subprocess.POLLOUT))
            ready = _subprocess.poll(wanted, timeout)
            self._check_timeout(endtime, orig_timeout, stdout, stderr)
            for fd, events in ready:
                if writer is not None and fd == writer.fileno():
                    chunk = input_view[self._input_offset:self._input_offset + _PIPE_BUF]
                    try:
                        self._input_offset += os.write(fd, chunk)
                    except BrokenPipeError:
                        writer.close()
                        writer = None
                    else:
                        if self._input_offset >= len(self._input):
                            writer.close()
                            writer = None
                elif fd in readers:
                    data = os.read(fd, 32768)
                    if not data:
                        readers.pop(fd).close()
                    else:
                        self._fileobj2output[readers[fd]].append(data)

        self.wait(timeout=self._remaining_time(endtime))

        if stdout is not None:
            stdout = b''.join(stdout)
        if stderr is not None:
            stderr = b''.join(stderr)
        if self.text_mode:
            if stdout is not None:
                stdout = _translate_newlines(stdout, self.encoding, self.errors or 'strict')
            if stderr is not None:
                stderr = _translate_newlines(stderr, self.encoding, self.errors or 'strict')
        return (stdout, stderr)

    def _save_input(self, input):
        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = self._input.encode(self.encoding, self.errors or 'strict')
