# Copying and moving files and trees, removing trees.
import os
import shutil
import tempfile


def tree(root):
    found = []
    stack = [root]
    while stack:
        folder = stack.pop()
        for name in sorted(os.listdir(folder)):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root) if hasattr(os.path, 'relpath') else full[len(root) + 1:]
            if os.path.isdir(full):
                found.append(rel + '/')
                stack.append(full)
            else:
                with open(full) as f:
                    found.append('%s=%s' % (rel, f.read()))
    return sorted(found)


with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    with open('a.txt', 'w') as f:
        f.write('alpha')
    print(shutil.copyfile('a.txt', 'b.txt'), open('b.txt').read())
    try:
        shutil.copyfile('a.txt', 'a.txt')
    except shutil.SameFileError as e:
        print(type(e).__name__, e, isinstance(e, OSError))
    try:
        shutil.copyfile('missing.txt', 'c.txt')
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    os.mkdir('dir')
    print(shutil.copy('a.txt', 'dir'), shutil.copy2('a.txt', 'dir/c.txt'), shutil.copy('a.txt', 'd.txt'))
    print(tree('.'))
    os.makedirs('src/sub/deeper')
    for name, text in (('src/x.py', 'x'), ('src/x.pyc', 'compiled'), ('src/sub/y.txt', 'y'),
                       ('src/sub/deeper/z.py', 'z')):
        with open(name, 'w') as f:
            f.write(text)
    print(shutil.copytree('src', 'dst'))
    print(tree('dst'))
    shutil.copytree('src', 'filtered', ignore=shutil.ignore_patterns('*.pyc', 'deep*'))
    print(tree('filtered'))
    try:
        shutil.copytree('src', 'dst')
    except FileExistsError as e:
        print(type(e).__name__)
    shutil.copytree('src', 'dst', dirs_exist_ok=True)
    seen = []
    shutil.copytree('src', 'logged', ignore=lambda d, names: seen.append(sorted(names)) or set())
    print(seen)
    print(shutil.move('b.txt', 'moved.txt'), os.path.exists('b.txt'))
    print(shutil.move('moved.txt', 'dir'), sorted(os.listdir('dir')))
    print(shutil.move('filtered', 'dst'), sorted(os.listdir('dst')))
    try:
        shutil.move('a.txt', 'dir') and shutil.move('d.txt', 'dir/a.txt')
        with open('a.txt', 'w') as f:
            f.write('again')
        shutil.move('a.txt', 'dir')
    except shutil.Error as e:
        print(type(e).__name__, str(e).replace(tmp, 'TMP'))
    shutil.rmtree('dst')
    print(os.path.exists('dst'), sorted(os.listdir('.')))
    try:
        shutil.rmtree('dst')
    except FileNotFoundError as e:
        print(type(e).__name__)
    shutil.rmtree('dst', ignore_errors=True)
    calls = []
    shutil.rmtree('dst', onerror=lambda func, path, info: calls.append((path, info[0].__name__)))
    print(calls)
    with open('f.bin', 'wb') as f:
        f.write(bytes(range(256)) * 1000)
    import io
    src, dst = io.BytesIO(b'x' * 100000), io.BytesIO()
    shutil.copyfileobj(src, dst, 1000)
    print(len(dst.getvalue()))
    shutil.copyfile('f.bin', 'g.bin')
    print(open('g.bin', 'rb').read() == open('f.bin', 'rb').read())
    os.chdir('/')
