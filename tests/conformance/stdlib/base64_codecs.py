# base64 and binascii: Base64 (standard, urlsafe, altchars, validate), Base32, Base16, MIME lines, CRCs.
import base64
import binascii


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xfb\xff\xbf']
for s in samples:
    e = base64.b64encode(s)
    print(e[:40], base64.b64decode(e) == s, base64.urlsafe_b64encode(s)[-8:],
          base64.b32encode(s)[:24], base64.b32decode(base64.b32encode(s)) == s,
          base64.b32hexencode(s[:7]), base64.b16encode(s[:8]), base64.b16decode(base64.b16encode(s)) == s)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.urlsafe_b64decode('-_8='), base64.standard_b64encode(b'x'), base64.standard_b64decode(b'eA=='))
print(base64.b64encode(bytearray(b'abc')), base64.b64decode(bytearray(b'YWJj')), base64.b64decode(memoryview(b'YWJj')))
for bad in ['YWJj', b'YWJ', b'YWJjZ', b'Y', b'YW=Jj', b'YWJj\n', b'YW Jj', b'!YWJj', b'YWJj====', 'é']:
    show(lambda: base64.b64decode(bad))
    show(lambda: base64.b64decode(bad, validate=True))
show(lambda: base64.b64encode('str'))
show(lambda: base64.b64decode(5))
show(lambda: base64.b32decode(b'MZXW6==='))
show(lambda: base64.b32decode(b'mzxw6==='))
show(lambda: base64.b32decode(b'mzxw6===', casefold=True))
show(lambda: base64.b32decode(b'MZXW6YQ'))
show(lambda: base64.b32decode(b'MZXW6YQ1'))
show(lambda: base64.b32decode(b'M1XW6===', map01=b'L'))
show(lambda: base64.b32decode(b'MZ======'))
show(lambda: base64.b32decode(b'M======='))
show(lambda: base64.b32hexdecode(b'CPNMU==='))
show(lambda: base64.b16decode(b'0aff'))
show(lambda: base64.b16decode(b'0aff', casefold=True))
show(lambda: base64.b16decode(b'0AF'))
long = bytes(range(200))
lines = base64.encodebytes(long)
print(lines)
print(base64.decodebytes(lines) == long, base64.encodebytes(b''), base64.encodebytes(b'x' * 57))
show(lambda: base64.encodebytes('s'))

print(binascii.hexlify(b'\x00\xffab'), binascii.b2a_hex(b'\x01\x02\x03', '-'),
      binascii.hexlify(b'\x01\x02\x03', b':', -2), binascii.unhexlify('00ffAB'), binascii.a2b_hex(b''))
show(lambda: binascii.unhexlify(b'abc'))
show(lambda: binascii.unhexlify(b'zz'))
print(binascii.b2a_base64(b'abc'), binascii.b2a_base64(b'ab', newline=False))
for s in [b'YQ', b'YQ=', b'YQ==', b'YQ===', b'Y', b'YWJjZ', b'YW Jj\nZA==', b'YQ==YQ==', b'=YQ==', b'Y=Q==', 'YWJj']:
    for strict in [False, True]:
        show(lambda: binascii.a2b_base64(s, strict_mode=strict))
print(binascii.crc32(b''), binascii.crc32(b'hello world'), binascii.crc32(b' world', binascii.crc32(b'hello')),
      binascii.crc32(b'abc', 12345), binascii.crc_hqx(b'123456789', 0), binascii.crc_hqx(b'abc', 0xffff))
print(issubclass(binascii.Error, ValueError))
