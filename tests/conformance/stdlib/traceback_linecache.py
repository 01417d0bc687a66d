# linecache (getline, getlines, checkcache, clearcache, updatecache,
# lazycache) and the source lines traceback reads through it: files changed
# on disk, lines registered by hand, loaders that give source.
import linecache
import os
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))

print(linecache.__all__)
print(repr(linecache.getline(__file__, 1)))
print(repr(linecache.getline(__file__, 0)), repr(linecache.getline(__file__, 10**6)))
print(repr(linecache.getline('no/such/file.py', 1)), linecache.getlines('no/such/file.py'))
print(linecache.getlines('<string>'), linecache.getline('<stdin>', 1), repr(linecache.getline('', 1)))
lines = linecache.getlines(__file__)
print(len(lines) > 10, all(line.endswith('\n') for line in lines))
print(__file__ in linecache.cache, len(linecache.cache[__file__]), linecache.cache[__file__][3] == __file__)

# A relative name is looked for along sys.path.
print(repr(linecache.getline(os.path.basename(__file__), 2)))

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'mod.py')
    with open(path, 'w') as f:
        f.write('first\nsecond\r\nthird\rfourth')
    print(linecache.getlines(path))
    size, mtime, cached, fullname = linecache.cache[path]
    print(size, cached is linecache.getlines(path), fullname == path)

    # Changed on disk: checkcache drops the stale lines.
    with open(path, 'w') as f:
        f.write('changed line one\nline two, longer than before\n')
    print(linecache.getline(path, 1), end='')
    linecache.checkcache(path)
    print(linecache.getline(path, 1), end='')
    linecache.checkcache()
    print(path in linecache.cache)
    os.remove(path)
    linecache.checkcache(path)
    print(path in linecache.cache, linecache.getlines(path))

    # Encodings: a BOM, a coding cookie, undecodable bytes.
    for name, data in (('bom.py', b'\xef\xbb\xbfx = 1\n'),
                       ('latin.py', b'# -*- coding: latin-1 -*-\ns = "\xe9"\n'),
                       ('second.py', b'#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nt = "\xe9"\n'),
                       ('bad.py', b'x = "\xff"\n'),
                       ('unknown.py', b'# coding: no-such-codec\nx = 1\n')):
        path = os.path.join(folder, name)
        with open(path, 'wb') as f:
            f.write(data)
        print(name, linecache.getlines(path))

    # A traceback reads the file as it is now.
    path = os.path.join(folder, 'shown.py')
    with open(path, 'w') as f:
        f.write('def fail():\n    return 1 / 0\n')
    namespace = {}
    exec(compile(open(path).read(), path, 'exec'), namespace)
    try:
        namespace['fail']()
    except ZeroDivisionError as error:
        caught = error
    print(traceback.format_tb(caught.__traceback__)[-1].replace(folder, '$TMP'), end='')
    with open(path, 'w') as f:
        f.write('def fail():\n    return  (1)  /  0  # edited\n')
    print(traceback.format_tb(caught.__traceback__)[-1].replace(folder, '$TMP'), end='')
    os.remove(path)
    print(traceback.format_tb(caught.__traceback__)[-1].replace(folder, '$TMP'), end='')

# clearcache empties the cache.
linecache.getlines(__file__)
linecache.clearcache()
print(linecache.cache)

# Lines registered by hand (mtime None) are kept by checkcache and used by
# tracebacks of code with that file name.
source = 'def broken():\n    return {}["key"]\n'
linecache.cache['<generated>'] = (len(source), None, source.splitlines(True), '<generated>')
namespace = {}
exec(compile(source, '<generated>', 'exec'), namespace)
try:
    namespace['broken']()
except KeyError as error:
    print(''.join(traceback.format_tb(error.__traceback__)[1:]), end='')
linecache.checkcache()
print('<generated>' in linecache.cache, linecache.getline('<generated>', 2), end='')
print(linecache.updatecache('<generated>'), '<generated>' in linecache.cache)


# lazycache: a loader's get_source gives the lines when first asked for.
class Loader:
    def __init__(self, text):
        self.text = text
        self.calls = 0

    def get_source(self, name):
        self.calls += 1
        return self.text


loader = Loader('alpha\nbeta\n')
module_globals = {'__name__': 'virtual', '__loader__': loader}
print(linecache.lazycache('virtual.py', module_globals), len(linecache.cache['virtual.py']), loader.calls)
print(linecache.lazycache('virtual.py', module_globals))
print(linecache.getlines('virtual.py'), loader.calls, linecache.cache['virtual.py'][1])
print(linecache.lazycache('virtual.py', module_globals))
print(linecache.lazycache('<virtual>', module_globals), linecache.lazycache('other.py', {}),
      linecache.lazycache('other.py', {'__name__': 'x'}), linecache.lazycache('other.py', None))


class Spec:
    loader = Loader('from a spec\n')


print(linecache.lazycache('spec.py', {'__name__': 'spec', '__spec__': Spec()}),
      linecache.getline('spec.py', 1, None), end='')
print(linecache.getline('given.py', 1, {'__name__': 'given', '__loader__': Loader('given\n')}), end='')
print(linecache.getline('none.py', 1, {'__name__': 'none', '__loader__': Loader(None)}) == '',
      'none.py' in linecache.cache)


class Failing:
    def get_source(self, name):
        raise ImportError('no source')


print(repr(linecache.getline('failing.py', 1, {'__name__': 'failing', '__loader__': Failing()})))
