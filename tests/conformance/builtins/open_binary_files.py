import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data.bin')
    with open(path, 'wb') as f:
        print(f.write(bytes(range(5))), f.write(b'\xff\xfe'))
    with open(path, 'rb') as f:
        data = f.read()
        print(data, type(data).__name__, len(data))
    with open(path, 'rb') as f:
        print(f.read(2), f.read(2), f.tell(), f.seek(-1, 2), f.read(), f.read())
    with open(path, 'ab') as f:
        f.write(b'!')
    with open(path, 'rb') as f:
        print(f.read()[-2:])
    try:
        with open(path, 'wb') as f:
            f.write('text')
    except TypeError as e:
        print(type(e).__name__, e)
