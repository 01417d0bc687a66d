# hexlify/unhexlify, base64 both ways, crc32, and their errors.
import binascii

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(binascii.hexlify(b'\x00\xffab'), binascii.b2a_hex(bytearray(b'xyz')), binascii.hexlify(b'abcd', '-'))
print(binascii.hexlify(b'abcdef', b':', 2), binascii.hexlify(b''))
print(binascii.unhexlify(b'00ff6162'), binascii.unhexlify('4A4b'), binascii.a2b_hex(b''))
for data in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256))[:40]]:
    encoded = binascii.b2a_base64(data)
    print(encoded, binascii.a2b_base64(encoded) == data, binascii.b2a_base64(data, newline=False))
print(binascii.a2b_base64('aGVs bG8=\n'), binascii.a2b_base64(b'aGVsbG8=trailing'), binascii.a2b_base64(b'YQ==YQ=='))
print(binascii.a2b_base64(b'Y!Q*=='), binascii.a2b_base64(b''))
print(binascii.crc32(b'hello'), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.crc32(b'hello world'), binascii.crc32(b'x', -1), binascii.crc32(b'x', 2**40 + 5))
attempt(lambda: binascii.unhexlify(b'abc'))
attempt(lambda: binascii.unhexlify(b'zz'))
attempt(lambda: binascii.unhexlify('é0'))
attempt(lambda: binascii.a2b_base64(b'abcde'))
attempt(lambda: binascii.a2b_base64(b'abc'))
attempt(lambda: binascii.a2b_base64(b'ab=c'))
attempt(lambda: binascii.hexlify('text'))
attempt(lambda: binascii.b2a_base64('text'))
attempt(lambda: binascii.crc32('text'))
attempt(lambda: binascii.unhexlify(5))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)
