import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'enc.txt')
    with open(path, 'w', encoding='latin-1') as f:
        f.write('café')
    with open(path, 'rb') as f:
        print(f.read())
    with open(path, encoding='latin-1') as f:
        print(f.read())
    try:
        with open(path, encoding='utf-8') as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    with open(path, encoding='utf-8', errors='replace') as f:
        print(f.read())
    try:
        with open(path, 'w', encoding='ascii') as f:
            f.write('naïve')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write('a\r\nb\n')
    with open(path, encoding='utf-8') as f:
        print(repr(f.read()))
    with open(path, encoding='utf-8', newline='') as f:
        print(repr(f.read()))
