m = memoryview(b'abcdef')
print(m[0], m[-1], bytes(m[1:3]), len(m), m.tobytes(), m.readonly, m.tolist()[:3])
ba = bytearray(b'xyz')
mv = memoryview(ba)
mv[0] = ord('X')
print(ba, mv.readonly)
try:
    m[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
