import os
import tempfile
for mode in ('rw', 'x+b+', 'q', 'rt b'):
    try:
        open('whatever.txt', mode)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    open('whatever.txt', 'rb', encoding='utf-8')
except ValueError as e:
    print(type(e).__name__, e)
with tempfile.TemporaryDirectory() as d:
    try:
        open(os.path.join(d, 'missing.txt'))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        open(d)
    except IsADirectoryError as e:
        print(type(e).__name__, e.errno, e.strerror)
    path = os.path.join(d, 'exists.txt')
    open(path, 'x').close()
    try:
        open(path, 'x')
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.strerror)
    f = open(path)
    f.close()
    try:
        f.read()
    except ValueError as e:
        print(type(e).__name__, e)
    with open(path, 'w') as f:
        try:
            f.read()
        except OSError as e:
            print(type(e).__name__, e)
try:
    open(3.5)
except TypeError as e:
    print(type(e).__name__, e)
