"""Unix shell-style filename matching: fnmatch, fnmatchcase, filter, and
translate (the pattern as a regular expression string).

Patterns: * matches everything, ? any single character, [seq] any character
in seq, [!seq] any character not in seq. Matching is done here directly
(without the re module), by the same rules translate() writes out.
"""

import os

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

_STAR = object()

# Characters re.escape escapes.
_RE_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _re_escape(s):
    return ''.join('\\' + c if c in _RE_SPECIAL else c for c in s)


def _parse_class(pat, i, n):
    """Parse the bracket expression whose '[' is just before pat[i].
    Returns (chunks, negate, end) with end just past ']', or None when
    the bracket is not closed (and so is a literal '[')."""
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    if j >= n:
        return None
    negate = pat[i] == '!' and j > i + 1
    start = i + 1 if negate else i
    stuff = pat[start:j]
    # A '-' between two characters makes a range; the first character of
    # the class (after '!') and a trailing '-' are literal, as is a '-'
    # right after a range.
    chunks = []
    k = start + 1
    while True:
        k = pat.find('-', k, j)
        if k < 0:
            break
        chunks.append(pat[start:k])
        start = k + 1
        k = k + 3
    chunk = pat[start:j]
    if chunk:
        chunks.append(chunk)
    elif chunks:
        chunks[-1] += '-'
    else:
        chunks.append(chunk)
    # Drop empty ranges (such as z-a), as translate() must for re.
    for k in range(len(chunks) - 1, 0, -1):
        if chunks[k - 1] and chunks[k] and chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
    return chunks, negate, j + 1


def _tokens(pat):
    """The pattern as a list of tokens: a str (one literal character),
    _STAR, None (any one character), or (negate, chunks) for a class."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == '?':
            tokens.append(None)
        elif c == '[':
            parsed = _parse_class(pat, i, n)
            if parsed is None:
                tokens.append('[')
            else:
                chunks, negate, i = parsed
                tokens.append((negate, chunks))
        else:
            tokens.append(c)
    return tokens


def _class_matches(token, c):
    negate, chunks = token
    found = False
    for k, chunk in enumerate(chunks):
        if c in chunk:
            found = True
            break
        if k and chunks[k - 1] and chunk and chunks[k - 1][-1] <= c <= chunk[0]:
            found = True
            break
    return found != negate


def _class_regex(token):
    negate, chunks = token
    stuff = '-'.join(s.replace('\\', '\\\\').replace('-', '\\-') for s in chunks)
    # Escape the set operations (&&, ~~, ||) re may one day support.
    stuff = ''.join('\\' + ch if ch in '&~|' else ch for ch in stuff)
    if not stuff:
        return '.' if negate else '(?!)'
    if negate:
        return '[^' + stuff + ']'
    if stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    return '[' + stuff + ']'


def _token_regex(token):
    if token is None:
        return '.'
    if isinstance(token, str):
        return _re_escape(token)
    return _class_regex(token)


def translate(pat):
    """Translate a shell pattern to a regular expression string."""
    pieces = [token if token is _STAR else _token_regex(token) for token in _tokens(pat)]
    out = []
    i, n = 0, len(pieces)
    while i < n and pieces[i] is not _STAR:
        out.append(pieces[i])
        i += 1
    # Each interior "* fixed" becomes a lazy atomic group, so that joined
    # translations never backtrack into one another; the last * is greedy.
    while i < n:
        i += 1
        if i == n:
            out.append('.*')
            break
        fixed = []
        while i < n and pieces[i] is not _STAR:
            fixed.append(pieces[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            out.append('.*')
            out.append(fixed)
        else:
            out.append(f'(?>.*?{fixed})')
    return fr'(?s:{"".join(out)})\Z'


_cache = {}
_CACHE_LIMIT = 32768


def _compiled(pat):
    tokens = _cache.get(pat)
    if tokens is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        tokens = _cache[pat] = _tokens(pat)
    return tokens


def _token_matches(token, c):
    if token is None:
        return True
    if isinstance(token, str):
        return token == c
    return _class_matches(token, c)


def _match(tokens, name):
    """Whether the token list matches all of name; a * is retried from one
    character further on each failure (at most len(name) times per star)."""
    t = s = 0
    nt, ns = len(tokens), len(name)
    star_t = -1
    star_s = 0
    while s < ns:
        if t < nt:
            token = tokens[t]
            if token is _STAR:
                star_t = t
                star_s = s
                t += 1
                continue
            if _token_matches(token, name[s]):
                t += 1
                s += 1
                continue
        if star_t < 0:
            return False
        t = star_t + 1
        star_s += 1
        s = star_s
    while t < nt and tokens[t] is _STAR:
        t += 1
    return t == nt


def fnmatchcase(name, pat):
    """Whether name matches pat, case-sensitively."""
    return _match(_compiled(pat), name)


def _normcase(path):
    # os.path.normcase is the identity on POSIX, where coil runs.
    normcase = getattr(os.path, 'normcase', None)
    return path if normcase is None else normcase(path)


def fnmatch(name, pat):
    """Whether name matches pat, after os.path.normcase of both."""
    return fnmatchcase(_normcase(name), _normcase(pat))


def filter(names, pat):
    """The elements of names that match pat."""
    tokens = _compiled(_normcase(pat))
    return [name for name in names if _match(tokens, _normcase(name))]
