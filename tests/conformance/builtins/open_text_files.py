import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'notes.txt')
    with open(path, 'w', encoding='utf-8') as f:
        print(f.write('line one\n'), f.write('second: é €\n'))
        f.writelines(['third\n', 'fourth'])
    with open(path, encoding='utf-8') as f:
        print(repr(f.read()))
    with open(path, encoding='utf-8') as f:
        print(f.readline(), end='')
        print(f.readlines())
    with open(path, encoding='utf-8') as f:
        print([line.rstrip('\n') for line in f])
    with open(path, 'a', encoding='utf-8') as f:
        f.write('\nappended')
    with open(path, encoding='utf-8') as f:
        print(f.read().splitlines()[-1], f.closed)
    print(f.closed)
    with open(path, 'r+', encoding='utf-8') as f:
        f.write('LINE')
        f.seek(0)
        print(f.readline().strip(), f.tell() > 0)
