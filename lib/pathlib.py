"""Object-oriented filesystem paths, as CPython's pathlib on POSIX: the pure
paths (PurePath, PurePosixPath: splitting, joining, matching, no I/O) and
the concrete ones (Path, PosixPath) that reach the filesystem through os.

A path is its root ('', '/' or '//') and a tuple of names; '.' components
and repeated slashes are dropped when parsing, '..' is kept.
"""

import os
import sys

__all__ = ['PurePath', 'PurePosixPath', 'PureWindowsPath', 'Path', 'PosixPath', 'WindowsPath']


def _parse_one(text):
    """(root, names) of one path string."""
    root = ''
    if text.startswith('/'):
        # POSIX gives exactly two leading slashes a meaning of their own.
        root = '//' if text.startswith('//') and not text.startswith('///') else '/'
    names = [name for name in text.split('/') if name and name != '.']
    return root, names


def _parse_args(args):
    root = ''
    names = []
    for arg in args:
        if isinstance(arg, PurePath):
            if arg._root:
                root = arg._root
                names = list(arg._names)
            else:
                names.extend(arg._names)
            continue
        if isinstance(arg, str):
            text = arg
        else:
            text = os.fspath(arg) if not isinstance(arg, bytes) else arg
            if not isinstance(text, str):
                raise TypeError('argument should be a str object or an os.PathLike object '
                                'returning str, not %r' % (type(text),))
        arg_root, arg_names = _parse_one(text)
        if arg_root:
            root = arg_root
            names = arg_names
        else:
            names.extend(arg_names)
    return root, tuple(names)


def _match_name(name, pattern):
    """fnmatch.fnmatchcase for one path component: *, ? and [...] classes,
    run as a set of pattern positions advanced one character at a time."""
    tokens = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == '*':
            if not tokens or tokens[-1] != ('*',):
                tokens.append(('*',))
            i += 1
        elif ch == '?':
            tokens.append(('?',))
            i += 1
        elif ch == '[':
            j = i + 1
            if j < n and pattern[j] in '!^':
                j += 1
            if j < n and pattern[j] == ']':
                j += 1
            while j < n and pattern[j] != ']':
                j += 1
            if j >= n:
                tokens.append(('=', '['))
                i += 1
                continue
            body = pattern[i + 1:j]
            negate = body[:1] == '!'
            if negate:
                body = body[1:]
            ranges = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    ranges.append((body[k], body[k + 2]))
                    k += 3
                else:
                    ranges.append((body[k], body[k]))
                    k += 1
            tokens.append(('[', negate, ranges))
            i = j + 1
        else:
            tokens.append(('=', ch))
            i += 1
    def closure(states):
        # A '*' may match nothing: whoever stands before it stands after it too.
        pending = list(states)
        while pending:
            state = pending.pop()
            if state < len(tokens) and tokens[state][0] == '*' and state + 1 not in states:
                states.add(state + 1)
                pending.append(state + 1)
        return states

    states = closure({0})
    for ch in name:
        following = set()
        for state in states:
            if state < len(tokens):
                token = tokens[state]
                if token[0] == '*':
                    following.add(state)
                elif _token_accepts(token, ch):
                    following.add(state + 1)
        if not following:
            return False
        states = closure(following)
    return len(tokens) in states


def _token_accepts(token, ch):
    kind = token[0]
    if kind == '?':
        return True
    if kind == '=':
        return token[1] == ch
    if kind == '[':
        inside = any(low <= ch <= high for low, high in token[2])
        return inside != token[1]
    return False


class _PathParents:
    """The sequence of a path's logical ancestors (path.parents)."""

    def __init__(self, path):
        self._path = path
        self._count = len(path._names)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index >= self._count or index < -self._count:
            raise IndexError(index)
        if index < 0:
            index += self._count
        path = self._path
        return path._from_parts(path._root, path._names[:self._count - index - 1])

    def __iter__(self):
        for i in range(self._count):
            yield self[i]

    def __repr__(self):
        return '<{}.parents>'.format(type(self._path).__name__)


