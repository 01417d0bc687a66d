"""Lines of source files, read once and kept, as CPython 3.11's linecache.

cache maps a file name to (size, mtime, lines, fullname), each line ending
in a newline, or, for a module whose loader can give its source, to a
one-element tuple (get_lines,) until the lines are first asked for. An mtime
of None marks lines that did not come from a file (checkcache keeps them).
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Forget every file read."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (counted from 1) of the file, with its newline; '' when
    there is no such line or the file cannot be read."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """The lines of the file, read now unless already cached."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drop the cached lines of files changed or gone since they were read
    (of every file, or just `filename`)."""
    if filename is None:
        names = list(cache)
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue  # not read yet
        size, mtime, _, fullname = entry
        if mtime is None:
            continue  # not from a file
        try:
            stat = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(name, None)


def _is_pseudo_name(filename):
    return not filename or (filename.startswith('<') and filename.endswith('>'))


def _from_loader(filename):
    """The lines a lazycache entry's loader gives, cached; None when it has
    none."""
    try:
        text = cache[filename][0]()
    except (ImportError, OSError):
        return None
    if text is None:
        return []
    lines = [line + '\n' for line in text.splitlines()]
    cache[filename] = (len(text), None, lines, filename)
    return lines


def updatecache(filename, module_globals=None):
    """Reads the file again (searching sys.path for a relative name, or
    asking the module's loader) and caches its lines; [] when it cannot."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        del cache[filename]
    if _is_pseudo_name(filename):
        return []
    fullname = filename
    try:
        stat = os.stat(fullname)
    except OSError:
        if lazycache(filename, module_globals):
            lines = _from_loader(filename)
            if lines is not None:
                return lines
        if os.path.isabs(filename):
            return []
        for directory in sys.path:
            try:
                fullname = os.path.join(directory, filename)
            except (TypeError, AttributeError):
                continue
            try:
                stat = os.stat(fullname)
                break
            except (OSError, ValueError):
                pass
        else:
            return []
    try:
        lines = _read_source_lines(fullname)
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return []
    cache[filename] = (stat.st_size, stat.st_mtime, lines, fullname)
    return lines


def lazycache(filename, module_globals):
    """Notes that the lines of `filename` can come from its module's loader
    (module_globals' __loader__ or __spec__.loader with get_source), for
    getlines to ask later. True when such an entry is there now."""
    entry = cache.get(filename)
    if entry is not None:
        return len(entry) == 1
    if _is_pseudo_name(filename):
        return False
    if not module_globals or '__name__' not in module_globals:
        return False
    name = module_globals['__name__']
    loader = module_globals.get('__loader__')
    if loader is None:
        spec = module_globals.get('__spec__')
        if spec:
            try:
                loader = spec.loader
            except AttributeError:
                pass
    get_source = getattr(loader, 'get_source', None)
    if not (name and get_source):
        return False

    def get_lines():
        return get_source(name)

    cache[filename] = (get_lines,)
    return True


# --- Reading a source file as the interpreter decodes it -----------------------

def _coding_cookie(line):
    """The encoding a "# -*- coding: NAME -*-" comment line declares, or None."""
    text = line.lstrip(b' \t\f')
    if not text.startswith(b'#'):
        return None
    at = text.find(b'coding')
    while at != -1:
        rest = text[at + 6:]
        if rest[:1] in (b':', b'='):
            rest = rest[1:].lstrip(b' \t')
            end = 0
            while end < len(rest) and (rest[end:end + 1].isalnum() or rest[end:end + 1] in b'-_.'):
                end += 1
            if end:
                return rest[:end].decode('ascii')
        at = text.find(b'coding', at + 6)
    return None


def _source_encoding(data):
    """The encoding of source bytes: a BOM, a coding cookie on one of the
    first two lines, or UTF-8."""
    if data.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    lines = data.split(b'\n', 2)
    first = lines[0]
    name = _coding_cookie(first)
    if name is None and len(lines) > 1:
        stripped = first.strip(b' \t\f\r')
        if not stripped or stripped.startswith(b'#'):
            name = _coding_cookie(lines[1])
    if name is None:
        return 'utf-8'
    normal = name.lower().replace('_', '-')
    if normal == 'utf-8' or normal.startswith('utf-8-'):
        return 'utf-8'
    if normal in ('latin-1', 'iso-8859-1', 'iso-latin-1') or normal.startswith(
            ('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
        return 'iso-8859-1'
    return name


def _read_source_lines(fullname):
    """The lines of a source file, decoded and with universal newlines; the
    last one given a newline if it had none."""
    with open(fullname, 'rb') as f:
        data = f.read()
    text = data.decode(_source_encoding(data))
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    lines = text.split('\n')
    if lines[-1] == '':
        lines.pop()
    return [line + '\n' for line in lines]
