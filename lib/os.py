"""Operating-system interfaces: the native `posix` module's calls, plus what
CPython's os writes in Python — stat_result, scandir's DirEntry, walk,
fsencode/fsdecode, PathLike, get_terminal_size."""

import posix as _posix
from posix import *
import posixpath as path
import sys as _sys
import abc as _abc

_sys.modules["os.path"] = path
from posix import name, sep, linesep, curdir, pardir, extsep
from posix import _exit



class _Environ(dict):
    """os.environ: the environment as a dict whose changes also go to the
    process's environment (putenv/unsetenv), so child processes see them."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        unsetenv(key)
        dict.__delitem__(self, key)

    def pop(self, key, *default):
        if key in self:
            unsetenv(key)
        return dict.pop(self, key, *default)

    def setdefault(self, key, value=None):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, other=(), /, **kwargs):
        if hasattr(other, "keys"):
            other = [(key, other[key]) for key in other.keys()]
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        for key in list(self):
            del self[key]

    def copy(self):
        return dict(self)

    def __repr__(self):
        return "environ({%s})" % ", ".join("%r: %r" % item for item in self.items())


environ = _Environ(_posix.environ)
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_follow_symlinks = set()
error = OSError


class stat_result(tuple):
    """os.stat()'s result: the 10 classic fields by index, the rest by name."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime",
               "st_ctime")

    def __new__(cls, raw):
        mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev = raw
        self = tuple.__new__(cls, (mode, ino, dev, nlink, uid, gid, size, atime_ns // 1000000000,
                                   mtime_ns // 1000000000, ctime_ns // 1000000000))
        self.st_atime_ns = atime_ns
        self.st_mtime_ns = mtime_ns
        self.st_ctime_ns = ctime_ns
        self.st_blksize = blksize
        self.st_blocks = blocks
        self.st_rdev = rdev
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self.st_atime_ns / 1e9)
    st_mtime = property(lambda self: self.st_mtime_ns / 1e9)
    st_ctime = property(lambda self: self.st_ctime_ns / 1e9)

    def __repr__(self):
        fields = ", ".join("%s=%r" % (name, value) for name, value in zip(self._fields, self))
        return "os.stat_result(%s)" % fields

    def __reduce__(self):
        return (stat_result, (tuple(self),))


stat_result.__module__ = "os"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(_posix._stat(path))
    return stat_result(_posix._lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_posix._lstat(path))


def fstat(fd):
    return stat_result(_posix._stat(fd))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        ns = (int(times[0] * 1e9), int(times[1] * 1e9))
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
    _posix._utime_ns(path, ns)


_DT_DIR, _DT_REG, _DT_LNK, _DT_UNKNOWN = 4, 8, 10, 0


class DirEntry:
    """One entry of os.scandir(): its name and path, and its kind, known
    without a stat call when the directory listing gives it."""

    __slots__ = ("name", "path", "_d_type", "_inode", "_stat", "_lstat")

    def __init__(self, directory, name, d_type, inode):
        self.name = name
        self.path = path.join(directory, name)
        self._d_type = d_type
        self._inode = inode
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return "<DirEntry %r>" % self.name

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._inode

    def is_symlink(self):
        if self._d_type != _DT_UNKNOWN:
            return self._d_type == _DT_LNK
        return _S_ISLNK(self.stat(follow_symlinks=False).st_mode)

    def _is_kind(self, d_type, test, follow_symlinks):
        if self._d_type != _DT_UNKNOWN and not (follow_symlinks and self._d_type == _DT_LNK):
            return self._d_type == d_type
        try:
            return test(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._is_kind(_DT_DIR, _S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is_kind(_DT_REG, _S_ISREG, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat


def _S_ISDIR(mode):
    return mode & 0o170000 == 0o040000


def _S_ISREG(mode):
    return mode & 0o170000 == 0o100000


def _S_ISLNK(mode):
    return mode & 0o170000 == 0o120000


class _ScandirIterator:
    def __init__(self, directory, entries):
        self._entries = iter(entries)
        self._directory = directory

    def __iter__(self):
        return self

    def __next__(self):
        name, d_type, inode = next(self._entries)
        return DirEntry(self._directory, name, d_type, inode)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._entries = iter(())


def scandir(path="."):
    directory = fspath(path)
    return _ScandirIterator(directory, _posix._scandir(directory))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for each
    directory under top, as CPython's os.walk."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs, nondirs, walk_dirs = [], [], []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks or not entry.is_symlink():
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


class PathLike(_abc.ABC):
    """The abstract class of objects with __fspath__."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return any("__fspath__" in vars(base) for base in subclass.__mro__)
        return NotImplemented

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class terminal_size(tuple):
    """get_terminal_size()'s result: (columns, lines)."""

    n_fields = 2

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % tuple(self)


class uname_result(tuple):
    """os.uname()'s result: sysname, nodename, release, version, machine."""

    n_sequence_fields = 5
    n_fields = 5
    n_unnamed_fields = 0
    _fields = ("sysname", "nodename", "release", "version", "machine")

    def __new__(cls, parts):
        return tuple.__new__(cls, parts)

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        fields = ", ".join("%s=%r" % (name, value) for name, value in zip(self._fields, self))
        return "posix.uname_result(%s)" % fields

    def __reduce__(self):
        return (uname_result, (tuple(self),))


uname_result.__module__ = "posix"


def uname():
    return uname_result(_posix._uname())


def get_terminal_size(fd=1):
    return terminal_size(_posix._terminal_size(fd))


def getenvb(key, default=None):
    value = environ.get(fsdecode(key))
    return default if value is None else fsencode(value)


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get("PATH", defpath).split(pathsep)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """A file object for the open descriptor fd, as open(fd, ...)."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import builtins  # this module's open is os.open
    return builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


class _wrap_close:
    # popen()'s file: closing it waits for the command and returns None
    # for success, else its exit status as a wait status (code << 8).
    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def popen(cmd, mode="r", buffering=-1):
    """Runs cmd with the shell; a file reading its output (mode 'r') or
    writing its input (mode 'w')."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd).__name__)
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True, stdout=subprocess.PIPE, bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True, stdin=subprocess.PIPE, bufsize=buffering)
    return _wrap_close(proc.stdin, proc)
