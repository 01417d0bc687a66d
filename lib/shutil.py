"""High-level file operations: copying files and trees, removing trees,
moving, finding programs on PATH, the terminal size; as CPython's shutil.

Where coil's os lacks a call (chmod, utime, stat, statvfs), the part of the
operation that needs it is skipped or raises, as noted at each place.
"""

import os
import sys

__all__ = ['copyfileobj', 'copyfile', 'copymode', 'copystat', 'copy', 'copy2',
           'copytree', 'move', 'rmtree', 'Error', 'SpecialFileError',
           'ExecError', 'ignore_patterns', 'which', 'get_terminal_size',
           'SameFileError', 'disk_usage', 'chown', 'make_archive']

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is
    not supported on a special file (e.g. a named pipe)."""


class ExecError(OSError):
    """Raised when a command could not be executed."""


class ReadError(OSError):
    """Raised when an archive cannot be read."""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving and unpacking
    registries fails."""


def copyfileobj(fsrc, fdst, length=0):
    """Copy data from file-like object fsrc to file-like object fdst."""
    if not length:
        length = COPY_BUFSIZE
    read = fsrc.read
    write = fdst.write
    while True:
        buf = read(length)
        if not buf:
            break
        write(buf)


def _samefile(src, dst):
    samefile = getattr(os.path, 'samefile', None)
    if samefile is not None:
        try:
            return samefile(src, dst)
        except OSError:
            return False
    # Without samefile, compare the normalized absolute paths.
    return os.path.normpath(os.path.abspath(src)) == os.path.normpath(os.path.abspath(dst))


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents of src to dst; return dst."""
    if _samefile(src, dst):
        raise SameFileError('{!r} and {!r} are the same file'.format(src, dst))
    with open(src, 'rb') as fsrc:
        try:
            with open(dst, 'wb') as fdst:
                copyfileobj(fsrc, fdst)
        except IsADirectoryError as e:
            if not os.path.exists(dst):
                raise FileNotFoundError(f'Directory does not exist: {dst}') from e
            raise
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copy the permission bits from src to dst (needs os.stat/os.chmod)."""
    stat = getattr(os, 'stat', None)
    chmod = getattr(os, 'chmod', None)
    if stat is None or chmod is None:
        return
    chmod(dst, stat(src).st_mode & 0o7777)


def copystat(src, dst, *, follow_symlinks=True):
    """Copy the permission bits and times from src to dst (needs os.stat,
    os.utime, os.chmod; skipped where they are missing)."""
    stat = getattr(os, 'stat', None)
    if stat is None:
        return
    st = stat(src)
    utime = getattr(os, 'utime', None)
    if utime is not None:
        utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    chmod = getattr(os, 'chmod', None)
    if chmod is not None:
        chmod(dst, st.st_mode & 0o7777)


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and mode bits ("cp src dst"); dst may be a directory."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and metadata; dst may be a directory."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def _fnmatch(name, pattern):
    from pathlib import _match_name
    return _match_name(name, pattern)


def ignore_patterns(*patterns):
    """A function for copytree's `ignore`: the names matching any of the
    glob-style patterns."""
    def _ignore_patterns(path, names):
        ignored = []
        for name in names:
            if any(_fnmatch(name, pattern) for pattern in patterns):
                ignored.append(name)
        return set(ignored)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy the directory tree at src to dst, which must not
    exist unless dirs_exist_ok; errors are gathered into one Error."""
    names = os.listdir(src)
    ignored_names = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored_names:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def _islink(path):
    islink = getattr(os.path, 'islink', None)
    return islink(path) if islink is not None else False


def _rmtree(path, onerror):
    try:
        names = os.listdir(path)
    except OSError:
        onerror(os.listdir, path, sys.exc_info())
        names = []
    for name in names:
        fullname = os.path.join(path, name)
        if os.path.isdir(fullname) and not _islink(fullname):
            _rmtree(fullname, onerror)
        else:
            try:
                os.unlink(fullname)
            except OSError:
                onerror(os.unlink, fullname, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Recursively delete a directory tree. Errors are ignored with
    ignore_errors, passed to onerror(function, path, exc_info) if given,
    raised otherwise."""
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    if _islink(path):
        try:
            raise OSError('Cannot call rmtree on a symbolic link')
        except OSError:
            onerror(_islink, path, sys.exc_info())
            return
    lstat = getattr(os, 'lstat', None)
    if lstat is not None:
        # As CPython, a missing path is reported as lstat's failure.
        try:
            lstat(path)
        except OSError:
            onerror(lstat, path, sys.exc_info())
            return
    if not os.path.isdir(path):
        try:
            os.listdir(path)
        except OSError:
            onerror(os.listdir, path, sys.exc_info())
            return
    _rmtree(path, onerror)


