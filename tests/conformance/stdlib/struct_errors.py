# Every error path: ranges per code and byte order, buffer sizes, offsets, bad formats.
import struct
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for fmt, v in [('b',200),('B',-1),('h',70000),('H',-1),('i',2**31),('I',-1),('l',2**63),('L',-1),('q',2**63),('Q',-1),('<i',2**31),('<I',-1),('<q',2**64),('<Q',-1),('<l', 2**31),('<L',2**32),('n',2**63),('N',-1),('>h', 1.5),('c',b'ab'),('s','x'),('f',1e300),('e',1e6),('d','x'),('<b',300),('<B', 256), ('<h', 2**15), ('<H', 2**16),('P', -1)]:
    t(lambda: struct.pack(fmt, v))
t(lambda: struct.pack('ii', 1)); t(lambda: struct.unpack('q', b'abc')); t(lambda: struct.unpack_from('i', b'abcdefghij', 8))
t(lambda: struct.pack_into('i', bytearray(5), 2, 1)); t(lambda: list(struct.iter_unpack('i', b'abcde')))
t(lambda: struct.calcsize('y')); t(lambda: struct.calcsize('3')); t(lambda: struct.calcsize('<n')); t(lambda: struct.calcsize('999999999999999999999q'))
t(lambda: struct.calcsize('9999999999999999q')); t(lambda: struct.pack('i', '1')); t(lambda: struct.unpack_from('i', b'abcd', 5)); t(lambda: struct.unpack_from('i', b'abcd', -5))
t(lambda: struct.pack_into('i', bytearray(5), -9, 1)); t(lambda: struct.pack_into('i', b'12345', 0, 1)); t(lambda: struct.unpack('i', 'abcd')); t(lambda: struct.iter_unpack('', b''))
t(lambda: struct.pack('x', 1)); t(lambda: struct.Struct(5)); t(lambda: struct.pack('3s', 5))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
t(lambda: struct.calcsize("q" * 3 + "99999999999999999999999"))
t(lambda: struct.pack("<e", 1e300)); t(lambda: struct.pack("<e", 65520.0)); t(lambda: struct.pack())
t(lambda: struct.unpack("i")); t(lambda: struct.Struct("i").unpack(b"12345"))
t(lambda: struct.pack("?")); t(lambda: struct.pack("q", 2**200)); t(lambda: struct.pack("2c", b"a", "b"))
import struct
for f in [lambda: struct.pack_into("i"), lambda: struct.pack_into("i", bytearray(4)), lambda: struct.Struct("i").pack_into(bytearray(4))]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
