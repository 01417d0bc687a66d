for b in (b'', b'plain', b"it's", b'say "hi"', b'both \' and "', b'\x00\x01\x7f\x80\xff', b'\t\n\r\\', bytes(range(30, 40))):
    print(repr(b))
print(str(b'x'), bytearray(b"it's"), repr(bytearray()))
