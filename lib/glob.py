"""Filename globbing: glob, iglob (with recursive '**'), escape and has_magic.

Directories are read with os.listdir; names starting with '.' only match
patterns that start with '.', unless include_hidden is true.
"""

import os
import fnmatch

__all__ = ['glob', 'iglob', 'escape', 'has_magic']


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """The list of paths matching pathname, in directory listing order.
    With recursive=True, '**' matches any files and zero or more directories."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """An iterator over the paths glob() returns."""
    if dir_fd is not None:
        raise NotImplementedError('glob: dir_fd is not supported')
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # A leading '**' matches the empty path too; glob() leaves it out.
        return _skip_empty_first(it)
    return it


def _skip_empty_first(it):
    for first in it:
        if first:
            yield first
        break
    yield from it


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname)):
                yield pathname
        elif os.path.isdir(_join(root_dir, dirname)):
            # A path ending with a separator names a directory only.
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    # os.path.split keeps a magic-free drive or root (e.g. '/') as dirname.
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly,
                                include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dironly, include_hidden):
    """Names in dirname matching a pattern without separators."""
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    """basename, if it exists in dirname (a literal path component)."""
    if basename:
        if _lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    """'' and every path below dirname, for a '**' component."""
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _listdir(dirname, dironly):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    if dironly:
        base = dirname or os.curdir
        names = [name for name in names if os.path.isdir(os.path.join(base, name))]
    return names


def _rlistdir(dirname, dironly, include_hidden):
    for x in _listdir(dirname, dironly):
        if include_hidden or not _ishidden(x):
            yield x
            path = os.path.join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                yield os.path.join(x, y)


def _lexists(path):
    # A broken symbolic link still names an existing directory entry.
    lexists = getattr(os.path, 'lexists', None)
    return (lexists or os.path.exists)(path)


def _join(dirname, basename):
    # Either part is often empty; os.path.join would add a separator.
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


_MAGIC = '*?['


def has_magic(s):
    """Whether s holds a glob wildcard (*, ? or [)."""
    if isinstance(s, bytes):
        return any(c in b'*?[' for c in s)
    for c in s:
        if c in _MAGIC:
            return True
    return False


def _ishidden(path):
    return path[0] in ('.', b'.'[0])


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def escape(pathname):
    """Escape the wildcards in pathname so that it matches itself."""
    # On POSIX there is no drive to keep unescaped.
    if isinstance(pathname, bytes):
        out = bytearray()
        for c in pathname:
            if c in b'*?[':
                out += b'[' + bytes([c]) + b']'
            else:
                out.append(c)
        return bytes(out)
    return ''.join('[' + c + ']' if c in _MAGIC else c for c in pathname)