rmtree.avoids_symlink_attacks = False


def _basename(path):
    sep = os.path.sep
    return os.path.basename(path.rstrip(sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Recursively move a file or directory to another location, renaming
    when possible, copying and removing the original otherwise."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(os.fspath(src)))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def disk_usage(path):
    """Total, used and free space of the filesystem holding path, in bytes
    (needs os.statvfs)."""
    import collections
    statvfs = getattr(os, 'statvfs', None)
    if statvfs is None:
        raise OSError('disk_usage needs os.statvfs, which coil does not have')
    st = statvfs(path)
    free = st.f_bavail * st.f_frsize
    total = st.f_blocks * st.f_frsize
    used = (st.f_blocks - st.f_bfree) * st.f_frsize
    return _ntuple_diskusage(total, used, free)


class _ntuple_diskusage(tuple):
    """usage(total, used, free), as CPython's namedtuple."""

    def __new__(cls, total, used, free):
        return tuple.__new__(cls, (total, used, free))

    total = property(lambda self: self[0])
    used = property(lambda self: self[1])
    free = property(lambda self: self[2])

    def __repr__(self):
        return 'usage(total=%r, used=%r, free=%r)' % tuple(self)


def chown(path, user=None, group=None):
    raise NotImplementedError('chown is not available in coil')


def make_archive(*args, **kwargs):
    raise NotImplementedError('make_archive is not available in coil')


class _terminal_size(tuple):
    """os.terminal_size(columns, lines)."""

    def __new__(cls, size):
        return tuple.__new__(cls, size)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % tuple(self)


def get_terminal_size(fallback=(80, 24)):
    """The terminal size: $COLUMNS and $LINES when set and positive, else
    what the terminal on stdout reports, else the fallback."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        size = None
        query = getattr(os, 'get_terminal_size', None)
        if query is not None:
            try:
                size = query(sys.__stdout__.fileno())
            except (AttributeError, ValueError, OSError):
                size = None
        if size is None:
            size = fallback
        if columns <= 0:
            columns = size[0] or fallback[0]
        if lines <= 0:
            lines = size[1] or fallback[1]
    return _terminal_size((columns, lines))


def _access_check(path, mode):
    access = getattr(os, 'access', None)
    if access is not None:
        return os.path.exists(path) and access(path, mode) and not os.path.isdir(path)
    # Without os.access: any existing regular file counts as executable.
    return os.path.isfile(path)


def which(cmd, mode=1, path=None):
    """The path to the program `cmd` on PATH (or `path`), or None.
    mode is os.F_OK | os.X_OK by default."""
    if os.path.dirname(cmd):
        if _access_check(cmd, mode):
            return cmd
        return None
    if path is None:
        path = os.environ.get('PATH', None)
        if path is None:
            path = '/bin:/usr/bin'
    if not path:
        return None
    path = os.fspath(path)
    seen = set()
    for directory in path.split(':'):
        normdir = os.path.normpath(directory) if directory else directory
        if normdir in seen:
            continue
        seen.add(normdir)
        name = os.path.join(directory, cmd)
        if _access_check(name, mode):
            return name
    return None
