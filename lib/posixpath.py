"""Path operations on POSIX paths (os.path): the native `_posixpath`'s
string functions, and those that look at the disk or are rarely hot."""

import posix as _posix
from _posixpath import *
from _posixpath import sep, curdir, pardir, extsep

altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    fspath = getattr(type(p), "__fspath__", None)
    if fspath is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    return fspath(p)


def normcase(s):
    return _fspath(s)


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def islink(path):
    try:
        st = _posix._lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return st[0] & 0o170000 == 0o120000


def lexists(path):
    try:
        _posix._lstat(path)
    except (OSError, ValueError):
        return False
    return True


def ismount(path):
    try:
        st = _posix._lstat(path)
    except (OSError, ValueError):
        return False
    if st[0] & 0o170000 == 0o120000:
        return False
    path = _fspath(path)
    parent = join(path, "..")
    try:
        parent_st = _posix._lstat(parent)
    except (OSError, ValueError):
        return False
    return st[2] != parent_st[2] or st[1] == parent_st[1]


def getsize(filename):
    return _posix._stat(filename)[6]


def getmtime(filename):
    return _posix._stat(filename)[8] / 1e9


def getatime(filename):
    return _posix._stat(filename)[7] / 1e9


def getctime(filename):
    return _posix._stat(filename)[9] / 1e9


def samefile(f1, f2):
    s1 = _posix._stat(f1)
    s2 = _posix._stat(f2)
    return s1[1] == s2[1] and s1[2] == s2[2]


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    resolved = _posix._realpath(filename)
    if resolved is not None:
        return resolved
    if strict:
        _posix._stat(filename)
    # A path whose end does not exist: resolve the part that does.
    head, tail = split(abspath(filename))
    if not tail:
        return head
    return join(realpath(head), tail)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    common = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - common) + path_list[common:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(_fspath, paths))
    try:
        split_paths = [p.split(sep) for p in paths]
        try:
            (isabs,) = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        raise


def expandvars(path):
    path = _fspath(path)
    if "$" not in path:
        return path
    import posix
    environ = posix.environ
    result = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$" or i + 1 >= n:
            result.append(c)
            i += 1
            continue
        if path[i + 1] == "{":
            end = path.find("}", i + 2)
            if end < 0:
                result.append(path[i:])
                break
            name = path[i + 2:end]
            if name in environ:
                result.append(environ[name])
            else:
                result.append(path[i:end + 1])
            i = end + 1
            continue
        j = i + 1
        while j < n and (path[j].isalnum() or path[j] == "_"):
            j += 1
        name = path[i + 1:j]
        if name and name in environ:
            result.append(environ[name])
        else:
            result.append(path[i:j] if name else "$")
        i = j if name else i + 1
    return "".join(result)
