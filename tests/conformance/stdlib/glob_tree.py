# glob over a small temporary tree: wildcards, hidden names, trailing separators, '**', root_dir, escape.
import glob
import os
import tempfile

top = tempfile.mkdtemp()
files = ['a.txt', 'b.txt', 'c.py', '.hidden.txt', 'sub/d.txt', 'sub/e.py', 'sub/deeper/f.txt',
         'sub/.secret/g.txt', 'other/h.txt', 'weird[1].txt', 'star*.txt']
for f in files:
    path = os.path.join(top, f)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as fh:
        fh.write('x')
os.makedirs(os.path.join(top, 'emptydir'))

old = os.getcwd()
os.chdir(top)
try:
    for pattern, kw in [('*.txt', {}), ('*', {}), ('*/', {}), ('?.py', {}), ('[ab].txt', {}),
                        ('sub/*', {}), ('*/*.txt', {}), ('*/*/*.txt', {}), ('nothing*', {}),
                        ('a.txt', {}), ('missing.txt', {}), ('sub/', {}), ('sub', {}),
                        ('**', {}), ('**', {'recursive': True}), ('**/*.txt', {'recursive': True}),
                        ('sub/**', {'recursive': True}), ('sub/**/', {'recursive': True}),
                        ('**/', {'recursive': True}), ('*.txt', {'include_hidden': True}),
                        ('**/*.txt', {'recursive': True, 'include_hidden': True}),
                        ('.*', {}), ('weird[1].txt', {}), (glob.escape('weird[1].txt'), {}),
                        (glob.escape('star*.txt'), {}), ('', {})]:
        print(repr(pattern), kw, sorted(glob.glob(pattern, **kw)))
    print(sorted(glob.glob('*.txt', root_dir='sub')), sorted(glob.glob('**', root_dir='sub', recursive=True)))
    print(sorted(glob.iglob('sub/*.py')), type(glob.iglob('*')).__name__ != 'list')
    print(sorted(p.replace(top, 'TOP') for p in glob.glob(os.path.join(top, 's*', '*.txt'))))
finally:
    os.chdir(old)
print(glob.escape('a[b]*c?'), glob.escape('/plain/path'), glob.escape(b'x*y'), glob.has_magic('a*'),
      glob.has_magic('abc'), glob.has_magic(b'[x]'))

for f in files:
    os.remove(os.path.join(top, f))
for d in ['sub/deeper', 'sub/.secret', 'sub', 'other', 'emptydir', '']:
    os.rmdir(os.path.join(top, d))
print(os.path.exists(top))
