# Pure paths: parsing, parts, names and suffixes, joining, relative_to, match.
from pathlib import PurePath, PurePosixPath, Path, PosixPath

for text in ('a/b/c.txt', '/usr//lib/./x.tar.gz', '', '.', '/', '//net/share', '///x', 'a/../b', '.hidden', 'dots.', 'a/b/'):
    p = PurePosixPath(text)
    print(repr(p), str(p), p.parts, repr(p.name), repr(p.stem), repr(p.suffix), p.suffixes,
          repr(p.root), repr(p.anchor), repr(p.drive), p.is_absolute())

p = PurePath('x', 'y/z', PurePath('w'))
print(type(p).__name__, p, PurePath('a', '/b', 'c'), PurePath(Path('q')))
print(Path('a') / 'b' / PurePath('c'), 'pre' / PurePath('x'), PurePath('/a') / '/b')
print(PurePath('a').joinpath('b', 'c'), PurePath('a').joinpath())
p = PurePosixPath('/home/user/project/src/main.py')
print(p.parent, p.parent.parent, PurePath('/').parent, PurePath('.').parent, PurePath('a').parent)
print(list(p.parents), len(p.parents), p.parents[0], p.parents[-1], p.parents[1:3], repr(p.parents))
print(list(PurePath('a/b').parents))
try:
    p.parents[10]
except IndexError as e:
    print('IndexError', e)
print(p.with_name('test.py'), p.with_suffix('.txt'), p.with_suffix(''), p.with_stem('other'),
      PurePath('a.tar.gz').with_suffix('.bz2'), PurePath('README').with_suffix('.md'))
for bad in (lambda: p.with_name(''), lambda: p.with_name('a/b'), lambda: p.with_suffix('txt'),
            lambda: p.with_suffix('.'), lambda: PurePath('/').with_name('x'),
            lambda: PurePath('').with_suffix('.x'), lambda: PurePath(5), lambda: PurePath('a') / 5,
            lambda: PurePath(b'bytes'), lambda: PurePath('a') < 'b'):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(p.relative_to('/home'), p.relative_to('/home/user/project/src/main.py'), p.relative_to('/', 'home'))
print(PurePath('a/b/c').relative_to('a'), PurePath('a/b').relative_to(''))
for a, b in (('/a/b', 'c'), ('a/b', '/a'), ('/a/b', '/c'), ('a', 'a/b'), ('/a', '')):
    try:
        print(PurePath(a).relative_to(b))
    except ValueError as e:
        print(type(e).__name__, e)
print(p.is_relative_to('/home'), p.is_relative_to('/etc'))

for path, pattern in (('a/b.py', '*.py'), ('/a/b/c.py', 'b/*.py'), ('/a/b/c.py', 'a/*.py'),
                      ('/a/b.py', '/*.py'), ('/a/b/c.py', '/*.py'), ('a/b.py', '/a/b.py'),
                      ('x/data1.csv', 'data[0-9].csv'), ('x/dataX.csv', 'data[!0-9].csv'),
                      ('a.txt', '?.txt'), ('ab.txt', '?.txt'), ('A.PY', '*.py'), ('a/b', '**/b'),
                      ('abc', 'a*c*'), ('abc', '*b'), ('', '*')):
    print(path, pattern, PurePath(path).match(pattern))
try:
    PurePath('a').match('')
except ValueError as e:
    print(type(e).__name__, e)

print(PurePath('a/b') == PurePosixPath('a//b'), PurePath('a') == Path('a'), PurePath('a') == 'a',
      PurePath('a') != PurePath('b'), hash(PurePath('a/b')) == hash(PurePath('a', 'b')))
print(sorted([PurePath('b'), PurePath('a/c'), PurePath('/z'), PurePath('a')]))
print(PurePath('a') < PurePath('b'), PurePath('b') >= PurePath('a'), {PurePath('x'): 1}[PurePath('x')])
print(PurePath('/a b/c%').as_uri(), PurePath('a/b').as_posix(), bytes(PurePath('a/é')))
try:
    PurePath('rel').as_uri()
except ValueError as e:
    print(type(e).__name__, e)
import os
print(os.fspath(PurePath('a/b')), str(PurePath('a/b')), PurePath('a').is_reserved())
print(type(Path('x')).__name__, isinstance(Path('x'), PurePath), isinstance(Path('x'), PurePosixPath),
      isinstance(PurePath('x'), Path), type(PosixPath('y')).__name__)
