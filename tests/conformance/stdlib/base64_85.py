# base64 Ascii85 and base85: folding, padding, wrapping, Adobe framing, errors.
import base64


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for data in [b'', b'a', b'ab', b'abc', b'abcd', b'\0\0\0\0', b'\0\0\0', b'    ', b'   x', b'\xff' * 4,
             b'Man is distinguished', bytes(range(40))]:
    a = base64.a85encode(data)
    f = base64.a85encode(data, foldspaces=True)
    p = base64.a85encode(data, pad=True)
    e = base64.b85encode(data)
    print(data[:12], a, f, p, e, base64.b85encode(data, pad=True))
    print(base64.a85decode(a) == data, base64.a85decode(f, foldspaces=True) == data,
          base64.b85decode(e) == data, base64.a85decode(p)[:len(data)] == data)
text = bytes(range(60))
for kw in [{'wrapcol': 10}, {'wrapcol': 1, 'adobe': True}, {'adobe': True}, {'wrapcol': 20, 'adobe': True}]:
    enc = base64.a85encode(text, **kw)
    print(kw, enc)
    print(base64.a85decode(enc, adobe=kw.get('adobe', False)) == text)
show(lambda: base64.a85decode(b'<~87cURD]i,"Ebo80~>', adobe=True))
show(lambda: base64.a85decode(b'87cURD]i,"Ebo80~>', adobe=True))
show(lambda: base64.a85decode(b'87cURD]i,"Ebo80', adobe=True))
show(lambda: base64.a85decode(b'87c z'))
show(lambda: base64.a85decode(b'87cy', foldspaces=True))
show(lambda: base64.a85decode(b'abc{'))
show(lambda: base64.a85decode(b's8W-"'))
show(lambda: base64.a85decode(b'8 7\ncU\tRD', ignorechars=b' \n\t'))
show(lambda: base64.a85decode('87cURD]i,"Ebo80'))
show(lambda: base64.b85decode(b'VPa!sWoBn+X=-b1ZEkOHadLBXb#`}nd3r%'))
show(lambda: base64.b85decode(b'VPa!s"'))
show(lambda: base64.b85decode(b'|NsC0|NsC0'))
show(lambda: base64.b85decode('VE'))
