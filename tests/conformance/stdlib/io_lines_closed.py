# Line methods of StringIO and BytesIO: readlines' hint, and their messages on a closed stream.
import io
for cls, data in ((io.StringIO, 'a\nb\nc\n'), (io.BytesIO, b'a\nb\nc\n')):
    f = cls(data)
    print(list(f), f.readlines(), cls(data).readlines(2))
    g = cls(); g.writelines([data[:2], data[2:]]); print(g.getvalue())
    f.close()
    for op in (lambda: iter(f), lambda: f.readlines(), lambda: f.writelines([])):
        try: op()
        except ValueError as e: print(e)
print(io.StringIO('ab\ncd\nef\n').readlines(3), io.BytesIO(b'ab\ncd\nef\n').readlines(3))
print(io.StringIO('ab\ncd\nef\n').readlines(0), io.BytesIO(b'ab\ncd\nef\n').readlines(-1))
