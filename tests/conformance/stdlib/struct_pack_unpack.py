# pack/unpack of every code in each byte order, repeat counts, calcsize, Struct.
import struct

values = {'b': -5, 'B': 200, '?': True, 'h': -300, 'H': 60000, 'i': -70000, 'I': 4000000000,
          'l': -2, 'L': 7, 'q': -2**60, 'Q': 2**64 - 1, 'e': 1.5, 'f': 3.25, 'd': -1e300,
          'c': b'z'}
for order in ['', '@', '=', '<', '>', '!']:
    for code, value in values.items():
        data = struct.pack(order + code, value)
        print(repr(order + code), data, struct.unpack(order + code, data), struct.calcsize(order + code))
for code in 'nNP':
    print(code, struct.pack(code, 5), struct.unpack(code, struct.pack(code, 5)), struct.calcsize(code))

print(struct.calcsize('bi'), struct.calcsize('=bi'), struct.calcsize('ibh'), struct.calcsize('3b2xq'))
print(struct.pack('>3h2x?', 1, 2, 3, 0), struct.pack('<4s', b'ab'), struct.pack('3s', b'abcdef'))
print(struct.unpack('>5s', b'hello'), struct.pack('5p', b'hi'), struct.unpack('5p', b'\x02hiXY'))
print(struct.pack('p', b'abc'), struct.pack('0s', b'abc'), struct.unpack('3c', b'xyz'), struct.pack('i i', 1, 2))
print(struct.unpack('<e', struct.pack('<e', 0.1)), struct.pack('<e', 65504.0), struct.pack('<e', -0.0))
print(struct.pack('<e', 1e-7), struct.pack('<e', 5.96e-8), struct.pack('>e', float('inf')))
print(struct.unpack('<f', struct.pack('<f', 0.1)), struct.pack('<d', 1/3))
print(struct.unpack('<4?', bytes([0, 1, 2, 255])), struct.pack('??', [], 'x'))

s = struct.Struct('<hI')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
print(struct.Struct(b'>q').format, struct.Struct('q').size)
buf = bytearray(10)
s.pack_into(buf, 2, -1, 3)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=-6), struct.unpack_from('>b', buf))
struct.pack_into('<h', buf, -2, 513)
print(buf, struct.unpack_from('<h', buf, 8))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(s.iter_unpack(b'')))
it = struct.iter_unpack('b', b'abc')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(struct.unpack('<i', memoryview(b'\x01\x00\x00\x00')), struct.unpack('<H', bytearray(b'\xff\x00')))
class Idx:
    def __index__(self):
        return 7
print(struct.pack('<i', Idx()), struct.pack('<d', 3), struct.pack('<f', Idx()))
