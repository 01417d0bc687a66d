# Concrete paths: making, reading, writing, listing and removing files.
import os
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    base = Path(tmp)
    print(base.is_absolute(), base.exists(), base.is_dir(), base.is_file())
    d = base / 'one' / 'two'
    try:
        d.mkdir()
    except FileNotFoundError as e:
        print(type(e).__name__)
    d.mkdir(parents=True)
    d.mkdir(exist_ok=True)
    try:
        d.mkdir()
    except FileExistsError as e:
        print(type(e).__name__)
    f = d / 'notes.txt'
    print(f.write_text('line one\nline two\n'), f.read_text(), f.exists(), f.is_file(), f.is_dir())
    print(f.write_bytes(b'\x00\x01bytes'), f.read_bytes())
    with f.open('w') as out:
        out.write('via open')
    with f.open() as inp:
        print(inp.read())
    with f.open('a', encoding='utf-8') as out:
        out.write('!')
    print(f.read_text(encoding='utf-8'))
    try:
        f.write_text(b'x')
    except TypeError as e:
        print(type(e).__name__, e)
    (base / 'one' / 'a.py').write_text('a')
    (base / 'one' / 'b.py').write_text('b')
    (base / 'one' / '.hidden.py').write_text('h')
    (base / 'top.txt').touch()
    (base / 'top.txt').touch()
    try:
        (base / 'top.txt').touch(exist_ok=False)
    except FileExistsError as e:
        print(type(e).__name__)
    rel = lambda paths: sorted(str(p.relative_to(base)) for p in paths)
    print(rel(base.iterdir()))
    print(rel((base / 'one').iterdir()))
    print(rel(base.glob('*')))
    print(rel(base.glob('one/*.py')))
    print(rel(base.glob('**/*.py')))
    print(rel(base.glob('**/*.txt')))
    print(rel(base.glob('**')))
    print(rel(base.rglob('*.txt')))
    print(rel(base.rglob('*')))
    print(rel(base.glob('one/two')), rel(base.glob('missing/*')), rel(base.glob('*/two/notes.txt')))
    for pattern in ('', '/abs'):
        try:
            list(base.glob(pattern))
        except (ValueError, NotImplementedError) as e:
            print(type(e).__name__, e)
    moved = (base / 'top.txt').rename(base / 'moved.txt')
    print(type(moved).__name__, moved.name, (base / 'top.txt').exists(), moved.exists())
    replaced = moved.replace(base / 'again.txt')
    print(replaced.name, replaced.exists())
    replaced.unlink()
    replaced.unlink(missing_ok=True)
    try:
        replaced.unlink()
    except FileNotFoundError as e:
        print(type(e).__name__, e.filename == str(replaced))
    try:
        (base / 'one').rmdir()
    except OSError as e:
        print(type(e).__name__)
    f.unlink()
    d.rmdir()
    print(d.exists(), rel(base.rglob('*')))

    old = os.getcwd()
    os.chdir(tmp)
    print(Path.cwd() == Path(os.getcwd()), Path('one').absolute() == base.resolve() / 'one')
    print(Path('one/../one/./a.py').resolve() == base.resolve() / 'one' / 'a.py')
    print(Path('one').resolve().is_absolute(), Path('x').absolute().name)
    os.chdir(old)
print(Path.home() == Path(os.path.expanduser('~')), Path('~/x').expanduser() == Path.home() / 'x',
      Path('a/~').expanduser())
try:
    Path('/no/such/file').read_text()
except FileNotFoundError as e:
    print(type(e).__name__, e)