class PurePath(object):
    """A path with no access to the filesystem; PurePath() makes a
    PurePosixPath."""

    __slots__ = ('_root', '_names', '_str', '_hash')

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parsed(args)

    @classmethod
    def _from_parsed(cls, args):
        root, names = _parse_args(args)
        return cls._from_parts(root, names)

    @classmethod
    def _from_parts(cls, root, names):
        self = object.__new__(cls)
        self._root = root
        self._names = tuple(names)
        self._str = None
        self._hash = None
        return self

    def _make(self, root, names):
        return type(self)._from_parts(root, names)

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    def __str__(self):
        if self._str is None:
            self._str = (self._root + '/'.join(self._names)) or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return str(self).encode('utf-8', 'surrogateescape')

    def __repr__(self):
        return '{}({!r})'.format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~/')
        out = []
        for byte in str(self).encode('utf-8', 'surrogateescape'):
            ch = chr(byte)
            out.append(ch if ch in safe else '%%%02X' % byte)
        return 'file://' + ''.join(out)

    def _key(self):
        return (self._root,) + self._names if self._root else self._names

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._key())
        return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return ((self._root,) if self._root else ()) + self._names

    @property
    def name(self):
        return self._names[-1] if self._names else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._make(self._root, self._names[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._make(self._root, self._names[:-1] + (name,))

    def relative_to(self, *other):
        if not other:
            raise TypeError('need at least one argument')
        base = type(self)._from_parsed(other)
        n = len(base._names)
        if base._root != self._root and (base._root or base._names) \
                or self._names[:n] != base._names or (not base._root and not base._names and self._root):
            raise ValueError('{!r} is not in the subpath of {!r} OR one path is relative and the '
                             'other is absolute.'.format(str(self), base._root + '/'.join(base._names)))
        return self._make('', self._names[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return type(self)._from_parsed((self,) + args)

    def __truediv__(self, key):
        try:
            return type(self)._from_parsed((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_parsed((key, self))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        if not self._names:
            return self
        return self._make(self._root, self._names[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Whether the path matches the glob-style pattern, compared from the
        right (the whole path when the pattern is absolute)."""
        pattern = PurePosixPath(path_pattern)
        pattern_names = pattern._names
        if not pattern_names and not pattern._root:
            raise ValueError('empty pattern')
        names = self._names
        if pattern._root:
            if self._root != pattern._root or len(names) != len(pattern_names):
                return False
        elif len(pattern_names) > len(names):
            return False
        for name, pat in zip(reversed(names), reversed(pattern_names)):
            if not _match_name(name, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure path with POSIX syntax."""

    __slots__ = ()


class PureWindowsPath(PurePath):
    """Windows syntax is not implemented in coil: this keeps the name only."""

    __slots__ = ()

    def __new__(cls, *args):
        raise NotImplementedError('PureWindowsPath is not available in coil')


class Path(PurePath):
    """A path on the filesystem; Path() makes a PosixPath."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parsed(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)._from_parsed((os.getcwd(), self))

    def resolve(self, strict=False):
        realpath = getattr(os.path, 'realpath', None)
        if realpath is not None:
            resolved = realpath(str(self))
        else:
            # Without os.path.realpath symlinks stay unresolved.
            resolved = os.path.normpath(os.path.abspath(str(self)))
        path = type(self)(resolved)
        if strict and not path.exists():
            raise FileNotFoundError(2, 'No such file or directory', str(self))
        return path

    def expanduser(self):
        if self._names and self._names[0][:1] == '~' and not self._root:
            return type(self)(os.path.expanduser(str(self)))
        return self

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            return os.stat(self)
        return os.lstat(self)

    def lstat(self):
        return os.lstat(self)

    def exists(self):
        return os.path.exists(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def is_file(self):
        return os.path.isfile(str(self))

    def is_symlink(self):
        islink = getattr(os.path, 'islink', None)
        return islink(str(self)) if islink is not None else False

    def is_mount(self):
        ismount = getattr(os.path, 'ismount', None)
        return ismount(str(self)) if ismount is not None else str(self.absolute()) == '/'

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, Path) else type(self)(other_path)
        samefile = getattr(os.path, 'samefile', None)
        if samefile is not None:
            return samefile(str(self), str(other))
        return self.resolve() == other.resolve()

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._make(self._root, self._names + (name,))

    def _select(self, pattern_names):
        """The paths below self matching the names of a relative pattern."""
        if not pattern_names:
            yield self
            return
        first, rest = pattern_names[0], pattern_names[1:]
        if first == '**':
            for directory in self._walk_dirs():
                yield from directory._select(rest) if rest else (directory,)
            return
        if '**' in first:
            raise ValueError("Invalid pattern: '**' can only be an entire path component")
        if not any(ch in first for ch in '*?['):
            child = self._make(self._root, self._names + (first,))
            if rest:
                if child.is_dir():
                    yield from child._select(rest)
            elif child.exists():
                yield child
            return
        try:
            names = os.listdir(str(self))
        except OSError:
            return
        for name in names:
            if _match_name(name, first):
                child = self._make(self._root, self._names + (name,))
                if rest:
                    if child.is_dir():
                        yield from child._select(rest)
                else:
                    yield child

    def _walk_dirs(self):
        yield self
        try:
            names = os.listdir(str(self))
        except OSError:
            return
        for name in names:
            child = self._make(self._root, self._names + (name,))
            if child.is_dir() and not child.is_symlink():
                yield from child._walk_dirs()

    def _glob(self, pattern, recursive_prefix):
        if not pattern:
            raise ValueError('Unacceptable pattern: {!r}'.format(pattern))
        root, names = _parse_one(pattern)
        if root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        if recursive_prefix:
            names = ['**'] + names
        seen = set()
        for path in self._select(tuple(names)):
            if path not in seen:
                seen.add(path)
                yield path

    def glob(self, pattern):
        """Iterate over the paths below this directory matching the pattern;
        '**' matches this directory and every directory below it."""
        return self._glob(pattern, False)

    def rglob(self, pattern):
        """glob() with '**/' put before the pattern."""
        return self._glob(pattern, True)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        kwargs = {}
        if buffering != -1:
            kwargs['buffering'] = buffering
        if encoding is not None:
            kwargs['encoding'] = encoding
        if errors is not None:
            kwargs['errors'] = errors
        if newline is not None:
            kwargs['newline'] = newline
        return open(str(self), mode, **kwargs)

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(bytes(view))

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists', str(self))
            return
        with open(str(self), 'a'):
            pass

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        os.rename(str(self), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        replace = getattr(os, 'replace', os.rename)  # the same on POSIX
        replace(str(self), os.fspath(target))
        return type(self)(target)

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(str(self), mode)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(os.fspath(target), str(self))

    def readlink(self):
        return type(self)(os.readlink(str(self)))


class PosixPath(Path, PurePosixPath):
    """A filesystem path on a POSIX system."""

    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
